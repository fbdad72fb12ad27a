from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WanTaskQueryResponseUsageType0")


@_attrs_define
class WanTaskQueryResponseUsageType0:
    """Output information statistics. Only successful results are counted

    Attributes:
        video_duration (float | Unset): Duration of generated video in seconds (T2V tasks)
        video_ratio (str | Unset): Video resolution ratio (T2V tasks)
        video_count (int | Unset): Number of generated videos (T2V tasks)
        duration (float | Unset): Duration of generated video in seconds (I2V tasks)
        sr (int | Unset): Video resolution level (I2V tasks)
        size (str | Unset): Image resolution (T2I tasks)
        image_count (int | Unset): Number of generated images (T2I tasks)
    """

    video_duration: float | Unset = UNSET
    video_ratio: str | Unset = UNSET
    video_count: int | Unset = UNSET
    duration: float | Unset = UNSET
    sr: int | Unset = UNSET
    size: str | Unset = UNSET
    image_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        video_duration = self.video_duration

        video_ratio = self.video_ratio

        video_count = self.video_count

        duration = self.duration

        sr = self.sr

        size = self.size

        image_count = self.image_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if video_duration is not UNSET:
            field_dict["video_duration"] = video_duration
        if video_ratio is not UNSET:
            field_dict["video_ratio"] = video_ratio
        if video_count is not UNSET:
            field_dict["video_count"] = video_count
        if duration is not UNSET:
            field_dict["duration"] = duration
        if sr is not UNSET:
            field_dict["SR"] = sr
        if size is not UNSET:
            field_dict["size"] = size
        if image_count is not UNSET:
            field_dict["image_count"] = image_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        video_duration = d.pop("video_duration", UNSET)

        video_ratio = d.pop("video_ratio", UNSET)

        video_count = d.pop("video_count", UNSET)

        duration = d.pop("duration", UNSET)

        sr = d.pop("SR", UNSET)

        size = d.pop("size", UNSET)

        image_count = d.pop("image_count", UNSET)

        wan_task_query_response_usage_type_0 = cls(
            video_duration=video_duration,
            video_ratio=video_ratio,
            video_count=video_count,
            duration=duration,
            sr=sr,
            size=size,
            image_count=image_count,
        )

        wan_task_query_response_usage_type_0.additional_properties = d
        return wan_task_query_response_usage_type_0

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
