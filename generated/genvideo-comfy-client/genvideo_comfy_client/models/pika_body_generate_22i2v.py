from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.pika_duration_enum import PikaDurationEnum
from ..models.pika_resolution_enum import PikaResolutionEnum
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="PikaBodyGenerate22I2V")


@_attrs_define
class PikaBodyGenerate22I2V:
    """
    Attributes:
        image (File | None | Unset):
        prompt_text (None | str | Unset):
        negative_prompt (None | str | Unset):
        seed (int | None | Unset):
        resolution (PikaResolutionEnum | Unset):
        duration (PikaDurationEnum | Unset):
    """

    image: File | None | Unset = UNSET
    prompt_text: None | str | Unset = UNSET
    negative_prompt: None | str | Unset = UNSET
    seed: int | None | Unset = UNSET
    resolution: PikaResolutionEnum | Unset = UNSET
    duration: PikaDurationEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image: FileTypes | None | Unset
        if isinstance(self.image, Unset):
            image = UNSET
        elif isinstance(self.image, File):
            image = self.image.to_tuple()

        else:
            image = self.image

        prompt_text: None | str | Unset
        if isinstance(self.prompt_text, Unset):
            prompt_text = UNSET
        else:
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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if image is not UNSET:
            field_dict["image"] = image
        if prompt_text is not UNSET:
            field_dict["promptText"] = prompt_text
        if negative_prompt is not UNSET:
            field_dict["negativePrompt"] = negative_prompt
        if seed is not UNSET:
            field_dict["seed"] = seed
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        if not isinstance(self.image, Unset):
            if isinstance(self.image, File):
                files.append(("image", self.image.to_tuple()))
            else:
                files.append(("image", (None, str(self.image).encode(), "text/plain")))

        if not isinstance(self.prompt_text, Unset):
            if isinstance(self.prompt_text, str):
                files.append(("promptText", (None, str(self.prompt_text).encode(), "text/plain")))
            else:
                files.append(("promptText", (None, str(self.prompt_text).encode(), "text/plain")))

        if not isinstance(self.negative_prompt, Unset):
            if isinstance(self.negative_prompt, str):
                files.append(("negativePrompt", (None, str(self.negative_prompt).encode(), "text/plain")))
            else:
                files.append(("negativePrompt", (None, str(self.negative_prompt).encode(), "text/plain")))

        if not isinstance(self.seed, Unset):
            if isinstance(self.seed, int):
                files.append(("seed", (None, str(self.seed).encode(), "text/plain")))
            else:
                files.append(("seed", (None, str(self.seed).encode(), "text/plain")))

        if not isinstance(self.resolution, Unset):
            files.append(("resolution", (None, str(self.resolution.value).encode(), "text/plain")))

        if not isinstance(self.duration, Unset):
            files.append(("duration", (None, str(self.duration.value).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_image(data: object) -> File | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, bytes):
                    raise TypeError()
                image_type_0 = File(payload=BytesIO(data))

                return image_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(File | None | Unset, data)

        image = _parse_image(d.pop("image", UNSET))

        def _parse_prompt_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt_text = _parse_prompt_text(d.pop("promptText", UNSET))

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

        pika_body_generate_22i2v = cls(
            image=image,
            prompt_text=prompt_text,
            negative_prompt=negative_prompt,
            seed=seed,
            resolution=resolution,
            duration=duration,
        )

        pika_body_generate_22i2v.additional_properties = d
        return pika_body_generate_22i2v

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
