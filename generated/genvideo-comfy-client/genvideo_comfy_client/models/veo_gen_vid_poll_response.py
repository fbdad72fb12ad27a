from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.veo_gen_vid_poll_response_error import VeoGenVidPollResponseError
    from ..models.veo_gen_vid_poll_response_response import VeoGenVidPollResponseResponse


T = TypeVar("T", bound="VeoGenVidPollResponse")


@_attrs_define
class VeoGenVidPollResponse:
    """
    Attributes:
        name (str | Unset):
        done (bool | Unset):
        response (VeoGenVidPollResponseResponse | Unset): The actual prediction response if done is true
        error (VeoGenVidPollResponseError | Unset): Error details if operation failed
    """

    name: str | Unset = UNSET
    done: bool | Unset = UNSET
    response: VeoGenVidPollResponseResponse | Unset = UNSET
    error: VeoGenVidPollResponseError | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        done = self.done

        response: dict[str, Any] | Unset = UNSET
        if not isinstance(self.response, Unset):
            response = self.response.to_dict()

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if done is not UNSET:
            field_dict["done"] = done
        if response is not UNSET:
            field_dict["response"] = response
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.veo_gen_vid_poll_response_error import VeoGenVidPollResponseError  # noqa: PLC0415
        from ..models.veo_gen_vid_poll_response_response import VeoGenVidPollResponseResponse  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        done = d.pop("done", UNSET)

        _response = d.pop("response", UNSET)
        response: VeoGenVidPollResponseResponse | Unset
        if isinstance(_response, Unset):
            response = UNSET
        else:
            response = VeoGenVidPollResponseResponse.from_dict(_response)

        _error = d.pop("error", UNSET)
        error: VeoGenVidPollResponseError | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = VeoGenVidPollResponseError.from_dict(_error)

        veo_gen_vid_poll_response = cls(
            name=name,
            done=done,
            response=response,
            error=error,
        )

        veo_gen_vid_poll_response.additional_properties = d
        return veo_gen_vid_poll_response

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
