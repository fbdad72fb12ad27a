from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xai_video_edit_request_output_type_0 import XAIVideoEditRequestOutputType0
    from ..models.xai_video_object import XAIVideoObject


T = TypeVar("T", bound="XAIVideoEditRequest")


@_attrs_define
class XAIVideoEditRequest:
    """Request body for xAI Grok Imagine video editing

    Attributes:
        prompt (str): Prompt for video editing
        video (XAIVideoObject): Input video object for xAI endpoints
        model (None | str | Unset): Model to be used
        output (None | Unset | XAIVideoEditRequestOutputType0): Optional output destination for generated video
        user (None | str | Unset): A unique identifier representing your end-user
    """

    prompt: str
    video: XAIVideoObject
    model: None | str | Unset = UNSET
    output: None | Unset | XAIVideoEditRequestOutputType0 = UNSET
    user: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.xai_video_edit_request_output_type_0 import XAIVideoEditRequestOutputType0  # noqa: PLC0415

        prompt = self.prompt

        video = self.video.to_dict()

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, XAIVideoEditRequestOutputType0):
            output = self.output.to_dict()
        else:
            output = self.output

        user: None | str | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        else:
            user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
                "video": video,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if output is not UNSET:
            field_dict["output"] = output
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xai_video_edit_request_output_type_0 import XAIVideoEditRequestOutputType0  # noqa: PLC0415
        from ..models.xai_video_object import XAIVideoObject  # noqa: PLC0415

        d = dict(src_dict)
        prompt = d.pop("prompt")

        video = XAIVideoObject.from_dict(d.pop("video"))

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_output(data: object) -> None | Unset | XAIVideoEditRequestOutputType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = XAIVideoEditRequestOutputType0.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | XAIVideoEditRequestOutputType0, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        xai_video_edit_request = cls(
            prompt=prompt,
            video=video,
            model=model,
            output=output,
            user=user,
        )

        xai_video_edit_request.additional_properties = d
        return xai_video_edit_request

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
