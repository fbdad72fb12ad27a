"""PixVerse through Comfy.org's API proxy.

Two submits: ``POST /proxy/pixverse/video/text/generate`` (a prompt) and
``POST /proxy/pixverse/video/img/generate`` (a prompt and one image). PixVerse takes images as integer
ids only: each image (bytes or a file, as a ``data:`` URI) is first sent as a multipart form to
``POST /proxy/pixverse/image/upload``, whose reply names it at ``Resp.img_id``. Every reply is
``{ErrCode, ErrMsg, Resp}``: the video's id at ``Resp.video_id`` (an integer: the ref's id is its decimal
string), its state at ``Resp.status`` (an integer code), the video at ``Resp.url``. A non-zero ``ErrCode``
means PixVerse refused the request (``ErrMsg`` says why). PixVerse reports no progress.

Every PixVerse operation declares a required ``Ai-trace-id`` header ("Unique UUID for each request"):
genvideo sends a fresh UUID on each request (ComfyUI sends none; the spec asks for it, and it is harmless).
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import CreationFailed, InvalidCreationRef, InvalidOption, ResponseValidationError, UploadError
from .._fields import optional_code, optional_object, optional_str
from .._images import data_uri_content
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from ._adapter import Adapter, GetFlow
from ._generated import state_mapper
from ._replies import id_text, refused_submit
from ._submit import ApiRequest, CommonArgs, FormFile, SubmitFlow
from ._text import shown, valid_text

PROVIDER: Provider = "pixverse"
# Used when create("pixverse", ...) names no model: the only model the spec lists (PixverseTextVideoRequest
# and PixverseImageVideoRequest, model enum [v3.5]).
DEFAULT_MODEL = "v3.5"
# The fields the spec requires that create() has no other default for: ComfyUI's PixVerse nodes default to
# 5 seconds, 540p and 16:9 (Comfy-Org/ComfyUI@8cbbea8f comfy_api_nodes/nodes_pixverse.py).
DEFAULT_DURATION = 5
DEFAULT_QUALITY = "540p"
DEFAULT_ASPECT_RATIO = "16:9"
# Stands in for the uploaded image's id while the request is checked, before anything is sent.
_STAND_IN_IMG_ID = 0
#: What a failed code means, as Creation.error_code (the spec's words: 6 deleted, 7 contents moderation
#: failed, 8 generation failed).
FAILURE_CODES = {"6": "deleted", "7": "moderation", "8": "failed"}
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif", "image/bmp": "bmp"}
_API = "genvideo_comfy_client.api.api_nodes"


def _trace_id() -> str:
    """A fresh ``Ai-trace-id`` (the spec: "Unique UUID for each request")."""
    return str(uuid.uuid4())


def status_path(creation_id: str) -> str:
    """The result path for a video id, as the generated client builds it."""
    from genvideo_comfy_client.api.api_nodes import pixverse_get_video_result

    return str(pixverse_get_video_result._get_kwargs(int(creation_id), ai_trace_id="")["url"])


def _video_id(ref: CreationRef) -> str:
    """The ref's id, which must be PixVerse's decimal integer video id."""
    if not (ref.id.isascii() and ref.id.isdigit()):
        raise InvalidCreationRef(f"{shown(ref.id, 40)} is not a PixVerse video id: expected a decimal integer")
    return ref.id


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: ``GET /proxy/pixverse/video/result/{id}``."""
    from genvideo_comfy_client.api.api_nodes import pixverse_get_video_result

    kwargs = pixverse_get_video_result._get_kwargs(int(_video_id(ref)), ai_trace_id=_trace_id())
    body = yield ApiRequest("GET", kwargs["url"], headers=kwargs["headers"])
    return to_creation(ref, body)


#: PixVerse's status code (as its decimal string) as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.PixverseVideoResultResponse``."""
    from genvideo_comfy_client.models import PixverseVideoResultResponse

    return PixverseVideoResultResponse.from_dict(payload)


def parse_submit_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.PixverseVideoResponse``."""
    from genvideo_comfy_client.models import PixverseVideoResponse

    return PixverseVideoResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _quality(resolution: int | str) -> str:
    """``resolution`` as PixVerse's quality (``720`` or ``"720p"`` -> ``"720p"``)."""
    from genvideo_comfy_client.models import PixverseTextVideoRequestQuality

    allowed = [member.value for member in PixverseTextVideoRequestQuality]
    if isinstance(resolution, bool):
        text = None
    elif isinstance(resolution, int):
        text = f"{resolution}p"
    else:
        text = resolution.strip().lower()
        text = text if text.endswith("p") else f"{text}p"
    if text not in allowed:
        raise InvalidOption(
            f"resolution: PixVerse takes {', '.join(allowed)} (or 360, 540, 720, 1080), not {shown(resolution, 20)}",
            option="resolution",
        )
    return text


def _refuse_unsupported(options: dict[str, Any]) -> None:
    for name, argument in (("quality", "resolution"), ("model", "model")):
        if name in options:
            raise InvalidOption(f"{name}: pass PixVerse's {name} as the {argument} argument", option=name)
    for name in ("img_id", "image"):
        if name in options:
            raise InvalidOption(f"{name}: pass the image as the image argument (a file or bytes)", option=name)


def _image_content(image: str) -> tuple[bytes, str]:
    """The bytes and media type of an image given as a file or bytes; InvalidOption for a URL."""
    if not image.startswith("data:"):
        raise InvalidOption(
            "image: PixVerse takes uploaded images only, not URLs: pass the image as a file or bytes "
            "(genvideo uploads it)",
            option="image",
        )
    return data_uri_content(image)


def _body(common: CommonArgs, options: dict[str, Any], img_id: int | None) -> dict[str, Any]:
    body: dict[str, Any] = {
        "model": common.model if common.model is not None else DEFAULT_MODEL,
        "duration": common.duration if common.duration is not None else DEFAULT_DURATION,
        "quality": _quality(common.resolution) if common.resolution is not None else DEFAULT_QUALITY,
    }
    if img_id is not None:
        body["img_id"] = img_id
    else:  # image-to-video takes the image's own aspect ratio (PixverseImageVideoRequest has no aspect_ratio)
        body["aspect_ratio"] = common.aspect_ratio if common.aspect_ratio is not None else DEFAULT_ASPECT_RATIO
    if common.prompt:
        body["prompt"] = common.prompt
    if common.negative_prompt is not None:
        body["negative_prompt"] = common.negative_prompt
    if common.seed is not None:
        body["seed"] = common.seed
    for name, value in options.items():
        if name in body:
            raise InvalidOption(f"{name}: given twice (as an argument and as an option)", option=name)
        body[name] = value
    return body


def _checked(body: dict[str, Any], kind: str) -> Any:
    """The generated request model of ``body``; InvalidOption naming what PixVerse refuses."""
    from genvideo_comfy_client import models

    model_class = getattr(models, "PixverseImageVideoRequest" if kind == "img" else "PixverseTextVideoRequest")
    if "prompt" not in body:
        raise InvalidOption("prompt: PixVerse needs a prompt", option="prompt")
    duration = body["duration"]
    if isinstance(duration, bool) or duration not in (5, 8):
        raise InvalidOption(f"duration: PixVerse takes 5 or 8 seconds, not {shown(duration, 20)}", option="duration")
    check_fields(body, model_class)
    try:
        return model_class.from_dict(body)
    except (ValueError, TypeError, KeyError) as error:
        raise InvalidOption(f"PixVerse refuses this request: {shown(str(error), 200)}", option="model") from None


def _submit_request(model: Any, kind: str, idempotency_key: str) -> ApiRequest:
    endpoint = importlib.import_module(f"{_API}.pixverse_generate_{'image' if kind == 'img' else 'text'}_video")
    kwargs = endpoint._get_kwargs(body=model, ai_trace_id=_trace_id(), idempotency_key=idempotency_key)
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def _upload_request(content: bytes, content_type: str) -> ApiRequest:
    from genvideo_comfy_client.api.api_nodes import pixverse_upload_image
    from genvideo_comfy_client.models import PixverseUploadImageBody

    kwargs = pixverse_upload_image._get_kwargs(body=PixverseUploadImageBody(), ai_trace_id=_trace_id())
    headers = {k: v for k, v in kwargs["headers"].items() if k.lower() != "content-type"}  # the client's boundary
    name = f"image.{_EXTENSIONS.get(content_type, 'bin')}"
    # The same bytes again are the same image: an upload may be retried.
    files = (FormFile("image", name, content, content_type),)
    return ApiRequest("POST", kwargs["url"], headers=headers, idempotent=True, files=files)


def _refusal(body: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """PixVerse's ``ErrCode`` when it is not 0 (as text), and its ``ErrMsg``."""
    code = valid_text(optional_code(body, "ErrCode"))
    message = body.get("ErrMsg")
    said = valid_text(message) if isinstance(message, str) and message else None
    return (None if code in (None, "0") else code), said


def _img_id(reply: Mapping[str, Any]) -> int:
    """The uploaded image's id from ``{ErrCode, ErrMsg, Resp: {img_id}}``."""
    code, message = _refusal(reply)
    if code is not None:
        said = shown(message, 200) if message else "no message"
        raise UploadError(
            f"pixverse: uploading image 1 was refused (ErrCode {shown(code)}: {said})",
            provider=PROVIDER,
            what="image 1",
        )
    resp = optional_object(PROVIDER, reply, "Resp", "")
    value = resp.get("img_id") if resp is not None else None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ResponseValidationError(
            f"pixverse: the image upload reply's Resp.img_id should be an integer, got {type(value).__name__}",
            provider=PROVIDER,
        )
    return value


def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
    """``create("pixverse", ...)``: text/generate without an image; with one, upload it then img/generate.

    ``resolution`` becomes ``quality`` (``360p``…``1080p``; ``720`` and ``"720p"`` both work), ``model``
    defaults to ``v3.5``; ``prompt``, ``negative_prompt``, ``duration`` (5 or 8), ``aspect_ratio`` (text
    only) and ``seed`` keep their names. Other options (``motion_mode``, ``style``, ``template_id``,
    ``water_mark``) are the request's own fields, checked against the generated request model before
    anything is sent (the image's id by a stand-in).
    """
    _refuse_unsupported(options)
    images = common.images
    if len(images) > 1:
        raise InvalidOption(f"image: PixVerse takes one image, not {len(images)}", option="image")
    if images and common.aspect_ratio is not None:
        raise InvalidOption(
            "aspect_ratio: PixVerse's image-to-video takes the image's aspect ratio", option="aspect_ratio"
        )
    kind = "img" if images else "text"
    content = _image_content(images[0]) if images else None
    body = _body(common, options, _STAND_IN_IMG_ID if images else None)
    model = _checked(body, kind)
    if content is not None:
        reply = yield _upload_request(*content)
        body["img_id"] = _img_id(reply or {})
        model = _checked(body, kind)
    reply = yield _submit_request(model, kind, idempotency_key)
    return submitted(reply or {})


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The ref of the video a submit reply names, from ``{ErrCode, ErrMsg, Resp: {video_id}}``.

    A non-zero ``ErrCode`` raises CreationFailed when the reply names a video, ResponseValidationError
    carrying the reply (``refused_submit``) when it does not; so does a reply without a usable integer
    ``Resp.video_id`` (the video may exist and be billed).
    """
    resp = body.get("Resp")
    if resp is not None and not isinstance(resp, dict):
        raise refused_submit(PROVIDER, f"the submit reply's Resp is a {type(resp).__name__}, not an object", body)
    code, message = _refusal(body)
    raw_id = resp.get("video_id") if resp is not None else None
    if raw_id is None:
        if code is not None:
            said = shown(message, 200) if message else "no message"
            raise refused_submit(PROVIDER, f"the submit was refused (ErrCode {shown(code)}: {said})", body)
        raise refused_submit(PROVIDER, "the submit reply has no Resp.video_id", body)
    video_id = id_text(raw_id) if isinstance(raw_id, int) else None
    if video_id is None:
        raise refused_submit(
            PROVIDER, f"the submit reply's Resp.video_id is a {type(raw_id).__name__}, not an integer", body
        )
    ref = CreationRef(PROVIDER, video_id)
    if code is not None:
        creation = Creation(
            ref=ref,
            state=CreationState.FAILED,
            raw_state=None,
            progress=None,
            outputs=(),
            error_code=code,
            error_message=message,
            created_at=None,
            updated_at=None,
            payload=body,
            _raw_parser=parse_submit_raw,
        )
        raise CreationFailed(f"{ref} failed at submit (ErrCode {shown(code)})", creation=creation)
    return ref


# -- poll ----------------------------------------------------------------------------------------------


def _status(resp: Mapping[str, Any] | None) -> str | None:
    """``Resp.status`` as its decimal string (the registry's keys); None when missing."""
    value = resp.get("status") if resp is not None else None
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ResponseValidationError(
            f"pixverse: Resp.status should be an integer or null, got {type(value).__name__}", provider=PROVIDER
        )
    return str(value)


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``Resp.id``, when present, is the video id). ``raw_state`` is the
    status code as its decimal string; ``error_code`` is ``deleted``, ``moderation`` or ``failed`` for
    codes 6, 7 and 8 (else the top-level ``ErrCode`` when it is not 0); ``error_message`` is ``ErrMsg``.
    """
    resp = optional_object(PROVIDER, body, "Resp", "")
    if resp is not None:
        reply_id = resp.get("id")
        if reply_id is not None:
            text = id_text(reply_id) if isinstance(reply_id, int) else None
            if text is None:
                raise ResponseValidationError(
                    f"pixverse: the reply's Resp.id should be an integer or null, got {type(reply_id).__name__}",
                    provider=PROVIDER,
                )
            if text != ref.id:
                raise ResponseValidationError(
                    f"pixverse: asked for {ref} but the reply is for id {shown(text)}: another creation's "
                    "answer was refused (is a client shared across os.fork(), or a proxy mixing up replies?)",
                    provider=PROVIDER,
                )
    raw_state = _status(resp)
    state = map_state(raw_state)
    code, message = _refusal(body)
    outputs: tuple[VideoOutput, ...] = ()
    if resp is not None:
        url = optional_str(PROVIDER, resp, "url", "Resp.")
        if url:  # a reply without a video URL delivers nothing (it stays in payload/raw)
            outputs = (VideoOutput(valid_text(url), None, None, ref, 0),)
    error_code = FAILURE_CODES.get(raw_state or "") if state is CreationState.FAILED else None
    return Creation(
        ref=ref,
        state=state,
        raw_state=raw_state,
        progress=None,  # PixVerse reports no progress
        outputs=outputs,
        error_code=error_code or code,
        # PixVerse sends ErrMsg on every reply ("success"): it is a reason only beside a refusal or a failure.
        error_message=message if code is not None or state is CreationState.FAILED else None,
        created_at=None,
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
    )


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _pixverse

    _CONFORMS: Adapter = _pixverse
