from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wan_task_query_response_output_type_0_results_type_0_item import (
        WanTaskQueryResponseOutputType0ResultsType0Item,
    )
    from ..models.wan_task_query_response_output_type_0_task_metrics_type_0 import (
        WanTaskQueryResponseOutputType0TaskMetricsType0,
    )


T = TypeVar("T", bound="WanTaskQueryResponseOutputType0")


@_attrs_define
class WanTaskQueryResponseOutputType0:
    """
    Attributes:
        task_id (str): Task ID
        task_status (None | str): Task status (DashScope's task_status word, upper case). Known values are listed in
            x-known-values; others may appear.
        submit_time (None | str | Unset): Task submission time
        scheduled_time (None | str | Unset): Task execution time
        end_time (None | str | Unset): Task completion time
        video_url (None | str | Unset): Video URL for completed video generation tasks. Link validity period 24 hours
        check_audio (None | str | Unset): Audio URL for I2V tasks with audio generation
        orig_prompt (None | str | Unset): Original input prompt (for video tasks)
        actual_prompt (None | str | Unset): Actual prompt after intelligent rewriting (for video tasks)
        results (list[WanTaskQueryResponseOutputType0ResultsType0Item] | None | Unset): List of task results for image
            generation tasks
        task_metrics (None | Unset | WanTaskQueryResponseOutputType0TaskMetricsType0): Task result statistics for image
            generation tasks
        code (None | str | Unset): The error code for the failed request (not returned if request is successful)
        message (None | str | Unset): Detailed information about the failed request (not returned if request is
            successful)
    """

    task_id: str
    task_status: None | str
    submit_time: None | str | Unset = UNSET
    scheduled_time: None | str | Unset = UNSET
    end_time: None | str | Unset = UNSET
    video_url: None | str | Unset = UNSET
    check_audio: None | str | Unset = UNSET
    orig_prompt: None | str | Unset = UNSET
    actual_prompt: None | str | Unset = UNSET
    results: list[WanTaskQueryResponseOutputType0ResultsType0Item] | None | Unset = UNSET
    task_metrics: None | Unset | WanTaskQueryResponseOutputType0TaskMetricsType0 = UNSET
    code: None | str | Unset = UNSET
    message: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.wan_task_query_response_output_type_0_task_metrics_type_0 import (
            WanTaskQueryResponseOutputType0TaskMetricsType0,  # noqa: PLC0415
        )

        task_id = self.task_id

        task_status: None | str
        task_status = self.task_status

        submit_time: None | str | Unset
        if isinstance(self.submit_time, Unset):
            submit_time = UNSET
        else:
            submit_time = self.submit_time

        scheduled_time: None | str | Unset
        if isinstance(self.scheduled_time, Unset):
            scheduled_time = UNSET
        else:
            scheduled_time = self.scheduled_time

        end_time: None | str | Unset
        if isinstance(self.end_time, Unset):
            end_time = UNSET
        else:
            end_time = self.end_time

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        check_audio: None | str | Unset
        if isinstance(self.check_audio, Unset):
            check_audio = UNSET
        else:
            check_audio = self.check_audio

        orig_prompt: None | str | Unset
        if isinstance(self.orig_prompt, Unset):
            orig_prompt = UNSET
        else:
            orig_prompt = self.orig_prompt

        actual_prompt: None | str | Unset
        if isinstance(self.actual_prompt, Unset):
            actual_prompt = UNSET
        else:
            actual_prompt = self.actual_prompt

        results: list[dict[str, Any]] | None | Unset
        if isinstance(self.results, Unset):
            results = UNSET
        elif isinstance(self.results, list):
            results = []
            for results_type_0_item_data in self.results:
                results_type_0_item = results_type_0_item_data.to_dict()
                results.append(results_type_0_item)

        else:
            results = self.results

        task_metrics: dict[str, Any] | None | Unset
        if isinstance(self.task_metrics, Unset):
            task_metrics = UNSET
        elif isinstance(self.task_metrics, WanTaskQueryResponseOutputType0TaskMetricsType0):
            task_metrics = self.task_metrics.to_dict()
        else:
            task_metrics = self.task_metrics

        code: None | str | Unset
        if isinstance(self.code, Unset):
            code = UNSET
        else:
            code = self.code

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "task_status": task_status,
            }
        )
        if submit_time is not UNSET:
            field_dict["submit_time"] = submit_time
        if scheduled_time is not UNSET:
            field_dict["scheduled_time"] = scheduled_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if check_audio is not UNSET:
            field_dict["check_audio"] = check_audio
        if orig_prompt is not UNSET:
            field_dict["orig_prompt"] = orig_prompt
        if actual_prompt is not UNSET:
            field_dict["actual_prompt"] = actual_prompt
        if results is not UNSET:
            field_dict["results"] = results
        if task_metrics is not UNSET:
            field_dict["task_metrics"] = task_metrics
        if code is not UNSET:
            field_dict["code"] = code
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wan_task_query_response_output_type_0_results_type_0_item import (
            WanTaskQueryResponseOutputType0ResultsType0Item,  # noqa: PLC0415
        )
        from ..models.wan_task_query_response_output_type_0_task_metrics_type_0 import (
            WanTaskQueryResponseOutputType0TaskMetricsType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        task_id = d.pop("task_id")

        def _parse_task_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        task_status = _parse_task_status(d.pop("task_status"))

        def _parse_submit_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        submit_time = _parse_submit_time(d.pop("submit_time", UNSET))

        def _parse_scheduled_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        scheduled_time = _parse_scheduled_time(d.pop("scheduled_time", UNSET))

        def _parse_end_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        end_time = _parse_end_time(d.pop("end_time", UNSET))

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        def _parse_check_audio(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        check_audio = _parse_check_audio(d.pop("check_audio", UNSET))

        def _parse_orig_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        orig_prompt = _parse_orig_prompt(d.pop("orig_prompt", UNSET))

        def _parse_actual_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actual_prompt = _parse_actual_prompt(d.pop("actual_prompt", UNSET))

        def _parse_results(data: object) -> list[WanTaskQueryResponseOutputType0ResultsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                results_type_0 = []
                _results_type_0 = data
                for results_type_0_item_data in _results_type_0:
                    results_type_0_item = WanTaskQueryResponseOutputType0ResultsType0Item.from_dict(
                        results_type_0_item_data
                    )

                    results_type_0.append(results_type_0_item)

                return results_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[WanTaskQueryResponseOutputType0ResultsType0Item] | None | Unset, data)

        results = _parse_results(d.pop("results", UNSET))

        def _parse_task_metrics(data: object) -> None | Unset | WanTaskQueryResponseOutputType0TaskMetricsType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                task_metrics_type_0 = WanTaskQueryResponseOutputType0TaskMetricsType0.from_dict(data)

                return task_metrics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WanTaskQueryResponseOutputType0TaskMetricsType0, data)

        task_metrics = _parse_task_metrics(d.pop("task_metrics", UNSET))

        def _parse_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        code = _parse_code(d.pop("code", UNSET))

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))

        wan_task_query_response_output_type_0 = cls(
            task_id=task_id,
            task_status=task_status,
            submit_time=submit_time,
            scheduled_time=scheduled_time,
            end_time=end_time,
            video_url=video_url,
            check_audio=check_audio,
            orig_prompt=orig_prompt,
            actual_prompt=actual_prompt,
            results=results,
            task_metrics=task_metrics,
            code=code,
            message=message,
        )

        wan_task_query_response_output_type_0.additional_properties = d
        return wan_task_query_response_output_type_0

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
