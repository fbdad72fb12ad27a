from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.byte_plus_video_generation_request_model import BytePlusVideoGenerationRequestModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.byte_plus_video_generation_content import BytePlusVideoGenerationContent


T = TypeVar("T", bound="BytePlusVideoGenerationRequest")


@_attrs_define
class BytePlusVideoGenerationRequest:
    """
    Attributes:
        model (BytePlusVideoGenerationRequestModel): The ID of the model to call. Available models include
            seedance-1-5-pro-251215, seedance-1-0-pro-250528, seedance-1-0-pro-fast-251015, seedance-1-0-lite-t2v-250428,
            seedance-1-0-lite-i2v-250428
        content (list[BytePlusVideoGenerationContent]): The input content for the model to generate a video
        callback_url (str | Unset): Callback notification address for the result of this generation task
        return_last_frame (bool | Unset): Whether to return the last frame image of the generated video.
            true: Returns the last frame image of the generated video. After setting this parameter to true, you can obtain
            the last frame image by calling the Querying the information about a video generation task. The last frame image
            is in PNG format, with its pixel width and height consistent with those of the generated video, and it contains
            no watermarks. Using this parameter allows the generation of multiple consecutive videos: the last frame of the
            previously generated video is used as the first frame of the next video task, enabling quick generation of
            multiple consecutive videos.
            false: Does not return the last frame image of the generated video.
             Default: False.
        generate_audio (bool | Unset): Only supported by Seedance 1.5 pro. Whether the generated video includes audio
            synchronized with the visuals.
            true: The model outputs a video with synchronized audio. Seedance 1.5 pro can automatically generate matching
            voice, sound effects, or background music based on the prompt and visual content. It is recommended to enclose
            dialogue in double quotes. Example: A man stops a woman and says, "Remember, never point your finger at the
            moon."
            false: The model outputs a silent video.
             Default: True.
    """

    model: BytePlusVideoGenerationRequestModel
    content: list[BytePlusVideoGenerationContent]
    callback_url: str | Unset = UNSET
    return_last_frame: bool | Unset = False
    generate_audio: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        content = []
        for content_item_data in self.content:
            content_item = content_item_data.to_dict()
            content.append(content_item)

        callback_url = self.callback_url

        return_last_frame = self.return_last_frame

        generate_audio = self.generate_audio

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "content": content,
            }
        )
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if return_last_frame is not UNSET:
            field_dict["return_last_frame"] = return_last_frame
        if generate_audio is not UNSET:
            field_dict["generate_audio"] = generate_audio

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.byte_plus_video_generation_content import BytePlusVideoGenerationContent  # noqa: PLC0415

        d = dict(src_dict)
        model = BytePlusVideoGenerationRequestModel(d.pop("model"))

        content = []
        _content = d.pop("content")
        for content_item_data in _content:
            content_item = BytePlusVideoGenerationContent.from_dict(content_item_data)

            content.append(content_item)

        callback_url = d.pop("callback_url", UNSET)

        return_last_frame = d.pop("return_last_frame", UNSET)

        generate_audio = d.pop("generate_audio", UNSET)

        byte_plus_video_generation_request = cls(
            model=model,
            content=content,
            callback_url=callback_url,
            return_last_frame=return_last_frame,
            generate_audio=generate_audio,
        )

        byte_plus_video_generation_request.additional_properties = d
        return byte_plus_video_generation_request

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
