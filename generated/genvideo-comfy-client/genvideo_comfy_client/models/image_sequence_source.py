from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_sequence_source_container import ImageSequenceSourceContainer
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.image_sequence_source_resolution import ImageSequenceSourceResolution
    from ..models.topaz_external_storage import TopazExternalStorage


T = TypeVar("T", bound="ImageSequenceSource")


@_attrs_define
class ImageSequenceSource:
    """Source details for the video

    Attributes:
        container (ImageSequenceSourceContainer): The container format of the image files Example: TIFF.
        frame_count (float): Total number of frames in the video, in this case, equal to the number of image files.
            Example: 18000.
        frame_rate (float): Frame rate of the video Example: 30.
        resolution (ImageSequenceSourceResolution): Resolution details of the image
        external (TopazExternalStorage):
        start_number (int | Unset): Optional starting frame number for image sequences Example: 120.
        end_number (int | Unset): Optional ending frame number for image sequences Example: 120.
    """

    container: ImageSequenceSourceContainer
    frame_count: float
    frame_rate: float
    resolution: ImageSequenceSourceResolution
    external: TopazExternalStorage
    start_number: int | Unset = UNSET
    end_number: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        container = self.container.value

        frame_count = self.frame_count

        frame_rate = self.frame_rate

        resolution = self.resolution.to_dict()

        external = self.external.to_dict()

        start_number = self.start_number

        end_number = self.end_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "container": container,
                "frameCount": frame_count,
                "frameRate": frame_rate,
                "resolution": resolution,
                "external": external,
            }
        )
        if start_number is not UNSET:
            field_dict["startNumber"] = start_number
        if end_number is not UNSET:
            field_dict["endNumber"] = end_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_sequence_source_resolution import ImageSequenceSourceResolution  # noqa: PLC0415
        from ..models.topaz_external_storage import TopazExternalStorage  # noqa: PLC0415

        d = dict(src_dict)
        container = ImageSequenceSourceContainer(d.pop("container"))

        frame_count = d.pop("frameCount")

        frame_rate = d.pop("frameRate")

        resolution = ImageSequenceSourceResolution.from_dict(d.pop("resolution"))

        external = TopazExternalStorage.from_dict(d.pop("external"))

        start_number = d.pop("startNumber", UNSET)

        end_number = d.pop("endNumber", UNSET)

        image_sequence_source = cls(
            container=container,
            frame_count=frame_count,
            frame_rate=frame_rate,
            resolution=resolution,
            external=external,
            start_number=start_number,
            end_number=end_number,
        )

        image_sequence_source.additional_properties = d
        return image_sequence_source

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
