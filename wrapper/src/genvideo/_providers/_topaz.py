"""Topaz Video AI (upscale, enhancement, frame interpolation) through Comfy.org's API proxy.

Topaz transforms a video: ``create("topaz", video=<file or bytes>)``. The submit is four steps:
``POST /proxy/topaz/video/`` creates a request (reply ``requestId``; the body describes the source file, read
from its MP4/QuickTime boxes by :mod:`genvideo._mp4`), ``PATCH …/{id}/accept`` hands out signed part URLs
(``urls[]``), the file is PUT in parts to those URLs (split evenly, streamed from disk, without Comfy
credentials; each part's ``ETag`` kept), and ``PATCH …/{id}/complete-upload`` with ``uploadResults[{partNum,
eTag}]`` (202) queues the processing. ``GET …/{id}/status`` polls: ``status`` (ten words), ``progress`` 0-100,
the result at ``download.url`` (signed, expiring after ``download.expiresIn`` ms), a reason in ``message``.

A video given as a URL is downloaded by the client first (registry ``video_bytes``: Topaz needs the bytes
uploaded and the file's format up front), so the adapter only ever sees a file or bytes. A failure after the
create (an upload or the completion) leaves the request created but never processed at Topaz (``requested`` or
``accepted``: nothing runs and, per Topaz's pricing on processing, nothing is billed; there is no delete
endpoint); the error is an UploadError naming the part, or the API error of the step.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._exceptions import InvalidOption, ResponseValidationError, UploadError
from .._fields import fraction, optional_object, optional_str
from .._models import Creation, VideoOutput
from .._mp4 import read_video_facts
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._videos import LocalFile
from ._adapter import Adapter, GetFlow
from ._generated import state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs, SubmitFlow, Upload
from ._text import shown, valid_text

PROVIDER: Provider = "topaz"
#: The enhancement model used when create() names none (ComfyUI's Topaz node defaults to Proteus, prob-4).
DEFAULT_MODEL = "prob-4"
#: Output defaults where the spec requires a field and create() has no argument for it: keep the audio
#: (copied as is, AAC if it must be converted), H.264 in MP4.
DEFAULT_OUTPUT: Mapping[str, Any] = {
    "audioCodec": "AAC",
    "audioTransfer": "Copy",
    "videoEncoder": "H264",
    "container": "mp4",
}
_SOURCE_FIELDS = ("container", "size", "duration", "frameCount", "frameRate", "resolution")
_OPTIONS = ("source", "filters", "output", "overrides")
ETAG = "etag"


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: ``GET /proxy/topaz/video/{request_id}/status``."""
    from genvideo_comfy_client.api.api_nodes import topaz_video_get_status

    kwargs = topaz_video_get_status._get_kwargs(ref.id)
    body = yield ApiRequest("GET", kwargs["url"])
    return to_creation(ref, body)


#: Topaz's status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.TopazVideoStatusResponse``."""
    from genvideo_comfy_client.models import TopazVideoStatusResponse

    return TopazVideoStatusResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _refuse_unsupported(common: CommonArgs, options: dict[str, Any]) -> LocalFile:
    for name in options:
        if name not in _OPTIONS:
            raise InvalidOption(
                f"{name}: Topaz takes the options {', '.join(_OPTIONS)} (the create request's own fields)",
                option=name,
            )
    if common.prompt:
        raise InvalidOption(
            "prompt: Topaz upscales or interpolates a video and takes no prompt (pass prompt=None)", option="prompt"
        )
    for name, value in (
        ("negative_prompt", common.negative_prompt),
        ("duration", common.duration),
        ("aspect_ratio", common.aspect_ratio),
        ("seed", common.seed),
    ):
        if value is not None:
            raise InvalidOption(f"{name}: Topaz transforms a video and takes no {name}", option=name)
    if common.images:
        raise InvalidOption("image: Topaz transforms a video and takes no image", option="image")
    video = common.video
    if video is None:
        raise InvalidOption("video: Topaz transforms a video: pass video= (a file or bytes)", option="video")
    if isinstance(video, str):
        raise InvalidOption(
            "video: Topaz needs the video's bytes uploaded (and its format read from the file): a file or "
            "bytes, not a URL (the client downloads a URL first)",
            option="video",
        )
    return video


def _source(video: LocalFile, given: object) -> dict[str, Any]:
    """The request's ``source``: read from the file's boxes, overridden field by field by ``given``."""
    if given is not None and not isinstance(given, dict):
        raise InvalidOption("source: an object (container, size, duration, ...)", option="source")
    given = dict(given or {})
    if all(name in given for name in _SOURCE_FIELDS):
        return given  # the caller said everything: the file need not be MP4/QuickTime (e.g. mkv)
    facts = read_video_facts(video)
    source: dict[str, Any] = {
        "container": facts.container,
        "size": facts.size,
        "duration": facts.duration,
        "frameCount": facts.frame_count,
        "frameRate": facts.frame_rate,
        "resolution": {"width": facts.width, "height": facts.height},
    }
    return {**source, **given}


def _output_resolution(source: Mapping[str, Any], resolution: int | str | None) -> dict[str, Any]:
    """The source's resolution, or ``resolution`` (a height: ``1080`` or ``"1080p"``) keeping its aspect."""
    size = source.get("resolution")
    width, height = (size.get("width"), size.get("height")) if isinstance(size, dict) else (None, None)
    if resolution is None:
        return {"width": width, "height": height}
    text = str(resolution).strip().lower().removesuffix("p")
    if isinstance(resolution, bool) or not text.isdigit() or int(text) <= 0:
        raise InvalidOption(
            f"resolution: Topaz takes an output height (720, 1080, 2160 or '1080p'), not {shown(resolution, 20)}",
            option="resolution",
        )
    new_height = int(text)
    if not isinstance(width, int) or not isinstance(height, int) or height <= 0:
        raise InvalidOption("resolution: the source's resolution is unknown", option="resolution")
    new_width = max(2, round(width * new_height / height / 2) * 2)  # keep the aspect, an even width
    return {"width": new_width, "height": new_height}


def create_body(common: CommonArgs, options: dict[str, Any], video: LocalFile) -> dict[str, Any]:
    """The ``TopazCreateRequestVideoSchema`` body, checked against the generated model.

    ``model`` is the enhancement filter's model (default ``prob-4``); ``resolution`` the output height (the
    width follows the source's aspect; default: the source's resolution); ``filters``, ``output`` (merged over
    the defaults: AAC/copy audio, H.264 in MP4, the source's frame rate) and ``overrides`` are Topaz's own
    fields; ``source`` overrides what the file's boxes say. A prompt is refused (Topaz takes none).
    """
    source = _source(video, options.get("source"))
    if "filters" in options:
        if common.model is not None:
            raise InvalidOption("model: give the model inside filters, or model without filters", option="model")
        filters = options["filters"]
    else:
        filters = [{"model": common.model if common.model is not None else DEFAULT_MODEL}]
    given_output = options.get("output", {})
    if not isinstance(given_output, dict):
        raise InvalidOption("output: an object (resolution, frameRate, audioCodec, ...)", option="output")
    output: dict[str, Any] = {
        **DEFAULT_OUTPUT,
        "resolution": _output_resolution(source, common.resolution),
        "frameRate": source.get("frameRate"),
        **given_output,
    }
    body: dict[str, Any] = {"source": source, "filters": filters, "output": output}
    if "overrides" in options:
        body["overrides"] = options["overrides"]
    from genvideo_comfy_client.models import TopazCreateRequestVideoSchema

    # Not _options.check_fields: it checks the generated models' attribute names (frame_count), and Topaz's
    # JSON is camelCase (frameCount). from_dict checks types and enums; unknown top-level names are refused above.
    try:
        TopazCreateRequestVideoSchema.from_dict(body)
    except (ValueError, TypeError, KeyError, AttributeError) as error:
        raise InvalidOption(f"Topaz refuses this request: {shown(str(error), 200)}", option="video") from None
    return body


def _create_request(body: dict[str, Any], idempotency_key: str) -> ApiRequest:
    from genvideo_comfy_client.api.api_nodes import topaz_video_create
    from genvideo_comfy_client.models import TopazCreateRequestVideoSchema

    kwargs = topaz_video_create._get_kwargs(
        body=TopazCreateRequestVideoSchema.from_dict(body), idempotency_key=idempotency_key
    )
    # The body as built (the generated model's to_dict drops nothing we set, but keep the caller's exact JSON).
    return ApiRequest("POST", kwargs["url"], body, kwargs["headers"], idempotent=True)


def _accept_request(request_id: str) -> ApiRequest:
    from genvideo_comfy_client.api.api_nodes import topaz_video_accept

    kwargs = topaz_video_accept._get_kwargs(request_id)
    # Accepting again hands out upload URLs again and starts nothing: safe to retry.
    return ApiRequest("PATCH", kwargs["url"], idempotent=True)


def _complete_request(request_id: str, etags: list[str]) -> ApiRequest:
    from genvideo_comfy_client.api.api_nodes import topaz_video_complete_upload
    from genvideo_comfy_client.models import TopazVideoCompleteUploadRequest

    body = {"uploadResults": [{"partNum": i, "eTag": etag} for i, etag in enumerate(etags, 1)]}
    try:
        key = uuid.UUID(request_id)  # the spec types this path parameter as a UUID (create's requestId is one)
    except ValueError:
        raise ResponseValidationError(
            f"topaz: the requestId {shown(request_id, 40)} is not a UUID", provider=PROVIDER
        ) from None
    kwargs = topaz_video_complete_upload._get_kwargs(key, body=TopazVideoCompleteUploadRequest.from_dict(body))
    # The same parts completed twice queue the same request once (S3's CompleteMultipartUpload is idempotent).
    return ApiRequest("PATCH", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def _upload_urls(reply: Mapping[str, Any], video: LocalFile) -> list[str]:
    urls = reply.get("urls")
    if not isinstance(urls, list) or not urls or not all(isinstance(u, str) and u for u in urls):
        raise ResponseValidationError(
            "topaz: the accept reply's urls should be a non-empty array of URLs", provider=PROVIDER
        )
    if len(urls) > max(video.size, 1):
        raise UploadError(
            f"topaz: Topaz asked for {len(urls)} parts of a {video.size}-byte video", provider=PROVIDER, what="video"
        )
    return urls


def part_ranges(size: int, parts: int) -> list[tuple[int, int]]:
    """``(offset, length)`` of each of ``parts`` parts of ``size`` bytes, split evenly (the last the shortest)."""
    step = math.ceil(size / parts) if parts else 0
    return [(i * step, max(0, min(step, size - i * step))) for i in range(parts)]


def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
    """``create("topaz", video=...)``: create, accept, PUT the parts, complete (see the module docstring).

    Everything is checked (the file's boxes read) before the first request.
    """
    video = _refuse_unsupported(common, options)
    body = create_body(common, options, video)
    reply = yield _create_request(body, idempotency_key)
    ref = submitted(reply or {})
    accepted = yield _accept_request(ref.id)
    urls = _upload_urls(accepted or {}, video)
    etags: list[str] = []
    for number, (url, (offset, length)) in enumerate(zip(urls, part_ranges(video.size, len(urls)), strict=True), 1):
        what = f"video part {number} of {len(urls)}"
        headers = yield Upload(url, video, video.content_type, what, offset, length, reply_headers=(ETAG,))
        etag = (headers or {}).get(ETAG)
        if not isinstance(etag, str) or not etag:
            raise UploadError(f"topaz: the upload of {what} was answered without an ETag", provider=PROVIDER, what=what)
        etags.append(etag)
    yield _complete_request(ref.id, etags)
    return ref


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The ref of the request a create reply names (``requestId``); ResponseValidationError carrying the reply
    (``refused_submit``) without a usable one."""
    raw_id = body.get("requestId")
    if raw_id is None or raw_id == "":
        raise refused_submit(PROVIDER, "the create reply has no requestId", body)
    request_id = id_text(raw_id)
    if request_id is None:
        raise refused_submit(PROVIDER, f"the create reply's requestId is a {type(raw_id).__name__}, not a string", body)
    try:
        return CreationRef(PROVIDER, request_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable requestId {shown(request_id, 40)}", body) from None


# -- poll ----------------------------------------------------------------------------------------------


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    ``progress`` is 0-100; the video is ``download.url`` (its expiry is in ``payload``); ``message`` is the
    error message of a failed (or canceled) request.
    """
    check_reply_id(PROVIDER, ref, body, ("requestId",))
    raw_state = valid_text(optional_str(PROVIDER, body, "status", ""))
    state = map_state(raw_state)
    download = optional_object(PROVIDER, body, "download", "")
    url = valid_text(optional_str(PROVIDER, download, "url", "download.")) if download is not None else None
    outputs = (VideoOutput(url, None, None, ref, 0),) if url and state is CreationState.SUCCEEDED else ()
    message = valid_text(optional_str(PROVIDER, body, "message", ""))
    failed = state is CreationState.FAILED
    return Creation(
        ref=ref,
        state=state,
        raw_state=raw_state,
        progress=fraction(body.get("progress"), 100.0),
        outputs=outputs,
        error_code=raw_state if failed else None,
        error_message=message if failed else None,
        created_at=None,
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
    )


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _topaz

    _CONFORMS: Adapter = _topaz
