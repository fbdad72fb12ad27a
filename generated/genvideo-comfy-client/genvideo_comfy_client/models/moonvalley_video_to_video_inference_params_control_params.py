from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MoonvalleyVideoToVideoInferenceParamsControlParams")


@_attrs_define
class MoonvalleyVideoToVideoInferenceParamsControlParams:
    """
    Attributes:
        motion_intensity (int | Unset): Intensity of motion control Default: 6.
    """

    motion_intensity: int | Unset = 6
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        motion_intensity = self.motion_intensity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if motion_intensity is not UNSET:
            field_dict["motion_intensity"] = motion_intensity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        motion_intensity = d.pop("motion_intensity", UNSET)

        moonvalley_video_to_video_inference_params_control_params = cls(
            motion_intensity=motion_intensity,
        )

        moonvalley_video_to_video_inference_params_control_params.additional_properties = d
        return moonvalley_video_to_video_inference_params_control_params

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
