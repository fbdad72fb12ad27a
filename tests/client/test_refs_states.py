"""CreationRef parsing and the state model (no HTTP)."""

from __future__ import annotations

import json
import types
from pathlib import Path

import pytest

import genvideo
from genvideo import CreationRef, CreationState, InvalidCreationRef
from genvideo._providers._registry import registry
from tools.pipeline.states import known_state_values, load_state_maps, unmapped_states

SPECS = Path(__file__).resolve().parents[2] / "specs"
STATE_MAPS = {name: entry.states for name, entry in registry().providers.items()}


def map_state(provider: str, raw_state: object) -> CreationState:
    return registry().providers[provider].map_state(raw_state)


@pytest.mark.parametrize("text", ["vidu:902581991298326528", "haiper:abc-123_x.y~z", "vidu:a" * 1])
def test_ref_round_trips(text: str) -> None:
    ref = CreationRef.parse(text)
    assert str(ref) == text
    assert CreationRef.parse(str(ref)) == ref
    assert CreationRef.parse(ref) is ref


def test_ref_provider_is_case_insensitive_and_fields_are_exposed() -> None:
    ref = CreationRef.parse("Vidu:123")
    assert (ref.provider, ref.id) == ("vidu", "123")
    assert str(ref) == "vidu:123"


@pytest.mark.parametrize(
    "text",
    [
        "vidu:",
        "vidu:.",
        "vidu:..",
        "vidu:...",
        "vidu:a/b",
        "vidu:../admin",
        "vidu:a%2Fb",
        "vidu:a?b",
        "vidu:a#b",
        "vidu:a b",
        "vidu: 123",
        "vidu:123 ",
        "vidu:12\r\nX-Injected: 1",
        "vidu:\x00",
        "vidu:caf\u00e9",
        "vidu:" + "1" * 257,
        "nope:123",
        ":123",
        "123",
        "",
    ],
)
def test_invalid_refs_are_refused(text: str) -> None:
    with pytest.raises(InvalidCreationRef) as info:
        CreationRef.parse(text)
    assert isinstance(info.value, ValueError)
    assert "\r" not in str(info.value)
    assert "\n" not in str(info.value).strip("\n")


def test_constructor_validates_too() -> None:
    with pytest.raises(InvalidCreationRef):
        CreationRef("vidu", "..")
    with pytest.raises(InvalidCreationRef):
        CreationRef("nope", "1")
    with pytest.raises(InvalidCreationRef):
        CreationRef.parse(123)  # type: ignore[arg-type]


@pytest.mark.parametrize("provider", registry().names)
def test_every_state_the_spec_lists_is_mapped(provider: str) -> None:
    state_maps = load_state_maps()  # the pipeline's reading of the registry the SDK reads
    spec = state_maps[provider].spec
    assert spec == registry().providers[provider].spec.name
    prepared = {spec: json.loads((SPECS / spec / "prepared.json").read_text())}
    # The provider's own words: those listed under its state_schemas (others of the spec are other providers').
    known = {value for where, value in known_state_values(prepared[spec]) if state_maps[provider].owns(where)}
    if registry().providers[provider].synchronous:  # its reply is the video: no state word, none mapped
        assert not known
        assert dict(registry().providers[provider].states) == {}
        return
    assert known, "the prepared spec lists no states for this provider"
    unmapped = unmapped_states(prepared, state_maps)
    assert unmapped == [], "\n".join(str(u) for u in unmapped)
    states = registry().providers[provider].states
    for value in known:  # each mapped on purpose (to UNKNOWN only where the registry says so)
        assert value.strip().lower() in states, value
        assert map_state(provider, value) is states[value.strip().lower()]


def test_state_mapping_table() -> None:
    assert map_state("vidu", "created") is CreationState.QUEUED
    assert map_state("vidu", "queueing") is CreationState.QUEUED
    assert map_state("vidu", "processing") is CreationState.PROCESSING
    assert map_state("vidu", "success") is CreationState.SUCCEEDED
    assert map_state("vidu", "failed") is CreationState.FAILED
    assert map_state("haiper", "pending") is CreationState.QUEUED
    assert map_state("haiper", "post_processing") is CreationState.PROCESSING
    assert map_state("haiper", "succeed") is CreationState.SUCCEEDED
    assert map_state("haiper", "success") is CreationState.UNKNOWN  # Haiper says "succeed"
    assert map_state("vidu", "scheduled") is CreationState.UNKNOWN
    assert map_state("vidu", None) is CreationState.UNKNOWN
    assert map_state("vidu", 3) is CreationState.UNKNOWN


def test_terminal_states() -> None:
    assert {s for s in CreationState if s.is_terminal} == {CreationState.SUCCEEDED, CreationState.FAILED}


PUBLIC_NAMES = {
    # Adding a name here is a minor release; removing or renaming one is a major release (README).
    *("APIConnectionError", "APIError", "APIStatusError", "APITimeoutError", "AuthenticationError"),
    *("AsyncClient", "Client", "ClientClosed", "ConfigurationError", "Creation", "CreationFailed"),
    *("CreationRef", "CreationState", "DownloadError", "GenvideoError", "HaiperRaw", "InvalidCreationRef"),
    *("InvalidOption", "MissingCredentials", "NotFoundError", "PROVIDERS", "RateLimitError"),
    *("ResponseValidationError", "SPECS", "ServerError", "UploadError", "VideoOutput", "WaitTimeout"),
}


def test_public_surface_is_deliberate() -> None:
    assert set(genvideo.__all__) == PUBLIC_NAMES
    assert "__version__" in dir(genvideo)
    for name in genvideo.__all__:
        getattr(genvideo, name)  # loads the lazy ones (AsyncClient)
    public = sorted(
        name
        for name, obj in vars(genvideo).items()
        if not name.startswith("_") and not isinstance(obj, types.ModuleType)  # genvideo.testing
    )
    assert sorted(genvideo.__all__) == public
    for name in genvideo.__all__:
        obj = getattr(genvideo, name)
        if isinstance(obj, type) or callable(obj):
            assert obj.__doc__, f"{name} has no docstring"


def test_error_tree() -> None:
    e = genvideo
    assert issubclass(e.InvalidCreationRef, ValueError)
    for cls in (e.AuthenticationError, e.NotFoundError, e.RateLimitError, e.ServerError):
        assert issubclass(cls, e.APIStatusError)
    assert issubclass(e.APITimeoutError, e.APIConnectionError)
    for name in e.__all__:
        obj = getattr(e, name)
        if isinstance(obj, type) and issubclass(obj, Exception):
            assert issubclass(obj, e.GenvideoError)
            assert name in (e._exceptions.__doc__ or "")
