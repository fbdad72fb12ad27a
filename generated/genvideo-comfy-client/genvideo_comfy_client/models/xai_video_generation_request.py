from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.xai_video_generation_request_aspect_ratio import XAIVideoGenerationRequestAspectRatio
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.xai_image_object import XAIImageObject
    from ..models.xai_video_generation_request_output_type_0 import XAIVideoGenerationRequestOutputType0


T = TypeVar("T", bound="XAIVideoGenerationRequest")


@_attrs_define
class XAIVideoGenerationRequest:
    """Request body for xAI Grok Imagine video generation

    Attributes:
        prompt (str): Prompt for video generation
        model (str | Unset): Model to be used
        image (XAIImageObject | Unset): Input image object for xAI endpoints
        duration (int | None | Unset): Video duration in seconds. Range [1, 15]. Default 8. Default: 8.
        aspect_ratio (XAIVideoGenerationRequestAspectRatio | Unset): Aspect ratio of the generated video Default:
            XAIVideoGenerationRequestAspectRatio.VALUE_1.
        resolution (None | str | Unset): Resolution of the output video
        size (None | str | Unset): Size of the output video
        output (None | Unset | XAIVideoGenerationRequestOutputType0): Optional output destination for generated video
        user (None | str | Unset): A unique identifier representing your end-user
    """

    prompt: str
    model: str | Unset = UNSET
    image: XAIImageObject | Unset = UNSET
    duration: int | None | Unset = 8
    aspect_ratio: XAIVideoGenerationRequestAspectRatio | Unset = XAIVideoGenerationRequestAspectRatio.VALUE_1
    resolution: None | str | Unset = UNSET
    size: None | str | Unset = UNSET
    output: None | Unset | XAIVideoGenerationRequestOutputType0 = UNSET
    user: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.xai_video_generation_request_output_type_0 import XAIVideoGenerationRequestOutputType0  # noqa: PLC0415

        prompt = self.prompt

        model = self.model

        image: dict[str, Any] | Unset = UNSET
        if not isinstance(self.image, Unset):
            image = self.image.to_dict()

        duration: int | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        aspect_ratio: str | Unset = UNSET
        if not isinstance(self.aspect_ratio, Unset):
            aspect_ratio = self.aspect_ratio.value

        resolution: None | str | Unset
        if isinstance(self.resolution, Unset):
            resolution = UNSET
        else:
            resolution = self.resolution

        size: None | str | Unset
        if isinstance(self.size, Unset):
            size = UNSET
        else:
            size = self.size

        output: dict[str, Any] | None | Unset
        if isinstance(self.output, Unset):
            output = UNSET
        elif isinstance(self.output, XAIVideoGenerationRequestOutputType0):
            output = self.output.to_dict()
        else:
            output = self.output

        user: None | str | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        else:
            user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "prompt": prompt,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if image is not UNSET:
            field_dict["image"] = image
        if duration is not UNSET:
            field_dict["duration"] = duration
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if size is not UNSET:
            field_dict["size"] = size
        if output is not UNSET:
            field_dict["output"] = output
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.xai_image_object import XAIImageObject  # noqa: PLC0415
        from ..models.xai_video_generation_request_output_type_0 import XAIVideoGenerationRequestOutputType0  # noqa: PLC0415

        d = dict(src_dict)
        prompt = d.pop("prompt")

        model = d.pop("model", UNSET)

        _image = d.pop("image", UNSET)
        image: XAIImageObject | Unset
        if isinstance(_image, Unset):
            image = UNSET
        else:
            image = XAIImageObject.from_dict(_image)

        def _parse_duration(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration = _parse_duration(d.pop("duration", UNSET))

        _aspect_ratio = d.pop("aspect_ratio", UNSET)
        aspect_ratio: XAIVideoGenerationRequestAspectRatio | Unset
        if isinstance(_aspect_ratio, Unset):
            aspect_ratio = UNSET
        else:
            aspect_ratio = XAIVideoGenerationRequestAspectRatio(_aspect_ratio)

        def _parse_resolution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resolution = _parse_resolution(d.pop("resolution", UNSET))

        def _parse_size(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        size = _parse_size(d.pop("size", UNSET))

        def _parse_output(data: object) -> None | Unset | XAIVideoGenerationRequestOutputType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_type_0 = XAIVideoGenerationRequestOutputType0.from_dict(data)

                return output_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | XAIVideoGenerationRequestOutputType0, data)

        output = _parse_output(d.pop("output", UNSET))

        def _parse_user(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user = _parse_user(d.pop("user", UNSET))

        xai_video_generation_request = cls(
            prompt=prompt,
            model=model,
            image=image,
            duration=duration,
            aspect_ratio=aspect_ratio,
            resolution=resolution,
            size=size,
            output=output,
            user=user,
        )

        xai_video_generation_request.additional_properties = d
        return xai_video_generation_request

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
