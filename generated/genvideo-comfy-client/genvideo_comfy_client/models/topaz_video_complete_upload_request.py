from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.topaz_video_complete_upload_request_upload_results_item import (
        TopazVideoCompleteUploadRequestUploadResultsItem,
    )


T = TypeVar("T", bound="TopazVideoCompleteUploadRequest")


@_attrs_define
class TopazVideoCompleteUploadRequest:
    """
    Attributes:
        upload_results (list[TopazVideoCompleteUploadRequestUploadResultsItem]): An array of part number and ETag pairs
            of the uploaded parts. ETags are returned by S3 upon upload of the part.
        md_5_hash (str | Unset): MD5 hash of the source video file in hex Example: 4d186321c1a7f0f354b297e8914ab240.
    """

    upload_results: list[TopazVideoCompleteUploadRequestUploadResultsItem]
    md_5_hash: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        upload_results = []
        for upload_results_item_data in self.upload_results:
            upload_results_item = upload_results_item_data.to_dict()
            upload_results.append(upload_results_item)

        md_5_hash = self.md_5_hash

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uploadResults": upload_results,
            }
        )
        if md_5_hash is not UNSET:
            field_dict["md5Hash"] = md_5_hash

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_video_complete_upload_request_upload_results_item import (
            TopazVideoCompleteUploadRequestUploadResultsItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        upload_results = []
        _upload_results = d.pop("uploadResults")
        for upload_results_item_data in _upload_results:
            upload_results_item = TopazVideoCompleteUploadRequestUploadResultsItem.from_dict(upload_results_item_data)

            upload_results.append(upload_results_item)

        md_5_hash = d.pop("md5Hash", UNSET)

        topaz_video_complete_upload_request = cls(
            upload_results=upload_results,
            md_5_hash=md_5_hash,
        )

        topaz_video_complete_upload_request.additional_properties = d
        return topaz_video_complete_upload_request

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
