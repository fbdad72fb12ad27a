"""The demo: the sandbox, a creation looked up, waited for and downloaded, no keys needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._client import Client
from ._progress import ProgressReporter
from .testing import Sandbox

DEMO_CREATIONS: tuple[tuple[str, str, list[str], list[float]], ...] = (
    (
        "vidu",
        "902581991298326528",
        ["created", "queueing", "processing", "processing", "processing", "success"],
        [0, 0, 20, 55, 85, 100],
    ),
    (
        "haiper",
        "hp-7f3c2a9e",
        ["pending", "processing", "processing", "post_processing", "succeed"],
        [0.0, 0.3, 0.7, 0.95, 1.0],
    ),
)


def add_demo_creation(sandbox: Sandbox, index: int, *, step: float) -> str:
    """Script demo creation ``index`` (its clock starts now); return its ref."""
    provider, creation_id, states, progress = DEMO_CREATIONS[index]
    sandbox.add_creation(
        provider, creation_id, states=states, progress=progress, advance=step, video_size=3 * 1024 * 1024
    )
    return f"{provider}:{creation_id}"


def sandbox_client(sandbox: Sandbox) -> Client:
    env = sandbox.env()
    return Client(
        comfy_api_key=env["COMFY_API_KEY"],
        haiper_api_key=env["HAIPER_API_KEY"],
        comfy_base_url=sandbox.comfy_base_url,
        haiper_base_url=sandbox.haiper_base_url,
    )


def run_demo(out_dir: Path, reporter: ProgressReporter, *, step: float = 0.4) -> list[dict[str, Any]]:
    """Run the whole job against a fresh sandbox and return the finished creations as dicts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    with Sandbox() as sandbox, sandbox_client(sandbox) as client:
        reporter.done(f"sandbox serving on {sandbox.base_url} (no keys, no network)")
        for index in range(len(DEMO_CREATIONS)):
            ref = add_demo_creation(sandbox, index, step=step)
            first = client.get(ref)
            reporter.done(f"looked up {ref}: {first.state.value} ({first.raw_state})")
            creation = client.wait(ref, poll_interval=step / 2, timeout=60, on_progress=reporter.creation)
            reporter.done()
            path = client.download(
                creation, out_dir / f"{creation.provider}-{creation.id}.mp4", on_progress=reporter.download
            )
            reporter.done(f"saved {path} ({path.stat().st_size} bytes)")
            results.append({**creation.to_dict(), "downloaded": str(path)})
    return results
