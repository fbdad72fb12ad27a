from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vidu_image_setting import ViduImageSetting


T = TypeVar("T", bound="ViduMultiframeRequest")


@_attrs_define
class ViduMultiframeRequest:
    """
    Attributes:
        model (str): Model name (viduq2-pro or viduq2-turbo)
        start_image (str): The first frame image (Base64 or URL)
        image_settings (list[ViduImageSetting]): Configuration for intelligent multi-frame generation (2-9 frames)
        resolution (str | Unset): Video resolution (540p, 720p, 1080p)
        payload (str | Unset): Transparent transmission parameters (max 1048576 characters)
        callback_url (str | Unset): Callback URL for task status updates
    """

    model: str
    start_image: str
    image_settings: list[ViduImageSetting]
    resolution: str | Unset = UNSET
    payload: str | Unset = UNSET
    callback_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        start_image = self.start_image

        image_settings = []
        for image_settings_item_data in self.image_settings:
            image_settings_item = image_settings_item_data.to_dict()
            image_settings.append(image_settings_item)

        resolution = self.resolution

        payload = self.payload

        callback_url = self.callback_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "start_image": start_image,
                "image_settings": image_settings,
            }
        )
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if payload is not UNSET:
            field_dict["payload"] = payload
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vidu_image_setting import ViduImageSetting  # noqa: PLC0415

        d = dict(src_dict)
        model = d.pop("model")

        start_image = d.pop("start_image")

        image_settings = []
        _image_settings = d.pop("image_settings")
        for image_settings_item_data in _image_settings:
            image_settings_item = ViduImageSetting.from_dict(image_settings_item_data)

            image_settings.append(image_settings_item)

        resolution = d.pop("resolution", UNSET)

        payload = d.pop("payload", UNSET)

        callback_url = d.pop("callback_url", UNSET)

        vidu_multiframe_request = cls(
            model=model,
            start_image=start_image,
            image_settings=image_settings,
            resolution=resolution,
            payload=payload,
            callback_url=callback_url,
        )

        vidu_multiframe_request.additional_properties = d
        return vidu_multiframe_request

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
