from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.topaz_video_enhancement_filter_auto import TopazVideoEnhancementFilterAuto
from ..models.topaz_video_enhancement_filter_creativity import TopazVideoEnhancementFilterCreativity
from ..models.topaz_video_enhancement_filter_field_order import TopazVideoEnhancementFilterFieldOrder
from ..models.topaz_video_enhancement_filter_focus_fix_level import TopazVideoEnhancementFilterFocusFixLevel
from ..models.topaz_video_enhancement_filter_model import TopazVideoEnhancementFilterModel
from ..models.topaz_video_enhancement_filter_video_type import TopazVideoEnhancementFilterVideoType
from ..types import UNSET, Unset

T = TypeVar("T", bound="TopazVideoEnhancementFilter")


@_attrs_define
class TopazVideoEnhancementFilter:
    """
    Attributes:
        model (TopazVideoEnhancementFilterModel): Short code name for AI model Example: prob-4.
        video_type (TopazVideoEnhancementFilterVideoType | Unset): Frame/field type of the video Example: Progressive.
        auto (TopazVideoEnhancementFilterAuto | Unset): Parameter mode of the selected model Example: Auto.
        field_order (TopazVideoEnhancementFilterFieldOrder | Unset): Optional specification of field order for
            interlaced input videos Example: Auto.
        focus_fix_level (TopazVideoEnhancementFilterFocusFixLevel | Unset): Downscales video input for stronger
            correction of blurred subjects Example: Normal.
        compression (float | Unset): Adjust strength of compression recovery Example: 0.1.
        details (float | Unset): Amount of detail reconstruction Example: 0.2.
        prenoise (float | Unset): Adds noise to input to reduce over-smoothing Example: 0.01.
        noise (float | Unset): Amount of noise reduction Example: 0.3.
        halo (float | Unset): Amount of halo reduction Example: 0.4.
        preblur (float | Unset): Adjust anti-aliasing and deblurring strength Example: 0.5.
        blur (float | Unset): Amount of sharpness applied Example: 0.6.
        grain (float | Unset): Adds grain after AI model processing Example: 0.02.
        grain_size (float | Unset): Size of generated grain Example: 1.
        recover_original_detail_value (float | Unset): Reintroduce source details into the output video Example: 0.7.
        creativity (TopazVideoEnhancementFilterCreativity | Unset): Creativity level for Starlight Creative (slc-1) only
        is_optimized_mode (bool | Unset): Set to true for Starlight Creative (slc-1) only
    """

    model: TopazVideoEnhancementFilterModel
    video_type: TopazVideoEnhancementFilterVideoType | Unset = UNSET
    auto: TopazVideoEnhancementFilterAuto | Unset = UNSET
    field_order: TopazVideoEnhancementFilterFieldOrder | Unset = UNSET
    focus_fix_level: TopazVideoEnhancementFilterFocusFixLevel | Unset = UNSET
    compression: float | Unset = UNSET
    details: float | Unset = UNSET
    prenoise: float | Unset = UNSET
    noise: float | Unset = UNSET
    halo: float | Unset = UNSET
    preblur: float | Unset = UNSET
    blur: float | Unset = UNSET
    grain: float | Unset = UNSET
    grain_size: float | Unset = UNSET
    recover_original_detail_value: float | Unset = UNSET
    creativity: TopazVideoEnhancementFilterCreativity | Unset = UNSET
    is_optimized_mode: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        video_type: str | Unset = UNSET
        if not isinstance(self.video_type, Unset):
            video_type = self.video_type.value

        auto: str | Unset = UNSET
        if not isinstance(self.auto, Unset):
            auto = self.auto.value

        field_order: str | Unset = UNSET
        if not isinstance(self.field_order, Unset):
            field_order = self.field_order.value

        focus_fix_level: str | Unset = UNSET
        if not isinstance(self.focus_fix_level, Unset):
            focus_fix_level = self.focus_fix_level.value

        compression = self.compression

        details = self.details

        prenoise = self.prenoise

        noise = self.noise

        halo = self.halo

        preblur = self.preblur

        blur = self.blur

        grain = self.grain

        grain_size = self.grain_size

        recover_original_detail_value = self.recover_original_detail_value

        creativity: str | Unset = UNSET
        if not isinstance(self.creativity, Unset):
            creativity = self.creativity.value

        is_optimized_mode = self.is_optimized_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if video_type is not UNSET:
            field_dict["videoType"] = video_type
        if auto is not UNSET:
            field_dict["auto"] = auto
        if field_order is not UNSET:
            field_dict["fieldOrder"] = field_order
        if focus_fix_level is not UNSET:
            field_dict["focusFixLevel"] = focus_fix_level
        if compression is not UNSET:
            field_dict["compression"] = compression
        if details is not UNSET:
            field_dict["details"] = details
        if prenoise is not UNSET:
            field_dict["prenoise"] = prenoise
        if noise is not UNSET:
            field_dict["noise"] = noise
        if halo is not UNSET:
            field_dict["halo"] = halo
        if preblur is not UNSET:
            field_dict["preblur"] = preblur
        if blur is not UNSET:
            field_dict["blur"] = blur
        if grain is not UNSET:
            field_dict["grain"] = grain
        if grain_size is not UNSET:
            field_dict["grainSize"] = grain_size
        if recover_original_detail_value is not UNSET:
            field_dict["recoverOriginalDetailValue"] = recover_original_detail_value
        if creativity is not UNSET:
            field_dict["creativity"] = creativity
        if is_optimized_mode is not UNSET:
            field_dict["isOptimizedMode"] = is_optimized_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = TopazVideoEnhancementFilterModel(d.pop("model"))

        _video_type = d.pop("videoType", UNSET)
        video_type: TopazVideoEnhancementFilterVideoType | Unset
        if isinstance(_video_type, Unset):
            video_type = UNSET
        else:
            video_type = TopazVideoEnhancementFilterVideoType(_video_type)

        _auto = d.pop("auto", UNSET)
        auto: TopazVideoEnhancementFilterAuto | Unset
        if isinstance(_auto, Unset):
            auto = UNSET
        else:
            auto = TopazVideoEnhancementFilterAuto(_auto)

        _field_order = d.pop("fieldOrder", UNSET)
        field_order: TopazVideoEnhancementFilterFieldOrder | Unset
        if isinstance(_field_order, Unset):
            field_order = UNSET
        else:
            field_order = TopazVideoEnhancementFilterFieldOrder(_field_order)

        _focus_fix_level = d.pop("focusFixLevel", UNSET)
        focus_fix_level: TopazVideoEnhancementFilterFocusFixLevel | Unset
        if isinstance(_focus_fix_level, Unset):
            focus_fix_level = UNSET
        else:
            focus_fix_level = TopazVideoEnhancementFilterFocusFixLevel(_focus_fix_level)

        compression = d.pop("compression", UNSET)

        details = d.pop("details", UNSET)

        prenoise = d.pop("prenoise", UNSET)

        noise = d.pop("noise", UNSET)

        halo = d.pop("halo", UNSET)

        preblur = d.pop("preblur", UNSET)

        blur = d.pop("blur", UNSET)

        grain = d.pop("grain", UNSET)

        grain_size = d.pop("grainSize", UNSET)

        recover_original_detail_value = d.pop("recoverOriginalDetailValue", UNSET)

        _creativity = d.pop("creativity", UNSET)
        creativity: TopazVideoEnhancementFilterCreativity | Unset
        if isinstance(_creativity, Unset):
            creativity = UNSET
        else:
            creativity = TopazVideoEnhancementFilterCreativity(_creativity)

        is_optimized_mode = d.pop("isOptimizedMode", UNSET)

        topaz_video_enhancement_filter = cls(
            model=model,
            video_type=video_type,
            auto=auto,
            field_order=field_order,
            focus_fix_level=focus_fix_level,
            compression=compression,
            details=details,
            prenoise=prenoise,
            noise=noise,
            halo=halo,
            preblur=preblur,
            blur=blur,
            grain=grain,
            grain_size=grain_size,
            recover_original_detail_value=recover_original_detail_value,
            creativity=creativity,
            is_optimized_mode=is_optimized_mode,
        )

        topaz_video_enhancement_filter.additional_properties = d
        return topaz_video_enhancement_filter

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
