from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.luma_generation_reference import LumaGenerationReference
    from ..models.luma_image_reference import LumaImageReference


T = TypeVar("T", bound="LumaKeyframes")


@_attrs_define
class LumaKeyframes:
    """The keyframes of the generation

    Example:
        {'frame0': {'type': 'image', 'url': 'https://example.com/image.jpg'}, 'frame1': {'type': 'generation', 'id':
            '123e4567-e89b-12d3-a456-426614174000'}}

    Attributes:
        frame0 (LumaGenerationReference | LumaImageReference | Unset): A keyframe can be either a Generation reference,
            an Image, or a Video
        frame1 (LumaGenerationReference | LumaImageReference | Unset): A keyframe can be either a Generation reference,
            an Image, or a Video
    """

    frame0: LumaGenerationReference | LumaImageReference | Unset = UNSET
    frame1: LumaGenerationReference | LumaImageReference | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.luma_generation_reference import LumaGenerationReference  # noqa: PLC0415

        frame0: dict[str, Any] | Unset
        if isinstance(self.frame0, Unset):
            frame0 = UNSET
        elif isinstance(self.frame0, LumaGenerationReference):
            frame0 = self.frame0.to_dict()
        else:
            frame0 = self.frame0.to_dict()

        frame1: dict[str, Any] | Unset
        if isinstance(self.frame1, Unset):
            frame1 = UNSET
        elif isinstance(self.frame1, LumaGenerationReference):
            frame1 = self.frame1.to_dict()
        else:
            frame1 = self.frame1.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if frame0 is not UNSET:
            field_dict["frame0"] = frame0
        if frame1 is not UNSET:
            field_dict["frame1"] = frame1

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.luma_generation_reference import LumaGenerationReference  # noqa: PLC0415
        from ..models.luma_image_reference import LumaImageReference  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_frame0(data: object) -> LumaGenerationReference | LumaImageReference | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_luma_keyframe_type_0 = LumaGenerationReference.from_dict(data)

                return componentsschemas_luma_keyframe_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_luma_keyframe_type_1 = LumaImageReference.from_dict(data)

            return componentsschemas_luma_keyframe_type_1

        frame0 = _parse_frame0(d.pop("frame0", UNSET))

        def _parse_frame1(data: object) -> LumaGenerationReference | LumaImageReference | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_luma_keyframe_type_0 = LumaGenerationReference.from_dict(data)

                return componentsschemas_luma_keyframe_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            componentsschemas_luma_keyframe_type_1 = LumaImageReference.from_dict(data)

            return componentsschemas_luma_keyframe_type_1

        frame1 = _parse_frame1(d.pop("frame1", UNSET))

        luma_keyframes = cls(
            frame0=frame0,
            frame1=frame1,
        )

        luma_keyframes.additional_properties = d
        return luma_keyframes

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
