from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.image_2_video_config import Image2VideoConfig
    from ..models.image_2_video_settings import Image2VideoSettings


T = TypeVar("T", bound="Image2VideoRequest")


@_attrs_define
class Image2VideoRequest:
    """The information to animate an image (2.0 image-to-video).

    Attributes:
        prompt (str):
        config (Image2VideoConfig):
        negative_prompt (str | Unset):
        is_public (bool | Unset):  Default: True.
        is_enable_prompt_enhancer (bool | Unset):  Default: True.
        settings (Image2VideoSettings | Unset):
    """

    prompt: str
    config: Image2VideoConfig
    negative_prompt: str | Unset = UNSET
    is_public: bool | Unset = True
    is_enable_prompt_enhancer: bool | Unset = True
    settings: Image2VideoSettings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        config = self.config.to_dict()

        negative_prompt = self.negative_prompt

        is_public = self.is_public

        is_enable_prompt_enhancer = self.is_enable_prompt_enhancer

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
                "config": config,
            }
        )
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if is_enable_prompt_enhancer is not UNSET:
            field_dict["is_enable_prompt_enhancer"] = is_enable_prompt_enhancer
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.image_2_video_config import Image2VideoConfig  # noqa: PLC0415
        from ..models.image_2_video_settings import Image2VideoSettings  # noqa: PLC0415

        d = dict(src_dict)
        prompt = d.pop("prompt")

        config = Image2VideoConfig.from_dict(d.pop("config"))

        negative_prompt = d.pop("negative_prompt", UNSET)

        is_public = d.pop("is_public", UNSET)

        is_enable_prompt_enhancer = d.pop("is_enable_prompt_enhancer", UNSET)

        _settings = d.pop("settings", UNSET)
        settings: Image2VideoSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = Image2VideoSettings.from_dict(_settings)

        image_2_video_request = cls(
            prompt=prompt,
            config=config,
            negative_prompt=negative_prompt,
            is_public=is_public,
            is_enable_prompt_enhancer=is_enable_prompt_enhancer,
            settings=settings,
        )

        image_2_video_request.additional_properties = d
        return image_2_video_request

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
