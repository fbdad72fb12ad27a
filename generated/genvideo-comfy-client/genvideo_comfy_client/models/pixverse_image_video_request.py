from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.pixverse_image_video_request_duration import PixverseImageVideoRequestDuration
from ..models.pixverse_image_video_request_model import PixverseImageVideoRequestModel
from ..models.pixverse_image_video_request_motion_mode import PixverseImageVideoRequestMotionMode
from ..models.pixverse_image_video_request_quality import PixverseImageVideoRequestQuality
from ..models.pixverse_image_video_request_style import PixverseImageVideoRequestStyle
from ..types import UNSET, Unset

T = TypeVar("T", bound="PixverseImageVideoRequest")


@_attrs_define
class PixverseImageVideoRequest:
    """
    Attributes:
        img_id (int):
        model (PixverseImageVideoRequestModel):
        prompt (str):
        duration (PixverseImageVideoRequestDuration):
        quality (PixverseImageVideoRequestQuality):
        motion_mode (PixverseImageVideoRequestMotionMode | Unset):
        seed (int | Unset):
        style (PixverseImageVideoRequestStyle | Unset):
        template_id (int | Unset):
        water_mark (bool | Unset):
    """

    img_id: int
    model: PixverseImageVideoRequestModel
    prompt: str
    duration: PixverseImageVideoRequestDuration
    quality: PixverseImageVideoRequestQuality
    motion_mode: PixverseImageVideoRequestMotionMode | Unset = UNSET
    seed: int | Unset = UNSET
    style: PixverseImageVideoRequestStyle | Unset = UNSET
    template_id: int | Unset = UNSET
    water_mark: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        img_id = self.img_id

        model = self.model.value

        prompt = self.prompt

        duration = self.duration.value

        quality = self.quality.value

        motion_mode: str | Unset = UNSET
        if not isinstance(self.motion_mode, Unset):
            motion_mode = self.motion_mode.value

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
                "img_id": img_id,
                "model": model,
                "prompt": prompt,
                "duration": duration,
                "quality": quality,
            }
        )
        if motion_mode is not UNSET:
            field_dict["motion_mode"] = motion_mode
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
        img_id = d.pop("img_id")

        model = PixverseImageVideoRequestModel(d.pop("model"))

        prompt = d.pop("prompt")

        duration = PixverseImageVideoRequestDuration(d.pop("duration"))

        quality = PixverseImageVideoRequestQuality(d.pop("quality"))

        _motion_mode = d.pop("motion_mode", UNSET)
        motion_mode: PixverseImageVideoRequestMotionMode | Unset
        if isinstance(_motion_mode, Unset):
            motion_mode = UNSET
        else:
            motion_mode = PixverseImageVideoRequestMotionMode(_motion_mode)

        seed = d.pop("seed", UNSET)

        _style = d.pop("style", UNSET)
        style: PixverseImageVideoRequestStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = PixverseImageVideoRequestStyle(_style)

        template_id = d.pop("template_id", UNSET)

        water_mark = d.pop("water_mark", UNSET)

        pixverse_image_video_request = cls(
            img_id=img_id,
            model=model,
            prompt=prompt,
            duration=duration,
            quality=quality,
            motion_mode=motion_mode,
            seed=seed,
            style=style,
            template_id=template_id,
            water_mark=water_mark,
        )

        pixverse_image_video_request.additional_properties = d
        return pixverse_image_video_request

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
