from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateCustomerStorageResourceBody")


@_attrs_define
class CreateCustomerStorageResourceBody:
    """
    Attributes:
        file_name (str): The desired name of the file (e.g., 'profile.jpg')
        content_type (str | Unset): The content type of the file (e.g., 'image/png')
        file_hash (str | Unset): The hash of the file. If provided, an existing file with the same hash may be returned.
    """

    file_name: str
    content_type: str | Unset = UNSET
    file_hash: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_name = self.file_name

        content_type = self.content_type

        file_hash = self.file_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file_name": file_name,
            }
        )
        if content_type is not UNSET:
            field_dict["content_type"] = content_type
        if file_hash is not UNSET:
            field_dict["file_hash"] = file_hash

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file_name = d.pop("file_name")

        content_type = d.pop("content_type", UNSET)

        file_hash = d.pop("file_hash", UNSET)

        create_customer_storage_resource_body = cls(
            file_name=file_name,
            content_type=content_type,
            file_hash=file_hash,
        )

        create_customer_storage_resource_body.additional_properties = d
        return create_customer_storage_resource_body

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
