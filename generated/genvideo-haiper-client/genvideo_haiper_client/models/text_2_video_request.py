from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.text_2_video_request_gen_mode import Text2VideoRequestGenMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.text_2_video_settings import Text2VideoSettings


T = TypeVar("T", bound="Text2VideoRequest")


@_attrs_define
class Text2VideoRequest:
    """The information to create video (2.0 text-to-video).

    Attributes:
        prompt (str): The prompt of the generation
        negative_prompt (str | Unset): The negative prompt of the generation
        is_public (bool | Unset): Whether the generation is public on Haiper Platform; set to false to keep it private.
            The default value is true Default: True.
        is_enable_prompt_enhancer (bool | Unset): Whether to let AI enhance the prompt. The default value is true
            Default: True.
        gen_mode (Text2VideoRequestGenMode | Unset): Default: 'standard' (high fidelity); 'smooth' (extensive motion);
            'enhanced' (high fidelity and motion)
        settings (Text2VideoSettings | Unset):
    """

    prompt: str
    negative_prompt: str | Unset = UNSET
    is_public: bool | Unset = True
    is_enable_prompt_enhancer: bool | Unset = True
    gen_mode: Text2VideoRequestGenMode | Unset = UNSET
    settings: Text2VideoSettings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt = self.prompt

        negative_prompt = self.negative_prompt

        is_public = self.is_public

        is_enable_prompt_enhancer = self.is_enable_prompt_enhancer

        gen_mode: str | Unset = UNSET
        if not isinstance(self.gen_mode, Unset):
            gen_mode = self.gen_mode.value

        settings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.settings, Unset):
            settings = self.settings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if is_public is not UNSET:
            field_dict["is_public"] = is_public
        if is_enable_prompt_enhancer is not UNSET:
            field_dict["is_enable_prompt_enhancer"] = is_enable_prompt_enhancer
        if gen_mode is not UNSET:
            field_dict["gen_mode"] = gen_mode
        if settings is not UNSET:
            field_dict["settings"] = settings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.text_2_video_settings import Text2VideoSettings  # noqa: PLC0415

        d = dict(src_dict)
        prompt = d.pop("prompt")

        negative_prompt = d.pop("negative_prompt", UNSET)

        is_public = d.pop("is_public", UNSET)

        is_enable_prompt_enhancer = d.pop("is_enable_prompt_enhancer", UNSET)

        _gen_mode = d.pop("gen_mode", UNSET)
        gen_mode: Text2VideoRequestGenMode | Unset
        if isinstance(_gen_mode, Unset):
            gen_mode = UNSET
        else:
            gen_mode = Text2VideoRequestGenMode(_gen_mode)

        _settings = d.pop("settings", UNSET)
        settings: Text2VideoSettings | Unset
        if isinstance(_settings, Unset):
            settings = UNSET
        else:
            settings = Text2VideoSettings.from_dict(_settings)

        text_2_video_request = cls(
            prompt=prompt,
            negative_prompt=negative_prompt,
            is_public=is_public,
            is_enable_prompt_enhancer=is_enable_prompt_enhancer,
            gen_mode=gen_mode,
            settings=settings,
        )

        text_2_video_request.additional_properties = d
        return text_2_video_request

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
