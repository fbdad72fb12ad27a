"""``python -m tools.pipeline {prepare,generate,drift}`` (nox runs these)."""

from __future__ import annotations

import argparse
import sys

from .config import load_providers
from .drift import check_drift
from .generate import generate
from .patches import PatchFailed
from .prepare import prepare, write_prepared


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.pipeline")
    parser.add_argument("step", choices=["prepare", "generate", "drift"])
    args = parser.parse_args(argv)
    providers = load_providers()
    try:
        if args.step == "drift":
            return check_drift(providers)
        for provider in providers:
            spec = write_prepared(provider, prepare(provider))
            if args.step == "generate":
                generate(provider, spec, provider.output_dir)
    except PatchFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
