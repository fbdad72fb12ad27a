from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.moonvalley_prompt_response_error_type_0 import MoonvalleyPromptResponseErrorType0
    from ..models.moonvalley_prompt_response_frame_conditioning import MoonvalleyPromptResponseFrameConditioning
    from ..models.moonvalley_prompt_response_inference_params import MoonvalleyPromptResponseInferenceParams
    from ..models.moonvalley_prompt_response_meta import MoonvalleyPromptResponseMeta
    from ..models.moonvalley_prompt_response_model_params import MoonvalleyPromptResponseModelParams


T = TypeVar("T", bound="MoonvalleyPromptResponse")


@_attrs_define
class MoonvalleyPromptResponse:
    """
    Attributes:
        id (str | Unset):
        status (None | str | Unset): Status of the prompt (Moonvalley's word): 'completed', 'failed' or 'error' end it;
            the spec lists no words and any other one is still running. Known values are listed in x-known-values; others
            may appear.
        prompt_text (str | Unset):
        output_url (None | str | Unset):
        inference_params (MoonvalleyPromptResponseInferenceParams | Unset):
        model_params (MoonvalleyPromptResponseModelParams | Unset):
        meta (MoonvalleyPromptResponseMeta | Unset):
        frame_conditioning (MoonvalleyPromptResponseFrameConditioning | Unset):
        error (MoonvalleyPromptResponseErrorType0 | None | Unset):
    """

    id: str | Unset = UNSET
    status: None | str | Unset = UNSET
    prompt_text: str | Unset = UNSET
    output_url: None | str | Unset = UNSET
    inference_params: MoonvalleyPromptResponseInferenceParams | Unset = UNSET
    model_params: MoonvalleyPromptResponseModelParams | Unset = UNSET
    meta: MoonvalleyPromptResponseMeta | Unset = UNSET
    frame_conditioning: MoonvalleyPromptResponseFrameConditioning | Unset = UNSET
    error: MoonvalleyPromptResponseErrorType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.moonvalley_prompt_response_error_type_0 import MoonvalleyPromptResponseErrorType0  # noqa: PLC0415

        id = self.id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        prompt_text = self.prompt_text

        output_url: None | str | Unset
        if isinstance(self.output_url, Unset):
            output_url = UNSET
        else:
            output_url = self.output_url

        inference_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inference_params, Unset):
            inference_params = self.inference_params.to_dict()

        model_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.model_params, Unset):
            model_params = self.model_params.to_dict()

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        frame_conditioning: dict[str, Any] | Unset = UNSET
        if not isinstance(self.frame_conditioning, Unset):
            frame_conditioning = self.frame_conditioning.to_dict()

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, MoonvalleyPromptResponseErrorType0):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if prompt_text is not UNSET:
            field_dict["prompt_text"] = prompt_text
        if output_url is not UNSET:
            field_dict["output_url"] = output_url
        if inference_params is not UNSET:
            field_dict["inference_params"] = inference_params
        if model_params is not UNSET:
            field_dict["model_params"] = model_params
        if meta is not UNSET:
            field_dict["meta"] = meta
        if frame_conditioning is not UNSET:
            field_dict["frame_conditioning"] = frame_conditioning
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.moonvalley_prompt_response_error_type_0 import MoonvalleyPromptResponseErrorType0  # noqa: PLC0415
        from ..models.moonvalley_prompt_response_frame_conditioning import MoonvalleyPromptResponseFrameConditioning  # noqa: PLC0415
        from ..models.moonvalley_prompt_response_inference_params import MoonvalleyPromptResponseInferenceParams  # noqa: PLC0415
        from ..models.moonvalley_prompt_response_meta import MoonvalleyPromptResponseMeta  # noqa: PLC0415
        from ..models.moonvalley_prompt_response_model_params import MoonvalleyPromptResponseModelParams  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        prompt_text = d.pop("prompt_text", UNSET)

        def _parse_output_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output_url = _parse_output_url(d.pop("output_url", UNSET))

        _inference_params = d.pop("inference_params", UNSET)
        inference_params: MoonvalleyPromptResponseInferenceParams | Unset
        if isinstance(_inference_params, Unset):
            inference_params = UNSET
        else:
            inference_params = MoonvalleyPromptResponseInferenceParams.from_dict(_inference_params)

        _model_params = d.pop("model_params", UNSET)
        model_params: MoonvalleyPromptResponseModelParams | Unset
        if isinstance(_model_params, Unset):
            model_params = UNSET
        else:
            model_params = MoonvalleyPromptResponseModelParams.from_dict(_model_params)

        _meta = d.pop("meta", UNSET)
        meta: MoonvalleyPromptResponseMeta | Unset
        if isinstance(_meta, Unset):
            meta = UNSET
        else:
            meta = MoonvalleyPromptResponseMeta.from_dict(_meta)

        _frame_conditioning = d.pop("frame_conditioning", UNSET)
        frame_conditioning: MoonvalleyPromptResponseFrameConditioning | Unset
        if isinstance(_frame_conditioning, Unset):
            frame_conditioning = UNSET
        else:
            frame_conditioning = MoonvalleyPromptResponseFrameConditioning.from_dict(_frame_conditioning)

        def _parse_error(data: object) -> MoonvalleyPromptResponseErrorType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = MoonvalleyPromptResponseErrorType0.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MoonvalleyPromptResponseErrorType0 | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        moonvalley_prompt_response = cls(
            id=id,
            status=status,
            prompt_text=prompt_text,
            output_url=output_url,
            inference_params=inference_params,
            model_params=model_params,
            meta=meta,
            frame_conditioning=frame_conditioning,
            error=error,
        )

        moonvalley_prompt_response.additional_properties = d
        return moonvalley_prompt_response

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
