from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="KlingErrorResponse")


@_attrs_define
class KlingErrorResponse:
    """
    Attributes:
        code (int): - 1000: Authentication failed
            - 1001: Authorization is empty
            - 1002: Authorization is invalid
            - 1003: Authorization is not yet valid
            - 1004: Authorization has expired
            - 1100: Account exception
            - 1101: Account in arrears (postpaid scenario)
            - 1102: Resource pack depleted or expired (prepaid scenario)
            - 1103: Unauthorized access to requested resource
            - 1200: Invalid request parameters
            - 1201: Invalid parameters
            - 1202: Invalid request method
            - 1203: Requested resource does not exist
            - 1300: Trigger platform strategy
            - 1301: Trigger content security policy
            - 1302: API request too frequent
            - 1303: Concurrency/QPS exceeds limit
            - 1304: Trigger IP whitelist policy
            - 5000: Internal server error
            - 5001: Service temporarily unavailable
            - 5002: Server internal timeout
        message (str): Human-readable error message
        request_id (str): Request ID for tracking and troubleshooting
    """

    code: int
    message: str
    request_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        message = self.message

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "message": message,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        request_id = d.pop("request_id")

        kling_error_response = cls(
            code=code,
            message=message,
            request_id=request_id,
        )

        kling_error_response.additional_properties = d
        return kling_error_response

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
