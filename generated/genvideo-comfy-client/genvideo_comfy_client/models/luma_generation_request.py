from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.luma_aspect_ratio import LumaAspectRatio
from ..models.luma_generation_request_generation_type import LumaGenerationRequestGenerationType
from ..models.luma_video_model import LumaVideoModel
from ..models.luma_video_model_output_duration_type_0 import LumaVideoModelOutputDurationType0
from ..models.luma_video_model_output_resolution_type_0 import LumaVideoModelOutputResolutionType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.luma_keyframes import LumaKeyframes


T = TypeVar("T", bound="LumaGenerationRequest")


@_attrs_define
class LumaGenerationRequest:
    """The generation request object

    Attributes:
        prompt (str): The prompt of the generation
        aspect_ratio (LumaAspectRatio): The aspect ratio of the generation Example: 16:9.
        model (LumaVideoModel): The video model used for the generation Example: ray-2.
        generation_type (LumaGenerationRequestGenerationType | Unset):  Default:
            LumaGenerationRequestGenerationType.VIDEO.
        loop (bool | Unset): Whether to loop the video
        keyframes (LumaKeyframes | Unset): The keyframes of the generation Example: {'frame0': {'type': 'image', 'url':
            'https://example.com/image.jpg'}, 'frame1': {'type': 'generation', 'id':
            '123e4567-e89b-12d3-a456-426614174000'}}.
        callback_url (str | Unset): The callback URL of the generation, a POST request with Generation object will be
            sent to the callback URL when the generation is dreaming, completed, or failed
        resolution (LumaVideoModelOutputResolutionType0 | str | Unset):
        duration (LumaVideoModelOutputDurationType0 | str | Unset):
    """

    prompt: str
    aspect_ratio: LumaAspectRatio
    model: LumaVideoModel
    generation_type: LumaGenerationRequestGenerationType | Unset = LumaGenerationRequestGenerationType.VIDEO
    loop: bool | Unset = UNSET
    keyframes: LumaKeyframes | Unset = UNSET
    callback_url: str | Unset = UNSET
    resolution: LumaVideoModelOutputResolutionType0 | str | Unset = UNSET
    duration: LumaVideoModelOutputDurationType0 | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        aspect_ratio = self.aspect_ratio.value

        model = self.model.value

        generation_type: str | Unset = UNSET
        if not isinstance(self.generation_type, Unset):
            generation_type = self.generation_type.value

        loop = self.loop

        keyframes: dict[str, Any] | Unset = UNSET
        if not isinstance(self.keyframes, Unset):
            keyframes = self.keyframes.to_dict()

        callback_url = self.callback_url

        resolution: str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        elif isinstance(self.resolution, LumaVideoModelOutputResolutionType0):
            resolution = self.resolution.value
        else:
            resolution = self.resolution

        duration: str | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        elif isinstance(self.duration, LumaVideoModelOutputDurationType0):
            duration = self.duration.value
        else:
            duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
                "aspect_ratio": aspect_ratio,
                "model": model,
            }
        )
        if generation_type is not UNSET:
            field_dict["generation_type"] = generation_type
        if loop is not UNSET:
            field_dict["loop"] = loop
        if keyframes is not UNSET:
            field_dict["keyframes"] = keyframes
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.luma_keyframes import LumaKeyframes  # noqa: PLC0415

        d = dict(src_dict)
        prompt = d.pop("prompt")

        aspect_ratio = LumaAspectRatio(d.pop("aspect_ratio"))

        model = LumaVideoModel(d.pop("model"))

        _generation_type = d.pop("generation_type", UNSET)
        generation_type: LumaGenerationRequestGenerationType | Unset
        if isinstance(_generation_type, Unset):
            generation_type = UNSET
        else:
            generation_type = LumaGenerationRequestGenerationType(_generation_type)

        loop = d.pop("loop", UNSET)

        _keyframes = d.pop("keyframes", UNSET)
        keyframes: LumaKeyframes | Unset
        if isinstance(_keyframes, Unset):
            keyframes = UNSET
        else:
            keyframes = LumaKeyframes.from_dict(_keyframes)

        callback_url = d.pop("callback_url", UNSET)

        def _parse_resolution(data: object) -> LumaVideoModelOutputResolutionType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_luma_video_model_output_resolution_type_0 = LumaVideoModelOutputResolutionType0(data)

                return componentsschemas_luma_video_model_output_resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LumaVideoModelOutputResolutionType0 | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        def _parse_duration(data: object) -> LumaVideoModelOutputDurationType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_luma_video_model_output_duration_type_0 = LumaVideoModelOutputDurationType0(data)

                return componentsschemas_luma_video_model_output_duration_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LumaVideoModelOutputDurationType0 | str | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        luma_generation_request = cls(
            prompt=prompt,
            aspect_ratio=aspect_ratio,
            model=model,
            generation_type=generation_type,
            loop=loop,
            keyframes=keyframes,
            callback_url=callback_url,
            resolution=resolution,
            duration=duration,
        )

        luma_generation_request.additional_properties = d
        return luma_generation_request

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
