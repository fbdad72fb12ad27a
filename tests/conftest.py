"""Shared fixtures. Tests talk to 127.0.0.1 only: real local servers, never the internet."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))  # tests import tools.pipeline from the checkout
