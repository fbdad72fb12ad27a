from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VeoGenVidPollRequest")


@_attrs_define
class VeoGenVidPollRequest:
    """
    Attributes:
        operation_name (str): Full operation name (from predict response) Example: projects/PROJECT_ID/locations/us-
            central1/publishers/google/models/MODEL_ID/operations/OPERATION_ID.
    """

    operation_name: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        operation_name = self.operation_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "operationName": operation_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        operation_name = d.pop("operationName")

        veo_gen_vid_poll_request = cls(
            operation_name=operation_name,
        )

        veo_gen_vid_poll_request.additional_properties = d
        return veo_gen_vid_poll_request

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
