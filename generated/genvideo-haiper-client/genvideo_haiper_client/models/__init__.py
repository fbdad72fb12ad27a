"""Contains all the data models used in inputs/outputs.

Each is imported on first use (PEP 562): an endpoint module imports the one or two models it needs,
not all of them (genvideo's first call otherwise paid for importing every model of the spec).
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .creation_detail import CreationDetail
    from .creation_detail_value_type_0 import CreationDetailValueType0
    from .creation_detail_value_type_0_commits_type_0 import CreationDetailValueType0CommitsType0
    from .creation_detail_value_type_0_outputs_type_0_item import CreationDetailValueType0OutputsType0Item
    from .creation_detail_value_type_0_settings_type_0 import CreationDetailValueType0SettingsType0
    from .creation_status import CreationStatus
    from .creation_status_value_type_0 import CreationStatusValueType0
    from .error import Error
    from .image_2_video_config import Image2VideoConfig
    from .image_2_video_request import Image2VideoRequest
    from .image_2_video_settings import Image2VideoSettings
    from .new_generation import NewGeneration
    from .new_generation_value_type_0 import NewGenerationValueType0
    from .text_2_video_request import Text2VideoRequest
    from .text_2_video_request_gen_mode import Text2VideoRequestGenMode
    from .text_2_video_settings import Text2VideoSettings

_MODULES = {
    "CreationDetail": ".creation_detail",
    "CreationDetailValueType0": ".creation_detail_value_type_0",
    "CreationDetailValueType0CommitsType0": ".creation_detail_value_type_0_commits_type_0",
    "CreationDetailValueType0OutputsType0Item": ".creation_detail_value_type_0_outputs_type_0_item",
    "CreationDetailValueType0SettingsType0": ".creation_detail_value_type_0_settings_type_0",
    "CreationStatus": ".creation_status",
    "CreationStatusValueType0": ".creation_status_value_type_0",
    "Error": ".error",
    "Image2VideoConfig": ".image_2_video_config",
    "Image2VideoRequest": ".image_2_video_request",
    "Image2VideoSettings": ".image_2_video_settings",
    "NewGeneration": ".new_generation",
    "NewGenerationValueType0": ".new_generation_value_type_0",
    "Text2VideoRequest": ".text_2_video_request",
    "Text2VideoRequestGenMode": ".text_2_video_request_gen_mode",
    "Text2VideoSettings": ".text_2_video_settings",
}


def __getattr__(name: str) -> Any:
    module = _MODULES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_MODULES})


__all__ = (
    "CreationDetail",
    "CreationDetailValueType0",
    "CreationDetailValueType0CommitsType0",
    "CreationDetailValueType0OutputsType0Item",
    "CreationDetailValueType0SettingsType0",
    "CreationStatus",
    "CreationStatusValueType0",
    "Error",
    "Image2VideoConfig",
    "Image2VideoRequest",
    "Image2VideoSettings",
    "NewGeneration",
    "NewGenerationValueType0",
    "Text2VideoRequest",
    "Text2VideoRequestGenMode",
    "Text2VideoSettings",
)
