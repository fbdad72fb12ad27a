"""Google Veo through Comfy.org's API proxy.

The submit is ``POST /proxy/veo/{modelId}/generate`` (VeoGenVidRequest: ``instances[0]`` holds the prompt and
the images, ``parameters`` the rest); it answers ``{"name": …}``, a full operation resource name
(``projects/…/models/MODEL_ID/operations/…``). The poll is a **POST** ``/proxy/veo/{modelId}/poll`` with
``{"operationName": name}`` in its body: a look-up that starts nothing, sent (and retried) like a GET.

**Refs.** The poll needs the model again, so a ref is ``veo:<model>:<operation name>``. The operation name
holds ``/`` (and a model id could hold anything), and a ref part is one URL segment of RFC 3986 unreserved
characters: both are written with :func:`encode_part` (``~`` followed by two hex digits for each byte of any
other character, ``~`` itself included) and read back with :func:`decode_part`; they are never pasted into a
path raw.

**States.** Veo has no state word: a poll reply carries the boolean ``done``, then ``error`` or
``response`` (notes §3.6, ComfyUI ``nodes_veo2.py``). This module names the outcomes with the words of the
registry's ``states`` (``raw_state`` is that word):

- ``pending``: ``done`` false or missing (ComfyUI polls on while not done) -> processing;
- ``error``: ``done`` and an ``error`` object -> failed (error_code ``error.code``, error_message
  ``error.message``);
- ``filtered``: ``done``, no error, ``response.raiMediaFilteredCount`` > 0 -> failed (error_code
  ``filtered``, error_message the first of ``raiMediaFilteredReasons``), as ComfyUI decides;
- ``done``: ``done`` and none of the above -> succeeded;
- ``done`` sent as a string (no Veo reply does): unknown, raw_state that string, so wait() polls on.

**Outputs.** ``response.videos[]``: ``bytesBase64Encoded`` becomes a ``kind="base64"`` VideoOutput holding
the reply's own string (``download`` decodes it to the file in pieces); failing that, ``gcsUri``
(``gs://bucket/object``) becomes ``https://storage.googleapis.com/bucket/object``, Cloud Storage's public
HTTPS address of the same object (it downloads only if the object is readable without Google credentials,
which genvideo never holds: a private bucket answers 403, a DownloadError). ComfyUI also prefers the base64.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from .._exceptions import InvalidOption, ResponseValidationError
from .._fields import optional_code, optional_list, optional_object, optional_str
from .._images import data_uri_content
from .._models import Creation, VideoOutput
from .._options import check_fields
from .._refs import CreationRef, Provider
from .._states import CreationState
from ._adapter import Adapter, GetFlow
from ._flows import one_request
from ._registry import registry
from ._replies import refused_submit
from ._submit import ApiRequest, CommonArgs, SubmitFlow
from ._text import shown, valid_text

PROVIDER: Provider = "veo"
# Used when create("veo", ...) names no model: the id ComfyUI's Veo 3.1 node sends (nodes_veo2.py maps its
# "veo-3.1-generate" choice to it, notes §3.6 quirk 2). The spec's modelId is a free string.
DEFAULT_MODEL = "veo-3.1-generate-preview"
# The state words this module gives a poll reply (see the module docstring; the registry maps them).
PENDING, DONE, ERROR, FILTERED = "pending", "done", "error", "filtered"
GCS_HTTPS = "https://storage.googleapis.com/"

_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._")
_HEX = frozenset("0123456789ABCDEF")


def encode_part(text: str) -> str:
    """``text`` as one ref part: unreserved characters as they are, every byte of anything else (``~``
    too) as ``~XX`` (upper-case hex), so that :func:`decode_part` gives ``text`` back exactly. A text of
    dots only is all escaped: a ref part cannot be ``.`` or ``..``."""
    if text and text.strip(".") == "":
        return "~2E" * len(text)
    return "".join(c if c in _UNRESERVED else "".join(f"~{b:02X}" for b in c.encode()) for c in text)


def decode_part(part: str) -> str:
    """The text :func:`encode_part` made ``part`` of; ValueError for a part it cannot have made."""
    out = bytearray()
    i = 0
    while i < len(part):
        c = part[i]
        if c == "~":
            pair = part[i + 1 : i + 3]
            if len(pair) != 2 or not set(pair) <= _HEX:
                raise ValueError("a '~' not followed by two upper-case hex digits")
            out.append(int(pair, 16))
            i += 3
        elif c in _UNRESERVED:
            out.append(ord(c))
            i += 1
        else:
            raise ValueError(f"{c!r} is not a ref character")
    text = out.decode()  # UnicodeDecodeError is a ValueError
    if encode_part(text) != part:
        raise ValueError("not the canonical encoding")
    return text


def _check_model(model: str) -> str:
    """``model``, which goes into the poll's path: ValueError for ``.`` or ``..`` (they would change it)."""
    if model in (".", ".."):
        raise ValueError(f"the model {shown(model, 20)} is not a path segment")
    return model


def ref_for(model: str, operation_name: str) -> CreationRef:
    """The ref of operation ``operation_name`` of ``model`` (both encoded); ValueError if unusable."""
    from .._exceptions import InvalidCreationRef

    try:
        _check_model(model)
    except ValueError as exc:
        raise InvalidCreationRef(str(exc)) from None
    return CreationRef(PROVIDER, encode_part(operation_name), (encode_part(model),))


def _parts(ref: CreationRef) -> tuple[str, str]:
    try:
        return _check_model(decode_part(ref.scope[0])), decode_part(ref.id)
    except (ValueError, IndexError) as exc:
        from .._exceptions import InvalidCreationRef

        raise InvalidCreationRef(f"{shown(str(ref), 80)} is not a veo ref made by genvideo: {exc}") from None


@cache
def _poll_endpoint() -> Any:
    from genvideo_comfy_client.api.api_nodes import veo_poll_new

    return veo_poll_new


def poll_request(ref: CreationRef) -> ApiRequest:
    """The POST poll of ``ref``: the model in the path (escaped by the generated client), the operation
    name in the body. Idempotent: it only reads, so any failure may be retried, as for a GET."""
    from genvideo_comfy_client.models import VeoGenVidPollRequest

    model, operation_name = _parts(ref)
    kwargs = _poll_endpoint()._get_kwargs(model, body=VeoGenVidPollRequest(operation_name=operation_name))
    return ApiRequest("POST", kwargs["url"], kwargs["json"], kwargs["headers"], idempotent=True)


def get_flow(ref: CreationRef) -> GetFlow:
    """One request: the POST poll."""
    body = yield poll_request(ref)
    return to_creation(ref, body)


def map_state(raw_state: object) -> CreationState:
    """A state word of this module as a CreationState (the registry's state map)."""
    return registry().providers[PROVIDER].map_state(raw_state)


def parse_raw(payload: Mapping[str, Any]) -> Any:
    """The generated model: ``genvideo_comfy_client.models.VeoGenVidPollResponse``."""
    from genvideo_comfy_client.models import VeoGenVidPollResponse

    return VeoGenVidPollResponse.from_dict(payload)


# -- submit --------------------------------------------------------------------------------------------


def _image(image: str, which: str) -> dict[str, str]:
    """One image as Veo takes it: inline base64 (files and bytes, sent as ``data:`` URIs by the common
    arguments); Veo takes no http(s) URL. A Cloud Storage URI would go as ``gcsUri``, but create()'s common
    image checks refuse ``gs://`` before this adapter sees it."""
    if image.startswith("data:"):
        payload = image.partition(",")[2]
        _content, mime_type = data_uri_content(image)  # checks the URI is strict base64
        return {"bytesBase64Encoded": payload, "mimeType": mime_type}
    if image.startswith("gs://"):
        return {"gcsUri": image}
    raise InvalidOption(
        f"image: Veo takes images as files, bytes or gs:// URIs, not {shown(image, 40)} ({which})", option="image"
    )


def submit_request(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> ApiRequest:
    """The POST for ``create("veo", ...)``.

    ``model`` (the path's modelId) defaults to ``veo-3.1-generate-preview``. ``prompt`` is
    ``instances[0].prompt``; ``image`` (one or two: the first frame, then ``lastFrame``) goes inline as
    base64 or as a ``gs://`` URI. ``negative_prompt``, ``seed``, ``duration`` and ``aspect_ratio`` map onto
    ``parameters`` (negativePrompt, seed, durationSeconds, aspectRatio). The spec has no resolution:
    refused. ``options`` are further ``parameters`` fields (``personGeneration``, ``sampleCount``,
    ``enhancePrompt``, ``generateAudio``, ``storageUri``), checked against the generated model.
    """
    from genvideo_comfy_client.api.api_nodes import veo_generate_new
    from genvideo_comfy_client.models import VeoGenVidRequest, VeoGenVidRequestParameters

    if common.resolution is not None:
        raise InvalidOption("resolution: Veo's request (VeoGenVidRequest) has no resolution", option="resolution")
    if not common.prompt:
        raise InvalidOption("prompt: Veo needs a prompt", option="prompt")
    if len(common.images) > 2:
        raise InvalidOption(f"image: Veo takes a first and a last frame, got {len(common.images)}", option="image")
    model = common.model if common.model is not None else DEFAULT_MODEL
    if not isinstance(model, str) or not model.strip():
        raise InvalidOption(f"model: {model!r:.40} is not a Veo model id", option="model")
    try:  # checked before the (billed) submit: "." or ".." would change its path, and its ref needs the model
        ref_for(model, "operation")
    except ValueError as exc:
        raise InvalidOption(f"model: {shown(model, 40)} cannot be a Veo model id ({exc})", option="model") from None
    instance: dict[str, Any] = {"prompt": common.prompt}
    if common.images:
        instance["image"] = _image(common.images[0], "first frame")
    if len(common.images) == 2:
        instance["lastFrame"] = _image(common.images[1], "last frame")
    parameters: dict[str, Any] = dict(options)
    for name, value, argument in (
        ("negativePrompt", common.negative_prompt, "negative_prompt"),
        ("seed", common.seed, "seed"),
        ("durationSeconds", common.duration, "duration"),
        ("aspectRatio", common.aspect_ratio, "aspect_ratio"),
    ):
        if value is None:
            continue
        if name in parameters:
            raise InvalidOption(f"{argument}: given twice (as an argument and as the option {name})", option=argument)
        parameters[name] = value
    check_fields(_attribute_names(parameters, VeoGenVidRequestParameters), VeoGenVidRequestParameters)
    seed = parameters.get("seed")
    if seed is not None and not 0 <= seed < 2**32:
        raise InvalidOption(f"seed: Veo takes a uint32 seed, not {seed}", option="seed")
    body = {"instances": [instance], "parameters": parameters}
    kwargs = veo_generate_new._get_kwargs(model, body=VeoGenVidRequest.from_dict(body), idempotency_key=idempotency_key)
    # Sent as built here: the generated model would copy the base64 images (to_dict) for nothing.
    return ApiRequest("POST", kwargs["url"], body, kwargs["headers"], idempotent=True)


def _attribute_names(parameters: Mapping[str, Any], model: type) -> dict[str, Any]:
    """``parameters`` (Veo's camelCase JSON names) under the generated model's attribute names, which
    check_fields reads (openapi-python-client writes ``generateAudio`` as ``generate_audio``); an option
    that is not one of the JSON names (``generate_audio`` included: it would be sent as it is) is refused."""
    import attrs

    names = {_camel(field.name): field.name for field in attrs.fields(model)}
    for name in parameters:
        if name not in names:
            raise InvalidOption(
                f"{name}: not an option of {model.__name__} (valid: {', '.join(sorted(names))})", option=name
            )
    return {names[name]: value for name, value in parameters.items()}


def _camel(attribute: str) -> str:
    head, *rest = attribute.split("_")
    return head + "".join(part.title() for part in rest)


def submitted_for(model: str) -> Callable[[Mapping[str, Any]], CreationRef]:
    """The ``submitted`` of a submit to ``model``: the ref from ``{"name": …}``."""

    def submitted(body: Mapping[str, Any]) -> CreationRef:
        name = body.get("name")
        if not isinstance(name, str) or not name:
            raise refused_submit(PROVIDER, "the submit reply has no operation name (name)", body)
        try:
            return ref_for(model, name)
        except ValueError:
            raise refused_submit(PROVIDER, f"unusable operation name {shown(name, 60)}", body) from None

    return submitted


def submit_flow(common: CommonArgs, options: dict[str, Any], idempotency_key: str) -> SubmitFlow:
    """One POST; images inline (base64) or as gs:// URIs, never through Comfy's storage."""
    model = common.model if common.model is not None else DEFAULT_MODEL
    return one_request(submit_request, submitted_for(model))(common, options, idempotency_key)


# -- poll ----------------------------------------------------------------------------------------------


def gcs_https_url(uri: str) -> str:
    """``gs://bucket/object`` as ``https://storage.googleapis.com/bucket/object`` (the object name
    percent-encoded, ``/`` kept); ResponseValidationError for anything else."""
    bucket, slash, name = uri.removeprefix("gs://").partition("/")
    if not uri.startswith("gs://") or not bucket or not slash or not name:
        raise ResponseValidationError(f"{PROVIDER}: unusable gcsUri {shown(uri, 60)}", provider=PROVIDER)
    return GCS_HTTPS + quote(bucket, safe="") + "/" + quote(name, safe="/")


def _outputs(ref: CreationRef, response: Mapping[str, Any]) -> tuple[VideoOutput, ...]:
    outputs: list[VideoOutput] = []
    for video in optional_list(PROVIDER, response, "videos", "response."):
        if not isinstance(video, dict):
            raise ResponseValidationError(f"{PROVIDER}: response.videos[] should hold objects", provider=PROVIDER)
        data = optional_str(PROVIDER, video, "bytesBase64Encoded", "response.videos[].")
        mime_type = valid_text(optional_str(PROVIDER, video, "mimeType", "response.videos[]."))
        index = len(outputs)
        if data:
            outputs.append(VideoOutput("", None, None, ref, index, kind="base64", data=data, mime_type=mime_type))
            continue
        uri = optional_str(PROVIDER, video, "gcsUri", "response.videos[].")
        if uri:
            outputs.append(VideoOutput(gcs_https_url(uri), None, None, ref, index, mime_type=mime_type))
    return tuple(outputs)


def to_creation(ref: CreationRef, body: Mapping[str, Any]) -> Creation:
    """Validate the fields the facade reads and normalise them (the states: see the module docstring)."""
    name = optional_str(PROVIDER, body, "name", "")
    if name and name != _parts(ref)[1]:
        raise ResponseValidationError(
            f"{PROVIDER}: asked for {ref} but the reply is for operation {shown(name, 60)}: another creation's "
            "answer was refused (is a client shared across os.fork(), or a proxy mixing up replies?)",
            provider=PROVIDER,
        )
    done = body.get("done")
    error = optional_object(PROVIDER, body, "error", "")
    response = optional_object(PROVIDER, body, "response", "") or {}
    error_code = error_message = None
    outputs: tuple[VideoOutput, ...] = ()
    if isinstance(done, str):
        raw_state = valid_text(done)
    elif done is not None and not isinstance(done, bool):
        raise ResponseValidationError(
            f"{PROVIDER}: done should be a boolean or null, got {type(done).__name__}", provider=PROVIDER
        )
    elif not done:
        raw_state = PENDING
    elif error is not None:
        raw_state = ERROR
        error_code = optional_code(error, "code") or ERROR
        error_message = valid_text(optional_str(PROVIDER, error, "message", "error."))
    elif _filtered(response):
        raw_state = FILTERED
        error_code = FILTERED
        reasons = [r for r in optional_list(PROVIDER, response, "raiMediaFilteredReasons", "response.") if r]
        error_message = valid_text(str(reasons[0])) if reasons else "filtered by Google's responsible AI policies"
    else:
        raw_state = DONE
        outputs = _outputs(ref, response)
    return Creation(
        ref=ref,
        state=map_state(raw_state),
        raw_state=raw_state,
        progress=None,  # Veo reports no progress
        outputs=outputs,
        error_code=error_code,
        created_at=None,
        updated_at=None,
        payload=body,
        _raw_parser=parse_raw,
        error_message=error_message,
    )


def _filtered(response: Mapping[str, Any]) -> bool:
    count = response.get("raiMediaFilteredCount")
    return isinstance(count, int) and not isinstance(count, bool) and count > 0


if TYPE_CHECKING:  # mypy checks this module against the adapter interface
    from . import _veo

    _CONFORMS: Adapter = _veo
