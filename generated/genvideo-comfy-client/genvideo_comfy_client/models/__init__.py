"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .vidu_creation import ViduCreation
from .vidu_extend_reply import ViduExtendReply
from .vidu_extend_request import ViduExtendRequest
from .vidu_get_creations_reply import ViduGetCreationsReply
from .vidu_get_creations_reply_blocked_resources_type_0_item import ViduGetCreationsReplyBlockedResourcesType0Item
from .vidu_image_setting import ViduImageSetting
from .vidu_multiframe_reply import ViduMultiframeReply
from .vidu_multiframe_request import ViduMultiframeRequest
from .vidu_task_reply import ViduTaskReply
from .vidu_task_reply_movement_amplitude import ViduTaskReplyMovementAmplitude
from .vidu_task_reply_style import ViduTaskReplyStyle
from .vidu_task_request import ViduTaskRequest
from .vidu_task_request_audio_type import ViduTaskRequestAudioType
from .vidu_task_request_movement_amplitude import ViduTaskRequestMovementAmplitude
from .vidu_task_request_style import ViduTaskRequestStyle

__all__ = (
    "Error",
    "ViduCreation",
    "ViduExtendReply",
    "ViduExtendRequest",
    "ViduGetCreationsReply",
    "ViduGetCreationsReplyBlockedResourcesType0Item",
    "ViduImageSetting",
    "ViduMultiframeReply",
    "ViduMultiframeRequest",
    "ViduTaskReply",
    "ViduTaskReplyMovementAmplitude",
    "ViduTaskReplyStyle",
    "ViduTaskRequest",
    "ViduTaskRequestAudioType",
    "ViduTaskRequestMovementAmplitude",
    "ViduTaskRequestStyle",
)
