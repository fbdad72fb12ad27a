from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..models.open_ai_video_create_request_model import OpenAIVideoCreateRequestModel
from ..models.open_ai_video_create_request_seconds import OpenAIVideoCreateRequestSeconds
from ..models.open_ai_video_create_request_size import OpenAIVideoCreateRequestSize
from ..types import UNSET, File, FileTypes, Unset

T = TypeVar("T", bound="OpenAIVideoCreateRequest")


@_attrs_define
class OpenAIVideoCreateRequest:
    """
    Attributes:
        prompt (str): Text prompt that describes the video to generate Example: A calico cat playing a piano on stage.
        input_reference (File | Unset): Optional image or video reference that guides generation
        model (OpenAIVideoCreateRequestModel | Unset): The video generation model to use Default:
            OpenAIVideoCreateRequestModel.SORA_2.
        seconds (OpenAIVideoCreateRequestSeconds | Unset): Clip duration in seconds Default:
            OpenAIVideoCreateRequestSeconds.VALUE_0.
        size (OpenAIVideoCreateRequestSize | Unset): Output resolution formatted as width x height Default:
            OpenAIVideoCreateRequestSize.VALUE_0.
    """

    prompt: str
    input_reference: File | Unset = UNSET
    model: OpenAIVideoCreateRequestModel | Unset = OpenAIVideoCreateRequestModel.SORA_2
    seconds: OpenAIVideoCreateRequestSeconds | Unset = OpenAIVideoCreateRequestSeconds.VALUE_0
    size: OpenAIVideoCreateRequestSize | Unset = OpenAIVideoCreateRequestSize.VALUE_0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        input_reference: FileTypes | Unset = UNSET
        if not isinstance(self.input_reference, Unset):
            input_reference = self.input_reference.to_tuple()

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        seconds: str | Unset = UNSET
        if not isinstance(self.seconds, Unset):
            seconds = self.seconds.value

        size: str | Unset = UNSET
        if not isinstance(self.size, Unset):
            size = self.size.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if input_reference is not UNSET:
            field_dict["input_reference"] = input_reference
        if model is not UNSET:
            field_dict["model"] = model
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("prompt", (None, str(self.prompt).encode(), "text/plain")))

        if not isinstance(self.input_reference, Unset):
            files.append(("input_reference", self.input_reference.to_tuple()))

        if not isinstance(self.model, Unset):
            files.append(("model", (None, str(self.model.value).encode(), "text/plain")))

        if not isinstance(self.seconds, Unset):
            files.append(("seconds", (None, str(self.seconds.value).encode(), "text/plain")))

        if not isinstance(self.size, Unset):
            files.append(("size", (None, str(self.size.value).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        prompt = d.pop("prompt")

        _input_reference = d.pop("input_reference", UNSET)
        input_reference: File | Unset
        if isinstance(_input_reference, Unset):
            input_reference = UNSET
        else:
            input_reference = File(payload=BytesIO(_input_reference))

        _model = d.pop("model", UNSET)
        model: OpenAIVideoCreateRequestModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = OpenAIVideoCreateRequestModel(_model)

        _seconds = d.pop("seconds", UNSET)
        seconds: OpenAIVideoCreateRequestSeconds | Unset
        if isinstance(_seconds, Unset):
            seconds = UNSET
        else:
            seconds = OpenAIVideoCreateRequestSeconds(_seconds)

        _size = d.pop("size", UNSET)
        size: OpenAIVideoCreateRequestSize | Unset
        if isinstance(_size, Unset):
            size = UNSET
        else:
            size = OpenAIVideoCreateRequestSize(_size)

        open_ai_video_create_request = cls(
            prompt=prompt,
            input_reference=input_reference,
            model=model,
            seconds=seconds,
            size=size,
        )

        open_ai_video_create_request.additional_properties = d
        return open_ai_video_create_request

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
