from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.minimax_base_response import MinimaxBaseResponse


T = TypeVar("T", bound="MinimaxTaskResultResponse")


@_attrs_define
class MinimaxTaskResultResponse:
    """Response from querying a Minimax video generation task status.

    Attributes:
        task_id (str): The task ID being queried.
        status (None | str): Task status: 'Queueing' (in queue), 'Preparing' (task is preparing), 'Processing'
            (generating), 'Success' (task completed successfully), or 'Fail' (task failed). Known values are listed in
            x-known-values; others may appear.
        base_resp (MinimaxBaseResponse): Common response structure used by Minimax APIs
        file_id (None | str | Unset): After the task status changes to Success, this field returns the file ID
            corresponding to the generated video.
    """

    task_id: str
    status: None | str
    base_resp: MinimaxBaseResponse
    file_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        status: None | str
        status = self.status

        base_resp = self.base_resp.to_dict()

        file_id: None | str | Unset
        if isinstance(self.file_id, Unset):
            file_id = UNSET
        else:
            file_id = self.file_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "status": status,
                "base_resp": base_resp,
            }
        )
        if file_id is not UNSET:
            field_dict["file_id"] = file_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.minimax_base_response import MinimaxBaseResponse  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("task_id")

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        base_resp = MinimaxBaseResponse.from_dict(d.pop("base_resp"))

        def _parse_file_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        file_id = _parse_file_id(d.pop("file_id", UNSET))

        minimax_task_result_response = cls(
            task_id=task_id,
            status=status,
            base_resp=base_resp,
            file_id=file_id,
        )

        minimax_task_result_response.additional_properties = d
        return minimax_task_result_response

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
