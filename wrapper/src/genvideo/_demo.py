"""The demo: the whole loop against the sandbox (submit, look up, wait, download), no keys needed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ._progress import ProgressReporter
from .testing import Sandbox

VIDEO_SIZE = 3 * 1024 * 1024
DEMO_LIFECYCLES: dict[str, tuple[list[str], list[float]]] = {
    "vidu": (
        ["created", "queueing", "processing", "processing", "processing", "success"],
        [0, 0, 20, 55, 85, 100],
    ),
    "haiper": (
        ["pending", "processing", "processing", "post_processing", "succeed"],
        [0.0, 0.3, 0.7, 0.95, 1.0],
    ),
}
DEMO_PROMPTS = {
    "vidu": "a red fox trotting through fresh snow at dawn, cinematic",
    "haiper": "slow waves rolling onto a pebble beach, golden hour",
}
# Creations the `genvideo sandbox` command serves from the start, for `genvideo wait` to try.
DEMO_CREATIONS = (("vidu", "902581991298326528"), ("haiper", "hp-7f3c2a9e"))


def script_demo_submits(sandbox: Sandbox, *, step: float) -> None:
    """The next submit to each provider runs its demo lifecycle, one state every ``step`` seconds."""
    for provider, (states, progress) in DEMO_LIFECYCLES.items():
        script = Sandbox.submit_script(states=states, progress=progress, advance=step, video_size=VIDEO_SIZE)
        sandbox.script_submits(provider, script)


def add_demo_creations(sandbox: Sandbox, *, step: float) -> list[str]:
    """Creations that already exist (their clocks start now); return their refs."""
    for provider, creation_id in DEMO_CREATIONS:
        states, progress = DEMO_LIFECYCLES[provider]
        sandbox.add_creation(
            provider, creation_id, states=states, progress=progress, advance=step, video_size=VIDEO_SIZE
        )
    return [f"{provider}:{creation_id}" for provider, creation_id in DEMO_CREATIONS]


def run_demo(out_dir: Path, reporter: ProgressReporter, *, step: float = 0.4) -> list[dict[str, Any]]:
    """Run the whole job against a fresh sandbox and return the finished creations as dicts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    with Sandbox() as sandbox, sandbox.client() as client:
        reporter.done(f"sandbox serving on {sandbox.base_url} (no keys, no network)")
        for provider, prompt in DEMO_PROMPTS.items():
            script_demo_submits(sandbox, step=step)
            ref = client.create(provider, prompt=prompt, duration=4)
            first = client.get(ref)
            reporter.done(f"created {ref}: {first.state.value} ({first.raw_state})")
            creation = client.wait(ref, poll_interval=step / 2, timeout=60, on_progress=reporter.creation)
            reporter.done()
            target = out_dir / f"{creation.provider}-{creation.id}.mp4"
            path = client.download(creation, target, on_progress=reporter.download)
            reporter.done(f"saved {path} ({path.stat().st_size} bytes)")
            results.append({**creation.to_dict(), "downloaded": str(path)})
    return results
