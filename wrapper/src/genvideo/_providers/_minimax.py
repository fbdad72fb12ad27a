"""MiniMax (Hailuo) video through Comfy.org's API proxy.

The submit is ``POST /proxy/minimax/video_generation``; it answers ``{task_id, base_resp}``, where
``base_resp.status_code`` is 0 unless MiniMax refused the request (``status_msg`` says why). The poll takes
the id as a query parameter: ``GET /proxy/minimax/query/video_generation?task_id=<id>``; the state is
``status`` (``Queueing``, ``Preparing``, ``Processing``, ``Success``, ``Fail``). A successful task names only
a ``file_id``: a second request, ``GET /proxy/minimax/files/retrieve?file_id=<int>``, turns it into
``file.download_url`` (the spec says POST; both Comfy clients use GET, and patch 172 moves it). MiniMax
reports no progress. The file's ``created_at`` (when the video was written) is the Creation's
``updated_at``; the task reports no times.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from .._exceptions import CreationFailed, InvalidOption, ResponseValidationError
from .._fields import optional_code, optional_object, optional_str
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from ._adapter import Adapter, GetFlow
from ._flows import one_request
from ._generated import state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs
from ._text import shown, valid_text

PROVIDER: Provider = "minimax"
# Used when create("minimax", ...) names no model: the model of ComfyUI's "MiniMax Hailuo Video" node
# (comfy_api_nodes/nodes_minimax.py, MinimaxHailuoVideoNode.execute: model="MiniMax-Hailuo-02", duration 6,
# resolution "768P"; read at comfyanonymous/ComfyUI@00932e2b). It is the one model the spec lists that makes
# video from a prompt alone and from a first frame (the T2V models take no image, the I2V models need one),
# and the only one that takes duration and resolution.
DEFAULT_MODEL = "MiniMax-Hailuo-02"
# The models that take duration and resolution ("Only available for MiniMax-Hailuo-02", comfy-spec lines
# 19021-19030), and the ones that need a first frame ("Required when model is I2V-01, I2V-01-Director, or
# I2V-01-live", lines 19003-19005). The text-to-video models and S2V-01 (which takes subject_reference) take no
# first frame: ComfyUI offers T2V-01/T2V-01-Director only on its text node and S2V-01 only with a subject image.
LENGTH_MODELS = frozenset({"MiniMax-Hailuo-02"})
FIRST_FRAME_MODELS = frozenset({"I2V-01", "I2V-01-Director", "I2V-01-live"})
NO_FIRST_FRAME_MODELS = frozenset({"T2V-01", "T2V-01-Director", "S2V-01"})
RESOLUTIONS = ("768P", "1080P")
LONG_DURATION = 10  # ComfyUI: "When model is MiniMax-Hailuo-02 and resolution is 1080P, duration is limited to 6"
PROMPT_MAX = 2000  # MinimaxVideoGenerationRequest.prompt maxLength
# Request fields the common arguments fill: given as options they would bypass the checks below.
_ARGUMENT_FIELDS = {
    "model": "model",
    "prompt": "prompt",
    "first_frame_image": "image",
    "duration": "duration",
    "resolution": "resolution",
}
_DIGITS = re.compile(r"[0-9]{1,4000}")  # a file_id as the retrieve's integer query parameter


@dataclass(frozen=True, slots=True)
class MinimaxRaw:
    """MiniMax's replies as generated models: the task, and the retrieved file once fetched."""

    task: Any
    """``genvideo_comfy_client.models.MinimaxTaskResultResponse``"""
    retrieve: Any | None
    """``genvideo_comfy_client.models.MinimaxFileRetrieveResponse``, or None before the task succeeded."""


def _query_path(endpoint_module: str, **params: Any) -> str:
    """The generated endpoint's URL with its query parameters, each value percent-encoded whole (an ``&``,
    ``#`` or ``%`` in it stays inside its parameter)."""
    import importlib

    kwargs = importlib.import_module(endpoint_module)._get_kwargs(**params)
    query = urlencode(kwargs["params"], safe="", quote_via=quote)
    return f"{kwargs['url']}?{query}" if query else str(kwargs["url"])


@lru_cache(maxsize=4096)
def status_path(task_id: str) -> str:
    """``/proxy/minimax/query/video_generation?task_id=…``, as the generated client builds it (cached)."""
    return _query_path("genvideo_comfy_client.api.api_nodes.get_minimax_video_generation", task_id=task_id)


def retrieve_path(file_id: int) -> str:
    """``/proxy/minimax/files/retrieve?file_id=…``, as the generated client builds it."""
    return _query_path("genvideo_comfy_client.api.api_nodes.retrieve_minimax_file", file_id=file_id)


def file_number(value: object) -> int | None:
    """The task's ``file_id`` as the retrieve's integer: None when absent or empty (nothing to fetch),
    ResponseValidationError when it is no non-negative decimal integer (the spec types it as a string,
    the retrieve as an integer; ComfyUI calls ``int(file_id)``)."""
    if value is None or value == "":
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        return int(value)
    raise ResponseValidationError(
        f"minimax: the task's file_id should be a decimal integer (files/retrieve takes one), got {shown(value)}",
        provider=PROVIDER,
    )


def get_flow(ref: CreationRef) -> GetFlow:
    """The task first; the file (which holds the video's URL) only once the task succeeded with a file_id."""
    task = yield ApiRequest("GET", status_path(ref.id))
    creation = to_creation(ref, task, None)
    if creation.state is CreationState.SUCCEEDED:
        file_id = file_number(task.get("file_id"))
        if file_id is not None:
            retrieve = yield ApiRequest("GET", retrieve_path(file_id))
            creation = to_creation(ref, task, retrieve)
    return creation


#: MiniMax's status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> MinimaxRaw:
    from genvideo_comfy_client.models import MinimaxFileRetrieveResponse, MinimaxTaskResultResponse

    retrieve = payload.get("retrieve")
    return MinimaxRaw(
        MinimaxTaskResultResponse.from_dict(payload["task"]),
        MinimaxFileRetrieveResponse.from_dict(retrieve) if retrieve is not None else None,
    )


def _parse_submit_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model of a submit reply: ``genvideo_comfy_client.models.MinimaxVideoGenerationResponse``."""
    from genvideo_comfy_client.models import MinimaxVideoGenerationResponse

    return MinimaxVideoGenerationResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _model(model: str | None) -> str:
    from genvideo_comfy_client.models import MinimaxVideoGenerationRequestModel

    if model is None:
        return DEFAULT_MODEL
    names = [member.value for member in MinimaxVideoGenerationRequestModel]
    if model not in names:
        raise InvalidOption(
            f"model: {shown(model, 40)} is not a MiniMax model (valid: {', '.join(names)})", option="model"
        )
    return model


def _resolution(resolution: int | str) -> str:
    """``768``, ``"768p"`` or ``"768P"`` as ``"768P"``; InvalidOption for anything else."""
    text = str(resolution).strip().upper() if isinstance(resolution, int | str) else ""
    if isinstance(resolution, bool) or not text:
        raise InvalidOption(f"resolution: {resolution!r:.40} is not a resolution", option="resolution")
    word = text if text.endswith("P") else f"{text}P"
    if word not in RESOLUTIONS:
        raise InvalidOption(
            f"resolution: MiniMax takes {', '.join(RESOLUTIONS)}, not {shown(str(resolution), 20)}",
            option="resolution",
        )
    return word


def _length(common: CommonArgs, model: str) -> dict[str, Any]:
    """``duration`` and ``resolution`` for ``model`` (Hailuo-02 only)."""
    from genvideo_comfy_client.models import MinimaxVideoGenerationRequestDuration

    fields: dict[str, Any] = {}
    for name, given in (("duration", common.duration), ("resolution", common.resolution)):
        if given is not None and model not in LENGTH_MODELS:
            raise InvalidOption(
                f"{name}: only {', '.join(sorted(LENGTH_MODELS))} takes a {name}, not {model}", option=name
            )
    if common.duration is not None:
        durations = [member.value for member in MinimaxVideoGenerationRequestDuration]
        if isinstance(common.duration, bool) or common.duration not in durations:
            raise InvalidOption(
                f"duration: MiniMax takes {' or '.join(map(str, durations))} seconds, not {common.duration!r:.20}",
                option="duration",
            )
        fields["duration"] = common.duration
    if common.resolution is not None:
        fields["resolution"] = _resolution(common.resolution)
    if fields.get("resolution") == "1080P" and fields.get("duration") == LONG_DURATION:
        # ComfyUI refuses it before sending (nodes_minimax.py, MinimaxHailuoVideoNode.execute).
        raise InvalidOption(
            f"duration: {model} makes {LONG_DURATION}-second videos at 768P only; at 1080P it takes 6 seconds",
            option="duration",
        )
    return fields


def _first_frame(images: list[str], model: str) -> str | None:
    """The one image as ``first_frame_image``: an http(s) URL or a ``data:`` URI (files and bytes), sent as
    is. The spec takes "URL or base64 encoding of the first frame image" (comfy-spec lines 19003-19005), and
    MiniMax's own MCP server sends local images to the same API as ``data:image/...;base64,...`` URIs
    (MiniMax-AI/MiniMax-MCP@5a2cfe7d minimax_mcp/server.py, generate_video). ComfyUI uploads to Comfy's
    storage and sends the URL instead; the proxy passes the field through."""
    if len(images) > 1:
        raise InvalidOption(f"image: MiniMax takes one image (the first frame), got {len(images)}", option="image")
    image = images[0] if images else None
    if image is not None and model in NO_FIRST_FRAME_MODELS:
        raise InvalidOption(
            f"image: {model} takes no first-frame image (use {DEFAULT_MODEL} or an I2V model)", option="image"
        )
    if image is None and model in FIRST_FRAME_MODELS:
        raise InvalidOption(f"image: {model} makes video from a first-frame image: pass image=…", option="image")
    return image


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("minimax", ...)``.

    ``model`` defaults to ``MiniMax-Hailuo-02``. ``prompt`` (at most 2000 characters) and the image (one, as
    ``first_frame_image``) need at least one of them; ``duration`` (6 or 10) and ``resolution`` (``768P`` or
    ``1080P``; ``768``, ``"1080p"`` are read as those) only with Hailuo-02, and 10 seconds only at 768P.
    MiniMax takes no negative prompt, seed or aspect ratio. ``options`` are the request's other fields
    (``prompt_optimizer``, ``callback_url``, ``subject_reference``).
    """
    from genvideo_comfy_client.api.api_nodes import minimax_video_generation
    from genvideo_comfy_client.models import MinimaxVideoGenerationRequest

    for name, value, what in (
        ("negative_prompt", common.negative_prompt, "negative prompt"),
        ("seed", common.seed, "seed (ComfyUI's seed widget is not sent either)"),
        ("aspect_ratio", common.aspect_ratio, "aspect ratio (it follows the resolution, or the first frame)"),
    ):
        if value is not None:
            raise InvalidOption(f"{name}: MiniMax takes no {what}", option=name)
    for name, argument in _ARGUMENT_FIELDS.items():
        if name in options:
            raise InvalidOption(f"{name}: pass it as the {argument} argument", option=name)
    model = _model(common.model)
    prompt = common.prompt or None
    if prompt is not None and len(prompt) > PROMPT_MAX:
        raise InvalidOption(
            f"prompt: MiniMax takes at most {PROMPT_MAX} characters, not {len(prompt)}", option="prompt"
        )
    image = _first_frame(common.images, model)
    if prompt is None and image is None:
        raise InvalidOption("prompt: MiniMax needs a prompt (or a first-frame image)", option="prompt")
    body: dict[str, Any] = {"model": model}
    if prompt is not None:
        body["prompt"] = prompt
    if image is not None:
        body["first_frame_image"] = image
    body.update(_length(common, model))
    body.update(options)  # anything else: check_fields names what is not a request field
    check_fields(body, MinimaxVideoGenerationRequest)
    kwargs = minimax_video_generation._get_kwargs(
        body=MinimaxVideoGenerationRequest.from_dict(body), idempotency_key=idempotency_key
    )
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def _base_error(reply: Mapping[str, Any] | None, where: str) -> tuple[str | None, str | None]:
    """``base_resp``'s code and message when it reports an error (a status_code other than 0), else Nones."""
    if reply is None:
        return None, None
    base = optional_object(PROVIDER, reply, "base_resp", where)
    if base is None:
        return None, None
    code = valid_text(optional_code(base, "status_code"))
    text = base.get("status_msg")
    message = valid_text(text) if isinstance(text, str) else None
    if code is None or code == "0":
        return None, None
    return code, message or None


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new task's ref, from ``{"task_id": …, "base_resp": {"status_code": 0, …}}``.

    A non-zero ``base_resp.status_code`` is a refusal: CreationFailed (``error_code`` the status code,
    ``error_message`` its ``status_msg``) when the reply still names a task, else (MiniMax refuses with
    ``task_id: ""``; ComfyUI checks ``if not task_id``) ResponseValidationError naming the code and message,
    with the reply in ``.body`` (see ``refused_submit``). A reply without a usable ``task_id`` (a string, or
    a non-negative integer read as its decimal string) raises the same.
    """
    base = body.get("base_resp")
    if base is not None and not isinstance(base, dict):
        raise refused_submit(PROVIDER, f"the submit reply's base_resp is a {type(base).__name__}, not an object", body)
    code, message = _base_error(body, "")
    raw_id = body.get("task_id")
    task_id = id_text(raw_id)
    ref = None
    if task_id:
        try:
            ref = CreationRef(PROVIDER, task_id)
        except ValueError:
            if code is None:
                raise refused_submit(PROVIDER, f"unusable task_id {shown(task_id, 40)}", body) from None
    if code is not None:
        said = f"{shown(code)}: {shown(message, 200) if message else 'no message'}"
        if ref is None:
            raise refused_submit(PROVIDER, f"the submit was refused ({said})", body)
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
            _raw_parser=_parse_submit_raw,
        )
        raise CreationFailed(f"{ref} was refused at submit ({said})", creation=creation)
    if ref is None:
        if raw_id is None or raw_id == "":
            raise refused_submit(PROVIDER, "the submit reply has no task_id", body)
        raise refused_submit(PROVIDER, f"the submit reply's task_id is a {type(raw_id).__name__}, not a string", body)
    return ref


# -- poll ----------------------------------------------------------------------------------------------


def _file(ref: CreationRef, task: Mapping[str, Any], retrieve: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """The retrieve's ``file``, checked to be the task's file (its ``file_id``, when present)."""
    file = optional_object(PROVIDER, retrieve, "file", "retrieve ")
    if file is None:
        return None
    asked = file_number(task.get("file_id"))
    sent = file.get("file_id")
    if sent is not None and sent != "" and asked is not None and id_text(sent) != str(asked):
        raise ResponseValidationError(
            f"minimax: asked for file {asked} of {ref} but the reply is for file {shown(sent)}: another file's answer "
            "was refused (is a client shared across os.fork(), or a proxy mixing up replies?)",
            provider=PROVIDER,
        )
    return file


def _outputs(ref: CreationRef, file: Mapping[str, Any] | None) -> tuple[VideoOutput, ...]:
    """``file.download_url``, else the undeclared ``file.backup_download_url`` (a second link to the same video,
    which ComfyUI tries when the first download fails): one video."""
    if file is None:
        return ()
    url = optional_str(PROVIDER, file, "download_url", "retrieve file.")
    backup = optional_str(PROVIDER, file, "backup_download_url", "retrieve file.")
    chosen = url or backup
    return (VideoOutput(valid_text(chosen), None, None, ref, 0),) if chosen else ()


def to_creation(ref: CreationRef, task: Mapping[str, Any], retrieve: Mapping[str, Any] | None) -> Creation:
    """Normalise the task reply (and the retrieve reply, when there is one).

    The task must be ``ref``'s (its ``task_id``, when present), the file the task's (its ``file_id``). A
    non-zero ``base_resp.status_code`` (the task's, else the retrieve's) is the error code, its
    ``status_msg`` the error message, whatever the state. Strings are handed on as valid Unicode;
    ``payload`` (``{"task": …, "retrieve": …}``) keeps them as sent.
    """
    check_reply_id(PROVIDER, ref, task, ("task_id",))
    raw_state = valid_text(optional_str(PROVIDER, task, "status", ""))
    if not isinstance(task.get("file_id"), int):
        optional_str(PROVIDER, task, "file_id", "")  # a wrong type is a broken reply, whatever the state
    code, message = _base_error(task, "")
    file = _file(ref, task, retrieve) if retrieve is not None else None
    if code is None and retrieve is not None:
        code, message = _base_error(retrieve, "retrieve ")
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=None,  # MiniMax reports no progress
        outputs=_outputs(ref, file),
        error_code=code,
        error_message=message,
        created_at=None,
        updated_at=parse_timestamp(file.get("created_at")) if file is not None else None,
        payload={"task": task, "retrieve": retrieve},
        _raw_parser=parse_raw,
    )


submit_flow = one_request(submit_request, submitted)  # data: URIs go inline (the spec: URL or base64)


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _minimax

    _CONFORMS: Adapter = _minimax
