from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Text2VideoSettings")


@_attrs_define
class Text2VideoSettings:
    """
    Attributes:
        seed (int | Unset): Random seed; -1 lets Haiper pick.
        aspect_ratio (str | Unset): For example 16:9, 9:16, 1:1.
        duration (int | Unset): Seconds of video.
    """

    seed: int | Unset = UNSET
    aspect_ratio: str | Unset = UNSET
    duration: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seed = self.seed

        aspect_ratio = self.aspect_ratio

        duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if seed is not UNSET:
            field_dict["seed"] = seed
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        seed = d.pop("seed", UNSET)

        aspect_ratio = d.pop("aspect_ratio", UNSET)

        duration = d.pop("duration", UNSET)

        text_2_video_settings = cls(
            seed=seed,
            aspect_ratio=aspect_ratio,
            duration=duration,
        )

        text_2_video_settings.additional_properties = d
        return text_2_video_settings

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
