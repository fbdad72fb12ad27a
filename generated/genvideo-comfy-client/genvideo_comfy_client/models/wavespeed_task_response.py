from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wavespeed_task_response_data import WavespeedTaskResponseData


T = TypeVar("T", bound="WavespeedTaskResponse")


@_attrs_define
class WavespeedTaskResponse:
    """Response from WavespeedAI task submission

    Attributes:
        code (int | Unset): HTTP status code (e.g., 200 for success)
        message (str | Unset): Status message (e.g., "success")
        data (WavespeedTaskResponseData | Unset):
    """

    code: int | Unset = UNSET
    message: str | Unset = UNSET
    data: WavespeedTaskResponseData | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        data: dict[str, Any] | Unset = UNSET
        if not isinstance(self.data, Unset):
            data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message
        if data is not UNSET:
            field_dict["data"] = data

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wavespeed_task_response_data import WavespeedTaskResponseData  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        _data = d.pop("data", UNSET)
        data: WavespeedTaskResponseData | Unset
        if isinstance(_data, Unset):
            data = UNSET
        else:
            data = WavespeedTaskResponseData.from_dict(_data)

        wavespeed_task_response = cls(
            code=code,
            message=message,
            data=data,
        )

        wavespeed_task_response.additional_properties = d
        return wavespeed_task_response

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
