"""Credentials: where they come from, which header carries them, and never printing them."""

from __future__ import annotations

import ipaddress
import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING
from urllib.parse import SplitResult, quote, quote_plus, urlsplit

import httpx

from . import _constants as C
from ._exceptions import ConfigurationError, MissingCredentials
from ._refs import Provider

if TYPE_CHECKING:
    from ._providers._registry import ProviderEntry, Registry

__all__ = ["Secret"]


def _registry() -> Registry:
    from ._providers._registry import registry  # on first use: `import genvideo` does not read it

    return registry()


class Secret:
    """A string that never shows itself: ``repr``/``str`` print a placeholder."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The secret itself, for the one place that sends it."""
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __reduce__(self) -> str:
        raise TypeError("a Secret cannot be pickled")


# -- reading a key -------------------------------------------------------------------------------------


def _secret(explicit: str | None, env: str, argument: str) -> Secret | None:
    """The key from ``argument=`` (if not None) else the environment variable ``env``.

    Surrounding whitespace is stripped (a key read from a file keeps its newline); empty means
    none. A key must then be printable ASCII, as an HTTP header value must: a control or
    non-ASCII character raises ConfigurationError naming the setting, never the key.
    """
    source = f"{argument}=" if explicit is not None else env
    value = explicit if explicit is not None else os.environ.get(env)
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError(f"{source} must be a str, not {type(value).__name__}")
    value = value.strip()
    if not value:
        return None
    _check_key(value, source)
    return Secret(value)


def _check_key(value: str, source: str) -> None:
    for position, char in enumerate(value, 1):
        code = ord(char)
        if 0x20 <= code < 0x7F:
            continue
        kind = "a control character" if code < 0x20 or code == 0x7F else "a non-ASCII character"
        # Only the offending character's code point is named: it cannot be part of a working key.
        raise ConfigurationError(
            f"{source} contains {kind} (U+{code:04X}, character {position} of {len(value)}); a key must be "
            "printable ASCII (surrounding whitespace is stripped). The key itself is not shown."
        )


# -- masking a key wherever it might be printed ----------------------------------------------------------

_PERCENT = re.compile(r"%[0-9A-F]{2}")


def secret_renderings(secret: str) -> frozenset[str]:
    """Every form ``secret`` takes when printed: as is, inside a ``repr()``'d str or bytes, JSON-escaped
    (``\\/`` and Go's ``\\u003c`` included) and percent-encoded (either case of hex digit).

    Empty for a value shorter than MIN_MASKED_SECRET_LENGTH: such a value is no real credential,
    and masking it would garble every text it happens to occur in.
    """
    if len(secret) < C.MIN_MASKED_SECRET_LENGTH:
        return frozenset()
    as_json = json.dumps(secret)[1:-1]
    forms = {
        secret,
        repr(secret)[1:-1],
        ascii(secret)[1:-1],
        repr(secret.encode("utf-8", "surrogatepass"))[2:-1],
        as_json,
        json.dumps(secret, ensure_ascii=False)[1:-1],
        as_json.replace("/", "\\/"),
        as_json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"),
        quote(secret, safe=""),
        quote(secret, safe="/"),
        quote_plus(secret, safe=""),
    }
    forms |= {_PERCENT.sub(lambda m: m.group().lower(), form) for form in forms if "%" in form}
    forms |= {repr(form)[1:-1] for form in forms}  # quoted once more: the repr of an error quoting one
    return frozenset(form for form in forms if form)


def mask_renderings(text: str, forms: Iterable[str]) -> str:
    """``text`` with every occurrence of any of ``forms`` replaced by ``***``.

    Overlapping occurrences (one key inside another, or two keys sharing characters) are merged
    into one mask, so no fragment of either is left.
    """
    spans: list[tuple[int, int]] = []
    for form in forms:
        start = text.find(form)
        while start != -1:
            spans.append((start, start + len(form)))
            start = text.find(form, start + 1)
    if not spans:
        return text
    spans.sort()
    pieces: list[str] = []
    done = 0
    start, end = spans[0]
    for next_start, next_end in spans[1:]:
        if next_start <= end:
            end = max(end, next_end)
            continue
        pieces += [text[done:start], "***"]
        done, start, end = end, next_start, next_end
    pieces += [text[done:start], "***", text[end:]]
    return "".join(pieces)


def mask_secrets(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every rendering (:func:`secret_renderings`) of every secret masked."""
    forms: set[str] = set()
    for secret in secrets:
        if secret:
            forms |= secret_renderings(secret)
    return mask_renderings(text, forms) if forms else text


# -- base URLs ---------------------------------------------------------------------------------------------


def is_loopback(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


_MAX_SHOWN = 120


def _shown(url: str) -> str:
    """``url`` for an error message: user info (``user:password@``) as ``***@``, no query, bounded."""
    url = re.sub(r"([?#]).*", r"\1…", url, flags=re.DOTALL)  # a query may hold a token too
    if "@" in url:
        scheme, sep, rest = url.partition("://")
        if not sep:
            scheme, rest = "", url
        # After the last "@": a password may hold any character, "/" and "@" included.
        url = f"{scheme}{sep}***@{rest.rpartition('@')[2]}"
    text = repr(url)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 4] + "...'"


def check_base_url(name: str, url: str) -> str:
    """The base URL, without trailing slashes, if credentials may be sent to it; else ConfigurationError.

    Credentials travel only over https, or plain http to this machine. A base URL is an origin with
    an optional path prefix (``https://host[:port][/path]``): no user info (httpx would send it as
    Basic auth in place of the key, and it would show in ``repr(client)``), no query or fragment,
    no whitespace or control character, a port from 1 to 65535. The message never shows user info.
    """
    if not isinstance(url, str):
        raise TypeError(f"{name} must be a str, not {type(url).__name__}")
    envs = {spec.base_url_argument: spec.base_url_env for spec in _registry().specs.values()}
    setting = f"{name}= (or {envs[name]})" if name in envs else name
    if any(char.isspace() or ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in url):
        raise ConfigurationError(
            f"{setting} contains whitespace or a control character: {_shown(url)} (nothing is stripped from a URL)"
        )
    parts = _split(url)
    if parts is None:  # an unclosed "[", a port that is no number or out of range
        raise ConfigurationError(f"{setting} is not a valid URL: {_shown(url)}")
    port, host = parts.port, parts.hostname
    if "@" in parts.netloc:
        raise ConfigurationError(
            f"{setting} must not carry user info (user:password@), got {_shown(url)}: the provider key is the "
            "credential (httpx would send the user info as Basic auth instead of it)"
        )
    if not host:
        raise ConfigurationError(f"{setting} names no host: {_shown(url)} (expected https://host[:port][/path])")
    if not (parts.scheme == "https" or (parts.scheme == "http" and is_loopback(host))):
        raise ConfigurationError(
            f"{setting} must be an https:// URL (or http:// to localhost), got {parts.scheme or 'no'} scheme "
            f"for host {host!r}: credentials are never sent in clear text"
        )
    if port == 0:
        raise ConfigurationError(f"{setting} has port 0, which cannot be connected to: {_shown(url)}")
    if "?" in url or "#" in url:
        raise ConfigurationError(
            f"{setting} must not have a query or fragment, got {_shown(url)}: a base URL is "
            "https://host[:port] with an optional path prefix"
        )
    if not _httpx_accepts(url):  # e.g. a host that is no valid IDNA name
        raise ConfigurationError(f"{setting} is not a valid URL: {_shown(url)}")
    return url.rstrip("/")


# These return None/False rather than raising: the ConfigurationError is raised outside any
# ``except`` block, so that it carries no __context__ (whose message could quote a password).


def _split(url: str) -> SplitResult | None:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is no number, or out of range
    except ValueError:
        return None
    return parts


def _httpx_accepts(url: str) -> bool:
    try:
        httpx.URL(url).port  # noqa: B018
    except Exception:  # httpx raises InvalidURL, ValueError or UnicodeError: all mean "invalid"
        return False
    return True


def resolve_base_urls(explicit: Mapping[str, str | None]) -> dict[str, str]:
    """Each spec's checked base URL, keyed by spec name: its ``Client`` argument (``explicit``, by
    argument name) if given, else its environment variable, else the registry's default."""
    return {
        spec.name: check_base_url(
            spec.base_url_argument,
            explicit.get(spec.base_url_argument) or os.environ.get(spec.base_url_env) or spec.default_base_url,
        )
        for spec in _registry().specs.values()
    }


# -- the credentials of a client ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, repr=False)
class Credentials:
    """The keys a client holds, by ``Client`` argument (the registry's credential sources); each
    provider's are checked only when it is called."""

    held: Mapping[str, Secret]
    """Argument name -> key, in the registry's order; only the keys there are."""

    @classmethod
    def resolve(cls, **explicit: str | None) -> Credentials:
        """Each credential the registry lists: its argument in ``explicit`` if given (not None), else its
        environment variable. Surrounding whitespace is stripped; a key with a control or non-ASCII
        character raises ConfigurationError (naming the setting). TypeError for an unknown argument."""
        sources = _registry().credential_sources
        unknown = sorted(set(explicit) - {source.argument for source in sources})
        if unknown:
            raise TypeError(f"unknown credential argument(s): {', '.join(unknown)}")
        held = {}
        for source in sources:
            secret = _secret(explicit.get(source.argument), source.env, source.argument)
            if secret is not None:
                held[source.argument] = secret
        return cls(MappingProxyType(held))

    def headers_for(self, provider: Provider) -> dict[str, str]:
        """The auth header for a provider API call (never for downloads): the first credential of the
        provider's spec that is held; MissingCredentials if none is."""
        entry = _registry().providers[provider]
        for source in entry.spec.credentials:
            secret = self.held.get(source.argument)
            if secret is not None:
                return source.header_for(secret.reveal())
        raise MissingCredentials(_missing(entry))

    def values(self) -> tuple[str, ...]:
        """Every secret held, for scrubbing text that might echo one."""
        return tuple(secret.reveal() for secret in self.held.values())

    def __repr__(self) -> str:
        return f"Credentials(held={list(self.held)})"


def _missing(entry: ProviderEntry) -> str:
    """What to set, e.g. ``no Comfy credentials for vidu: pass comfy_api_key= or set COMFY_API_KEY
    (or comfy_auth_token= / COMFY_AUTH_TOKEN)``; the provider is named when its spec is not its own."""
    spec = entry.spec
    first, *others = spec.credentials
    whose = f" for {entry.name}" if entry.name != spec.name else ""
    text = f"no {spec.title} credentials{whose}: pass {first.argument}= or set {first.env}"
    if others:
        text += f" (or {', or '.join(f'{source.argument}= / {source.env}' for source in others)})"
    return text
