from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TopazVideoRequestEstimates")


@_attrs_define
class TopazVideoRequestEstimates:
    """Lower and upper bound estimates

    Attributes:
        cost (list[int] | Unset): Cost range in credits Example: [10, 12].
        time (list[int] | Unset): Time range in seconds Example: [600, 700].
    """

    cost: list[int] | Unset = UNSET
    time: list[int] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cost: list[int] | Unset = UNSET
        if not isinstance(self.cost, Unset):
            cost = self.cost

        time: list[int] | Unset = UNSET
        if not isinstance(self.time, Unset):
            time = self.time

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if cost is not UNSET:
            field_dict["cost"] = cost
        if time is not UNSET:
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        cost = cast(list[int], d.pop("cost", UNSET))

        time = cast(list[int], d.pop("time", UNSET))

        topaz_video_request_estimates = cls(
            cost=cost,
            time=time,
        )

        topaz_video_request_estimates.additional_properties = d
        return topaz_video_request_estimates

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
