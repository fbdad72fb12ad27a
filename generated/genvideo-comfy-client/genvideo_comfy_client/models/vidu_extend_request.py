from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ViduExtendRequest")


@_attrs_define
class ViduExtendRequest:
    """
    Attributes:
        model (str): Model name (viduq2-pro or viduq2-turbo)
        video_creation_id (str | Unset): Vidu video_creation_id, required with video_url
        video_url (str | Unset): Any video URL, required with video_creation_id
        images (list[str] | Unset): Extended reference image to the end frame (only accepts 1 image)
        prompt (str | Unset): Text prompt for video generation (max 2000 characters)
        duration (int | Unset): Extended duration in seconds (1-7, default 5)
        resolution (str | Unset): Resolution (540p, 720p, 1080p)
        payload (str | Unset): Transparent transmission parameters (max 1048576 characters)
        callback_url (str | Unset): Callback URL for task status updates
    """

    model: str
    video_creation_id: str | Unset = UNSET
    video_url: str | Unset = UNSET
    images: list[str] | Unset = UNSET
    prompt: str | Unset = UNSET
    duration: int | Unset = UNSET
    resolution: str | Unset = UNSET
    payload: str | Unset = UNSET
    callback_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        video_creation_id = self.video_creation_id

        video_url = self.video_url

        images: list[str] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = self.images

        prompt = self.prompt

        duration = self.duration

        resolution = self.resolution

        payload = self.payload

        callback_url = self.callback_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
            }
        )
        if video_creation_id is not UNSET:
            field_dict["video_creation_id"] = video_creation_id
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if images is not UNSET:
            field_dict["images"] = images
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if duration is not UNSET:
            field_dict["duration"] = duration
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if payload is not UNSET:
            field_dict["payload"] = payload
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = d.pop("model")

        video_creation_id = d.pop("video_creation_id", UNSET)

        video_url = d.pop("video_url", UNSET)

        images = cast(list[str], d.pop("images", UNSET))

        prompt = d.pop("prompt", UNSET)

        duration = d.pop("duration", UNSET)

        resolution = d.pop("resolution", UNSET)

        payload = d.pop("payload", UNSET)

        callback_url = d.pop("callback_url", UNSET)

        vidu_extend_request = cls(
            model=model,
            video_creation_id=video_creation_id,
            video_url=video_url,
            images=images,
            prompt=prompt,
            duration=duration,
            resolution=resolution,
            payload=payload,
            callback_url=callback_url,
        )

        vidu_extend_request.additional_properties = d
        return vidu_extend_request

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
