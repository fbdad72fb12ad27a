from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kling_motion_control_request_character_orientation import KlingMotionControlRequestCharacterOrientation
from ..models.kling_motion_control_request_keep_original_sound import KlingMotionControlRequestKeepOriginalSound
from ..models.kling_motion_control_request_mode import KlingMotionControlRequestMode
from ..models.kling_motion_control_request_model_name import KlingMotionControlRequestModelName
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kling_motion_control_request_element_list_item import KlingMotionControlRequestElementListItem
    from ..models.kling_motion_control_request_watermark_info import KlingMotionControlRequestWatermarkInfo


T = TypeVar("T", bound="KlingMotionControlRequest")


@_attrs_define
class KlingMotionControlRequest:
    """
    Attributes:
        image_url (str): Reference Image. The characters, backgrounds, and other elements in the generated video are
            based on the reference image. Supports inputting image Base64 encoding or image URL (ensure accessibility).
            Supported image formats include .jpg / .jpeg / .png. The image file size cannot exceed 10MB, and the width and
            height dimensions of the image range from 300px to 65536px, and the aspect ratio of the image should be between
            1:2.5 ~ 2.5:1.
        video_url (str): The URL of the reference video. The character actions in the generated video are consistent
            with the reference video. The video file supports .mp4/.mov, with a file size not exceeding 100MB, and only
            supports side lengths between 340px and 3850px. The lower limit of video duration should not be less than 3
            seconds, and the upper limit depends on character_orientation.
        character_orientation (KlingMotionControlRequestCharacterOrientation): Generate the orientation of the
            characters in the video. image - same orientation as the person in the picture (reference video duration should
            not exceed 10 seconds). video - consistent with the orientation of the characters in the video (reference video
            duration should not exceed 30 seconds).
        mode (KlingMotionControlRequestMode): Video generation mode. std - Standard Mode (cost-effective). pro -
            Professional Mode (longer duration but higher quality video output).
        model_name (KlingMotionControlRequestModelName | Unset): Model name for motion control. Enum values -
            kling-v2-6, kling-v3. Default: KlingMotionControlRequestModelName.KLING_V2_6.
        prompt (str | Unset): Text prompt words, which can include positive and negative descriptions. Cannot exceed
            2500 characters.
        element_list (list[KlingMotionControlRequestElementListItem] | Unset): Reference Element List based on element
            ID configuration. Currently only one element can be introduced.
        keep_original_sound (KlingMotionControlRequestKeepOriginalSound | Unset): Whether to keep the original sound of
            the video. Enumeration values - yes (Keep the original sound), no (do not retain the original video sound).
            Default: KlingMotionControlRequestKeepOriginalSound.YES.
        watermark_info (KlingMotionControlRequestWatermarkInfo | Unset): Whether to generate watermarked results
            simultaneously. Custom watermark is not supported at this time.
        callback_url (str | Unset): The callback notification address for the result of this task. If configured, the
            server will actively notify when the task status changes.
        external_task_id (str | Unset): Customized Task ID. Users can provide a customized task ID, which will not
            overwrite the system-generated task ID but can be used for task queries. Must be unique within a single user
            account.
    """

    image_url: str
    video_url: str
    character_orientation: KlingMotionControlRequestCharacterOrientation
    mode: KlingMotionControlRequestMode
    model_name: KlingMotionControlRequestModelName | Unset = KlingMotionControlRequestModelName.KLING_V2_6
    prompt: str | Unset = UNSET
    element_list: list[KlingMotionControlRequestElementListItem] | Unset = UNSET
    keep_original_sound: KlingMotionControlRequestKeepOriginalSound | Unset = (
        KlingMotionControlRequestKeepOriginalSound.YES
    )
    watermark_info: KlingMotionControlRequestWatermarkInfo | Unset = UNSET
    callback_url: str | Unset = UNSET
    external_task_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_url = self.image_url

        video_url = self.video_url

        character_orientation = self.character_orientation.value

        mode = self.mode.value

        model_name: str | Unset = UNSET
        if not isinstance(self.model_name, Unset):
            model_name = self.model_name.value

        prompt = self.prompt

        element_list: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.element_list, Unset):
            element_list = []
            for element_list_item_data in self.element_list:
                element_list_item = element_list_item_data.to_dict()
                element_list.append(element_list_item)

        keep_original_sound: str | Unset = UNSET
        if not isinstance(self.keep_original_sound, Unset):
            keep_original_sound = self.keep_original_sound.value

        watermark_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.watermark_info, Unset):
            watermark_info = self.watermark_info.to_dict()

        callback_url = self.callback_url

        external_task_id = self.external_task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image_url": image_url,
                "video_url": video_url,
                "character_orientation": character_orientation,
                "mode": mode,
            }
        )
        if model_name is not UNSET:
            field_dict["model_name"] = model_name
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if element_list is not UNSET:
            field_dict["element_list"] = element_list
        if keep_original_sound is not UNSET:
            field_dict["keep_original_sound"] = keep_original_sound
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if external_task_id is not UNSET:
            field_dict["external_task_id"] = external_task_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kling_motion_control_request_element_list_item import KlingMotionControlRequestElementListItem  # noqa: PLC0415
        from ..models.kling_motion_control_request_watermark_info import KlingMotionControlRequestWatermarkInfo  # noqa: PLC0415

        d = dict(src_dict)
        image_url = d.pop("image_url")

        video_url = d.pop("video_url")

        character_orientation = KlingMotionControlRequestCharacterOrientation(d.pop("character_orientation"))

        mode = KlingMotionControlRequestMode(d.pop("mode"))

        _model_name = d.pop("model_name", UNSET)
        model_name: KlingMotionControlRequestModelName | Unset
        if isinstance(_model_name, Unset):
            model_name = UNSET
        else:
            model_name = KlingMotionControlRequestModelName(_model_name)

        prompt = d.pop("prompt", UNSET)

        _element_list = d.pop("element_list", UNSET)
        element_list: list[KlingMotionControlRequestElementListItem] | Unset = UNSET
        if _element_list is not UNSET:
            element_list = []
            for element_list_item_data in _element_list:
                element_list_item = KlingMotionControlRequestElementListItem.from_dict(element_list_item_data)

                element_list.append(element_list_item)

        _keep_original_sound = d.pop("keep_original_sound", UNSET)
        keep_original_sound: KlingMotionControlRequestKeepOriginalSound | Unset
        if isinstance(_keep_original_sound, Unset):
            keep_original_sound = UNSET
        else:
            keep_original_sound = KlingMotionControlRequestKeepOriginalSound(_keep_original_sound)

        _watermark_info = d.pop("watermark_info", UNSET)
        watermark_info: KlingMotionControlRequestWatermarkInfo | Unset
        if isinstance(_watermark_info, Unset):
            watermark_info = UNSET
        else:
            watermark_info = KlingMotionControlRequestWatermarkInfo.from_dict(_watermark_info)

        callback_url = d.pop("callback_url", UNSET)

        external_task_id = d.pop("external_task_id", UNSET)

        kling_motion_control_request = cls(
            image_url=image_url,
            video_url=video_url,
            character_orientation=character_orientation,
            mode=mode,
            model_name=model_name,
            prompt=prompt,
            element_list=element_list,
            keep_original_sound=keep_original_sound,
            watermark_info=watermark_info,
            callback_url=callback_url,
            external_task_id=external_task_id,
        )

        kling_motion_control_request.additional_properties = d
        return kling_motion_control_request

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
