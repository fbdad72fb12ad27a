from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.open_ai_video_job_error_type_0 import OpenAIVideoJobErrorType0


T = TypeVar("T", bound="OpenAIVideoJob")


@_attrs_define
class OpenAIVideoJob:
    """
    Attributes:
        id (None | str | Unset): Unique identifier for the video job Example: video_123.
        object_ (None | str | Unset): The object type, which is always video Example: video.
        model (None | str | Unset): The video generation model that produced the job Example: sora-2.
        status (None | str | Unset): Current lifecycle status of the video job (OpenAI's word). Known values are listed
            in x-known-values; others may appear.
        progress (int | None | Unset): Approximate completion percentage for the generation task Example: 0.
        created_at (int | None | Unset): Unix timestamp (seconds) for when the job was created Example: 1712697600.
        completed_at (int | None | Unset): Unix timestamp (seconds) for when the job completed, if finished Example:
            1712698600.
        expires_at (int | None | Unset): Unix timestamp (seconds) for when the downloadable assets expire, if set
            Example: 1712784000.
        size (None | str | Unset): The resolution of the generated video Example: 1024x1808.
        seconds (None | str | Unset): Duration of the generated clip in seconds Example: 8.
        quality (None | str | Unset): Quality of the generated video Example: standard.
        remixed_from_video_id (None | str | Unset): Identifier of the source video if this video is a remix Example:
            video_456.
        error (None | OpenAIVideoJobErrorType0 | Unset): Error payload that explains why generation failed, if
            applicable
    """

    id: None | str | Unset = UNSET
    object_: None | str | Unset = UNSET
    model: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    progress: int | None | Unset = UNSET
    created_at: int | None | Unset = UNSET
    completed_at: int | None | Unset = UNSET
    expires_at: int | None | Unset = UNSET
    size: None | str | Unset = UNSET
    seconds: None | str | Unset = UNSET
    quality: None | str | Unset = UNSET
    remixed_from_video_id: None | str | Unset = UNSET
    error: None | OpenAIVideoJobErrorType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.open_ai_video_job_error_type_0 import OpenAIVideoJobErrorType0  # noqa: PLC0415

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        object_: None | str | Unset
        if isinstance(self.object_, Unset):
            object_ = UNSET
        else:
            object_ = self.object_

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

        progress: int | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        completed_at: int | None | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        expires_at: int | None | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        size: None | str | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        seconds: None | str | Unset
        if isinstance(self.seconds, Unset):
            seconds = UNSET
        else:
            seconds = self.seconds

        quality: None | str | Unset
        if isinstance(self.quality, Unset):
            quality = UNSET
        else:
            quality = self.quality

        remixed_from_video_id: None | str | Unset
        if isinstance(self.remixed_from_video_id, Unset):
            remixed_from_video_id = UNSET
        else:
            remixed_from_video_id = self.remixed_from_video_id

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, OpenAIVideoJobErrorType0):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if object_ is not UNSET:
            field_dict["object"] = object_
        if model is not UNSET:
            field_dict["model"] = model
        if status is not UNSET:
            field_dict["status"] = status
        if progress is not UNSET:
            field_dict["progress"] = progress
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if size is not UNSET:
            field_dict["size"] = size
        if seconds is not UNSET:
            field_dict["seconds"] = seconds
        if quality is not UNSET:
            field_dict["quality"] = quality
        if remixed_from_video_id is not UNSET:
            field_dict["remixed_from_video_id"] = remixed_from_video_id
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.open_ai_video_job_error_type_0 import OpenAIVideoJobErrorType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_object_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        object_ = _parse_object_(d.pop("object", UNSET))

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

        def _parse_progress(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_completed_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        completed_at = _parse_completed_at(d.pop("completed_at", UNSET))

        def _parse_expires_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        def _parse_size(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_seconds(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        seconds = _parse_seconds(d.pop("seconds", UNSET))

        def _parse_quality(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        quality = _parse_quality(d.pop("quality", UNSET))

        def _parse_remixed_from_video_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        remixed_from_video_id = _parse_remixed_from_video_id(d.pop("remixed_from_video_id", UNSET))

        def _parse_error(data: object) -> None | OpenAIVideoJobErrorType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = OpenAIVideoJobErrorType0.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpenAIVideoJobErrorType0 | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        open_ai_video_job = cls(
            id=id,
            object_=object_,
            model=model,
            status=status,
            progress=progress,
            created_at=created_at,
            completed_at=completed_at,
            expires_at=expires_at,
            size=size,
            seconds=seconds,
            quality=quality,
            remixed_from_video_id=remixed_from_video_id,
            error=error,
        )

        open_ai_video_job.additional_properties = d
        return open_ai_video_job

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
