from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.luma_generation_type import LumaGenerationType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.luma_assets_type_0 import LumaAssetsType0
    from ..models.luma_audio_generation_request import LumaAudioGenerationRequest
    from ..models.luma_generation_request import LumaGenerationRequest
    from ..models.luma_image_generation_request import LumaImageGenerationRequest
    from ..models.luma_upscale_video_generation_request import LumaUpscaleVideoGenerationRequest


T = TypeVar("T", bound="LumaGeneration")


@_attrs_define
class LumaGeneration:
    """The generation response object

    Example:
        {'id': '123e4567-e89b-12d3-a456-426614174000', 'state': 'completed', 'failure_reason': None, 'created_at':
            '2023-06-01T12:00:00Z', 'assets': {'video': 'https://example.com/video.mp4'}, 'model': 'ray-2', 'request':
            {'prompt': 'A serene lake surrounded by mountains at sunset', 'aspect_ratio': '16:9', 'loop': True, 'keyframes':
            {'frame0': {'type': 'image', 'url': 'https://example.com/image.jpg'}, 'frame1': {'type': 'generation', 'id':
            '123e4567-e89b-12d3-a456-426614174000'}}}}

    Attributes:
        id (UUID | Unset): The ID of the generation
        generation_type (LumaGenerationType | Unset):
        state (str | Unset): The state of the generation Example: completed.
        failure_reason (None | str | Unset): The reason for the state of the generation
        created_at (datetime.datetime | Unset): The date and time when the generation was created
        assets (LumaAssetsType0 | None | Unset): The assets of the generation
        model (str | Unset): The model used for the generation
        request (LumaAudioGenerationRequest | LumaGenerationRequest | LumaImageGenerationRequest |
            LumaUpscaleVideoGenerationRequest | Unset): The request of the generation
    """

    id: UUID | Unset = UNSET
    generation_type: LumaGenerationType | Unset = UNSET
    state: str | Unset = UNSET
    failure_reason: None | str | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    assets: LumaAssetsType0 | None | Unset = UNSET
    model: str | Unset = UNSET
    request: (
        LumaAudioGenerationRequest
        | LumaGenerationRequest
        | LumaImageGenerationRequest
        | LumaUpscaleVideoGenerationRequest
        | Unset
    ) = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.luma_assets_type_0 import LumaAssetsType0  # noqa: PLC0415
        from ..models.luma_generation_request import LumaGenerationRequest  # noqa: PLC0415
        from ..models.luma_image_generation_request import LumaImageGenerationRequest  # noqa: PLC0415
        from ..models.luma_upscale_video_generation_request import LumaUpscaleVideoGenerationRequest  # noqa: PLC0415

        id: str | Unset = UNSET
        if not isinstance(self.id, Unset):
            id = str(self.id)

        generation_type: str | Unset = UNSET
        if not isinstance(self.generation_type, Unset):
            generation_type = self.generation_type.value

        state = self.state

        failure_reason: None | str | Unset
        if isinstance(self.failure_reason, Unset):
            failure_reason = UNSET
        else:
            failure_reason = self.failure_reason

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        assets: dict[str, Any] | None | Unset
        if isinstance(self.assets, Unset):
            assets = UNSET
        elif isinstance(self.assets, LumaAssetsType0):
            assets = self.assets.to_dict()
        else:
            assets = self.assets

        model = self.model

        request: dict[str, Any] | Unset
        if isinstance(self.request, Unset):
            request = UNSET
        elif isinstance(self.request, LumaGenerationRequest):
            request = self.request.to_dict()
        elif isinstance(self.request, LumaImageGenerationRequest):
            request = self.request.to_dict()
        elif isinstance(self.request, LumaUpscaleVideoGenerationRequest):
            request = self.request.to_dict()
        else:
            request = self.request.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if generation_type is not UNSET:
            field_dict["generation_type"] = generation_type
        if state is not UNSET:
            field_dict["state"] = state
        if failure_reason is not UNSET:
            field_dict["failure_reason"] = failure_reason
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if assets is not UNSET:
            field_dict["assets"] = assets
        if model is not UNSET:
            field_dict["model"] = model
        if request is not UNSET:
            field_dict["request"] = request

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.luma_assets_type_0 import LumaAssetsType0  # noqa: PLC0415
        from ..models.luma_audio_generation_request import LumaAudioGenerationRequest  # noqa: PLC0415
        from ..models.luma_generation_request import LumaGenerationRequest  # noqa: PLC0415
        from ..models.luma_image_generation_request import LumaImageGenerationRequest  # noqa: PLC0415
        from ..models.luma_upscale_video_generation_request import LumaUpscaleVideoGenerationRequest  # noqa: PLC0415

        d = dict(src_dict)
        _id = d.pop("id", UNSET)
        id: UUID | Unset
        if isinstance(_id, Unset):
            id = UNSET
        else:
            id = UUID(_id)

        _generation_type = d.pop("generation_type", UNSET)
        generation_type: LumaGenerationType | Unset
        if isinstance(_generation_type, Unset):
            generation_type = UNSET
        else:
            generation_type = LumaGenerationType(_generation_type)

        state = d.pop("state", UNSET)

        def _parse_failure_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failure_reason = _parse_failure_reason(d.pop("failure_reason", UNSET))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        def _parse_assets(data: object) -> LumaAssetsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_luma_assets_type_0 = LumaAssetsType0.from_dict(data)

                return componentsschemas_luma_assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LumaAssetsType0 | None | Unset, data)

        assets = _parse_assets(d.pop("assets", UNSET))

        model = d.pop("model", UNSET)

        def _parse_request(
            data: object,
        ) -> (
            LumaAudioGenerationRequest
            | LumaGenerationRequest
            | LumaImageGenerationRequest
            | LumaUpscaleVideoGenerationRequest
            | Unset
        ):
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                request_type_0 = LumaGenerationRequest.from_dict(data)

                return request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                request_type_1 = LumaImageGenerationRequest.from_dict(data)

                return request_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                request_type_2 = LumaUpscaleVideoGenerationRequest.from_dict(data)

                return request_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            request_type_3 = LumaAudioGenerationRequest.from_dict(data)

            return request_type_3

        request = _parse_request(d.pop("request", UNSET))

        luma_generation = cls(
            id=id,
            generation_type=generation_type,
            state=state,
            failure_reason=failure_reason,
            created_at=created_at,
            assets=assets,
            model=model,
            request=request,
        )

        luma_generation.additional_properties = d
        return luma_generation

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
