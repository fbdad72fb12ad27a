"""Reading an API reply's body with bounded memory: at most MAX_API_BODY bytes as sent and as decoded.

httpx inflates a gzip body in one call per network chunk and keeps all of it, so a small hostile
reply (a gzip bomb, an endless chunked body) costs gigabytes. Here the raw bytes are counted as
they arrive and decoded in steps of at most INFLATE_STEP bytes (zlib's ``max_length``), and reading
stops at the first byte past the limit. Content-Encodings are those httpx decodes without optional
packages: ``gzip`` (``x-gzip``), ``deflate`` (zlib or raw) and ``identity``; like httpx, any other is
left as it is (genvideo asks for ``gzip, deflate`` only).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

import httpx

from . import _constants as C

__all__ = ["BodyReader", "BodyTooLarge", "Undecodable"]

#: The most one decompression step may produce.
INFLATE_STEP = 64 * 1024


class BodyTooLarge(Exception):
    """The body passed the limit (``what``: "encoded" or "decoded"); nothing more was read."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"the body is over {limit} bytes {what}")
        self.what = what
        self.limit = limit


class Undecodable(Exception):
    """The body does not decode as its Content-Encoding says."""


class _Inflater:
    """One zlib layer, decoded at most INFLATE_STEP bytes at a time."""

    def __init__(self, encoding: str) -> None:
        # "deflate" is meant to be zlib-wrapped but often sent raw: its first two bytes tell (as
        # httpx, which retries raw when zlib fails on the first chunk); they are held until both came.
        self._head: bytes | None = b"" if encoding == "deflate" else None
        self._z = zlib.decompressobj(zlib.MAX_WBITS | 16)

    def decode(self, data: bytes) -> Iterator[bytes]:
        if self._head is not None:
            data = self._head + data
            if len(data) < 2:
                self._head = data
                return
            self._head = None
            zlib_wrapped = data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            self._z = zlib.decompressobj(zlib.MAX_WBITS if zlib_wrapped else -zlib.MAX_WBITS)
        while data:
            try:
                out = self._z.decompress(data, INFLATE_STEP)
            except zlib.error as exc:
                raise Undecodable(str(exc)) from exc
            if out:
                yield out
            data = self._z.unconsumed_tail

    def flush(self) -> bytes:
        if self._head:  # a one-byte deflate body
            raise Undecodable("a deflate body of one byte")
        try:
            return self._z.flush()
        except zlib.error as exc:
            raise Undecodable(str(exc)) from exc


class BodyReader:
    """Accumulates a body fed raw (as received), decoding it; BodyTooLarge past ``limit``."""

    def __init__(self, headers: httpx.Headers, limit: int | None = None) -> None:
        encodings = [value.strip().lower() for value in headers.get_list("content-encoding", split_commas=True)]
        # Applied in the order listed: undone in reverse.
        self._layers = [_Inflater(e) for e in reversed(encodings) if e in ("gzip", "x-gzip", "deflate")]
        self.limit = C.MAX_API_BODY if limit is None else limit
        self.received = 0
        self._pieces: list[bytes] = []
        self._size = 0  # decoded bytes so far

    def feed(self, raw: bytes) -> None:
        self.received += len(raw)
        if self.received > self.limit:
            raise BodyTooLarge("encoded", self.limit)
        for piece in self._decode(raw, 0):
            self._add(piece)

    def finish(self) -> bytes:
        for index, layer in enumerate(self._layers):
            for piece in self._decode(layer.flush(), index + 1):
                self._add(piece)
        return self._joined()

    def loaded(self, content: bytes) -> bytes:
        """A body the transport had already read and decoded (``httpx.MockTransport`` answers so)."""
        if len(content) > self.limit:
            self._add(content[: self.limit])
            raise BodyTooLarge("decoded", self.limit)
        return content

    def finish_partial(self) -> bytes:
        """What was decoded before the limit (for an error status, whose body is only quoted)."""
        return self._joined()

    def _joined(self) -> bytes:
        # One copy at the end (none for a body that came in one piece), not one per piece as it grows.
        if len(self._pieces) == 1 and type(self._pieces[0]) is bytes:
            return self._pieces[0]
        return b"".join(self._pieces)

    def _decode(self, data: bytes, layer: int) -> Iterator[bytes]:
        if layer == len(self._layers):
            if data:
                yield data
            return
        for piece in self._layers[layer].decode(data):
            yield from self._decode(piece, layer + 1)

    def _add(self, piece: bytes) -> None:
        size = self._size + len(piece)
        if size > self.limit:
            raise BodyTooLarge("decoded", self.limit)
        self._size = size
        self._pieces.append(piece)
