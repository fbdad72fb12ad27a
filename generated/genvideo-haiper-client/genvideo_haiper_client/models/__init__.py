"""Contains all the data models used in inputs/outputs"""

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
