from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MinimaxFileRetrieveResponseFile")


@_attrs_define
class MinimaxFileRetrieveResponseFile:
    """
    Attributes:
        file_id (int | None | Unset): Unique identifier for the file
        bytes_ (int | None | Unset): File size in bytes
        created_at (int | None | Unset): Unix timestamp when the file was created, in seconds
        filename (None | str | Unset): The name of the file
        purpose (None | str | Unset): The purpose of using the file
        download_url (None | str | Unset): The URL to download the video
        backup_download_url (None | str | Unset): A second URL of the same video (undeclared upstream; ComfyUI downloads
            from it when download_url fails).
    """

    file_id: int | None | Unset = UNSET
    bytes_: int | None | Unset = UNSET
    created_at: int | None | Unset = UNSET
    filename: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET
    download_url: None | str | Unset = UNSET
    backup_download_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file_id: int | None | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        bytes_: int | None | Unset
        if isinstance(self.bytes_, Unset):
            bytes_ = UNSET
        else:
            bytes_ = self.bytes_

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        filename: None | str | Unset
        if isinstance(self.filename, Unset):
            filename = UNSET
        else:
            filename = self.filename

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        download_url: None | str | Unset
        if isinstance(self.download_url, Unset):
            download_url = UNSET
        else:
            download_url = self.download_url

        backup_download_url: None | str | Unset
        if isinstance(self.backup_download_url, Unset):
            backup_download_url = UNSET
        else:
            backup_download_url = self.backup_download_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if file_id is not UNSET:
            field_dict["file_id"] = file_id
        if bytes_ is not UNSET:
            field_dict["bytes"] = bytes_
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if filename is not UNSET:
            field_dict["filename"] = filename
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if download_url is not UNSET:
            field_dict["download_url"] = download_url
        if backup_download_url is not UNSET:
            field_dict["backup_download_url"] = backup_download_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_file_id(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        file_id = _parse_file_id(d.pop("file_id", UNSET))

        def _parse_bytes_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        bytes_ = _parse_bytes_(d.pop("bytes", UNSET))

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_filename(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        filename = _parse_filename(d.pop("filename", UNSET))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        def _parse_download_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        download_url = _parse_download_url(d.pop("download_url", UNSET))

        def _parse_backup_download_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        backup_download_url = _parse_backup_download_url(d.pop("backup_download_url", UNSET))

        minimax_file_retrieve_response_file = cls(
            file_id=file_id,
            bytes_=bytes_,
            created_at=created_at,
            filename=filename,
            purpose=purpose,
            download_url=download_url,
            backup_download_url=backup_download_url,
        )

        minimax_file_retrieve_response_file.additional_properties = d
        return minimax_file_retrieve_response_file

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
