from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.hit_paw_video_enhancer_request_model_name import HitPawVideoEnhancerRequestModelName
from ..types import UNSET, Unset

T = TypeVar("T", bound="HitPawVideoEnhancerRequest")


@_attrs_define
class HitPawVideoEnhancerRequest:
    """Request body for HitPaw Video Enhancement API

    Attributes:
        video_url (str): URL of the video to be enhanced Example: https://example.com/video.mp4.
        model_name (HitPawVideoEnhancerRequestModelName): Model name to use for enhancement.

            **Available Models:**
            - face_soft: Face Soft Model
            - portrait_restore_1x: Portrait Restore Model 1x
            - portrait_restore_2x: Portrait Restore Model 2x
            - general_restore_1x: General Restore Model 1x
            - general_restore_2x: General Restore Model 2x
            - general_restore_4x: General Restore Model 4x
            - ultrahd_restore: Ultra HD Model
            - generative: Generative Model (SD)
             Example: general_restore_2x.
        resolution (list[int]): Target resolution [width, height] Example: [1920, 1080].
        extension (str | Unset): File extension for the output video (default ".mp4") Default: '.mp4'. Example: .mp4.
        original_resolution (list[int] | Unset): Original video resolution [width, height] Example: [1280, 720].
    """

    video_url: str
    model_name: HitPawVideoEnhancerRequestModelName
    resolution: list[int]
    extension: str | Unset = ".mp4"
    original_resolution: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        video_url = self.video_url

        model_name = self.model_name.value

        resolution = self.resolution

        extension = self.extension

        original_resolution: list[int] | Unset = UNSET
        if not isinstance(self.original_resolution, Unset):
            original_resolution = self.original_resolution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "video_url": video_url,
                "model_name": model_name,
                "resolution": resolution,
            }
        )
        if extension is not UNSET:
            field_dict["extension"] = extension
        if original_resolution is not UNSET:
            field_dict["original_resolution"] = original_resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        video_url = d.pop("video_url")

        model_name = HitPawVideoEnhancerRequestModelName(d.pop("model_name"))

        resolution = cast(list[int], d.pop("resolution"))

        extension = d.pop("extension", UNSET)

        original_resolution = cast(list[int], d.pop("original_resolution", UNSET))

        hit_paw_video_enhancer_request = cls(
            video_url=video_url,
            model_name=model_name,
            resolution=resolution,
            extension=extension,
            original_resolution=original_resolution,
        )

        hit_paw_video_enhancer_request.additional_properties = d
        return hit_paw_video_enhancer_request

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
