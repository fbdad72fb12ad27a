"""Run the genvideo benchmarks and print a markdown table of medians and ratios beside their targets.

    nox -s bench                 # full run; updates the generated block of bench/RESULTS.md
    nox -s bench -- --quick      # under a minute; prints only
    python -m bench.run --only overhead waits   # some sections (from the repo root, in a venv with genvideo)

Every server runs on 127.0.0.1 in its own process; nothing else is contacted.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from . import (
    _base64,
    _download,
    _fleet,
    _imports,
    _machine,
    _overhead,
    _polling,
    _regen,
    _report,
    _topaz_upload,
    _waits,
)
from ._report import Section

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"

SECTIONS: dict[str, Callable[[bool], Section]] = {
    "overhead": _overhead.run,
    "waits": _waits.run,
    "download": _download.run,
    "imports": _imports.run,
    "regen": _regen.run,
    "polling": _polling.run,
    "topaz-upload": _topaz_upload.run,
    "base64": _base64.run,
    "fleet": _fleet.run,
}


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller, shorter runs (under a minute)")
    parser.add_argument("--only", nargs="+", choices=list(SECTIONS), help="run only these sections")
    parser.add_argument(
        "--results",
        type=Path,
        help=f"write the results block to this file (default for a full run of every section: {RESULTS})",
    )
    parser.add_argument("--no-results", action="store_true", help="write no results file")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    names = args.only or list(SECTIONS)
    mode = "quick" if args.quick else "full"
    print(f"genvideo benchmarks ({mode}): {', '.join(names)}\n\n{_machine.markdown()}\n", flush=True)
    sections: list[Section] = []
    failures: list[str] = []
    started = time.monotonic()
    for name in names:
        t0 = time.monotonic()
        print(f"running {name} …", flush=True)
        try:
            section = SECTIONS[name](args.quick)
        except Exception as exc:  # report it, go on with the others, fail at the end
            traceback.print_exc()
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            continue
        sections.append(section)
        print(f"  {name} took {time.monotonic() - t0:.1f} s", flush=True)
    elapsed = time.monotonic() - started

    table, notes = _report.table(sections), _report.notes(sections)
    print(f"\n{table}\n\n{notes}\n")
    for row in _report.missed(sections):
        print(f"MISSED: {row.case}: {row.shown_value()} (target {row.target})")
    for failure in failures:
        print(f"FAILED: {failure}")
    print(f"\n{mode} run took {elapsed:.0f} s")

    results = args.results or (RESULTS if not args.quick and not args.only else None)
    if results is not None and not args.no_results:
        block = (
            f"## Machine\n\n{_machine.markdown()}\n\n## Results ({mode} run, {elapsed:.0f} s)\n\n{table}\n\n"
            f"Notes:\n\n{notes}\n"
        )
        if failures:
            block += "\nFailed sections:\n\n" + "\n".join(f"- {f}" for f in failures) + "\n"
        _report.write_results(results, block)
        print(f"wrote {results}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
