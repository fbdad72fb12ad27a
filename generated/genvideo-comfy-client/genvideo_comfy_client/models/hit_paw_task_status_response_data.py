from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HitPawTaskStatusResponseData")


@_attrs_define
class HitPawTaskStatusResponseData:
    """
    Attributes:
        job_id (str | Unset): Task ID Example: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.
        status (None | str | Unset): HitPaw's task status word (upper case). Known values are listed in x-known-values;
            others may appear.
        res_url (str | Unset): Result URL, only valid when status is COMPLETED Example: https://example.com/result.jpg.
        original_url (str | Unset): Original Image URL (photo enhancement only) Example:
            https://example.com/original.jpg.
    """

    job_id: str | Unset = UNSET
    status: None | str | Unset = UNSET
    res_url: str | Unset = UNSET
    original_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        res_url = self.res_url

        original_url = self.original_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if status is not UNSET:
            field_dict["status"] = status
        if res_url is not UNSET:
            field_dict["res_url"] = res_url
        if original_url is not UNSET:
            field_dict["original_url"] = original_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_id = d.pop("job_id", UNSET)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        res_url = d.pop("res_url", UNSET)

        original_url = d.pop("original_url", UNSET)

        hit_paw_task_status_response_data = cls(
            job_id=job_id,
            status=status,
            res_url=res_url,
            original_url=original_url,
        )

        hit_paw_task_status_response_data.additional_properties = d
        return hit_paw_task_status_response_data

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
