"""``specs/pipeline.toml``: which providers exist and how their documents are prepared."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


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
