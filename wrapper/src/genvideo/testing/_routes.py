"""Mapping a raw request path to what it addresses (no I/O, no state)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, unquote

from ._creations import Provider

RouteKind = Literal[
    "vidu_submit",
    "haiper_submit",
    "vidu_status",
    "haiper_status",
    "haiper_detail",
    "cdn",
    "comfy_other",
    "haiper_other",
    "unknown",
]

VIDU_SUBMITS = frozenset({"text2video", "img2video", "reference2video", "start-end2video", "extend", "multiframe"})
HAIPER_SUBMITS = frozenset({"text2video", "image2video"})
COMFY_PREFIX = "/comfy"
HAIPER_PREFIX = "/haiper"
CDN_PREFIX = "/cdn"


@dataclass(frozen=True, slots=True)
class Route:
    """What a request addresses: an endpoint kind and, for creation endpoints, the creation.

    For submit routes `endpoint` names the submit (e.g. "text2video") and `creation_id` is empty.
    """

    kind: RouteKind
    provider: Provider | None = None
    creation_id: str = ""
    output_dir: str = ""
    filename: str = ""
    endpoint: str = ""

    @property
    def is_api(self) -> bool:
        """Whether this is a provider API endpoint of a creation."""
        return self.kind in ("vidu_status", "haiper_status", "haiper_detail")

    @property
    def is_submit(self) -> bool:
        """Whether this is a submit endpoint (a POST there starts a generation)."""
        return self.kind in ("vidu_submit", "haiper_submit")

    @property
    def api(self) -> Literal["comfy", "haiper", "cdn"]:
        """Whose conventions (error shapes) apply: the Comfy proxy (also the default), Haiper or the CDN."""
        if self.kind.startswith("haiper"):
            return "haiper"
        return "cdn" if self.kind == "cdn" else "comfy"


def route(raw_path: str) -> Route:
    """Resolve a raw (still percent-encoded) path. Each segment is decoded on its own, so `a%2Fb` is one id."""
    raw = raw_path.split("/")
    seg = [unquote(s) for s in raw]
    match seg:
        case ["", "comfy", "proxy", "vidu", endpoint] if endpoint in VIDU_SUBMITS:
            return Route("vidu_submit", "vidu", endpoint=endpoint)
        case ["", "haiper", "v1", "jobs", "gen2", endpoint] if endpoint in HAIPER_SUBMITS:
            return Route("haiper_submit", "haiper", endpoint=endpoint)
        case ["", "comfy", "proxy", "vidu", "tasks", task_id, "creations"]:
            return Route("vidu_status", "vidu", task_id)
        case ["", "haiper", "v1", "jobs", creation_id, "status"]:
            return Route("haiper_status", "haiper", creation_id)
        case ["", "haiper", "v1", "creation", creation_id]:
            return Route("haiper_detail", "haiper", creation_id)
        case ["", "cdn", "vidu" | "haiper" as provider, creation_id, output_dir, filename]:
            return Route("cdn", "vidu" if provider == "vidu" else "haiper", creation_id, output_dir, filename)
        case ["", "comfy", *_]:
            return Route("comfy_other")
        case ["", "haiper", *_]:
            return Route("haiper_other")
        case _:
            return Route("unknown")


def _seg(value: str) -> str:
    return quote(value, safe="")


def api_path(provider: Provider, creation_id: str, endpoint: Literal["status", "detail"]) -> str:
    """The raw path of a creation's status or (Haiper only) detail endpoint, the id percent-encoded."""
    if provider == "vidu":
        if endpoint != "status":
            raise ValueError("vidu has only a 'status' endpoint")
        return f"{COMFY_PREFIX}/proxy/vidu/tasks/{_seg(creation_id)}/creations"
    if endpoint == "detail":
        return f"{HAIPER_PREFIX}/v1/creation/{_seg(creation_id)}"
    return f"{HAIPER_PREFIX}/v1/jobs/{_seg(creation_id)}/status"


def submit_path(provider: Provider, endpoint: str) -> str:
    """The raw path of a submit endpoint, e.g. `/haiper/v1/jobs/gen2/text2video`."""
    if provider == "vidu":
        if endpoint not in VIDU_SUBMITS:
            raise ValueError(f"unknown vidu submit endpoint {endpoint!r}; expected one of {sorted(VIDU_SUBMITS)}")
        return f"{COMFY_PREFIX}/proxy/vidu/{endpoint}"
    if endpoint not in HAIPER_SUBMITS:
        raise ValueError(f"unknown haiper submit endpoint {endpoint!r}; expected one of {sorted(HAIPER_SUBMITS)}")
    return f"{HAIPER_PREFIX}/v1/jobs/gen2/{endpoint}"


def cdn_path(provider: Provider, creation_id: str, output_dir: str = "", filename: str = "") -> str:
    """The raw CDN path of a creation (or of one of its files)."""
    path = f"{CDN_PREFIX}/{provider}/{_seg(creation_id)}/"
    if output_dir:
        path += f"{_seg(output_dir)}/{_seg(filename)}"
    return path
