"""The provider-independent shapes of an API call and of create()'s arguments."""

from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Generator, Mapping, Sequence
from typing import Any, Literal, NamedTuple

from .._exceptions import InvalidOption
from .._images import ImageInput
from .._models import Creation
from .._refs import CreationRef
from .._videos import LocalFile, VideoInput
from ._text import has_surrogate, shown, valid_text


def create_signature(
    provider: str,
    *,
    prompt: str | None,
    image: ImageInput | Sequence[ImageInput] | None = None,
    negative_prompt: str | None = None,
    duration: int | None = None,
    aspect_ratio: str | None = None,
    resolution: int | str | None = None,
    seed: int | None = None,
    model: str | None = None,
    video: VideoInput | None = None,
    **provider_options: Any,
) -> None:
    """The arguments of ``create()``, declared once: the provider, the common arguments every provider
    understands (keyword-only), then the provider's own options.

    Never called: its signature is the declaration. ``Client.create`` and ``AsyncClient.create`` take
    theirs from it (``_arguments.takes_arguments_of``: for ``help()`` and type checkers too), the CLI
    derives its ``create``/``generate`` flags from it, ``generate()`` passes what it does not spell
    out on to ``create()``, and :class:`CommonArgs` must name the same arguments (a test checks).
    A new common argument is one keyword here, its field in CommonArgs and its mapping in each adapter.
    """


@functools.cache
def common_parameters() -> tuple[inspect.Parameter, ...]:
    """The common arguments of :func:`create_signature`, their annotations evaluated."""
    parameters = inspect.signature(create_signature, eval_str=True).parameters.values()
    return tuple(p for p in parameters if p.kind is inspect.Parameter.KEYWORD_ONLY)


class CommonArgs(NamedTuple):  # a named tuple: a frozen, slotted dataclass costs every program ~0.6 ms
    """The common ``create()`` arguments (see :func:`create_signature`) as the adapters read them:
    ``image`` normalised to ``images``, ``video`` to its URL or the :class:`LocalFile` to upload, the rest
    as given."""

    prompt: str | None
    images: list[str]
    negative_prompt: str | None = None
    duration: int | None = None
    aspect_ratio: str | None = None
    resolution: int | str | None = None
    seed: int | None = None
    model: str | None = None
    video: str | LocalFile | None = None


class FormFile(NamedTuple):  # a named tuple: defining a dataclass costs every program ~0.3 ms
    """One file part of a ``multipart/form-data`` request."""

    field: str
    filename: str
    content: bytes
    content_type: str


class ApiRequest(NamedTuple):  # a named tuple, as CommonArgs
    """One call to a provider API, shaped by the generated client's ``_get_kwargs``; it carries the
    provider's credentials and its reply is a JSON object. The body is ``json``, or a multipart form
    (``form`` fields and ``files``), or none."""

    method: str
    path: str
    json: dict[str, Any] | None = None
    headers: Mapping[str, str] = {}  # shared by every request without headers: never changed, a Mapping
    idempotent: bool = True
    """GETs, and submits carrying an Idempotency-Key the provider honours: any failure may be retried.
    Otherwise only failures that prove the request never left are."""
    form: dict[str, str] | None = None
    files: tuple[FormFile, ...] = ()
    reply: Literal["json", "video"] = "json"
    """What a 2xx answers: a JSON object (sent to the flow), or the video itself (a synchronous
    provider's submit). A video is streamed to a temporary file, never held in memory, and the flow is
    sent ``{"path": Path, "size": int, "content_type": str}``; any other content type is an error. It is
    also bounded by the caller's wait (``generate(timeout=...)``), not the client's per-request timeout:
    the answer comes once the video is made."""


class Upload(NamedTuple):  # a named tuple: defining a dataclass costs every program ~0.3 ms
    """A PUT of an input's bytes to a signed upload URL an earlier reply named (Comfy's storage): no
    credentials go with it, its reply is only a status, and it may be repeated."""

    url: str
    content: bytes | LocalFile
    """The bytes, or a file streamed from disk."""
    content_type: str
    what: str
    """What is uploaded, for messages: ``image 1``, ``video``."""
    offset: int = 0
    length: int | None = None
    """A part of ``content`` only (``length`` bytes from ``offset``; None: all the rest), for uploads in parts."""
    reply_headers: tuple[str, ...] = ()
    """The reply's headers the flow needs (lower-case names, e.g. ``("etag",)`` for an upload part's ETag):
    the flow is sent them as ``{name: value}`` (those the reply has); else it is sent ``{}``."""

    @property
    def size(self) -> int:
        """How many bytes this upload sends."""
        total = len(self.content) if isinstance(self.content, bytes) else self.content.size
        return total - self.offset if self.length is None else self.length

    @property
    def idempotent(self) -> bool:
        """Always: the same bytes to the same URL."""
        return True


SubmitStep = ApiRequest | Upload
"""One request of a submit: an API call (sent its JSON reply) or an upload (sent the reply headers it names)."""

SubmitFlow = Generator[SubmitStep, Mapping[str, Any] | None, CreationRef | Creation]
"""A sans-I/O submit: yields the requests to make in order, is sent each reply, returns the new ref
(or, for a synchronous provider, the finished Creation)."""


def set_if_given(target: dict[str, Any], **values: Any) -> dict[str, Any]:
    """Copy the values that are not None into ``target``."""
    target.update({k: v for k, v in values.items() if v is not None})
    return target


def check_sendable(value: object, where: str = "") -> None:
    """InvalidOption unless ``value`` (a request body about to be sent) is strict JSON in UTF-8.

    A lone surrogate (``"\\ud800"``) cannot be encoded, and NaN or Infinity is no JSON number
    (json.dumps would send the non-standard literal): both are refused here, naming the field,
    before anything is sent, rather than failing inside the HTTP library.
    """
    if isinstance(value, str):
        if has_surrogate(value):
            raise InvalidOption(f"{where or 'body'}: {shown(value, 40)} is not valid Unicode text", option=where)
    elif isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidOption(f"{where or 'body'}: {value} is not a JSON number", option=where)
    elif isinstance(value, dict):
        for key, item in value.items():
            name = valid_text(str(key))  # the path names the field in messages: keep it encodable
            path = f"{where}.{name}" if where else name
            check_sendable(key, path)
            check_sendable(item, path)
    elif isinstance(value, list | tuple):
        for index, item in enumerate(value):
            check_sendable(item, f"{where}[{index}]")
