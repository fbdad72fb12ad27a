from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.luma_aspect_ratio import LumaAspectRatio
from ..models.luma_image_generation_request_generation_type import LumaImageGenerationRequestGenerationType
from ..models.luma_image_model import LumaImageModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.luma_image_generation_request_character_ref import LumaImageGenerationRequestCharacterRef
    from ..models.luma_image_ref import LumaImageRef
    from ..models.luma_modify_image_ref import LumaModifyImageRef


T = TypeVar("T", bound="LumaImageGenerationRequest")


@_attrs_define
class LumaImageGenerationRequest:
    """The image generation request object

    Attributes:
        generation_type (LumaImageGenerationRequestGenerationType | Unset):  Default:
            LumaImageGenerationRequestGenerationType.IMAGE.
        model (LumaImageModel | Unset): The image model used for the generation
        prompt (str | Unset): The prompt of the generation
        aspect_ratio (LumaAspectRatio | Unset): The aspect ratio of the generation Example: 16:9.
        callback_url (str | Unset): The callback URL for the generation
        image_ref (list[LumaImageRef] | Unset):
        style_ref (list[LumaImageRef] | Unset):
        character_ref (LumaImageGenerationRequestCharacterRef | Unset):
        modify_image_ref (LumaModifyImageRef | Unset): The modify image reference object
    """

    generation_type: LumaImageGenerationRequestGenerationType | Unset = LumaImageGenerationRequestGenerationType.IMAGE
    model: LumaImageModel | Unset = UNSET
    prompt: str | Unset = UNSET
    aspect_ratio: LumaAspectRatio | Unset = UNSET
    callback_url: str | Unset = UNSET
    image_ref: list[LumaImageRef] | Unset = UNSET
    style_ref: list[LumaImageRef] | Unset = UNSET
    character_ref: LumaImageGenerationRequestCharacterRef | Unset = UNSET
    modify_image_ref: LumaModifyImageRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generation_type: str | Unset = UNSET
        if not isinstance(self.generation_type, Unset):
            generation_type = self.generation_type.value

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        prompt = self.prompt

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio.value

        callback_url = self.callback_url

        image_ref: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.image_ref, Unset):
            image_ref = []
            for image_ref_item_data in self.image_ref:
                image_ref_item = image_ref_item_data.to_dict()
                image_ref.append(image_ref_item)

        style_ref: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.style_ref, Unset):
            style_ref = []
            for style_ref_item_data in self.style_ref:
                style_ref_item = style_ref_item_data.to_dict()
                style_ref.append(style_ref_item)

        character_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.character_ref, Unset):
            character_ref = self.character_ref.to_dict()

        modify_image_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.modify_image_ref, Unset):
            modify_image_ref = self.modify_image_ref.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if generation_type is not UNSET:
            field_dict["generation_type"] = generation_type
        if model is not UNSET:
            field_dict["model"] = model
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if image_ref is not UNSET:
            field_dict["image_ref"] = image_ref
        if style_ref is not UNSET:
            field_dict["style_ref"] = style_ref
        if character_ref is not UNSET:
            field_dict["character_ref"] = character_ref
        if modify_image_ref is not UNSET:
            field_dict["modify_image_ref"] = modify_image_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.luma_image_generation_request_character_ref import LumaImageGenerationRequestCharacterRef  # noqa: PLC0415
        from ..models.luma_image_ref import LumaImageRef  # noqa: PLC0415
        from ..models.luma_modify_image_ref import LumaModifyImageRef  # noqa: PLC0415

        d = dict(src_dict)
        _generation_type = d.pop("generation_type", UNSET)
        generation_type: LumaImageGenerationRequestGenerationType | Unset
        if isinstance(_generation_type, Unset):
            generation_type = UNSET
        else:
            generation_type = LumaImageGenerationRequestGenerationType(_generation_type)

        _model = d.pop("model", UNSET)
        model: LumaImageModel | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = LumaImageModel(_model)

        prompt = d.pop("prompt", UNSET)

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: LumaAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = LumaAspectRatio(_aspect_ratio)

        callback_url = d.pop("callback_url", UNSET)

        _image_ref = d.pop("image_ref", UNSET)
        image_ref: list[LumaImageRef] | Unset = UNSET
        if _image_ref is not UNSET:
            image_ref = []
            for image_ref_item_data in _image_ref:
                image_ref_item = LumaImageRef.from_dict(image_ref_item_data)

                image_ref.append(image_ref_item)

        _style_ref = d.pop("style_ref", UNSET)
        style_ref: list[LumaImageRef] | Unset = UNSET
        if _style_ref is not UNSET:
            style_ref = []
            for style_ref_item_data in _style_ref:
                style_ref_item = LumaImageRef.from_dict(style_ref_item_data)

                style_ref.append(style_ref_item)

        _character_ref = d.pop("character_ref", UNSET)
        character_ref: LumaImageGenerationRequestCharacterRef | Unset
        if isinstance(_character_ref, Unset):
            character_ref = UNSET
        else:
            character_ref = LumaImageGenerationRequestCharacterRef.from_dict(_character_ref)

        _modify_image_ref = d.pop("modify_image_ref", UNSET)
        modify_image_ref: LumaModifyImageRef | Unset
        if isinstance(_modify_image_ref, Unset):
            modify_image_ref = UNSET
        else:
            modify_image_ref = LumaModifyImageRef.from_dict(_modify_image_ref)

        luma_image_generation_request = cls(
            generation_type=generation_type,
            model=model,
            prompt=prompt,
            aspect_ratio=aspect_ratio,
            callback_url=callback_url,
            image_ref=image_ref,
            style_ref=style_ref,
            character_ref=character_ref,
            modify_image_ref=modify_image_ref,
        )

        luma_image_generation_request.additional_properties = d
        return luma_image_generation_request

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
