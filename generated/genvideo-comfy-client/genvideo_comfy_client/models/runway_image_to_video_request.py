from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.runway_aspect_ratio_enum import RunwayAspectRatioEnum
from ..models.runway_duration_enum import RunwayDurationEnum
from ..models.runway_model_enum import RunwayModelEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.runway_prompt_image_detailed_object import RunwayPromptImageDetailedObject


T = TypeVar("T", bound="RunwayImageToVideoRequest")


@_attrs_define
class RunwayImageToVideoRequest:
    """
    Attributes:
        prompt_image (list[RunwayPromptImageDetailedObject] | str): Image(s) to use for the video generation. Can be a
            single URI or an array of image objects with positions.
        seed (int): Random seed for generation
        model (RunwayModelEnum): Available Runway models for generation.
        duration (RunwayDurationEnum):
        ratio (RunwayAspectRatioEnum):
        prompt_text (str | Unset): Text prompt for the generation
    """

    prompt_image: list[RunwayPromptImageDetailedObject] | str
    seed: int
    model: RunwayModelEnum
    duration: RunwayDurationEnum
    ratio: RunwayAspectRatioEnum
    prompt_text: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt_image: list[dict[str, Any]] | str
        if isinstance(self.prompt_image, list):
            prompt_image = []
            for componentsschemas_runway_prompt_image_object_type_1_item_data in self.prompt_image:
                componentsschemas_runway_prompt_image_object_type_1_item = (
                    componentsschemas_runway_prompt_image_object_type_1_item_data.to_dict()
                )
                prompt_image.append(componentsschemas_runway_prompt_image_object_type_1_item)

        else:
            prompt_image = self.prompt_image

        seed = self.seed

        model = self.model.value

        duration = self.duration.value

        ratio = self.ratio.value

        prompt_text = self.prompt_text

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "promptImage": prompt_image,
                "seed": seed,
                "model": model,
                "duration": duration,
                "ratio": ratio,
            }
        )
        if prompt_text is not UNSET:
            field_dict["promptText"] = prompt_text

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.runway_prompt_image_detailed_object import RunwayPromptImageDetailedObject  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_prompt_image(data: object) -> list[RunwayPromptImageDetailedObject] | str:
            try:
                if not isinstance(data, list):
                    raise TypeError()
                componentsschemas_runway_prompt_image_object_type_1 = []
                _componentsschemas_runway_prompt_image_object_type_1 = data
                for (
                    componentsschemas_runway_prompt_image_object_type_1_item_data
                ) in _componentsschemas_runway_prompt_image_object_type_1:
                    componentsschemas_runway_prompt_image_object_type_1_item = (
                        RunwayPromptImageDetailedObject.from_dict(
                            componentsschemas_runway_prompt_image_object_type_1_item_data
                        )
                    )

                    componentsschemas_runway_prompt_image_object_type_1.append(
                        componentsschemas_runway_prompt_image_object_type_1_item
                    )

                return componentsschemas_runway_prompt_image_object_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[RunwayPromptImageDetailedObject] | str, data)

        prompt_image = _parse_prompt_image(d.pop("promptImage"))

        seed = d.pop("seed")

        model = RunwayModelEnum(d.pop("model"))

        duration = RunwayDurationEnum(d.pop("duration"))

        ratio = RunwayAspectRatioEnum(d.pop("ratio"))

        prompt_text = d.pop("promptText", UNSET)

        runway_image_to_video_request = cls(
            prompt_image=prompt_image,
            seed=seed,
            model=model,
            duration=duration,
            ratio=ratio,
            prompt_text=prompt_text,
        )

        runway_image_to_video_request.additional_properties = d
        return runway_image_to_video_request

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
