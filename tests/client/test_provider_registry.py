"""The SDK reads the provider registry (issue 13): ref grammar with a scope, credentials, base URLs, the
Client constructor, the adapters, and what `import genvideo` does not load. Scoped providers do not
exist yet: a throwaway registry (the real rows plus test rows) stands in for one."""

from __future__ import annotations

import inspect
import os
import pickle
import subprocess
import sys
import tomllib
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

import pytest

import genvideo
from genvideo import CreationRef, InvalidCreationRef
from genvideo._credentials import Credentials
from genvideo._demo import demo_states
from genvideo._providers import _registry
from genvideo._providers._adapter import Adapter
from genvideo._providers._registry import Registry, parse_registry, registry
from genvideo._refs import _parse
from genvideo.testing import Sandbox
from tests.support.faultmatrix import subject

# A provider whose lookups need the task kind, one that needs two things, and a spec of its own with
# two credentials (as comfy has).
TEST_ROWS: dict[str, dict[str, Any]] = {
    "specs": {
        "acme": {
            "title": "Acme",
            "base_url_argument": "acme_base_url",
            "base_url_env": "GENVIDEO_ACME_BASE_URL",
            "default_base_url": "https://api.acme.test",
            "credentials": [
                {"argument": "acme_api_key", "env": "ACME_API_KEY", "header": "X-Acme-Key", "what": "Acme key"},
                {
                    "argument": "acme_token",
                    "env": "ACME_TOKEN",
                    "header": "Authorization",
                    "scheme": "Token",
                    "what": "Acme token",
                },
            ],
        }
    },
    "providers": {
        "kling": {"spec": "comfy", "adapter": "_vidu", "scope": ["task kind"], "states": {"succeed": "succeeded"}},
        "veo": {"spec": "comfy", "adapter": "_vidu", "scope": ["model", "region"], "states": {}},
        "acme": {"spec": "acme", "adapter": "_vidu", "scope": [], "states": {}},
    },
}

HOSTILE_PARTS = [
    "",
    ".",
    "..",
    "...",
    "a/b",
    "a%2Fb",
    "a?b",
    "a#b",
    "a b",
    " x",
    "x\r\nX-Injected: 1",
    "\x00",
    "caf\u00e9",
    "1" * 257,
]


def real_document() -> dict[str, Any]:
    text = resources.files("genvideo._providers").joinpath("providers.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def registry_with_test_rows() -> Registry:
    document = real_document()
    for section, rows in TEST_ROWS.items():
        document[section] = {**document[section], **rows}
    return parse_registry(document)


@pytest.fixture
def scoped(monkeypatch: pytest.MonkeyPatch) -> Iterator[Registry]:
    """The registry with the test rows, for the code that looks it up on use (refs, credentials)."""
    fake = registry_with_test_rows()
    _parse.cache_clear()  # parsed refs depend on the registry
    monkeypatch.setattr(_registry, "registry", lambda: fake)
    yield fake
    _parse.cache_clear()


# -- the ref grammar -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["vidu:902581991298326528", "haiper:abc-123_x.y~z"])
def test_a_ref_without_scope_is_provider_colon_id(text: str) -> None:
    ref = CreationRef.parse(text)
    assert ref.scope == ()
    assert str(ref) == text
    provider, creation_id = text.split(":")
    assert ref == CreationRef(provider, creation_id)


@pytest.mark.usefixtures("scoped")
@pytest.mark.parametrize(
    ("text", "provider", "scope", "creation_id"),
    [
        ("kling:text2video:123", "kling", ("text2video",), "123"),
        ("kling:image2video:a-b_c.d~e", "kling", ("image2video",), "a-b_c.d~e"),
        ("veo:veo-3.0-generate:us~1:op-123", "veo", ("veo-3.0-generate", "us~1"), "op-123"),
        ("vidu:902581991298326528", "vidu", (), "902581991298326528"),
    ],
)
def test_a_scoped_ref_round_trips(text: str, provider: str, scope: tuple[str, ...], creation_id: str) -> None:
    ref = CreationRef.parse(text)
    assert (ref.provider, ref.scope, ref.id) == (provider, scope, creation_id)
    assert str(ref) == text
    assert CreationRef.parse(str(ref)) == ref
    assert CreationRef(provider, creation_id, scope) == ref
    assert pickle.loads(pickle.dumps(ref)) == ref  # noqa: S301 - our own bytes


@pytest.mark.usefixtures("scoped")
def test_the_provider_is_case_insensitive_and_the_scope_is_not() -> None:
    ref = CreationRef.parse("KLING:Text2Video:123")
    assert (ref.provider, ref.scope, ref.id) == ("kling", ("Text2Video",), "123")
    assert str(ref) == "kling:Text2Video:123"


@pytest.mark.usefixtures("scoped")
def test_equality_and_hash_include_the_scope() -> None:
    text, image = CreationRef("kling", "1", ("text2video",)), CreationRef("kling", "1", ("image2video",))
    assert text != image
    assert len({text, image, CreationRef("kling", "1", ("text2video",))}) == 2
    listed = CreationRef("kling", "1", ["text2video"])  # type: ignore[arg-type]
    assert listed.scope == ("text2video",)
    assert listed == text
    assert hash(listed) == hash(text)


@pytest.mark.usefixtures("scoped")
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kling:123", "kling:<task kind>:<id>"),
        ("kling:a:b:123", "kling:<task kind>:<id>"),
        ("veo:m:123", "veo:<model>:<region>:<id>"),
        ("veo:m:r:x:123", "veo:<model>:<region>:<id>"),
        ("vidu:a:123", "vidu:<id>"),
        ("acme:x:1", "acme:<id>"),
    ],
)
def test_a_wrong_number_of_parts_names_the_expected_form(text: str, expected: str) -> None:
    with pytest.raises(InvalidCreationRef) as info:
        CreationRef.parse(text)
    assert f"'{expected}'" in str(info.value)


@pytest.mark.usefixtures("scoped")
@pytest.mark.parametrize(
    ("provider", "scope", "expected"),
    [
        ("kling", (), "kling:<task kind>:<id>"),
        ("kling", ("a", "b"), "kling:<task kind>:<id>"),
        ("vidu", ("a",), "vidu:<id>"),
    ],
)
def test_the_constructor_checks_the_number_of_parts_too(provider: str, scope: tuple[str, ...], expected: str) -> None:
    with pytest.raises(InvalidCreationRef, match=expected):
        CreationRef(provider, "123", scope)


@pytest.mark.usefixtures("scoped")
@pytest.mark.parametrize("part", HOSTILE_PARTS, ids=repr)
def test_every_scope_part_keeps_the_id_rule(part: str) -> None:
    attempts: tuple[Callable[[], object], ...] = (
        lambda: CreationRef.parse(f"kling:{part}:123"),
        lambda: CreationRef("kling", "123", (part,)),
        lambda: CreationRef("veo", "123", ("model", part)),
    )
    for attempt in attempts:
        with pytest.raises(InvalidCreationRef) as info:
            attempt()
        message = str(info.value)
        assert "\r" not in message
        assert "\n" not in message
    with pytest.raises(InvalidCreationRef, match="task kind"):
        CreationRef("kling", "123", (part,))


@pytest.mark.usefixtures("scoped")
@pytest.mark.parametrize("part", [p for p in HOSTILE_PARTS if ":" not in p], ids=repr)
def test_the_id_of_a_scoped_ref_keeps_its_rule(part: str) -> None:
    with pytest.raises(InvalidCreationRef):
        CreationRef.parse(f"kling:text2video:{part}")
    with pytest.raises(InvalidCreationRef, match="creation id"):
        CreationRef("kling", part, ("text2video",))


@pytest.mark.usefixtures("scoped")
@pytest.mark.parametrize("scope", ["text2video", (1,), (None,), None, {"task kind": "t2v"}], ids=repr)
def test_a_scope_is_a_tuple_of_strings(scope: object) -> None:
    with pytest.raises(InvalidCreationRef):
        CreationRef("kling", "123", scope)  # type: ignore[arg-type]


def test_parsing_is_cached() -> None:
    assert CreationRef.parse("vidu:cached-1") is CreationRef.parse("vidu:cached-1")


def test_providers_come_from_the_registry() -> None:
    names = tuple(real_document()["providers"])
    assert names[:2] == ("vidu", "haiper")
    assert genvideo.PROVIDERS == registry().names == names
    with pytest.raises(InvalidCreationRef, match=f"expected one of {', '.join(names)}$"):
        CreationRef.parse("acme:text2video:1")  # not in the real registry


# -- credentials and base URLs -----------------------------------------------------------------------------


def test_missing_credentials_are_described_from_the_registry() -> None:
    empty = Credentials.resolve()
    with pytest.raises(genvideo.MissingCredentials) as comfy:
        empty.headers_for("vidu")
    assert str(comfy.value) == (
        "no Comfy credentials for vidu: pass comfy_api_key= or set COMFY_API_KEY "
        "(or comfy_auth_token= / COMFY_AUTH_TOKEN)"
    )
    with pytest.raises(genvideo.MissingCredentials) as haiper:
        empty.headers_for("haiper")
    assert str(haiper.value) == "no Haiper credentials: pass haiper_api_key= or set HAIPER_API_KEY"


@pytest.mark.usefixtures("scoped")
def test_a_new_spec_brings_its_own_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ACME_API_KEY", "ACME_TOKEN"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(genvideo.MissingCredentials) as info:
        Credentials.resolve().headers_for("acme")
    assert (
        str(info.value) == "no Acme credentials: pass acme_api_key= or set ACME_API_KEY (or acme_token= / ACME_TOKEN)"
    )

    monkeypatch.setenv("ACME_TOKEN", "tok-from-env")
    credentials = Credentials.resolve(comfy_api_key="comfy-key")
    assert credentials.headers_for("acme") == {"Authorization": "Token tok-from-env"}
    assert credentials.headers_for("kling") == {"X-API-Key": "comfy-key"}  # behind comfy: comfy's key
    assert repr(credentials) == "Credentials(held=['comfy_api_key', 'acme_token'])"

    preferred = Credentials.resolve(acme_api_key="acme-key")  # the first source listed wins
    assert preferred.headers_for("acme") == {"X-Acme-Key": "acme-key"}
    assert preferred.values() == ("acme-key", "tok-from-env")
    with pytest.raises(TypeError, match="nope_key"):
        Credentials.resolve(nope_key="x")


def test_repr_of_a_client_is_unchanged() -> None:
    for cls in (genvideo.Client, genvideo.AsyncClient):
        client = cls(comfy_api_key="k", comfy_base_url="https://a.example.test/", haiper_base_url="http://localhost:1")
        assert repr(client) == (
            f"{cls.__name__}(comfy_base_url='https://a.example.test', haiper_base_url='http://localhost:1', "
            "Credentials(held=['comfy_api_key']))"
        )
    with genvideo.Client() as client:
        assert repr(client) == (
            "Client(comfy_base_url='https://api.comfy.org', haiper_base_url='https://api.haiper.ai', "
            "Credentials(held=[]))"
        )


def test_base_urls_come_from_each_spec_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENVIDEO_COMFY_BASE_URL", "https://comfy.example.test")
    monkeypatch.setenv("GENVIDEO_HAIPER_BASE_URL", "https://haiper.example.test")
    with genvideo.Client(haiper_base_url="https://explicit.example.test") as client:
        assert repr(client).startswith(
            "Client(comfy_base_url='https://comfy.example.test', haiper_base_url='https://explicit.example.test', "
        )
    with pytest.raises(genvideo.ConfigurationError, match=r"haiper_base_url= \(or GENVIDEO_HAIPER_BASE_URL\)"):
        genvideo.Client(haiper_base_url="http://example.test")


@pytest.mark.parametrize("cls", [genvideo.Client, genvideo.AsyncClient], ids=lambda c: c.__name__)
def test_the_constructor_takes_the_registry_arguments_and_the_rest(cls: type) -> None:
    """A spec added to the registry cannot be forgotten in the public constructors (nor in their docs)."""
    reg = registry()
    parameters = list(inspect.signature(cls).parameters.values())
    expected = [
        *(source.argument for source in reg.credential_sources),
        *reg.base_url_arguments,
        "timeout",
        "max_retries",
        "transport",
        "typical_durations",
        "http_backend",
    ]
    assert [p.name for p in parameters] == expected
    assert expected[:5] == ["comfy_api_key", "comfy_auth_token", "haiper_api_key", "comfy_base_url", "haiper_base_url"]
    assert all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in parameters)
    assert all(parameters[i].default is None for i in range(len(expected) - 5))  # the registry's arguments
    assert parameters[-2].default is None  # typical_durations: the registry's
    assert parameters[-1].default is None  # http_backend: GENVIDEO_HTTP_BACKEND's (AsyncClient), else httpx
    for name in expected:
        assert f"``{name}``" in (cls.__doc__ or ""), name


# -- adapters and what `import genvideo` loads ----------------------------------------------------------


@pytest.mark.parametrize("provider", registry().names)
def test_every_adapter_implements_the_interface(provider: str) -> None:
    adapter = registry().providers[provider].adapter()
    for name in ("get_flow", "submit_flow"):
        expected = list(inspect.signature(getattr(Adapter, name)).parameters)[1:]  # without self
        assert list(inspect.signature(getattr(adapter, name)).parameters) == expected, (provider, name)


def test_import_genvideo_reads_no_registry_and_imports_no_adapter() -> None:
    probe = (
        "import sys, genvideo\n"
        "heavy = ['genvideo._providers._vidu', 'genvideo._providers._haiper', 'genvideo._providers._registry',\n"
        "         'genvideo_comfy_client', 'genvideo_haiper_client']\n"
        "print([m for m in heavy if m in sys.modules])\n"
        "genvideo.PROVIDERS, genvideo.HaiperRaw\n"
        "print([m for m in heavy[1:3] if m not in sys.modules])\n"  # the probe sees them once loaded
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.split("\n")[:2] == ["[]", "[]"], done.stdout + done.stderr


def test_the_pipeline_reads_the_same_state_maps_as_the_sdk() -> None:
    from tools.pipeline.states import load_state_maps

    assert {name: dict(row.states) for name, row in load_state_maps().items()} == {
        name: {word: state.value for word, state in entry.states.items()}
        for name, entry in registry().providers.items()
    }


def test_the_demo_lifecycle_is_each_provider_own_words() -> None:
    providers = registry().providers
    assert demo_states(providers["vidu"]) == ["created", "queueing", *["processing"] * 3, "success"]
    assert demo_states(providers["haiper"]) == [
        *("pending", "processing", "processing", "post_processing", "post_processing", "succeed")
    ]


# -- the registry's own checks -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["providers"].update(Kling={**d["providers"]["vidu"]}), "provider name"),
        (lambda d: d["providers"].update({"a:b": {**d["providers"]["vidu"]}}), "provider name"),
        (lambda d: d["providers"]["vidu"].update(spec="nope"), "unknown spec"),
        (lambda d: d["providers"]["vidu"].update(scope=[""]), "scope"),
        (lambda d: d["providers"]["vidu"]["states"].update(Done="succeeded"), "lower case"),
        (lambda d: d["specs"]["haiper"].update(credentials=[]), "no credentials"),
        (lambda d: d["specs"]["haiper"].update(base_url_argument="comfy_base_url"), "comfy_base_url"),
        (
            lambda d: d["specs"]["haiper"]["credentials"][0].update(argument="comfy_api_key"),
            "comfy_api_key",
        ),
    ],
)
def test_an_inconsistent_registry_is_refused(change: Any, message: str) -> None:
    document = real_document()
    parse_registry(document)  # the real one is consistent
    change(document)
    with pytest.raises(ValueError, match=message):
        parse_registry(document)


@pytest.mark.parametrize("provider", [n for n, e in registry().providers.items() if not e.synchronous])
def test_a_first_lookup_imports_only_the_models_it_needs(sandbox: Sandbox, provider: str) -> None:
    """The generated ``models`` packages import each model on first use (specs/templates/models_init.py.jinja):
    a client's first ``get`` loads at most its reply's models, not the whole spec's (~170 for Comfy); none at
    all when its path comes from ``_id_paths.json`` (tests/pipeline/test_id_paths.py)."""
    ref = subject(provider).add_creation(sandbox, "first")
    env = {**os.environ, **sandbox.env()}
    probe = (
        "import sys, genvideo\n"
        f"genvideo.Client(typical_durations=dict.fromkeys(genvideo.PROVIDERS)).get({str(ref)!r})\n"
        "print(sum(m.startswith(('genvideo_comfy_client.models.', 'genvideo_haiper_client.models.'))"
        " for m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) <= 25, done.stdout
