from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.topaz_create_request_video_schema_destination import TopazCreateRequestVideoSchemaDestination
    from ..models.topaz_create_request_video_schema_overrides import TopazCreateRequestVideoSchemaOverrides
    from ..models.topaz_create_request_video_schema_source import TopazCreateRequestVideoSchemaSource
    from ..models.topaz_output_information_video import TopazOutputInformationVideo
    from ..models.topaz_video_enhancement_filter import TopazVideoEnhancementFilter
    from ..models.topaz_video_frame_interpolation_filter import TopazVideoFrameInterpolationFilter


T = TypeVar("T", bound="TopazCreateRequestVideoSchema")


@_attrs_define
class TopazCreateRequestVideoSchema:
    """
    Attributes:
        source (TopazCreateRequestVideoSchemaSource): Source details for the video
        filters (list[TopazVideoEnhancementFilter | TopazVideoFrameInterpolationFilter]): Array of EnhancementFilter or
            FrameInterpolationFilter objects Example: [{'model': 'prob-4', 'videoType': 'Progressive', 'auto': 'Auto',
            'fieldOrder': 'Auto', 'focusFixLevel': 'Normal', 'compression': 0.1, 'details': 0.2, 'prenoise': 0.01, 'noise':
            0.3, 'halo': 0.4, 'preblur': 0.5, 'blur': 0.6, 'grain': 0.02, 'grainSize': 1, 'recoverOriginalDetailValue':
            0.7}, {'model': 'apo-8', 'slowmo': 2, 'fps': 60, 'duplicate': True, 'duplicateThreshold': 0.01}].
        output (TopazOutputInformationVideo):
        destination (TopazCreateRequestVideoSchemaDestination | Unset):
        overrides (TopazCreateRequestVideoSchemaOverrides | Unset):
    """

    source: TopazCreateRequestVideoSchemaSource
    filters: list[TopazVideoEnhancementFilter | TopazVideoFrameInterpolationFilter]
    output: TopazOutputInformationVideo
    destination: TopazCreateRequestVideoSchemaDestination | Unset = UNSET
    overrides: TopazCreateRequestVideoSchemaOverrides | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.topaz_video_enhancement_filter import TopazVideoEnhancementFilter  # noqa: PLC0415

        source = self.source.to_dict()

        filters = []
        for componentsschemas_topaz_input_filters_item_data in self.filters:
            componentsschemas_topaz_input_filters_item: dict[str, Any]
            if isinstance(componentsschemas_topaz_input_filters_item_data, TopazVideoEnhancementFilter):
                componentsschemas_topaz_input_filters_item = componentsschemas_topaz_input_filters_item_data.to_dict()
            else:
                componentsschemas_topaz_input_filters_item = componentsschemas_topaz_input_filters_item_data.to_dict()

            filters.append(componentsschemas_topaz_input_filters_item)

        output = self.output.to_dict()

        destination: dict[str, Any] | Unset = UNSET
        if not isinstance(self.destination, Unset):
            destination = self.destination.to_dict()

        overrides: dict[str, Any] | Unset = UNSET
        if not isinstance(self.overrides, Unset):
            overrides = self.overrides.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "filters": filters,
                "output": output,
            }
        )
        if destination is not UNSET:
            field_dict["destination"] = destination
        if overrides is not UNSET:
            field_dict["overrides"] = overrides

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.topaz_create_request_video_schema_destination import TopazCreateRequestVideoSchemaDestination  # noqa: PLC0415
        from ..models.topaz_create_request_video_schema_overrides import TopazCreateRequestVideoSchemaOverrides  # noqa: PLC0415
        from ..models.topaz_create_request_video_schema_source import TopazCreateRequestVideoSchemaSource  # noqa: PLC0415
        from ..models.topaz_output_information_video import TopazOutputInformationVideo  # noqa: PLC0415
        from ..models.topaz_video_enhancement_filter import TopazVideoEnhancementFilter  # noqa: PLC0415
        from ..models.topaz_video_frame_interpolation_filter import TopazVideoFrameInterpolationFilter  # noqa: PLC0415

        d = dict(src_dict)
        source = TopazCreateRequestVideoSchemaSource.from_dict(d.pop("source"))

        filters = []
        _filters = d.pop("filters")
        for componentsschemas_topaz_input_filters_item_data in _filters:

            def _parse_componentsschemas_topaz_input_filters_item(
                data: object,
            ) -> TopazVideoEnhancementFilter | TopazVideoFrameInterpolationFilter:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_topaz_input_filters_item_type_0 = TopazVideoEnhancementFilter.from_dict(data)

                    return componentsschemas_topaz_input_filters_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                componentsschemas_topaz_input_filters_item_type_1 = TopazVideoFrameInterpolationFilter.from_dict(data)

                return componentsschemas_topaz_input_filters_item_type_1

            componentsschemas_topaz_input_filters_item = _parse_componentsschemas_topaz_input_filters_item(
                componentsschemas_topaz_input_filters_item_data
            )

            filters.append(componentsschemas_topaz_input_filters_item)

        output = TopazOutputInformationVideo.from_dict(d.pop("output"))

        _destination = d.pop("destination", UNSET)
        destination: TopazCreateRequestVideoSchemaDestination | Unset
        if isinstance(_destination, Unset):
            destination = UNSET
        else:
            destination = TopazCreateRequestVideoSchemaDestination.from_dict(_destination)

        _overrides = d.pop("overrides", UNSET)
        overrides: TopazCreateRequestVideoSchemaOverrides | Unset
        if isinstance(_overrides, Unset):
            overrides = UNSET
        else:
            overrides = TopazCreateRequestVideoSchemaOverrides.from_dict(_overrides)

        topaz_create_request_video_schema = cls(
            source=source,
            filters=filters,
            output=output,
            destination=destination,
            overrides=overrides,
        )

        topaz_create_request_video_schema.additional_properties = d
        return topaz_create_request_video_schema

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
