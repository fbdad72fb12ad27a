from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TopazVideoCompleteUploadRequestUploadResultsItem")


@_attrs_define
class TopazVideoCompleteUploadRequestUploadResultsItem:
    """
    Attributes:
        part_num (int): Part number of the uploaded part, starting from 1 Example: 1.
        e_tag (str): eTag value returned by S3 upon upload of the part Example: d41d8cd98f00b204e9800998ecf8427e.
    """

    part_num: int
    e_tag: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        part_num = self.part_num

        e_tag = self.e_tag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "partNum": part_num,
                "eTag": e_tag,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        part_num = d.pop("partNum")

        e_tag = d.pop("eTag")

        topaz_video_complete_upload_request_upload_results_item = cls(
            part_num=part_num,
            e_tag=e_tag,
        )

        topaz_video_complete_upload_request_upload_results_item.additional_properties = d
        return topaz_video_complete_upload_request_upload_results_item

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
