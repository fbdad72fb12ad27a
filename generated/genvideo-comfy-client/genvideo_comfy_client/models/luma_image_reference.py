from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.luma_image_reference_type import LumaImageReferenceType

T = TypeVar("T", bound="LumaImageReference")


@_attrs_define
class LumaImageReference:
    """The image object

    Example:
        {'type': 'image', 'url': 'https://example.com/image.jpg'}

    Attributes:
        type_ (LumaImageReferenceType):  Default: LumaImageReferenceType.IMAGE.
        url (str): The URL of the image
    """

    url: str
    type_: LumaImageReferenceType = LumaImageReferenceType.IMAGE
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = LumaImageReferenceType(d.pop("type"))

        url = d.pop("url")

        luma_image_reference = cls(
            type_=type_,
            url=url,
        )

        luma_image_reference.additional_properties = d
        return luma_image_reference

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
