from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreationDetailValueType0CommitsType0")


@_attrs_define
class CreationDetailValueType0CommitsType0:
    """
    Attributes:
        like_count (float | None | Unset):
        is_like (bool | None | Unset):
        collects_count (float | None | Unset):
        is_collect (bool | None | Unset):
    """

    like_count: float | None | Unset = UNSET
    is_like: bool | None | Unset = UNSET
    collects_count: float | None | Unset = UNSET
    is_collect: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        like_count: float | None | Unset
        if isinstance(self.like_count, Unset):
            like_count = UNSET
        else:
            like_count = self.like_count

        is_like: bool | None | Unset
        if isinstance(self.is_like, Unset):
            is_like = UNSET
        else:
            is_like = self.is_like

        collects_count: float | None | Unset
        if isinstance(self.collects_count, Unset):
            collects_count = UNSET
        else:
            collects_count = self.collects_count

        is_collect: bool | None | Unset
        if isinstance(self.is_collect, Unset):
            is_collect = UNSET
        else:
            is_collect = self.is_collect

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if like_count is not UNSET:
            field_dict["like_count"] = like_count
        if is_like is not UNSET:
            field_dict["is_like"] = is_like
        if collects_count is not UNSET:
            field_dict["collects_count"] = collects_count
        if is_collect is not UNSET:
            field_dict["is_collect"] = is_collect

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_like_count(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        like_count = _parse_like_count(d.pop("like_count", UNSET))

        def _parse_is_like(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_like = _parse_is_like(d.pop("is_like", UNSET))

        def _parse_collects_count(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        collects_count = _parse_collects_count(d.pop("collects_count", UNSET))

        def _parse_is_collect(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_collect = _parse_is_collect(d.pop("is_collect", UNSET))

        creation_detail_value_type_0_commits_type_0 = cls(
            like_count=like_count,
            is_like=is_like,
            collects_count=collects_count,
            is_collect=is_collect,
        )

        creation_detail_value_type_0_commits_type_0.additional_properties = d
        return creation_detail_value_type_0_commits_type_0

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
