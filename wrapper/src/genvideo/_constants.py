"""genvideo's tunable defaults and limits, in one place: timeouts, retries, polling, connections,
sizes and rates, and how much of a response body an error message quotes.

Not here: facts no one chooses (HTTP status sets, file-name length limits, timestamp windows); the
step sizes of reads, writes and decompression, beside the code they pace (``_body``, ``_transport``,
``_download``); and the layout of progress lines and messages (bar width, how a refused submit's
reply or a rejected setting is shortened: ``_progress``, ``_providers._replies``, ``_credentials``).
"""

from __future__ import annotations

import httpx

# Credentials and base URLs, their environment variables and defaults: the provider registry
# (_providers/providers.toml).
LOG_ENV = "GENVIDEO_LOG"  # debug or info: log to stderr (redacted)

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
#: ``poll_interval`` values below this many seconds are raised to it: waiting never polls more
#: than 100 times a second (tests and the sandbox poll every 0.01-0.05 s).
MIN_POLL_INTERVAL = 0.01
#: The longest ``poll_interval`` accepted (a day); longer is refused, as no sleep could be that long.
MAX_POLL_INTERVAL = 86_400.0
# wait() does not start a poll with less than this left before its deadline: it could not finish.
MIN_POLL_WINDOW = 0.1

MAX_DOWNLOAD_REDIRECTS = 5

# Ids become one URL path segment: RFC 3986 unreserved characters only, so that no
# encoding is needed and the provider sees exactly the id it issued.
MAX_ID_LENGTH = 256

# How much of an unexpected response body an exception message quotes.
ERROR_BODY_SNIPPET = 300
USER_AGENT = "genvideo-python"

# AsyncClient, per HTTP backend: connections per pool, and API requests in flight at once (the rest
# wait their turn). Chosen by bench section 9 (1,000 waits at 200 ms of latency; 10,000 without):
# httpx's pool falls off a cliff past ~50 (0.7 ms of CPU per poll at 40 and 0.8 at 50, 8 ms at 75,
# 14 ms at 100), and 40 is as fast as 50 there (1.12x ideal; 20 gave 1.43x). aiohttp's cost does not
# grow with the cap (0.28-0.30 ms at 50 to 200); 100 keeps up at 200 ms (1.12x; 200 gave 1.06x) without
# holding hundreds of connections to one provider.
MAX_CONNECTIONS = {"httpx": 40, "aiohttp": 100}
MAX_CONCURRENT_REQUESTS = {"httpx": 40, "aiohttp": 100}

# Credential values shorter than this are accepted (tests and sandboxes use "k") but never masked
# in logs or error messages: no provider issues such a key, and masking "k" would garble every line.
MIN_MASKED_SECRET_LENGTH = 8

# Downloads. A body slower than DOWNLOAD_STALL_BYTES per DOWNLOAD_STALL_SECONDS (about 1 KB/s) has
# stalled: the attempt is abandoned and retried (resumed), like curl's --speed-limit/--speed-time.
# The per-read timeout of a download is capped at DOWNLOAD_STALL_SECONDS too.
DOWNLOAD_STALL_SECONDS = 30.0
DOWNLOAD_STALL_BYTES = 32 * 1024
# download(max_bytes=...) default: a larger video is refused with DownloadError (None: no limit).
DEFAULT_MAX_DOWNLOAD_BYTES = 4 * 1024**3
# A download sent gzip/deflate-encoded (despite Accept-Encoding: identity) is decoded by genvideo; it
# may inflate to at most this many times its size on the wire (and always to DOWNLOAD_DECODE_FLOOR
# bytes): beyond, it is a decompression bomb (DownloadError). Compressed video shrinks ~1 %.
DOWNLOAD_MAX_DECODE_RATIO = 20
DOWNLOAD_DECODE_FLOOR = 1024 * 1024
# How often one download may start again from byte 0 because the video changed between attempts.
MAX_DOWNLOAD_RESTARTS = 3
# Every this many bytes, the written part starts going to disk in a worker thread, so that the
# fsync before the atomic rename has little left to do (it otherwise costs ~30 % of a fast download).
SYNC_EVERY = 8 * 1024 * 1024

# API replies (not downloads): a body larger than this, as sent or once decoded (gzip/deflate), is
# not read further: ResponseValidationError for a 2xx (an error status keeps what fit). Real replies
# are a few KB; a gzip bomb or an endless chunked body would otherwise fill memory.
MAX_API_BODY = 16 * 1024 * 1024
# create(image=...): an image given as bytes or a file is sent inline (a data URI); larger is refused.
MAX_IMAGE_BYTES = 50 * 1024 * 1024
# create(video=...): a file or bytes is uploaded in chunks of this size, streamed from disk (never read whole).
UPLOAD_CHUNK = 1024 * 1024
# AsyncClient: a reply larger than this is parsed (JSON, then the Creation) in a worker thread,
# not on the event loop (a 16 MiB reply of 90,000 creations takes ~0.3 s to parse; json.loads
# still holds the GIL for ~0.1 s of it).
PARSE_OFF_LOOP_BYTES = 256 * 1024

# Client(timeout=, max_retries=): the sane ranges (larger values are mistakes, not settings).
MAX_TIMEOUT = 24 * 60 * 60.0
MAX_RETRIES_LIMIT = 100

# Where genvideo's transports move a redirect's Location that is no usable URL (see _backends), so that
# httpx does not raise building a redirect it will not follow, and a download can still say what happened.
UNUSABLE_LOCATION_HEADER = "x-genvideo-unusable-location"
