from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kling_motion_control_video_result import KlingMotionControlVideoResult


T = TypeVar("T", bound="KlingMotionControlResponseDataType0TaskResultType0")


@_attrs_define
class KlingMotionControlResponseDataType0TaskResultType0:
    """
    Attributes:
        videos (list[KlingMotionControlVideoResult] | None | Unset):
    """

    videos: list[KlingMotionControlVideoResult] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        videos: list[dict[str, Any]] | None | Unset
        if isinstance(self.videos, Unset):
            videos = UNSET
        elif isinstance(self.videos, list):
            videos = []
            for videos_type_0_item_data in self.videos:
                videos_type_0_item = videos_type_0_item_data.to_dict()
                videos.append(videos_type_0_item)

        else:
            videos = self.videos

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if videos is not UNSET:
            field_dict["videos"] = videos

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kling_motion_control_video_result import KlingMotionControlVideoResult  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_videos(data: object) -> list[KlingMotionControlVideoResult] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                videos_type_0 = []
                _videos_type_0 = data
                for videos_type_0_item_data in _videos_type_0:
                    videos_type_0_item = KlingMotionControlVideoResult.from_dict(videos_type_0_item_data)

                    videos_type_0.append(videos_type_0_item)

                return videos_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[KlingMotionControlVideoResult] | None | Unset, data)

        videos = _parse_videos(d.pop("videos", UNSET))

        kling_motion_control_response_data_type_0_task_result_type_0 = cls(
            videos=videos,
        )

        kling_motion_control_response_data_type_0_task_result_type_0.additional_properties = d
        return kling_motion_control_response_data_type_0_task_result_type_0

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
