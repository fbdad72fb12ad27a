from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vidu_image_setting import ViduImageSetting


T = TypeVar("T", bound="ViduMultiframeReply")


@_attrs_define
class ViduMultiframeReply:
    """
    Attributes:
        task_id (None | str):
        state (None | str):
        credits_ (int | None):
        model (None | str | Unset):
        start_image (None | str | Unset):
        image_settings (list[ViduImageSetting] | None | Unset):
        resolution (None | str | Unset):
        payload (None | str | Unset):
        created_at (datetime.datetime | None | Unset):
    """

    task_id: None | str
    state: None | str
    credits_: int | None
    model: None | str | Unset = UNSET
    start_image: None | str | Unset = UNSET
    image_settings: list[ViduImageSetting] | None | Unset = UNSET
    resolution: None | str | Unset = UNSET
    payload: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        task_id: None | str
        task_id = self.task_id

        state: None | str
        state = self.state

        credits_: int | None
        credits_ = self.credits_

        model: None | str | Unset
        if isinstance(self.model, Unset):
            model = UNSET
        else:
            model = self.model

        start_image: None | str | Unset
        if isinstance(self.start_image, Unset):
            start_image = UNSET
        else:
            start_image = self.start_image

        image_settings: list[dict[str, Any]] | None | Unset
        if isinstance(self.image_settings, Unset):
            image_settings = UNSET
        elif isinstance(self.image_settings, list):
            image_settings = []
            for image_settings_type_0_item_data in self.image_settings:
                image_settings_type_0_item = image_settings_type_0_item_data.to_dict()
                image_settings.append(image_settings_type_0_item)

        else:
            image_settings = self.image_settings

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        payload: None | str | Unset
        if isinstance(self.payload, Unset):
            payload = UNSET
        else:
            payload = self.payload

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "task_id": task_id,
                "state": state,
                "credits": credits_,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if start_image is not UNSET:
            field_dict["start_image"] = start_image
        if image_settings is not UNSET:
            field_dict["image_settings"] = image_settings
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if payload is not UNSET:
            field_dict["payload"] = payload
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vidu_image_setting import ViduImageSetting  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_task_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        task_id = _parse_task_id(d.pop("task_id"))

        def _parse_state(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        state = _parse_state(d.pop("state"))

        def _parse_credits_(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        credits_ = _parse_credits_(d.pop("credits"))

        def _parse_model(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        model = _parse_model(d.pop("model", UNSET))

        def _parse_start_image(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        start_image = _parse_start_image(d.pop("start_image", UNSET))

        def _parse_image_settings(data: object) -> list[ViduImageSetting] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                image_settings_type_0 = []
                _image_settings_type_0 = data
                for image_settings_type_0_item_data in _image_settings_type_0:
                    image_settings_type_0_item = ViduImageSetting.from_dict(image_settings_type_0_item_data)

                    image_settings_type_0.append(image_settings_type_0_item)

                return image_settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ViduImageSetting] | None | Unset, data)

        image_settings = _parse_image_settings(d.pop("image_settings", UNSET))

        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        def _parse_payload(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        payload = _parse_payload(d.pop("payload", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        vidu_multiframe_reply = cls(
            task_id=task_id,
            state=state,
            credits_=credits_,
            model=model,
            start_image=start_image,
            image_settings=image_settings,
            resolution=resolution,
            payload=payload,
            created_at=created_at,
        )

        vidu_multiframe_reply.additional_properties = d
        return vidu_multiframe_reply

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
