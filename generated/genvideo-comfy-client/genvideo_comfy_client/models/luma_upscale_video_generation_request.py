from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.luma_upscale_video_generation_request_generation_type import (
    LumaUpscaleVideoGenerationRequestGenerationType,
)
from ..models.luma_video_model_output_resolution_type_0 import LumaVideoModelOutputResolutionType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="LumaUpscaleVideoGenerationRequest")


@_attrs_define
class LumaUpscaleVideoGenerationRequest:
    """The upscale generation request object

    Attributes:
        generation_type (LumaUpscaleVideoGenerationRequestGenerationType | Unset):  Default:
            LumaUpscaleVideoGenerationRequestGenerationType.UPSCALE_VIDEO.
        resolution (LumaVideoModelOutputResolutionType0 | str | Unset):
        callback_url (str | Unset): The callback URL for the upscale
    """

    generation_type: LumaUpscaleVideoGenerationRequestGenerationType | Unset = (
        LumaUpscaleVideoGenerationRequestGenerationType.UPSCALE_VIDEO
    )
    resolution: LumaVideoModelOutputResolutionType0 | str | Unset = UNSET
    callback_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generation_type: str | Unset = UNSET
        if not isinstance(self.generation_type, Unset):
            generation_type = self.generation_type.value

        resolution: str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        elif isinstance(self.resolution, LumaVideoModelOutputResolutionType0):
            resolution = self.resolution.value
        else:
            resolution = self.resolution

        callback_url = self.callback_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if generation_type is not UNSET:
            field_dict["generation_type"] = generation_type
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _generation_type = d.pop("generation_type", UNSET)
        generation_type: LumaUpscaleVideoGenerationRequestGenerationType | Unset
        if isinstance(_generation_type, Unset):
            generation_type = UNSET
        else:
            generation_type = LumaUpscaleVideoGenerationRequestGenerationType(_generation_type)

        def _parse_resolution(data: object) -> LumaVideoModelOutputResolutionType0 | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_luma_video_model_output_resolution_type_0 = LumaVideoModelOutputResolutionType0(data)

                return componentsschemas_luma_video_model_output_resolution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LumaVideoModelOutputResolutionType0 | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        callback_url = d.pop("callback_url", UNSET)

        luma_upscale_video_generation_request = cls(
            generation_type=generation_type,
            resolution=resolution,
            callback_url=callback_url,
        )

        luma_upscale_video_generation_request.additional_properties = d
        return luma_upscale_video_generation_request

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
