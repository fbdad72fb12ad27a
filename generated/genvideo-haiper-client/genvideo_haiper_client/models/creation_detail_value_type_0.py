from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.creation_detail_value_type_0_commits_type_0 import CreationDetailValueType0CommitsType0
    from ..models.creation_detail_value_type_0_outputs_type_0_item import CreationDetailValueType0OutputsType0Item
    from ..models.creation_detail_value_type_0_settings_type_0 import CreationDetailValueType0SettingsType0


T = TypeVar("T", bound="CreationDetailValueType0")


@_attrs_define
class CreationDetailValueType0:
    """
    Attributes:
        creation_id (None | str | Unset):
        user_id (None | str | Unset):
        username (None | str | Unset):
        avatar (None | str | Unset):
        type_ (None | str | Unset):
        input_type (None | str | Unset):
        prompt (None | str | Unset):
        negative_prompt (None | str | Unset):
        create_time (None | str | Unset):
        update_time (None | str | Unset):
        status (None | str | Unset):
        video_url (None | str | Unset):
        thumbnail_url (None | str | Unset):
        settings (CreationDetailValueType0SettingsType0 | None | Unset):
        commits (CreationDetailValueType0CommitsType0 | None | Unset):
        output_type (None | str | Unset):
        outputs (list[CreationDetailValueType0OutputsType0Item] | None | Unset):
    """

    creation_id: None | str | Unset = UNSET
    user_id: None | str | Unset = UNSET
    username: None | str | Unset = UNSET
    avatar: None | str | Unset = UNSET
    type_: None | str | Unset = UNSET
    input_type: None | str | Unset = UNSET
    prompt: None | str | Unset = UNSET
    negative_prompt: None | str | Unset = UNSET
    create_time: None | str | Unset = UNSET
    update_time: None | str | Unset = UNSET
    status: None | str | Unset = UNSET
    video_url: None | str | Unset = UNSET
    thumbnail_url: None | str | Unset = UNSET
    settings: CreationDetailValueType0SettingsType0 | None | Unset = UNSET
    commits: CreationDetailValueType0CommitsType0 | None | Unset = UNSET
    output_type: None | str | Unset = UNSET
    outputs: list[CreationDetailValueType0OutputsType0Item] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.creation_detail_value_type_0_commits_type_0 import CreationDetailValueType0CommitsType0  # noqa: PLC0415
        from ..models.creation_detail_value_type_0_settings_type_0 import CreationDetailValueType0SettingsType0  # noqa: PLC0415

        creation_id: None | str | Unset
        if isinstance(self.creation_id, Unset):
            creation_id = UNSET
        else:
            creation_id = self.creation_id

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username

        avatar: None | str | Unset
        if isinstance(self.avatar, Unset):
            avatar = UNSET
        else:
            avatar = self.avatar

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        input_type: None | str | Unset
        if isinstance(self.input_type, Unset):
            input_type = UNSET
        else:
            input_type = self.input_type

        prompt: None | str | Unset
        if isinstance(self.prompt, Unset):
            prompt = UNSET
        else:
            prompt = self.prompt

        negative_prompt: None | str | Unset
        if isinstance(self.negative_prompt, Unset):
            negative_prompt = UNSET
        else:
            negative_prompt = self.negative_prompt

        create_time: None | str | Unset
        if isinstance(self.create_time, Unset):
            create_time = UNSET
        else:
            create_time = self.create_time

        update_time: None | str | Unset
        if isinstance(self.update_time, Unset):
            update_time = UNSET
        else:
            update_time = self.update_time

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        else:
            status = self.status

        video_url: None | str | Unset
        if isinstance(self.video_url, Unset):
            video_url = UNSET
        else:
            video_url = self.video_url

        thumbnail_url: None | str | Unset
        if isinstance(self.thumbnail_url, Unset):
            thumbnail_url = UNSET
        else:
            thumbnail_url = self.thumbnail_url

        settings: dict[str, Any] | None | Unset
        if isinstance(self.settings, Unset):
            settings = UNSET
        elif isinstance(self.settings, CreationDetailValueType0SettingsType0):
            settings = self.settings.to_dict()
        else:
            settings = self.settings

        commits: dict[str, Any] | None | Unset
        if isinstance(self.commits, Unset):
            commits = UNSET
        elif isinstance(self.commits, CreationDetailValueType0CommitsType0):
            commits = self.commits.to_dict()
        else:
            commits = self.commits

        output_type: None | str | Unset
        if isinstance(self.output_type, Unset):
            output_type = UNSET
        else:
            output_type = self.output_type

        outputs: list[dict[str, Any]] | None | Unset
        if isinstance(self.outputs, Unset):
            outputs = UNSET
        elif isinstance(self.outputs, list):
            outputs = []
            for outputs_type_0_item_data in self.outputs:
                outputs_type_0_item = outputs_type_0_item_data.to_dict()
                outputs.append(outputs_type_0_item)

        else:
            outputs = self.outputs

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if creation_id is not UNSET:
            field_dict["creation_id"] = creation_id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if username is not UNSET:
            field_dict["username"] = username
        if avatar is not UNSET:
            field_dict["avatar"] = avatar
        if type_ is not UNSET:
            field_dict["type"] = type_
        if input_type is not UNSET:
            field_dict["input_type"] = input_type
        if prompt is not UNSET:
            field_dict["prompt"] = prompt
        if negative_prompt is not UNSET:
            field_dict["negative_prompt"] = negative_prompt
        if create_time is not UNSET:
            field_dict["create_time"] = create_time
        if update_time is not UNSET:
            field_dict["update_time"] = update_time
        if status is not UNSET:
            field_dict["status"] = status
        if video_url is not UNSET:
            field_dict["video_url"] = video_url
        if thumbnail_url is not UNSET:
            field_dict["thumbnail_url"] = thumbnail_url
        if settings is not UNSET:
            field_dict["settings"] = settings
        if commits is not UNSET:
            field_dict["commits"] = commits
        if output_type is not UNSET:
            field_dict["output_type"] = output_type
        if outputs is not UNSET:
            field_dict["outputs"] = outputs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.creation_detail_value_type_0_commits_type_0 import CreationDetailValueType0CommitsType0  # noqa: PLC0415
        from ..models.creation_detail_value_type_0_outputs_type_0_item import CreationDetailValueType0OutputsType0Item  # noqa: PLC0415
        from ..models.creation_detail_value_type_0_settings_type_0 import CreationDetailValueType0SettingsType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_creation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        creation_id = _parse_creation_id(d.pop("creation_id", UNSET))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))

        def _parse_username(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        username = _parse_username(d.pop("username", UNSET))

        def _parse_avatar(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        avatar = _parse_avatar(d.pop("avatar", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        def _parse_input_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        input_type = _parse_input_type(d.pop("input_type", UNSET))

        def _parse_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prompt = _parse_prompt(d.pop("prompt", UNSET))

        def _parse_negative_prompt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        negative_prompt = _parse_negative_prompt(d.pop("negative_prompt", UNSET))

        def _parse_create_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        create_time = _parse_create_time(d.pop("create_time", UNSET))

        def _parse_update_time(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        update_time = _parse_update_time(d.pop("update_time", UNSET))

        def _parse_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_video_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        video_url = _parse_video_url(d.pop("video_url", UNSET))

        def _parse_thumbnail_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thumbnail_url = _parse_thumbnail_url(d.pop("thumbnail_url", UNSET))

        def _parse_settings(data: object) -> CreationDetailValueType0SettingsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                settings_type_0 = CreationDetailValueType0SettingsType0.from_dict(data)

                return settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreationDetailValueType0SettingsType0 | None | Unset, data)

        settings = _parse_settings(d.pop("settings", UNSET))

        def _parse_commits(data: object) -> CreationDetailValueType0CommitsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                commits_type_0 = CreationDetailValueType0CommitsType0.from_dict(data)

                return commits_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CreationDetailValueType0CommitsType0 | None | Unset, data)

        commits = _parse_commits(d.pop("commits", UNSET))

        def _parse_output_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        output_type = _parse_output_type(d.pop("output_type", UNSET))

        def _parse_outputs(data: object) -> list[CreationDetailValueType0OutputsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                outputs_type_0 = []
                _outputs_type_0 = data
                for outputs_type_0_item_data in _outputs_type_0:
                    outputs_type_0_item = CreationDetailValueType0OutputsType0Item.from_dict(outputs_type_0_item_data)

                    outputs_type_0.append(outputs_type_0_item)

                return outputs_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CreationDetailValueType0OutputsType0Item] | None | Unset, data)

        outputs = _parse_outputs(d.pop("outputs", UNSET))

        creation_detail_value_type_0 = cls(
            creation_id=creation_id,
            user_id=user_id,
            username=username,
            avatar=avatar,
            type_=type_,
            input_type=input_type,
            prompt=prompt,
            negative_prompt=negative_prompt,
            create_time=create_time,
            update_time=update_time,
            status=status,
            video_url=video_url,
            thumbnail_url=thumbnail_url,
            settings=settings,
            commits=commits,
            output_type=output_type,
            outputs=outputs,
        )

        creation_detail_value_type_0.additional_properties = d
        return creation_detail_value_type_0

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
