from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.luma_audio_generation_request_generation_type import LumaAudioGenerationRequestGenerationType
from ..types import UNSET, Unset

T = TypeVar("T", bound="LumaAudioGenerationRequest")


@_attrs_define
class LumaAudioGenerationRequest:
    """The audio generation request object

    Attributes:
        generation_type (LumaAudioGenerationRequestGenerationType | Unset):  Default:
            LumaAudioGenerationRequestGenerationType.ADD_AUDIO.
        prompt (str | Unset): The prompt of the audio
        negative_prompt (str | Unset): The negative prompt of the audio
        callback_url (str | Unset): The callback URL for the audio
    """

    generation_type: LumaAudioGenerationRequestGenerationType | Unset = (
        LumaAudioGenerationRequestGenerationType.ADD_AUDIO
    )
    prompt: str | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    callback_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generation_type: str | Unset = UNSET
        if not isinstance(self.generation_type, Unset):
            generation_type = self.generation_type.value

        prompt = self.prompt

        negative_prompt = self.negative_prompt

        callback_url = self.callback_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if generation_type is not UNSET:
            field_dict["generation_type"] = generation_type
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _generation_type = d.pop("generation_type", UNSET)
        generation_type: LumaAudioGenerationRequestGenerationType | Unset
        if isinstance(_generation_type, Unset):
            generation_type = UNSET
        else:
            generation_type = LumaAudioGenerationRequestGenerationType(_generation_type)

        prompt = d.pop("prompt", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        callback_url = d.pop("callback_url", UNSET)

        luma_audio_generation_request = cls(
            generation_type=generation_type,
            prompt=prompt,
            negative_prompt=negative_prompt,
            callback_url=callback_url,
        )

        luma_audio_generation_request.additional_properties = d
        return luma_audio_generation_request

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
