from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kling_image_2_video_request_shot_type import KlingImage2VideoRequestShotType
from ..models.kling_image_2_video_request_sound import KlingImage2VideoRequestSound
from ..models.kling_video_gen_aspect_ratio import KlingVideoGenAspectRatio
from ..models.kling_video_gen_duration import KlingVideoGenDuration
from ..models.kling_video_gen_mode import KlingVideoGenMode
from ..models.kling_video_gen_model_name import KlingVideoGenModelName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kling_camera_control import KlingCameraControl
    from ..models.kling_image_2_video_request_dynamic_masks_item import KlingImage2VideoRequestDynamicMasksItem
    from ..models.kling_image_2_video_request_element_list_item import KlingImage2VideoRequestElementListItem
    from ..models.kling_image_2_video_request_multi_prompt_item import KlingImage2VideoRequestMultiPromptItem
    from ..models.kling_image_2_video_request_watermark_info import KlingImage2VideoRequestWatermarkInfo


T = TypeVar("T", bound="KlingImage2VideoRequest")


@_attrs_define
class KlingImage2VideoRequest:
    """
    Attributes:
        model_name (KlingVideoGenModelName | Unset): Model Name
        image (str | Unset): Reference Image - URL or Base64 encoded string, cannot exceed 10MB, resolution not less
            than 300*300px, aspect ratio between 1:2.5 ~ 2.5:1. Base64 should not include data:image prefix.
        image_tail (str | Unset): Reference Image - End frame control. URL or Base64 encoded string, cannot exceed 10MB,
            resolution not less than 300*300px. Base64 should not include data:image prefix. Cannot be used simultaneously
            with dynamic_masks/static_mask or camera_control.
        multi_shot (bool | Unset): Whether to generate multi-shot video. When true, the prompt parameter is invalid.
            When false, the shot_type and multi_prompt parameters are invalid. Default: False.
        shot_type (KlingImage2VideoRequestShotType | Unset): Storyboard method. Required when the multi_shot parameter
            is set to true.
        prompt (str | Unset): Positive text prompt. Use <<<voice_1>>> to specify a voice matching the voice_list
            parameter order. A task can reference up to 2 tones. When specifying a tone, the sound parameter value must be
            on.
        multi_prompt (list[KlingImage2VideoRequestMultiPromptItem] | Unset): Information about each storyboard, such as
            prompts and duration. Supports up to 6 storyboards, with a minimum of 1. Required when multi_shot is true and
            shot_type is customize.
        negative_prompt (str | Unset): Negative text prompt. It is recommended to supplement negative prompt information
            through negative sentences directly within positive prompts.
        element_list (list[KlingImage2VideoRequestElementListItem] | Unset): Reference Element List based on element ID
            configuration. Supports up to 3 reference elements. The element_list and voice_list parameters are mutually
            exclusive.
        cfg_scale (float | Unset): Flexibility in video generation. The higher the value, the lower the model's degree
            of flexibility, and the stronger the relevance to the user's prompt.
        mode (KlingVideoGenMode | Unset): Video generation mode. std: Standard Mode, which is cost-effective. pro:
            Professional Mode, generates videos with longer duration but higher quality output.
        static_mask (str | Unset): Static Brush Application Area (Mask image created by users using the motion brush).
            The aspect ratio must match the input image.
        dynamic_masks (list[KlingImage2VideoRequestDynamicMasksItem] | Unset): Dynamic Brush Configuration List (up to 6
            groups). For 5-second videos, trajectory length must not exceed 77 coordinates.
        camera_control (KlingCameraControl | Unset):
        aspect_ratio (KlingVideoGenAspectRatio | Unset): Video aspect ratio
        duration (KlingVideoGenDuration | Unset): Video length in seconds
        sound (KlingImage2VideoRequestSound | Unset): Whether to generate sound simultaneously when generating videos.
            Only V2.6 and subsequent versions of the model support this parameter. Default:
            KlingImage2VideoRequestSound.OFF.
        watermark_info (KlingImage2VideoRequestWatermarkInfo | Unset): Whether to generate watermarked results
            simultaneously. Custom watermark is not supported at this time.
        callback_url (str | Unset): The callback notification address. Server will notify when the task status changes.
        external_task_id (str | Unset): Customized Task ID. Must be unique within a single user account.
    """

    model_name: KlingVideoGenModelName | Unset = UNSET
    image: str | Unset = UNSET
    image_tail: str | Unset = UNSET
    multi_shot: bool | Unset = False
    shot_type: KlingImage2VideoRequestShotType | Unset = UNSET
    prompt: str | Unset = UNSET
    multi_prompt: list[KlingImage2VideoRequestMultiPromptItem] | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    element_list: list[KlingImage2VideoRequestElementListItem] | Unset = UNSET
    cfg_scale: float | Unset = UNSET
    mode: KlingVideoGenMode | Unset = UNSET
    static_mask: str | Unset = UNSET
    dynamic_masks: list[KlingImage2VideoRequestDynamicMasksItem] | Unset = UNSET
    camera_control: KlingCameraControl | Unset = UNSET
    aspect_ratio: KlingVideoGenAspectRatio | Unset = UNSET
    duration: KlingVideoGenDuration | Unset = UNSET
    sound: KlingImage2VideoRequestSound | Unset = KlingImage2VideoRequestSound.OFF
    watermark_info: KlingImage2VideoRequestWatermarkInfo | Unset = UNSET
    callback_url: str | Unset = UNSET
    external_task_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model_name: str | Unset = UNSET
        if not isinstance(self.model_name, Unset):
            model_name = self.model_name.value

        image = self.image

        image_tail = self.image_tail

        multi_shot = self.multi_shot

        shot_type: str | Unset = UNSET
        if not isinstance(self.shot_type, Unset):
            shot_type = self.shot_type.value

        prompt = self.prompt

        multi_prompt: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.multi_prompt, Unset):
            multi_prompt = []
            for multi_prompt_item_data in self.multi_prompt:
                multi_prompt_item = multi_prompt_item_data.to_dict()
                multi_prompt.append(multi_prompt_item)

        negative_prompt = self.negative_prompt

        element_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.element_list, Unset):
            element_list = []
            for element_list_item_data in self.element_list:
                element_list_item = element_list_item_data.to_dict()
                element_list.append(element_list_item)

        cfg_scale = self.cfg_scale

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode.value

        static_mask = self.static_mask

        dynamic_masks: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.dynamic_masks, Unset):
            dynamic_masks = []
            for dynamic_masks_item_data in self.dynamic_masks:
                dynamic_masks_item = dynamic_masks_item_data.to_dict()
                dynamic_masks.append(dynamic_masks_item)

        camera_control: dict[str, Any] | Unset = UNSET
        if not isinstance(self.camera_control, Unset):
            camera_control = self.camera_control.to_dict()

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio.value

        duration: str | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration.value

        sound: str | Unset = UNSET
        if not isinstance(self.sound, Unset):
            sound = self.sound.value

        watermark_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.watermark_info, Unset):
            watermark_info = self.watermark_info.to_dict()

        callback_url = self.callback_url

        external_task_id = self.external_task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if image is not UNSET:
            field_dict["image"] = image
        if image_tail is not UNSET:
            field_dict["image_tail"] = image_tail
        if multi_shot is not UNSET:
            field_dict["multi_shot"] = multi_shot
        if shot_type is not UNSET:
            field_dict["shot_type"] = shot_type
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if multi_prompt is not UNSET:
            field_dict["multi_prompt"] = multi_prompt
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if element_list is not UNSET:
            field_dict["element_list"] = element_list
        if cfg_scale is not UNSET:
            field_dict["cfg_scale"] = cfg_scale
        if mode is not UNSET:
            field_dict["mode"] = mode
        if static_mask is not UNSET:
            field_dict["static_mask"] = static_mask
        if dynamic_masks is not UNSET:
            field_dict["dynamic_masks"] = dynamic_masks
        if camera_control is not UNSET:
            field_dict["camera_control"] = camera_control
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration
        if sound is not UNSET:
            field_dict["sound"] = sound
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kling_camera_control import KlingCameraControl  # noqa: PLC0415
        from ..models.kling_image_2_video_request_dynamic_masks_item import KlingImage2VideoRequestDynamicMasksItem  # noqa: PLC0415
        from ..models.kling_image_2_video_request_element_list_item import KlingImage2VideoRequestElementListItem  # noqa: PLC0415
        from ..models.kling_image_2_video_request_multi_prompt_item import KlingImage2VideoRequestMultiPromptItem  # noqa: PLC0415
        from ..models.kling_image_2_video_request_watermark_info import KlingImage2VideoRequestWatermarkInfo  # noqa: PLC0415

        d = dict(src_dict)
        _model_name = d.pop("model_name", UNSET)
        model_name: KlingVideoGenModelName | Unset
        if isinstance(_model_name, Unset):
            model_name = UNSET
        else:
            model_name = KlingVideoGenModelName(_model_name)

        image = d.pop("image", UNSET)

        image_tail = d.pop("image_tail", UNSET)

        multi_shot = d.pop("multi_shot", UNSET)

        _shot_type = d.pop("shot_type", UNSET)
        shot_type: KlingImage2VideoRequestShotType | Unset
        if isinstance(_shot_type, Unset):
            shot_type = UNSET
        else:
            shot_type = KlingImage2VideoRequestShotType(_shot_type)

        prompt = d.pop("prompt", UNSET)

        _multi_prompt = d.pop("multi_prompt", UNSET)
        multi_prompt: list[KlingImage2VideoRequestMultiPromptItem] | Unset = UNSET
        if _multi_prompt is not UNSET:
            multi_prompt = []
            for multi_prompt_item_data in _multi_prompt:
                multi_prompt_item = KlingImage2VideoRequestMultiPromptItem.from_dict(multi_prompt_item_data)

                multi_prompt.append(multi_prompt_item)

        negative_prompt = d.pop("negative_prompt", UNSET)

        _element_list = d.pop("element_list", UNSET)
        element_list: list[KlingImage2VideoRequestElementListItem] | Unset = UNSET
        if _element_list is not UNSET:
            element_list = []
            for element_list_item_data in _element_list:
                element_list_item = KlingImage2VideoRequestElementListItem.from_dict(element_list_item_data)

                element_list.append(element_list_item)

        cfg_scale = d.pop("cfg_scale", UNSET)

        _mode = d.pop("mode", UNSET)
        mode: KlingVideoGenMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = KlingVideoGenMode(_mode)

        static_mask = d.pop("static_mask", UNSET)

        _dynamic_masks = d.pop("dynamic_masks", UNSET)
        dynamic_masks: list[KlingImage2VideoRequestDynamicMasksItem] | Unset = UNSET
        if _dynamic_masks is not UNSET:
            dynamic_masks = []
            for dynamic_masks_item_data in _dynamic_masks:
                dynamic_masks_item = KlingImage2VideoRequestDynamicMasksItem.from_dict(dynamic_masks_item_data)

                dynamic_masks.append(dynamic_masks_item)

        _camera_control = d.pop("camera_control", UNSET)
        camera_control: KlingCameraControl | Unset
        if isinstance(_camera_control, Unset):
            camera_control = UNSET
        else:
            camera_control = KlingCameraControl.from_dict(_camera_control)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: KlingVideoGenAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = KlingVideoGenAspectRatio(_aspect_ratio)

        _duration = d.pop("duration", UNSET)
        duration: KlingVideoGenDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = KlingVideoGenDuration(_duration)

        _sound = d.pop("sound", UNSET)
        sound: KlingImage2VideoRequestSound | Unset
        if isinstance(_sound, Unset):
            sound = UNSET
        else:
            sound = KlingImage2VideoRequestSound(_sound)

        _watermark_info = d.pop("watermark_info", UNSET)
        watermark_info: KlingImage2VideoRequestWatermarkInfo | Unset
        if isinstance(_watermark_info, Unset):
            watermark_info = UNSET
        else:
            watermark_info = KlingImage2VideoRequestWatermarkInfo.from_dict(_watermark_info)

        callback_url = d.pop("callback_url", UNSET)

        external_task_id = d.pop("external_task_id", UNSET)

        kling_image_2_video_request = cls(
            model_name=model_name,
            image=image,
            image_tail=image_tail,
            multi_shot=multi_shot,
            shot_type=shot_type,
            prompt=prompt,
            multi_prompt=multi_prompt,
            negative_prompt=negative_prompt,
            element_list=element_list,
            cfg_scale=cfg_scale,
            mode=mode,
            static_mask=static_mask,
            dynamic_masks=dynamic_masks,
            camera_control=camera_control,
            aspect_ratio=aspect_ratio,
            duration=duration,
            sound=sound,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        kling_image_2_video_request.additional_properties = d
        return kling_image_2_video_request

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
