"""The reliability suite's shared fixture: the fault matrix, run once per session.

`tests/reliability/test_fault_matrix.py` checks its outcomes and `tests/reliability/test_secret_hygiene.py`
searches it for leaked keys; both read this one run (`tests/support/faultmatrix.py`: every row, operation
and client, for every registered provider, with marker keys and every log record captured at DEBUG).
"""

from __future__ import annotations

import pytest

from tests.support.faultmatrix import MatrixRun, run_matrix


@pytest.fixture(scope="session")
def fault_matrix(tmp_path_factory: pytest.TempPathFactory) -> MatrixRun:
    return run_matrix(tmp_path_factory.mktemp("fault-matrix"))
