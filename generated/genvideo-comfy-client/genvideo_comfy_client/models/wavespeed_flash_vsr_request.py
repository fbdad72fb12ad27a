from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wavespeed_flash_vsr_request_target_resolution import WavespeedFlashVSRRequestTargetResolution
from ..types import UNSET, Unset

T = TypeVar("T", bound="WavespeedFlashVSRRequest")


@_attrs_define
class WavespeedFlashVSRRequest:
    """Request body for WavespeedAI FlashVSR video upscaling

    Attributes:
        video (str): The video to upscale. Can be a URL to the video file or a base64-encoded video.
        duration (float): Duration of the video in seconds
        target_resolution (WavespeedFlashVSRRequestTargetResolution | Unset): Target resolution to upscale to. Default:
            WavespeedFlashVSRRequestTargetResolution.VALUE_1.
    """

    video: str
    duration: float
    target_resolution: WavespeedFlashVSRRequestTargetResolution | Unset = (
        WavespeedFlashVSRRequestTargetResolution.VALUE_1
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        video = self.video

        duration = self.duration

        target_resolution: str | Unset = UNSET
        if not isinstance(self.target_resolution, Unset):
            target_resolution = self.target_resolution.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "video": video,
                "duration": duration,
            }
        )
        if target_resolution is not UNSET:
            field_dict["target_resolution"] = target_resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        video = d.pop("video")

        duration = d.pop("duration")

        _target_resolution = d.pop("target_resolution", UNSET)
        target_resolution: WavespeedFlashVSRRequestTargetResolution | Unset
        if isinstance(_target_resolution, Unset):
            target_resolution = UNSET
        else:
            target_resolution = WavespeedFlashVSRRequestTargetResolution(_target_resolution)

        wavespeed_flash_vsr_request = cls(
            video=video,
            duration=duration,
            target_resolution=target_resolution,
        )

        wavespeed_flash_vsr_request.additional_properties = d
        return wavespeed_flash_vsr_request

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
