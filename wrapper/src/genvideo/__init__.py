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
    ClientClosed,
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
    UploadError,
    WaitTimeout,
)
from ._models import Creation, VideoOutput
from ._refs import CreationRef
from ._states import CreationState

if _TYPE_CHECKING:
    from ._async_client import AsyncClient
    from ._providers._haiper import HaiperRaw
    from ._specs import SPECS

    PROVIDERS: tuple[str, ...]
    """Every provider a ref or ``create()`` can name, from the provider registry."""
    __version__: str


def __getattr__(name: str) -> object:
    # AsyncClient loads on first use: it brings asyncio, which `import genvideo` does not need.
    if name == "AsyncClient":
        from ._async_client import AsyncClient

        globals()["AsyncClient"] = AsyncClient
        return AsyncClient
    # The registry is read, and the adapters are imported, on first use too.
    if name == "PROVIDERS":
        from ._providers._registry import registry

        globals()["PROVIDERS"] = names = registry().names
        return names
    if name == "SPECS":  # the generated clients' provenance: not needed to make a request
        from ._specs import SPECS

        globals()["SPECS"] = SPECS
        return SPECS
    if name == "HaiperRaw":
        from ._providers._haiper import HaiperRaw

        globals()["HaiperRaw"] = HaiperRaw
        return HaiperRaw
    if name == "__version__":
        # From the installed distribution's metadata (one source: wrapper/pyproject.toml), read on first
        # use: importlib.metadata is not free, and `import genvideo` does not need it.
        from ._version import installed_version

        globals()["__version__"] = version = installed_version()
        return version
    raise AttributeError(f"module 'genvideo' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})


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
    "ClientClosed",
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
    "UploadError",
    "VideoOutput",
    "WaitTimeout",
]
