from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.luma_image_identity import LumaImageIdentity


T = TypeVar("T", bound="LumaImageGenerationRequestCharacterRef")


@_attrs_define
class LumaImageGenerationRequestCharacterRef:
    """
    Attributes:
        identity0 (LumaImageIdentity | Unset): The image identity object
    """

    identity0: LumaImageIdentity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        identity0: dict[str, Any] | Unset = UNSET
        if not isinstance(self.identity0, Unset):
            identity0 = self.identity0.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if identity0 is not UNSET:
            field_dict["identity0"] = identity0

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.luma_image_identity import LumaImageIdentity  # noqa: PLC0415

        d = dict(src_dict)
        _identity0 = d.pop("identity0", UNSET)
        identity0: LumaImageIdentity | Unset
        if isinstance(_identity0, Unset):
            identity0 = UNSET
        else:
            identity0 = LumaImageIdentity.from_dict(_identity0)

        luma_image_generation_request_character_ref = cls(
            identity0=identity0,
        )

        luma_image_generation_request_character_ref.additional_properties = d
        return luma_image_generation_request_character_ref

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
