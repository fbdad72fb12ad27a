from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wavespeed_task_result_response_data_type_0_timings import WavespeedTaskResultResponseDataType0Timings
    from ..models.wavespeed_task_result_response_data_type_0_urls import WavespeedTaskResultResponseDataType0Urls


T = TypeVar("T", bound="WavespeedTaskResultResponseDataType0")


@_attrs_define
class WavespeedTaskResultResponseDataType0:
    """
    Attributes:
        id (str | Unset): Unique identifier for the prediction/task
        model (str | Unset): Model ID used for the prediction
        outputs (list[str] | Unset): Array of URLs to the generated content (empty when status is not completed)
        urls (WavespeedTaskResultResponseDataType0Urls | Unset):
        status (None | str | Unset): WaveSpeed's prediction status word. Known values are listed in x-known-values;
            others may appear.
        created_at (str | Unset): ISO timestamp of when the request was created
        error (str | Unset): Error message (empty if no error occurred)
        timings (WavespeedTaskResultResponseDataType0Timings | Unset):
    """

    id: str | Unset = UNSET
    model: str | Unset = UNSET
    outputs: list[str] | Unset = UNSET
    urls: WavespeedTaskResultResponseDataType0Urls | Unset = UNSET
    status: None | str | Unset = UNSET
    created_at: str | Unset = UNSET
    error: str | Unset = UNSET
    timings: WavespeedTaskResultResponseDataType0Timings | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        model = self.model

        outputs: list[str] | Unset = UNSET
        if not isinstance(self.outputs, Unset):
            outputs = self.outputs

        urls: dict[str, Any] | Unset = UNSET
        if not isinstance(self.urls, Unset):
            urls = self.urls.to_dict()

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        created_at = self.created_at

        error = self.error

        timings: dict[str, Any] | Unset = UNSET
        if not isinstance(self.timings, Unset):
            timings = self.timings.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if model is not UNSET:
            field_dict["model"] = model
        if outputs is not UNSET:
            field_dict["outputs"] = outputs
        if urls is not UNSET:
            field_dict["urls"] = urls
        if status is not UNSET:
            field_dict["status"] = status
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if error is not UNSET:
            field_dict["error"] = error
        if timings is not UNSET:
            field_dict["timings"] = timings

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wavespeed_task_result_response_data_type_0_timings import (
            WavespeedTaskResultResponseDataType0Timings,  # noqa: PLC0415
        )
        from ..models.wavespeed_task_result_response_data_type_0_urls import WavespeedTaskResultResponseDataType0Urls  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        model = d.pop("model", UNSET)

        outputs = cast(list[str], d.pop("outputs", UNSET))

        _urls = d.pop("urls", UNSET)
        urls: WavespeedTaskResultResponseDataType0Urls | Unset
        if isinstance(_urls, Unset):
            urls = UNSET
        else:
            urls = WavespeedTaskResultResponseDataType0Urls.from_dict(_urls)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        created_at = d.pop("created_at", UNSET)

        error = d.pop("error", UNSET)

        _timings = d.pop("timings", UNSET)
        timings: WavespeedTaskResultResponseDataType0Timings | Unset
        if isinstance(_timings, Unset):
            timings = UNSET
        else:
            timings = WavespeedTaskResultResponseDataType0Timings.from_dict(_timings)

        wavespeed_task_result_response_data_type_0 = cls(
            id=id,
            model=model,
            outputs=outputs,
            urls=urls,
            status=status,
            created_at=created_at,
            error=error,
            timings=timings,
        )

        wavespeed_task_result_response_data_type_0.additional_properties = d
        return wavespeed_task_result_response_data_type_0

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
