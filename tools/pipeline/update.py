"""``nox -s update-specs -- <spec> [<upstream-file>] <file-or-url>``: take a new upstream document.

1. fetch the document (a local file or an http(s) URL) and, for a documentation page that
   embeds one OpenAPI block (Haiper's Mintlify pages), keep that block verbatim;
2. stop here if its sha256 is the one recorded: nothing changed;
3. write it over ``specs/<spec>/<upstream-file>`` and record source, date and sha256 in
   ``provenance.json``;
4. re-apply selection and patches and validate; a patch whose guard no longer holds stops the
   update with its file, operation and reason, and the two files are put back as they were;
5. regenerate everything (``nox -s generate``): versions whose content changed are bumped and
   genvideo's pins and ``_specs.py`` follow;
6. return the change report: operations and schemas added/removed/changed, what breaks clients,
   and state values a provider of the spec does not map in ``providers.toml``.

Specs with several upstream files (Haiper) name the file to replace, as listed in
``specs/pipeline.toml``: ``haiper upstream/get-creation-status.openapi.yml <new file>``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._yaml import loads_yaml
from .config import PROVIDER_REGISTRY, Spec, load_specs
from .patches import PatchFailed
from .prepare import prepare
from .regenerate import VersionChange, load_prepared, regenerate
from .report import Report, diff_documents
from .states import StateMaps, UnmappedState, load_state_maps, unmapped_states

_FENCE = re.compile(r"^```[ \t]*(?:ya?ml|json)?[ \t]*\n(?P<body>.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)
_URL = re.compile(r"^https?://", re.IGNORECASE)


class UpdateFailed(Exception):
    """The update stopped; the checkout's upstream file and provenance are as they were."""


@dataclass
class UpdateResult:
    """What an update did."""

    spec: str
    upstream: str
    changed: bool
    old_sha256: str
    new_sha256: str
    report: Report | None = None
    versions: list[VersionChange] = field(default_factory=list)
    unmapped: list[UnmappedState] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_markdown(self) -> str:
        lines = [f"# Spec update: {self.spec} `{self.upstream}`", ""]
        if not self.changed:
            return "\n".join([*lines, f"Unchanged: sha256 {self.new_sha256} is the recorded one.", ""])
        lines += [f"- upstream sha256: `{self.old_sha256}` -> `{self.new_sha256}`"]
        for change in self.versions:
            if change.bumped:
                lines.append(
                    f"- `{change.project_name}` {change.before} -> {change.after}; genvideo's pin follows "
                    "(wrapper/pyproject.toml, genvideo.SPECS)"
                )
        lines += [f"- warning: {w}" for w in self.warnings]
        if self.unmapped:
            lines += ["", "## State values the wrapper does not map", ""]
            lines += [f"- {u}" for u in self.unmapped]
            lines += [
                "",
                f"Map them in `{PROVIDER_REGISTRY.as_posix()}` (each provider's `states`, onto a CreationState "
                "value): the state-mapping check fails until then.",
            ]
        lines.append("")
        return "\n".join(lines) + "\n" + (self.report.to_markdown(level=2) if self.report else "")


def fetch(source: str) -> bytes:
    """The bytes at ``source``: an http(s) URL or a local file."""
    if _URL.match(source):
        request = urllib.request.Request(source, headers={"User-Agent": "genvideo-spec-pipeline"})  # noqa: S310
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 - http(s) only, checked above
            data: bytes = response.read()
            return data
    return Path(source).read_bytes()


def extract_openapi(data: bytes) -> bytes:
    """``data`` itself when it is an OpenAPI document; else the one fenced OpenAPI block it embeds."""
    try:
        doc = loads_yaml(data)
    except Exception:  # a Markdown page need not be valid YAML
        doc = None
    if isinstance(doc, dict) and "openapi" in doc:
        return data
    text = data.decode("utf-8")
    blocks = [m["body"] for m in _FENCE.finditer(text) if m["body"].lstrip().startswith(("openapi:", '{"openapi"'))]
    if len(blocks) != 1:
        raise UpdateFailed(f"expected an OpenAPI document or a page embedding exactly one, found {len(blocks)} blocks")
    try:
        doc = loads_yaml(blocks[0])
    except Exception as exc:
        raise UpdateFailed(f"the page's OpenAPI block does not parse: {exc}") from None
    if not isinstance(doc, dict):
        raise UpdateFailed("the page's OpenAPI block is not a mapping")
    return blocks[0].encode("utf-8")


def _provenance_entry(doc: dict[str, Any], file: str, source: str, date: str, digest: str) -> dict[str, str]:
    info = doc.get("info") or {}
    return {
        "file": file,
        "title": f"{info.get('title')}, OpenAPI {doc.get('openapi')}, info.version {info.get('version')}",
        "source": source,
        "retrieved": date,
        "sha256": digest,
        "note": "Recorded by `nox -s update-specs`: the bytes as fetched (for a docs page, its OpenAPI block).",
    }


def update_spec(
    root: Path,
    spec_name: str,
    source: str,
    upstream: str | None = None,
    *,
    recorded_source: str | None = None,
    date: str | None = None,
    state_maps: StateMaps | None = None,
) -> UpdateResult:
    """Replace one upstream file of ``spec_name`` with the document at ``source`` and regenerate.

    ``recorded_source`` is what provenance.json records as the source (default: ``source``
    itself when it is a URL); ``date`` defaults to today (UTC). ``state_maps`` defaults to the
    rows of ``root``'s ``providers.toml``, read before anything is changed.
    """
    specs = load_specs(root)
    by_name = {s.name: s for s in specs}
    if spec_name not in by_name:
        raise UpdateFailed(f"unknown spec {spec_name!r}; specs/pipeline.toml lists: {', '.join(by_name)}")
    spec = by_name[spec_name]
    try:
        entry = spec.upstream_entry(upstream)
        maps = state_maps if state_maps is not None else load_state_maps(root)
    except ValueError as exc:  # no such upstream file, or a providers.toml row (RegistryError) the check refuses
        raise UpdateFailed(str(exc)) from None
    try:
        data = extract_openapi(fetch(source))
    except OSError as exc:  # urllib's URLError is an OSError too
        raise UpdateFailed(f"cannot read {source}: {exc}") from None
    new_doc = loads_yaml(data)
    target = spec.folder / entry
    old_bytes = target.read_bytes() if target.exists() else b""
    old_sha, new_sha = hashlib.sha256(old_bytes).hexdigest(), hashlib.sha256(data).hexdigest()
    result = UpdateResult(spec.name, entry, old_sha != new_sha, old_sha, new_sha)
    if not result.changed:
        return result

    warnings = []
    if recorded_source is None:
        if _URL.match(source):
            recorded_source = source
        else:
            recorded_source = Path(source).resolve().as_uri()
            warnings.append(
                f"provenance.json records a local file as the source ({recorded_source}); "
                "pass --source with the URL the document is published at"
            )
    date = date or dt.datetime.now(dt.UTC).date().isoformat()
    old_prepared = load_prepared(spec)
    provenance_bytes = spec.provenance_path.read_bytes()
    _write_upstream(spec, entry, data, _provenance_entry(new_doc, entry, recorded_source, date, new_sha))
    try:
        prepare(spec)  # selection, patches, validation: stop here if any fails
    except Exception as exc:
        target.write_bytes(old_bytes)
        spec.provenance_path.write_bytes(provenance_bytes)
        fix = (
            f"Update or drop that operation in specs/{spec.name}/patches/{exc.patch}"
            if isinstance(exc, PatchFailed)
            else "Fix what the error names (a patch, specs/pipeline.toml)"
        )
        raise UpdateFailed(
            f"{exc}\nThe update was not applied: specs/{spec.name}/{entry} and provenance.json are unchanged. "
            f"{fix}, then run the same update again."
        ) from exc

    try:
        result.versions = regenerate(root, specs)
    except Exception as exc:
        raise UpdateFailed(
            f"regeneration failed after specs/{spec.name}/{entry} was updated: {exc}\n"
            "The new upstream file, provenance and prepared.json are in place; fix the cause, then `nox -s generate`."
        ) from exc
    new_prepared = load_prepared(spec)
    result.report = diff_documents(spec.name, old_prepared, new_prepared, maps)
    result.unmapped = unmapped_states({spec.name: new_prepared}, maps)
    result.warnings = warnings
    return result


def _write_upstream(spec: Spec, entry: str, data: bytes, record: dict[str, str]) -> None:
    (spec.folder / entry).parent.mkdir(parents=True, exist_ok=True)
    (spec.folder / entry).write_bytes(data)
    provenance = json.loads(spec.provenance_path.read_text(encoding="utf-8"))
    documents = provenance.setdefault("documents", [])
    for index, document in enumerate(documents):
        if document.get("file") == entry:
            documents[index] = record
            break
    else:
        documents.append(record)
    spec.provenance_path.write_text(json.dumps(provenance, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
