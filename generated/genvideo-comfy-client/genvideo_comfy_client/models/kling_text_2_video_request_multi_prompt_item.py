from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KlingText2VideoRequestMultiPromptItem")


@_attrs_define
class KlingText2VideoRequestMultiPromptItem:
    """
    Attributes:
        index (int | Unset): Shot sequence number
        prompt (str | Unset): Prompt word for this storyboard. Maximum length 512 characters.
        duration (str | Unset): Duration of this storyboard in seconds. Must not exceed total task duration and must not
            be less than 1. Sum of all storyboard durations equals total task duration.
    """

    index: int | Unset = UNSET
    prompt: str | Unset = UNSET
    duration: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        index = self.index

        prompt = self.prompt

        duration = self.duration

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if index is not UNSET:
            field_dict["index"] = index
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        index = d.pop("index", UNSET)

        prompt = d.pop("prompt", UNSET)

        duration = d.pop("duration", UNSET)

        kling_text_2_video_request_multi_prompt_item = cls(
            index=index,
            prompt=prompt,
            duration=duration,
        )

        kling_text_2_video_request_multi_prompt_item.additional_properties = d
        return kling_text_2_video_request_multi_prompt_item

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
