from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ViduImageSetting")


@_attrs_define
class ViduImageSetting:
    """
    Attributes:
        key_image (str): Reference image for each key frame
        prompt (str | Unset): Prompt for extending the previous frame
        duration (int | Unset): Duration between key frames in seconds (2-7, default 5)
    """

    key_image: str
    prompt: str | Unset = UNSET
    duration: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key_image = self.key_image

        prompt = self.prompt

        duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key_image": key_image,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        key_image = d.pop("key_image")

        prompt = d.pop("prompt", UNSET)

        duration = d.pop("duration", UNSET)

        vidu_image_setting = cls(
            key_image=key_image,
            prompt=prompt,
            duration=duration,
        )

        vidu_image_setting.additional_properties = d
        return vidu_image_setting

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
