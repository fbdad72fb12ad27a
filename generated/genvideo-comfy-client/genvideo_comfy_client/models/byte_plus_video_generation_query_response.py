from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.byte_plus_video_generation_query_response_content_type_0 import (
        BytePlusVideoGenerationQueryResponseContentType0,
    )
    from ..models.byte_plus_video_generation_query_response_error_type_0 import (
        BytePlusVideoGenerationQueryResponseErrorType0,
    )
    from ..models.byte_plus_video_generation_query_response_usage_type_0 import (
        BytePlusVideoGenerationQueryResponseUsageType0,
    )


T = TypeVar("T", bound="BytePlusVideoGenerationQueryResponse")


@_attrs_define
class BytePlusVideoGenerationQueryResponse:
    """
    Attributes:
        id (str | Unset): The ID of the video generation task
        model (None | str | Unset): The name and version of the model used by the task
        status (None | str | Unset): The state of the task. Known values are listed in x-known-values; others may
            appear.
        error (BytePlusVideoGenerationQueryResponseErrorType0 | None | Unset): The error information. If the task
            succeeds, null is returned. If the task fails, the error information is returned.
        created_at (int | None | Unset): The time when the task was created. The value is a UNIX timestamp in seconds.
        updated_at (int | None | Unset): The time when the task was last updated. The value is a UNIX timestamp in
            seconds.
        content (BytePlusVideoGenerationQueryResponseContentType0 | None | Unset): The output after the video generation
            task is completed, which contains the download URL of the output video.
        usage (BytePlusVideoGenerationQueryResponseUsageType0 | None | Unset): The token usage for the request
    """

    id: str | Unset = UNSET
    model: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    error: BytePlusVideoGenerationQueryResponseErrorType0 | None | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    content: BytePlusVideoGenerationQueryResponseContentType0 | None | Unset = UNSET
    usage: BytePlusVideoGenerationQueryResponseUsageType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.byte_plus_video_generation_query_response_content_type_0 import (
            BytePlusVideoGenerationQueryResponseContentType0,  # noqa: PLC0415
        )
        from ..models.byte_plus_video_generation_query_response_error_type_0 import (
            BytePlusVideoGenerationQueryResponseErrorType0,  # noqa: PLC0415
        )
        from ..models.byte_plus_video_generation_query_response_usage_type_0 import (
            BytePlusVideoGenerationQueryResponseUsageType0,  # noqa: PLC0415
        )

        id = self.id

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, BytePlusVideoGenerationQueryResponseErrorType0):
            error = self.error.to_dict()
        else:
            error = self.error

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: int | None | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        content: dict[str, Any] | None | Unset
        if isinstance(self.content, Unset):
            content = UNSET
        elif isinstance(self.content, BytePlusVideoGenerationQueryResponseContentType0):
            content = self.content.to_dict()
        else:
            content = self.content

        usage: dict[str, Any] | None | Unset
        if isinstance(self.usage, Unset):
            usage = UNSET
        elif isinstance(self.usage, BytePlusVideoGenerationQueryResponseUsageType0):
            usage = self.usage.to_dict()
        else:
            usage = self.usage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if model is not UNSET:
            field_dict["model"] = model
        if status is not UNSET:
            field_dict["status"] = status
        if error is not UNSET:
            field_dict["error"] = error
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if content is not UNSET:
            field_dict["content"] = content
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.byte_plus_video_generation_query_response_content_type_0 import (
            BytePlusVideoGenerationQueryResponseContentType0,  # noqa: PLC0415
        )
        from ..models.byte_plus_video_generation_query_response_error_type_0 import (
            BytePlusVideoGenerationQueryResponseErrorType0,  # noqa: PLC0415
        )
        from ..models.byte_plus_video_generation_query_response_usage_type_0 import (
            BytePlusVideoGenerationQueryResponseUsageType0,  # noqa: PLC0415
        )

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_error(data: object) -> BytePlusVideoGenerationQueryResponseErrorType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = BytePlusVideoGenerationQueryResponseErrorType0.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BytePlusVideoGenerationQueryResponseErrorType0 | None | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_content(data: object) -> BytePlusVideoGenerationQueryResponseContentType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                content_type_0 = BytePlusVideoGenerationQueryResponseContentType0.from_dict(data)

                return content_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BytePlusVideoGenerationQueryResponseContentType0 | None | Unset, data)

        content = _parse_content(d.pop("content", UNSET))

        def _parse_usage(data: object) -> BytePlusVideoGenerationQueryResponseUsageType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                usage_type_0 = BytePlusVideoGenerationQueryResponseUsageType0.from_dict(data)

                return usage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BytePlusVideoGenerationQueryResponseUsageType0 | None | Unset, data)

        usage = _parse_usage(d.pop("usage", UNSET))

        byte_plus_video_generation_query_response = cls(
            id=id,
            model=model,
            status=status,
            error=error,
            created_at=created_at,
            updated_at=updated_at,
            content=content,
            usage=usage,
        )

        byte_plus_video_generation_query_response.additional_properties = d
        return byte_plus_video_generation_query_response

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
