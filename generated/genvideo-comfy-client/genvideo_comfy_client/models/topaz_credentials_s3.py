from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TopazCredentialsS3")


@_attrs_define
class TopazCredentialsS3:
    """
    Attributes:
        role_arn (str): AWS ARN of the role to assume Example: arn:aws:iam::123456789:role/topazlabs.
        external_id (str): Kind of like a secret string for extra layer of security Example:
            MSTnuGztXtTU25XKjVfMJCsujv6VtAGtv1TGSjtOL6M=.
    """

    role_arn: str
    external_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role_arn = self.role_arn

        external_id = self.external_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "roleArn": role_arn,
                "externalId": external_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role_arn = d.pop("roleArn")

        external_id = d.pop("externalId")

        topaz_credentials_s3 = cls(
            role_arn=role_arn,
            external_id=external_id,
        )

        topaz_credentials_s3.additional_properties = d
        return topaz_credentials_s3

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
