from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.vidu_creation import ViduCreation
    from ..models.vidu_get_creations_reply_blocked_resources_type_0_item import (
        ViduGetCreationsReplyBlockedResourcesType0Item,
    )


T = TypeVar("T", bound="ViduGetCreationsReply")


@_attrs_define
class ViduGetCreationsReply:
    """
    Attributes:
        state (None | str | Unset):
        err_code (None | str | Unset):
        creations (list[ViduCreation] | None | Unset):
        id (None | str | Unset):
        progress (float | None | Unset): Task progress on a 0-100 scale (undeclared upstream; sent by the proxy).
        credits_ (int | None | Unset): Credits the task costs (undeclared upstream; sent by the proxy).
        blocked_resources (list[ViduGetCreationsReplyBlockedResourcesType0Item] | None | Unset): Inputs the provider's
            moderation blocked (undeclared upstream).
    """

    state: None | str | Unset = UNSET
    err_code: None | str | Unset = UNSET
    creations: list[ViduCreation] | None | Unset = UNSET
    id: None | str | Unset = UNSET
    progress: float | None | Unset = UNSET
    credits_: int | None | Unset = UNSET
    blocked_resources: list[ViduGetCreationsReplyBlockedResourcesType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state: None | str | Unset
        if isinstance(self.state, Unset):
            state = UNSET
        else:
            state = self.state

        err_code: None | str | Unset
        if isinstance(self.err_code, Unset):
            err_code = UNSET
        else:
            err_code = self.err_code

        creations: list[dict[str, Any]] | None | Unset
        if isinstance(self.creations, Unset):
            creations = UNSET
        elif isinstance(self.creations, list):
            creations = []
            for creations_type_0_item_data in self.creations:
                creations_type_0_item = creations_type_0_item_data.to_dict()
                creations.append(creations_type_0_item)

        else:
            creations = self.creations

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        progress: float | None | Unset
        if isinstance(self.progress, Unset):
            progress = UNSET
        else:
            progress = self.progress

        credits_: int | None | Unset
        if isinstance(self.credits_, Unset):
            credits_ = UNSET
        else:
            credits_ = self.credits_

        blocked_resources: list[dict[str, Any]] | None | Unset
        if isinstance(self.blocked_resources, Unset):
            blocked_resources = UNSET
        elif isinstance(self.blocked_resources, list):
            blocked_resources = []
            for blocked_resources_type_0_item_data in self.blocked_resources:
                blocked_resources_type_0_item = blocked_resources_type_0_item_data.to_dict()
                blocked_resources.append(blocked_resources_type_0_item)

        else:
            blocked_resources = self.blocked_resources

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if state is not UNSET:
            field_dict["state"] = state
        if err_code is not UNSET:
            field_dict["err_code"] = err_code
        if creations is not UNSET:
            field_dict["creations"] = creations
        if id is not UNSET:
            field_dict["id"] = id
        if progress is not UNSET:
            field_dict["progress"] = progress
        if credits_ is not UNSET:
            field_dict["credits"] = credits_
        if blocked_resources is not UNSET:
            field_dict["blocked_resources"] = blocked_resources

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vidu_creation import ViduCreation  # noqa: PLC0415
        from ..models.vidu_get_creations_reply_blocked_resources_type_0_item import (
            ViduGetCreationsReplyBlockedResourcesType0Item,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_state(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        state = _parse_state(d.pop("state", UNSET))

        def _parse_err_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        err_code = _parse_err_code(d.pop("err_code", UNSET))

        def _parse_creations(data: object) -> list[ViduCreation] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                creations_type_0 = []
                _creations_type_0 = data
                for creations_type_0_item_data in _creations_type_0:
                    creations_type_0_item = ViduCreation.from_dict(creations_type_0_item_data)

                    creations_type_0.append(creations_type_0_item)

                return creations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ViduCreation] | None | Unset, data)

        creations = _parse_creations(d.pop("creations", UNSET))

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_progress(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        progress = _parse_progress(d.pop("progress", UNSET))

        def _parse_credits_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        credits_ = _parse_credits_(d.pop("credits", UNSET))

        def _parse_blocked_resources(
            data: object,
        ) -> list[ViduGetCreationsReplyBlockedResourcesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                blocked_resources_type_0 = []
                _blocked_resources_type_0 = data
                for blocked_resources_type_0_item_data in _blocked_resources_type_0:
                    blocked_resources_type_0_item = ViduGetCreationsReplyBlockedResourcesType0Item.from_dict(
                        blocked_resources_type_0_item_data
                    )

                    blocked_resources_type_0.append(blocked_resources_type_0_item)

                return blocked_resources_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ViduGetCreationsReplyBlockedResourcesType0Item] | None | Unset, data)

        blocked_resources = _parse_blocked_resources(d.pop("blocked_resources", UNSET))

        vidu_get_creations_reply = cls(
            state=state,
            err_code=err_code,
            creations=creations,
            id=id,
            progress=progress,
            credits_=credits_,
            blocked_resources=blocked_resources,
        )

        vidu_get_creations_reply.additional_properties = d
        return vidu_get_creations_reply

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
