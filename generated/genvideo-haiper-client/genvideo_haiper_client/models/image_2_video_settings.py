from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Image2VideoSettings")


@_attrs_define
class Image2VideoSettings:
    """
    Attributes:
        seed (int | Unset):
        duration (int | Unset):
        resolution (int | Unset): Vertical resolution, e.g. 720.
        guidance_scale (float | Unset):
    """

    seed: int | Unset = UNSET
    duration: int | Unset = UNSET
    resolution: int | Unset = UNSET
    guidance_scale: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seed = self.seed

        duration = self.duration

        resolution = self.resolution

        guidance_scale = self.guidance_scale

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if seed is not UNSET:
            field_dict["seed"] = seed
        if duration is not UNSET:
            field_dict["duration"] = duration
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if guidance_scale is not UNSET:
            field_dict["guidance_scale"] = guidance_scale

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seed = d.pop("seed", UNSET)

        duration = d.pop("duration", UNSET)

        resolution = d.pop("resolution", UNSET)

        guidance_scale = d.pop("guidance_scale", UNSET)

        image_2_video_settings = cls(
            seed=seed,
            duration=duration,
            resolution=resolution,
            guidance_scale=guidance_scale,
        )

        image_2_video_settings.additional_properties = d
        return image_2_video_settings

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
