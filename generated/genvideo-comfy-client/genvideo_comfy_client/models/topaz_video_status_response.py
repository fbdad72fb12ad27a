from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.topaz_video_enhanced_download import TopazVideoEnhancedDownload
    from ..models.topaz_video_request_estimates import TopazVideoRequestEstimates


T = TypeVar("T", bound="TopazVideoStatusResponse")


@_attrs_define
class TopazVideoStatusResponse:
    """
    Attributes:
        status (str): Current status of the video processing (Topaz's word). Known values are listed in x-known-values;
            others may appear.
        progress (float | Unset): Total progress percentage Example: 82.
        estimates (TopazVideoRequestEstimates | Unset): Lower and upper bound estimates
        output_size (str | Unset): Size of output video Example: 10 GB.
        average_fps (float | Unset): Average processing speed of each node Example: 1.23.
        combined_fps (float | Unset): Combined processing speed of all nodes Example: 12.34.
        message (str | Unset):  Example: Processing.
        download (TopazVideoEnhancedDownload | Unset): Signed download URL to the enhanced video file
    """

    status: str
    progress: float | Unset = UNSET
    estimates: TopazVideoRequestEstimates | Unset = UNSET
    output_size: str | Unset = UNSET
    average_fps: float | Unset = UNSET
    combined_fps: float | Unset = UNSET
    message: str | Unset = UNSET
    download: TopazVideoEnhancedDownload | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        progress = self.progress

        estimates: dict[str, Any] | Unset = UNSET
        if not isinstance(self.estimates, Unset):
            estimates = self.estimates.to_dict()

        output_size = self.output_size

        average_fps = self.average_fps

        combined_fps = self.combined_fps

        message = self.message

        download: dict[str, Any] | Unset = UNSET
        if not isinstance(self.download, Unset):
            download = self.download.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if progress is not UNSET:
            field_dict["progress"] = progress
        if estimates is not UNSET:
            field_dict["estimates"] = estimates
        if output_size is not UNSET:
            field_dict["outputSize"] = output_size
        if average_fps is not UNSET:
            field_dict["averageFps"] = average_fps
        if combined_fps is not UNSET:
            field_dict["combinedFps"] = combined_fps
        if message is not UNSET:
            field_dict["message"] = message
        if download is not UNSET:
            field_dict["download"] = download

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_video_enhanced_download import TopazVideoEnhancedDownload  # noqa: PLC0415
        from ..models.topaz_video_request_estimates import TopazVideoRequestEstimates  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        progress = d.pop("progress", UNSET)

        _estimates = d.pop("estimates", UNSET)
        estimates: TopazVideoRequestEstimates | Unset
        if isinstance(_estimates, Unset):
            estimates = UNSET
        else:
            estimates = TopazVideoRequestEstimates.from_dict(_estimates)

        output_size = d.pop("outputSize", UNSET)

        average_fps = d.pop("averageFps", UNSET)

        combined_fps = d.pop("combinedFps", UNSET)

        message = d.pop("message", UNSET)

        _download = d.pop("download", UNSET)
        download: TopazVideoEnhancedDownload | Unset
        if isinstance(_download, Unset):
            download = UNSET
        else:
            download = TopazVideoEnhancedDownload.from_dict(_download)

        topaz_video_status_response = cls(
            status=status,
            progress=progress,
            estimates=estimates,
            output_size=output_size,
            average_fps=average_fps,
            combined_fps=combined_fps,
            message=message,
            download=download,
        )

        topaz_video_status_response.additional_properties = d
        return topaz_video_status_response

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
