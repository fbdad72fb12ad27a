"""The change report: what a spec update changes in the operations and schemas, and what it breaks.

A structural diff of two prepared documents, classified from the point of view of code that
uses the generated client and the wrapper (not of the server):

* breaking: a removed operation, schema or field; a narrowed type (changed ``type``/``format``/
  ``$ref``, lost ``nullable``, a new or smaller ``enum``); a new required field or parameter;
  a field or parameter that became required; a new value in an enum that responses use (a
  closed generated enum rejects it); a new state value (``x-known-values``) no provider of the
  spec maps in the provider registry (``providers.toml``);
* non-breaking: additions (operations, schemas, optional fields), widened types, new
  state values the wrapper already maps, documentation;
* review: changes the classifier cannot judge (composition keywords, other components).

Why not an OpenAPI diff tool: ``@pb33f/openapi-changes`` installs a prebuilt binary from
GitHub in its npm ``postinstall`` (not reachable here, nor from CI's package-registry-only
network); ``openapi-diff`` (npm) reports whole response scopes rather than fields; and
``api-smart-diff`` classifies from the server's side (a removed response field is
"non-breaking") and leaves ``x-known-values`` unclassified. Neither answers "does this break
the client and the wrapper", which needs the registry's state maps anyway.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .states import ProviderStates, StateMaps, normalise_state

BREAKING = "breaking"
NON_BREAKING = "non-breaking"
REVIEW = "review"
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_SCHEMA_KEYS_HANDLED = {
    "type",
    "format",
    "nullable",
    "enum",
    "properties",
    "required",
    "items",
    "$ref",
    "x-known-values",
    "allOf",
    "oneOf",
    "anyOf",
    "additionalProperties",
}


@dataclass(frozen=True)
class Change:
    """One classified difference."""

    area: str  # "operation" | "schema" | "component" | "info"
    kind: str  # "added" | "removed" | "changed"
    subject: str  # the operation ("GET /v1/x") or schema ("ViduCreation") it belongs to
    where: str  # the subject, or a part of it: "ViduCreation.url", "GET /v1/x parameter path:id"
    detail: str
    severity: str  # BREAKING | NON_BREAKING | REVIEW

    def __str__(self) -> str:
        return f"{self.area} {self.where}: {self.detail}"


@dataclass
class Report:
    """The changes between two prepared documents of one spec, plus the version move."""

    spec: str
    changes: list[Change] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def by_severity(self, severity: str) -> list[Change]:
        return [c for c in self.changes if c.severity == severity]

    @property
    def breaking(self) -> list[Change]:
        return self.by_severity(BREAKING)

    def subjects(self, area: str, kind: str) -> list[str]:
        """The operations or schemas that were added, removed or (otherwise) changed."""
        whole = {c.subject: c.kind for c in self.changes if c.area == area and c.where == c.subject}
        if kind in ("added", "removed"):
            return sorted(s for s, k in whole.items() if k == kind)
        return sorted(
            {c.subject for c in self.changes if c.area == area and whole.get(c.subject) not in ("added", "removed")}
        )

    def to_markdown(self, level: int = 1) -> str:
        """The report as Markdown, its title at heading ``level``."""
        head = "#" * level
        lines = [f"{head} Spec change report: {self.spec}", ""]
        lines += [f"- {note}" for note in self.notes]
        if self.notes:
            lines.append("")
        lines += ["| | added | removed | changed |", "|---|---|---|---|"]
        for area, label in (("operation", "operations"), ("schema", "schemas")):
            cells = []
            for kind in ("added", "removed", "changed"):
                names = self.subjects(area, kind)
                cells.append(f"{len(names)}" + (": " + ", ".join(f"`{n}`" for n in names) if names else ""))
            lines.append(f"| {label} | " + " | ".join(cells) + " |")
        lines.append("")
        if not self.changes:
            lines += ["No change in the prepared document.", ""]
        for severity, title in (
            (BREAKING, "Breaking for clients"),
            (REVIEW, "Needs review"),
            (NON_BREAKING, "Not breaking"),
        ):
            chosen = self.by_severity(severity)
            if not chosen:
                continue
            lines += [f"{head}# {title} ({len(chosen)})", ""]
            lines += [f"- **{c.kind}** {c.area} `{c.where}`: {c.detail}" for c in chosen]
            lines.append("")
        return "\n".join(lines)


def _response_schema_names(doc: Mapping[str, Any]) -> set[str]:
    """Component schemas reachable from any response (their enums are parsed by the client)."""
    schemas = doc.get("components", {}).get("schemas", {})
    pending = [
        ref
        for item in doc.get("paths", {}).values()
        for method in _METHODS
        if isinstance(item.get(method), dict)
        for response in item[method].get("responses", {}).values()
        for ref in _refs(response)
    ]
    seen: set[str] = set()
    while pending:
        name = pending.pop()
        if name in seen or name not in schemas:
            continue
        seen.add(name)
        pending.extend(_refs(schemas[name]))
    return seen


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            yield ref.rsplit("/", 1)[1]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


class _Differ:
    def __init__(
        self, old: Mapping[str, Any], new: Mapping[str, Any], state_rows: Sequence[ProviderStates] | None
    ) -> None:
        self.old, self.new = old, new
        self.state_rows = state_rows  # the providers.toml rows of this spec's providers (None: not checked)
        self.response_schemas = _response_schema_names(new) | _response_schema_names(old)
        self.changes: list[Change] = []
        self.subject = ""  # the operation or schema being compared

    def add(self, area: str, kind: str, where: str, detail: str, severity: str) -> None:
        self.changes.append(Change(area, kind, self.subject or where, where, detail, severity))

    # --- schemas ---------------------------------------------------------------------------

    def schema(self, area: str, where: str, old: Any, new: Any, in_response: bool) -> None:
        if old == new:
            return
        if not isinstance(old, dict) or not isinstance(new, dict):
            self.add(area, "changed", where, "schema replaced", REVIEW)
            return
        before = len(self.changes)
        old_ref, new_ref = old.get("$ref"), new.get("$ref")
        if old_ref != new_ref:
            detail = f"type changed: {old_ref or _type(old)} -> {new_ref or _type(new)}"
            self.add(area, "changed", where, detail, BREAKING)
            return
        self._type(area, where, old, new)
        self._enum(area, where, old, new, in_response)
        self._known_values(area, where, old, new)
        self._properties(area, where, old, new, in_response)
        if old.get("items") != new.get("items"):
            self.schema(area, f"{where}[]", old.get("items"), new.get("items"), in_response)
        for key in ("allOf", "oneOf", "anyOf", "additionalProperties"):
            if old.get(key) != new.get(key):
                self.add(area, "changed", where, f"{key} changed", REVIEW)
        if len(self.changes) == before:
            keys = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
            self.add(area, "changed", where, "annotations changed: " + ", ".join(keys), NON_BREAKING)

    def _type(self, area: str, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        if old.get("type") != new.get("type"):
            widened = new.get("type") is None
            self.add(
                area,
                "changed",
                where,
                f"type changed: {_type(old)} -> {_type(new)}" + (" (widened)" if widened else " (narrowed)"),
                NON_BREAKING if widened else BREAKING,
            )
        if old.get("format") != new.get("format"):
            self.add(area, "changed", where, f"format changed: {old.get('format')} -> {new.get('format')}", BREAKING)
        if bool(old.get("nullable")) != bool(new.get("nullable")):
            if new.get("nullable"):
                self.add(area, "changed", where, "now nullable (widened)", NON_BREAKING)
            else:
                self.add(area, "changed", where, "no longer nullable (narrowed)", BREAKING)

    def _enum(self, area: str, where: str, old: dict[str, Any], new: dict[str, Any], in_response: bool) -> None:
        old_enum, new_enum = old.get("enum"), new.get("enum")
        if old_enum == new_enum:
            return
        if old_enum is None:
            self.add(area, "changed", where, f"narrowed to enum {new_enum}", BREAKING)
        elif new_enum is None:
            self.add(area, "changed", where, "enum removed (widened)", NON_BREAKING)
        else:
            removed = [v for v in old_enum if v not in new_enum]
            added = [v for v in new_enum if v not in old_enum]
            if removed:
                self.add(area, "changed", where, f"enum values removed (narrowed): {removed}", BREAKING)
            if added:
                self.add(
                    area,
                    "changed",
                    where,
                    f"enum values added: {added}"
                    + (" (in a response: clients generated before reject them)" if in_response else ""),
                    BREAKING if in_response else NON_BREAKING,
                )

    def _known_values(self, area: str, where: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_known, new_known = old.get("x-known-values") or [], new.get("x-known-values") or []
        # A word is its provider's: the row whose state_schemas name the schema it is listed in.
        owners = [row for row in self.state_rows or () if self.subject in row.state_schemas]
        names = ", ".join(f"providers.{row.name}.states" for row in owners)
        for value in (v for v in new_known if v not in old_known):
            word = normalise_state(str(value))
            if self.state_rows is not None and not owners:
                detail = (
                    f"new state value {value!r} in {self.subject}, which no providers.toml row names in its "
                    "state_schemas; users get UNKNOWN"
                )
                self.add(area, "changed", where, detail, BREAKING)
            elif any(word not in row.states for row in owners):
                detail = f"new state value {value!r} is not mapped in providers.toml ({names}); users get UNKNOWN"
                self.add(area, "changed", where, detail, BREAKING)
            else:
                self.add(area, "changed", where, f"new state value {value!r} (mapped by the wrapper)", NON_BREAKING)
        removed = [v for v in old_known if v not in new_known]
        if removed:
            self.add(area, "changed", where, f"state values no longer listed: {removed}", NON_BREAKING)

    def _properties(self, area: str, where: str, old: dict[str, Any], new: dict[str, Any], in_response: bool) -> None:
        old_props, new_props = old.get("properties") or {}, new.get("properties") or {}
        old_req, new_req = set(old.get("required") or []), set(new.get("required") or [])
        for name in old_props.keys() - new_props.keys():
            self.add(area, "removed", f"{where}.{name}", "field removed", BREAKING)
        for name in sorted(new_props.keys() - old_props.keys()):
            if name in new_req:
                self.add(area, "added", f"{where}.{name}", "new required field", BREAKING)
            else:
                self.add(area, "added", f"{where}.{name}", "new optional field", NON_BREAKING)
        for name in sorted(old_props.keys() & new_props.keys()):
            if name in new_req and name not in old_req:
                self.add(area, "changed", f"{where}.{name}", "field became required", BREAKING)
            elif name in old_req and name not in new_req:
                self.add(area, "changed", f"{where}.{name}", "field became optional", NON_BREAKING)
            self.schema(area, f"{where}.{name}", old_props[name], new_props[name], in_response)

    # --- operations -------------------------------------------------------------------------

    def operations(self) -> None:
        old_ops, new_ops = _operations(self.old), _operations(self.new)
        for key in sorted(old_ops.keys() | new_ops.keys()):
            self.subject = key
            if key not in new_ops:
                self.add("operation", "removed", key, "operation removed (its client function is gone)", BREAKING)
            elif key not in old_ops:
                self.add("operation", "added", key, "new operation", NON_BREAKING)
            else:
                self.operation(key, old_ops[key], new_ops[key])
        self.subject = ""

    def operation(self, key: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        if old == new:
            return
        before = len(self.changes)
        old_params, new_params = _parameters(self.old, old), _parameters(self.new, new)
        for name in sorted(old_params.keys() - new_params.keys()):
            self.add("operation", "changed", key, f"parameter {name} removed", BREAKING)
        for name in sorted(new_params.keys() - old_params.keys()):
            required = bool(new_params[name].get("required"))
            detail = f"new {'required' if required else 'optional'} parameter {name}"
            self.add("operation", "changed", key, detail, BREAKING if required else NON_BREAKING)
        for name in sorted(old_params.keys() & new_params.keys()):
            if new_params[name].get("required") and not old_params[name].get("required"):
                self.add("operation", "changed", key, f"parameter {name} became required", BREAKING)
            self.schema(
                "operation",
                f"{key} parameter {name}",
                old_params[name].get("schema"),
                new_params[name].get("schema"),
                in_response=False,
            )
        old_body, new_body = old.get("requestBody"), new.get("requestBody")
        if old_body != new_body:
            if old_body is None:
                required = bool((new_body or {}).get("required"))
                self.add("operation", "changed", key, "request body added", BREAKING if required else NON_BREAKING)
            elif new_body is None:
                self.add("operation", "changed", key, "request body removed", BREAKING)
            else:
                for media, old_schema, new_schema in _media_schemas(old_body, new_body):
                    self.schema("operation", f"{key} request {media}", old_schema, new_schema, in_response=False)
        old_resp, new_resp = old.get("responses") or {}, new.get("responses") or {}
        for code in sorted(old_resp.keys() - new_resp.keys()):
            self.add("operation", "changed", key, f"response {code} no longer documented", REVIEW)
        for code in sorted(new_resp.keys() - old_resp.keys()):
            self.add("operation", "changed", key, f"new response {code}", NON_BREAKING)
        for code in sorted(old_resp.keys() & new_resp.keys()):
            for media, old_schema, new_schema in _media_schemas(old_resp[code], new_resp[code]):
                self.schema("operation", f"{key} response {code} {media}", old_schema, new_schema, in_response=True)
        if len(self.changes) == before:
            keys = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
            self.add("operation", "changed", key, "annotations changed: " + ", ".join(keys), NON_BREAKING)

    # --- components -------------------------------------------------------------------------

    def components(self) -> None:
        old_c, new_c = self.old.get("components") or {}, self.new.get("components") or {}
        old_s, new_s = old_c.get("schemas") or {}, new_c.get("schemas") or {}
        for name in sorted(old_s.keys() | new_s.keys()):
            self.subject = name
            if name not in new_s:
                self.add("schema", "removed", name, "schema removed (its model class is gone)", BREAKING)
            elif name not in old_s:
                self.add("schema", "added", name, "new schema", NON_BREAKING)
            else:
                self.schema("schema", name, old_s[name], new_s[name], name in self.response_schemas)
        self.subject = ""
        for section in sorted((old_c.keys() | new_c.keys()) - {"schemas"}):
            old_items, new_items = old_c.get(section) or {}, new_c.get(section) or {}
            for name in sorted(old_items.keys() | new_items.keys()):
                if old_items.get(name) != new_items.get(name):  # operations report how they use them
                    kind = "added" if name not in old_items else "removed" if name not in new_items else "changed"
                    severity = NON_BREAKING if kind == "added" else REVIEW
                    self.add("component", kind, f"{section}/{name}", f"{section} entry {kind}", severity)


def _type(schema: Mapping[str, Any]) -> str:
    return str(schema.get("type", "any"))


def _operations(doc: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        f"{method.upper()} {path}": item[method]
        for path, item in (doc.get("paths") or {}).items()
        for method in _METHODS
        if isinstance(item, dict) and isinstance(item.get(method), dict)
    }


def _parameters(doc: Mapping[str, Any], operation: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """``{"in:name": parameter}``, ``$ref`` parameters resolved from ``components/parameters``."""
    found = {}
    for parameter in operation.get("parameters") or []:
        ref = parameter.get("$ref") if isinstance(parameter, dict) else None
        if isinstance(ref, str) and ref.startswith("#/components/parameters/"):
            parameter = (doc.get("components") or {}).get("parameters", {}).get(ref.rsplit("/", 1)[1], parameter)
        if isinstance(parameter, dict):
            found[f"{parameter.get('in')}:{parameter.get('name')}" if "name" in parameter else str(ref)] = parameter
    return found


def _media_schemas(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[tuple[str, Any, Any]]:
    old_content, new_content = old.get("content") or {}, new.get("content") or {}
    for media in sorted(old_content.keys() | new_content.keys()):
        yield media, (old_content.get(media) or {}).get("schema"), (new_content.get(media) or {}).get("schema")


def diff_documents(
    spec: str, old: Mapping[str, Any], new: Mapping[str, Any], state_maps: StateMaps | None = None
) -> Report:
    """Classify every change from ``old`` to ``new`` (two prepared documents of ``spec``).

    With ``state_maps`` (the rows of ``providers.toml``, ``states.load_state_maps``), new
    ``x-known-values`` are checked against the maps of the providers this spec serves.
    """
    rows = None if state_maps is None else [row for row in state_maps.values() if row.spec == spec]
    differ = _Differ(old, new, rows)
    old_info, new_info = old.get("info") or {}, new.get("info") or {}
    if old_info.get("version") != new_info.get("version"):
        differ.add("info", "changed", "info.version", f"{old_info.get('version')} -> {new_info.get('version')}", REVIEW)
    differ.operations()
    differ.components()
    return Report(spec, differ.changes)


def summary_lines(reports: Sequence[Report]) -> list[str]:
    """One line per spec: counts and the breaking changes."""
    lines = []
    for report in reports:
        lines.append(
            f"{report.spec}: {len(report.changes)} change(s), {len(report.breaking)} breaking, "
            f"{len(report.by_severity(REVIEW))} to review"
        )
        lines += [f"  BREAKING {change}" for change in report.breaking]
    return lines
