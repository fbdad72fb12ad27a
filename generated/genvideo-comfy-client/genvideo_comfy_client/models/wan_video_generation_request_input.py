from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WanVideoGenerationRequestInput")


@_attrs_define
class WanVideoGenerationRequestInput:
    """Enter basic information, such as prompt words, etc.

    Attributes:
        prompt (str): Text prompt words. Support Chinese and English, length not exceeding 800 characters.
            For wan2.6-r2v with multiple reference videos, use 'character1', 'character2', etc. to refer to subjects
            in the order of reference videos. Example: "Character1 sings on the roadside, Character2 dances beside it"
        negative_prompt (str | Unset): Reverse prompt words are used to describe content that you do not want to see in
            the video screen
        audio_url (str | Unset): Audio file download URL. Supported formats: mp3 and wav. Cannot be used with
            reference_video_urls.
        img_url (str | Unset): First frame image URL or Base64 encoded data. Required for I2V models. Image formats:
            JPEG, JPG, PNG, BMP, WEBP. Resolution: 360-2000 pixels. File size: max 10MB.
        template (str | Unset): Video effect template name. Optional. Currently supported: squish, flying, carousel.
            When used, prompt parameter is ignored.
        reference_video_urls (list[str] | Unset): Reference video URLs for wan2.6-r2v model only. Array of 1-3 video
            URLs.
            Input restrictions:
            - Format: mp4, mov
            - Quantity: 1-3 videos
            - Single video length: 2-30 seconds
            - Single file size: max 30MB
            - Cannot be used with audio_url
            Reference duration: Single video max 5s, two videos max 2.5s each, three videos proportionally less.
            Billing: Based on actual reference duration used.
    """

    prompt: str
    negative_prompt: str | Unset = UNSET
    audio_url: str | Unset = UNSET
    img_url: str | Unset = UNSET
    template: str | Unset = UNSET
    reference_video_urls: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        negative_prompt = self.negative_prompt

        audio_url = self.audio_url

        img_url = self.img_url

        template = self.template

        reference_video_urls: list[str] | Unset = UNSET
        if not isinstance(self.reference_video_urls, Unset):
            reference_video_urls = self.reference_video_urls

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if audio_url is not UNSET:
            field_dict["audio_url"] = audio_url
        if img_url is not UNSET:
            field_dict["img_url"] = img_url
        if template is not UNSET:
            field_dict["template"] = template
        if reference_video_urls is not UNSET:
            field_dict["reference_video_urls"] = reference_video_urls

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        negative_prompt = d.pop("negative_prompt", UNSET)

        audio_url = d.pop("audio_url", UNSET)

        img_url = d.pop("img_url", UNSET)

        template = d.pop("template", UNSET)

        reference_video_urls = cast(list[str], d.pop("reference_video_urls", UNSET))

        wan_video_generation_request_input = cls(
            prompt=prompt,
            negative_prompt=negative_prompt,
            audio_url=audio_url,
            img_url=img_url,
            template=template,
            reference_video_urls=reference_video_urls,
        )

        wan_video_generation_request_input.additional_properties = d
        return wan_video_generation_request_input

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
