from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.wan_video_generation_request_model import WanVideoGenerationRequestModel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.wan_video_generation_request_input import WanVideoGenerationRequestInput
    from ..models.wan_video_generation_request_parameters import WanVideoGenerationRequestParameters


T = TypeVar("T", bound="WanVideoGenerationRequest")


@_attrs_define
class WanVideoGenerationRequest:
    """
    Attributes:
        model (WanVideoGenerationRequestModel): The ID of the model to call
        input_ (WanVideoGenerationRequestInput): Enter basic information, such as prompt words, etc.
        parameters (WanVideoGenerationRequestParameters | Unset): Video processing parameters
    """

    model: WanVideoGenerationRequestModel
    input_: WanVideoGenerationRequestInput
    parameters: WanVideoGenerationRequestParameters | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        model = self.model.value

        input_ = self.input_.to_dict()

        parameters: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parameters, Unset):
            parameters = self.parameters.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "model": model,
                "input": input_,
            }
        )
        if parameters is not UNSET:
            field_dict["parameters"] = parameters

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wan_video_generation_request_input import WanVideoGenerationRequestInput  # noqa: PLC0415
        from ..models.wan_video_generation_request_parameters import WanVideoGenerationRequestParameters  # noqa: PLC0415

        d = dict(src_dict)
        model = WanVideoGenerationRequestModel(d.pop("model"))

        input_ = WanVideoGenerationRequestInput.from_dict(d.pop("input"))

        _parameters = d.pop("parameters", UNSET)
        parameters: WanVideoGenerationRequestParameters | Unset
        if isinstance(_parameters, Unset):
            parameters = UNSET
        else:
            parameters = WanVideoGenerationRequestParameters.from_dict(_parameters)

        wan_video_generation_request = cls(
            model=model,
            input_=input_,
            parameters=parameters,
        )

        wan_video_generation_request.additional_properties = d
        return wan_video_generation_request

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
