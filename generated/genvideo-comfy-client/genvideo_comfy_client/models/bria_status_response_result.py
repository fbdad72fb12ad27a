from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BriaStatusResponseResult")


@_attrs_define
class BriaStatusResponseResult:
    """Result object (only present when status is COMPLETED)

    Attributes:
        image_url (str | Unset): URL of the generated/edited image.
        video_url (str | Unset): URL of the generated video.
        seed (int | Unset): Seed used for generation.
        prompt (str | Unset): Original prompt.
        refined_prompt (str | Unset): Refined version of the prompt.
        structured_prompt (str | Unset): The detailed JSON structured prompt.
    """

    image_url: str | Unset = UNSET
    video_url: str | Unset = UNSET
    seed: int | Unset = UNSET
    prompt: str | Unset = UNSET
    refined_prompt: str | Unset = UNSET
    structured_prompt: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image_url = self.image_url

        video_url = self.video_url

        seed = self.seed

        prompt = self.prompt

        refined_prompt = self.refined_prompt

        structured_prompt = self.structured_prompt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if seed is not UNSET:
            field_dict["seed"] = seed
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if refined_prompt is not UNSET:
            field_dict["refined_prompt"] = refined_prompt
        if structured_prompt is not UNSET:
            field_dict["structured_prompt"] = structured_prompt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image_url = d.pop("image_url", UNSET)

        video_url = d.pop("video_url", UNSET)

        seed = d.pop("seed", UNSET)

        prompt = d.pop("prompt", UNSET)

        refined_prompt = d.pop("refined_prompt", UNSET)

        structured_prompt = d.pop("structured_prompt", UNSET)

        bria_status_response_result = cls(
            image_url=image_url,
            video_url=video_url,
            seed=seed,
            prompt=prompt,
            refined_prompt=refined_prompt,
            structured_prompt=structured_prompt,
        )

        bria_status_response_result.additional_properties = d
        return bria_status_response_result

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
