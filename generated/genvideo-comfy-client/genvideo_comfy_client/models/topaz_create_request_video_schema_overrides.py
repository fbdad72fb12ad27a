from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TopazCreateRequestVideoSchemaOverrides")


@_attrs_define
class TopazCreateRequestVideoSchemaOverrides:
    """
    Attributes:
        is_paid_diffusion (bool | Unset):
    """

    is_paid_diffusion: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_paid_diffusion = self.is_paid_diffusion

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_paid_diffusion is not UNSET:
            field_dict["isPaidDiffusion"] = is_paid_diffusion

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        is_paid_diffusion = d.pop("isPaidDiffusion", UNSET)

        topaz_create_request_video_schema_overrides = cls(
            is_paid_diffusion=is_paid_diffusion,
        )

        topaz_create_request_video_schema_overrides.additional_properties = d
        return topaz_create_request_video_schema_overrides

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
