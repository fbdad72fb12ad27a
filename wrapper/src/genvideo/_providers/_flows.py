"""Submit flows made of an adapter's ``submit_request`` (the POST) and ``submitted`` (its reply's ref)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .._refs import CreationRef
from .._videos import LocalFile
from ._storage import comfy_storage_url, comfy_storage_urls
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


def inputs_as_urls(submit_request: SubmitRequest, submitted: Submitted) -> SubmitFlowFunction:
    """A submit that is one POST taking its inputs as URLs only: images and a video given as files or
    bytes are put in Comfy's storage first and sent as its download URLs.

    ``submit_request`` checks everything once with the inputs as given (``data:`` URIs for images,
    a :class:`LocalFile` for a video), before anything is uploaded, and builds the request again with
    the URLs afterwards.
    """

    def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
        request = submit_request(common, dict(options), idempotency_key)
        if any(image.startswith("data:") for image in common.images) or isinstance(common.video, LocalFile):
            images = yield from comfy_storage_urls(common.images)
            video = common.video
            if isinstance(video, LocalFile):
                video = yield from comfy_storage_url(video, "video")
            request = submit_request(common._replace(images=images, video=video), options, idempotency_key)
        reply = yield request
        return submitted(reply or {})

    return submit_flow
