from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.topaz_output_information_image_sequence_container import TopazOutputInformationImageSequenceContainer
from ..models.topaz_output_information_image_sequence_video_encoder import (
    TopazOutputInformationImageSequenceVideoEncoder,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.topaz_output_information_image_sequence_resolution import (
        TopazOutputInformationImageSequenceResolution,
    )


T = TypeVar("T", bound="TopazOutputInformationImageSequence")


@_attrs_define
class TopazOutputInformationImageSequence:
    """
    Attributes:
        resolution (TopazOutputInformationImageSequenceResolution): Desired output resolution
        frame_rate (float): Frame rate Example: 30.
        codec_id (str | Unset): Video codec ID, if known. Defaults to videoEncoder. Example: h265-main-win-nvidia.
        video_encoder (TopazOutputInformationImageSequenceVideoEncoder | Unset):  Example: TIFF.
        video_profile (str | Unset): Codec profile specific to videoEncoder Example: Main.
        crop_to_fit (bool | Unset): Center cropping to fit the output dimensions Example: True.
        container (TopazOutputInformationImageSequenceContainer | Unset): Desired output container, defaults to the
            input container Example: TIFF.
    """

    resolution: TopazOutputInformationImageSequenceResolution
    frame_rate: float
    codec_id: str | Unset = UNSET
    video_encoder: TopazOutputInformationImageSequenceVideoEncoder | Unset = UNSET
    video_profile: str | Unset = UNSET
    crop_to_fit: bool | Unset = UNSET
    container: TopazOutputInformationImageSequenceContainer | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resolution = self.resolution.to_dict()

        frame_rate = self.frame_rate

        codec_id = self.codec_id

        video_encoder: str | Unset = UNSET
        if not isinstance(self.video_encoder, Unset):
            video_encoder = self.video_encoder.value

        video_profile = self.video_profile

        crop_to_fit = self.crop_to_fit

        container: str | Unset = UNSET
        if not isinstance(self.container, Unset):
            container = self.container.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resolution": resolution,
                "frameRate": frame_rate,
            }
        )
        if codec_id is not UNSET:
            field_dict["codecId"] = codec_id
        if video_encoder is not UNSET:
            field_dict["videoEncoder"] = video_encoder
        if video_profile is not UNSET:
            field_dict["videoProfile"] = video_profile
        if crop_to_fit is not UNSET:
            field_dict["cropToFit"] = crop_to_fit
        if container is not UNSET:
            field_dict["container"] = container

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_output_information_image_sequence_resolution import (
            TopazOutputInformationImageSequenceResolution,  # noqa: PLC0415
        )

        d = dict(src_dict)
        resolution = TopazOutputInformationImageSequenceResolution.from_dict(d.pop("resolution"))

        frame_rate = d.pop("frameRate")

        codec_id = d.pop("codecId", UNSET)

        _video_encoder = d.pop("videoEncoder", UNSET)
        video_encoder: TopazOutputInformationImageSequenceVideoEncoder | Unset
        if isinstance(_video_encoder, Unset):
            video_encoder = UNSET
        else:
            video_encoder = TopazOutputInformationImageSequenceVideoEncoder(_video_encoder)

        video_profile = d.pop("videoProfile", UNSET)

        crop_to_fit = d.pop("cropToFit", UNSET)

        _container = d.pop("container", UNSET)
        container: TopazOutputInformationImageSequenceContainer | Unset
        if isinstance(_container, Unset):
            container = UNSET
        else:
            container = TopazOutputInformationImageSequenceContainer(_container)

        topaz_output_information_image_sequence = cls(
            resolution=resolution,
            frame_rate=frame_rate,
            codec_id=codec_id,
            video_encoder=video_encoder,
            video_profile=video_profile,
            crop_to_fit=crop_to_fit,
            container=container,
        )

        topaz_output_information_image_sequence.additional_properties = d
        return topaz_output_information_image_sequence

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
