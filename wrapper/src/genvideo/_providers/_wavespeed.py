"""WaveSpeed FlashVSR (video upscale) through Comfy.org's API proxy: a transform of the caller's video.

The submit is ``POST /proxy/wavespeed/api/v3/wavespeed-ai/flashvsr`` (``video``: a URL; ``duration``: the
input's length in seconds, required; ``target_resolution``); the reply names ``data.id``. The poll is
``GET /proxy/wavespeed/api/v3/predictions/{prediction_id}/result``; the state is ``data.status``, the video
``data.outputs[0]``, a failure ``data.error``. WaveSpeed reports no progress. A video given as a file or
bytes is put in Comfy's storage first (WaveSpeed is sent a URL); for an MP4 or QuickTime one, ``duration`` is
read from its ``moov`` box (``genvideo._mp4``) when the caller gives none.

As ComfyUI (nodes_wavespeed.py L79-92): a reply whose ``code`` is not 200 is a refused submit, and a
completed prediction is only a success with ``code`` 200; a poll reply with null ``data`` is failed.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import InvalidOption
from .._fields import optional_code, optional_list, optional_object, optional_str
from .._models import Creation, VideoOutput
from .._mp4 import read_video_facts
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from .._videos import LocalFile
from ._adapter import Adapter, GetFlow
from ._flows import inputs_as_urls
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs, SubmitFlow
from ._text import shown, valid_text

PROVIDER: Provider = "wavespeed"
# What the checks before an upload put where the storage URL goes (the request is built again with it).
_PENDING_UPLOAD = "https://storage.invalid/genvideo-input"
# resolution (lower case, "p" optional for the two numeric ones) -> target_resolution.
RESOLUTIONS = {"720": "720p", "720p": "720p", "1080": "1080p", "1080p": "1080p", "2k": "2k", "4k": "4k"}

#: The poll's path for an id, as the generated client builds it.
status_path = id_path("genvideo_comfy_client.api.api_nodes.wavespeed_flash_vsr_get_result")

#: WaveSpeed's data.status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the prediction's result."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.WavespeedTaskResultResponse``."""
    from genvideo_comfy_client.models import WavespeedTaskResultResponse

    return WavespeedTaskResultResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _refuse(common: CommonArgs) -> None:
    """InvalidOption for each common argument WaveSpeed has no field for (never dropped)."""
    if common.prompt:
        raise InvalidOption(
            "prompt: WaveSpeed upscales a video and takes no prompt (pass prompt=None)", option="prompt"
        )
    unused = {
        "image": common.images or None,
        "negative_prompt": common.negative_prompt,
        "aspect_ratio": common.aspect_ratio,
        "seed": common.seed,
        "model": common.model,
    }
    for name, value in unused.items():
        if value is not None:
            raise InvalidOption(f"{name}: WaveSpeed's FlashVSR upscale takes no {name}", option=name)


def _target_resolution(resolution: int | str) -> str:
    word = str(resolution).strip().lower() if isinstance(resolution, int | str) else ""
    if isinstance(resolution, bool) or word not in RESOLUTIONS:
        raise InvalidOption(
            f"resolution: WaveSpeed upscales to 720p, 1080p, 2k or 4k, not {shown(str(resolution), 20)}",
            option="resolution",
        )
    return RESOLUTIONS[word]


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("wavespeed", video=..., duration=...)``.

    ``video`` is required (``video``, a URL; files and bytes are uploaded first), and so is ``duration``:
    the input video's length in seconds, which WaveSpeed bills by (:func:`submit_flow` reads it from an
    MP4 or QuickTime file or bytes; a URL needs ``duration=``). ``resolution`` is ``target_resolution``
    (720p, 1080p, 2k, 4k; WaveSpeed's default 1080p). A prompt, a model and the other common arguments are
    refused: WaveSpeed has no field for them.
    """
    from genvideo_comfy_client.api.api_nodes import wavespeed_flash_vsr_submit
    from genvideo_comfy_client.models import WavespeedFlashVSRRequest

    if common.video is None:
        raise InvalidOption("video: WaveSpeed upscales a video: pass video= (a URL, a path or bytes)", option="video")
    _refuse(common)
    duration = common.duration
    if duration is None and "duration" not in options:
        raise InvalidOption(
            "duration: WaveSpeed needs the input video's length in seconds (duration=, e.g. 5); "
            "genvideo reads it only from an MP4 or QuickTime file or bytes, not from a URL",
            option="duration",
        )
    if duration is not None and (isinstance(duration, bool) or not isinstance(duration, int) or duration <= 0):
        raise InvalidOption(
            f"duration: the input video's length in whole seconds, above 0, not {duration!r:.20}", option="duration"
        )
    body: dict[str, Any] = dict(options)
    for name, argument, value in (
        ("video", "video", common.video if isinstance(common.video, str) else _PENDING_UPLOAD),
        ("duration", "duration", duration),
        (
            "target_resolution",
            "resolution",
            None if common.resolution is None else _target_resolution(common.resolution),
        ),
    ):
        if value is None:
            continue
        if name in body:
            raise InvalidOption(f"{argument}: given twice (as an argument and as the option {name})", option=argument)
        body[name] = value
    check_fields(body, WavespeedFlashVSRRequest)
    kwargs = wavespeed_flash_vsr_submit._get_kwargs(
        body=WavespeedFlashVSRRequest.from_dict(body), idempotency_key=idempotency_key
    )
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new prediction's ref, from ``{"code": 200, "message": …, "data": {"id": …, "status": …}}``.

    A reply whose ``code`` is not 200 (ComfyUI checks it too) or that has no usable ``data.id`` raises
    ResponseValidationError carrying the reply.
    """
    data = body.get("data")
    if data is not None and not isinstance(data, dict):
        raise refused_submit(PROVIDER, f"the submit reply's data is a {type(data).__name__}, not an object", body)
    code = optional_code(body, "code")
    if code is not None and code != "200":
        message = body.get("message") if isinstance(body.get("message"), str) else None
        said = shown(valid_text(message), 200) if message else "no message"
        raise refused_submit(PROVIDER, f"the submit was refused (code {shown(code)}: {said})", body)
    raw_id = data.get("id") if data is not None else None
    prediction_id = id_text(raw_id) if raw_id not in (None, "") else None
    if prediction_id is None:
        raise refused_submit(PROVIDER, "the submit reply has no usable data.id", body)
    try:
        return CreationRef(PROVIDER, prediction_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable data.id {shown(prediction_id, 40)}", body) from None


# -- poll ----------------------------------------------------------------------------------------------


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``data.id``, when present, is the id). Null or missing ``data`` is
    FAILED (ComfyUI's reading; raw_state None, the reply's ``code`` and ``message`` kept). A completed
    prediction with a ``code`` other than 200 is FAILED too (ComfyUI requires 200 on the final poll).
    ``data.outputs[0]`` is the video; ``data.error`` the error message.
    """
    code = optional_code(body, "code")
    refused = code is not None and code != "200"
    top_message = optional_str(PROVIDER, body, "message", "") or None
    data = optional_object(PROVIDER, body, "data", "")
    if data is None:
        return Creation(
            ref=ref,
            state=CreationState.FAILED,
            raw_state=None,
            progress=None,
            outputs=(),
            error_code=valid_text(code) if refused else None,
            error_message=valid_text(top_message),
            created_at=None,
            updated_at=None,
            payload=body,
            _raw_parser=parse_raw,
        )
    check_reply_id(PROVIDER, ref, data, ("id",))
    raw_state = valid_text(optional_str(PROVIDER, data, "status", "data."))
    state = map_state(raw_state)
    if state is CreationState.SUCCEEDED and refused:
        state = CreationState.FAILED
    outputs = optional_list(PROVIDER, data, "outputs", "data.")
    urls = [valid_text(url) for url in outputs if isinstance(url, str) and url]
    error = optional_str(PROVIDER, data, "error", "data.") or None
    return Creation(
        ref=ref,
        state=state,
        raw_state=raw_state,
        progress=None,  # WaveSpeed reports no progress
        outputs=(VideoOutput(urls[0], None, None, ref, 0),) if urls and state is CreationState.SUCCEEDED else (),
        error_code=valid_text(code) if refused else None,
        error_message=valid_text(error or (top_message if refused else None)),
        created_at=parse_timestamp(data.get("created_at")),
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
    )


_through_storage = inputs_as_urls(submit_request, submitted)  # a video file or bytes goes through Comfy's storage


def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
    """The submit, ``duration`` read from the video's boxes first when it is a local MP4/QuickTime and the
    caller gave none (the seconds as a number, as the spec types it; the file is read in ranges only)."""
    if isinstance(common.video, LocalFile) and common.duration is None and "duration" not in options:
        try:
            facts = read_video_facts(common.video)
        except InvalidOption as exc:
            raise InvalidOption(
                f"duration: WaveSpeed needs the input video's length in seconds and genvideo cannot read it "
                f"({exc}); pass duration=",
                option="duration",
            ) from None
        options = {**options, "duration": round(facts.duration, 3)}
    return _through_storage(common, options, idempotency_key)


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _wavespeed

    _CONFORMS: Adapter = _wavespeed
