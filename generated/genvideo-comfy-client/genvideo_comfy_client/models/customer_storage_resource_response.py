from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CustomerStorageResourceResponse")


@_attrs_define
class CustomerStorageResourceResponse:
    """
    Attributes:
        download_url (str | Unset): The signed URL to use for downloading the file from the specified path
        upload_url (str | Unset): The signed URL to use for uploading the file to the specified path
        expires_at (datetime.datetime | Unset): When the signed URL will expire
        existing_file (bool | Unset): Whether an existing file with the same hash was found
    """

    download_url: str | Unset = UNSET
    upload_url: str | Unset = UNSET
    expires_at: datetime.datetime | Unset = UNSET
    existing_file: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        download_url = self.download_url

        upload_url = self.upload_url

        expires_at: str | Unset = UNSET
        if not isinstance(self.expires_at, Unset):
            expires_at = self.expires_at.isoformat()

        existing_file = self.existing_file

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if download_url is not UNSET:
            field_dict["download_url"] = download_url
        if upload_url is not UNSET:
            field_dict["upload_url"] = upload_url
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if existing_file is not UNSET:
            field_dict["existing_file"] = existing_file

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        download_url = d.pop("download_url", UNSET)

        upload_url = d.pop("upload_url", UNSET)

        _expires_at = d.pop("expires_at", UNSET)
        expires_at: datetime.datetime | Unset
        if isinstance(_expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = datetime.datetime.fromisoformat(_expires_at)

        existing_file = d.pop("existing_file", UNSET)

        customer_storage_resource_response = cls(
            download_url=download_url,
            upload_url=upload_url,
            expires_at=expires_at,
            existing_file=existing_file,
        )

        customer_storage_resource_response.additional_properties = d
        return customer_storage_resource_response

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
