"""`AcceptedKeys`: the secrets the sandbox accepts, one per credential the registry lists for a spec."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from .._providers._registry import CredentialSource
from ._recording import RecordedRequest


@dataclass(frozen=True, slots=True)
class AcceptedKeys:
    """The secret each credential argument (e.g. `comfy_api_key`) stands for; None disables that credential
    (nothing matches it: it never means "accept anything")."""

    secrets: Mapping[str, str | None]

    def secret(self, source: CredentialSource) -> str | None:
        """The secret `source` accepts, or None."""
        return self.secrets.get(source.argument)

    def accepts(self, source: CredentialSource, request: RecordedRequest) -> bool:
        """Whether `request` carries `source`'s secret in `source`'s header (and scheme, if it has one)."""
        secret = self.secret(source)
        return secret is not None and secret in sent_values(source, request)


def sent_values(source: CredentialSource, request: RecordedRequest) -> list[str]:
    """Every value `request` sends in `source`'s header, trimmed; with a scheme (`Bearer`, any case) only
    the credentials after it."""
    values = [value.strip() for value in request.header_values(source.header)]
    if source.scheme is None:
        return values
    found = []
    for value in values:
        scheme, _, credential = value.partition(" ")
        if scheme.lower() == source.scheme.lower():
            found.append(credential.strip())
    return found
