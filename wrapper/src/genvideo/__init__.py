"""genvideo: one client for hosted video-generation providers.

    import genvideo

    with genvideo.Client() as client:
        creation = client.wait("vidu:902581991298326528", on_progress=print)
        client.download(creation, "video.mp4")

See README.md for the whole public API; everything in ``_`` modules is private.
"""

from typing import TYPE_CHECKING as _TYPE_CHECKING

from ._client import Client
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    ConfigurationError,
    CreationFailed,
    DownloadError,
    GenvideoError,
    InvalidCreationRef,
    InvalidOption,
    MissingCredentials,
    NotFoundError,
    RateLimitError,
    ResponseValidationError,
    ServerError,
    WaitTimeout,
)
from ._models import Creation, VideoOutput
from ._providers._haiper import HaiperRaw
from ._refs import PROVIDERS, CreationRef
from ._specs import SPECS
from ._states import CreationState

__version__ = "0.1.0"

if _TYPE_CHECKING:
    from ._async_client import AsyncClient


def __getattr__(name: str) -> object:
    # AsyncClient loads on first use: it brings asyncio, which `import genvideo` does not need.
    if name == "AsyncClient":
        from ._async_client import AsyncClient

        globals()["AsyncClient"] = AsyncClient
        return AsyncClient
    raise AttributeError(f"module 'genvideo' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "PROVIDERS",
    "SPECS",
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AuthenticationError",
    "Client",
    "ConfigurationError",
    "Creation",
    "CreationFailed",
    "CreationRef",
    "CreationState",
    "DownloadError",
    "GenvideoError",
    "HaiperRaw",
    "InvalidCreationRef",
    "InvalidOption",
    "MissingCredentials",
    "NotFoundError",
    "RateLimitError",
    "ResponseValidationError",
    "ServerError",
    "VideoOutput",
    "WaitTimeout",
]
