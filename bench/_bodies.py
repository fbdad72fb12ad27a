"""Fixed JSON bodies for the overhead benchmark: Vidu and Haiper replies, small and large.

Shaped like the providers' replies (and the sandbox's), with realistic signed CDN URLs, so that the
parsing work on both sides of the comparison is the real one.
"""

from __future__ import annotations

import json
from typing import Any

VIDU_ID = "902581991298326528"
HAIPER_ID = "6724f3f1a6b8e2a1c0d4e5f6"
WAN_ID = "0f8e2c1a-5b6d-4e3f-9a8b-7c6d5e4f3a2b"
LARGE = 1000
"""Creations (Vidu) or outputs (Haiper) in a large body."""

_CDN = "https://cdn.example.invalid"  # never contacted: the URLs are only parsed
_SIGNED = (
    "?response-content-disposition=attachment;filename={name}&Expires=1767225600"
    "&Signature=3f9a1c0e7b2d4a6f8e1c3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f5a&Key-Pair-Id=K2JCJMDEHXQW5F"
)


def _url(path: str, name: str) -> str:
    return f"{_CDN}{path}/{name}" + _SIGNED.format(name=name)


def vidu_body(creations: int, task_id: str = VIDU_ID) -> dict[str, Any]:
    """``GET /proxy/vidu/tasks/{id}/creations`` for a succeeded task with ``creations`` outputs."""
    items = []
    for i in range(creations):
        folder = f"/vidu/{VIDU_ID}/creation-{i:04d}"
        items.append(
            {
                "id": str(902581991298400000 + i),
                "url": _url(folder, "video.mp4"),
                "cover_url": _url(folder, "cover.png"),
                "watermarked_url": _url(folder, "video-watermarked.mp4"),
                "moderation_url": [],
            }
        )
    return {"id": task_id, "state": "success", "err_code": "", "credits": 4, "progress": 100, "creations": items}


def haiper_status_body() -> dict[str, Any]:
    """``GET /v1/jobs/{id}/status`` for a succeeded job."""
    return {"status": "success", "value": {"status": "succeed", "progress": 1.0}}


def haiper_detail_body(outputs: int, creation_id: str = HAIPER_ID) -> dict[str, Any]:
    """``GET /v1/creation/{id}`` with ``outputs`` outputs."""
    items = []
    for i in range(outputs):
        folder = f"/haiper/{HAIPER_ID}/output-{i:04d}"
        items.append(
            {
                "id": f"{HAIPER_ID}-{i:04d}",
                "media_url": _url(folder, "video.mp4"),
                "thumbnail_url": _url(folder, "cover.png"),
            }
        )
    return {
        "status": "success",
        "value": {
            "creation_id": creation_id,
            "user_id": "bench-user",
            "username": "bench",
            "avatar": "",
            "type": "video",
            "input_type": "text",
            "prompt": "A benchmark video",
            "negative_prompt": "",
            "create_time": "2026-01-01T12:00:00.000Z",
            "update_time": "2026-01-01T12:01:30.000Z",
            "status": "succeed",
            "video_url": items[0]["media_url"] if items else None,
            "thumbnail_url": items[0]["thumbnail_url"] if items else None,
            "settings": {"fps": 24, "width": 1280, "height": 720},
            "commits": {"like_count": 0, "is_like": False, "collects_count": 0, "is_collect": False},
            "output_type": "video",
            "outputs": items,
        },
    }


def wan_body(task_id: str = WAN_ID) -> dict[str, Any]:
    """``GET /proxy/wan/api/v1/tasks/{id}`` for a succeeded task (one video: Wan has no large reply)."""
    return {
        "request_id": "2b5f0c3e-4e8e-9b0b-8f5f-3c0e5d7a1b2c",
        "output": {
            "task_id": task_id,
            "task_status": "SUCCEEDED",
            "submit_time": "2026-01-01 12:00:00.000",
            "scheduled_time": "2026-01-01 12:00:01.000",
            "end_time": "2026-01-01 12:01:30.000",
            "video_url": _url(f"/wan/{task_id}", "video.mp4"),
        },
        "usage": {"video_count": 1},
    }


def dump(document: object) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(document, separators=(",", ":")).encode()


# Each size's creation id gets its own path, so one server answers every case.
SIZES = {"small": 1, "large": LARGE}


def vidu_path(size: str) -> str:
    return f"/proxy/vidu/tasks/{VIDU_ID}{size}/creations"


def wan_path() -> str:
    return f"/proxy/wan/api/v1/tasks/{WAN_ID}"


def haiper_status_path(size: str) -> str:
    return f"/v1/jobs/{HAIPER_ID}{size}/status"


def haiper_detail_path(size: str) -> str:
    return f"/v1/creation/{HAIPER_ID}{size}"


def routes() -> dict[str, bytes]:
    """Every path the overhead benchmark requests, with its JSON body."""
    table: dict[str, bytes] = {}
    for size, count in SIZES.items():
        # Each reply names the id it was asked for: genvideo refuses another creation's reply.
        table[vidu_path(size)] = dump(vidu_body(count, f"{VIDU_ID}{size}"))
        table[haiper_status_path(size)] = dump(haiper_status_body())
        table[haiper_detail_path(size)] = dump(haiper_detail_body(count, f"{HAIPER_ID}{size}"))
    table[wan_path()] = dump(wan_body())
    return table
