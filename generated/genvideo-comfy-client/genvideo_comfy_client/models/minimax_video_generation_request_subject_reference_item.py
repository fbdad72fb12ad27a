from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MinimaxVideoGenerationRequestSubjectReferenceItem")


@_attrs_define
class MinimaxVideoGenerationRequestSubjectReferenceItem:
    """
    Attributes:
        image (str | Unset): URL or base64 encoding of the subject reference image.
        mask (str | Unset): URL or base64 encoding of the mask for the subject reference image.
    """

    image: str | Unset = UNSET
    mask: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        mask = self.mask

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if image is not UNSET:
            field_dict["image"] = image
        if mask is not UNSET:
            field_dict["mask"] = mask

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image = d.pop("image", UNSET)

        mask = d.pop("mask", UNSET)

        minimax_video_generation_request_subject_reference_item = cls(
            image=image,
            mask=mask,
        )

        minimax_video_generation_request_subject_reference_item.additional_properties = d
        return minimax_video_generation_request_subject_reference_item

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
