"""Polls and submits under faults, for every registered provider, against the sandbox.

A retryable answer to a poll is retried; a submit that failed on the way is retried under the same
`Idempotency-Key` and starts one generation where the provider honours the key (its fake says so),
and is not retried where it does not (a second POST would start a second, billed generation). The fault
matrix (`tests/reliability/test_fault_matrix.py`) covers polls and downloads row by row; these are the
submits, which it does not run.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import genvideo
from genvideo import CreationState
from genvideo._providers._registry import registry
from genvideo.testing import Fault, Sandbox
from genvideo.testing._fakes import fakes
from tests.support.clients import make_client
from tests.support.faultmatrix import POLLED, PROVIDERS, subject


@pytest.mark.parametrize("provider", POLLED)
def test_a_retryable_poll_answer_is_retried(sandbox: Sandbox, provider: str) -> None:
    facts = subject(provider)
    with make_client(sandbox) as client:
        for status in (429, 500, 502, 503, 504):
            fault = Fault.status(status, headers={"Retry-After": "0"})
            ref = facts.add_creation(sandbox, f"s{status}", states=[facts.success], faults=[fault])
            assert client.get(ref).state is CreationState.SUCCEEDED
            assert len(facts.poll_requests(sandbox, ref.id)) == 2, status


SUBMIT_FAULTS: dict[str, Callable[[], Fault]] = {
    "503": lambda: Fault.status(503, headers={"Retry-After": "0"}),  # answered instead: nothing created
    "reset": lambda: Fault.reset(),  # the submit was processed, its answer lost: the generation exists
}


@pytest.mark.parametrize("fault", list(SUBMIT_FAULTS))
@pytest.mark.parametrize("provider", PROVIDERS)
def test_a_failed_submit_is_retried_only_under_the_same_key(sandbox: Sandbox, provider: str, fault: str) -> None:
    """Every submit endpoint of the provider's fake fails once; create() then succeeds with one generation
    (retried under the key it sent first, same body) if the provider honours `Idempotency-Key`; otherwise
    it raises after one POST, and at most the generation that POST started exists. A synchronous provider
    (its reply is the video) submits through generate()."""
    fake = fakes()[provider]
    for endpoint in fake.submits:
        sandbox.add_fault(sandbox.submit_path(provider, endpoint.name), SUBMIT_FAULTS[fault]())
    with make_client(sandbox) as client:
        start = client.generate if registry().providers[provider].synchronous else client.create
        if fake.honours_idempotency_key:
            ref = client.create(provider, prompt="a fox", **fake.demo_arguments)
        else:
            with pytest.raises(genvideo.GenvideoError):
                start(provider, prompt="a fox", **fake.demo_arguments)
    submits = [s for s in sandbox.submissions if s.provider == provider]
    created = [s.creation_id for s in submits if s.created]
    if fake.honours_idempotency_key:
        assert len(submits) == 2
        assert len({s.idempotency_key for s in submits}) == 1  # every attempt carried the same key
        assert submits[0].body == submits[1].body  # and the same body, seed included
        assert created == [ref.id]
    else:
        assert len(submits) == 1
        assert len(created) == (1 if fault == "reset" else 0)
