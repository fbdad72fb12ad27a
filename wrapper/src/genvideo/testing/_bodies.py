"""The providers' JSON bodies (as the prepared specs describe them) and error bodies."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from http import HTTPStatus
from typing import Any

from ._creations import COVER_FILE, SUCCESS_STATE, VIDEO_FILE, WATERMARKED_FILE, Creation, Output

UrlFor = Callable[[Output, str], str]
"""Builds a freshly signed absolute URL for one file of one output."""

JsonObject = dict[str, Any]


def dump(document: object) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def iso_utc(epoch: float) -> str:
    """ISO-8601 with milliseconds and a `Z`, e.g. `2025-01-01T12:00:00.000Z`."""
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def reason_phrase(status: int) -> str:
    """The standard reason phrase, or a generic one for non-standard codes such as 520."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown Error" if status >= 500 else "Unknown"


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


def vidu_status(creation: Creation, state: str, progress: float, url_for: UrlFor) -> JsonObject:
    """GET /proxy/vidu/tasks/{id}/creations (ViduGetCreationsReply plus the proxy's extra fields)."""
    body: JsonObject = {
        "id": creation.id,
        "state": state,
        "err_code": creation.failure_code if state == "failed" else "",
        "credits": creation.credits,
        "progress": _number(progress),
        "creations": [],
    }
    if state == SUCCESS_STATE["vidu"]:
        body["creations"] = [
            {
                "id": output.id,
                "url": url_for(output, VIDEO_FILE),
                "cover_url": url_for(output, COVER_FILE),
                "watermarked_url": url_for(output, WATERMARKED_FILE),
                "moderation_url": [],
            }
            for output in creation.outputs
        ]
    if state == "failed" and creation.blocked_resources is not None:
        body["blocked_resources"] = creation.blocked_resources
    return body


def haiper_status(state: str, progress: float) -> JsonObject:
    """GET /v1/jobs/{id}/status (CreationStatus): the job state lives in `value.status`."""
    return {"status": "success", "value": {"status": state, "progress": float(progress)}}


def haiper_detail(creation: Creation, state: str, updated_wall: float, url_for: UrlFor) -> JsonObject:
    """GET /v1/creation/{id} (CreationDetail) for a creation in `state` (normally "succeed")."""
    outputs = [
        {"id": o.id, "media_url": url_for(o, VIDEO_FILE), "thumbnail_url": url_for(o, COVER_FILE)}
        for o in creation.outputs
    ]
    return {
        "status": "success",
        "value": {
            "creation_id": creation.id,
            "user_id": "sandbox-user",
            "username": "sandbox",
            "avatar": "",
            "type": "video",
            "input_type": creation.input_type,
            "prompt": creation.prompt,
            "negative_prompt": "",
            "create_time": iso_utc(creation.created_wall),
            "update_time": iso_utc(updated_wall),
            "status": state,
            "video_url": outputs[0]["media_url"] if outputs else None,
            "thumbnail_url": outputs[0]["thumbnail_url"] if outputs else None,
            "settings": {"fps": 24, "width": 1280, "height": 720},
            "commits": {"like_count": 0, "is_like": False, "collects_count": 0, "is_collect": False},
            "output_type": "video",
            "outputs": outputs,
        },
    }


def vidu_task_reply(creation: Creation, state: str, echo: Sequence[str], request: JsonObject) -> JsonObject:
    """The 200 answer of a Vidu submit (ViduTaskReply, ViduExtendReply or ViduMultiframeReply).

    `echo` names the request fields the reply schema repeats; those that were sent are repeated as sent.
    """
    body: JsonObject = {"task_id": creation.id, "state": state}
    body.update({name: request[name] for name in echo if request.get(name) is not None})
    body["credits"] = creation.credits
    body["created_at"] = iso_utc(creation.created_wall)
    return body


def haiper_new_generation(creation: Creation) -> JsonObject:
    """The 200 answer of a Haiper submit (NewGeneration)."""
    return {"status": "success", "value": {"generation_id": creation.id}}


def comfy_error(error: str, message: str, details: Sequence[str] = ()) -> JsonObject:
    """api.comfy.org's flat envelope (`error`, `message`) plus the spec's `details`."""
    return {"error": error, "message": message, "details": list(details)}


def haiper_error(message: str, code: str, details: Sequence[str] = ()) -> JsonObject:
    """Haiper's error shape: `message`, string `code`, `details`."""
    return {"message": message, "code": code, "details": list(details)}


def cdn_error(code: str, message: str) -> bytes:
    """A CloudFront/S3-style XML error document."""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>{message}</Message></Error>'
    ).encode()
