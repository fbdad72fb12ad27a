"""Test helpers for genvideo: a local, scriptable fake of the providers (like `moto` for AWS).

`Sandbox` serves the Comfy proxy's Vidu endpoints, Haiper's endpoints and a signed-URL CDN on
127.0.0.1; `Fault` scripts misbehaviour; `RecordedRequest` is what the sandbox saw. Standard library only.
"""

from ._faults import Fault
from ._recording import RecordedRequest
from ._sandbox import Sandbox

__all__ = ["Fault", "RecordedRequest", "Sandbox"]
