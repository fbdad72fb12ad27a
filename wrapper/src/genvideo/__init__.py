"""genvideo: one client for hosted video-generation providers.

    import genvideo

    with genvideo.Client() as client:
        creation = client.wait("vidu:902581991298326528", on_progress=print)
        client.download(creation, "video.mp4")

See README.md for the whole public API; everything in ``_`` modules is private.
"""

from ._client import AsyncClient, Client
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
