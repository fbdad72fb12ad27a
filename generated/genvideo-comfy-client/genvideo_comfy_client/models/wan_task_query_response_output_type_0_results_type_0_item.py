from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WanTaskQueryResponseOutputType0ResultsType0Item")


@_attrs_define
class WanTaskQueryResponseOutputType0ResultsType0Item:
    """
    Attributes:
        orig_prompt (str | Unset): Original input prompt
        actual_prompt (str | Unset): Actual prompt after intelligent rewriting (if enabled)
        url (str | Unset): Generated image URL address
        code (str | Unset): Image error code (returned when some tasks fail)
        message (str | Unset): Image error information (returned when some tasks fail)
    """

    orig_prompt: str | Unset = UNSET
    actual_prompt: str | Unset = UNSET
    url: str | Unset = UNSET
    code: str | Unset = UNSET
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        orig_prompt = self.orig_prompt

        actual_prompt = self.actual_prompt

        url = self.url

        code = self.code

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if orig_prompt is not UNSET:
            field_dict["orig_prompt"] = orig_prompt
        if actual_prompt is not UNSET:
            field_dict["actual_prompt"] = actual_prompt
        if url is not UNSET:
            field_dict["url"] = url
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        orig_prompt = d.pop("orig_prompt", UNSET)

        actual_prompt = d.pop("actual_prompt", UNSET)

        url = d.pop("url", UNSET)

        code = d.pop("code", UNSET)

        message = d.pop("message", UNSET)

        wan_task_query_response_output_type_0_results_type_0_item = cls(
            orig_prompt=orig_prompt,
            actual_prompt=actual_prompt,
            url=url,
            code=code,
            message=message,
        )

        wan_task_query_response_output_type_0_results_type_0_item.additional_properties = d
        return wan_task_query_response_output_type_0_results_type_0_item

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
