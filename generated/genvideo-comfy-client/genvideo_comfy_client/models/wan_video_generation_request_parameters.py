from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wan_video_generation_request_parameters_duration import WanVideoGenerationRequestParametersDuration
from ..models.wan_video_generation_request_parameters_resolution import WanVideoGenerationRequestParametersResolution
from ..models.wan_video_generation_request_parameters_shot_type import WanVideoGenerationRequestParametersShotType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WanVideoGenerationRequestParameters")


@_attrs_define
class WanVideoGenerationRequestParameters:
    """Video processing parameters

    Attributes:
        size (str | Unset): Video resolution in format width*height. Supported resolutions vary by model:
            For wan2.5 T2V: 480P (480*832, 832*480, 624*624), 720P, 1080P sizes
            For wan2.6 T2V/R2V (no 480P):
              720P: 1280*720, 720*1280, 960*960, 1088*832, 832*1088
              1080P: 1920*1080, 1080*1920, 1440*1440, 1632*1248, 1248*1632
        resolution (WanVideoGenerationRequestParametersResolution | Unset): Resolution level for I2V models. Supported
            values vary by model:
            - wan2.5-i2v-preview: 480P, 720P, 1080P
            - wan2.6-i2v: 720P, 1080P only (no 480P support)
        duration (WanVideoGenerationRequestParametersDuration | Unset): The duration of the video generated, in seconds:
            - wan2.5 models: 5 or 10 seconds
            - wan2.6-t2v, wan2.6-i2v: 5, 10, or 15 seconds
            - wan2.6-r2v: 5 or 10 seconds only (no 15s support)
             Default: WanVideoGenerationRequestParametersDuration.VALUE_5.
        prompt_extend (bool | Unset): Is it enabled prompt intelligent rewriting. Default is true Default: True.
        shot_type (WanVideoGenerationRequestParametersShotType | Unset): Intelligent multi-lens control. Only active
            when prompt_extend is enabled.
            For wan2.6 models only.
            - multi: Intelligent disassembly into multiple lenses (default)
            - single: Single lens generation
             Default: WanVideoGenerationRequestParametersShotType.MULTI.
        seed (int | Unset): Random number seed, used to control the randomness of the model generated content
        watermark (bool | Unset): Whether to add a watermark logo, the watermark is located in the lower right corner
            Default: False.
        audio (bool | Unset): Whether to add audio to the video Default: True.
    """

    size: str | Unset = UNSET
    resolution: WanVideoGenerationRequestParametersResolution | Unset = UNSET
    duration: WanVideoGenerationRequestParametersDuration | Unset = WanVideoGenerationRequestParametersDuration.VALUE_5
    prompt_extend: bool | Unset = True
    shot_type: WanVideoGenerationRequestParametersShotType | Unset = WanVideoGenerationRequestParametersShotType.MULTI
    seed: int | Unset = UNSET
    watermark: bool | Unset = False
    audio: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        size = self.size

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration.value

        prompt_extend = self.prompt_extend

        shot_type: str | Unset = UNSET
        if not isinstance(self.shot_type, Unset):
            shot_type = self.shot_type.value

        seed = self.seed

        watermark = self.watermark

        audio = self.audio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if size is not UNSET:
            field_dict["size"] = size
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if duration is not UNSET:
            field_dict["duration"] = duration
        if prompt_extend is not UNSET:
            field_dict["prompt_extend"] = prompt_extend
        if shot_type is not UNSET:
            field_dict["shot_type"] = shot_type
        if seed is not UNSET:
            field_dict["seed"] = seed
        if watermark is not UNSET:
            field_dict["watermark"] = watermark
        if audio is not UNSET:
            field_dict["audio"] = audio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        size = d.pop("size", UNSET)

        _resolution = d.pop("resolution", UNSET)
        resolution: WanVideoGenerationRequestParametersResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = WanVideoGenerationRequestParametersResolution(_resolution)

        _duration = d.pop("duration", UNSET)
        duration: WanVideoGenerationRequestParametersDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = WanVideoGenerationRequestParametersDuration(_duration)

        prompt_extend = d.pop("prompt_extend", UNSET)

        _shot_type = d.pop("shot_type", UNSET)
        shot_type: WanVideoGenerationRequestParametersShotType | Unset
        if isinstance(_shot_type, Unset):
            shot_type = UNSET
        else:
            shot_type = WanVideoGenerationRequestParametersShotType(_shot_type)

        seed = d.pop("seed", UNSET)

        watermark = d.pop("watermark", UNSET)

        audio = d.pop("audio", UNSET)

        wan_video_generation_request_parameters = cls(
            size=size,
            resolution=resolution,
            duration=duration,
            prompt_extend=prompt_extend,
            shot_type=shot_type,
            seed=seed,
            watermark=watermark,
            audio=audio,
        )

        wan_video_generation_request_parameters.additional_properties = d
        return wan_video_generation_request_parameters

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
