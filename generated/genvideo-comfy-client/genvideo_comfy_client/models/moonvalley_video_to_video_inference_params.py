from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.moonvalley_video_to_video_inference_params_control_params import (
        MoonvalleyVideoToVideoInferenceParamsControlParams,
    )


T = TypeVar("T", bound="MoonvalleyVideoToVideoInferenceParams")


@_attrs_define
class MoonvalleyVideoToVideoInferenceParams:
    """
    Attributes:
        guidance_scale (float | Unset): Guidance scale for generation control Default: 10.0.
        seed (int | Unset): Random seed for generation (default: random) Default: 9.
        steps (int | Unset): Number of denoising steps Default: 80.
        use_negative_prompts (bool | Unset): Whether to use negative prompts Default: True.
        negative_prompt (str | Unset): Negative prompt text
        control_params (MoonvalleyVideoToVideoInferenceParamsControlParams | Unset):
    """

    guidance_scale: float | Unset = 10.0
    seed: int | Unset = 9
    steps: int | Unset = 80
    use_negative_prompts: bool | Unset = True
    negative_prompt: str | Unset = UNSET
    control_params: MoonvalleyVideoToVideoInferenceParamsControlParams | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        guidance_scale = self.guidance_scale

        seed = self.seed

        steps = self.steps

        use_negative_prompts = self.use_negative_prompts

        negative_prompt = self.negative_prompt

        control_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.control_params, Unset):
            control_params = self.control_params.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
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
        if control_params is not UNSET:
            field_dict["control_params"] = control_params

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.moonvalley_video_to_video_inference_params_control_params import (
            MoonvalleyVideoToVideoInferenceParamsControlParams,  # noqa: PLC0415
        )

        d = dict(src_dict)
        guidance_scale = d.pop("guidance_scale", UNSET)

        seed = d.pop("seed", UNSET)

        steps = d.pop("steps", UNSET)

        use_negative_prompts = d.pop("use_negative_prompts", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        _control_params = d.pop("control_params", UNSET)
        control_params: MoonvalleyVideoToVideoInferenceParamsControlParams | Unset
        if isinstance(_control_params, Unset):
            control_params = UNSET
        else:
            control_params = MoonvalleyVideoToVideoInferenceParamsControlParams.from_dict(_control_params)

        moonvalley_video_to_video_inference_params = cls(
            guidance_scale=guidance_scale,
            seed=seed,
            steps=steps,
            use_negative_prompts=use_negative_prompts,
            negative_prompt=negative_prompt,
            control_params=control_params,
        )

        moonvalley_video_to_video_inference_params.additional_properties = d
        return moonvalley_video_to_video_inference_params

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
