"""The CLI's --timeout and --poll-interval defaults (and their help) are the library's, from _constants."""

from __future__ import annotations

import pytest

from genvideo import _cli
from genvideo import _constants as C


@pytest.mark.parametrize("command", [["wait", "vidu:t1"], ["generate", "vidu", "--prompt", "a fox"]])
def test_wait_flags_default_to_the_library_s_defaults(
    command: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(C, "DEFAULT_WAIT_TIMEOUT", 123.0)
    monkeypatch.setattr(C, "DEFAULT_POLL_INTERVAL", 0.25)
    args = _cli._parser().parse_args(command)
    assert (args.timeout, args.poll_interval) == (123.0, 0.25)
    with pytest.raises(SystemExit):
        _cli._parser().parse_args([command[0], "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "seconds to wait at most (default 123)" in help_text
    assert "seconds between polls (default 0.25)" in help_text
