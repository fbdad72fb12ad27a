from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.luma_generation_reference_type import LumaGenerationReferenceType

T = TypeVar("T", bound="LumaGenerationReference")


@_attrs_define
class LumaGenerationReference:
    """The generation reference object

    Example:
        {'type': 'generation', 'id': '123e4567-e89b-12d3-a456-426614174003'}

    Attributes:
        type_ (LumaGenerationReferenceType):  Default: LumaGenerationReferenceType.GENERATION.
        id (UUID): The ID of the generation
    """

    id: UUID
    type_: LumaGenerationReferenceType = LumaGenerationReferenceType.GENERATION
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        id = str(self.id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = LumaGenerationReferenceType(d.pop("type"))

        id = UUID(d.pop("id"))

        luma_generation_reference = cls(
            type_=type_,
            id=id,
        )

        luma_generation_reference.additional_properties = d
        return luma_generation_reference

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
