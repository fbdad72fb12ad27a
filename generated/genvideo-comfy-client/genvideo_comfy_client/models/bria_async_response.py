from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BriaAsyncResponse")


@_attrs_define
class BriaAsyncResponse:
    """Asynchronous response from Bria API (202 Accepted)

    Attributes:
        request_id (str | Unset): Unique identifier for the request.
        status_url (str | Unset): URL to poll for the result.
        warning (str | Unset): Optional warning message.
    """

    request_id: str | Unset = UNSET
    status_url: str | Unset = UNSET
    warning: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = self.request_id

        status_url = self.status_url

        warning = self.warning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if status_url is not UNSET:
            field_dict["status_url"] = status_url
        if warning is not UNSET:
            field_dict["warning"] = warning

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        request_id = d.pop("request_id", UNSET)

        status_url = d.pop("status_url", UNSET)

        warning = d.pop("warning", UNSET)

        bria_async_response = cls(
            request_id=request_id,
            status_url=status_url,
            warning=warning,
        )

        bria_async_response.additional_properties = d
        return bria_async_response

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
