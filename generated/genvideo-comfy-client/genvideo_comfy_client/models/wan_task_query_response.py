from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wan_task_query_response_output_type_0 import WanTaskQueryResponseOutputType0
    from ..models.wan_task_query_response_usage_type_0 import WanTaskQueryResponseUsageType0


T = TypeVar("T", bound="WanTaskQueryResponse")


@_attrs_define
class WanTaskQueryResponse:
    """
    Attributes:
        request_id (str): Unique request identifier
        output (None | Unset | WanTaskQueryResponseOutputType0):
        usage (None | Unset | WanTaskQueryResponseUsageType0): Output information statistics. Only successful results
            are counted
    """

    request_id: str
    output: None | Unset | WanTaskQueryResponseOutputType0 = UNSET
    usage: None | Unset | WanTaskQueryResponseUsageType0 = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.wan_task_query_response_output_type_0 import WanTaskQueryResponseOutputType0  # noqa: PLC0415
        from ..models.wan_task_query_response_usage_type_0 import WanTaskQueryResponseUsageType0  # noqa: PLC0415

        request_id = self.request_id

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, WanTaskQueryResponseOutputType0):
            output = self.output.to_dict()
        else:
            output = self.output

        usage: dict[str, Any] | None | Unset
        if isinstance(self.usage, Unset):
            usage = UNSET
        elif isinstance(self.usage, WanTaskQueryResponseUsageType0):
            usage = self.usage.to_dict()
        else:
            usage = self.usage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "request_id": request_id,
            }
        )
        if output is not UNSET:
            field_dict["output"] = output
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wan_task_query_response_output_type_0 import WanTaskQueryResponseOutputType0  # noqa: PLC0415
        from ..models.wan_task_query_response_usage_type_0 import WanTaskQueryResponseUsageType0  # noqa: PLC0415

        d = dict(src_dict)
        request_id = d.pop("request_id")

        def _parse_output(data: object) -> None | Unset | WanTaskQueryResponseOutputType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = WanTaskQueryResponseOutputType0.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WanTaskQueryResponseOutputType0, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_usage(data: object) -> None | Unset | WanTaskQueryResponseUsageType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_type_0 = WanTaskQueryResponseUsageType0.from_dict(data)

                return usage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WanTaskQueryResponseUsageType0, data)

        usage = _parse_usage(d.pop("usage", UNSET))

        wan_task_query_response = cls(
            request_id=request_id,
            output=output,
            usage=usage,
        )

        wan_task_query_response.additional_properties = d
        return wan_task_query_response

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
