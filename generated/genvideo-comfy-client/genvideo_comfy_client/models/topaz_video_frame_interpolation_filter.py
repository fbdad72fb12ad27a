from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.topaz_video_frame_interpolation_filter_model import TopazVideoFrameInterpolationFilterModel
from ..types import UNSET, Unset

T = TypeVar("T", bound="TopazVideoFrameInterpolationFilter")


@_attrs_define
class TopazVideoFrameInterpolationFilter:
    """
    Attributes:
        model (TopazVideoFrameInterpolationFilterModel): Short code name for AI model Example: apo-8.
        slowmo (float | Unset): Slow motion factor applied to input video Example: 2.
        fps (float | Unset): Output frame rate, does not increase duration Example: 60.
        duplicate (bool | Unset): Analyze input for duplicate frames and remove them Example: True.
        duplicate_threshold (float | Unset): Sensitivity of detection for duplicate frames Example: 0.01.
    """

    model: TopazVideoFrameInterpolationFilterModel
    slowmo: float | Unset = UNSET
    fps: float | Unset = UNSET
    duplicate: bool | Unset = UNSET
    duplicate_threshold: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        slowmo = self.slowmo

        fps = self.fps

        duplicate = self.duplicate

        duplicate_threshold = self.duplicate_threshold

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if slowmo is not UNSET:
            field_dict["slowmo"] = slowmo
        if fps is not UNSET:
            field_dict["fps"] = fps
        if duplicate is not UNSET:
            field_dict["duplicate"] = duplicate
        if duplicate_threshold is not UNSET:
            field_dict["duplicateThreshold"] = duplicate_threshold

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = TopazVideoFrameInterpolationFilterModel(d.pop("model"))

        slowmo = d.pop("slowmo", UNSET)

        fps = d.pop("fps", UNSET)

        duplicate = d.pop("duplicate", UNSET)

        duplicate_threshold = d.pop("duplicateThreshold", UNSET)

        topaz_video_frame_interpolation_filter = cls(
            model=model,
            slowmo=slowmo,
            fps=fps,
            duplicate=duplicate,
            duplicate_threshold=duplicate_threshold,
        )

        topaz_video_frame_interpolation_filter.additional_properties = d
        return topaz_video_frame_interpolation_filter

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
