"""Every tunable default, in one place."""

from __future__ import annotations

import httpx

COMFY_API_KEY_ENV = "COMFY_API_KEY"
COMFY_AUTH_TOKEN_ENV = "COMFY_AUTH_TOKEN"  # noqa: S105 - a variable name
HAIPER_API_KEY_ENV = "HAIPER_API_KEY"
COMFY_BASE_URL_ENV = "GENVIDEO_COMFY_BASE_URL"
HAIPER_BASE_URL_ENV = "GENVIDEO_HAIPER_BASE_URL"

DEFAULT_COMFY_BASE_URL = "https://api.comfy.org"
DEFAULT_HAIPER_BASE_URL = "https://api.haiper.ai"

# The generated clients default to no timeout at all; ours is always set.
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
INITIAL_RETRY_DELAY = 0.5
MAX_RETRY_DELAY = 8.0
# A Retry-After longer than this (or than the caller's deadline) is not slept through:
# the RateLimitError is raised at once with its retry_after.
MAX_RETRY_AFTER = 60.0

DEFAULT_WAIT_TIMEOUT = 600.0
DEFAULT_POLL_INTERVAL = 5.0
# While a creation does not change, the poll interval grows by this factor up to
# POLL_BACKOFF_CAP x poll_interval; any change resets it.
POLL_BACKOFF_FACTOR = 1.25
POLL_BACKOFF_CAP = 2.0
# wait() does not start a poll with less than this left before its deadline: it could not finish.
MIN_POLL_WINDOW = 0.1

MAX_DOWNLOAD_REDIRECTS = 5

# Ids become one URL path segment: RFC 3986 unreserved characters only, so that no
# encoding is needed and the provider sees exactly the id it issued.
MAX_ID_LENGTH = 256

# How much of an unexpected response body an exception message quotes.
ERROR_BODY_SNIPPET = 300
USER_AGENT = "genvideo-python"
DEFAULT_VIDU_MODEL = "viduq1"  # used when create("vidu", ...) names no model

# AsyncClient: connections per pool, and API requests in flight at once (the rest wait their turn).
MAX_CONNECTIONS = 20
MAX_CONCURRENT_REQUESTS = 20
