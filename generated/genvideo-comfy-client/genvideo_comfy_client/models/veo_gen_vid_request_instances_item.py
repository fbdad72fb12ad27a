from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VeoGenVidRequestInstancesItem")


@_attrs_define
class VeoGenVidRequestInstancesItem:
    """
    Attributes:
        prompt (str): Text description of the video
        image (Any | Unset): Optional image to guide video generation
        last_frame (Any | Unset): Optional last frame image to guide video generation
    """

    prompt: str
    image: Any | Unset = UNSET
    last_frame: Any | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        image: Any | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        else:
            image = self.image

        last_frame: Any | Unset
        if isinstance(self.last_frame, Unset):
            last_frame = UNSET
        else:
            last_frame = self.last_frame

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if image is not UNSET:
            field_dict["image"] = image
        if last_frame is not UNSET:
            field_dict["lastFrame"] = last_frame

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        def _parse_image(data: object) -> Any | Unset:
            if isinstance(data, Unset):
                return data
            return cast(Any | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        def _parse_last_frame(data: object) -> Any | Unset:
            if isinstance(data, Unset):
                return data
            return cast(Any | Unset, data)

        last_frame = _parse_last_frame(d.pop("lastFrame", UNSET))

        veo_gen_vid_request_instances_item = cls(
            prompt=prompt,
            image=image,
            last_frame=last_frame,
        )

        veo_gen_vid_request_instances_item.additional_properties = d
        return veo_gen_vid_request_instances_item

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
