from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ViduCreation")


@_attrs_define
class ViduCreation:
    """
    Attributes:
        id (None | str | Unset):
        url (None | str | Unset):
        cover_url (None | str | Unset):
        watermarked_url (None | str | Unset):
        moderation_url (list[str] | None | Unset):
    """

    id: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    cover_url: None | str | Unset = UNSET
    watermarked_url: None | str | Unset = UNSET
    moderation_url: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        cover_url: None | str | Unset
        if isinstance(self.cover_url, Unset):
            cover_url = UNSET
        else:
            cover_url = self.cover_url

        watermarked_url: None | str | Unset
        if isinstance(self.watermarked_url, Unset):
            watermarked_url = UNSET
        else:
            watermarked_url = self.watermarked_url

        moderation_url: list[str] | None | Unset
        if isinstance(self.moderation_url, Unset):
            moderation_url = UNSET
        elif isinstance(self.moderation_url, list):
            moderation_url = self.moderation_url

        else:
            moderation_url = self.moderation_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if url is not UNSET:
            field_dict["url"] = url
        if cover_url is not UNSET:
            field_dict["cover_url"] = cover_url
        if watermarked_url is not UNSET:
            field_dict["watermarked_url"] = watermarked_url
        if moderation_url is not UNSET:
            field_dict["moderation_url"] = moderation_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        def _parse_cover_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cover_url = _parse_cover_url(d.pop("cover_url", UNSET))

        def _parse_watermarked_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        watermarked_url = _parse_watermarked_url(d.pop("watermarked_url", UNSET))

        def _parse_moderation_url(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                moderation_url_type_0 = cast(list[str], data)

                return moderation_url_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        moderation_url = _parse_moderation_url(d.pop("moderation_url", UNSET))

        vidu_creation = cls(
            id=id,
            url=url,
            cover_url=cover_url,
            watermarked_url=watermarked_url,
            moderation_url=moderation_url,
        )

        vidu_creation.additional_properties = d
        return vidu_creation

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
