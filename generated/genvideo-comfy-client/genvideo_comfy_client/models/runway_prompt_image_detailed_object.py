from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.runway_prompt_image_detailed_object_position import RunwayPromptImageDetailedObjectPosition

T = TypeVar("T", bound="RunwayPromptImageDetailedObject")


@_attrs_define
class RunwayPromptImageDetailedObject:
    """Represents an image with its position in the video sequence.

    Attributes:
        uri (str): A HTTPS URL or data URI containing an encoded image.
        position (RunwayPromptImageDetailedObjectPosition): The position of the image in the output video. 'last' is
            currently supported for gen3a_turbo only.
    """

    uri: str
    position: RunwayPromptImageDetailedObjectPosition
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        uri = self.uri

        position = self.position.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "uri": uri,
                "position": position,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        uri = d.pop("uri")

        position = RunwayPromptImageDetailedObjectPosition(d.pop("position"))

        runway_prompt_image_detailed_object = cls(
            uri=uri,
            position=position,
        )

        runway_prompt_image_detailed_object.additional_properties = d
        return runway_prompt_image_detailed_object

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
