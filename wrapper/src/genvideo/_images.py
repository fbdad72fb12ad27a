"""Input images for ``create()``: URLs pass through; files and bytes become data URIs."""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence
from pathlib import Path

from . import _constants as C
from ._exceptions import InvalidOption

ImageInput = str | os.PathLike[str] | bytes
"""A URL (``https://…`` or ``data:…``), a path to an image file, or the image's bytes."""

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"BM", "image/bmp"),
)


def _mime(data: bytes) -> str:
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    raise InvalidOption("image: the bytes are not a PNG, JPEG, WebP, GIF or BMP image", option="image")


def _data_uri(data: bytes) -> str:
    if len(data) > C.MAX_IMAGE_BYTES:
        raise InvalidOption(f"image: {len(data)} bytes is over the {C.MAX_IMAGE_BYTES}-byte limit", option="image")
    return f"data:{_mime(data)};base64,{base64.b64encode(data).decode('ascii')}"


def data_uri_content(uri: str) -> tuple[bytes, str]:
    """The bytes and media type of a ``data:<type>;base64,`` URI (as :func:`image_reference` makes);
    InvalidOption for anything else."""
    head, comma, payload = uri.partition(",")
    media_type = head.removeprefix("data:").removesuffix(";base64")
    if not comma or not head.startswith("data:") or not head.endswith(";base64") or "/" not in media_type:
        raise InvalidOption("image: not a base64 data: URI", option="image")
    try:
        return base64.b64decode(payload, validate=True), media_type
    except ValueError:
        raise InvalidOption("image: the data: URI is not valid base64", option="image") from None


def image_reference(image: ImageInput) -> str:
    """What a provider accepts for one image: the URL itself, or a ``data:`` URI."""
    if isinstance(image, bytes):
        return _data_uri(image)
    if isinstance(image, str) and image.startswith(("https://", "http://", "data:image/")):
        return image
    if isinstance(image, str | os.PathLike):
        path = Path(image)
        try:
            is_file = path.is_file()
        except (OSError, ValueError):  # a name too long for the file system, or a NUL in it
            is_file = False
        if not is_file:
            raise InvalidOption(
                f"image: {str(image)[:80]!r} is neither an http(s)/data URL nor an existing file", option="image"
            )
        try:
            return _data_uri(path.read_bytes())
        except OSError as exc:
            raise InvalidOption(
                f"image: cannot read {str(image)[:80]!r}: {exc.strerror or exc}", option="image"
            ) from None
    raise InvalidOption(f"image: expected a URL, a path or bytes, not {type(image).__name__}", option="image")


def image_references(image: ImageInput | Sequence[ImageInput] | None) -> list[str]:
    """One or more images, normalised."""
    if image is None:
        return []
    if isinstance(image, str | bytes | os.PathLike):
        return [image_reference(image)]
    return [image_reference(item) for item in image]
