"""Comfy's storage, for inputs a provider takes as URLs only: ``POST /customers/storage`` names a signed
``upload_url`` (the bytes are PUT there, without credentials) and the ``download_url`` to pass on
(valid 24 hours). ComfyUI does the same (``comfy_api_nodes/util/upload_helpers.py``)."""

from __future__ import annotations

import hashlib
from collections.abc import Generator, Mapping
from typing import Any

from .._exceptions import ResponseValidationError
from .._fields import optional_str
from .._images import data_uri_content
from .._videos import LocalFile
from ._submit import ApiRequest, SubmitStep, Upload

_WHO = "comfy storage"
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp", "image/gif": "gif", "image/bmp": "bmp"}


def _storage_request(file_name: str, content_type: str, digest: str) -> ApiRequest:
    from genvideo_comfy_client.api.api_nodes import create_customer_storage_resource
    from genvideo_comfy_client.models import CreateCustomerStorageResourceBody

    body = CreateCustomerStorageResourceBody(file_name=file_name, content_type=content_type, file_hash=digest)
    kwargs = create_customer_storage_resource._get_kwargs(body=body)
    # Asking for a storage slot starts nothing and bills nothing: safe to repeat.
    return ApiRequest(kwargs["method"].upper(), kwargs["url"], json=kwargs["json"], idempotent=True)


def _signed_url(reply: Mapping[str, Any], key: str) -> str:
    url = optional_str(_WHO, reply, key, "")
    if url is None or not url.startswith(("https://", "http://")):
        raise ResponseValidationError(
            f"{_WHO}: the reply names no usable {key} (an absolute http(s) URL)", provider=_WHO
        )
    return url


def comfy_storage_urls(images: list[str]) -> Generator[SubmitStep, Mapping[str, Any] | None, list[str]]:
    """``images`` with every ``data:`` URI replaced by the URL of a copy in Comfy's storage (URLs pass)."""
    urls = []
    for number, image in enumerate(images, start=1):
        if not image.startswith("data:"):
            urls.append(image)
            continue
        content, content_type = data_uri_content(image)
        digest = hashlib.sha256(content).hexdigest()
        file_name = f"genvideo-{digest[:16]}.{_EXTENSIONS.get(content_type, 'bin')}"
        url = yield from _stored(content, content_type, file_name, digest, f"image {number}")
        urls.append(url)
    return urls


def comfy_storage_url(file: LocalFile, what: str) -> Generator[SubmitStep, Mapping[str, Any] | None, str]:
    """The URL of a copy of ``file`` in Comfy's storage (a file on disk is streamed, never read whole)."""
    digest = file.sha256()
    suffix = file.file_name.rpartition(".")[2]
    url = yield from _stored(file, file.content_type, f"genvideo-{digest[:16]}.{suffix}", digest, what)
    return url


def _stored(
    content: bytes | LocalFile, content_type: str, file_name: str, digest: str, what: str
) -> Generator[SubmitStep, Mapping[str, Any] | None, str]:
    """Ask storage for a slot and fill it. The content's SHA-256 goes along as ``file_hash``: when storage
    already holds the same bytes (``existing_file``), nothing is uploaded again."""
    reply = yield _storage_request(file_name, content_type, digest)
    slot = reply or {}
    download_url = _signed_url(slot, "download_url")
    if slot.get("existing_file") is not True:
        yield Upload(_signed_url(slot, "upload_url"), content, content_type, what)
    return download_url
