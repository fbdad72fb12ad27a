from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="KlingCameraConfig")


@_attrs_define
class KlingCameraConfig:
    """
    Attributes:
        horizontal (float | Unset): Controls camera's movement along horizontal axis (x-axis). Negative indicates left,
            positive indicates right.
        vertical (float | Unset): Controls camera's movement along vertical axis (y-axis). Negative indicates downward,
            positive indicates upward.
        pan (float | Unset): Controls camera's rotation in vertical plane (x-axis). Negative indicates downward
            rotation, positive indicates upward rotation.
        tilt (float | Unset): Controls camera's rotation in horizontal plane (y-axis). Negative indicates left rotation,
            positive indicates right rotation.
        roll (float | Unset): Controls camera's rolling amount (z-axis). Negative indicates counterclockwise, positive
            indicates clockwise.
        zoom (float | Unset): Controls change in camera's focal length. Negative indicates narrower field of view,
            positive indicates wider field of view.
    """

    horizontal: float | Unset = UNSET
    vertical: float | Unset = UNSET
    pan: float | Unset = UNSET
    tilt: float | Unset = UNSET
    roll: float | Unset = UNSET
    zoom: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        horizontal = self.horizontal

        vertical = self.vertical

        pan = self.pan

        tilt = self.tilt

        roll = self.roll

        zoom = self.zoom

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if horizontal is not UNSET:
            field_dict["horizontal"] = horizontal
        if vertical is not UNSET:
            field_dict["vertical"] = vertical
        if pan is not UNSET:
            field_dict["pan"] = pan
        if tilt is not UNSET:
            field_dict["tilt"] = tilt
        if roll is not UNSET:
            field_dict["roll"] = roll
        if zoom is not UNSET:
            field_dict["zoom"] = zoom

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        horizontal = d.pop("horizontal", UNSET)

        vertical = d.pop("vertical", UNSET)

        pan = d.pop("pan", UNSET)

        tilt = d.pop("tilt", UNSET)

        roll = d.pop("roll", UNSET)

        zoom = d.pop("zoom", UNSET)

        kling_camera_config = cls(
            horizontal=horizontal,
            vertical=vertical,
            pan=pan,
            tilt=tilt,
            roll=roll,
            zoom=zoom,
        )

        kling_camera_config.additional_properties = d
        return kling_camera_config

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
