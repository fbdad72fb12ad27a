from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.veo_gen_vid_poll_response_response_videos_item import VeoGenVidPollResponseResponseVideosItem


T = TypeVar("T", bound="VeoGenVidPollResponseResponse")


@_attrs_define
class VeoGenVidPollResponseResponse:
    """The actual prediction response if done is true

    Attributes:
        type_ (str | Unset):  Example: type.googleapis.com/cloud.ai.large_models.vision.GenerateVideoResponse.
        rai_media_filtered_count (int | Unset): Count of media filtered by responsible AI policies
        rai_media_filtered_reasons (list[str] | Unset): Reasons why media was filtered by responsible AI policies
        videos (list[VeoGenVidPollResponseResponseVideosItem] | Unset):
    """

    type_: str | Unset = UNSET
    rai_media_filtered_count: int | Unset = UNSET
    rai_media_filtered_reasons: list[str] | Unset = UNSET
    videos: list[VeoGenVidPollResponseResponseVideosItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        rai_media_filtered_count = self.rai_media_filtered_count

        rai_media_filtered_reasons: list[str] | Unset = UNSET
        if not isinstance(self.rai_media_filtered_reasons, Unset):
            rai_media_filtered_reasons = self.rai_media_filtered_reasons

        videos: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.videos, Unset):
            videos = []
            for videos_item_data in self.videos:
                videos_item = videos_item_data.to_dict()
                videos.append(videos_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if type_ is not UNSET:
            field_dict["@type"] = type_
        if rai_media_filtered_count is not UNSET:
            field_dict["raiMediaFilteredCount"] = rai_media_filtered_count
        if rai_media_filtered_reasons is not UNSET:
            field_dict["raiMediaFilteredReasons"] = rai_media_filtered_reasons
        if videos is not UNSET:
            field_dict["videos"] = videos

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.veo_gen_vid_poll_response_response_videos_item import VeoGenVidPollResponseResponseVideosItem  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("@type", UNSET)

        rai_media_filtered_count = d.pop("raiMediaFilteredCount", UNSET)

        rai_media_filtered_reasons = cast(list[str], d.pop("raiMediaFilteredReasons", UNSET))

        _videos = d.pop("videos", UNSET)
        videos: list[VeoGenVidPollResponseResponseVideosItem] | Unset = UNSET
        if _videos is not UNSET:
            videos = []
            for videos_item_data in _videos:
                videos_item = VeoGenVidPollResponseResponseVideosItem.from_dict(videos_item_data)

                videos.append(videos_item)

        veo_gen_vid_poll_response_response = cls(
            type_=type_,
            rai_media_filtered_count=rai_media_filtered_count,
            rai_media_filtered_reasons=rai_media_filtered_reasons,
            videos=videos,
        )

        veo_gen_vid_poll_response_response.additional_properties = d
        return veo_gen_vid_poll_response_response

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
