from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.vidu_task_request_audio_type import ViduTaskRequestAudioType
from ..models.vidu_task_request_movement_amplitude import ViduTaskRequestMovementAmplitude
from ..models.vidu_task_request_style import ViduTaskRequestStyle
from ..types import UNSET, Unset

T = TypeVar("T", bound="ViduTaskRequest")


@_attrs_define
class ViduTaskRequest:
    """
    Attributes:
        model (str | Unset): Model name: viduq3-pro, viduq2-pro-fast, viduq2-pro, viduq2-turbo, viduq1, viduq1-classic,
            vidu2.0
        style (ViduTaskRequestStyle | Unset):
        prompt (str | Unset): Text prompt for video generation (max 2000 characters)
        images (list[str] | Unset): Images for img2video (accepts 1 image as start frame)
        audio (bool | Unset): Enable direct audio-video generation capability (default true for q3 model)
        audio_type (ViduTaskRequestAudioType | Unset): Audio type when audio is true: all (sound effects + vocals),
            speech_only, sound_effect_only. Ineffective for q3 model
        voice_id (str | Unset): Voice ID for audio (ineffective for q3 model)
        is_rec (bool | Unset): Use recommended prompt (consumes additional 10 credits)
        bgm (bool | Unset): Add background music to generated video (ineffective for q3 model)
        duration (int | Unset): Video duration in seconds. viduq3-pro: 1-16, viduq2-pro-fast: 1-10, viduq2-pro/turbo:
            1-8
        seed (int | Unset): Random seed (defaults to random if not specified)
        aspect_ratio (str | Unset):
        resolution (str | Unset): Resolution: 360p, 540p, 720p, 1080p, 2K (availability depends on model and duration)
        movement_amplitude (ViduTaskRequestMovementAmplitude | Unset): Movement amplitude of objects in frame
            (ineffective for q2, q3 models)
        payload (str | Unset): Transparent transmission parameters (max 1048576 characters)
        off_peak (bool | Unset): Off peak mode (lower cost, tasks generated within 48 hours)
        watermark (bool | Unset): Add watermark to video (default false)
        wm_position (int | Unset): Watermark position: 1 (top left), 2 (top right), 3 (bottom right, default), 4 (bottom
            left)
        wm_url (str | Unset): Watermark image URL (uses default watermark if not provided)
        meta_data (str | Unset): Metadata identification, JSON format string for custom metadata
        enhance (bool | Unset):
        callback_url (str | Unset): Callback URL for task status updates
        priority (int | Unset):
    """

    model: str | Unset = UNSET
    style: ViduTaskRequestStyle | Unset = UNSET
    prompt: str | Unset = UNSET
    images: list[str] | Unset = UNSET
    audio: bool | Unset = UNSET
    audio_type: ViduTaskRequestAudioType | Unset = UNSET
    voice_id: str | Unset = UNSET
    is_rec: bool | Unset = UNSET
    bgm: bool | Unset = UNSET
    duration: int | Unset = UNSET
    seed: int | Unset = UNSET
    aspect_ratio: str | Unset = UNSET
    resolution: str | Unset = UNSET
    movement_amplitude: ViduTaskRequestMovementAmplitude | Unset = UNSET
    payload: str | Unset = UNSET
    off_peak: bool | Unset = UNSET
    watermark: bool | Unset = UNSET
    wm_position: int | Unset = UNSET
    wm_url: str | Unset = UNSET
    meta_data: str | Unset = UNSET
    enhance: bool | Unset = UNSET
    callback_url: str | Unset = UNSET
    priority: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model

        style: str | Unset = UNSET
        if not isinstance(self.style, Unset):
            style = self.style.value

        prompt = self.prompt

        images: list[str] | Unset = UNSET
        if not isinstance(self.images, Unset):
            images = self.images

        audio = self.audio

        audio_type: str | Unset = UNSET
        if not isinstance(self.audio_type, Unset):
            audio_type = self.audio_type.value

        voice_id = self.voice_id

        is_rec = self.is_rec

        bgm = self.bgm

        duration = self.duration

        seed = self.seed

        aspect_ratio = self.aspect_ratio

        resolution = self.resolution

        movement_amplitude: str | Unset = UNSET
        if not isinstance(self.movement_amplitude, Unset):
            movement_amplitude = self.movement_amplitude.value

        payload = self.payload

        off_peak = self.off_peak

        watermark = self.watermark

        wm_position = self.wm_position

        wm_url = self.wm_url

        meta_data = self.meta_data

        enhance = self.enhance

        callback_url = self.callback_url

        priority = self.priority

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if model is not UNSET:
            field_dict["model"] = model
        if style is not UNSET:
            field_dict["style"] = style
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if images is not UNSET:
            field_dict["images"] = images
        if audio is not UNSET:
            field_dict["audio"] = audio
        if audio_type is not UNSET:
            field_dict["audio_type"] = audio_type
        if voice_id is not UNSET:
            field_dict["voice_id"] = voice_id
        if is_rec is not UNSET:
            field_dict["is_rec"] = is_rec
        if bgm is not UNSET:
            field_dict["bgm"] = bgm
        if duration is not UNSET:
            field_dict["duration"] = duration
        if seed is not UNSET:
            field_dict["seed"] = seed
        if aspect_ratio is not UNSET:
            field_dict["aspect_ratio"] = aspect_ratio
        if resolution is not UNSET:
            field_dict["resolution"] = resolution
        if movement_amplitude is not UNSET:
            field_dict["movement_amplitude"] = movement_amplitude
        if payload is not UNSET:
            field_dict["payload"] = payload
        if off_peak is not UNSET:
            field_dict["off_peak"] = off_peak
        if watermark is not UNSET:
            field_dict["watermark"] = watermark
        if wm_position is not UNSET:
            field_dict["wm_position"] = wm_position
        if wm_url is not UNSET:
            field_dict["wm_url"] = wm_url
        if meta_data is not UNSET:
            field_dict["meta_data"] = meta_data
        if enhance is not UNSET:
            field_dict["enhance"] = enhance
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if priority is not UNSET:
            field_dict["priority"] = priority

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        model = d.pop("model", UNSET)

        _style = d.pop("style", UNSET)
        style: ViduTaskRequestStyle | Unset
        if isinstance(_style, Unset):
            style = UNSET
        else:
            style = ViduTaskRequestStyle(_style)

        prompt = d.pop("prompt", UNSET)

        images = cast(list[str], d.pop("images", UNSET))

        audio = d.pop("audio", UNSET)

        _audio_type = d.pop("audio_type", UNSET)
        audio_type: ViduTaskRequestAudioType | Unset
        if isinstance(_audio_type, Unset):
            audio_type = UNSET
        else:
            audio_type = ViduTaskRequestAudioType(_audio_type)

        voice_id = d.pop("voice_id", UNSET)

        is_rec = d.pop("is_rec", UNSET)

        bgm = d.pop("bgm", UNSET)

        duration = d.pop("duration", UNSET)

        seed = d.pop("seed", UNSET)

        aspect_ratio = d.pop("aspect_ratio", UNSET)

        resolution = d.pop("resolution", UNSET)

        _movement_amplitude = d.pop("movement_amplitude", UNSET)
        movement_amplitude: ViduTaskRequestMovementAmplitude | Unset
        if isinstance(_movement_amplitude, Unset):
            movement_amplitude = UNSET
        else:
            movement_amplitude = ViduTaskRequestMovementAmplitude(_movement_amplitude)

        payload = d.pop("payload", UNSET)

        off_peak = d.pop("off_peak", UNSET)

        watermark = d.pop("watermark", UNSET)

        wm_position = d.pop("wm_position", UNSET)

        wm_url = d.pop("wm_url", UNSET)

        meta_data = d.pop("meta_data", UNSET)

        enhance = d.pop("enhance", UNSET)

        callback_url = d.pop("callback_url", UNSET)

        priority = d.pop("priority", UNSET)

        vidu_task_request = cls(
            model=model,
            style=style,
            prompt=prompt,
            images=images,
            audio=audio,
            audio_type=audio_type,
            voice_id=voice_id,
            is_rec=is_rec,
            bgm=bgm,
            duration=duration,
            seed=seed,
            aspect_ratio=aspect_ratio,
            resolution=resolution,
            movement_amplitude=movement_amplitude,
            payload=payload,
            off_peak=off_peak,
            watermark=watermark,
            wm_position=wm_position,
            wm_url=wm_url,
            meta_data=meta_data,
            enhance=enhance,
            callback_url=callback_url,
            priority=priority,
        )

        vidu_task_request.additional_properties = d
        return vidu_task_request

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
