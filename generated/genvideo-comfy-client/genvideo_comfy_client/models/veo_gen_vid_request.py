from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.veo_gen_vid_request_instances_item import VeoGenVidRequestInstancesItem
    from ..models.veo_gen_vid_request_parameters import VeoGenVidRequestParameters


T = TypeVar("T", bound="VeoGenVidRequest")


@_attrs_define
class VeoGenVidRequest:
    """
    Attributes:
        instances (list[VeoGenVidRequestInstancesItem] | Unset):
        parameters (VeoGenVidRequestParameters | Unset):
    """

    instances: list[VeoGenVidRequestInstancesItem] | Unset = UNSET
    parameters: VeoGenVidRequestParameters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        instances: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.instances, Unset):
            instances = []
            for instances_item_data in self.instances:
                instances_item = instances_item_data.to_dict()
                instances.append(instances_item)

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if instances is not UNSET:
            field_dict["instances"] = instances
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.veo_gen_vid_request_instances_item import VeoGenVidRequestInstancesItem  # noqa: PLC0415
        from ..models.veo_gen_vid_request_parameters import VeoGenVidRequestParameters  # noqa: PLC0415

        d = dict(src_dict)
        _instances = d.pop("instances", UNSET)
        instances: list[VeoGenVidRequestInstancesItem] | Unset = UNSET
        if _instances is not UNSET:
            instances = []
            for instances_item_data in _instances:
                instances_item = VeoGenVidRequestInstancesItem.from_dict(instances_item_data)

                instances.append(instances_item)

        _parameters = d.pop("parameters", UNSET)
        parameters: VeoGenVidRequestParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = VeoGenVidRequestParameters.from_dict(_parameters)

        veo_gen_vid_request = cls(
            instances=instances,
            parameters=parameters,
        )

        veo_gen_vid_request.additional_properties = d
        return veo_gen_vid_request

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
