"""`RecordedRequest`: what the sandbox saw, byte for byte."""

from __future__ import annotations

from dataclasses import dataclass

_CREDENTIAL_HEADERS = frozenset({"authorization", "x-api-key"})


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One request as received by the sandbox.

    `target` is the request-target exactly as sent on the request line (nothing decoded or normalised);
    `path` and `query` are its raw parts before and after the first `?`. `headers` keeps the order,
    the spelling and any duplicates. `time` is `time.time()` when the request had been read.
    `connection` numbers the TCP connection it came on (1 for the sandbox's first connection, ...).
    """

    method: str
    target: str
    path: str
    query: str
    headers: list[tuple[str, str]]
    body: bytes
    time: float
    connection: int = 0

    def header(self, name: str) -> str | None:
        """The first value of header `name` (case-insensitive), or None."""
        values = self.header_values(name)
        return values[0] if values else None

    def header_values(self, name: str) -> list[str]:
        """Every value of header `name` (case-insensitive), in order."""
        wanted = name.lower()
        return [value for key, value in self.headers if key.lower() == wanted]

    @property
    def sent_credentials(self) -> bool:
        """Whether an `Authorization` or `X-API-Key` header (any spelling) was sent."""
        return any(key.lower() in _CREDENTIAL_HEADERS for key, _ in self.headers)
