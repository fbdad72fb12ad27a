"""Contains all the data models used in inputs/outputs"""

from .creation_detail import CreationDetail
from .creation_detail_value_type_0 import CreationDetailValueType0
from .creation_detail_value_type_0_commits_type_0 import CreationDetailValueType0CommitsType0
from .creation_detail_value_type_0_outputs_type_0_item import CreationDetailValueType0OutputsType0Item
from .creation_detail_value_type_0_settings_type_0 import CreationDetailValueType0SettingsType0
from .creation_status import CreationStatus
from .creation_status_value_type_0 import CreationStatusValueType0
from .error import Error

__all__ = (
    "CreationDetail",
    "CreationDetailValueType0",
    "CreationDetailValueType0CommitsType0",
    "CreationDetailValueType0OutputsType0Item",
    "CreationDetailValueType0SettingsType0",
    "CreationStatus",
    "CreationStatusValueType0",
    "Error",
)
