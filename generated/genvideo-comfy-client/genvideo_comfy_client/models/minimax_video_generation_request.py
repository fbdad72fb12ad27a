from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.minimax_video_generation_request_duration import MinimaxVideoGenerationRequestDuration
from ..models.minimax_video_generation_request_model import MinimaxVideoGenerationRequestModel
from ..models.minimax_video_generation_request_resolution import MinimaxVideoGenerationRequestResolution
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.minimax_video_generation_request_subject_reference_item import (
        MinimaxVideoGenerationRequestSubjectReferenceItem,
    )


T = TypeVar("T", bound="MinimaxVideoGenerationRequest")


@_attrs_define
class MinimaxVideoGenerationRequest:
    """Parameters for the Minimax video generation proxy request.

    Attributes:
        model (MinimaxVideoGenerationRequestModel): Required. ID of model. Options: MiniMax-Hailuo-02, T2V-01-Director,
            I2V-01-Director, S2V-01, I2V-01, I2V-01-live, T2V-01
        prompt (str | Unset): Description of the video. Should be less than 2000 characters. Supports camera movement
            instructions in [brackets].
        prompt_optimizer (bool | Unset): If true (default), the model will automatically optimize the prompt. Set to
            false for more precise control. Default: True.
        first_frame_image (str | Unset): URL or base64 encoding of the first frame image. Required when model is I2V-01,
            I2V-01-Director, or I2V-01-live.
        subject_reference (list[MinimaxVideoGenerationRequestSubjectReferenceItem] | Unset): Only available when model
            is S2V-01. The model will generate a video based on the subject uploaded through this parameter.
        callback_url (str | Unset): Optional. URL to receive real-time status updates about the video generation task.
        duration (MinimaxVideoGenerationRequestDuration | Unset): Video length in seconds. Only available for MiniMax-
            Hailuo-02 Default: MinimaxVideoGenerationRequestDuration.VALUE_6.
        resolution (MinimaxVideoGenerationRequestResolution | Unset): Video resolution. Only available for MiniMax-
            Hailuo-02. Default: MinimaxVideoGenerationRequestResolution.VALUE_0.
    """

    model: MinimaxVideoGenerationRequestModel
    prompt: str | Unset = UNSET
    prompt_optimizer: bool | Unset = True
    first_frame_image: str | Unset = UNSET
    subject_reference: list[MinimaxVideoGenerationRequestSubjectReferenceItem] | Unset = UNSET
    callback_url: str | Unset = UNSET
    duration: MinimaxVideoGenerationRequestDuration | Unset = MinimaxVideoGenerationRequestDuration.VALUE_6
    resolution: MinimaxVideoGenerationRequestResolution | Unset = MinimaxVideoGenerationRequestResolution.VALUE_0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        prompt = self.prompt

        prompt_optimizer = self.prompt_optimizer

        first_frame_image = self.first_frame_image

        subject_reference: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subject_reference, Unset):
            subject_reference = []
            for subject_reference_item_data in self.subject_reference:
                subject_reference_item = subject_reference_item_data.to_dict()
                subject_reference.append(subject_reference_item)

        callback_url = self.callback_url

        duration: int | Unset = UNSET
        if not isinstance(self.duration, Unset):
            duration = self.duration.value

        resolution: str | Unset = UNSET
        if not isinstance(self.resolution, Unset):
            resolution = self.resolution.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if prompt_optimizer is not UNSET:
            field_dict["prompt_optimizer"] = prompt_optimizer
        if first_frame_image is not UNSET:
            field_dict["first_frame_image"] = first_frame_image
        if subject_reference is not UNSET:
            field_dict["subject_reference"] = subject_reference
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if duration is not UNSET:
            field_dict["duration"] = duration
        if resolution is not UNSET:
            field_dict["resolution"] = resolution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.minimax_video_generation_request_subject_reference_item import (
            MinimaxVideoGenerationRequestSubjectReferenceItem,  # noqa: PLC0415
        )

        d = dict(src_dict)
        model = MinimaxVideoGenerationRequestModel(d.pop("model"))

        prompt = d.pop("prompt", UNSET)

        prompt_optimizer = d.pop("prompt_optimizer", UNSET)

        first_frame_image = d.pop("first_frame_image", UNSET)

        _subject_reference = d.pop("subject_reference", UNSET)
        subject_reference: list[MinimaxVideoGenerationRequestSubjectReferenceItem] | Unset = UNSET
        if _subject_reference is not UNSET:
            subject_reference = []
            for subject_reference_item_data in _subject_reference:
                subject_reference_item = MinimaxVideoGenerationRequestSubjectReferenceItem.from_dict(
                    subject_reference_item_data
                )

                subject_reference.append(subject_reference_item)

        callback_url = d.pop("callback_url", UNSET)

        _duration = d.pop("duration", UNSET)
        duration: MinimaxVideoGenerationRequestDuration | Unset
        if isinstance(_duration, Unset):
            duration = UNSET
        else:
            duration = MinimaxVideoGenerationRequestDuration(_duration)

        _resolution = d.pop("resolution", UNSET)
        resolution: MinimaxVideoGenerationRequestResolution | Unset
        if isinstance(_resolution, Unset):
            resolution = UNSET
        else:
            resolution = MinimaxVideoGenerationRequestResolution(_resolution)

        minimax_video_generation_request = cls(
            model=model,
            prompt=prompt,
            prompt_optimizer=prompt_optimizer,
            first_frame_image=first_frame_image,
            subject_reference=subject_reference,
            callback_url=callback_url,
            duration=duration,
            resolution=resolution,
        )

        minimax_video_generation_request.additional_properties = d
        return minimax_video_generation_request

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
