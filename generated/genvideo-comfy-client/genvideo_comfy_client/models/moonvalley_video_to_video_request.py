from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.moonvalley_video_to_video_request_control_type import MoonvalleyVideoToVideoRequestControlType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.moonvalley_video_to_video_inference_params import MoonvalleyVideoToVideoInferenceParams


T = TypeVar("T", bound="MoonvalleyVideoToVideoRequest")


@_attrs_define
class MoonvalleyVideoToVideoRequest:
    """
    Attributes:
        prompt_text (str): Describes the video to generate
        video_url (str): Url to control video
        control_type (MoonvalleyVideoToVideoRequestControlType): Supported types for video control
        image_url (str | Unset): Url to control image
        inference_params (MoonvalleyVideoToVideoInferenceParams | Unset):
        webhook_url (str | Unset): Optional webhook URL for notifications
    """

    prompt_text: str
    video_url: str
    control_type: MoonvalleyVideoToVideoRequestControlType
    image_url: str | Unset = UNSET
    inference_params: MoonvalleyVideoToVideoInferenceParams | Unset = UNSET
    webhook_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prompt_text = self.prompt_text

        video_url = self.video_url

        control_type = self.control_type.value

        image_url = self.image_url

        inference_params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.inference_params, Unset):
            inference_params = self.inference_params.to_dict()

        webhook_url = self.webhook_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt_text": prompt_text,
                "video_url": video_url,
                "control_type": control_type,
            }
        )
        if image_url is not UNSET:
            field_dict["image_url"] = image_url
        if inference_params is not UNSET:
            field_dict["inference_params"] = inference_params
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.moonvalley_video_to_video_inference_params import MoonvalleyVideoToVideoInferenceParams  # noqa: PLC0415

        d = dict(src_dict)
        prompt_text = d.pop("prompt_text")

        video_url = d.pop("video_url")

        control_type = MoonvalleyVideoToVideoRequestControlType(d.pop("control_type"))

        image_url = d.pop("image_url", UNSET)

        _inference_params = d.pop("inference_params", UNSET)
        inference_params: MoonvalleyVideoToVideoInferenceParams | Unset
        if isinstance(_inference_params, Unset):
            inference_params = UNSET
        else:
            inference_params = MoonvalleyVideoToVideoInferenceParams.from_dict(_inference_params)

        webhook_url = d.pop("webhook_url", UNSET)

        moonvalley_video_to_video_request = cls(
            prompt_text=prompt_text,
            video_url=video_url,
            control_type=control_type,
            image_url=image_url,
            inference_params=inference_params,
            webhook_url=webhook_url,
        )

        moonvalley_video_to_video_request.additional_properties = d
        return moonvalley_video_to_video_request

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
