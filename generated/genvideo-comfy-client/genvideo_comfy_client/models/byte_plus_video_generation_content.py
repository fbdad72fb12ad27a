from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.byte_plus_video_generation_content_type import BytePlusVideoGenerationContentType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.byte_plus_video_generation_content_image_url import BytePlusVideoGenerationContentImageUrl


T = TypeVar("T", bound="BytePlusVideoGenerationContent")


@_attrs_define
class BytePlusVideoGenerationContent:
    """
    Attributes:
        type_ (BytePlusVideoGenerationContentType): The type of the input content
        text (str | Unset): The input text information for the model. Includes text prompt and optional parameters.

            Text prompt (required): Description of the video to be generated using Chinese and English characters.

            Parameters (optional): Add --[parameters] after the text prompt to control video specifications:
            - --resolution (--rs): 480p, 720p, 1080p (default: 720p)
            - --ratio (--rt): 21:9, 16:9, 4:3, 1:1, 3:4, 9:16, 9:21, adaptive (default: 16:9 or adaptive)
            - --duration (--dur): 3-12 seconds (default: 5)
            - --framepersecond (--fps): 24 (default: 24)
            - --watermark (--wm): true/false (default: false)
            - --seed (--seed): -1 to 2^32-1 (default: -1)
            - --camerafixed (--cf): true/false (default: false)

            Example: "A beautiful landscape --ratio 16:9 --resolution 720p --duration 5"
        image_url (BytePlusVideoGenerationContentImageUrl | Unset):
    """

    type_: BytePlusVideoGenerationContentType
    text: str | Unset = UNSET
    image_url: BytePlusVideoGenerationContentImageUrl | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        text = self.text

        image_url: dict[str, Any] | Unset = UNSET
        if not isinstance(self.image_url, Unset):
            image_url = self.image_url.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if image_url is not UNSET:
            field_dict["image_url"] = image_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.byte_plus_video_generation_content_image_url import BytePlusVideoGenerationContentImageUrl  # noqa: PLC0415

        d = dict(src_dict)
        type_ = BytePlusVideoGenerationContentType(d.pop("type"))

        text = d.pop("text", UNSET)

        _image_url = d.pop("image_url", UNSET)
        image_url: BytePlusVideoGenerationContentImageUrl | Unset
        if isinstance(_image_url, Unset):
            image_url = UNSET
        else:
            image_url = BytePlusVideoGenerationContentImageUrl.from_dict(_image_url)

        byte_plus_video_generation_content = cls(
            type_=type_,
            text=text,
            image_url=image_url,
        )

        byte_plus_video_generation_content.additional_properties = d
        return byte_plus_video_generation_content

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
