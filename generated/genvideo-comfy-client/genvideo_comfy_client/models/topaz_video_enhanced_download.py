from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TopazVideoEnhancedDownload")


@_attrs_define
class TopazVideoEnhancedDownload:
    """Signed download URL to the enhanced video file

    Attributes:
        url (str | Unset):  Example: https://videocloud.r2.cloudflarestorage.com/enhanced.mp4.
        expires_in (int | Unset): TTL in milliseconds Example: 86400000.
        expires_at (int | Unset): Time in milliseconds since UTC epoch Example: 1727213400000.
    """

    url: str | Unset = UNSET
    expires_in: int | Unset = UNSET
    expires_at: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        expires_in = self.expires_in

        expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if expires_in is not UNSET:
            field_dict["expiresIn"] = expires_in
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        expires_in = d.pop("expiresIn", UNSET)

        expires_at = d.pop("expiresAt", UNSET)

        topaz_video_enhanced_download = cls(
            url=url,
            expires_in=expires_in,
            expires_at=expires_at,
        )

        topaz_video_enhanced_download.additional_properties = d
        return topaz_video_enhanced_download

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
