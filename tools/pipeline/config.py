"""``specs/pipeline.toml``: which specs exist and how their documents are prepared.

A *spec* is one API document we generate a client from (``comfy``, ``haiper``); a *provider* is
what a ref names (``vidu``, ``haiper``), and several providers may share one spec. Providers are
listed in the SDK's registry, ``wrapper/src/genvideo/_providers/providers.toml``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The handwritten SDK, whose exact pins on the generated clients and whose ``_specs`` module the pipeline writes.
WRAPPER_PYPROJECT = Path("wrapper/pyproject.toml")
SPECS_MODULE = Path("wrapper/src/genvideo/_specs.py")
# The provider registry (plain TOML, read by the SDK too): each provider's spec and state words.
PROVIDER_REGISTRY = Path("wrapper/src/genvideo/_providers/providers.toml")
# Templates that replace openapi-python-client's own (passed as --custom-template-path), and the license
# every distribution ships (copied into each generated project and into wrapper/ by the pipeline).
TEMPLATES_DIR = Path("specs/templates")
LICENSE = Path("LICENSE")
WRAPPER_LICENSE = Path("wrapper/LICENSE")
# genvideo's package readme, written from the repository's README.md (tools/pipeline/package_readme.py).
README = Path("README.md")
WRAPPER_README = Path("wrapper/README.md")


@dataclass(frozen=True)
class Spec:
    """One spec's preparation settings (a ``[specs.<name>]`` table of ``specs/pipeline.toml``)."""

    root: Path
    name: str
    upstream: tuple[str, ...]
    keep_path_prefixes: tuple[str, ...]
    project_name: str
    package_name: str

    @property
    def folder(self) -> Path:
        return self.root / "specs" / self.name

    @property
    def patches_dir(self) -> Path:
        return self.folder / "patches"

    @property
    def prepared_path(self) -> Path:
        return self.folder / "prepared.json"

    @property
    def generator_config(self) -> Path:
        return self.folder / "generator.yaml"

    @property
    def output_dir(self) -> Path:
        return self.root / "generated" / self.project_name

    @property
    def version_path(self) -> Path:
        """``specs/<spec>/version.json``: the generated client's version and the digest it was given for."""
        return self.folder / "version.json"

    @property
    def provenance_path(self) -> Path:
        return self.folder / "provenance.json"

    def upstream_entry(self, name: str | None) -> str:
        """The ``upstream`` entry a command-line argument names (``upstream/x.yml`` or ``x.yml``).

        ``None`` is fine only when the spec has a single upstream file.
        """
        if name is None:
            if len(self.upstream) == 1:
                return self.upstream[0]
            raise ValueError(
                f"{self.name} has several upstream files; name the one to replace: {', '.join(self.upstream)}"
            )
        for entry in self.upstream:
            if name in (entry, entry.rsplit("/", 1)[-1]):
                return entry
        raise ValueError(f"{self.name} has no upstream file {name!r}; it has: {', '.join(self.upstream)}")


def load_specs(root: Path = REPO) -> list[Spec]:
    """Read every spec from ``root/specs/pipeline.toml``, in file order."""
    data = tomllib.loads((root / "specs" / "pipeline.toml").read_text(encoding="utf-8"))
    return [
        Spec(
            root=root,
            name=name,
            upstream=tuple(table["upstream"]),
            keep_path_prefixes=tuple(table["keep_path_prefixes"]),
            project_name=table["project_name"],
            package_name=table["package_name"],
        )
        for name, table in data["specs"].items()
    ]


# Deprecated names from before specs and providers were told apart; only for branches written against
# them (tools/pipeline is no public API): delete once nothing imports them.
Provider = Spec
load_providers = load_specs
