"""``genvideo.SPECS`` names specs (``SpecSnapshot.spec``); ``SpecSnapshot.provider`` is a deprecated alias."""

from __future__ import annotations

import dataclasses

import pytest

import genvideo
from genvideo._specs import SpecSnapshot
from tools.pipeline.config import load_specs


def test_each_snapshot_names_its_spec() -> None:
    assert [s.spec for s in genvideo.SPECS] == [spec.name for spec in load_specs()]
    assert dataclasses.fields(genvideo.SPECS[0])[0].name == "spec"  # still the first positional field


@pytest.mark.parametrize("snapshot", genvideo.SPECS, ids=lambda s: s.spec)
def test_provider_is_a_deprecated_read_only_alias_of_spec(snapshot: SpecSnapshot) -> None:
    with pytest.warns(DeprecationWarning, match=r"SpecSnapshot\.provider is deprecated: use SpecSnapshot\.spec"):
        assert snapshot.provider == snapshot.spec
    # Python 3.11's frozen slotted dataclasses raise TypeError for a name that is not a field (a CPython bug).
    with pytest.raises((AttributeError, TypeError)):
        snapshot.provider = "other"  # type: ignore[misc]
    assert snapshot.spec != "other"
    assert "provider" not in {f.name for f in dataclasses.fields(snapshot)}
    assert "Deprecated alias" in (type(snapshot).provider.__doc__ or "")
