"""The demo: the whole loop against the sandbox (submit, look up, wait, download) for every provider in
the registry, no keys needed."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

from ._progress import ProgressReporter
from ._providers._registry import ProviderEntry, registry
from ._refs import CreationRef
from ._states import CreationState
from .testing import Sandbox
from .testing._fakes import fakes

VIDEO_SIZE = 3 * 1024 * 1024
# The providers take these in turn.
DEMO_PROMPTS = (
    "a red fox trotting through fresh snow at dawn, cinematic",
    "slow waves rolling onto a pebble beach, golden hour",
    "a paper boat drifting down a rain-soaked street, close-up",
)
# The id of the creation the `genvideo sandbox` command serves for each provider from the start, for
# `genvideo wait` to try.
DEMO_ID = "902581991298326528"
# How many polls (at least) a demo creation spends running, so that its progress is seen moving.
RUNNING_STEPS = 3


def demo_states(entry: ProviderEntry) -> list[str] | None:
    """A lifecycle in the provider's own words, from its registry row: each word meaning queued, then
    each meaning processing (repeated so that it runs for RUNNING_STEPS polls or more), then the first
    meaning succeeded, each spelled as the provider writes it (its fake knows). None (the sandbox's
    default lifecycle) for a row without such words."""
    words = {state: [word for word, mapped in entry.states.items() if mapped is state] for state in CreationState}
    running, succeeded = words[CreationState.PROCESSING], words[CreationState.SUCCEEDED]
    if not running or not succeeded:
        return None
    repeats = math.ceil(RUNNING_STEPS / len(running))
    lifecycle = [*words[CreationState.QUEUED], *(word for word in running for _ in range(repeats)), succeeded[0]]
    fake = fakes()[entry.name]
    return [fake.spell(word) for word in lifecycle]


def script_demo_submits(sandbox: Sandbox, *, step: float) -> None:
    """The next submit to each provider runs its demo lifecycle, one state every ``step`` seconds."""
    for entry in registry().providers.values():
        script = Sandbox.submit_script(states=demo_states(entry), advance=step, video_size=VIDEO_SIZE)
        sandbox.script_submits(entry.name, script)


def add_demo_creations(sandbox: Sandbox, *, step: float) -> list[str]:
    """Creations that already exist (their clocks start now); return their refs.

    One per provider whose refs are ``<provider>:<id>``: a ref with a scope needs what only a submit says,
    and a synchronous provider's ref names nothing to look up.
    """
    refs = []
    for entry in registry().providers.values():
        if entry.scope or entry.synchronous:  # a synchronous provider has nothing to look up later
            continue
        sandbox.add_creation(entry.name, DEMO_ID, states=demo_states(entry), advance=step, video_size=VIDEO_SIZE)
        refs.append(str(CreationRef(entry.name, DEMO_ID)))
    return refs


def run_demo(out_dir: Path, reporter: ProgressReporter, *, step: float = 0.4) -> list[dict[str, Any]]:
    """Run the whole job against a fresh sandbox and return the finished creations as dicts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    results = []
    with Sandbox() as sandbox, sandbox.client() as client:
        reporter.done(f"sandbox serving on {sandbox.base_url} (no keys, no network)")
        for index, provider in enumerate(registry().names):
            script_demo_submits(sandbox, step=step)
            # No duration or model: each provider's own defaults (their allowed lengths differ).
            extra = fakes()[provider].demo_arguments  # e.g. Runway's image: no text-only generation there
            prompt = DEMO_PROMPTS[index % len(DEMO_PROMPTS)]
            if registry().providers[provider].synchronous:  # its reply is the video: nothing to poll
                creation = client.generate(provider, prompt=prompt, timeout=60, **extra)
                reporter.done(f"generated {creation.ref}: {creation.state.value} (one request, the video its reply)")
            else:
                ref = client.create(provider, prompt=prompt, **extra)
                first = client.get(ref)
                reporter.done(f"created {ref}: {first.state.value} ({first.raw_state})")
                creation = client.wait(ref, poll_interval=step / 2, timeout=60, on_progress=reporter.creation)
                reporter.done()
            target = out_dir / f"{creation.provider}-{creation.id}.mp4"
            path = client.download(creation, target, on_progress=reporter.download)
            reporter.done(f"saved {path} ({path.stat().st_size} bytes)")
            results.append({**creation.to_dict(), "downloaded": str(path)})
    return results
