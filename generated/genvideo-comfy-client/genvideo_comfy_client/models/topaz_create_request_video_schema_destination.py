from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.topaz_external_storage import TopazExternalStorage


T = TypeVar("T", bound="TopazCreateRequestVideoSchemaDestination")


@_attrs_define
class TopazCreateRequestVideoSchemaDestination:
    """
    Attributes:
        external (TopazExternalStorage | Unset):
    """

    external: TopazExternalStorage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        external: dict[str, Any] | Unset = UNSET
        if not isinstance(self.external, Unset):
            external = self.external.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if external is not UNSET:
            field_dict["external"] = external

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_external_storage import TopazExternalStorage  # noqa: PLC0415

        d = dict(src_dict)
        _external = d.pop("external", UNSET)
        external: TopazExternalStorage | Unset
        if isinstance(_external, Unset):
            external = UNSET
        else:
            external = TopazExternalStorage.from_dict(_external)

        topaz_create_request_video_schema_destination = cls(
            external=external,
        )

        topaz_create_request_video_schema_destination.additional_properties = d
        return topaz_create_request_video_schema_destination

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
