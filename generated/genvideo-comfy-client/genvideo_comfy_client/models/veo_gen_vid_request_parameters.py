from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.veo_gen_vid_request_parameters_person_generation import VeoGenVidRequestParametersPersonGeneration
from ..types import UNSET, Unset

T = TypeVar("T", bound="VeoGenVidRequestParameters")


@_attrs_define
class VeoGenVidRequestParameters:
    """
    Attributes:
        aspect_ratio (str | Unset):  Example: 16:9.
        negative_prompt (str | Unset):
        person_generation (VeoGenVidRequestParametersPersonGeneration | Unset):
        sample_count (int | Unset):
        seed (int | Unset):
        storage_uri (str | Unset): Optional Cloud Storage URI to upload the video
        duration_seconds (int | Unset):
        enhance_prompt (bool | Unset):
        generate_audio (bool | Unset): Generate audio for the video. Only supported by veo 3 models.
    """

    aspect_ratio: str | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    person_generation: VeoGenVidRequestParametersPersonGeneration | Unset = UNSET
    sample_count: int | Unset = UNSET
    seed: int | Unset = UNSET
    storage_uri: str | Unset = UNSET
    duration_seconds: int | Unset = UNSET
    enhance_prompt: bool | Unset = UNSET
    generate_audio: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio = self.aspect_ratio

        negative_prompt = self.negative_prompt

        person_generation: str | Unset = UNSET
        if not isinstance(self.person_generation, Unset):
            person_generation = self.person_generation.value

        sample_count = self.sample_count

        seed = self.seed

        storage_uri = self.storage_uri

        duration_seconds = self.duration_seconds

        enhance_prompt = self.enhance_prompt

        generate_audio = self.generate_audio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if aspect_ratio is not UNSET:
            field_dict["aspectRatio"] = aspect_ratio
        if negative_prompt is not UNSET:
            field_dict["negativePrompt"] = negative_prompt
        if person_generation is not UNSET:
            field_dict["personGeneration"] = person_generation
        if sample_count is not UNSET:
            field_dict["sampleCount"] = sample_count
        if seed is not UNSET:
            field_dict["seed"] = seed
        if storage_uri is not UNSET:
            field_dict["storageUri"] = storage_uri
        if duration_seconds is not UNSET:
            field_dict["durationSeconds"] = duration_seconds
        if enhance_prompt is not UNSET:
            field_dict["enhancePrompt"] = enhance_prompt
        if generate_audio is not UNSET:
            field_dict["generateAudio"] = generate_audio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aspect_ratio = d.pop("aspectRatio", UNSET)

        negative_prompt = d.pop("negativePrompt", UNSET)

        _person_generation = d.pop("personGeneration", UNSET)
        person_generation: VeoGenVidRequestParametersPersonGeneration | Unset
        if isinstance(_person_generation, Unset):
            person_generation = UNSET
        else:
            person_generation = VeoGenVidRequestParametersPersonGeneration(_person_generation)

        sample_count = d.pop("sampleCount", UNSET)

        seed = d.pop("seed", UNSET)

        storage_uri = d.pop("storageUri", UNSET)

        duration_seconds = d.pop("durationSeconds", UNSET)

        enhance_prompt = d.pop("enhancePrompt", UNSET)

        generate_audio = d.pop("generateAudio", UNSET)

        veo_gen_vid_request_parameters = cls(
            aspect_ratio=aspect_ratio,
            negative_prompt=negative_prompt,
            person_generation=person_generation,
            sample_count=sample_count,
            seed=seed,
            storage_uri=storage_uri,
            duration_seconds=duration_seconds,
            enhance_prompt=enhance_prompt,
            generate_audio=generate_audio,
        )

        veo_gen_vid_request_parameters.additional_properties = d
        return veo_gen_vid_request_parameters

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
