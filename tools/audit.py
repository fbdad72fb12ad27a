"""``python -m tools.audit``: pip-audit over the pinned dependency set, tolerant of being offline.

Audits the runtime dependencies of the three distributions (as installed in the running venv)
and every ``==`` pin in ``requirements/*.txt`` except ``lowest.txt`` (a compatibility-test
environment of deliberately old releases, never installed for users). Exit codes: 0 audited and
clean, 1 known vulnerabilities or pip-audit failed, 3 no vulnerability database could be reached.
"""

from __future__ import annotations

import importlib.metadata as md
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[1]
LOCAL = ("genvideo", "genvideo-comfy-client", "genvideo-haiper-client")  # ours: not on PyPI, nothing to look up
NOT_SHIPPED = ("lowest.txt",)
SERVICES = ("pypi", "osv")
UNREACHABLE = 3
# pip-audit's words when no vulnerability service could be asked (a traceback from requests/urllib3).
OFFLINE_MARKERS = (
    "ConnectionError",
    "NameResolutionError",
    "Failed to resolve",
    "Max retries exceeded",
    "Connection refused",
    "Network is unreachable",
    "Temporary failure in name resolution",
    "timed out",
    "ProxyError",
    "SSLError",
)


class Unreachable(Exception):
    """No vulnerability database answered."""


def runtime_pins() -> list[str]:
    """``name==version`` of everything our distributions need at run time, as installed here."""
    todo, seen = list(LOCAL), set()
    while todo:
        name = canonicalize_name(todo.pop())
        if name in seen:
            continue
        seen.add(name)
        for text in md.requires(name) or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    return [f"{name}=={md.version(name)}" for name in sorted(seen - {canonicalize_name(n) for n in LOCAL})]


def all_pins() -> dict[str, set[str]]:
    """name -> pinned versions: the installed runtime dependencies plus the shipped requirements files."""
    lines = runtime_pins()
    for path in sorted((REPO / "requirements").glob("*.txt")):
        if path.name not in NOT_SHIPPED:
            lines += path.read_text(encoding="utf-8").splitlines()
    pins: dict[str, set[str]] = {}
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if "==" not in line or line.startswith("-"):
            continue  # comments, blanks and `-r other.txt` (that file is read on its own)
        name, version = (part.strip() for part in line.split("==", 1))
        key = canonicalize_name(name)
        if key not in LOCAL:
            pins.setdefault(key, set()).add(version)
    return pins


def audit_once(service: str, requirements: Path, out: Path) -> list[dict[str, Any]]:
    """One pip-audit run; its dependencies. Raises Unreachable, or SystemExit(1) on findings."""
    out.unlink(missing_ok=True)
    command = ["pip-audit", "--no-deps", "--disable-pip", "--progress-spinner", "off", "-s", service]
    command += ["-f", "json", "-o", str(out), "-r", str(requirements)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    if not out.exists():  # pip-audit stopped before reporting anything
        if any(marker in output for marker in OFFLINE_MARKERS):
            raise Unreachable(service)
        sys.exit(f"pip-audit failed:\n{output}")
    dependencies: list[dict[str, Any]] = json.loads(out.read_text(encoding="utf-8"))["dependencies"]
    found = [(d["name"], d.get("version"), v) for d in dependencies for v in d.get("vulns") or []]
    if found:
        listing = "\n".join(
            f"  {name} {version}: {vuln['id']} (fixed in {', '.join(vuln.get('fix_versions') or ['no release yet'])})"
            for name, version, vuln in found
        )
        sys.exit(f"pip-audit ({service}) found {len(found)} known vulnerabilities:\n{listing}")
    if dependencies and all("skip_reason" in d for d in dependencies):
        raise Unreachable(service)  # answered nothing about any package: no usable database
    return dependencies


def main() -> int:
    pins = all_pins()
    # pip-audit refuses two pins of one name in a run: a name pinned at several versions spreads over runs.
    rounds: list[list[str]] = []
    for name, versions in sorted(pins.items()):
        for index, version in enumerate(sorted(versions)):
            if index == len(rounds):
                rounds.append([])
            rounds[index].append(f"{name}=={version}")
    print(f"auditing {sum(len(v) for v in pins.values())} pins of {len(pins)} distributions")
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for index, requirements in enumerate(rounds):
            files.append(Path(tmp) / f"audit-pins-{index}.txt")
            files[-1].write_text("\n".join(requirements) + "\n", encoding="utf-8")
        for service in SERVICES:
            try:
                results = [audit_once(service, path, Path(tmp) / f"audit-{i}.json") for i, path in enumerate(files)]
            except Unreachable:
                print(f"the {service} vulnerability service cannot be reached from here")
                continue
            skipped = [d for deps in results for d in deps if "skip_reason" in d]
            for dependency in skipped:
                print(f"warning: not audited: {dependency['skip_reason']}")
            print(f"no known vulnerabilities ({service}; {len(skipped)} pins could not be looked up)")
            return 0
    print(
        "SKIPPED: no vulnerability database could be reached (PyPI's JSON API and OSV): nothing was audited. "
        "Run `nox -s audit` where api.osv.dev or pypi.org/pypi/<name>/<version>/json answer."
    )
    return UNREACHABLE


if __name__ == "__main__":
    sys.exit(main())
