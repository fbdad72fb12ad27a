"""The fault matrix: every way a provider or its CDN misbehaves, for get, wait and download, sync and async.

The rows, how one case runs and is checked, and the README table are in `tests/support/faultmatrix.py`
(the secret-hygiene suite runs the same matrix with marker keys). Each row is one test here, running
its three operations with both clients concurrently against one local sandbox; another test checks
that the README's "## Fault matrix" section is generated from the rows (`./dev -s readme` rewrites it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from genvideo.testing import Sandbox
from tests.support.faultmatrix import (
    MODES,
    OPS,
    README,
    ROWS,
    SECTION,
    Op,
    Row,
    marker_sandbox,
    problems,
    readme_section,
    render_section,
    run_case,
    run_concurrently,
)


def _groups() -> Iterator[Any]:
    """One test per row, running the operations the row applies to."""
    for row in ROWS:
        yield pytest.param(row, tuple(op for op in OPS if row.outcome(op) is not None), id=row.id)


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    with marker_sandbox() as sandbox:
        yield sandbox


@pytest.mark.parametrize(("row", "ops"), list(_groups()))
def test_fault_matrix(sandbox: Sandbox, row: Row, ops: tuple[Op, ...], tmp_path: Path) -> None:
    jobs = [
        (lambda op=op, mode=mode: run_case(sandbox, row, op, mode, tmp_path / f"{op}-{mode}"))
        for op in ops
        for mode in MODES
    ]
    found: list[str] = []
    for obs in run_concurrently(jobs):
        expected = obs.row.outcome(obs.op)
        assert expected is not None
        found += problems(obs, expected)
    assert not found, "\n".join(found)


def test_every_row_is_unique_and_covers_every_operation() -> None:
    ids = [row.id for row in ROWS]
    assert len(ids) == len(set(ids))
    assert all(row.get is not None and row.wait is not None for row in ROWS)
    assert sum(row.download is not None for row in ROWS) >= 15


def test_readme_fault_matrix_is_generated_from_rows() -> None:
    section = readme_section(README.read_text(encoding="utf-8"))
    assert section is not None, f"README.md has no {SECTION!r} section: run ./dev -s readme"
    assert section.rstrip("\n") == render_section().rstrip("\n"), (
        "README.md's fault matrix is stale: regenerate it with `./dev -s readme`"
    )
