from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WanVideoGenerationResponseOutputType0")


@_attrs_define
class WanVideoGenerationResponseOutputType0:
    """
    Attributes:
        task_id (str): Task ID
        task_status (None | str): Task status (DashScope's task_status word, upper case). Known values are listed in
            x-known-values; others may appear.
    """

    task_id: str
    task_status: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        task_status: None | str
        task_status = self.task_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "task_status": task_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        task_id = d.pop("task_id")

        def _parse_task_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        task_status = _parse_task_status(d.pop("task_status"))

        wan_video_generation_response_output_type_0 = cls(
            task_id=task_id,
            task_status=task_status,
        )

        wan_video_generation_response_output_type_0.additional_properties = d
        return wan_video_generation_response_output_type_0

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
