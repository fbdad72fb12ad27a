from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.topaz_video_request_estimates import TopazVideoRequestEstimates


T = TypeVar("T", bound="TopazVideoCreateResponse")


@_attrs_define
class TopazVideoCreateResponse:
    """
    Attributes:
        request_id (UUID): Unique identifier for the video processing request Example:
            c1f96dc2-c448-00e6-82ed-14ecb6403c62.
        estimates (TopazVideoRequestEstimates): Lower and upper bound estimates
    """

    request_id: UUID
    estimates: TopazVideoRequestEstimates
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        request_id = str(self.request_id)

        estimates = self.estimates.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestId": request_id,
                "estimates": estimates,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_video_request_estimates import TopazVideoRequestEstimates  # noqa: PLC0415

        d = dict(src_dict)
        request_id = UUID(d.pop("requestId"))

        estimates = TopazVideoRequestEstimates.from_dict(d.pop("estimates"))

        topaz_video_create_response = cls(
            request_id=request_id,
            estimates=estimates,
        )

        topaz_video_create_response.additional_properties = d
        return topaz_video_create_response

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
