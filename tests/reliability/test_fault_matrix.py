"""The fault matrix: every way a provider or its CDN misbehaves, for get, wait and download, sync and async,
for every registered provider.

The rows, how one case runs and is checked, and the README table are in `tests/support/faultmatrix.py`.
The whole matrix runs once, concurrently (the `fault_matrix` fixture, `tests/reliability/conftest.py`;
the secret-hygiene suite searches the same run); each (provider, row) is one test here, checking the
outcomes of its operations with both clients. Another test checks that the README's "## Fault matrix"
section is generated from the rows (`./dev -s readme` rewrites it).
"""

from __future__ import annotations

import pytest

from genvideo._providers._registry import registry
from genvideo.testing import Sandbox
from genvideo.testing._fakes import fakes
from tests.support.faultmatrix import (
    AIOHTTP_PROVIDERS,
    GENERATE_ROWS,
    MARKS,
    OPS,
    PROVIDERS,
    README,
    ROWS,
    SECTION,
    MatrixRun,
    Row,
    modes_of,
    pairings,
    problems,
    readme_section,
    render_section,
    rows_for,
    subject,
    subjects,
)


@pytest.mark.parametrize(
    ("provider", "row"),
    [pytest.param(provider, row, id=f"{provider}-{row.id}") for provider in PROVIDERS for row in rows_for(provider)],
)
def test_fault_matrix(fault_matrix: MatrixRun, provider: str, row: Row) -> None:
    observations = fault_matrix.of(provider, row)
    downloads = subject(provider).url_outputs  # an inline (base64) output has no URL to fault
    ops = {op for op in OPS if row.outcome(op) is not None and (op != "download" or downloads)}
    assert {o.op for o in observations} == ops
    found: list[str] = []
    for obs in observations:
        expected = obs.row.outcome(obs.op)
        assert expected is not None
        found += problems(obs, expected)
    assert not found, "\n".join(found)


def test_the_matrix_covers_every_provider_and_credential(fault_matrix: MatrixRun) -> None:
    """Every registered provider (the fakes are found from the registry), every row that applies to it,
    with each client, and get and wait with each credential of its spec; across a provider's rows, each
    client with each credential."""
    assert tuple(registry().names) == PROVIDERS
    assert set(fakes()) == set(PROVIDERS)
    assert set(MARKS) == {s.argument for s in registry().credential_sources}
    ran = {(o.provider, o.row.id, o.op, o.mode, o.credential) for o in fault_matrix.observations}
    assert len(ran) == len(fault_matrix.observations)
    for facts in subjects():
        pairs: set[tuple[str, str]] = set()
        for row in rows_for(facts.provider):
            for op in (op for op in OPS if row.outcome(op) is not None and (op != "download" or facts.url_outputs)):
                here = {(mode, cred) for p, r, o, mode, cred in ran if (p, r, o) == (facts.provider, row.id, op)}
                assert {mode for mode, _ in here} == set(modes_of(facts.provider)), (facts.provider, row.id, op)
                credentials = {facts.credential} if op == "download" else set(facts.credentials)
                assert {cred for _, cred in here} == credentials, (facts.provider, row.id, op)
                pairs |= here
        modes = modes_of(facts.provider)
        assert pairs == {(mode, cred) for mode in modes for cred in facts.credentials}, facts.provider


def test_the_aiohttp_backend_runs_every_row_of_each_spec_and_of_a_synchronous_provider() -> None:
    specs = {facts.spec for facts in subjects()}
    chosen = [subject(provider) for provider in AIOHTTP_PROVIDERS]
    assert {facts.spec for facts in chosen if not facts.synchronous} == specs
    assert any(facts.synchronous for facts in chosen)
    assert all(modes_of(facts.provider) == ("sync", "async", "aiohttp") for facts in chosen)


@pytest.mark.parametrize(
    ("credentials", "turn", "expected"),
    [
        (("a",), 0, [("sync", "a"), ("async", "a")]),
        (("a",), 1, [("async", "a"), ("sync", "a")]),
        (("a", "b"), 0, [("sync", "a"), ("async", "b")]),
        (("a", "b"), 1, [("async", "a"), ("sync", "b")]),
        (("a", "b", "c"), 0, [("sync", "a"), ("async", "b"), ("sync", "c")]),
    ],
)
def test_clients_and_credentials_are_paired_in_turn(
    credentials: tuple[str, ...], turn: int, expected: list[tuple[str, str]]
) -> None:
    assert pairings(credentials, turn) == expected


def test_each_providers_facts_come_from_its_fake_and_the_sandbox() -> None:
    """The matrix's poll path is the sandbox's `fault_path` (for a provider whose refs carry no scope), its
    success word reads as succeeded, and its sample scope fits the provider's refs."""
    with Sandbox() as sb:
        for facts in subjects():
            entry = registry().providers[facts.provider]
            assert facts.synchronous or entry.map_state(facts.success).value == "succeeded"
            assert len(facts.scope) == len(entry.scope)
            assert str(facts.ref("x.1")).startswith(f"{facts.provider}:")
            assert facts.synchronous == entry.synchronous
            if not facts.scope and not facts.synchronous:  # (a synchronous provider has no poll)
                path = facts.poll_path(sb, "x.1").partition("?")[0]  # (MiniMax sends the id in the query)
                assert path == sb.fault_path(facts.provider, facts.id("x.1"))
            assert facts.credentials == tuple(s.argument for s in entry.spec.credentials)


def test_every_row_is_unique_and_covers_every_operation() -> None:
    ids = [row.id for row in ROWS]
    assert len(ids) == len(set(ids))
    assert all(row.get is not None and row.wait is not None for row in ROWS)
    assert sum(row.download is not None for row in ROWS) >= 15
    ids = [row.id for row in GENERATE_ROWS]
    assert len(ids) == len(set(ids))
    assert all(row.generate is not None for row in GENERATE_ROWS)
    assert all(row.get is row.wait is row.download is None for row in GENERATE_ROWS)
    assert all(row.generate is None for row in ROWS)


def test_readme_fault_matrix_is_generated_from_rows() -> None:
    section = readme_section(README.read_text(encoding="utf-8"))
    assert section is not None, f"README.md has no {SECTION!r} section: run ./dev -s readme"
    assert section.rstrip("\n") == render_section().rstrip("\n"), (
        "README.md's fault matrix is stale: regenerate it with `./dev -s readme`"
    )
