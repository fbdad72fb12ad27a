"""Versions follow content: ``specs/<spec>/version.json`` and genvideo's exact pins.

Each generated client's version is ``MAJOR.MINOR.N``. ``version.json`` records it with
``content_sha256``, the digest of everything the client is generated from:

* the prepared document (``prepared.json``, canonical text),
* the generator configuration (``generator.yaml``, parsed: comments do not count),
* the template overrides (``specs/templates/*.jinja``) and the ``LICENSE`` copied into the project,
* the generator's version and ruff's (its post-hooks format the output).

``nox -s generate`` recomputes the digest; when it differs, N goes up by one and the
new version is passed to openapi-python-client (``package_version_override``), and
the ``==`` pins in ``wrapper/pyproject.toml`` are rewritten. The drift check fails
when the recorded digest, the generated code, the version or a pin disagree.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version as installed_version
from pathlib import Path
from typing import Any

from .config import LICENSE, TEMPLATES_DIR, WRAPPER_PYPROJECT, Spec

FIRST_VERSION = "1.0.0"
GENERATOR_DISTRIBUTIONS = ("openapi-python-client", "ruff")
_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


class VersionError(Exception):
    """version.json, a generated client or a wrapper pin is missing or malformed."""


@dataclass(frozen=True)
class ClientVersion:
    """What ``specs/<spec>/version.json`` holds."""

    version: str
    content_sha256: str

    def to_json(self) -> str:
        return json.dumps({"version": self.version, "content_sha256": self.content_sha256}, indent=2) + "\n"


def generator_config(spec: Spec) -> dict[str, Any]:
    """``generator.yaml``, refusing the one key the pipeline owns."""
    from ._yaml import load_yaml  # PyYAML: only the steps that generate need it

    config = load_yaml(spec.generator_config)
    if not isinstance(config, dict):
        raise VersionError(f"{spec.generator_config}: expected a mapping")
    if "package_version_override" in config:
        raise VersionError(
            f"{spec.generator_config}: remove package_version_override; the version comes from "
            f"{spec.version_path.name} (run `nox -s generate`)"
        )
    return config


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def content_digest(spec: Spec, prepared_text: str) -> str:
    """sha256 over the prepared document, the generator config, templates, license and generator versions."""
    templates = spec.root / TEMPLATES_DIR
    inputs = {
        "prepared.json": hashlib.sha256(prepared_text.encode("utf-8")).hexdigest(),
        "generator.yaml": hashlib.sha256(
            json.dumps(generator_config(spec), sort_keys=True, ensure_ascii=False).encode("utf-8")
        ).hexdigest(),
        **{name: installed_version(name) for name in GENERATOR_DISTRIBUTIONS},
        **{f"templates/{p.name}": _sha256(p) for p in sorted(templates.glob("*.jinja"))},
        "LICENSE": _sha256(spec.root / LICENSE),
    }
    return hashlib.sha256(json.dumps(inputs, sort_keys=True).encode("utf-8")).hexdigest()


def read_version(spec: Spec) -> ClientVersion | None:
    """The recorded version, or None when ``version.json`` does not exist yet."""
    if not spec.version_path.exists():
        return None
    data = json.loads(spec.version_path.read_text(encoding="utf-8"))
    try:
        recorded = ClientVersion(str(data["version"]), str(data["content_sha256"]))
    except (KeyError, TypeError) as exc:
        raise VersionError(f"{spec.version_path}: needs 'version' and 'content_sha256'") from exc
    if not _VERSION.match(recorded.version):
        raise VersionError(f"{spec.version_path}: version {recorded.version!r} is not MAJOR.MINOR.N")
    return recorded


def next_version(recorded: ClientVersion | None, digest: str) -> ClientVersion:
    """The same version for the same content; N + 1 when the content changed."""
    if recorded is None:
        return ClientVersion(FIRST_VERSION, digest)
    if recorded.content_sha256 == digest:
        return recorded
    match = _VERSION.match(recorded.version)
    if match is None:  # read_version checked it; a hand-built ClientVersion may not be
        raise VersionError(f"version {recorded.version!r} is not MAJOR.MINOR.N")
    major, minor, patch = (int(part) for part in match.groups())
    return ClientVersion(f"{major}.{minor}.{patch + 1}", digest)


def write_version(spec: Spec, version: ClientVersion) -> None:
    spec.version_path.write_text(version.to_json(), encoding="utf-8")


# --- genvideo's exact pins --------------------------------------------------------------------


def _pin_pattern(project_name: str) -> re.Pattern[str]:
    # One dependency string in the TOML array: "genvideo-comfy-client==1.0.0" (any quoting of the version part).
    return re.compile(rf'(?P<quote>["\']){re.escape(project_name)}\s*==\s*(?P<version>[^"\';,\s]+)(?P=quote)')


def wrapper_pins(root: Path, specs: Sequence[Spec]) -> dict[str, str | None]:
    """The version genvideo pins each generated client to (None: no exact pin)."""
    data = tomllib.loads((root / WRAPPER_PYPROJECT).read_text(encoding="utf-8"))
    deps: list[str] = data.get("project", {}).get("dependencies", [])
    pins: dict[str, str | None] = {}
    for spec in specs:
        pins[spec.project_name] = None
        for dep in deps:
            match = re.fullmatch(rf"{re.escape(spec.project_name)}\s*==\s*(\S+)", dep.strip())
            if match:
                pins[spec.project_name] = match.group(1)
    return pins


def write_wrapper_pins(root: Path, versions: dict[str, str]) -> bool:
    """Rewrite ``"<client>==<version>"`` in wrapper/pyproject.toml in place; True if the file changed."""
    path = root / WRAPPER_PYPROJECT
    text = path.read_text(encoding="utf-8")
    new = text
    for project_name, version in versions.items():
        pattern = _pin_pattern(project_name)
        if len(pattern.findall(new)) != 1:
            raise VersionError(
                f"{WRAPPER_PYPROJECT}: expected exactly one dependency {project_name}==<version> to rewrite"
            )
        found = pattern.search(new)
        quote = found["quote"] if found else '"'
        new = pattern.sub(lambda _: f"{quote}{project_name}=={version}{quote}", new)  # noqa: B023 - used at once
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


def generated_version(spec: Spec) -> str | None:
    """The version in ``generated/<client>/pyproject.toml`` (None when there is none)."""
    path = spec.output_dir / "pyproject.toml"
    if not path.exists():
        return None
    version = tomllib.loads(path.read_text(encoding="utf-8")).get("project", {}).get("version")
    return str(version) if version is not None else None


def version_problems(root: Path, specs: Sequence[Spec]) -> list[str]:
    """Disagreements between version.json, the generated projects and genvideo's pins (no regeneration).

    The cheap part of the drift check, also run before building distributions.
    """
    problems = []
    pins = wrapper_pins(root, specs) if (root / WRAPPER_PYPROJECT).exists() else {}
    for spec in specs:
        rel = spec.version_path.relative_to(root).as_posix()
        recorded = read_version(spec)
        if recorded is None:
            problems.append(f"missing: {rel} (the pipeline writes it: run `nox -s generate`)")
            continue
        built = generated_version(spec)
        if built != recorded.version:
            problems.append(
                f"version mismatch: generated/{spec.project_name}/pyproject.toml has {built!r} but {rel} "
                f"says {recorded.version!r}; run `nox -s generate`"
            )
        if (root / WRAPPER_PYPROJECT).exists() and pins.get(spec.project_name) != recorded.version:
            pinned = pins.get(spec.project_name)
            name = spec.project_name
            found = f"pins {name}=={pinned}" if pinned else f"has no exact pin on {name}"
            problems.append(
                f"pin mismatch: {WRAPPER_PYPROJECT.as_posix()} {found} but {rel} says {recorded.version!r}; "
                "the pins are written by the pipeline: run `nox -s generate`"
            )
    return problems
