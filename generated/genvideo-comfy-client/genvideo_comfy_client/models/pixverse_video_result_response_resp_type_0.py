from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PixverseVideoResultResponseRespType0")


@_attrs_define
class PixverseVideoResultResponseRespType0:
    """
    Attributes:
        create_time (str | Unset):
        id (int | Unset):
        modify_time (str | Unset):
        negative_prompt (str | Unset):
        output_height (int | Unset):
        output_width (int | Unset):
        prompt (str | Unset):
        resolution_ratio (int | Unset):
        seed (int | Unset):
        size (int | Unset):
        status (int | None | Unset): Video generation status codes:
            * 1 - Generation successful
            * 5 - Generating
            * 6 - Deleted
            * 7 - Contents moderation failed
            * 8 - Generation failed
            Known values are listed in x-known-values; others may appear.
        style (str | Unset):
        url (None | str | Unset):
    """

    create_time: str | Unset = UNSET
    id: int | Unset = UNSET
    modify_time: str | Unset = UNSET
    negative_prompt: str | Unset = UNSET
    output_height: int | Unset = UNSET
    output_width: int | Unset = UNSET
    prompt: str | Unset = UNSET
    resolution_ratio: int | Unset = UNSET
    seed: int | Unset = UNSET
    size: int | Unset = UNSET
    status: int | None | Unset = UNSET
    style: str | Unset = UNSET
    url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        create_time = self.create_time

        id = self.id

        modify_time = self.modify_time

        negative_prompt = self.negative_prompt

        output_height = self.output_height

        output_width = self.output_width

        prompt = self.prompt

        resolution_ratio = self.resolution_ratio

        seed = self.seed

        size = self.size

        status: int | None | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        style = self.style

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if create_time is not UNSET:
            field_dict["create_time"] = create_time
        if id is not UNSET:
            field_dict["id"] = id
        if modify_time is not UNSET:
            field_dict["modify_time"] = modify_time
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if output_height is not UNSET:
            field_dict["outputHeight"] = output_height
        if output_width is not UNSET:
            field_dict["outputWidth"] = output_width
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if resolution_ratio is not UNSET:
            field_dict["resolution_ratio"] = resolution_ratio
        if seed is not UNSET:
            field_dict["seed"] = seed
        if size is not UNSET:
            field_dict["size"] = size
        if status is not UNSET:
            field_dict["status"] = status
        if style is not UNSET:
            field_dict["style"] = style
        if url is not UNSET:
            field_dict["url"] = url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        create_time = d.pop("create_time", UNSET)

        id = d.pop("id", UNSET)

        modify_time = d.pop("modify_time", UNSET)

        negative_prompt = d.pop("negative_prompt", UNSET)

        output_height = d.pop("outputHeight", UNSET)

        output_width = d.pop("outputWidth", UNSET)

        prompt = d.pop("prompt", UNSET)

        resolution_ratio = d.pop("resolution_ratio", UNSET)

        seed = d.pop("seed", UNSET)

        size = d.pop("size", UNSET)

        def _parse_status(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        style = d.pop("style", UNSET)

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        pixverse_video_result_response_resp_type_0 = cls(
            create_time=create_time,
            id=id,
            modify_time=modify_time,
            negative_prompt=negative_prompt,
            output_height=output_height,
            output_width=output_width,
            prompt=prompt,
            resolution_ratio=resolution_ratio,
            seed=seed,
            size=size,
            status=status,
            style=style,
            url=url,
        )

        pixverse_video_result_response_resp_type_0.additional_properties = d
        return pixverse_video_result_response_resp_type_0

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
