from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MoonvalleyTextToVideoInferenceParams")


@_attrs_define
class MoonvalleyTextToVideoInferenceParams:
    """
    Attributes:
        height (int | Unset): Height of the generated video in pixels Default: 1080.
        width (int | Unset): Width of the generated video in pixels Default: 1920.
        guidance_scale (float | Unset): Guidance scale for generation control Default: 10.0.
        seed (int | Unset): Random seed for generation (default: random) Default: 9.
        steps (int | Unset): Number of denoising steps Default: 80.
        use_negative_prompts (bool | Unset): Whether to use negative prompts Default: True.
        negative_prompt (str | Unset): Negative prompt text
    """

    height: int | Unset = 1080
    width: int | Unset = 1920
    guidance_scale: float | Unset = 10.0
    seed: int | Unset = 9
    steps: int | Unset = 80
    use_negative_prompts: bool | Unset = True
    negative_prompt: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        height = self.height

        width = self.width

        guidance_scale = self.guidance_scale

        seed = self.seed

        steps = self.steps

        use_negative_prompts = self.use_negative_prompts

        negative_prompt = self.negative_prompt

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if height is not UNSET:
            field_dict["height"] = height
        if width is not UNSET:
            field_dict["width"] = width
        if guidance_scale is not UNSET:
            field_dict["guidance_scale"] = guidance_scale
        if seed is not UNSET:
            field_dict["seed"] = seed
        if steps is not UNSET:
            field_dict["steps"] = steps
        if use_negative_prompts is not UNSET:
            field_dict["use_negative_prompts"] = use_negative_prompts
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        height = d.pop("height", UNSET)

        width = d.pop("width", UNSET)

        guidance_scale = d.pop("guidance_scale", UNSET)

        seed = d.pop("seed", UNSET)

        steps = d.pop("steps", UNSET)

        use_negative_prompts = d.pop("use_negative_prompts", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        moonvalley_text_to_video_inference_params = cls(
            height=height,
            width=width,
            guidance_scale=guidance_scale,
            seed=seed,
            steps=steps,
            use_negative_prompts=use_negative_prompts,
            negative_prompt=negative_prompt,
        )

        moonvalley_text_to_video_inference_params.additional_properties = d
        return moonvalley_text_to_video_inference_params

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
