"""Test helpers for genvideo: a local, scriptable fake of the providers (like `moto` for AWS).

`Sandbox` serves one fake per provider (the Comfy proxy's Vidu endpoints, Haiper's endpoints) and a
signed-URL CDN on 127.0.0.1: look-ups of creations added with `Sandbox.add_creation`, and submits (the
POSTs that start a generation), which are validated against the specs' request schemas, honour Comfy's
`Idempotency-Key`, start a creation with a fresh id and then run a lifecycle scripted with
`Sandbox.script_submits(provider, Sandbox.submit_script(...))` (or the default one); a script can also
reject its submit. `Fault` scripts misbehaviour (submits are processed on receipt, so a delayed or lost
answer still leaves the creation). `RecordedRequest` is what the sandbox saw; `Submission` is one
submit as it handled it (`Sandbox.submissions`); `SubmitScript` is what `Sandbox.submit_script`
returns. Standard library only.

To test code that makes its own `genvideo.Client()` (or `AsyncClient()`), point the environment at a
sandbox: `sandboxed()` is a context manager (`with sandboxed() as sb:`) and a decorator (`@sandboxed`,
for functions and `async def` functions; `current_sandbox()` is the running one), and in pytest the
`genvideo_sandbox` fixture, registered by genvideo's pytest plugin, does the same for one test.

The names load on first use: pytest imports this package in every run where genvideo is installed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._faults import Fault
    from ._recording import RecordedRequest
    from ._sandbox import Sandbox
    from ._sandboxed import current_sandbox, sandboxed
    from ._submits import Submission, SubmitScript

_EXPORTS = {
    "Fault": "._faults",
    "RecordedRequest": "._recording",
    "Sandbox": "._sandbox",
    "Submission": "._submits",
    "StoredFile": "._storage",
    "SubmitScript": "._submits",
    "current_sandbox": "._sandboxed",
    "sandboxed": "._sandboxed",
}


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "Fault",
    "RecordedRequest",
    "Sandbox",
    "StoredFile",
    "Submission",
    "SubmitScript",
    "current_sandbox",
    "sandboxed",
]
