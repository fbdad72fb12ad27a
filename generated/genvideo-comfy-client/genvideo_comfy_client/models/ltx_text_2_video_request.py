from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ltx_text_2_video_request_duration import LTXText2VideoRequestDuration
from ..models.ltx_text_2_video_request_fps import LTXText2VideoRequestFps
from ..models.ltx_text_2_video_request_model import LTXText2VideoRequestModel
from ..models.ltx_text_2_video_request_resolution import LTXText2VideoRequestResolution
from ..types import UNSET, Unset

T = TypeVar("T", bound="LTXText2VideoRequest")


@_attrs_define
class LTXText2VideoRequest:
    """
    Attributes:
        prompt (str): Text prompt describing the desired video content
        model (LTXText2VideoRequestModel): Model to use for generation
        duration (LTXText2VideoRequestDuration): Video duration in seconds
        resolution (LTXText2VideoRequestResolution): Output video resolution
        fps (LTXText2VideoRequestFps | Unset): Frame rate in frames per second Default:
            LTXText2VideoRequestFps.VALUE_25.
        generate_audio (bool | Unset): Generate audio for the video Default: True.
    """

    prompt: str
    model: LTXText2VideoRequestModel
    duration: LTXText2VideoRequestDuration
    resolution: LTXText2VideoRequestResolution
    fps: LTXText2VideoRequestFps | Unset = LTXText2VideoRequestFps.VALUE_25
    generate_audio: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        model = self.model.value

        duration = self.duration.value

        resolution = self.resolution.value

        fps: int | Unset = UNSET
        if not isinstance(self.fps, Unset):
            fps = self.fps.value

        generate_audio = self.generate_audio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
                "model": model,
                "duration": duration,
                "resolution": resolution,
            }
        )
        if fps is not UNSET:
            field_dict["fps"] = fps
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        model = LTXText2VideoRequestModel(d.pop("model"))

        duration = LTXText2VideoRequestDuration(d.pop("duration"))

        resolution = LTXText2VideoRequestResolution(d.pop("resolution"))

        _fps = d.pop("fps", UNSET)
        fps: LTXText2VideoRequestFps | Unset
        if isinstance(_fps, Unset):
            fps = UNSET
        else:
            fps = LTXText2VideoRequestFps(_fps)

        generate_audio = d.pop("generate_audio", UNSET)

        ltx_text_2_video_request = cls(
            prompt=prompt,
            model=model,
            duration=duration,
            resolution=resolution,
            fps=fps,
            generate_audio=generate_audio,
        )

        ltx_text_2_video_request.additional_properties = d
        return ltx_text_2_video_request

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
