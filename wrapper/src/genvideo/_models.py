"""The provider-neutral model of a creation and its outputs."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast
from urllib.parse import urlsplit

from ._exceptions import ResponseValidationError
from ._refs import CreationRef, Provider
from ._states import CreationState

__all__ = ["Creation", "OutputKind", "VideoOutput"]

OutputKind = Literal["url", "base64", "file"]
"""What a :class:`VideoOutput` holds: a link to fetch (``url``), or the video itself, base64-encoded in
the provider's reply (``base64``: Google Veo's ``bytesBase64Encoded``)."""

_UNPARSED: Any = object()


def _is_set(instance: object, name: str) -> bool:
    """Whether a slot of ``instance`` holds a value (without falling back to ``__getattr__``)."""
    try:
        object.__getattribute__(instance, name)
    except AttributeError:
        return False
    return True


def redact_url(url: str) -> str:
    """The URL without its user info, query string and fragment (where links carry credentials).

    ``https://user:password@host/path?Signature=…`` shows as ``https://***@host/path?…``.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. a broken IPv6 host: show nothing that could be a secret
        return "<unparseable URL>"
    _userinfo, at, host = parts.netloc.rpartition("@")
    tail = "?…" if parts.query else ""
    port = host.rpartition(":")[2] if ":" in host and not host.endswith("]") else ""
    if not at and "@" in parts.path and port and not port.isdigit():
        # "https://user:pa/ss@host": a password holding "/" ends the netloc early.
        return f"{parts.scheme}://***@…{tail}"
    return f"{parts.scheme}://{'***@' if at else ''}{host}{parts.path}{tail}"


@dataclass(frozen=True, slots=True)
class VideoOutput:
    """One generated video: a link (``kind == "url"``, the usual case) or the video itself inline
    (``kind == "base64"``: ``data`` is the base64 text exactly as the reply carried it, ``url`` is ``""``).
    ``download`` writes either kind to a file with the same guarantees.

    URLs are the provider's signed, short-lived CDN links, kept byte-for-byte, or a URL on the
    provider's own API under its spec's base URL (Sora's ``/content``; the client makes the adapter's
    path absolute), which ``download`` fetches with the provider's credentials;
    ``repr()`` hides their query strings (the signatures).
    """

    url: str
    """The video (without watermark where the provider offers both)."""
    cover_url: str | None = None
    """A still image of the video, if the provider sends one."""
    watermarked_url: str | None = None
    """The watermarked variant, if the provider sends one."""
    ref: CreationRef | None = field(default=None, compare=False)
    """The creation this output belongs to: ``download`` uses it to refresh an expired link."""
    index: int = field(default=0, compare=False)
    """Position among the creation's outputs."""
    kind: OutputKind = field(default="url", kw_only=True)
    """``"url"``: fetch ``url``; ``"base64"``: decode ``data``; ``"file"``: a local temporary file already
    holding the whole video (a synchronous provider's reply) at ``path``, ``url`` being its ``file://``
    URI; ``download`` moves it into place."""
    path: Path | None = field(default=None, kw_only=True)
    """The local file of a ``"file"`` output (else None)."""
    data: str | None = field(default=None, kw_only=True, repr=False, compare=False)
    """The base64 text of a ``base64`` output: the very string of the provider's reply (not a copy, and
    never shown by ``repr``); None for a ``url`` output."""
    mime_type: str | None = field(default=None, kw_only=True)
    """The video's media type, when the provider says (e.g. ``video/mp4``)."""

    def __post_init__(self) -> None:
        if self.kind == "base64" and not isinstance(self.data, str):
            raise ValueError("a base64 VideoOutput needs its base64 text as data")
        if self.kind not in ("url", "base64", "file"):
            raise ValueError(f"unknown VideoOutput kind {self.kind!r}")

    @property
    def size(self) -> int | None:
        """The decoded size in bytes of a ``base64`` output (from its text's length); None for a URL."""
        if self.data is None:
            return None
        text = self.data
        return len(text) * 3 // 4 - (text.endswith("=") + text.endswith("=="))

    def __repr__(self) -> str:
        if self.kind == "base64":
            return f"VideoOutput(kind='base64', size={self.size}, mime_type={self.mime_type!r}, ref={self.ref!r})"
        cover = redact_url(self.cover_url) if self.cover_url else None
        if self.kind == "file":
            return f"VideoOutput(kind='file', path={str(self.path)!r}, ref={self.ref!r})"
        return f"VideoOutput(url={redact_url(self.url)!r}, cover_url={cover!r}, ref={self.ref!r})"


class LazyOutputs:
    """Outputs an adapter has checked but not built yet (``lazy_outputs``): ``Creation.outputs`` builds
    them on first access. A reply of 1,000 videos is validated in one pass at ``get``; the 1,000
    :class:`VideoOutput` objects are made only if someone looks at them."""

    __slots__ = ("build", "count")

    def __init__(self, count: int, build: Callable[[], tuple[VideoOutput, ...]]) -> None:
        self.count = count
        self.build = build


#: Up to this many outputs are built at once: deferring a few costs more than building them.
EAGER_OUTPUTS = 8


def lazy_outputs(count: int, build: Callable[[], tuple[VideoOutput, ...]]) -> tuple[VideoOutput, ...]:
    """What an adapter passes as ``Creation(outputs=...)`` for outputs it has validated: ``count`` of them,
    made by ``build`` (which must not fail, nor read anything the caller can still change) on first access;
    built now when there are at most ``EAGER_OUTPUTS``. Typed as the tuple it becomes: ``Creation`` swaps
    it for that tuple before anyone can see it."""
    if count <= EAGER_OUTPUTS:
        return build()
    return cast("tuple[VideoOutput, ...]", LazyOutputs(count, build))


@dataclass(frozen=True, slots=True)
class Creation:
    """A snapshot of a creation, the same shape for every provider. Immutable.

    ``raw`` is the generated client's model of what the provider sent (parsed on
    first access); ``payload`` is the decoded JSON itself. Nothing sent is lost.
    """

    ref: CreationRef
    state: CreationState
    raw_state: str | None
    """The provider's own state string, exactly as sent."""
    progress: float | None
    """0..1, or None when the provider did not say."""
    outputs: tuple[VideoOutput, ...]
    error_code: str | None
    """The provider's failure code or reason word, when it failed (e.g. Vidu's ``err_code``)."""
    created_at: datetime | None
    updated_at: datetime | None
    payload: Mapping[str, Any] = field(repr=False, compare=False)
    """The JSON the provider sent, decoded (for Haiper: ``{"status": …, "detail": …}``)."""
    _raw_parser: Callable[[Mapping[str, Any]], object] = field(repr=False, compare=False)
    _raw: Any = field(default=_UNPARSED, init=False, repr=False, compare=False)
    error_message: str | None = field(default=None, kw_only=True)
    """The provider's human-readable failure message, when it sends one (None otherwise)."""
    _pending: LazyOutputs | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        outputs: object = self.outputs
        if isinstance(outputs, LazyOutputs):
            # The ``outputs`` slot is left empty: reading it falls through to ``__getattr__``, which builds
            # them once. Every other attribute read stays a plain slot read.
            object.__setattr__(self, "_pending", outputs)
            object.__delattr__(self, "outputs")

    if not TYPE_CHECKING:  # (for type checkers, Creation has exactly its declared attributes)

        def __getattr__(self, name: str) -> Any:
            """Reached only for an attribute that is not set: ``outputs`` while still pending."""
            if name == "outputs":
                pending = self._pending
                if pending is not None:
                    built = pending.build()
                    object.__setattr__(self, "outputs", built)
                    return built
            raise AttributeError(f"{type(self).__name__!r} object has no attribute {name!r}")

    def _output_count(self) -> int:
        """``len(self.outputs)``, without building pending outputs."""
        pending = self._pending
        return pending.count if pending is not None else len(self.outputs)

    def _map_outputs(self, change: Callable[[tuple[VideoOutput, ...]], tuple[VideoOutput, ...]]) -> Creation:
        """This creation with its outputs passed through ``change``: when they are built, if still pending
        (``self`` when ``change`` gives the very tuple it was given)."""
        pending = self._pending
        if pending is not None and not _is_set(self, "outputs"):
            build = pending.build
            return dataclasses.replace(self, outputs=lazy_outputs(pending.count, lambda: change(build())))
        changed = change(self.outputs)
        return self if changed is self.outputs else dataclasses.replace(self, outputs=changed)

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the parsed ``raw`` (a cache, parsed again on first access): pickling the
        generated model is not needed, and the unparsed sentinel would not survive a round trip."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_raw", _UNPARSED)
        object.__setattr__(self, "_pending", None)

    @property
    def provider(self) -> Provider:
        """The provider's name (one of ``genvideo.PROVIDERS``, e.g. ``vidu``)."""
        return self.ref.provider

    @property
    def id(self) -> str:
        """The provider's id for this creation."""
        return self.ref.id

    @property
    def raw(self) -> Any:
        """The generated model(s) of the provider's reply (see the provider modules)."""
        if self._raw is _UNPARSED:
            try:
                parsed = self._raw_parser(self.payload)
            except (TypeError, ValueError, KeyError, AttributeError) as exc:
                raise ResponseValidationError(
                    f"the {self.provider} reply does not fit the generated model: {type(exc).__name__}",
                    provider=self.provider,
                ) from exc
            object.__setattr__(self, "_raw", parsed)
        return self._raw

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict of the normalised fields (what the CLI prints)."""
        return {
            "ref": str(self.ref),
            "provider": self.provider,
            "id": self.id,
            "state": self.state.value,
            "raw_state": self.raw_state,
            "progress": self.progress,
            "outputs": [
                {"url": o.url, "cover_url": o.cover_url, "watermarked_url": o.watermarked_url, "kind": o.kind}
                for o in self.outputs
            ],
            "error_code": self.error_code,
            "error_message": self.error_message,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }
