from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wan_video_generation_response_output_type_0 import WanVideoGenerationResponseOutputType0


T = TypeVar("T", bound="WanVideoGenerationResponse")


@_attrs_define
class WanVideoGenerationResponse:
    """
    Attributes:
        request_id (str): Unique request identifier
        output (None | Unset | WanVideoGenerationResponseOutputType0):
        code (None | str | Unset): The error code for the failed request (not returned if request is successful)
        message (None | str | Unset): Detailed information about the failed request (not returned if request is
            successful)
    """

    request_id: str
    output: None | Unset | WanVideoGenerationResponseOutputType0 = UNSET
    code: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.wan_video_generation_response_output_type_0 import WanVideoGenerationResponseOutputType0  # noqa: PLC0415

        request_id = self.request_id

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, WanVideoGenerationResponseOutputType0):
            output = self.output.to_dict()
        else:
            output = self.output

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
            }
        )
        if output is not UNSET:
            field_dict["output"] = output
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wan_video_generation_response_output_type_0 import WanVideoGenerationResponseOutputType0  # noqa: PLC0415

        d = dict(src_dict)
        request_id = d.pop("request_id")

        def _parse_output(data: object) -> None | Unset | WanVideoGenerationResponseOutputType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = WanVideoGenerationResponseOutputType0.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WanVideoGenerationResponseOutputType0, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        wan_video_generation_response = cls(
            request_id=request_id,
            output=output,
            code=code,
            message=message,
        )

        wan_video_generation_response.additional_properties = d
        return wan_video_generation_response

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
