from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.topaz_external_storage_provider import TopazExternalStorageProvider

if TYPE_CHECKING:
    from ..models.topaz_credentials_s3 import TopazCredentialsS3


T = TypeVar("T", bound="TopazExternalStorage")


@_attrs_define
class TopazExternalStorage:
    """
    Attributes:
        provider (TopazExternalStorageProvider):  Example: s3.
        credentials (TopazCredentialsS3):
        bucket_name (str):  Example: galaxies.
        key (str): The example includes the standard specifier for image sequence requests, with optional directory
            path. It must begin with "%" and end with the integer specifier "d". The "0" in the example indicates left-
            padding with zeroes, and "6" indicates the number of digits in the file name.
            Keys for video requests must be valid characters supported by S3.
             Example: milky_way/%06d.tiff.
    """

    provider: TopazExternalStorageProvider
    credentials: TopazCredentialsS3
    bucket_name: str
    key: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider.value

        credentials = self.credentials.to_dict()

        bucket_name = self.bucket_name

        key = self.key

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider": provider,
                "credentials": credentials,
                "bucketName": bucket_name,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_credentials_s3 import TopazCredentialsS3  # noqa: PLC0415

        d = dict(src_dict)
        provider = TopazExternalStorageProvider(d.pop("provider"))

        credentials = TopazCredentialsS3.from_dict(d.pop("credentials"))

        bucket_name = d.pop("bucketName")

        key = d.pop("key")

        topaz_external_storage = cls(
            provider=provider,
            credentials=credentials,
            bucket_name=bucket_name,
            key=key,
        )

        topaz_external_storage.additional_properties = d
        return topaz_external_storage

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
