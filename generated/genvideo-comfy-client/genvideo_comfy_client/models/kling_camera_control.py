from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.kling_camera_control_type import KlingCameraControlType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kling_camera_config import KlingCameraConfig


T = TypeVar("T", bound="KlingCameraControl")


@_attrs_define
class KlingCameraControl:
    """
    Attributes:
        type_ (KlingCameraControlType | Unset): Predefined camera movements type. simple: Customizable camera movement.
            down_back: Camera descends and moves backward. forward_up: Camera moves forward and tilts up.
            right_turn_forward: Rotate right and move forward. left_turn_forward: Rotate left and move forward.
        config (KlingCameraConfig | Unset):
    """

    type_: KlingCameraControlType | Unset = UNSET
    config: KlingCameraConfig | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        config: dict[str, Any] | Unset = UNSET
        if not isinstance(self.config, Unset):
            config = self.config.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["type"] = type_
        if config is not UNSET:
            field_dict["config"] = config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kling_camera_config import KlingCameraConfig  # noqa: PLC0415

        d = dict(src_dict)
        _type_ = d.pop("type", UNSET)
        type_: KlingCameraControlType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = KlingCameraControlType(_type_)

        _config = d.pop("config", UNSET)
        config: KlingCameraConfig | Unset
        if isinstance(_config, Unset):
            config = UNSET
        else:
            config = KlingCameraConfig.from_dict(_config)

        kling_camera_control = cls(
            type_=type_,
            config=config,
        )

        kling_camera_control.additional_properties = d
        return kling_camera_control

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
