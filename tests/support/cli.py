"""Running the `genvideo` command line in a subprocess, with no provider setting from the developer's
environment (only what the test passes)."""

from __future__ import annotations

import os
import subprocess
import sys


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """``python -m genvideo *args`` with ``env`` added to an environment free of COMFY_/HAIPER_/GENVIDEO_ settings."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("COMFY_", "HAIPER_", "GENVIDEO_"))}
    return subprocess.run(
        [sys.executable, "-m", "genvideo", *args],
        env={**base, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
