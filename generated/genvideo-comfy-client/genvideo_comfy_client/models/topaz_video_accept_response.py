from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TopazVideoAcceptResponse")


@_attrs_define
class TopazVideoAcceptResponse:
    """
    Attributes:
        upload_id (str): Upload ID for completing multi-part upload Example: GDlWC7qIaE6okS41Xf/ktpuS5XzTRabg.
        urls (list[str]): URLs to PUT the parts to Example:
            ['https://videocloud.s3.amazonaws.com/source.mp4?uploadPart1',
            'https://videocloud.s3.amazonaws.com/source.mp4?uploadPart2'].
        message (str | Unset): Response message Example: Accepted.
    """

    upload_id: str
    urls: list[str]
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_id = self.upload_id

        urls = self.urls

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uploadId": upload_id,
                "urls": urls,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        upload_id = d.pop("uploadId")

        urls = cast(list[str], d.pop("urls"))

        message = d.pop("message", UNSET)

        topaz_video_accept_response = cls(
            upload_id=upload_id,
            urls=urls,
            message=message,
        )

        topaz_video_accept_response.additional_properties = d
        return topaz_video_accept_response

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
