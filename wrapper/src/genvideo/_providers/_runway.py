"""Runway (Gen-3 Alpha Turbo, Gen-4 Turbo image-to-video) through Comfy.org's API proxy:
``POST /proxy/runway/image_to_video``, then ``GET /proxy/runway/tasks/{task_id}``.

Runway makes a video from an image (there is no text-to-video in the Comfy document): ``create("runway",
image="https://…", prompt=…)``. The request's field names are the API's (camelCase): options are given as
the API spells them (``ratio``, ``model``, ``promptImage``...).
"""

from __future__ import annotations

import math
import re
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from .._credentials import is_loopback
from .._exceptions import CreationFailed, InvalidOption, ResponseValidationError
from .._fields import fraction, optional_code, optional_list, optional_str
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from .._timestamps import parse_timestamp
from ._adapter import Adapter, GetFlow
from ._flows import inputs_as_urls
from ._generated import id_path, state_mapper
from ._replies import check_reply_id, id_text, refused_submit
from ._submit import ApiRequest, CommonArgs
from ._text import shown, valid_text

PROVIDER: Provider = "runway"
DEFAULT_MODEL = "gen4_turbo"  # used when create("runway", ...) names no model and gives one image
LAST_FRAME_MODEL = "gen3a_turbo"  # the only model that takes a last frame (spec: position 'last' is gen3a_turbo only)
DEFAULT_DURATION = 5  # required by the API; ComfyUI's duration choice defaults to its first value, 5
SEED_MAX = 4294967295  # the spec's seed range is 0..SEED_MAX
PROMPT_MAX = 1000  # promptText maxLength
# The ratios each model makes, the first being the default when none is given: ComfyUI's per-model choices
# (nodes_runway.py RunwayGen4TurboAspectRatio, RunwayGen3aAspectRatio; a choice defaults to its first value)
# and the spec ("1280:768 and 768:1280 are only supported for gen3a_turbo"). A model the spec adds later
# takes any ratio of its enum.
MODEL_RATIOS: dict[str, tuple[str, ...]] = {
    "gen4_turbo": ("1280:720", "720:1280", "1104:832", "832:1104", "960:960", "1584:672"),
    "gen3a_turbo": ("768:1280", "1280:768"),
}
_RATIO = re.compile(r"([1-9][0-9]{0,4}):([1-9][0-9]{0,4})")


#: The poll's path for an id, as the generated client builds it.
status_path = id_path("genvideo_comfy_client.api.api_nodes.runway_get_task_status")


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the task."""
    body = yield ApiRequest("GET", status_path(ref.id))
    return to_creation(ref, body)


#: Runway's status word as a CreationState (the registry's state map).
map_state = state_mapper(PROVIDER)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.RunwayTaskStatusResponse``."""
    from genvideo_comfy_client.models import RunwayTaskStatusResponse

    return RunwayTaskStatusResponse.from_dict(payload)


def _parse_submit_raw(payload: Mapping[str, Any]) -> Any:
    from genvideo_comfy_client.models import RunwayImageToVideoResponse

    return RunwayImageToVideoResponse.from_dict(payload)


# -- the submit --------------------------------------------------------------------------------------


def _loopback_http(url: str) -> bool:
    """An http URL to this machine (a local Comfy, or the sandbox's storage): allowed as base URLs are."""
    if not url.startswith("http://"):
        return False
    try:
        return is_loopback(httpx.URL(url).host)
    except httpx.InvalidURL:
        return False


def _image_url(value: object, option: str) -> None:
    """InvalidOption unless ``value`` (an image given as the promptImage option) is an https URL (a
    non-string is left to the model check). Images given as ``image=`` files or bytes are uploaded."""
    if isinstance(value, str) and not (value.startswith("https://") or _loopback_http(value)):
        what = "a data: URI" if value.startswith("data:") else shown(value, 60)
        raise InvalidOption(
            f"{option}: runway takes image URLs (https://…), not {what}; pass a file or bytes as image= "
            "to have genvideo upload it",
            option=option,
        )


def _prompt_image(images: list[str], model: str | None) -> tuple[list[dict[str, str]], str]:
    """``promptImage`` for the given images, as ComfyUI sends it (first and last frames), and the model."""
    if not images:
        raise InvalidOption(
            "image: runway makes video from an image only (the Comfy proxy has no Runway text-to-video): "
            "pass image='https://…'",
            option="image",
        )
    if len(images) > 2:
        raise InvalidOption(
            f"image: runway takes one image, or two (first and last frame), not {len(images)}", option="image"
        )
    for image in images:
        if not image.startswith("data:"):  # files and bytes (data: URIs) are uploaded, https URLs passed on
            _image_url(image, "image")
    if len(images) == 1:
        return [{"uri": images[0], "position": "first"}], model or DEFAULT_MODEL
    if model not in (None, LAST_FRAME_MODEL):
        raise InvalidOption(
            f"image: a last frame (a second image) needs model {LAST_FRAME_MODEL!r}, not {model!r}", option="image"
        )
    return [{"uri": images[0], "position": "first"}, {"uri": images[1], "position": "last"}], LAST_FRAME_MODEL


def _label(ratio: str) -> str:
    """A ratio reduced, e.g. ``1280:720`` -> ``16:9``."""
    width, height = (int(part) for part in ratio.split(":"))
    divisor = math.gcd(width, height)
    return f"{width // divisor}:{height // divisor}"


def _ratio(value: object, model: str, option: str) -> object:
    """Runway's ``ratio`` for ``aspect_ratio`` (or the ``ratio`` option) and ``model``.

    Runway's own ratios are pixel sizes (``1280:720``). One of the model's is taken as is; a plain aspect
    ratio is taken when exactly one of the model's ratios reduces to it (``16:9`` -> ``1280:720``; for
    gen3a_turbo ``5:3`` -> ``1280:768``). Anything else is refused, naming what the model takes: Runway's
    ``1104:832`` is not quite 4:3, so no ratio is rounded. A non-string is left to the model check.
    """
    from genvideo_comfy_client.models import RunwayAspectRatioEnum

    if not isinstance(value, str):
        return value
    ratios = MODEL_RATIOS.get(model, tuple(member.value for member in RunwayAspectRatioEnum))
    if value in ratios:
        return value
    if _RATIO.fullmatch(value):
        matches = [ratio for ratio in ratios if _label(ratio) == _label(value)]
        if len(matches) == 1:
            return matches[0]
    # The plain aspect ratios it takes, for the message (not 69:52 for 1104:832: that is no one's aspect ratio).
    labels = [
        label
        for label in dict.fromkeys(_label(r) for r in ratios)
        if sum(_label(r) == label for r in ratios) == 1 and all(int(part) <= 21 for part in label.split(":"))
    ]
    raise InvalidOption(
        f"{option}: {shown(value, 40)} is not a ratio {model} makes; it takes {', '.join(ratios)}"
        + (f" (or {', '.join(labels)})" if labels else ""),
        option=option,
    )


def _json_name(attribute: str) -> str:
    """The API's field name for a generated attribute (``prompt_image`` -> ``promptImage``)."""
    head, *rest = attribute.split("_")
    return head + "".join(part.title() for part in rest)


def _check(body: dict[str, Any]) -> Any:
    """InvalidOption unless ``body`` fits the generated request model (messages name the API's fields);
    the model class."""
    import attrs

    from genvideo_comfy_client.models import RunwayImageToVideoRequest

    attributes = {
        _json_name(field.name): field.name
        for field in attrs.fields(RunwayImageToVideoRequest)
        if field.name != "additional_properties"
    }
    for name in body:
        if name not in attributes:
            raise InvalidOption(
                f"{name}: not an option of RunwayImageToVideoRequest (valid: {', '.join(sorted(attributes))})",
                option=name,
            )
    # check_fields reads the generated attribute names (snake_case): name the API's fields in what it raises.
    try:
        check_fields({attributes[name]: value for name, value in body.items()}, RunwayImageToVideoRequest)
    except InvalidOption as exc:
        message, option = str(exc), exc.option
        for name, attribute in attributes.items():
            if name == attribute:
                continue
            message = re.sub(rf"\b{attribute}\b", name, message)
            option = re.sub(rf"\b{attribute}\b", name, option)
        raise InvalidOption(message, option=option) from None
    return RunwayImageToVideoRequest


def _given_once(options: dict[str, Any], name: str, argument: str, value: object) -> None:
    if value is not None and name in options:
        raise InvalidOption(
            f"{argument}: given twice (as the argument {argument} and as the option {name})", option=argument
        )


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("runway", ...)``: ``image`` (one https URL, or two for first and last frame)
    is required; ``aspect_ratio`` maps onto ``ratio``; ``duration`` (5 or 10) and ``ratio`` default to
    ComfyUI's defaults and ``seed`` to a random one, as the API requires all three."""
    from genvideo_comfy_client.api.api_nodes import runway_image_to_video

    if common.negative_prompt is not None:
        raise InvalidOption("negative_prompt: runway takes no negative prompt", option="negative_prompt")
    if common.resolution is not None:
        raise InvalidOption(
            "resolution: runway takes no resolution; its ratio is the output size "
            "(aspect_ratio='1280:720' makes 1280x720)",
            option="resolution",
        )
    for name, argument, value in (
        ("promptImage", "image", common.images or None),
        ("promptText", "prompt", common.prompt or None),
        ("ratio", "aspect_ratio", common.aspect_ratio),
        ("duration", "duration", common.duration),
        ("seed", "seed", common.seed),
    ):
        _given_once(options, name, argument, value)
    model = common.model
    body: dict[str, Any] = {}
    if "promptImage" in options:  # the API's own form, e.g. [{"uri": ..., "position": "last"}]
        prompt_image = options.pop("promptImage")
        for index, item in enumerate(prompt_image if isinstance(prompt_image, list) else [prompt_image]):
            uri = item.get("uri") if isinstance(item, dict) else item
            _image_url(uri, "promptImage" if isinstance(prompt_image, str) else f"promptImage[{index}].uri")
        body["promptImage"] = prompt_image
        model = model or DEFAULT_MODEL
    else:
        body["promptImage"], model = _prompt_image(common.images, model)
    body["model"] = model
    prompt_name = "promptText" if "promptText" in options else "prompt"
    prompt = options.pop("promptText", common.prompt or None)
    if prompt is not None:
        if isinstance(prompt, str) and len(prompt) > PROMPT_MAX:
            raise InvalidOption(
                f"{prompt_name}: runway takes at most {PROMPT_MAX} characters, not {len(prompt)}", option=prompt_name
            )
        body["promptText"] = prompt
    seed = options.pop("seed", common.seed)
    if seed is None:
        seed = secrets.randbelow(SEED_MAX + 1)  # ComfyUI's seed widget randomises it after each run likewise
    elif isinstance(seed, int) and not isinstance(seed, bool) and not 0 <= seed <= SEED_MAX:
        raise InvalidOption(f"seed: runway takes 0..{SEED_MAX}, not {seed}", option="seed")
    body["seed"] = seed
    duration = options.pop("duration", common.duration)
    body["duration"] = DEFAULT_DURATION if duration is None else duration
    if isinstance(model, str):
        if "ratio" in options:
            body["ratio"] = _ratio(options.pop("ratio"), model, "ratio")
        elif common.aspect_ratio is not None:
            body["ratio"] = _ratio(common.aspect_ratio, model, "aspect_ratio")
        elif model in MODEL_RATIOS:
            body["ratio"] = MODEL_RATIOS[model][0]
    body.update(options)  # anything else: checked against the model just below
    model_class = _check(body)
    kwargs = runway_image_to_video._get_kwargs(body=model_class.from_dict(body), idempotency_key=idempotency_key)
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


# -- the replies -------------------------------------------------------------------------------------


def _error_code(body: Mapping[str, Any]) -> str | None:
    """Runway's ``failureCode`` (e.g. ``SAFETY.INPUT.TEXT``), else its ``failure`` text; None if neither."""
    return valid_text(optional_code(body, "failureCode") or optional_code(body, "failure"))


def submitted(body: Mapping[str, Any]) -> CreationRef:
    """The new task's ref; CreationFailed if the reply already says the task failed.

    The documented reply is ``{id}`` alone. A reply without a usable id raises ResponseValidationError
    carrying the reply (see ``refused_submit``): the task may exist and be billed. A ``status`` (not
    documented for submits) only matters when it says the task failed or was cancelled.
    """
    raw_id = body.get("id")
    if raw_id is None or raw_id == "":
        raise refused_submit(PROVIDER, "the submit reply has no id", body)
    task_id = id_text(raw_id)
    if task_id is None:
        raise refused_submit(PROVIDER, f"the submit reply's id is a {type(raw_id).__name__}, not a string", body)
    try:
        ref = CreationRef(PROVIDER, task_id)
    except ValueError:
        raise refused_submit(PROVIDER, f"unusable id {shown(task_id, 40)}", body) from None
    status = body.get("status")
    raw_state = valid_text(status) if isinstance(status, str) else None
    state = map_state(raw_state)
    if state is CreationState.FAILED:
        creation = Creation(
            ref=ref,
            state=state,
            raw_state=raw_state,
            progress=None,
            outputs=(),
            error_code=_error_code(body),
            created_at=parse_timestamp(body.get("createdAt")),
            updated_at=None,
            payload=body,
            _raw_parser=_parse_submit_raw,
        )
        code = f" (error code {shown(creation.error_code)})" if creation.error_code else ""
        raise CreationFailed(f"{ref} failed at submit{code}", creation=creation)
    return ref


def _outputs(ref: CreationRef, body: Mapping[str, Any]) -> tuple[VideoOutput, ...]:
    outputs: list[VideoOutput] = []
    for index, url in enumerate(optional_list(PROVIDER, body, "output", "")):
        if url is not None and not isinstance(url, str):
            raise ResponseValidationError(
                f"runway: output[{index}] should be a URL string, got {type(url).__name__}", provider=PROVIDER
            )
        if url:  # an empty entry delivers nothing (it stays in payload/raw)
            outputs.append(VideoOutput(valid_text(url), None, None, ref, len(outputs)))
    return tuple(outputs)


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them.

    The reply must be ``ref``'s (its ``id``, when present, is the task id). ``progress`` is Runway's
    0..1, sent only while RUNNING (None otherwise). Strings are handed on as valid Unicode (lone
    surrogates become U+FFFD); ``payload`` keeps them as sent, ``failure`` and any other field included.
    """
    check_reply_id(PROVIDER, ref, body, ("id",))
    raw_state = valid_text(optional_str(PROVIDER, body, "status", ""))
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=fraction(body.get("progress"), 1.0),
        outputs=_outputs(ref, body),
        error_code=_error_code(body),
        created_at=parse_timestamp(body.get("createdAt")),
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
    )


submit_flow = inputs_as_urls(submit_request, submitted)  # files and bytes go through Comfy's storage


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _runway

    _CONFORMS: Adapter = _runway
