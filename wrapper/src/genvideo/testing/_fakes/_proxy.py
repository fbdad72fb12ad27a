"""What every provider behind Comfy.org's proxy shares: the proxy's own answers (not a provider's fake)."""

from __future__ import annotations

from collections.abc import Sequence

from .._replies import Headers, Reply, flat_error
from . import ProviderFake


class ComfyProxyFake(ProviderFake):
    """A provider behind api.comfy.org: the proxy honours `Idempotency-Key`, refuses a missing key and a
    reused one before the provider sees the request, and answers errors in its flat envelope (`error`,
    `message`, `details`) unless a subclass says the provider's own shape comes through."""

    honours_idempotency_key = True

    def error(
        self,
        status: int,
        *,
        code: str | None = None,
        message: str | None = None,
        details: Sequence[str] = (),
        headers: Headers = (),
    ) -> Reply:
        """`{"error": "payment_required", "message": "Payment Required", "details": []}`."""
        return flat_error(status, code=code, message=message, details=details, headers=headers)

    def unauthorized(self) -> Reply:
        """The proxy's 401."""
        return flat_error(401, message="Please login first")

    def no_creation(self, creation_id: str) -> Reply:
        """The proxy's 404 for an unknown task."""
        return flat_error(404, message=f"Task {creation_id} not found")

    def idempotency_conflict(self) -> Reply:
        """The proxy's 409, with `X-Comfy-Error-Type`."""
        message = "This Idempotency-Key was already used for a different request"
        headers = (("X-Comfy-Error-Type", "idempotency_mismatch"),)
        return flat_error(409, code="idempotency_mismatch", message=message, headers=headers)
