from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.pixverse_video_response_resp_type_0 import PixverseVideoResponseRespType0


T = TypeVar("T", bound="PixverseVideoResponse")


@_attrs_define
class PixverseVideoResponse:
    """
    Attributes:
        err_code (int | Unset):
        err_msg (str | Unset):
        resp (None | PixverseVideoResponseRespType0 | Unset):
    """

    err_code: int | Unset = UNSET
    err_msg: str | Unset = UNSET
    resp: None | PixverseVideoResponseRespType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.pixverse_video_response_resp_type_0 import PixverseVideoResponseRespType0  # noqa: PLC0415

        err_code = self.err_code

        err_msg = self.err_msg

        resp: dict[str, Any] | None | Unset
        if isinstance(self.resp, Unset):
            resp = UNSET
        elif isinstance(self.resp, PixverseVideoResponseRespType0):
            resp = self.resp.to_dict()
        else:
            resp = self.resp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if err_code is not UNSET:
            field_dict["ErrCode"] = err_code
        if err_msg is not UNSET:
            field_dict["ErrMsg"] = err_msg
        if resp is not UNSET:
            field_dict["Resp"] = resp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pixverse_video_response_resp_type_0 import PixverseVideoResponseRespType0  # noqa: PLC0415

        d = dict(src_dict)
        err_code = d.pop("ErrCode", UNSET)

        err_msg = d.pop("ErrMsg", UNSET)

        def _parse_resp(data: object) -> None | PixverseVideoResponseRespType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                resp_type_0 = PixverseVideoResponseRespType0.from_dict(data)

                return resp_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PixverseVideoResponseRespType0 | Unset, data)

        resp = _parse_resp(d.pop("Resp", UNSET))

        pixverse_video_response = cls(
            err_code=err_code,
            err_msg=err_msg,
            resp=resp,
        )

        pixverse_video_response.additional_properties = d
        return pixverse_video_response

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
