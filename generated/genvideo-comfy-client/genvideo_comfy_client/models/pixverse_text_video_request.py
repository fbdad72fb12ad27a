from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pixverse_text_video_request_aspect_ratio import PixverseTextVideoRequestAspectRatio
from ..models.pixverse_text_video_request_duration import PixverseTextVideoRequestDuration
from ..models.pixverse_text_video_request_model import PixverseTextVideoRequestModel
from ..models.pixverse_text_video_request_motion_mode import PixverseTextVideoRequestMotionMode
from ..models.pixverse_text_video_request_quality import PixverseTextVideoRequestQuality
from ..models.pixverse_text_video_request_style import PixverseTextVideoRequestStyle
from ..types import UNSET, Unset

T = TypeVar("T", bound="PixverseTextVideoRequest")


@_attrs_define
class PixverseTextVideoRequest:
    """
    Attributes:
        aspect_ratio (PixverseTextVideoRequestAspectRatio):
        duration (PixverseTextVideoRequestDuration):
        model (PixverseTextVideoRequestModel):
        prompt (str):
        quality (PixverseTextVideoRequestQuality):
        motion_mode (PixverseTextVideoRequestMotionMode | Unset):
        negative_prompt (str | Unset):
        seed (int | Unset):
        style (PixverseTextVideoRequestStyle | Unset):
        template_id (int | Unset):
        water_mark (bool | Unset):
    """

    aspect_ratio: PixverseTextVideoRequestAspectRatio
    duration: PixverseTextVideoRequestDuration
    model: PixverseTextVideoRequestModel
    prompt: str
    quality: PixverseTextVideoRequestQuality
    motion_mode: PixverseTextVideoRequestMotionMode | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    seed: int | Unset = UNSET
    style: PixverseTextVideoRequestStyle | Unset = UNSET
    template_id: int | Unset = UNSET
    water_mark: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        aspect_ratio = self.aspect_ratio.value

        duration = self.duration.value

        model = self.model.value

        prompt = self.prompt

        quality = self.quality.value

        motion_mode: str | Unset = UNSET
        if not isinstance(self.motion_mode, Unset):
            motion_mode = self.motion_mode.value

        negative_prompt = self.negative_prompt

        seed = self.seed

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.value

        template_id = self.template_id

        water_mark = self.water_mark

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "aspect_ratio": aspect_ratio,
                "duration": duration,
                "model": model,
                "prompt": prompt,
                "quality": quality,
            }
        )
        if motion_mode is not UNSET:
            field_dict["motion_mode"] = motion_mode
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if seed is not UNSET:
            field_dict["seed"] = seed
        if style is not UNSET:
            field_dict["style"] = style
        if template_id is not UNSET:
            field_dict["template_id"] = template_id
        if water_mark is not UNSET:
            field_dict["water_mark"] = water_mark

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        aspect_ratio = PixverseTextVideoRequestAspectRatio(d.pop("aspect_ratio"))

        duration = PixverseTextVideoRequestDuration(d.pop("duration"))

        model = PixverseTextVideoRequestModel(d.pop("model"))

        prompt = d.pop("prompt")

        quality = PixverseTextVideoRequestQuality(d.pop("quality"))

        _motion_mode = d.pop("motion_mode", UNSET)
        motion_mode: PixverseTextVideoRequestMotionMode | Unset
        if isinstance(_motion_mode, Unset):
            motion_mode = UNSET
        else:
            motion_mode = PixverseTextVideoRequestMotionMode(_motion_mode)

        negative_prompt = d.pop("negative_prompt", UNSET)

        seed = d.pop("seed", UNSET)

        _style = d.pop("style", UNSET)
        style: PixverseTextVideoRequestStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = PixverseTextVideoRequestStyle(_style)

        template_id = d.pop("template_id", UNSET)

        water_mark = d.pop("water_mark", UNSET)

        pixverse_text_video_request = cls(
            aspect_ratio=aspect_ratio,
            duration=duration,
            model=model,
            prompt=prompt,
            quality=quality,
            motion_mode=motion_mode,
            negative_prompt=negative_prompt,
            seed=seed,
            style=style,
            template_id=template_id,
            water_mark=water_mark,
        )

        pixverse_text_video_request.additional_properties = d
        return pixverse_text_video_request

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
