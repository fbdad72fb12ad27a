"""Submits (starting generations): the request schemas, their validation, scripts and submission records."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ._creations import Provider, lifecycle_problem
from ._faults import Fault
from ._recording import RecordedRequest

Schema = Mapping[str, Any]
"""A subset of an OpenAPI schema: `type`, `properties`, `required`, `items`, `enum` (`$ref`s inlined)."""

_STRING: Schema = {"type": "string"}
_INTEGER: Schema = {"type": "integer"}
_BOOLEAN: Schema = {"type": "boolean"}
_STRINGS: Schema = {"type": "array", "items": _STRING}


def _enum(*values: str) -> Schema:
    return {"type": "string", "enum": values}


# Copied from the prepared specs (tests/test_sandbox.py checks they still match).
_VIDU_TASK_REQUEST: Schema = {
    "type": "object",
    "properties": {
        "model": _STRING,
        "style": _enum("general", "anime"),
        "prompt": _STRING,
        "images": _STRINGS,
        "audio": _BOOLEAN,
        "audio_type": _enum("all", "speech_only", "sound_effect_only"),
        "voice_id": _STRING,
        "is_rec": _BOOLEAN,
        "bgm": _BOOLEAN,
        "duration": _INTEGER,
        "seed": _INTEGER,
        "aspect_ratio": _STRING,
        "resolution": _STRING,
        "movement_amplitude": _enum("auto", "small", "medium", "large"),
        "payload": _STRING,
        "off_peak": _BOOLEAN,
        "watermark": _BOOLEAN,
        "wm_position": _INTEGER,
        "wm_url": _STRING,
        "meta_data": _STRING,
        "enhance": _BOOLEAN,
        "callback_url": _STRING,
        "priority": _INTEGER,
    },
}
_VIDU_EXTEND_REQUEST: Schema = {
    "type": "object",
    "properties": {
        "model": _STRING,
        "video_creation_id": _STRING,
        "video_url": _STRING,
        "images": _STRINGS,
        "prompt": _STRING,
        "duration": _INTEGER,
        "resolution": _STRING,
        "payload": _STRING,
        "callback_url": _STRING,
    },
    "required": ("model",),
}
_VIDU_MULTIFRAME_REQUEST: Schema = {
    "type": "object",
    "properties": {
        "model": _STRING,
        "start_image": _STRING,
        "image_settings": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"prompt": _STRING, "key_image": _STRING, "duration": _INTEGER},
                "required": ("key_image",),
            },
        },
        "resolution": _STRING,
        "payload": _STRING,
        "callback_url": _STRING,
    },
    "required": ("model", "start_image", "image_settings"),
}
_HAIPER_COMMON: Mapping[str, Schema] = {
    "prompt": _STRING,
    "negative_prompt": _STRING,
    "is_public": _BOOLEAN,
    "is_enable_prompt_enhancer": _BOOLEAN,
}
_HAIPER_TEXT2VIDEO_REQUEST: Schema = {
    "type": "object",
    "properties": {
        **_HAIPER_COMMON,
        "gen_mode": _enum("standard", "smooth", "enhanced"),
        "settings": {
            "type": "object",
            "properties": {"seed": _INTEGER, "aspect_ratio": _STRING, "duration": _INTEGER},
        },
    },
    "required": ("prompt",),
}
_HAIPER_IMAGE2VIDEO_REQUEST: Schema = {
    "type": "object",
    "properties": {
        **_HAIPER_COMMON,
        "config": {"type": "object", "properties": {"source_image": _STRING}, "required": ("source_image",)},
        "settings": {
            "type": "object",
            "properties": {
                "seed": _INTEGER,
                "duration": _INTEGER,
                "resolution": _INTEGER,
                "guidance_scale": {"type": "number"},
            },
        },
    },
    "required": ("prompt", "config"),
}

_VIDU_TASK_ECHO = (
    "model",
    "style",
    "prompt",
    "images",
    "duration",
    "seed",
    "aspect_ratio",
    "resolution",
    "movement_amplitude",
    "bgm",
    "payload",
    "off_peak",
    "watermark",
)


@dataclass(frozen=True, slots=True)
class Endpoint:
    """One submit endpoint: its request schema and the request fields its 200 reply echoes."""

    provider: Provider
    name: str
    request: Schema
    echo: tuple[str, ...] = ()
    input_type: str = "text"


ENDPOINTS: Mapping[tuple[Provider, str], Endpoint] = {
    (e.provider, e.name): e
    for e in (
        Endpoint("vidu", "text2video", _VIDU_TASK_REQUEST, _VIDU_TASK_ECHO),
        Endpoint("vidu", "img2video", _VIDU_TASK_REQUEST, _VIDU_TASK_ECHO, "image"),
        Endpoint("vidu", "reference2video", _VIDU_TASK_REQUEST, _VIDU_TASK_ECHO, "image"),
        Endpoint("vidu", "start-end2video", _VIDU_TASK_REQUEST, _VIDU_TASK_ECHO, "image"),
        Endpoint(
            "vidu",
            "extend",
            _VIDU_EXTEND_REQUEST,
            ("model", "video_creation_id", "video_url", "images", "prompt", "duration", "resolution", "payload"),
            "video",
        ),
        Endpoint(
            "vidu",
            "multiframe",
            _VIDU_MULTIFRAME_REQUEST,
            ("model", "start_image", "image_settings", "resolution", "payload"),
            "image",
        ),
        Endpoint("haiper", "text2video", _HAIPER_TEXT2VIDEO_REQUEST),
        Endpoint("haiper", "image2video", _HAIPER_IMAGE2VIDEO_REQUEST, input_type="image"),
    )
}
IDEMPOTENCY_KEY_MAX = 255


def problem(value: object, schema: Schema, path: str = "") -> tuple[str, str] | None:
    """The first way `value` breaks `schema`, as (field path, message), or None.

    Unknown fields are accepted; a null counts as absent (so a null required field is missing).
    """
    where = path or "body"
    kind = schema.get("type")
    if kind == "object":
        if not isinstance(value, dict):
            return where, f"{where} must be a JSON object"
        for name in schema.get("required", ()):
            if value.get(name) is None:
                field = f"{path}.{name}" if path else name
                return field, f"{field} is required"
        for name, sub in schema.get("properties", {}).items():
            if value.get(name) is not None:
                found = problem(value[name], sub, f"{path}.{name}" if path else name)
                if found is not None:
                    return found
        return None
    if kind == "array":
        if not isinstance(value, list):
            return where, f"{where} must be an array"
        for index, item in enumerate(value):
            found = problem(item, schema["items"], f"{where}[{index}]")
            if found is not None:
                return found
        return None
    checks = {
        "string": isinstance(value, str),
        "integer": isinstance(value, int) and not isinstance(value, bool),
        "number": isinstance(value, int | float) and not isinstance(value, bool),
        "boolean": isinstance(value, bool),
    }
    if not checks.get(str(kind), True):
        return where, f"{where} must be a{'n' if str(kind)[0] in 'aeiou' else ''} {kind}"
    if "enum" in schema and value not in schema["enum"]:
        return where, f"{where} must be one of: {', '.join(map(str, schema['enum']))}"
    return None


def canonical(document: object) -> str:
    """A canonical JSON text of a parsed body, to compare two submits (`true` and `1` stay different)."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def new_id(provider: Provider, counter: int) -> str:
    """The `counter`-th id a sandbox hands out: Vidu an 18-digit number, Haiper 24 hex characters."""
    digest = hashlib.sha256(f"genvideo-sandbox/{provider}/submit/{counter}".encode()).digest()
    if provider == "vidu":
        return str(9 * 10**17 + int.from_bytes(digest[:8], "big") % 10**17)
    return digest.hex()[:24]


_REJECT_KINDS = frozenset({"status", "body", "redirect", "error", "reset", "hang"})


@dataclass(frozen=True, slots=True, kw_only=True)
class SubmitScript:
    """What the sandbox does with one submit. Make one with `Sandbox.submit_script(...)`.

    Fields mean the same as `Sandbox.add_creation`'s arguments (None: that provider's default), plus
    `reject`: a fault that answers the submit instead, without creating anything.
    """

    states: tuple[str, ...] | None = None
    advance: Literal["poll"] | float = "poll"
    progress: tuple[float, ...] | None = None
    outputs: int = 1
    video: bytes | tuple[bytes, ...] | None = None
    video_size: int | None = None
    failure_code: str | None = None
    blocked_resources: tuple[Mapping[str, object], ...] | None = None
    credits: int = 4
    faults: tuple[Fault, ...] = ()
    download_faults: tuple[Fault, ...] = ()
    reject: Fault | None = None

    def __post_init__(self) -> None:
        message = lifecycle_problem(
            None, self.states, self.progress, self.advance, self.outputs, self.video, self.video_size
        )
        if message is not None:
            raise ValueError(message)
        if self.reject is not None:
            if self.reject.kind not in _REJECT_KINDS or (self.reject.kind == "reset" and self.reject.mid_response):
                kinds = "status, error, body, redirect, reset (not mid_response) or hang"
                raise ValueError(f"reject must be a {kinds} fault, got {self.reject!r}")
            if self.reject.times != 1:
                raise ValueError("a reject fault applies to its one submit: use one script per rejected submit")


@dataclass(frozen=True, slots=True)
class Submission:
    """One submit (a POST to a submit endpoint) as the sandbox received and handled it.

    - `provider`: "vidu" or "haiper"; `endpoint`: e.g. "text2video", "start-end2video", "image2video".
    - `body`: the parsed JSON body (None if it was not valid JSON). Treat it as read-only.
    - `idempotency_key`: the `Idempotency-Key` header as sent, or None (Haiper ignores it).
    - `creation_id`: the creation this submit started or (when `replayed`) replayed; None if it was
      rejected (bad credentials or body, an idempotency conflict, a reject script or a path fault).
    - `replayed`: True when an idempotent retry was answered with an earlier submit's reply.
    - `status`: the HTTP status the sandbox answered with (a transport fault may still have kept it from
      arriving); None when a reject script dropped the connection instead.
    - `request`: the raw request.
    """

    provider: Provider
    endpoint: str
    body: Any
    idempotency_key: str | None
    creation_id: str | None
    replayed: bool
    status: int | None
    request: RecordedRequest

    @property
    def created(self) -> bool:
        """Whether this submit started a new creation (accepted and not a replay)."""
        return self.creation_id is not None and not self.replayed


def script_tuple(values: Sequence[Any] | None) -> tuple[Any, ...] | None:
    """`values` as a tuple (None stays None)."""
    return None if values is None else tuple(values)
