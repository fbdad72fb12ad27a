"""Moonvalley (Marey) through Comfy.org's API proxy.

Three submits, all JSON answered by 201 ``MoonvalleyPromptResponse``: ``POST
/proxy/moonvalley/prompts/text-to-video`` (a prompt), ``POST /proxy/moonvalley/prompts/image-to-video`` (a
prompt and one image, as ``image_url``) and, when ``create()`` is given ``video=``, ``POST
/proxy/moonvalley/prompts/video-to-video`` (a prompt and a reference video, as ``video_url``, whose motion or
pose the new video follows: ``control_type``; optionally an image). Moonvalley takes images as URLs: an image
given as a file or bytes is first sent as a multipart form to its own ``POST /proxy/moonvalley/uploads``,
whose reply names it at ``access_url``. A video given as a file or bytes goes to Comfy's storage instead
(streamed from disk; ComfyUI's video-to-video node uploads its video there too, ``upload_video_to_comfyapi``,
never to Moonvalley's upload, which is a one-part multipart form held whole in memory) and its download URL
is sent. The poll is ``GET /proxy/moonvalley/prompts/{id}``: its ``status`` is a free string (the registry
maps ``completed``, ``failed`` and ``error``; any other word is UNKNOWN and keeps ``wait()`` polling), the
video is at ``output_url``, a failure's detail in ``error`` (a free-form object). Moonvalley reports no
progress.

``POST /proxy/moonvalley/prompts/video-to-video/resize`` is not offered: ComfyUI never calls it and no
source says what its ``frame_position``, ``frame_resolution`` and ``scale`` do.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import CreationFailed, InvalidOption, UploadError
from .._fields import optional_object, optional_str
from .._images import data_uri_content
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._videos import LocalFile
from ._adapter import Adapter, GetFlow
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, compact_json, id_text, refused_submit
from ._storage import comfy_storage_url
from ._submit import ApiRequest, CommonArgs, FormFile, SubmitFlow
from ._text import shown, valid_text

PROVIDER: Provider = "moonvalley"
# Width and height for an aspect ratio: ComfyUI's Moonvalley resolutions (nodes_moonvalley.py, the
# "resolution" choices "16:9 (1920 x 1080)" ...). The spec's default is 1920x1080.
SIZES = {
    "16:9": (1920, 1080),
    "9:16": (1080, 1920),
    "1:1": (1152, 1152),
    "4:3": (1536, 1152),
    "3:4": (1152, 1536),
    "21:9": (2560, 1080),
}
# Stand in for the uploaded image's and video's URLs while the request is checked, before anything is sent.
_STAND_IN_URL = "https://uploads.invalid/image"
_STAND_IN_VIDEO_URL = "https://storage.invalid/genvideo-input"
#: control_type when video-to-video names none: ComfyUI's default ("Motion Transfer", nodes_moonvalley.py
#: MoonvalleyVideo2VideoNode, parse_control_parameter maps it to motion_control).
DEFAULT_CONTROL_TYPE = "motion_control"
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif", "image/bmp": "bmp"}
_ERROR_KEYS = ("code", "type", "error_code")
_MESSAGE_KEYS = ("message", "detail", "details", "error_message")


#: The poll's path for an id, as the generated client builds it.
status_path = id_path("genvideo_comfy_client.api.api_nodes.moonvalley_get_prompt")


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: ``GET /proxy/moonvalley/prompts/{id}``."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


#: Moonvalley's status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.MoonvalleyPromptResponse``."""
    from genvideo_comfy_client.models import MoonvalleyPromptResponse

    return MoonvalleyPromptResponse.from_dict(payload)


# -- submit ------------------------------------------------------------------------------------------


def _refuse_unsupported(common: CommonArgs, options: dict[str, Any]) -> None:
    for name, value, why in (
        ("duration", common.duration, "Moonvalley takes no duration"),
        ("model", common.model, "Moonvalley takes no model"),
        ("resolution", common.resolution, "pass aspect_ratio, or width and height in inference_params"),
    ):
        if value is not None:
            raise InvalidOption(f"{name}: {why}", option=name)
    for name in ("image_url", "keyframes"):
        if name in options:
            raise InvalidOption(f"{name}: pass the image as the image argument", option=name)
    if "video_url" in options:
        raise InvalidOption("video_url: pass the video as the video argument", option="video_url")
    if common.video is None and "control_type" in options:
        raise InvalidOption("control_type: only video-to-video takes it: pass video= too", option="control_type")
    if common.video is not None and common.aspect_ratio is not None:
        raise InvalidOption(
            "aspect_ratio: Moonvalley's video-to-video takes no size (the output follows the reference video)",
            option="aspect_ratio",
        )
    if "prompt_text" in options:
        raise InvalidOption("prompt_text: pass it as the prompt argument", option="prompt_text")


def _inference_params(common: CommonArgs, options: dict[str, Any]) -> dict[str, Any] | None:
    given = options.pop("inference_params", None)
    if given is not None and not isinstance(given, Mapping):
        raise InvalidOption(f"inference_params: expected an object, got {shown(given, 60)}", option="inference_params")
    params: dict[str, Any] = dict(given or {})
    extra: dict[str, Any] = {}
    if common.aspect_ratio is not None:
        if common.aspect_ratio not in SIZES:
            raise InvalidOption(
                f"aspect_ratio: Moonvalley takes {', '.join(SIZES)}, not {shown(common.aspect_ratio, 20)}",
                option="aspect_ratio",
            )
        extra["width"], extra["height"] = SIZES[common.aspect_ratio]
    if common.seed is not None:
        extra["seed"] = common.seed
    if common.negative_prompt is not None:
        extra["negative_prompt"] = common.negative_prompt
    for name, value in extra.items():
        if name in params:
            raise InvalidOption(
                f"inference_params.{name}: given twice (as an argument and in inference_params)",
                option=f"inference_params.{name}",
            )
        params[name] = value
    return params or None


def _checked(common: CommonArgs, options: dict[str, Any], image_url: str | None, video_url: str | None = None) -> Any:
    """The generated request model (video-to-video when there is a ``video_url``); InvalidOption naming what
    Moonvalley refuses."""
    from genvideo_comfy_client.models import (
        MoonvalleyImageToVideoRequest,
        MoonvalleyTextToVideoInferenceParams,
        MoonvalleyTextToVideoRequest,
        MoonvalleyVideoToVideoInferenceParams,
        MoonvalleyVideoToVideoRequest,
    )

    if not common.prompt:
        raise InvalidOption("prompt: Moonvalley needs a prompt", option="prompt")
    rest = dict(options)
    params = _inference_params(common, rest)
    body: dict[str, Any] = {"prompt_text": common.prompt}
    if video_url is not None:
        body["video_url"] = video_url
        body["control_type"] = rest.pop("control_type", DEFAULT_CONTROL_TYPE)
    if image_url is not None:
        body["image_url"] = image_url
    if params is not None:
        params_class = (
            MoonvalleyVideoToVideoInferenceParams if video_url is not None else MoonvalleyTextToVideoInferenceParams
        )
        check_fields(params, params_class, prefix="inference_params.")
        body["inference_params"] = params
    for name, value in rest.items():
        body[name] = value
    if video_url is not None:
        model_class: Any = MoonvalleyVideoToVideoRequest
    else:
        model_class = MoonvalleyImageToVideoRequest if image_url is not None else MoonvalleyTextToVideoRequest
    check_fields({k: v for k, v in body.items() if k != "inference_params"}, model_class)
    try:
        return model_class.from_dict(body)
    except (ValueError, TypeError, KeyError) as error:  # an enum value the spec does not list (control_type)
        raise InvalidOption(
            f"Moonvalley refuses this request: {shown(str(error), 200)}", option="control_type"
        ) from None


def _submit_request(model: Any, kind: str, idempotency_key: str) -> ApiRequest:
    from genvideo_comfy_client.api.api_nodes import (
        moonvalley_image_to_video,
        moonvalley_text_to_video,
        moonvalley_video_to_video,
    )

    endpoint = {
        "text": moonvalley_text_to_video,
        "image": moonvalley_image_to_video,
        "video": moonvalley_video_to_video,
    }
    kwargs = endpoint[kind]._get_kwargs(body=model, idempotency_key=idempotency_key)
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def _upload_request(content: bytes, content_type: str) -> ApiRequest:
    from genvideo_comfy_client.api.api_nodes import moonvalley_upload
    from genvideo_comfy_client.models import MoonvalleyUploadFileRequest

    kwargs = moonvalley_upload._get_kwargs(body=MoonvalleyUploadFileRequest())
    headers = {k: v for k, v in kwargs["headers"].items() if k.lower() != "content-type"}  # the client's boundary
    name = f"image.{_EXTENSIONS.get(content_type, 'bin')}"
    # The same bytes again are the same file: an upload may be retried.
    files = (FormFile("file", name, content, content_type),)
    return ApiRequest("POST", kwargs["url"], headers=headers, idempotent=True, files=files)


def _access_url(reply: Mapping[str, Any]) -> str:
    """The uploaded image's URL from ``{access_url}``."""
    value = reply.get("access_url")
    if not isinstance(value, str) or not value.startswith(("https://", "http://")):
        raise UploadError(
            f"moonvalley: uploading image 1 gave no usable access_url (got {shown(value, 60)})",
            provider=PROVIDER,
            what="image 1",
        )
    return valid_text(value)


def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
    """``create("moonvalley", ...)``: text-to-video without an image; with one, image-to-video; with
    ``video=``, video-to-video (a reference video, and optionally an image).

    ``prompt`` becomes ``prompt_text``; ``negative_prompt`` and ``seed`` go into ``inference_params``,
    ``aspect_ratio`` (16:9, 9:16, 1:1, 4:3, 3:4, 21:9) becomes its ``width`` and ``height`` (ComfyUI's
    sizes; video-to-video takes none: its output follows the video). An image URL is sent as
    ``image_url``; a file or bytes is uploaded to ``/proxy/moonvalley/uploads`` first and its
    ``access_url`` sent. A video URL is sent as ``video_url``; a file or bytes is put in Comfy's storage
    first (streamed) and its download URL sent. Video-to-video's ``control_type`` is an option,
    ``motion_control`` (the default, ComfyUI's) or ``pose_control``; its ``inference_params`` take
    ``control_params`` (``motion_intensity``) but no size. Options are the request's own fields
    (``inference_params`` such as ``steps`` or ``guidance_scale``, ``webhook_url``), checked against the
    generated request model before anything is sent or uploaded. Moonvalley takes no duration, model or
    resolution (InvalidOption).
    """
    _refuse_unsupported(common, options)
    images = common.images
    if len(images) > 1:
        raise InvalidOption(f"image: Moonvalley takes one image, not {len(images)}", option="image")
    image = images[0] if images else None
    content = data_uri_content(image) if image is not None and image.startswith("data:") else None
    url = _STAND_IN_URL if content is not None else image
    video = common.video
    video_url = _STAND_IN_VIDEO_URL if isinstance(video, LocalFile) else video
    model = _checked(common, options, url, video_url)
    if content is not None:
        reply = yield _upload_request(*content)
        url = _access_url(reply or {})
    if isinstance(video, LocalFile):
        video_url = yield from comfy_storage_url(video, "video")
    if content is not None or isinstance(video, LocalFile):
        model = _checked(common, options, url, video_url)
    kind = "video" if video is not None else "image" if image is not None else "text"
    reply = yield _submit_request(model, kind, idempotency_key)
    return submitted(reply or {})


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new prompt's ref, from the 201 MoonvalleyPromptResponse's ``id``; CreationFailed if Moonvalley
    failed it at once (a failed ``status``).

    A reply without a usable ``id`` raises ResponseValidationError carrying the reply (see
    ``refused_submit``): the prompt may exist and be billed.
    """
    raw_id = body.get("id")
    prompt_id = id_text(raw_id) if isinstance(raw_id, str) else None
    if not prompt_id:
        if raw_id is None or raw_id == "":
            raise refused_submit(PROVIDER, "the submit reply has no id", body)
        raise refused_submit(PROVIDER, f"the submit reply's id is a {type(raw_id).__name__}, not a string", body)
    try:
        ref = CreationRef(PROVIDER, prompt_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable id {shown(prompt_id, 40)}", body) from None
    creation = to_creation(ref, body)
    if creation.state is CreationState.FAILED:
        said = f" ({shown(creation.error_message)})" if creation.error_message else ""
        raise CreationFailed(f"{ref} failed at submit{said}", creation=creation)
    return ref


# -- poll --------------------------------------------------------------------------------------------


def _failure(error: Mapping[str, Any] | None) -> tuple[str | None, str | None]:
    """A code and a message from ``error`` (a free-form object): its usual keys, else the whole object."""
    if not error:
        return None, None
    code = next((error[k] for k in _ERROR_KEYS if isinstance(error.get(k), str | int) and error.get(k) != ""), None)
    message = next((error[k] for k in _MESSAGE_KEYS if isinstance(error.get(k), str) and error[k].strip()), None)
    if message is None and code is None:
        message = compact_json(error)
    return (valid_text(str(code)) if code is not None else None), (valid_text(message) if message else None)


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``id``, when present). ``raw_state`` is ``status`` as sent;
    ``error_code`` and ``error_message`` come from ``error`` (its ``code``/``message`` when it has
    them, else the object in compact JSON) once the prompt failed.
    """
    check_reply_id(PROVIDER, ref, body, ("id",))
    raw_state = valid_text(optional_str(PROVIDER, body, "status", ""))
    state = map_state(raw_state)
    url = optional_str(PROVIDER, body, "output_url", "")
    error = optional_object(PROVIDER, body, "error", "")
    code, message = _failure(error) if state is CreationState.FAILED else (None, None)
    outputs = (VideoOutput(valid_text(url), None, None, ref, 0),) if url else ()
    return Creation(
        ref=ref,
        state=state,
        raw_state=raw_state,
        progress=None,  # Moonvalley reports none
        outputs=outputs,
        error_code=code,
        error_message=message,
        created_at=None,
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
    )


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _moonvalley

    _CONFORMS: Adapter = _moonvalley
