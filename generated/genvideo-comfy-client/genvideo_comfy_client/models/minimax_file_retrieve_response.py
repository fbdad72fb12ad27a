from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.minimax_base_response import MinimaxBaseResponse
    from ..models.minimax_file_retrieve_response_file import MinimaxFileRetrieveResponseFile


T = TypeVar("T", bound="MinimaxFileRetrieveResponse")


@_attrs_define
class MinimaxFileRetrieveResponse:
    """Response from retrieving a Minimax file download URL.

    Attributes:
        file (MinimaxFileRetrieveResponseFile):
        base_resp (MinimaxBaseResponse): Common response structure used by Minimax APIs
    """

    file: MinimaxFileRetrieveResponseFile
    base_resp: MinimaxBaseResponse
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_dict()

        base_resp = self.base_resp.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "base_resp": base_resp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.minimax_base_response import MinimaxBaseResponse  # noqa: PLC0415
        from ..models.minimax_file_retrieve_response_file import MinimaxFileRetrieveResponseFile  # noqa: PLC0415

        d = dict(src_dict)
        file = MinimaxFileRetrieveResponseFile.from_dict(d.pop("file"))

        base_resp = MinimaxBaseResponse.from_dict(d.pop("base_resp"))

        minimax_file_retrieve_response = cls(
            file=file,
            base_resp=base_resp,
        )

        minimax_file_retrieve_response.additional_properties = d
        return minimax_file_retrieve_response

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
