"""Submit flows made of an adapter's ``submit_request`` (the POST) and ``submitted`` (its reply's ref)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from typing import Any

from .._refs import CreationRef
from ._storage import comfy_storage_urls
from ._submit import ApiRequest, CommonArgs, SubmitFlow

SubmitRequest = Callable[[CommonArgs, dict[str, Any], str], ApiRequest]
Submitted = Callable[[Mapping[str, Any]], CreationRef]
SubmitFlowFunction = Callable[[CommonArgs, dict[str, Any], str], SubmitFlow]


def one_request(submit_request: SubmitRequest, submitted: Submitted) -> SubmitFlowFunction:
    """A submit that is one POST; images go as ``CommonArgs.images`` has them (URLs or ``data:`` URIs)."""

    def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
        reply = yield submit_request(common, options, idempotency_key)
        return submitted(reply or {})

    return submit_flow


def images_as_urls(submit_request: SubmitRequest, submitted: Submitted) -> SubmitFlowFunction:
    """A submit that is one POST taking images as URLs only: images given as files or bytes are put in
    Comfy's storage first and sent as its download URLs.

    ``submit_request`` checks everything once with the images as given (``data:`` URIs for files and
    bytes), before anything is uploaded, and builds the request again with the URLs afterwards.
    """

    def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
        request = submit_request(common, dict(options), idempotency_key)
        if any(image.startswith("data:") for image in common.images):
            urls = yield from comfy_storage_urls(common.images)
            request = submit_request(dataclasses.replace(common, images=urls), options, idempotency_key)
        reply = yield request
        return submitted(reply or {})

    return submit_flow
