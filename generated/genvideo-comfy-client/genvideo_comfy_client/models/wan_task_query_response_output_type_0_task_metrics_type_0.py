from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WanTaskQueryResponseOutputType0TaskMetricsType0")


@_attrs_define
class WanTaskQueryResponseOutputType0TaskMetricsType0:
    """Task result statistics for image generation tasks

    Attributes:
        total (int | Unset): Total number of tasks
        succeeded (int | Unset): Number of successful tasks
        failed (int | Unset): Number of failed tasks
    """

    total: int | Unset = UNSET
    succeeded: int | Unset = UNSET
    failed: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        succeeded = self.succeeded

        failed = self.failed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total is not UNSET:
            field_dict["TOTAL"] = total
        if succeeded is not UNSET:
            field_dict["SUCCEEDED"] = succeeded
        if failed is not UNSET:
            field_dict["FAILED"] = failed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("TOTAL", UNSET)

        succeeded = d.pop("SUCCEEDED", UNSET)

        failed = d.pop("FAILED", UNSET)

        wan_task_query_response_output_type_0_task_metrics_type_0 = cls(
            total=total,
            succeeded=succeeded,
            failed=failed,
        )

        wan_task_query_response_output_type_0_task_metrics_type_0.additional_properties = d
        return wan_task_query_response_output_type_0_task_metrics_type_0

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
