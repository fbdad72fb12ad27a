"""LTX Video (LTX-2) through Comfy.org's API proxy: a **synchronous** provider.

The submit is ``POST /proxy/ltx/v1/text-to-video`` (``LTXText2VideoRequest``), or
``POST /proxy/ltx/v1/image-to-video`` with one image (``LTXImage2VideoRequest``, ``image_uri``: an HTTPS URL
or a ``data:`` URI). Its ``200`` reply **is the video** (``video/mp4``): there is no id, no poll, no state and
no progress; any other status is the JSON ``ErrorResponse`` ``{error, message}`` (the proxy's error envelope).

So the submit's one request is an ``ApiRequest(reply="video")``: the client streams the body to a temporary
file and sends the flow ``{"path", "size", "content_type"}``, and the flow returns the finished Creation:
SUCCEEDED, its one output the local file (``VideoOutput.kind == "file"``). Its ref, ``ltx:<local uuid>``,
is made here and names nothing LTX could look up: ``get``/``wait`` of it raise InvalidCreationRef. The
registry row says ``synchronous = true``, so only ``generate()`` runs this flow.

The POST bills and is not retried blindly (``idempotent=False``: only when it provably never left). It
still carries the ``Idempotency-Key`` ComfyUI sends on every proxy POST (patch 230), but nothing says
the proxy replays a video body, and ComfyUI itself sends it with ``max_retries=1``.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._exceptions import InvalidCreationRef, InvalidOption, ResponseValidationError
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from ._adapter import Adapter, GetFlow
from ._submit import ApiRequest, CommonArgs, SubmitFlow
from ._text import shown

PROVIDER: Provider = "ltx"
# genvideo's defaults where create() names none (the spec requires all three and documents no default):
# the faster, cheaper model, the shortest duration and the smallest resolution the spec lists.
DEFAULT_MODEL = "ltx-2-fast"
DEFAULT_DURATION = 6
DEFAULT_RESOLUTION = "1920x1080"
# resolution=1080 / "1080p" / "4k": the spec's WxH value of that height.
_BY_HEIGHT = {"1080": "1920x1080", "1440": "2560x1440", "2160": "3840x2160", "4k": "3840x2160"}


def get_flow(ref: CreationRef) -> GetFlow:
    """Nothing to look up: LTX answers its one request with the video, and keeps nothing to ask for later."""
    raise InvalidCreationRef(
        f"{ref}: LTX is synchronous (one-shot): its video came with generate()'s reply and LTX keeps nothing "
        "to look up; use the Creation generate() returned (download it with download())"
    )


def parse_raw(payload: Mapping[str, Any]) -> None:
    """No generated model: LTX's reply is the video itself (``payload`` holds its size and content type)."""


def _durations() -> tuple[int, ...]:
    from genvideo_comfy_client.models import LTXText2VideoRequestDuration

    return tuple(member.value for member in LTXText2VideoRequestDuration)


def _resolutions() -> tuple[str, ...]:
    from genvideo_comfy_client.models import LTXText2VideoRequestResolution

    return tuple(member.value for member in LTXText2VideoRequestResolution)


def _resolution(value: int | str | None) -> str:
    if value is None:
        return DEFAULT_RESOLUTION
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise InvalidOption(f"resolution: {value!r:.40} is not a resolution", option="resolution")
    text = str(value).strip().lower().removesuffix("p")
    resolution = _BY_HEIGHT.get(text, text)
    if resolution not in _resolutions():
        raise InvalidOption(
            f"resolution: LTX takes {', '.join(_resolutions())} (or 1080, 1440, 2160), not {shown(str(value), 20)}",
            option="resolution",
        )
    return resolution


def _put(body: dict[str, Any], name: str, value: Any, argument: str) -> None:
    if name in body:
        raise InvalidOption(f"{argument}: given twice (as an argument and as the option {name})", option=argument)
    body[name] = value


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``generate("ltx", ...)``, answered by the video itself.

    ``prompt`` (required), ``model`` (``ltx-2-fast`` by default, or ``ltx-2-pro``), ``duration`` (6, 8 or
    10 s; 6 by default) and ``resolution`` (``1920x1080`` by default, ``2560x1440``, ``3840x2160``, or the
    height: ``1080``, ``"1440p"``, ``"4k"``) map onto the request's fields; one ``image`` (a URL or a
    ``data:`` URI, as given) makes it image-to-video (``image_uri``). LTX takes no seed, no negative prompt
    and no aspect ratio (the resolution fixes the shape): each is refused. ``options`` are further
    request fields (``fps``: 25 or 50, ``generate_audio``), checked against the generated request model.
    """
    from genvideo_comfy_client.api.api_nodes import ltx_create_video_from_image, ltx_create_video_from_text
    from genvideo_comfy_client.models import LTXImage2VideoRequest, LTXText2VideoRequest

    for argument, value in (
        ("seed", common.seed),
        ("negative_prompt", common.negative_prompt),
        ("aspect_ratio", common.aspect_ratio),
    ):
        if value is not None:
            why = " (the resolution fixes the shape)" if argument == "aspect_ratio" else ""
            raise InvalidOption(f"{argument}: LTX takes no {argument.replace('_', ' ')}{why}", option=argument)
    if len(common.images) > 1:
        raise InvalidOption(f"image: LTX's image-to-video takes one image, got {len(common.images)}", option="image")
    body: dict[str, Any] = dict(options)
    if not common.prompt:
        raise InvalidOption("prompt: LTX needs a prompt", option="prompt")
    _put(body, "prompt", common.prompt, "prompt")
    _put(body, "model", common.model if common.model is not None else DEFAULT_MODEL, "model")
    duration = common.duration if common.duration is not None else DEFAULT_DURATION
    if isinstance(duration, bool) or duration not in _durations():
        raise InvalidOption(
            f"duration: LTX takes {', '.join(map(str, _durations()))} seconds, not {duration!r:.20}",
            option="duration",
        )
    _put(body, "duration", duration, "duration")
    _put(body, "resolution", _resolution(common.resolution), "resolution")
    if common.images:
        _put(body, "image_uri", common.images[0], "image")
        check_fields(body, LTXImage2VideoRequest)
        kwargs = ltx_create_video_from_image._get_kwargs(
            body=LTXImage2VideoRequest.from_dict(body), idempotency_key=idempotency_key
        )
    else:
        check_fields(body, LTXText2VideoRequest)
        kwargs = ltx_create_video_from_text._get_kwargs(
            body=LTXText2VideoRequest.from_dict(body), idempotency_key=idempotency_key
        )
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=False, reply="video")


def finished(reply: Mapping[str, Any]) -> Creation:
    """The SUCCEEDED Creation of a video reply (``{"path", "size", "content_type"}``, from the client)."""
    path = reply.get("path")
    if not isinstance(path, Path):
        raise ResponseValidationError(f"{PROVIDER}: the reply holds no video", provider=PROVIDER)
    ref = CreationRef(PROVIDER, uuid.uuid4().hex)
    output = VideoOutput(path.as_uri(), None, None, ref, 0, kind="file", path=path)
    return Creation(
        ref=ref,
        state=CreationState.SUCCEEDED,
        raw_state=None,  # LTX has no state word: HTTP 200 is success
        progress=None,
        outputs=(output,),
        error_code=None,
        created_at=None,
        updated_at=None,
        payload={"content_type": reply.get("content_type"), "size": reply.get("size")},
        _raw_parser=parse_raw,
    )


def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
    """One POST whose reply is the video; returns the finished Creation (not a ref)."""
    reply = yield submit_request(common, options, idempotency_key)
    return finished(reply or {})


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _ltx

    _CONFORMS: Adapter = _ltx
