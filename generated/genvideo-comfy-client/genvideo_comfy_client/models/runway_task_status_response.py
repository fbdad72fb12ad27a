from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RunwayTaskStatusResponse")


@_attrs_define
class RunwayTaskStatusResponse:
    """
    Attributes:
        id (str): Task ID
        status (str): Possible statuses for a Runway task.
        created_at (datetime.datetime): Task creation timestamp
        output (list[str] | None | Unset): Array of output video URLs
        progress (float | None | Unset): Float value between 0 and 1 representing the progress of the task. Only
            available if status is RUNNING.
        failure (None | str | Unset): Why the task failed, in words (undeclared upstream; Runway's own task reply
            carries it for FAILED tasks).
        failure_code (None | str | Unset): A machine-readable failure code such as SAFETY.INPUT.TEXT (undeclared
            upstream; Runway's own task reply carries it for FAILED tasks).
    """

    id: str
    status: str
    created_at: datetime.datetime
    output: list[str] | None | Unset = UNSET
    progress: float | None | Unset = UNSET
    failure: None | str | Unset = UNSET
    failure_code: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        status = self.status

        created_at = self.created_at.isoformat()

        output: list[str] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, list):
            output = self.output

        else:
            output = self.output

        progress: float | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        failure: None | str | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        else:
            failure = self.failure

        failure_code: None | str | Unset
        if isinstance(self.failure_code, Unset):
            failure_code = UNSET
        else:
            failure_code = self.failure_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "createdAt": created_at,
            }
        )
        if output is not UNSET:
            field_dict["output"] = output
        if progress is not UNSET:
            field_dict["progress"] = progress
        if failure is not UNSET:
            field_dict["failure"] = failure
        if failure_code is not UNSET:
            field_dict["failureCode"] = failure_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        status = d.pop("status")

        created_at = datetime.datetime.fromisoformat(d.pop("createdAt"))

        def _parse_output(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                output_type_0 = cast(list[str], data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_failure(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        def _parse_failure_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_code = _parse_failure_code(d.pop("failureCode", UNSET))

        runway_task_status_response = cls(
            id=id,
            status=status,
            created_at=created_at,
            output=output,
            progress=progress,
            failure=failure,
            failure_code=failure_code,
        )

        runway_task_status_response.additional_properties = d
        return runway_task_status_response

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
