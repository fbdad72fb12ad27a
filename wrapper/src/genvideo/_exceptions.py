"""Every error genvideo raises. One tree, all under ``GenvideoError``::

    GenvideoError
    ├── InvalidCreationRef          (also ValueError) bad ref or id, raised before any request
    ├── ConfigurationError          (also ValueError) e.g. credentials over plain http to a remote host
    │   └── ClientClosed            (also RuntimeError) a call on a Client after close()
    ├── InvalidOption               (also ValueError) a create() option or wait/watch/generate argument refused
    ├── MissingCredentials          no key for the provider being called
    ├── APIError                    a request to a provider API went wrong
    │   ├── APIStatusError          non-2xx answer: status_code, provider, message, details
    │   │   ├── AuthenticationError     401, 403
    │   │   ├── NotFoundError           404
    │   │   ├── RateLimitError          429, with retry_after
    │   │   └── ServerError             5xx, including non-standard codes such as 520
    │   ├── APIConnectionError      no usable answer (refused, reset, truncated)
    │   │   └── APITimeoutError     the request timed out
    │   ├── ResponseValidationError a 2xx body that is not what the spec says
    │   └── UploadError             an input file could not be uploaded (Comfy storage): .what, .status_code
    ├── CreationFailed              the creation ended failed (or succeeded with no output): .creation
    ├── WaitTimeout                 wait()/watch() ran out of time: .creation is the last snapshot
    └── DownloadError               a download did not complete; nothing was left at dest

Messages never contain credentials, and quote at most a short, cleaned snippet of a body.
Every error pickles with its attributes (e.g. out of a ``ProcessPoolExecutor`` worker).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._models import Creation

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "ClientClosed",
    "ConfigurationError",
    "CreationFailed",
    "DownloadError",
    "GenvideoError",
    "InvalidCreationRef",
    "InvalidOption",
    "MissingCredentials",
    "NotFoundError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "WaitTimeout",
]


class GenvideoError(Exception):
    """Base class of every error this package raises. Every one pickles, attributes included."""

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's default reduce calls ``cls(*args)``, which fails for the keyword-only
        # attributes most subclasses take: rebuild from args and attributes instead, for any
        # subclass (no constructor is called). httpx objects (a response, a request) are left
        # out: they hold a connection and do not pickle.
        state = {name: None if _is_httpx_object(value) else value for name, value in vars(self).items()}
        return (_rebuild, (type(self), self.args), state)


def _rebuild(cls: type[GenvideoError], args: tuple[Any, ...]) -> GenvideoError:
    """An unpickled error: ``args`` set, no constructor run (pickle then sets the attributes)."""
    return cls.__new__(cls, *args)


def _is_httpx_object(value: object) -> bool:
    return type(value).__module__.split(".")[0] in ("httpx", "httpcore")


class InvalidCreationRef(GenvideoError, ValueError):
    """A creation reference or id that cannot be used; no request was made."""


class ConfigurationError(GenvideoError, ValueError):
    """The client was configured in a way that would be unsafe or cannot work."""


class ClientClosed(ConfigurationError, RuntimeError):
    """A call on a ``Client`` after ``close()``: make a new client (or use it in a ``with`` block)."""


class InvalidOption(GenvideoError, ValueError):
    """An argument refused before anything was sent: nothing was billed.

    A ``create()`` argument the provider does not take, or of the wrong type or value (``provider``,
    ``image``, an option of the provider's request model); or a ``wait()`` / ``watch()`` /
    ``generate()`` argument out of range (``timeout``: NaN or negative; ``poll_interval``: not more
    than 0, over a day, NaN or not a number). ``generate()`` checks its wait arguments before it
    submits anything.

    Attributes:
        option: the argument's name, dotted for nested fields (e.g. ``"settings.duration"``,
            ``"timeout"``, ``"poll_interval"``, ``"image"``).
    """

    def __init__(self, message: str, *, option: str) -> None:
        super().__init__(message)
        self.option = option


class MissingCredentials(GenvideoError):
    """The provider being called has no credentials (argument or environment variable)."""


class APIError(GenvideoError):
    """A request to a provider's API failed.

    Attributes:
        provider: the provider's name (one of ``genvideo.PROVIDERS``, e.g. ``vidu``).
    """

    def __init__(self, message: str, *, provider: str) -> None:
        super().__init__(message)
        self.message = message
        self.provider = provider


class APIStatusError(APIError):
    """The provider answered with a non-2xx status.

    Attributes:
        status_code: the HTTP status (any integer, including non-standard ones such as 520).
        details: extra detail strings parsed leniently from the body.
        error_code: the provider's error code, when the body or headers carry one.
        body: a short, cleaned snippet of the body.
        retry_after: the server's Retry-After hint in seconds, if it sent one.
    """

    def __init__(
        self,
        message: str,
        *,
        provider: str,
        status_code: int,
        details: tuple[str, ...] = (),
        error_code: str | None = None,
        body: str = "",
        retry_after: float | None = None,
    ) -> None:
        super().__init__(message, provider=provider)
        self.status_code = status_code
        self.details = details
        self.error_code = error_code
        self.body = body
        self.retry_after = retry_after


class AuthenticationError(APIStatusError):
    """401 or 403: the credentials were missing, wrong or not allowed here."""


class NotFoundError(APIStatusError):
    """404: the provider does not know this creation."""


class RateLimitError(APIStatusError):
    """429: too many requests. ``retry_after`` is the server's hint in seconds, if any."""


class ServerError(APIStatusError):
    """5xx (any code from 500 to 599, standard or not)."""


class APIConnectionError(APIError):
    """No usable answer: connection refused or reset, or a body cut short."""


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or pool)."""


class ResponseValidationError(APIError):
    """A 2xx answer whose body is not what the provider's spec describes."""

    def __init__(self, message: str, *, provider: str, body: str = "") -> None:
        super().__init__(message, provider=provider)
        self.body = body


class UploadError(APIError):
    """An input (an image given as a file or bytes) could not be put where the provider reads it.

    Nothing was submitted. Attributes:
        what: which input, e.g. ``image 1``.
        status_code: the HTTP status when the upload was refused, else None.
    """

    def __init__(self, message: str, *, provider: str, what: str, status_code: int | None = None) -> None:
        super().__init__(message, provider=provider)
        self.what = what
        self.status_code = status_code


class CreationFailed(GenvideoError):
    """The creation ended in failure, or succeeded without delivering any output."""

    def __init__(self, message: str, *, creation: Creation) -> None:
        super().__init__(message)
        self.creation = creation


class WaitTimeout(GenvideoError):
    """Waiting ran out of time. ``creation`` is the last snapshot seen (None if no poll succeeded)."""

    def __init__(self, message: str, *, creation: Creation | None, elapsed: float, polls: int) -> None:
        super().__init__(message)
        self.creation = creation
        self.elapsed = elapsed
        self.polls = polls


class DownloadError(GenvideoError):
    """A download failed. Nothing is left at the destination.

    Attributes:
        status_code: the HTTP status when the server refused, else None.
        bytes_received: how many bytes had arrived.
        bytes_expected: the announced size, if any.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        bytes_received: int = 0,
        bytes_expected: int | None = None,
    ) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.bytes_received = bytes_received
        self.bytes_expected = bytes_expected
