from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.bria_status_response_error import BriaStatusResponseError
    from ..models.bria_status_response_result import BriaStatusResponseResult


T = TypeVar("T", bound="BriaStatusResponse")


@_attrs_define
class BriaStatusResponse:
    """Status response from Bria API

    Attributes:
        status (None | str | Unset): Bria's request status word (upper case). Known values are listed in x-known-values;
            others may appear.
        request_id (str | Unset): Unique identifier for the request.
        result (BriaStatusResponseResult | Unset): Result object (only present when status is COMPLETED)
        error (BriaStatusResponseError | Unset): Error object (only present when status is ERROR)
    """

    status: None | str | Unset = UNSET
    request_id: str | Unset = UNSET
    result: BriaStatusResponseResult | Unset = UNSET
    error: BriaStatusResponseError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        request_id = self.request_id

        result: dict[str, Any] | Unset = UNSET
        if not isinstance(self.result, Unset):
            result = self.result.to_dict()

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if request_id is not UNSET:
            field_dict["request_id"] = request_id
        if result is not UNSET:
            field_dict["result"] = result
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bria_status_response_error import BriaStatusResponseError  # noqa: PLC0415
        from ..models.bria_status_response_result import BriaStatusResponseResult  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        request_id = d.pop("request_id", UNSET)

        _result = d.pop("result", UNSET)
        result: BriaStatusResponseResult | Unset
        if isinstance(_result, Unset):
            result = UNSET
        else:
            result = BriaStatusResponseResult.from_dict(_result)

        _error = d.pop("error", UNSET)
        error: BriaStatusResponseError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = BriaStatusResponseError.from_dict(_error)

        bria_status_response = cls(
            status=status,
            request_id=request_id,
            result=result,
            error=error,
        )

        bria_status_response.additional_properties = d
        return bria_status_response

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
