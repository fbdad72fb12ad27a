from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VeoGenVidPollResponseResponseVideosItem")


@_attrs_define
class VeoGenVidPollResponseResponseVideosItem:
    """
    Attributes:
        gcs_uri (str | Unset): Cloud Storage URI of the video
        bytes_base_64_encoded (str | Unset): Base64-encoded video content
        mime_type (str | Unset): Video MIME type
    """

    gcs_uri: str | Unset = UNSET
    bytes_base_64_encoded: str | Unset = UNSET
    mime_type: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        gcs_uri = self.gcs_uri

        bytes_base_64_encoded = self.bytes_base_64_encoded

        mime_type = self.mime_type

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if gcs_uri is not UNSET:
            field_dict["gcsUri"] = gcs_uri
        if bytes_base_64_encoded is not UNSET:
            field_dict["bytesBase64Encoded"] = bytes_base_64_encoded
        if mime_type is not UNSET:
            field_dict["mimeType"] = mime_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        gcs_uri = d.pop("gcsUri", UNSET)

        bytes_base_64_encoded = d.pop("bytesBase64Encoded", UNSET)

        mime_type = d.pop("mimeType", UNSET)

        veo_gen_vid_poll_response_response_videos_item = cls(
            gcs_uri=gcs_uri,
            bytes_base_64_encoded=bytes_base_64_encoded,
            mime_type=mime_type,
        )

        veo_gen_vid_poll_response_response_videos_item.additional_properties = d
        return veo_gen_vid_poll_response_response_videos_item

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
