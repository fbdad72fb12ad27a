from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.topaz_create_request_video_schema_source_container import TopazCreateRequestVideoSchemaSourceContainer
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.topaz_create_request_video_schema_source_resolution import (
        TopazCreateRequestVideoSchemaSourceResolution,
    )
    from ..models.topaz_external_storage import TopazExternalStorage


T = TypeVar("T", bound="TopazCreateRequestVideoSchemaSource")


@_attrs_define
class TopazCreateRequestVideoSchemaSource:
    """Source details for the video

    Attributes:
        container (TopazCreateRequestVideoSchemaSourceContainer): The container format of the video file Example: mp4.
        size (int): Size of the video file in bytes Example: 123456000.
        duration (float): Duration of the video file in seconds Example: 600.
        frame_count (float): Total number of frames in the video Example: 18000.
        frame_rate (float): Frame rate of the video Example: 30.
        resolution (TopazCreateRequestVideoSchemaSourceResolution): Resolution details of the video
        external (TopazExternalStorage | Unset):
    """

    container: TopazCreateRequestVideoSchemaSourceContainer
    size: int
    duration: float
    frame_count: float
    frame_rate: float
    resolution: TopazCreateRequestVideoSchemaSourceResolution
    external: TopazExternalStorage | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        container = self.container.value

        size = self.size

        duration = self.duration

        frame_count = self.frame_count

        frame_rate = self.frame_rate

        resolution = self.resolution.to_dict()

        external: dict[str, Any] | Unset = UNSET
        if not isinstance(self.external, Unset):
            external = self.external.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "container": container,
                "size": size,
                "duration": duration,
                "frameCount": frame_count,
                "frameRate": frame_rate,
                "resolution": resolution,
            }
        )
        if external is not UNSET:
            field_dict["external"] = external

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_create_request_video_schema_source_resolution import (
            TopazCreateRequestVideoSchemaSourceResolution,  # noqa: PLC0415
        )
        from ..models.topaz_external_storage import TopazExternalStorage  # noqa: PLC0415

        d = dict(src_dict)
        container = TopazCreateRequestVideoSchemaSourceContainer(d.pop("container"))

        size = d.pop("size")

        duration = d.pop("duration")

        frame_count = d.pop("frameCount")

        frame_rate = d.pop("frameRate")

        resolution = TopazCreateRequestVideoSchemaSourceResolution.from_dict(d.pop("resolution"))

        _external = d.pop("external", UNSET)
        external: TopazExternalStorage | Unset
        if isinstance(_external, Unset):
            external = UNSET
        else:
            external = TopazExternalStorage.from_dict(_external)

        topaz_create_request_video_schema_source = cls(
            container=container,
            size=size,
            duration=duration,
            frame_count=frame_count,
            frame_rate=frame_rate,
            resolution=resolution,
            external=external,
        )

        topaz_create_request_video_schema_source.additional_properties = d
        return topaz_create_request_video_schema_source

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
