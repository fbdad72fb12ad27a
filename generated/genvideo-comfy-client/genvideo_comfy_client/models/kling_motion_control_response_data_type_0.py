from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.kling_motion_control_response_data_type_0_task_info_type_0 import (
        KlingMotionControlResponseDataType0TaskInfoType0,
    )
    from ..models.kling_motion_control_response_data_type_0_task_result_type_0 import (
        KlingMotionControlResponseDataType0TaskResultType0,
    )
    from ..models.kling_motion_control_response_data_type_0_watermark_info_type_0 import (
        KlingMotionControlResponseDataType0WatermarkInfoType0,
    )


T = TypeVar("T", bound="KlingMotionControlResponseDataType0")


@_attrs_define
class KlingMotionControlResponseDataType0:
    """
    Attributes:
        task_id (None | str | Unset): Task ID
        task_status (None | str | Unset): Task Status
        task_status_msg (None | str | Unset): Task status information, displaying the failure reason when the task fails
        task_info (KlingMotionControlResponseDataType0TaskInfoType0 | None | Unset):
        watermark_info (KlingMotionControlResponseDataType0WatermarkInfoType0 | None | Unset):
        final_unit_deduction (None | str | Unset): The deduction units of task
        created_at (int | None | Unset): Task creation time, Unix timestamp, unit ms
        updated_at (int | None | Unset): Task update time, Unix timestamp, unit ms
        task_result (KlingMotionControlResponseDataType0TaskResultType0 | None | Unset):
    """

    task_id: None | str | Unset = UNSET
    task_status: None | str | Unset = UNSET
    task_status_msg: None | str | Unset = UNSET
    task_info: KlingMotionControlResponseDataType0TaskInfoType0 | None | Unset = UNSET
    watermark_info: KlingMotionControlResponseDataType0WatermarkInfoType0 | None | Unset = UNSET
    final_unit_deduction: None | str | Unset = UNSET
    created_at: int | None | Unset = UNSET
    updated_at: int | None | Unset = UNSET
    task_result: KlingMotionControlResponseDataType0TaskResultType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.kling_motion_control_response_data_type_0_task_info_type_0 import (
            KlingMotionControlResponseDataType0TaskInfoType0,  # noqa: PLC0415
        )
        from ..models.kling_motion_control_response_data_type_0_task_result_type_0 import (
            KlingMotionControlResponseDataType0TaskResultType0,  # noqa: PLC0415
        )
        from ..models.kling_motion_control_response_data_type_0_watermark_info_type_0 import (
            KlingMotionControlResponseDataType0WatermarkInfoType0,  # noqa: PLC0415
        )

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        task_status: None | str | Unset
        if isinstance(self.task_status, Unset):
            task_status = UNSET
        else:
            task_status = self.task_status

        task_status_msg: None | str | Unset
        if isinstance(self.task_status_msg, Unset):
            task_status_msg = UNSET
        else:
            task_status_msg = self.task_status_msg

        task_info: dict[str, Any] | None | Unset
        if isinstance(self.task_info, Unset):
            task_info = UNSET
        elif isinstance(self.task_info, KlingMotionControlResponseDataType0TaskInfoType0):
            task_info = self.task_info.to_dict()
        else:
            task_info = self.task_info

        watermark_info: dict[str, Any] | None | Unset
        if isinstance(self.watermark_info, Unset):
            watermark_info = UNSET
        elif isinstance(self.watermark_info, KlingMotionControlResponseDataType0WatermarkInfoType0):
            watermark_info = self.watermark_info.to_dict()
        else:
            watermark_info = self.watermark_info

        final_unit_deduction: None | str | Unset
        if isinstance(self.final_unit_deduction, Unset):
            final_unit_deduction = UNSET
        else:
            final_unit_deduction = self.final_unit_deduction

        created_at: int | None | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        else:
            created_at = self.created_at

        updated_at: int | None | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        task_result: dict[str, Any] | None | Unset
        if isinstance(self.task_result, Unset):
            task_result = UNSET
        elif isinstance(self.task_result, KlingMotionControlResponseDataType0TaskResultType0):
            task_result = self.task_result.to_dict()
        else:
            task_result = self.task_result

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if task_status is not UNSET:
            field_dict["task_status"] = task_status
        if task_status_msg is not UNSET:
            field_dict["task_status_msg"] = task_status_msg
        if task_info is not UNSET:
            field_dict["task_info"] = task_info
        if watermark_info is not UNSET:
            field_dict["watermark_info"] = watermark_info
        if final_unit_deduction is not UNSET:
            field_dict["final_unit_deduction"] = final_unit_deduction
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if task_result is not UNSET:
            field_dict["task_result"] = task_result

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kling_motion_control_response_data_type_0_task_info_type_0 import (
            KlingMotionControlResponseDataType0TaskInfoType0,  # noqa: PLC0415
        )
        from ..models.kling_motion_control_response_data_type_0_task_result_type_0 import (
            KlingMotionControlResponseDataType0TaskResultType0,  # noqa: PLC0415
        )
        from ..models.kling_motion_control_response_data_type_0_watermark_info_type_0 import (
            KlingMotionControlResponseDataType0WatermarkInfoType0,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        def _parse_task_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_status = _parse_task_status(d.pop("task_status", UNSET))

        def _parse_task_status_msg(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_status_msg = _parse_task_status_msg(d.pop("task_status_msg", UNSET))

        def _parse_task_info(data: object) -> KlingMotionControlResponseDataType0TaskInfoType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                task_info_type_0 = KlingMotionControlResponseDataType0TaskInfoType0.from_dict(data)

                return task_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KlingMotionControlResponseDataType0TaskInfoType0 | None | Unset, data)

        task_info = _parse_task_info(d.pop("task_info", UNSET))

        def _parse_watermark_info(data: object) -> KlingMotionControlResponseDataType0WatermarkInfoType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                watermark_info_type_0 = KlingMotionControlResponseDataType0WatermarkInfoType0.from_dict(data)

                return watermark_info_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KlingMotionControlResponseDataType0WatermarkInfoType0 | None | Unset, data)

        watermark_info = _parse_watermark_info(d.pop("watermark_info", UNSET))

        def _parse_final_unit_deduction(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        final_unit_deduction = _parse_final_unit_deduction(d.pop("final_unit_deduction", UNSET))

        def _parse_created_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_updated_at(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        def _parse_task_result(data: object) -> KlingMotionControlResponseDataType0TaskResultType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                task_result_type_0 = KlingMotionControlResponseDataType0TaskResultType0.from_dict(data)

                return task_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(KlingMotionControlResponseDataType0TaskResultType0 | None | Unset, data)

        task_result = _parse_task_result(d.pop("task_result", UNSET))

        kling_motion_control_response_data_type_0 = cls(
            task_id=task_id,
            task_status=task_status,
            task_status_msg=task_status_msg,
            task_info=task_info,
            watermark_info=watermark_info,
            final_unit_deduction=final_unit_deduction,
            created_at=created_at,
            updated_at=updated_at,
            task_result=task_result,
        )

        kling_motion_control_response_data_type_0.additional_properties = d
        return kling_motion_control_response_data_type_0

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
