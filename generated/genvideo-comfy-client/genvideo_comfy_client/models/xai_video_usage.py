from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="XAIVideoUsage")


@_attrs_define
class XAIVideoUsage:
    """Usage information for the video generation request

    Attributes:
        cost_in_usd_ticks (int | Unset): The cost of this request expressed in USD ticks. One USD cent equals
            100,000,000 ticks, so one US dollar equals 10,000,000,000 ticks.
    """

    cost_in_usd_ticks: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cost_in_usd_ticks = self.cost_in_usd_ticks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cost_in_usd_ticks is not UNSET:
            field_dict["cost_in_usd_ticks"] = cost_in_usd_ticks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cost_in_usd_ticks = d.pop("cost_in_usd_ticks", UNSET)

        xai_video_usage = cls(
            cost_in_usd_ticks=cost_in_usd_ticks,
        )

        xai_video_usage.additional_properties = d
        return xai_video_usage

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
