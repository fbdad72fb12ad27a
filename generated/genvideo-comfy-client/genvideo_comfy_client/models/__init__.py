"""Contains all the data models used in inputs/outputs.

Each is imported on first use (PEP 562): an endpoint module imports the one or two models it needs,
not all of them (genvideo's first call otherwise paid for importing every model of the spec).
"""

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bria_async_response import BriaAsyncResponse
    from .bria_error_response import BriaErrorResponse
    from .bria_error_response_error import BriaErrorResponseError
    from .bria_status_not_found_response import BriaStatusNotFoundResponse
    from .bria_status_not_found_response_status import BriaStatusNotFoundResponseStatus
    from .bria_status_response import BriaStatusResponse
    from .bria_status_response_error import BriaStatusResponseError
    from .bria_status_response_result import BriaStatusResponseResult
    from .bria_video_remove_background_request import BriaVideoRemoveBackgroundRequest
    from .bria_video_remove_background_request_background_color import BriaVideoRemoveBackgroundRequestBackgroundColor
    from .bria_video_remove_background_request_output_container_and_codec import (
        BriaVideoRemoveBackgroundRequestOutputContainerAndCodec,
    )
    from .byte_plus_video_generation_content import BytePlusVideoGenerationContent
    from .byte_plus_video_generation_content_image_url import BytePlusVideoGenerationContentImageUrl
    from .byte_plus_video_generation_content_type import BytePlusVideoGenerationContentType
    from .byte_plus_video_generation_query_response import BytePlusVideoGenerationQueryResponse
    from .byte_plus_video_generation_query_response_content_type_0 import (
        BytePlusVideoGenerationQueryResponseContentType0,
    )
    from .byte_plus_video_generation_query_response_error_type_0 import BytePlusVideoGenerationQueryResponseErrorType0
    from .byte_plus_video_generation_query_response_usage_type_0 import BytePlusVideoGenerationQueryResponseUsageType0
    from .byte_plus_video_generation_request import BytePlusVideoGenerationRequest
    from .byte_plus_video_generation_request_model import BytePlusVideoGenerationRequestModel
    from .byte_plus_video_generation_response import BytePlusVideoGenerationResponse
    from .create_customer_storage_resource_body import CreateCustomerStorageResourceBody
    from .customer_storage_resource_response import CustomerStorageResourceResponse
    from .error import Error
    from .error_response import ErrorResponse
    from .hit_paw_error_response import HitPawErrorResponse
    from .hit_paw_job_response import HitPawJobResponse
    from .hit_paw_job_response_data import HitPawJobResponseData
    from .hit_paw_task_status_request import HitPawTaskStatusRequest
    from .hit_paw_task_status_response import HitPawTaskStatusResponse
    from .hit_paw_task_status_response_data import HitPawTaskStatusResponseData
    from .hit_paw_video_enhancer_request import HitPawVideoEnhancerRequest
    from .hit_paw_video_enhancer_request_model_name import HitPawVideoEnhancerRequestModelName
    from .kling_camera_config import KlingCameraConfig
    from .kling_camera_control import KlingCameraControl
    from .kling_camera_control_type import KlingCameraControlType
    from .kling_error_response import KlingErrorResponse
    from .kling_image_2_video_request import KlingImage2VideoRequest
    from .kling_image_2_video_request_dynamic_masks_item import KlingImage2VideoRequestDynamicMasksItem
    from .kling_image_2_video_request_dynamic_masks_item_trajectories_item import (
        KlingImage2VideoRequestDynamicMasksItemTrajectoriesItem,
    )
    from .kling_image_2_video_request_element_list_item import KlingImage2VideoRequestElementListItem
    from .kling_image_2_video_request_multi_prompt_item import KlingImage2VideoRequestMultiPromptItem
    from .kling_image_2_video_request_shot_type import KlingImage2VideoRequestShotType
    from .kling_image_2_video_request_sound import KlingImage2VideoRequestSound
    from .kling_image_2_video_request_watermark_info import KlingImage2VideoRequestWatermarkInfo
    from .kling_image_2_video_response import KlingImage2VideoResponse
    from .kling_image_2_video_response_data_type_0 import KlingImage2VideoResponseDataType0
    from .kling_image_2_video_response_data_type_0_task_info_type_0 import (
        KlingImage2VideoResponseDataType0TaskInfoType0,
    )
    from .kling_image_2_video_response_data_type_0_task_result_type_0 import (
        KlingImage2VideoResponseDataType0TaskResultType0,
    )
    from .kling_image_2_video_response_data_type_0_watermark_info_type_0 import (
        KlingImage2VideoResponseDataType0WatermarkInfoType0,
    )
    from .kling_motion_control_request import KlingMotionControlRequest
    from .kling_motion_control_request_character_orientation import KlingMotionControlRequestCharacterOrientation
    from .kling_motion_control_request_element_list_item import KlingMotionControlRequestElementListItem
    from .kling_motion_control_request_keep_original_sound import KlingMotionControlRequestKeepOriginalSound
    from .kling_motion_control_request_mode import KlingMotionControlRequestMode
    from .kling_motion_control_request_model_name import KlingMotionControlRequestModelName
    from .kling_motion_control_request_watermark_info import KlingMotionControlRequestWatermarkInfo
    from .kling_motion_control_response import KlingMotionControlResponse
    from .kling_motion_control_response_data_type_0 import KlingMotionControlResponseDataType0
    from .kling_motion_control_response_data_type_0_task_info_type_0 import (
        KlingMotionControlResponseDataType0TaskInfoType0,
    )
    from .kling_motion_control_response_data_type_0_task_result_type_0 import (
        KlingMotionControlResponseDataType0TaskResultType0,
    )
    from .kling_motion_control_response_data_type_0_watermark_info_type_0 import (
        KlingMotionControlResponseDataType0WatermarkInfoType0,
    )
    from .kling_motion_control_video_result import KlingMotionControlVideoResult
    from .kling_text_2_video_request import KlingText2VideoRequest
    from .kling_text_2_video_request_multi_prompt_item import KlingText2VideoRequestMultiPromptItem
    from .kling_text_2_video_request_shot_type import KlingText2VideoRequestShotType
    from .kling_text_2_video_request_sound import KlingText2VideoRequestSound
    from .kling_text_2_video_request_watermark_info import KlingText2VideoRequestWatermarkInfo
    from .kling_text_2_video_response import KlingText2VideoResponse
    from .kling_text_2_video_response_data_type_0 import KlingText2VideoResponseDataType0
    from .kling_text_2_video_response_data_type_0_task_info_type_0 import KlingText2VideoResponseDataType0TaskInfoType0
    from .kling_text_2_video_response_data_type_0_task_result_type_0 import (
        KlingText2VideoResponseDataType0TaskResultType0,
    )
    from .kling_text_2_video_response_data_type_0_watermark_info_type_0 import (
        KlingText2VideoResponseDataType0WatermarkInfoType0,
    )
    from .kling_text_to_video_model_name import KlingTextToVideoModelName
    from .kling_video_gen_aspect_ratio import KlingVideoGenAspectRatio
    from .kling_video_gen_duration import KlingVideoGenDuration
    from .kling_video_gen_mode import KlingVideoGenMode
    from .kling_video_gen_model_name import KlingVideoGenModelName
    from .kling_video_result import KlingVideoResult
    from .ltx_image_2_video_request import LTXImage2VideoRequest
    from .ltx_image_2_video_request_duration import LTXImage2VideoRequestDuration
    from .ltx_image_2_video_request_fps import LTXImage2VideoRequestFps
    from .ltx_image_2_video_request_model import LTXImage2VideoRequestModel
    from .ltx_image_2_video_request_resolution import LTXImage2VideoRequestResolution
    from .ltx_text_2_video_request import LTXText2VideoRequest
    from .ltx_text_2_video_request_duration import LTXText2VideoRequestDuration
    from .ltx_text_2_video_request_fps import LTXText2VideoRequestFps
    from .ltx_text_2_video_request_model import LTXText2VideoRequestModel
    from .ltx_text_2_video_request_resolution import LTXText2VideoRequestResolution
    from .luma_aspect_ratio import LumaAspectRatio
    from .luma_assets_type_0 import LumaAssetsType0
    from .luma_audio_generation_request import LumaAudioGenerationRequest
    from .luma_audio_generation_request_generation_type import LumaAudioGenerationRequestGenerationType
    from .luma_error import LumaError
    from .luma_generation import LumaGeneration
    from .luma_generation_reference import LumaGenerationReference
    from .luma_generation_reference_type import LumaGenerationReferenceType
    from .luma_generation_request import LumaGenerationRequest
    from .luma_generation_request_generation_type import LumaGenerationRequestGenerationType
    from .luma_generation_type import LumaGenerationType
    from .luma_image_generation_request import LumaImageGenerationRequest
    from .luma_image_generation_request_character_ref import LumaImageGenerationRequestCharacterRef
    from .luma_image_generation_request_generation_type import LumaImageGenerationRequestGenerationType
    from .luma_image_identity import LumaImageIdentity
    from .luma_image_model import LumaImageModel
    from .luma_image_ref import LumaImageRef
    from .luma_image_reference import LumaImageReference
    from .luma_image_reference_type import LumaImageReferenceType
    from .luma_keyframes import LumaKeyframes
    from .luma_modify_image_ref import LumaModifyImageRef
    from .luma_upscale_video_generation_request import LumaUpscaleVideoGenerationRequest
    from .luma_upscale_video_generation_request_generation_type import LumaUpscaleVideoGenerationRequestGenerationType
    from .luma_video_model import LumaVideoModel
    from .luma_video_model_output_duration_type_0 import LumaVideoModelOutputDurationType0
    from .luma_video_model_output_resolution_type_0 import LumaVideoModelOutputResolutionType0
    from .minimax_base_response import MinimaxBaseResponse
    from .minimax_file_retrieve_response import MinimaxFileRetrieveResponse
    from .minimax_file_retrieve_response_file import MinimaxFileRetrieveResponseFile
    from .minimax_task_result_response import MinimaxTaskResultResponse
    from .minimax_video_generation_request import MinimaxVideoGenerationRequest
    from .minimax_video_generation_request_duration import MinimaxVideoGenerationRequestDuration
    from .minimax_video_generation_request_model import MinimaxVideoGenerationRequestModel
    from .minimax_video_generation_request_resolution import MinimaxVideoGenerationRequestResolution
    from .minimax_video_generation_request_subject_reference_item import (
        MinimaxVideoGenerationRequestSubjectReferenceItem,
    )
    from .minimax_video_generation_response import MinimaxVideoGenerationResponse
    from .moonvalley_image_to_video_request import MoonvalleyImageToVideoRequest
    from .moonvalley_image_to_video_request_keyframes import MoonvalleyImageToVideoRequestKeyframes
    from .moonvalley_image_to_video_request_keyframes_additional_property import (
        MoonvalleyImageToVideoRequestKeyframesAdditionalProperty,
    )
    from .moonvalley_prompt_response import MoonvalleyPromptResponse
    from .moonvalley_prompt_response_error_type_0 import MoonvalleyPromptResponseErrorType0
    from .moonvalley_prompt_response_frame_conditioning import MoonvalleyPromptResponseFrameConditioning
    from .moonvalley_prompt_response_inference_params import MoonvalleyPromptResponseInferenceParams
    from .moonvalley_prompt_response_meta import MoonvalleyPromptResponseMeta
    from .moonvalley_prompt_response_model_params import MoonvalleyPromptResponseModelParams
    from .moonvalley_text_to_video_inference_params import MoonvalleyTextToVideoInferenceParams
    from .moonvalley_text_to_video_request import MoonvalleyTextToVideoRequest
    from .moonvalley_upload_file_request import MoonvalleyUploadFileRequest
    from .moonvalley_upload_file_response import MoonvalleyUploadFileResponse
    from .moonvalley_video_to_video_inference_params import MoonvalleyVideoToVideoInferenceParams
    from .moonvalley_video_to_video_inference_params_control_params import (
        MoonvalleyVideoToVideoInferenceParamsControlParams,
    )
    from .moonvalley_video_to_video_request import MoonvalleyVideoToVideoRequest
    from .moonvalley_video_to_video_request_control_type import MoonvalleyVideoToVideoRequestControlType
    from .open_ai_video_create_request import OpenAIVideoCreateRequest
    from .open_ai_video_create_request_model import OpenAIVideoCreateRequestModel
    from .open_ai_video_create_request_seconds import OpenAIVideoCreateRequestSeconds
    from .open_ai_video_create_request_size import OpenAIVideoCreateRequestSize
    from .open_ai_video_job import OpenAIVideoJob
    from .open_ai_video_job_error_type_0 import OpenAIVideoJobErrorType0
    from .pika_body_generate_22i2v import PikaBodyGenerate22I2V
    from .pika_body_generate_22t2v import PikaBodyGenerate22T2V
    from .pika_duration_enum import PikaDurationEnum
    from .pika_generate_response import PikaGenerateResponse
    from .pika_http_validation_error import PikaHTTPValidationError
    from .pika_resolution_enum import PikaResolutionEnum
    from .pika_validation_error import PikaValidationError
    from .pika_video_response import PikaVideoResponse
    from .pixverse_image_upload_response import PixverseImageUploadResponse
    from .pixverse_image_upload_response_resp_type_0 import PixverseImageUploadResponseRespType0
    from .pixverse_image_video_request import PixverseImageVideoRequest
    from .pixverse_image_video_request_duration import PixverseImageVideoRequestDuration
    from .pixverse_image_video_request_model import PixverseImageVideoRequestModel
    from .pixverse_image_video_request_motion_mode import PixverseImageVideoRequestMotionMode
    from .pixverse_image_video_request_quality import PixverseImageVideoRequestQuality
    from .pixverse_image_video_request_style import PixverseImageVideoRequestStyle
    from .pixverse_text_video_request import PixverseTextVideoRequest
    from .pixverse_text_video_request_aspect_ratio import PixverseTextVideoRequestAspectRatio
    from .pixverse_text_video_request_duration import PixverseTextVideoRequestDuration
    from .pixverse_text_video_request_model import PixverseTextVideoRequestModel
    from .pixverse_text_video_request_motion_mode import PixverseTextVideoRequestMotionMode
    from .pixverse_text_video_request_quality import PixverseTextVideoRequestQuality
    from .pixverse_text_video_request_style import PixverseTextVideoRequestStyle
    from .pixverse_upload_image_body import PixverseUploadImageBody
    from .pixverse_video_response import PixverseVideoResponse
    from .pixverse_video_response_resp_type_0 import PixverseVideoResponseRespType0
    from .pixverse_video_result_response import PixverseVideoResultResponse
    from .pixverse_video_result_response_resp_type_0 import PixverseVideoResultResponseRespType0
    from .runway_aspect_ratio_enum import RunwayAspectRatioEnum
    from .runway_duration_enum import RunwayDurationEnum
    from .runway_image_to_video_request import RunwayImageToVideoRequest
    from .runway_image_to_video_response import RunwayImageToVideoResponse
    from .runway_model_enum import RunwayModelEnum
    from .runway_prompt_image_detailed_object import RunwayPromptImageDetailedObject
    from .runway_prompt_image_detailed_object_position import RunwayPromptImageDetailedObjectPosition
    from .runway_task_status_response import RunwayTaskStatusResponse
    from .topaz_create_request_video_schema import TopazCreateRequestVideoSchema
    from .topaz_create_request_video_schema_destination import TopazCreateRequestVideoSchemaDestination
    from .topaz_create_request_video_schema_overrides import TopazCreateRequestVideoSchemaOverrides
    from .topaz_create_request_video_schema_source import TopazCreateRequestVideoSchemaSource
    from .topaz_create_request_video_schema_source_container import TopazCreateRequestVideoSchemaSourceContainer
    from .topaz_create_request_video_schema_source_resolution import TopazCreateRequestVideoSchemaSourceResolution
    from .topaz_credentials_s3 import TopazCredentialsS3
    from .topaz_external_storage import TopazExternalStorage
    from .topaz_external_storage_provider import TopazExternalStorageProvider
    from .topaz_output_information_video import TopazOutputInformationVideo
    from .topaz_output_information_video_audio_codec import TopazOutputInformationVideoAudioCodec
    from .topaz_output_information_video_audio_transfer import TopazOutputInformationVideoAudioTransfer
    from .topaz_output_information_video_container import TopazOutputInformationVideoContainer
    from .topaz_output_information_video_dynamic_compression_level import (
        TopazOutputInformationVideoDynamicCompressionLevel,
    )
    from .topaz_output_information_video_resolution import TopazOutputInformationVideoResolution
    from .topaz_output_information_video_video_encoder import TopazOutputInformationVideoVideoEncoder
    from .topaz_video_accept_response import TopazVideoAcceptResponse
    from .topaz_video_complete_upload_request import TopazVideoCompleteUploadRequest
    from .topaz_video_complete_upload_request_upload_results_item import (
        TopazVideoCompleteUploadRequestUploadResultsItem,
    )
    from .topaz_video_complete_upload_response import TopazVideoCompleteUploadResponse
    from .topaz_video_create_response import TopazVideoCreateResponse
    from .topaz_video_enhanced_download import TopazVideoEnhancedDownload
    from .topaz_video_enhancement_filter import TopazVideoEnhancementFilter
    from .topaz_video_enhancement_filter_auto import TopazVideoEnhancementFilterAuto
    from .topaz_video_enhancement_filter_creativity import TopazVideoEnhancementFilterCreativity
    from .topaz_video_enhancement_filter_field_order import TopazVideoEnhancementFilterFieldOrder
    from .topaz_video_enhancement_filter_focus_fix_level import TopazVideoEnhancementFilterFocusFixLevel
    from .topaz_video_enhancement_filter_model import TopazVideoEnhancementFilterModel
    from .topaz_video_enhancement_filter_video_type import TopazVideoEnhancementFilterVideoType
    from .topaz_video_frame_interpolation_filter import TopazVideoFrameInterpolationFilter
    from .topaz_video_frame_interpolation_filter_model import TopazVideoFrameInterpolationFilterModel
    from .topaz_video_request_estimates import TopazVideoRequestEstimates
    from .topaz_video_status_response import TopazVideoStatusResponse
    from .veo_gen_vid_poll_request import VeoGenVidPollRequest
    from .veo_gen_vid_poll_response import VeoGenVidPollResponse
    from .veo_gen_vid_poll_response_error import VeoGenVidPollResponseError
    from .veo_gen_vid_poll_response_response import VeoGenVidPollResponseResponse
    from .veo_gen_vid_poll_response_response_videos_item import VeoGenVidPollResponseResponseVideosItem
    from .veo_gen_vid_request import VeoGenVidRequest
    from .veo_gen_vid_request_instances_item import VeoGenVidRequestInstancesItem
    from .veo_gen_vid_request_parameters import VeoGenVidRequestParameters
    from .veo_gen_vid_request_parameters_person_generation import VeoGenVidRequestParametersPersonGeneration
    from .veo_gen_vid_response import VeoGenVidResponse
    from .vidu_creation import ViduCreation
    from .vidu_extend_reply import ViduExtendReply
    from .vidu_extend_request import ViduExtendRequest
    from .vidu_get_creations_reply import ViduGetCreationsReply
    from .vidu_get_creations_reply_blocked_resources_type_0_item import ViduGetCreationsReplyBlockedResourcesType0Item
    from .vidu_image_setting import ViduImageSetting
    from .vidu_multiframe_reply import ViduMultiframeReply
    from .vidu_multiframe_request import ViduMultiframeRequest
    from .vidu_task_reply import ViduTaskReply
    from .vidu_task_request import ViduTaskRequest
    from .vidu_task_request_audio_type import ViduTaskRequestAudioType
    from .vidu_task_request_movement_amplitude import ViduTaskRequestMovementAmplitude
    from .vidu_task_request_style import ViduTaskRequestStyle
    from .wan_task_query_response import WanTaskQueryResponse
    from .wan_task_query_response_output_type_0 import WanTaskQueryResponseOutputType0
    from .wan_task_query_response_output_type_0_results_type_0_item import (
        WanTaskQueryResponseOutputType0ResultsType0Item,
    )
    from .wan_task_query_response_output_type_0_task_metrics_type_0 import (
        WanTaskQueryResponseOutputType0TaskMetricsType0,
    )
    from .wan_task_query_response_usage_type_0 import WanTaskQueryResponseUsageType0
    from .wan_video_generation_request import WanVideoGenerationRequest
    from .wan_video_generation_request_input import WanVideoGenerationRequestInput
    from .wan_video_generation_request_model import WanVideoGenerationRequestModel
    from .wan_video_generation_request_parameters import WanVideoGenerationRequestParameters
    from .wan_video_generation_request_parameters_duration import WanVideoGenerationRequestParametersDuration
    from .wan_video_generation_request_parameters_resolution import WanVideoGenerationRequestParametersResolution
    from .wan_video_generation_request_parameters_shot_type import WanVideoGenerationRequestParametersShotType
    from .wan_video_generation_response import WanVideoGenerationResponse
    from .wan_video_generation_response_output_type_0 import WanVideoGenerationResponseOutputType0
    from .wavespeed_flash_vsr_request import WavespeedFlashVSRRequest
    from .wavespeed_flash_vsr_request_target_resolution import WavespeedFlashVSRRequestTargetResolution
    from .wavespeed_task_response import WavespeedTaskResponse
    from .wavespeed_task_response_data import WavespeedTaskResponseData
    from .wavespeed_task_response_data_timings import WavespeedTaskResponseDataTimings
    from .wavespeed_task_response_data_urls import WavespeedTaskResponseDataUrls
    from .wavespeed_task_result_response import WavespeedTaskResultResponse
    from .wavespeed_task_result_response_data_type_0 import WavespeedTaskResultResponseDataType0
    from .wavespeed_task_result_response_data_type_0_timings import WavespeedTaskResultResponseDataType0Timings
    from .wavespeed_task_result_response_data_type_0_urls import WavespeedTaskResultResponseDataType0Urls
    from .xai_generated_video import XAIGeneratedVideo
    from .xai_image_object import XAIImageObject
    from .xai_image_object_type import XAIImageObjectType
    from .xai_video_async_response import XAIVideoAsyncResponse
    from .xai_video_edit_request import XAIVideoEditRequest
    from .xai_video_edit_request_output_type_0 import XAIVideoEditRequestOutputType0
    from .xai_video_generation_request import XAIVideoGenerationRequest
    from .xai_video_generation_request_aspect_ratio import XAIVideoGenerationRequestAspectRatio
    from .xai_video_generation_request_output_type_0 import XAIVideoGenerationRequestOutputType0
    from .xai_video_object import XAIVideoObject
    from .xai_video_result_response import XAIVideoResultResponse
    from .xai_video_usage import XAIVideoUsage

_MODULES = {
    "BriaAsyncResponse": ".bria_async_response",
    "BriaErrorResponse": ".bria_error_response",
    "BriaErrorResponseError": ".bria_error_response_error",
    "BriaStatusNotFoundResponse": ".bria_status_not_found_response",
    "BriaStatusNotFoundResponseStatus": ".bria_status_not_found_response_status",
    "BriaStatusResponse": ".bria_status_response",
    "BriaStatusResponseError": ".bria_status_response_error",
    "BriaStatusResponseResult": ".bria_status_response_result",
    "BriaVideoRemoveBackgroundRequest": ".bria_video_remove_background_request",
    "BriaVideoRemoveBackgroundRequestBackgroundColor": ".bria_video_remove_background_request_background_color",
    "BriaVideoRemoveBackgroundRequestOutputContainerAndCodec": ".bria_video_remove_background_request_output_container_and_codec",
    "BytePlusVideoGenerationContent": ".byte_plus_video_generation_content",
    "BytePlusVideoGenerationContentImageUrl": ".byte_plus_video_generation_content_image_url",
    "BytePlusVideoGenerationContentType": ".byte_plus_video_generation_content_type",
    "BytePlusVideoGenerationQueryResponse": ".byte_plus_video_generation_query_response",
    "BytePlusVideoGenerationQueryResponseContentType0": ".byte_plus_video_generation_query_response_content_type_0",
    "BytePlusVideoGenerationQueryResponseErrorType0": ".byte_plus_video_generation_query_response_error_type_0",
    "BytePlusVideoGenerationQueryResponseUsageType0": ".byte_plus_video_generation_query_response_usage_type_0",
    "BytePlusVideoGenerationRequest": ".byte_plus_video_generation_request",
    "BytePlusVideoGenerationRequestModel": ".byte_plus_video_generation_request_model",
    "BytePlusVideoGenerationResponse": ".byte_plus_video_generation_response",
    "CreateCustomerStorageResourceBody": ".create_customer_storage_resource_body",
    "CustomerStorageResourceResponse": ".customer_storage_resource_response",
    "Error": ".error",
    "ErrorResponse": ".error_response",
    "HitPawErrorResponse": ".hit_paw_error_response",
    "HitPawJobResponse": ".hit_paw_job_response",
    "HitPawJobResponseData": ".hit_paw_job_response_data",
    "HitPawTaskStatusRequest": ".hit_paw_task_status_request",
    "HitPawTaskStatusResponse": ".hit_paw_task_status_response",
    "HitPawTaskStatusResponseData": ".hit_paw_task_status_response_data",
    "HitPawVideoEnhancerRequest": ".hit_paw_video_enhancer_request",
    "HitPawVideoEnhancerRequestModelName": ".hit_paw_video_enhancer_request_model_name",
    "KlingCameraConfig": ".kling_camera_config",
    "KlingCameraControl": ".kling_camera_control",
    "KlingCameraControlType": ".kling_camera_control_type",
    "KlingErrorResponse": ".kling_error_response",
    "KlingImage2VideoRequest": ".kling_image_2_video_request",
    "KlingImage2VideoRequestDynamicMasksItem": ".kling_image_2_video_request_dynamic_masks_item",
    "KlingImage2VideoRequestDynamicMasksItemTrajectoriesItem": ".kling_image_2_video_request_dynamic_masks_item_trajectories_item",
    "KlingImage2VideoRequestElementListItem": ".kling_image_2_video_request_element_list_item",
    "KlingImage2VideoRequestMultiPromptItem": ".kling_image_2_video_request_multi_prompt_item",
    "KlingImage2VideoRequestShotType": ".kling_image_2_video_request_shot_type",
    "KlingImage2VideoRequestSound": ".kling_image_2_video_request_sound",
    "KlingImage2VideoRequestWatermarkInfo": ".kling_image_2_video_request_watermark_info",
    "KlingImage2VideoResponse": ".kling_image_2_video_response",
    "KlingImage2VideoResponseDataType0": ".kling_image_2_video_response_data_type_0",
    "KlingImage2VideoResponseDataType0TaskInfoType0": ".kling_image_2_video_response_data_type_0_task_info_type_0",
    "KlingImage2VideoResponseDataType0TaskResultType0": ".kling_image_2_video_response_data_type_0_task_result_type_0",
    "KlingImage2VideoResponseDataType0WatermarkInfoType0": ".kling_image_2_video_response_data_type_0_watermark_info_type_0",
    "KlingMotionControlRequest": ".kling_motion_control_request",
    "KlingMotionControlRequestCharacterOrientation": ".kling_motion_control_request_character_orientation",
    "KlingMotionControlRequestElementListItem": ".kling_motion_control_request_element_list_item",
    "KlingMotionControlRequestKeepOriginalSound": ".kling_motion_control_request_keep_original_sound",
    "KlingMotionControlRequestMode": ".kling_motion_control_request_mode",
    "KlingMotionControlRequestModelName": ".kling_motion_control_request_model_name",
    "KlingMotionControlRequestWatermarkInfo": ".kling_motion_control_request_watermark_info",
    "KlingMotionControlResponse": ".kling_motion_control_response",
    "KlingMotionControlResponseDataType0": ".kling_motion_control_response_data_type_0",
    "KlingMotionControlResponseDataType0TaskInfoType0": ".kling_motion_control_response_data_type_0_task_info_type_0",
    "KlingMotionControlResponseDataType0TaskResultType0": ".kling_motion_control_response_data_type_0_task_result_type_0",
    "KlingMotionControlResponseDataType0WatermarkInfoType0": ".kling_motion_control_response_data_type_0_watermark_info_type_0",
    "KlingMotionControlVideoResult": ".kling_motion_control_video_result",
    "KlingText2VideoRequest": ".kling_text_2_video_request",
    "KlingText2VideoRequestMultiPromptItem": ".kling_text_2_video_request_multi_prompt_item",
    "KlingText2VideoRequestShotType": ".kling_text_2_video_request_shot_type",
    "KlingText2VideoRequestSound": ".kling_text_2_video_request_sound",
    "KlingText2VideoRequestWatermarkInfo": ".kling_text_2_video_request_watermark_info",
    "KlingText2VideoResponse": ".kling_text_2_video_response",
    "KlingText2VideoResponseDataType0": ".kling_text_2_video_response_data_type_0",
    "KlingText2VideoResponseDataType0TaskInfoType0": ".kling_text_2_video_response_data_type_0_task_info_type_0",
    "KlingText2VideoResponseDataType0TaskResultType0": ".kling_text_2_video_response_data_type_0_task_result_type_0",
    "KlingText2VideoResponseDataType0WatermarkInfoType0": ".kling_text_2_video_response_data_type_0_watermark_info_type_0",
    "KlingTextToVideoModelName": ".kling_text_to_video_model_name",
    "KlingVideoGenAspectRatio": ".kling_video_gen_aspect_ratio",
    "KlingVideoGenDuration": ".kling_video_gen_duration",
    "KlingVideoGenMode": ".kling_video_gen_mode",
    "KlingVideoGenModelName": ".kling_video_gen_model_name",
    "KlingVideoResult": ".kling_video_result",
    "LTXImage2VideoRequest": ".ltx_image_2_video_request",
    "LTXImage2VideoRequestDuration": ".ltx_image_2_video_request_duration",
    "LTXImage2VideoRequestFps": ".ltx_image_2_video_request_fps",
    "LTXImage2VideoRequestModel": ".ltx_image_2_video_request_model",
    "LTXImage2VideoRequestResolution": ".ltx_image_2_video_request_resolution",
    "LTXText2VideoRequest": ".ltx_text_2_video_request",
    "LTXText2VideoRequestDuration": ".ltx_text_2_video_request_duration",
    "LTXText2VideoRequestFps": ".ltx_text_2_video_request_fps",
    "LTXText2VideoRequestModel": ".ltx_text_2_video_request_model",
    "LTXText2VideoRequestResolution": ".ltx_text_2_video_request_resolution",
    "LumaAspectRatio": ".luma_aspect_ratio",
    "LumaAssetsType0": ".luma_assets_type_0",
    "LumaAudioGenerationRequest": ".luma_audio_generation_request",
    "LumaAudioGenerationRequestGenerationType": ".luma_audio_generation_request_generation_type",
    "LumaError": ".luma_error",
    "LumaGeneration": ".luma_generation",
    "LumaGenerationReference": ".luma_generation_reference",
    "LumaGenerationReferenceType": ".luma_generation_reference_type",
    "LumaGenerationRequest": ".luma_generation_request",
    "LumaGenerationRequestGenerationType": ".luma_generation_request_generation_type",
    "LumaGenerationType": ".luma_generation_type",
    "LumaImageGenerationRequest": ".luma_image_generation_request",
    "LumaImageGenerationRequestCharacterRef": ".luma_image_generation_request_character_ref",
    "LumaImageGenerationRequestGenerationType": ".luma_image_generation_request_generation_type",
    "LumaImageIdentity": ".luma_image_identity",
    "LumaImageModel": ".luma_image_model",
    "LumaImageRef": ".luma_image_ref",
    "LumaImageReference": ".luma_image_reference",
    "LumaImageReferenceType": ".luma_image_reference_type",
    "LumaKeyframes": ".luma_keyframes",
    "LumaModifyImageRef": ".luma_modify_image_ref",
    "LumaUpscaleVideoGenerationRequest": ".luma_upscale_video_generation_request",
    "LumaUpscaleVideoGenerationRequestGenerationType": ".luma_upscale_video_generation_request_generation_type",
    "LumaVideoModel": ".luma_video_model",
    "LumaVideoModelOutputDurationType0": ".luma_video_model_output_duration_type_0",
    "LumaVideoModelOutputResolutionType0": ".luma_video_model_output_resolution_type_0",
    "MinimaxBaseResponse": ".minimax_base_response",
    "MinimaxFileRetrieveResponse": ".minimax_file_retrieve_response",
    "MinimaxFileRetrieveResponseFile": ".minimax_file_retrieve_response_file",
    "MinimaxTaskResultResponse": ".minimax_task_result_response",
    "MinimaxVideoGenerationRequest": ".minimax_video_generation_request",
    "MinimaxVideoGenerationRequestDuration": ".minimax_video_generation_request_duration",
    "MinimaxVideoGenerationRequestModel": ".minimax_video_generation_request_model",
    "MinimaxVideoGenerationRequestResolution": ".minimax_video_generation_request_resolution",
    "MinimaxVideoGenerationRequestSubjectReferenceItem": ".minimax_video_generation_request_subject_reference_item",
    "MinimaxVideoGenerationResponse": ".minimax_video_generation_response",
    "MoonvalleyImageToVideoRequest": ".moonvalley_image_to_video_request",
    "MoonvalleyImageToVideoRequestKeyframes": ".moonvalley_image_to_video_request_keyframes",
    "MoonvalleyImageToVideoRequestKeyframesAdditionalProperty": ".moonvalley_image_to_video_request_keyframes_additional_property",
    "MoonvalleyPromptResponse": ".moonvalley_prompt_response",
    "MoonvalleyPromptResponseErrorType0": ".moonvalley_prompt_response_error_type_0",
    "MoonvalleyPromptResponseFrameConditioning": ".moonvalley_prompt_response_frame_conditioning",
    "MoonvalleyPromptResponseInferenceParams": ".moonvalley_prompt_response_inference_params",
    "MoonvalleyPromptResponseMeta": ".moonvalley_prompt_response_meta",
    "MoonvalleyPromptResponseModelParams": ".moonvalley_prompt_response_model_params",
    "MoonvalleyTextToVideoInferenceParams": ".moonvalley_text_to_video_inference_params",
    "MoonvalleyTextToVideoRequest": ".moonvalley_text_to_video_request",
    "MoonvalleyUploadFileRequest": ".moonvalley_upload_file_request",
    "MoonvalleyUploadFileResponse": ".moonvalley_upload_file_response",
    "MoonvalleyVideoToVideoInferenceParams": ".moonvalley_video_to_video_inference_params",
    "MoonvalleyVideoToVideoInferenceParamsControlParams": ".moonvalley_video_to_video_inference_params_control_params",
    "MoonvalleyVideoToVideoRequest": ".moonvalley_video_to_video_request",
    "MoonvalleyVideoToVideoRequestControlType": ".moonvalley_video_to_video_request_control_type",
    "OpenAIVideoCreateRequest": ".open_ai_video_create_request",
    "OpenAIVideoCreateRequestModel": ".open_ai_video_create_request_model",
    "OpenAIVideoCreateRequestSeconds": ".open_ai_video_create_request_seconds",
    "OpenAIVideoCreateRequestSize": ".open_ai_video_create_request_size",
    "OpenAIVideoJob": ".open_ai_video_job",
    "OpenAIVideoJobErrorType0": ".open_ai_video_job_error_type_0",
    "PikaBodyGenerate22I2V": ".pika_body_generate_22i2v",
    "PikaBodyGenerate22T2V": ".pika_body_generate_22t2v",
    "PikaDurationEnum": ".pika_duration_enum",
    "PikaGenerateResponse": ".pika_generate_response",
    "PikaHTTPValidationError": ".pika_http_validation_error",
    "PikaResolutionEnum": ".pika_resolution_enum",
    "PikaValidationError": ".pika_validation_error",
    "PikaVideoResponse": ".pika_video_response",
    "PixverseImageUploadResponse": ".pixverse_image_upload_response",
    "PixverseImageUploadResponseRespType0": ".pixverse_image_upload_response_resp_type_0",
    "PixverseImageVideoRequest": ".pixverse_image_video_request",
    "PixverseImageVideoRequestDuration": ".pixverse_image_video_request_duration",
    "PixverseImageVideoRequestModel": ".pixverse_image_video_request_model",
    "PixverseImageVideoRequestMotionMode": ".pixverse_image_video_request_motion_mode",
    "PixverseImageVideoRequestQuality": ".pixverse_image_video_request_quality",
    "PixverseImageVideoRequestStyle": ".pixverse_image_video_request_style",
    "PixverseTextVideoRequest": ".pixverse_text_video_request",
    "PixverseTextVideoRequestAspectRatio": ".pixverse_text_video_request_aspect_ratio",
    "PixverseTextVideoRequestDuration": ".pixverse_text_video_request_duration",
    "PixverseTextVideoRequestModel": ".pixverse_text_video_request_model",
    "PixverseTextVideoRequestMotionMode": ".pixverse_text_video_request_motion_mode",
    "PixverseTextVideoRequestQuality": ".pixverse_text_video_request_quality",
    "PixverseTextVideoRequestStyle": ".pixverse_text_video_request_style",
    "PixverseUploadImageBody": ".pixverse_upload_image_body",
    "PixverseVideoResponse": ".pixverse_video_response",
    "PixverseVideoResponseRespType0": ".pixverse_video_response_resp_type_0",
    "PixverseVideoResultResponse": ".pixverse_video_result_response",
    "PixverseVideoResultResponseRespType0": ".pixverse_video_result_response_resp_type_0",
    "RunwayAspectRatioEnum": ".runway_aspect_ratio_enum",
    "RunwayDurationEnum": ".runway_duration_enum",
    "RunwayImageToVideoRequest": ".runway_image_to_video_request",
    "RunwayImageToVideoResponse": ".runway_image_to_video_response",
    "RunwayModelEnum": ".runway_model_enum",
    "RunwayPromptImageDetailedObject": ".runway_prompt_image_detailed_object",
    "RunwayPromptImageDetailedObjectPosition": ".runway_prompt_image_detailed_object_position",
    "RunwayTaskStatusResponse": ".runway_task_status_response",
    "TopazCreateRequestVideoSchema": ".topaz_create_request_video_schema",
    "TopazCreateRequestVideoSchemaDestination": ".topaz_create_request_video_schema_destination",
    "TopazCreateRequestVideoSchemaOverrides": ".topaz_create_request_video_schema_overrides",
    "TopazCreateRequestVideoSchemaSource": ".topaz_create_request_video_schema_source",
    "TopazCreateRequestVideoSchemaSourceContainer": ".topaz_create_request_video_schema_source_container",
    "TopazCreateRequestVideoSchemaSourceResolution": ".topaz_create_request_video_schema_source_resolution",
    "TopazCredentialsS3": ".topaz_credentials_s3",
    "TopazExternalStorage": ".topaz_external_storage",
    "TopazExternalStorageProvider": ".topaz_external_storage_provider",
    "TopazOutputInformationVideo": ".topaz_output_information_video",
    "TopazOutputInformationVideoAudioCodec": ".topaz_output_information_video_audio_codec",
    "TopazOutputInformationVideoAudioTransfer": ".topaz_output_information_video_audio_transfer",
    "TopazOutputInformationVideoContainer": ".topaz_output_information_video_container",
    "TopazOutputInformationVideoDynamicCompressionLevel": ".topaz_output_information_video_dynamic_compression_level",
    "TopazOutputInformationVideoResolution": ".topaz_output_information_video_resolution",
    "TopazOutputInformationVideoVideoEncoder": ".topaz_output_information_video_video_encoder",
    "TopazVideoAcceptResponse": ".topaz_video_accept_response",
    "TopazVideoCompleteUploadRequest": ".topaz_video_complete_upload_request",
    "TopazVideoCompleteUploadRequestUploadResultsItem": ".topaz_video_complete_upload_request_upload_results_item",
    "TopazVideoCompleteUploadResponse": ".topaz_video_complete_upload_response",
    "TopazVideoCreateResponse": ".topaz_video_create_response",
    "TopazVideoEnhancedDownload": ".topaz_video_enhanced_download",
    "TopazVideoEnhancementFilter": ".topaz_video_enhancement_filter",
    "TopazVideoEnhancementFilterAuto": ".topaz_video_enhancement_filter_auto",
    "TopazVideoEnhancementFilterCreativity": ".topaz_video_enhancement_filter_creativity",
    "TopazVideoEnhancementFilterFieldOrder": ".topaz_video_enhancement_filter_field_order",
    "TopazVideoEnhancementFilterFocusFixLevel": ".topaz_video_enhancement_filter_focus_fix_level",
    "TopazVideoEnhancementFilterModel": ".topaz_video_enhancement_filter_model",
    "TopazVideoEnhancementFilterVideoType": ".topaz_video_enhancement_filter_video_type",
    "TopazVideoFrameInterpolationFilter": ".topaz_video_frame_interpolation_filter",
    "TopazVideoFrameInterpolationFilterModel": ".topaz_video_frame_interpolation_filter_model",
    "TopazVideoRequestEstimates": ".topaz_video_request_estimates",
    "TopazVideoStatusResponse": ".topaz_video_status_response",
    "VeoGenVidPollRequest": ".veo_gen_vid_poll_request",
    "VeoGenVidPollResponse": ".veo_gen_vid_poll_response",
    "VeoGenVidPollResponseError": ".veo_gen_vid_poll_response_error",
    "VeoGenVidPollResponseResponse": ".veo_gen_vid_poll_response_response",
    "VeoGenVidPollResponseResponseVideosItem": ".veo_gen_vid_poll_response_response_videos_item",
    "VeoGenVidRequest": ".veo_gen_vid_request",
    "VeoGenVidRequestInstancesItem": ".veo_gen_vid_request_instances_item",
    "VeoGenVidRequestParameters": ".veo_gen_vid_request_parameters",
    "VeoGenVidRequestParametersPersonGeneration": ".veo_gen_vid_request_parameters_person_generation",
    "VeoGenVidResponse": ".veo_gen_vid_response",
    "ViduCreation": ".vidu_creation",
    "ViduExtendReply": ".vidu_extend_reply",
    "ViduExtendRequest": ".vidu_extend_request",
    "ViduGetCreationsReply": ".vidu_get_creations_reply",
    "ViduGetCreationsReplyBlockedResourcesType0Item": ".vidu_get_creations_reply_blocked_resources_type_0_item",
    "ViduImageSetting": ".vidu_image_setting",
    "ViduMultiframeReply": ".vidu_multiframe_reply",
    "ViduMultiframeRequest": ".vidu_multiframe_request",
    "ViduTaskReply": ".vidu_task_reply",
    "ViduTaskRequest": ".vidu_task_request",
    "ViduTaskRequestAudioType": ".vidu_task_request_audio_type",
    "ViduTaskRequestMovementAmplitude": ".vidu_task_request_movement_amplitude",
    "ViduTaskRequestStyle": ".vidu_task_request_style",
    "WanTaskQueryResponse": ".wan_task_query_response",
    "WanTaskQueryResponseOutputType0": ".wan_task_query_response_output_type_0",
    "WanTaskQueryResponseOutputType0ResultsType0Item": ".wan_task_query_response_output_type_0_results_type_0_item",
    "WanTaskQueryResponseOutputType0TaskMetricsType0": ".wan_task_query_response_output_type_0_task_metrics_type_0",
    "WanTaskQueryResponseUsageType0": ".wan_task_query_response_usage_type_0",
    "WanVideoGenerationRequest": ".wan_video_generation_request",
    "WanVideoGenerationRequestInput": ".wan_video_generation_request_input",
    "WanVideoGenerationRequestModel": ".wan_video_generation_request_model",
    "WanVideoGenerationRequestParameters": ".wan_video_generation_request_parameters",
    "WanVideoGenerationRequestParametersDuration": ".wan_video_generation_request_parameters_duration",
    "WanVideoGenerationRequestParametersResolution": ".wan_video_generation_request_parameters_resolution",
    "WanVideoGenerationRequestParametersShotType": ".wan_video_generation_request_parameters_shot_type",
    "WanVideoGenerationResponse": ".wan_video_generation_response",
    "WanVideoGenerationResponseOutputType0": ".wan_video_generation_response_output_type_0",
    "WavespeedFlashVSRRequest": ".wavespeed_flash_vsr_request",
    "WavespeedFlashVSRRequestTargetResolution": ".wavespeed_flash_vsr_request_target_resolution",
    "WavespeedTaskResponse": ".wavespeed_task_response",
    "WavespeedTaskResponseData": ".wavespeed_task_response_data",
    "WavespeedTaskResponseDataTimings": ".wavespeed_task_response_data_timings",
    "WavespeedTaskResponseDataUrls": ".wavespeed_task_response_data_urls",
    "WavespeedTaskResultResponse": ".wavespeed_task_result_response",
    "WavespeedTaskResultResponseDataType0": ".wavespeed_task_result_response_data_type_0",
    "WavespeedTaskResultResponseDataType0Timings": ".wavespeed_task_result_response_data_type_0_timings",
    "WavespeedTaskResultResponseDataType0Urls": ".wavespeed_task_result_response_data_type_0_urls",
    "XAIGeneratedVideo": ".xai_generated_video",
    "XAIImageObject": ".xai_image_object",
    "XAIImageObjectType": ".xai_image_object_type",
    "XAIVideoAsyncResponse": ".xai_video_async_response",
    "XAIVideoEditRequest": ".xai_video_edit_request",
    "XAIVideoEditRequestOutputType0": ".xai_video_edit_request_output_type_0",
    "XAIVideoGenerationRequest": ".xai_video_generation_request",
    "XAIVideoGenerationRequestAspectRatio": ".xai_video_generation_request_aspect_ratio",
    "XAIVideoGenerationRequestOutputType0": ".xai_video_generation_request_output_type_0",
    "XAIVideoObject": ".xai_video_object",
    "XAIVideoResultResponse": ".xai_video_result_response",
    "XAIVideoUsage": ".xai_video_usage",
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
    "BriaAsyncResponse",
    "BriaErrorResponse",
    "BriaErrorResponseError",
    "BriaStatusNotFoundResponse",
    "BriaStatusNotFoundResponseStatus",
    "BriaStatusResponse",
    "BriaStatusResponseError",
    "BriaStatusResponseResult",
    "BriaVideoRemoveBackgroundRequest",
    "BriaVideoRemoveBackgroundRequestBackgroundColor",
    "BriaVideoRemoveBackgroundRequestOutputContainerAndCodec",
    "BytePlusVideoGenerationContent",
    "BytePlusVideoGenerationContentImageUrl",
    "BytePlusVideoGenerationContentType",
    "BytePlusVideoGenerationQueryResponse",
    "BytePlusVideoGenerationQueryResponseContentType0",
    "BytePlusVideoGenerationQueryResponseErrorType0",
    "BytePlusVideoGenerationQueryResponseUsageType0",
    "BytePlusVideoGenerationRequest",
    "BytePlusVideoGenerationRequestModel",
    "BytePlusVideoGenerationResponse",
    "CreateCustomerStorageResourceBody",
    "CustomerStorageResourceResponse",
    "Error",
    "ErrorResponse",
    "HitPawErrorResponse",
    "HitPawJobResponse",
    "HitPawJobResponseData",
    "HitPawTaskStatusRequest",
    "HitPawTaskStatusResponse",
    "HitPawTaskStatusResponseData",
    "HitPawVideoEnhancerRequest",
    "HitPawVideoEnhancerRequestModelName",
    "KlingCameraConfig",
    "KlingCameraControl",
    "KlingCameraControlType",
    "KlingErrorResponse",
    "KlingImage2VideoRequest",
    "KlingImage2VideoRequestDynamicMasksItem",
    "KlingImage2VideoRequestDynamicMasksItemTrajectoriesItem",
    "KlingImage2VideoRequestElementListItem",
    "KlingImage2VideoRequestMultiPromptItem",
    "KlingImage2VideoRequestShotType",
    "KlingImage2VideoRequestSound",
    "KlingImage2VideoRequestWatermarkInfo",
    "KlingImage2VideoResponse",
    "KlingImage2VideoResponseDataType0",
    "KlingImage2VideoResponseDataType0TaskInfoType0",
    "KlingImage2VideoResponseDataType0TaskResultType0",
    "KlingImage2VideoResponseDataType0WatermarkInfoType0",
    "KlingMotionControlRequest",
    "KlingMotionControlRequestCharacterOrientation",
    "KlingMotionControlRequestElementListItem",
    "KlingMotionControlRequestKeepOriginalSound",
    "KlingMotionControlRequestMode",
    "KlingMotionControlRequestModelName",
    "KlingMotionControlRequestWatermarkInfo",
    "KlingMotionControlResponse",
    "KlingMotionControlResponseDataType0",
    "KlingMotionControlResponseDataType0TaskInfoType0",
    "KlingMotionControlResponseDataType0TaskResultType0",
    "KlingMotionControlResponseDataType0WatermarkInfoType0",
    "KlingMotionControlVideoResult",
    "KlingText2VideoRequest",
    "KlingText2VideoRequestMultiPromptItem",
    "KlingText2VideoRequestShotType",
    "KlingText2VideoRequestSound",
    "KlingText2VideoRequestWatermarkInfo",
    "KlingText2VideoResponse",
    "KlingText2VideoResponseDataType0",
    "KlingText2VideoResponseDataType0TaskInfoType0",
    "KlingText2VideoResponseDataType0TaskResultType0",
    "KlingText2VideoResponseDataType0WatermarkInfoType0",
    "KlingTextToVideoModelName",
    "KlingVideoGenAspectRatio",
    "KlingVideoGenDuration",
    "KlingVideoGenMode",
    "KlingVideoGenModelName",
    "KlingVideoResult",
    "LTXImage2VideoRequest",
    "LTXImage2VideoRequestDuration",
    "LTXImage2VideoRequestFps",
    "LTXImage2VideoRequestModel",
    "LTXImage2VideoRequestResolution",
    "LTXText2VideoRequest",
    "LTXText2VideoRequestDuration",
    "LTXText2VideoRequestFps",
    "LTXText2VideoRequestModel",
    "LTXText2VideoRequestResolution",
    "LumaAspectRatio",
    "LumaAssetsType0",
    "LumaAudioGenerationRequest",
    "LumaAudioGenerationRequestGenerationType",
    "LumaError",
    "LumaGeneration",
    "LumaGenerationReference",
    "LumaGenerationReferenceType",
    "LumaGenerationRequest",
    "LumaGenerationRequestGenerationType",
    "LumaGenerationType",
    "LumaImageGenerationRequest",
    "LumaImageGenerationRequestCharacterRef",
    "LumaImageGenerationRequestGenerationType",
    "LumaImageIdentity",
    "LumaImageModel",
    "LumaImageRef",
    "LumaImageReference",
    "LumaImageReferenceType",
    "LumaKeyframes",
    "LumaModifyImageRef",
    "LumaUpscaleVideoGenerationRequest",
    "LumaUpscaleVideoGenerationRequestGenerationType",
    "LumaVideoModel",
    "LumaVideoModelOutputDurationType0",
    "LumaVideoModelOutputResolutionType0",
    "MinimaxBaseResponse",
    "MinimaxFileRetrieveResponse",
    "MinimaxFileRetrieveResponseFile",
    "MinimaxTaskResultResponse",
    "MinimaxVideoGenerationRequest",
    "MinimaxVideoGenerationRequestDuration",
    "MinimaxVideoGenerationRequestModel",
    "MinimaxVideoGenerationRequestResolution",
    "MinimaxVideoGenerationRequestSubjectReferenceItem",
    "MinimaxVideoGenerationResponse",
    "MoonvalleyImageToVideoRequest",
    "MoonvalleyImageToVideoRequestKeyframes",
    "MoonvalleyImageToVideoRequestKeyframesAdditionalProperty",
    "MoonvalleyPromptResponse",
    "MoonvalleyPromptResponseErrorType0",
    "MoonvalleyPromptResponseFrameConditioning",
    "MoonvalleyPromptResponseInferenceParams",
    "MoonvalleyPromptResponseMeta",
    "MoonvalleyPromptResponseModelParams",
    "MoonvalleyTextToVideoInferenceParams",
    "MoonvalleyTextToVideoRequest",
    "MoonvalleyUploadFileRequest",
    "MoonvalleyUploadFileResponse",
    "MoonvalleyVideoToVideoInferenceParams",
    "MoonvalleyVideoToVideoInferenceParamsControlParams",
    "MoonvalleyVideoToVideoRequest",
    "MoonvalleyVideoToVideoRequestControlType",
    "OpenAIVideoCreateRequest",
    "OpenAIVideoCreateRequestModel",
    "OpenAIVideoCreateRequestSeconds",
    "OpenAIVideoCreateRequestSize",
    "OpenAIVideoJob",
    "OpenAIVideoJobErrorType0",
    "PikaBodyGenerate22I2V",
    "PikaBodyGenerate22T2V",
    "PikaDurationEnum",
    "PikaGenerateResponse",
    "PikaHTTPValidationError",
    "PikaResolutionEnum",
    "PikaValidationError",
    "PikaVideoResponse",
    "PixverseImageUploadResponse",
    "PixverseImageUploadResponseRespType0",
    "PixverseImageVideoRequest",
    "PixverseImageVideoRequestDuration",
    "PixverseImageVideoRequestModel",
    "PixverseImageVideoRequestMotionMode",
    "PixverseImageVideoRequestQuality",
    "PixverseImageVideoRequestStyle",
    "PixverseTextVideoRequest",
    "PixverseTextVideoRequestAspectRatio",
    "PixverseTextVideoRequestDuration",
    "PixverseTextVideoRequestModel",
    "PixverseTextVideoRequestMotionMode",
    "PixverseTextVideoRequestQuality",
    "PixverseTextVideoRequestStyle",
    "PixverseUploadImageBody",
    "PixverseVideoResponse",
    "PixverseVideoResponseRespType0",
    "PixverseVideoResultResponse",
    "PixverseVideoResultResponseRespType0",
    "RunwayAspectRatioEnum",
    "RunwayDurationEnum",
    "RunwayImageToVideoRequest",
    "RunwayImageToVideoResponse",
    "RunwayModelEnum",
    "RunwayPromptImageDetailedObject",
    "RunwayPromptImageDetailedObjectPosition",
    "RunwayTaskStatusResponse",
    "TopazCreateRequestVideoSchema",
    "TopazCreateRequestVideoSchemaDestination",
    "TopazCreateRequestVideoSchemaOverrides",
    "TopazCreateRequestVideoSchemaSource",
    "TopazCreateRequestVideoSchemaSourceContainer",
    "TopazCreateRequestVideoSchemaSourceResolution",
    "TopazCredentialsS3",
    "TopazExternalStorage",
    "TopazExternalStorageProvider",
    "TopazOutputInformationVideo",
    "TopazOutputInformationVideoAudioCodec",
    "TopazOutputInformationVideoAudioTransfer",
    "TopazOutputInformationVideoContainer",
    "TopazOutputInformationVideoDynamicCompressionLevel",
    "TopazOutputInformationVideoResolution",
    "TopazOutputInformationVideoVideoEncoder",
    "TopazVideoAcceptResponse",
    "TopazVideoCompleteUploadRequest",
    "TopazVideoCompleteUploadRequestUploadResultsItem",
    "TopazVideoCompleteUploadResponse",
    "TopazVideoCreateResponse",
    "TopazVideoEnhancedDownload",
    "TopazVideoEnhancementFilter",
    "TopazVideoEnhancementFilterAuto",
    "TopazVideoEnhancementFilterCreativity",
    "TopazVideoEnhancementFilterFieldOrder",
    "TopazVideoEnhancementFilterFocusFixLevel",
    "TopazVideoEnhancementFilterModel",
    "TopazVideoEnhancementFilterVideoType",
    "TopazVideoFrameInterpolationFilter",
    "TopazVideoFrameInterpolationFilterModel",
    "TopazVideoRequestEstimates",
    "TopazVideoStatusResponse",
    "VeoGenVidPollRequest",
    "VeoGenVidPollResponse",
    "VeoGenVidPollResponseError",
    "VeoGenVidPollResponseResponse",
    "VeoGenVidPollResponseResponseVideosItem",
    "VeoGenVidRequest",
    "VeoGenVidRequestInstancesItem",
    "VeoGenVidRequestParameters",
    "VeoGenVidRequestParametersPersonGeneration",
    "VeoGenVidResponse",
    "ViduCreation",
    "ViduExtendReply",
    "ViduExtendRequest",
    "ViduGetCreationsReply",
    "ViduGetCreationsReplyBlockedResourcesType0Item",
    "ViduImageSetting",
    "ViduMultiframeReply",
    "ViduMultiframeRequest",
    "ViduTaskReply",
    "ViduTaskRequest",
    "ViduTaskRequestAudioType",
    "ViduTaskRequestMovementAmplitude",
    "ViduTaskRequestStyle",
    "WanTaskQueryResponse",
    "WanTaskQueryResponseOutputType0",
    "WanTaskQueryResponseOutputType0ResultsType0Item",
    "WanTaskQueryResponseOutputType0TaskMetricsType0",
    "WanTaskQueryResponseUsageType0",
    "WanVideoGenerationRequest",
    "WanVideoGenerationRequestInput",
    "WanVideoGenerationRequestModel",
    "WanVideoGenerationRequestParameters",
    "WanVideoGenerationRequestParametersDuration",
    "WanVideoGenerationRequestParametersResolution",
    "WanVideoGenerationRequestParametersShotType",
    "WanVideoGenerationResponse",
    "WanVideoGenerationResponseOutputType0",
    "WavespeedFlashVSRRequest",
    "WavespeedFlashVSRRequestTargetResolution",
    "WavespeedTaskResponse",
    "WavespeedTaskResponseData",
    "WavespeedTaskResponseDataTimings",
    "WavespeedTaskResponseDataUrls",
    "WavespeedTaskResultResponse",
    "WavespeedTaskResultResponseDataType0",
    "WavespeedTaskResultResponseDataType0Timings",
    "WavespeedTaskResultResponseDataType0Urls",
    "XAIGeneratedVideo",
    "XAIImageObject",
    "XAIImageObjectType",
    "XAIVideoAsyncResponse",
    "XAIVideoEditRequest",
    "XAIVideoEditRequestOutputType0",
    "XAIVideoGenerationRequest",
    "XAIVideoGenerationRequestAspectRatio",
    "XAIVideoGenerationRequestOutputType0",
    "XAIVideoObject",
    "XAIVideoResultResponse",
    "XAIVideoUsage",
)
