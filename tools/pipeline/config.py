"""``specs/pipeline.toml``: which providers exist and how their documents are prepared."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The handwritten SDK, whose exact pins on the generated clients and whose ``_specs`` module the pipeline writes.
WRAPPER_PYPROJECT = Path("wrapper/pyproject.toml")
SPECS_MODULE = Path("wrapper/src/genvideo/_specs.py")
STATES_MODULE = Path("wrapper/src/genvideo/_states.py")
# Templates that replace openapi-python-client's own (passed as --custom-template-path), and the license
# every distribution ships (copied into each generated project and into wrapper/ by the pipeline).
TEMPLATES_DIR = Path("specs/templates")
LICENSE = Path("LICENSE")
WRAPPER_LICENSE = Path("wrapper/LICENSE")
# genvideo's package readme, written from the repository's README.md (tools/pipeline/package_readme.py).
README = Path("README.md")
WRAPPER_README = Path("wrapper/README.md")


@dataclass(frozen=True)
class Provider:
    """One provider's preparation settings."""

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
        """``specs/<provider>/version.json``: the generated client's version and the digest it was given for."""
        return self.folder / "version.json"

    @property
    def provenance_path(self) -> Path:
        return self.folder / "provenance.json"

    def upstream_entry(self, name: str | None) -> str:
        """The ``upstream`` entry a command-line argument names (``upstream/x.yml`` or ``x.yml``).

        ``None`` is fine only when the provider has a single upstream file.
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


def load_providers(root: Path = REPO) -> list[Provider]:
    """Read every provider from ``root/specs/pipeline.toml``, in file order."""
    data = tomllib.loads((root / "specs" / "pipeline.toml").read_text(encoding="utf-8"))
    return [
        Provider(
            root=root,
            name=name,
            upstream=tuple(p["upstream"]),
            keep_path_prefixes=tuple(p["keep_path_prefixes"]),
            project_name=p["project_name"],
            package_name=p["package_name"],
        )
        for name, p in data["providers"].items()
    ]
