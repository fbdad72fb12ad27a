from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xai_generated_video import XAIGeneratedVideo
    from ..models.xai_video_usage import XAIVideoUsage


T = TypeVar("T", bound="XAIVideoResultResponse")


@_attrs_define
class XAIVideoResultResponse:
    """Response from getting video generation result

    Attributes:
        status (None | str | Unset): Status of the deferred request (xAI's word). Known values are listed in x-known-
            values; others may appear.
        block_reason (None | str | Unset): If the request was blocked by input moderation, contains the block reason
        model (str | Unset): The model used to generate the video
        usage (XAIVideoUsage | Unset): Usage information for the video generation request
        video (XAIGeneratedVideo | Unset): A generated video from xAI
    """

    status: None | str | Unset = UNSET
    block_reason: None | str | Unset = UNSET
    model: str | Unset = UNSET
    usage: XAIVideoUsage | Unset = UNSET
    video: XAIGeneratedVideo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        block_reason: None | str | Unset
        if isinstance(self.block_reason, Unset):
            block_reason = UNSET
        else:
            block_reason = self.block_reason

        model = self.model

        usage: dict[str, Any] | Unset = UNSET
        if not isinstance(self.usage, Unset):
            usage = self.usage.to_dict()

        video: dict[str, Any] | Unset = UNSET
        if not isinstance(self.video, Unset):
            video = self.video.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if block_reason is not UNSET:
            field_dict["block_reason"] = block_reason
        if model is not UNSET:
            field_dict["model"] = model
        if usage is not UNSET:
            field_dict["usage"] = usage
        if video is not UNSET:
            field_dict["video"] = video

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xai_generated_video import XAIGeneratedVideo  # noqa: PLC0415
        from ..models.xai_video_usage import XAIVideoUsage  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_block_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        block_reason = _parse_block_reason(d.pop("block_reason", UNSET))

        model = d.pop("model", UNSET)

        _usage = d.pop("usage", UNSET)
        usage: XAIVideoUsage | Unset
        if isinstance(_usage, Unset):
            usage = UNSET
        else:
            usage = XAIVideoUsage.from_dict(_usage)

        _video = d.pop("video", UNSET)
        video: XAIGeneratedVideo | Unset
        if isinstance(_video, Unset):
            video = UNSET
        else:
            video = XAIGeneratedVideo.from_dict(_video)

        xai_video_result_response = cls(
            status=status,
            block_reason=block_reason,
            model=model,
            usage=usage,
            video=video,
        )

        xai_video_result_response.additional_properties = d
        return xai_video_result_response

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
