from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.minimax_base_response import MinimaxBaseResponse


T = TypeVar("T", bound="MinimaxVideoGenerationResponse")


@_attrs_define
class MinimaxVideoGenerationResponse:
    """Response from the Minimax video generation API.

    Attributes:
        task_id (str): The task ID for the asynchronous video generation task.
        base_resp (MinimaxBaseResponse): Common response structure used by Minimax APIs
    """

    task_id: str
    base_resp: MinimaxBaseResponse
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id = self.task_id

        base_resp = self.base_resp.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "base_resp": base_resp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.minimax_base_response import MinimaxBaseResponse  # noqa: PLC0415

        d = dict(src_dict)
        task_id = d.pop("task_id")

        base_resp = MinimaxBaseResponse.from_dict(d.pop("base_resp"))

        minimax_video_generation_response = cls(
            task_id=task_id,
            base_resp=base_resp,
        )

        minimax_video_generation_response.additional_properties = d
        return minimax_video_generation_response

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
