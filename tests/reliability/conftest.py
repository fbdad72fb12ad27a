"""The reliability suite's shared fixture: the fault matrix, run once per session.

`tests/reliability/test_fault_matrix.py` checks its outcomes and `tests/reliability/test_secret_hygiene.py`
searches it for leaked keys; both read this one run (`tests/support/faultmatrix.py`: every row, operation
and client, for every registered provider, with marker keys and every log record captured at DEBUG).
"""

from __future__ import annotations

import pytest

from tests.support.faultmatrix import MatrixRun, run_matrix

#: The matrix runs in the setup of the first test that reads it: ~1.5 min for 19 providers on an idle
#: 2-core machine, several when it is busy; that test's timeout must cover it (the others are quick).
MATRIX_TIMEOUT = 900


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "fault_matrix" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.timeout(MATRIX_TIMEOUT))


@pytest.fixture(scope="session")
def fault_matrix(tmp_path_factory: pytest.TempPathFactory) -> MatrixRun:
    return run_matrix(tmp_path_factory.mktemp("fault-matrix"))
