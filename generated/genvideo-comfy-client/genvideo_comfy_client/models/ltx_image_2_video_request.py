from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ltx_image_2_video_request_duration import LTXImage2VideoRequestDuration
from ..models.ltx_image_2_video_request_fps import LTXImage2VideoRequestFps
from ..models.ltx_image_2_video_request_model import LTXImage2VideoRequestModel
from ..models.ltx_image_2_video_request_resolution import LTXImage2VideoRequestResolution
from ..types import UNSET, Unset

T = TypeVar("T", bound="LTXImage2VideoRequest")


@_attrs_define
class LTXImage2VideoRequest:
    """
    Attributes:
        image_uri (str): Image to be used as the first frame of the video (HTTPS URL or base64 data URI)
        prompt (str): Text description of how the image should be animated
        model (LTXImage2VideoRequestModel): Model to use for generation
        duration (LTXImage2VideoRequestDuration): Video duration in seconds
        resolution (LTXImage2VideoRequestResolution): Output video resolution
        fps (LTXImage2VideoRequestFps | Unset): Frame rate in frames per second Default:
            LTXImage2VideoRequestFps.VALUE_25.
        generate_audio (bool | Unset): Generate audio for the video Default: True.
    """

    image_uri: str
    prompt: str
    model: LTXImage2VideoRequestModel
    duration: LTXImage2VideoRequestDuration
    resolution: LTXImage2VideoRequestResolution
    fps: LTXImage2VideoRequestFps | Unset = LTXImage2VideoRequestFps.VALUE_25
    generate_audio: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_uri = self.image_uri

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
                "image_uri": image_uri,
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
        image_uri = d.pop("image_uri")

        prompt = d.pop("prompt")

        model = LTXImage2VideoRequestModel(d.pop("model"))

        duration = LTXImage2VideoRequestDuration(d.pop("duration"))

        resolution = LTXImage2VideoRequestResolution(d.pop("resolution"))

        _fps = d.pop("fps", UNSET)
        fps: LTXImage2VideoRequestFps | Unset
        if isinstance(_fps, Unset):
            fps = UNSET
        else:
            fps = LTXImage2VideoRequestFps(_fps)

        generate_audio = d.pop("generate_audio", UNSET)

        ltx_image_2_video_request = cls(
            image_uri=image_uri,
            prompt=prompt,
            model=model,
            duration=duration,
            resolution=resolution,
            fps=fps,
            generate_audio=generate_audio,
        )

        ltx_image_2_video_request.additional_properties = d
        return ltx_image_2_video_request

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
