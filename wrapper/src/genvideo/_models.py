"""The provider-neutral model of a creation and its outputs."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from ._exceptions import ResponseValidationError
from ._refs import CreationRef, Provider
from ._states import CreationState

__all__ = ["Creation", "VideoOutput"]

_UNPARSED: Any = object()


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
    """One generated video.

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
    kind: str = "url"
    """Where the video is: ``"url"`` (fetched by ``download``), or ``"file"``: a local temporary file
    already holding the whole video (a synchronous provider's reply), at ``path``; ``url`` is then its
    ``file://`` URI, and ``download`` moves the file into place."""
    path: Path | None = None
    """The local file of a ``"file"`` output (else None)."""

    def __repr__(self) -> str:
        cover = redact_url(self.cover_url) if self.cover_url else None
        if self.kind == "file":
            return f"VideoOutput(kind='file', path={str(self.path)!r}, ref={self.ref!r})"
        return f"VideoOutput(url={redact_url(self.url)!r}, cover_url={cover!r}, ref={self.ref!r})"


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

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without the parsed ``raw`` (a cache, parsed again on first access): pickling the
        generated model is not needed, and the unparsed sentinel would not survive a round trip."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.init}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)
        object.__setattr__(self, "_raw", _UNPARSED)

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
                {"url": o.url, "cover_url": o.cover_url, "watermarked_url": o.watermarked_url} for o in self.outputs
            ],
            "error_code": self.error_code,
            "error_message": self.error_message,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "updated_at": self.updated_at.isoformat() if self.updated_at else None,
        }
