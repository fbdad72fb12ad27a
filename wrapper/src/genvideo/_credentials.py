"""Credentials: where they come from, which header carries them, and never printing them."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from urllib.parse import urlsplit

from . import _constants as C
from ._exceptions import ConfigurationError, MissingCredentials
from ._refs import Provider

__all__ = ["Secret"]


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


def _secret(explicit: str | None, env: str) -> Secret | None:
    value = explicit if explicit is not None else os.environ.get(env)
    return Secret(value) if value else None


def is_loopback(host: str) -> bool:
    """localhost, 127.0.0.0/8 or ::1."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_base_url(name: str, url: str) -> str:
    """Credentials travel only over https, or plain http to this machine."""
    parts = urlsplit(url)
    if parts.scheme == "https" and parts.hostname:
        return url.rstrip("/")
    if parts.scheme == "http" and parts.hostname and is_loopback(parts.hostname):
        return url.rstrip("/")
    raise ConfigurationError(
        f"{name} must be an https:// URL (or http:// to localhost), got {parts.scheme or 'no'} scheme "
        f"for host {parts.hostname!r}: credentials are never sent in clear text"
    )


@dataclass(frozen=True, slots=True, repr=False)
class Credentials:
    """The keys a client holds; each provider's are checked only when it is called."""

    comfy_api_key: Secret | None
    comfy_auth_token: Secret | None
    haiper_api_key: Secret | None

    @classmethod
    def resolve(
        cls, *, comfy_api_key: str | None, comfy_auth_token: str | None, haiper_api_key: str | None
    ) -> Credentials:
        """Explicit arguments first, then the environment."""
        return cls(
            _secret(comfy_api_key, C.COMFY_API_KEY_ENV),
            _secret(comfy_auth_token, C.COMFY_AUTH_TOKEN_ENV),
            _secret(haiper_api_key, C.HAIPER_API_KEY_ENV),
        )

    def headers_for(self, provider: Provider) -> dict[str, str]:
        """The auth header for a provider API call (never for downloads)."""
        if provider == "vidu":
            if self.comfy_api_key is not None:
                return {"X-API-Key": self.comfy_api_key.reveal()}
            if self.comfy_auth_token is not None:
                return {"Authorization": f"Bearer {self.comfy_auth_token.reveal()}"}
            raise MissingCredentials(
                f"no Comfy credentials for vidu: pass comfy_api_key= or set {C.COMFY_API_KEY_ENV} "
                f"(or comfy_auth_token= / {C.COMFY_AUTH_TOKEN_ENV})"
            )
        if self.haiper_api_key is not None:
            return {"Authorization": f"Bearer {self.haiper_api_key.reveal()}"}
        raise MissingCredentials(f"no Haiper credentials: pass haiper_api_key= or set {C.HAIPER_API_KEY_ENV}")

    def values(self) -> tuple[str, ...]:
        """Every secret held, for scrubbing text that might echo one."""
        return tuple(s.reveal() for s in (self.comfy_api_key, self.comfy_auth_token, self.haiper_api_key) if s)

    def __repr__(self) -> str:
        held = [n for n in ("comfy_api_key", "comfy_auth_token", "haiper_api_key") if getattr(self, n)]
        return f"Credentials(held={held})"
