"""Test helpers for genvideo: a local, scriptable fake of the providers (like `moto` for AWS).

`Sandbox` serves the Comfy proxy's Vidu endpoints, Haiper's endpoints and a signed-URL CDN on
127.0.0.1: look-ups of creations added with `Sandbox.add_creation`, and submits (the POSTs that start
a generation), which are validated against the specs' required fields, honour Comfy's
`Idempotency-Key`, start a creation with a fresh id and then run a lifecycle scripted with
`Sandbox.script_submits(provider, Sandbox.submit_script(...))` (or the default one); a script can also
reject its submit. `Fault` scripts misbehaviour (submits are processed on receipt, so a delayed or lost
answer still leaves the creation). `RecordedRequest` is what the sandbox saw; `Submission` is one
submit as it handled it (`Sandbox.submissions`); `SubmitScript` is what `Sandbox.submit_script`
returns. Standard library only.
"""

from ._faults import Fault
from ._recording import RecordedRequest
from ._sandbox import Sandbox
from ._submits import Submission, SubmitScript

__all__ = ["Fault", "RecordedRequest", "Sandbox", "Submission", "SubmitScript"]
