from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.topaz_output_information_video_audio_codec import TopazOutputInformationVideoAudioCodec
from ..models.topaz_output_information_video_audio_transfer import TopazOutputInformationVideoAudioTransfer
from ..models.topaz_output_information_video_container import TopazOutputInformationVideoContainer
from ..models.topaz_output_information_video_dynamic_compression_level import (
    TopazOutputInformationVideoDynamicCompressionLevel,
)
from ..models.topaz_output_information_video_video_encoder import TopazOutputInformationVideoVideoEncoder
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.topaz_output_information_video_resolution import TopazOutputInformationVideoResolution


T = TypeVar("T", bound="TopazOutputInformationVideo")


@_attrs_define
class TopazOutputInformationVideo:
    """
    Attributes:
        resolution (TopazOutputInformationVideoResolution): Desired output resolution
        frame_rate (float): Frame rate Example: 30.
        audio_codec (TopazOutputInformationVideoAudioCodec): __Required if audioTransfer is Copy or Convert.__ Example:
            AAC.
        audio_transfer (TopazOutputInformationVideoAudioTransfer):  Example: Copy.
        audio_bitrate (str | Unset): Audio bitrate, if audioTransfer is Copy or Convert. Default values for the codec
            are used if not provided. Example: 320.
        codec_id (str | Unset): Video codec ID, if known. Defaults to videoEncoder. Example: h265-main-win-nvidia.
        video_encoder (TopazOutputInformationVideoVideoEncoder | Unset):  Example: H265.
        video_bitrate (str | Unset): __Required if dynamicCompressionLevel is not provided.__ Constant bitrate, suffixed
            with "k" for kilobits or "m" for megabits per second. Example: 1k.
        dynamic_compression_level (TopazOutputInformationVideoDynamicCompressionLevel | Unset): __Required if
            videoBitrate is not provided.__ Automatic CQP selection. Example: Mid.
        video_profile (str | Unset): Codec profile specific to videoEncoder. The following are some combinations of
            available profiles based on the 'videoEncoder' selection <table> <tr> <td>H264</td> <td>H265</td> <td>ProRes
            <td>AV1 <td>VP9 </tr> <tr> <td>High</td> <td>Main, Main10</td> <td>422 Proxy, 422 LT, 422 Std, 422 HQ</td>
            <td>8-bit, 10-bit</td> <td>Good, Best</td> </tr> </table> Example: Main.
        crop_to_fit (bool | Unset): Center cropping to fit the output dimensions Example: True.
        container (TopazOutputInformationVideoContainer | Unset): Desired output container Example: mp4.
    """

    resolution: TopazOutputInformationVideoResolution
    frame_rate: float
    audio_codec: TopazOutputInformationVideoAudioCodec
    audio_transfer: TopazOutputInformationVideoAudioTransfer
    audio_bitrate: str | Unset = UNSET
    codec_id: str | Unset = UNSET
    video_encoder: TopazOutputInformationVideoVideoEncoder | Unset = UNSET
    video_bitrate: str | Unset = UNSET
    dynamic_compression_level: TopazOutputInformationVideoDynamicCompressionLevel | Unset = UNSET
    video_profile: str | Unset = UNSET
    crop_to_fit: bool | Unset = UNSET
    container: TopazOutputInformationVideoContainer | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resolution = self.resolution.to_dict()

        frame_rate = self.frame_rate

        audio_codec = self.audio_codec.value

        audio_transfer = self.audio_transfer.value

        audio_bitrate = self.audio_bitrate

        codec_id = self.codec_id

        video_encoder: str | Unset = UNSET
        if not isinstance(self.video_encoder, Unset):
            video_encoder = self.video_encoder.value

        video_bitrate = self.video_bitrate

        dynamic_compression_level: str | Unset = UNSET
        if not isinstance(self.dynamic_compression_level, Unset):
            dynamic_compression_level = self.dynamic_compression_level.value

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
                "audioCodec": audio_codec,
                "audioTransfer": audio_transfer,
            }
        )
        if audio_bitrate is not UNSET:
            field_dict["audioBitrate"] = audio_bitrate
        if codec_id is not UNSET:
            field_dict["codecId"] = codec_id
        if video_encoder is not UNSET:
            field_dict["videoEncoder"] = video_encoder
        if video_bitrate is not UNSET:
            field_dict["videoBitrate"] = video_bitrate
        if dynamic_compression_level is not UNSET:
            field_dict["dynamicCompressionLevel"] = dynamic_compression_level
        if video_profile is not UNSET:
            field_dict["videoProfile"] = video_profile
        if crop_to_fit is not UNSET:
            field_dict["cropToFit"] = crop_to_fit
        if container is not UNSET:
            field_dict["container"] = container

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_output_information_video_resolution import TopazOutputInformationVideoResolution  # noqa: PLC0415

        d = dict(src_dict)
        resolution = TopazOutputInformationVideoResolution.from_dict(d.pop("resolution"))

        frame_rate = d.pop("frameRate")

        audio_codec = TopazOutputInformationVideoAudioCodec(d.pop("audioCodec"))

        audio_transfer = TopazOutputInformationVideoAudioTransfer(d.pop("audioTransfer"))

        audio_bitrate = d.pop("audioBitrate", UNSET)

        codec_id = d.pop("codecId", UNSET)

        _video_encoder = d.pop("videoEncoder", UNSET)
        video_encoder: TopazOutputInformationVideoVideoEncoder | Unset
        if isinstance(_video_encoder, Unset):
            video_encoder = UNSET
        else:
            video_encoder = TopazOutputInformationVideoVideoEncoder(_video_encoder)

        video_bitrate = d.pop("videoBitrate", UNSET)

        _dynamic_compression_level = d.pop("dynamicCompressionLevel", UNSET)
        dynamic_compression_level: TopazOutputInformationVideoDynamicCompressionLevel | Unset
        if isinstance(_dynamic_compression_level, Unset):
            dynamic_compression_level = UNSET
        else:
            dynamic_compression_level = TopazOutputInformationVideoDynamicCompressionLevel(_dynamic_compression_level)

        video_profile = d.pop("videoProfile", UNSET)

        crop_to_fit = d.pop("cropToFit", UNSET)

        _container = d.pop("container", UNSET)
        container: TopazOutputInformationVideoContainer | Unset
        if isinstance(_container, Unset):
            container = UNSET
        else:
            container = TopazOutputInformationVideoContainer(_container)

        topaz_output_information_video = cls(
            resolution=resolution,
            frame_rate=frame_rate,
            audio_codec=audio_codec,
            audio_transfer=audio_transfer,
            audio_bitrate=audio_bitrate,
            codec_id=codec_id,
            video_encoder=video_encoder,
            video_bitrate=video_bitrate,
            dynamic_compression_level=dynamic_compression_level,
            video_profile=video_profile,
            crop_to_fit=crop_to_fit,
            container=container,
        )

        topaz_output_information_video.additional_properties = d
        return topaz_output_information_video

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
