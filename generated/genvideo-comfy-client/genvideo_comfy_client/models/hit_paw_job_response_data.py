from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HitPawJobResponseData")


@_attrs_define
class HitPawJobResponseData:
    """
    Attributes:
        job_id (str | Unset): Unique identifier for the enhancement job Example: f5007c0b-e902-4070-8c75-f337d896168f.
        consume_coins (int | Unset): Number of coins consumed for this task Example: 75.
    """

    job_id: str | Unset = UNSET
    consume_coins: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        job_id = self.job_id

        consume_coins = self.consume_coins

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if job_id is not UNSET:
            field_dict["job_id"] = job_id
        if consume_coins is not UNSET:
            field_dict["consume_coins"] = consume_coins

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        job_id = d.pop("job_id", UNSET)

        consume_coins = d.pop("consume_coins", UNSET)

        hit_paw_job_response_data = cls(
            job_id=job_id,
            consume_coins=consume_coins,
        )

        hit_paw_job_response_data.additional_properties = d
        return hit_paw_job_response_data

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
