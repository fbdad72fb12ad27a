from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bria_video_remove_background_request_background_color import (
    BriaVideoRemoveBackgroundRequestBackgroundColor,
)
from ..models.bria_video_remove_background_request_output_container_and_codec import (
    BriaVideoRemoveBackgroundRequestOutputContainerAndCodec,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="BriaVideoRemoveBackgroundRequest")


@_attrs_define
class BriaVideoRemoveBackgroundRequest:
    """Request body for Bria Video Remove Background API

    Attributes:
        video (str): Publicly accessible URL of the input video. Input resolution supported up to 16000x16000 (16K). Max
            duration 60 seconds.
        background_color (BriaVideoRemoveBackgroundRequestBackgroundColor | Unset): Background color for the output
            video. If Transparent, the output codec must support alpha.
        output_container_and_codec (BriaVideoRemoveBackgroundRequestOutputContainerAndCodec | Unset): Output container
            and codec preset.
        preserve_audio (bool | Unset): Whether to preserve audio from the input video.
    """

    video: str
    background_color: BriaVideoRemoveBackgroundRequestBackgroundColor | Unset = UNSET
    output_container_and_codec: BriaVideoRemoveBackgroundRequestOutputContainerAndCodec | Unset = UNSET
    preserve_audio: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        video = self.video

        background_color: str | Unset = UNSET
        if not isinstance(self.background_color, Unset):
            background_color = self.background_color.value

        output_container_and_codec: str | Unset = UNSET
        if not isinstance(self.output_container_and_codec, Unset):
            output_container_and_codec = self.output_container_and_codec.value

        preserve_audio = self.preserve_audio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "video": video,
            }
        )
        if background_color is not UNSET:
            field_dict["background_color"] = background_color
        if output_container_and_codec is not UNSET:
            field_dict["output_container_and_codec"] = output_container_and_codec
        if preserve_audio is not UNSET:
            field_dict["preserve_audio"] = preserve_audio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        video = d.pop("video")

        _background_color = d.pop("background_color", UNSET)
        background_color: BriaVideoRemoveBackgroundRequestBackgroundColor | Unset
        if isinstance(_background_color, Unset):
            background_color = UNSET
        else:
            background_color = BriaVideoRemoveBackgroundRequestBackgroundColor(_background_color)

        _output_container_and_codec = d.pop("output_container_and_codec", UNSET)
        output_container_and_codec: BriaVideoRemoveBackgroundRequestOutputContainerAndCodec | Unset
        if isinstance(_output_container_and_codec, Unset):
            output_container_and_codec = UNSET
        else:
            output_container_and_codec = BriaVideoRemoveBackgroundRequestOutputContainerAndCodec(
                _output_container_and_codec
            )

        preserve_audio = d.pop("preserve_audio", UNSET)

        bria_video_remove_background_request = cls(
            video=video,
            background_color=background_color,
            output_container_and_codec=output_container_and_codec,
            preserve_audio=preserve_audio,
        )

        bria_video_remove_background_request.additional_properties = d
        return bria_video_remove_background_request

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
