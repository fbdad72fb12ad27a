"""create()'s arguments are declared once (``create_signature``): both clients' ``create`` take exactly
those parameters, for Python and for type checkers; ``generate`` spells the required ones the same way
and passes every one on; the adapters' ``CommonArgs`` names them; the CLI has a flag for each."""

from __future__ import annotations

import asyncio
import inspect
import textwrap
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar, get_args, get_origin

import pytest

import genvideo
from genvideo import _cli
from genvideo._providers import CommonArgs
from genvideo._providers._submit import common_parameters, create_signature

DECLARED = inspect.signature(create_signature)
COMMON = [p.name for p in common_parameters()]


def _shape(parameter: inspect.Parameter) -> tuple[str, object, object, object]:
    return parameter.name, parameter.kind, parameter.default, parameter.annotation


@pytest.mark.parametrize("client", [genvideo.Client, genvideo.AsyncClient])
def test_create_takes_the_declared_parameters(client: type[genvideo.Client] | type[genvideo.AsyncClient]) -> None:
    signature = inspect.signature(client.create)
    self_parameter, *parameters = signature.parameters.values()
    assert self_parameter.name == "self"
    assert [_shape(p) for p in parameters] == [_shape(p) for p in DECLARED.parameters.values()]
    assert signature.return_annotation == "CreationRef"
    assert COMMON[0] == "prompt"
    assert all(p.kind is p.KEYWORD_ONLY for p in common_parameters())


def test_the_declaration_keeps_create_s_public_shape() -> None:
    """The same names, order, defaults and kinds as create() always had (``model``, then ``video``, added last)."""
    shape = [(p.name, p.kind.name, p.default) for p in DECLARED.parameters.values()]
    assert shape == [
        ("provider", "POSITIONAL_OR_KEYWORD", inspect.Parameter.empty),
        ("prompt", "KEYWORD_ONLY", inspect.Parameter.empty),
        ("image", "KEYWORD_ONLY", None),
        ("negative_prompt", "KEYWORD_ONLY", None),
        ("duration", "KEYWORD_ONLY", None),
        ("aspect_ratio", "KEYWORD_ONLY", None),
        ("resolution", "KEYWORD_ONLY", None),
        ("seed", "KEYWORD_ONLY", None),
        ("model", "KEYWORD_ONLY", None),
        ("video", "KEYWORD_ONLY", None),
        ("provider_options", "VAR_KEYWORD", inspect.Parameter.empty),
    ]


@pytest.mark.parametrize("client", [genvideo.Client, genvideo.AsyncClient])
def test_create_names_itself_in_a_wrong_call(client: type) -> None:
    with pytest.raises(TypeError, match=rf"^{client.__name__}\.create\(\) missing a required argument: 'prompt'$"):
        asyncio.run(client(comfy_api_key="k").create("vidu"))  # a sync call raises before asyncio.run


@pytest.mark.parametrize("client", [genvideo.Client, genvideo.AsyncClient])
def test_generate_spells_the_required_arguments_as_declared_and_takes_the_rest(
    client: type[genvideo.Client] | type[genvideo.AsyncClient],
) -> None:
    parameters = inspect.signature(client.generate).parameters
    declared = DECLARED.parameters
    required = {name for name, p in declared.items() if p.default is p.empty and p.kind is not p.VAR_KEYWORD}
    assert required <= parameters.keys()  # so that type checkers insist on them
    for name in (parameters.keys() & declared.keys()) - {"provider_options"}:
        assert _shape(parameters[name]) == _shape(declared[name]), name
    assert any(p.kind is p.VAR_KEYWORD for p in parameters.values())


class _Stop(Exception):
    pass


class _RecordingClient(genvideo.Client):
    def create(self, provider: str, **arguments: Any) -> genvideo.CreationRef:
        self.recorded = (provider, arguments)
        raise _Stop


class _RecordingAsyncClient(genvideo.AsyncClient):
    async def create(self, provider: str, **arguments: Any) -> genvideo.CreationRef:
        self.recorded = (provider, arguments)
        raise _Stop


@pytest.mark.parametrize("client", [_RecordingClient, _RecordingAsyncClient])
def test_generate_passes_every_common_argument_and_option_on_to_create(client: type) -> None:
    given: dict[str, Any] = {name: object() for name in COMMON} | {"mode": "img2video"}
    instance = client(comfy_api_key="k")

    def generate() -> None:
        outcome = instance.generate("vidu", **given)
        if inspect.iscoroutine(outcome):
            asyncio.run(outcome)

    with pytest.raises(_Stop):
        generate()
    assert instance.recorded == ("vidu", given)


def test_the_adapters_read_the_declared_arguments() -> None:
    """CommonArgs has a field per common argument, in order (``image`` arrives normalised, as ``images``)."""
    fields = list(CommonArgs._fields)
    assert fields == ["images" if name == "image" else name for name in COMMON]


# -- the command line -------------------------------------------------------------------------------


class _CliClient:
    calls: ClassVar[list[tuple[str, dict[str, Any]]]] = []

    def __enter__(self) -> _CliClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        pass

    def create(self, provider: str, **arguments: Any) -> genvideo.CreationRef:
        self.calls.append((provider, arguments))
        raise genvideo.InvalidOption("recorded", option="")


def _flag_and_value(parameter: inspect.Parameter) -> tuple[list[str], object]:
    """Command-line words giving ``parameter`` a value, and the value create() should then get."""
    flag = "--" + parameter.name.replace("_", "-")
    kinds = get_args(parameter.annotation) or (parameter.annotation,)
    if any(get_origin(kind) is Sequence for kind in kinds):
        return [flag, "one.png", flag, "https://example.com/two.png"], ["one.png", "https://example.com/two.png"]
    if int in kinds and str not in kinds:
        return [flag, "7"], 7
    return [flag, f"the {parameter.name}"], f"the {parameter.name}"


@pytest.fixture
def cli_calls(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, dict[str, Any]]]:
    calls: list[tuple[str, dict[str, Any]]] = []
    monkeypatch.setattr(_CliClient, "calls", calls)
    monkeypatch.setattr(_cli, "Client", _CliClient)
    return calls


@pytest.mark.parametrize("command", ["create", "generate"])
def test_the_cli_has_a_flag_for_every_common_argument(command: str, cli_calls: list[Any]) -> None:
    words: list[str] = []
    expected: dict[str, object] = {}
    for parameter in common_parameters():
        flag, value = _flag_and_value(parameter)
        words += flag
        expected[parameter.name] = value
    assert _cli.main([command, "vidu", *words, "--option", "mode=extend", "-q"]) == _cli.USAGE
    assert cli_calls == [("vidu", {**expected, "mode": "extend"})]


@pytest.mark.parametrize("command", ["create", "generate"])
def test_the_cli_passes_none_for_the_flags_not_given(command: str, cli_calls: list[Any]) -> None:
    assert _cli.main([command, "haiper", "--prompt", "waves", "-q"]) == _cli.USAGE
    assert cli_calls == [("haiper", {name: "waves" if name == "prompt" else None for name in COMMON})]


@pytest.mark.parametrize("command", ["create", "generate"])
def test_the_cli_requires_the_required_common_arguments(
    command: str, cli_calls: list[Any], capsys: pytest.CaptureFixture[str]
) -> None:
    required = [p for p in common_parameters() if p.default is p.empty]
    assert [p.name for p in required] == ["prompt"]
    for parameter in required:
        words = [w for p in common_parameters() if p is not parameter for w in _flag_and_value(p)[0]]
        with pytest.raises(SystemExit) as exit_info:
            _cli.main([command, "vidu", *words])
        assert exit_info.value.code == _cli.USAGE
        assert "--" + parameter.name.replace("_", "-") in capsys.readouterr().err
    assert cli_calls == []


# -- for type checkers ------------------------------------------------------------------------------

USER_CODE = """
    import genvideo

    def use(client: genvideo.Client) -> genvideo.CreationRef:
        client.create("vidu", prompt="a fox", image=["a.png", b"..."], duration=4, mode="img2video", model="x")
        client.create(provider="haiper", prompt=None, seed=3, settings={"gen_mode": "smooth"})
        client.create("vidu", duration=4)  # type: ignore[call-arg]
        client.create("vidu", prompt="a fox", seed="3")  # type: ignore[arg-type]
        client.create("vidu", "a fox")  # type: ignore[call-arg]
        return client.create("vidu", prompt="a fox")

    async def use_async(client: genvideo.AsyncClient) -> genvideo.CreationRef:
        await client.create("vidu", prompt="a fox", resolution="720p", aspect_ratio="16:9", mode="text2video")
        await client.create("vidu", prompt="a fox", duration="4")  # type: ignore[arg-type]
        return await client.create("haiper", prompt="waves", negative_prompt="cats")
"""


def test_type_checkers_see_the_declared_parameters_and_accept_provider_options(tmp_path: Path) -> None:
    """Under mypy --strict (which reports unneeded ignores), the calls above type-check, and each call
    marked ``type: ignore`` is an error of that kind."""
    api = pytest.importorskip("mypy.api")
    source = tmp_path / "user_code.py"
    source.write_text(textwrap.dedent(USER_CODE), encoding="utf-8")
    out, err, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(source)])
    assert status == 0, out + err
