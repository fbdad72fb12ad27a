from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pika_duration_enum import PikaDurationEnum
from ..models.pika_resolution_enum import PikaResolutionEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PikaBodyGenerate22T2V")


@_attrs_define
class PikaBodyGenerate22T2V:
    """
    Attributes:
        prompt_text (str):
        negative_prompt (None | str | Unset):
        seed (int | None | Unset):
        resolution (PikaResolutionEnum | Unset):
        duration (PikaDurationEnum | Unset):
        aspect_ratio (float | Unset): Aspect ratio (width / height) Default: 1.7777777777777777.
    """

    prompt_text: str
    negative_prompt: None | str | Unset = UNSET
    seed: int | None | Unset = UNSET
    resolution: PikaResolutionEnum | Unset = UNSET
    duration: PikaDurationEnum | Unset = UNSET
    aspect_ratio: float | Unset = 1.7777777777777777
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt_text = self.prompt_text

        negative_prompt: None | str | Unset
        if isinstance(self.negative_prompt, Unset):
            negative_prompt = UNSET
        else:
            negative_prompt = self.negative_prompt

        seed: int | None | Unset
        if isinstance(self.seed, Unset):
            seed = UNSET
        else:
            seed = self.seed

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration.value

        aspect_ratio = self.aspect_ratio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "promptText": prompt_text,
            }
        )
        if negative_prompt is not UNSET:
            field_dict["negativePrompt"] = negative_prompt
        if seed is not UNSET:
            field_dict["seed"] = seed
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if duration is not UNSET:
            field_dict["duration"] = duration
        if aspect_ratio is not UNSET:
            field_dict["aspectRatio"] = aspect_ratio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt_text = d.pop("promptText")

        def _parse_negative_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        negative_prompt = _parse_negative_prompt(d.pop("negativePrompt", UNSET))

        def _parse_seed(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        seed = _parse_seed(d.pop("seed", UNSET))

        _resolution = d.pop("resolution", UNSET)
        resolution: PikaResolutionEnum | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = PikaResolutionEnum(_resolution)

        _duration = d.pop("duration", UNSET)
        duration: PikaDurationEnum | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = PikaDurationEnum(_duration)

        aspect_ratio = d.pop("aspectRatio", UNSET)

        pika_body_generate_22t2v = cls(
            prompt_text=prompt_text,
            negative_prompt=negative_prompt,
            seed=seed,
            resolution=resolution,
            duration=duration,
            aspect_ratio=aspect_ratio,
        )

        pika_body_generate_22t2v.additional_properties = d
        return pika_body_generate_22t2v

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
