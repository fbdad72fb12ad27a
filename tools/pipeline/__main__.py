"""``python -m tools.pipeline STEP`` (nox runs these; ``--help`` on each step says more).

* ``prepare``  write ``specs/*/prepared.json``
* ``generate`` prepare, bump versions whose content changed, regenerate ``generated/``,
  rewrite genvideo's pins and ``_specs.py``                              (``nox -s generate``)
* ``drift``    fail if any of that differs from a fresh run               (``nox -s drift``)
* ``update``   take a new upstream document and report what changed       (``nox -s update-specs``)
* ``report``   change report of the checkout's specs against a git revision (``nox -s spec-report``)
* ``build``    wheels and sdists of the three projects                    (``nox -s build``)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .config import REPO, load_specs


def _write(text: str, output: Path | None) -> None:
    print(text)
    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        print(f"(written to {output})", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.pipeline")
    parser.add_argument("--root", type=Path, default=REPO, help=argparse.SUPPRESS)  # tests: a copy of the repo
    steps = parser.add_subparsers(dest="step", required=True)
    steps.add_parser("prepare", help="write specs/*/prepared.json")
    steps.add_parser("generate", help="prepare, version, regenerate, pin")
    steps.add_parser("drift", help="fail if the checkout differs from a fresh pipeline run")
    update = steps.add_parser(
        "update",
        help="take a new upstream document of a spec",
        description="update SPEC [UPSTREAM_FILE] FILE_OR_URL; SPEC is a [specs.*] table of specs/pipeline.toml "
        "(comfy, haiper); UPSTREAM_FILE (as listed there, e.g. upstream/get-creation-status.openapi.yml) is "
        "needed when the spec has several",
    )
    update.add_argument("spec", metavar="SPEC")
    update.add_argument("args", nargs="+", metavar="[UPSTREAM_FILE] FILE_OR_URL")
    update.add_argument("--source", help="the URL to record in provenance.json (default: the URL fetched)")
    update.add_argument("--date", help="the retrieval date to record (default: today, UTC)")
    update.add_argument("--report", type=Path, help="also write the change report (Markdown) here")
    report = steps.add_parser("report", help="change report of the checkout's prepared specs against a git revision")
    report.add_argument("--base", required=True, help="git revision to compare with (e.g. origin/main)")
    report.add_argument("--output", type=Path)
    build = steps.add_parser("build", help="wheels and sdists of the generated clients and genvideo")
    build.add_argument("--outdir", type=Path, help="default: dist/")
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()

    specs = load_specs(root)
    if args.step == "build":  # needs only the build tools (requirements/build.txt)
        from .build import BuildRefused, build_distributions

        try:
            made = build_distributions(root, specs, args.outdir or root / "dist")
        except BuildRefused as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print("\n".join(str(p) for p in made))
        return 0

    from .patches import PatchFailed
    from .states import RegistryError

    try:
        if args.step == "drift":
            from .drift import check_drift

            return check_drift(specs)
        if args.step == "prepare":
            from .prepare import prepare, write_prepared

            for spec in specs:
                write_prepared(spec, prepare(spec))
            return 0
        if args.step == "generate":
            from .regenerate import print_changes, regenerate

            print_changes(regenerate(root, specs))
            return 0
        if args.step == "update":
            return _update(root, args)
        if args.step == "report":
            from .baseline import reports_against
            from .report import summary_lines

            reports = reports_against(specs, args.base)
            _write("\n".join(r.to_markdown() for r in reports), args.output)
            print("\n".join(summary_lines(reports)), file=sys.stderr)
            return 0
    except (PatchFailed, RegistryError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    raise AssertionError(args.step)  # pragma: no cover - argparse allows only the steps above


def _update(root: Path, args: argparse.Namespace) -> int:
    from .update import UpdateFailed, update_spec

    if len(args.args) > 2:
        print("error: update SPEC [UPSTREAM_FILE] FILE_OR_URL", file=sys.stderr)
        return 2
    upstream, source = (None, args.args[0]) if len(args.args) == 1 else args.args
    try:
        result = update_spec(root, args.spec, source, upstream, recorded_source=args.source, date=args.date)
    except UpdateFailed as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    if not result.changed and args.report is not None:
        args.report.unlink(missing_ok=True)  # no stale report for CI to pick up
    _write(result.to_markdown(), args.report if result.changed else None)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
