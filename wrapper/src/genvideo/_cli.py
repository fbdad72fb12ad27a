"""The ``genvideo`` command line. Exit codes are part of its contract (see EXIT_CODES)."""

from __future__ import annotations

import argparse
import inspect
import json
import logging
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, get_args, get_origin

from . import __version__
from . import _constants as C
from ._client import Client
from ._download import discard_file
from ._exceptions import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    ConfigurationError,
    CreationFailed,
    DownloadError,
    GenvideoError,
    InvalidCreationRef,
    InvalidOption,
    MissingCredentials,
    WaitTimeout,
)
from ._logging import stderr_logging
from ._progress import ProgressReporter
from ._providers._registry import registry
from ._providers._submit import common_parameters
from ._specs import SPECS

OK = 0
USAGE = 2
CREATION_FAILED = 3
TIMEOUT = 4
AUTH = 5
NETWORK = 6
API = 7
DOWNLOAD = 8
INTERRUPTED = 130

EXIT_CODES: dict[int, str] = {
    OK: "success",
    1: "unexpected internal error (a bug: please report it)",
    USAGE: "usage error: bad arguments, an invalid creation ref or option",
    CREATION_FAILED: "the creation failed, or succeeded without output",
    TIMEOUT: "waiting timed out",
    AUTH: "missing or rejected credentials",
    NETWORK: "network error: connection refused, reset or timed out",
    API: "the provider answered with an error or an invalid body",
    DOWNLOAD: "the download failed (nothing was left at the destination)",
    INTERRUPTED: "interrupted (Ctrl-C)",
}

# Most specific first.
_ERROR_EXITS: tuple[tuple[type[GenvideoError], int], ...] = (
    (InvalidCreationRef, USAGE),
    (InvalidOption, USAGE),
    (ConfigurationError, USAGE),
    (MissingCredentials, AUTH),
    (AuthenticationError, AUTH),
    (CreationFailed, CREATION_FAILED),
    (WaitTimeout, TIMEOUT),
    (DownloadError, DOWNLOAD),
    (APIConnectionError, NETWORK),
    (APIError, API),
)


def exit_code_for(error: GenvideoError) -> int:
    """The documented exit code for an error."""
    return next((code for cls, code in _ERROR_EXITS if isinstance(error, cls)), 1)


def _print_json(data: object) -> None:
    """JSON on stdout: readable non-ASCII text where stdout can encode it, ``\\u`` escapes otherwise
    (a lone surrogate from a provider, or a terminal that is not UTF-8, must not crash the output)."""
    text = json.dumps(data, indent=2, ensure_ascii=False)
    try:
        text.encode(getattr(sys.stdout, "encoding", None) or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = json.dumps(data, indent=2, ensure_ascii=True)
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def _cmd_get(args: argparse.Namespace, client: Client, reporter: ProgressReporter) -> int:
    _print_json(client.get(args.ref).to_dict())
    return OK


def _cmd_wait(args: argparse.Namespace, client: Client, reporter: ProgressReporter) -> int:
    try:
        creation = client.wait(
            args.ref, timeout=args.timeout, poll_interval=args.poll_interval, on_progress=reporter.creation
        )
    except (CreationFailed, WaitTimeout) as exc:
        reporter.done()
        if exc.creation is not None:
            _print_json(exc.creation.to_dict())
        raise
    reporter.done()
    result: dict[str, Any] = creation.to_dict()
    if args.download:
        path = client.download(creation, args.download, on_progress=reporter.download)
        reporter.done(f"saved {path}")
        result["downloaded"] = str(path)
    _print_json(result)
    return OK


def _option_value(text: str) -> object:
    try:
        return json.loads(text)
    except ValueError:
        return text


def _create_args(args: argparse.Namespace) -> dict[str, Any]:
    options: dict[str, Any] = {}
    for item in args.option:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise InvalidOption(f"--option {item!r}: expected NAME=VALUE", option=item)
        options[name] = _option_value(value)
    common = {p.name: getattr(args, p.name) for p in common_parameters()}
    # A repeatable flag never given is an empty list: the argument was not given.
    common = {name: None if value == [] else value for name, value in common.items()}
    return {**common, **options}


def _cmd_create(args: argparse.Namespace, client: Client, reporter: ProgressReporter) -> int:
    ref = client.create(args.provider, **_create_args(args))
    _print_json({"ref": str(ref), "provider": ref.provider, "id": ref.id})
    return OK


def _cmd_generate(args: argparse.Namespace, client: Client, reporter: ProgressReporter) -> int:
    if registry().providers[args.provider].synchronous:
        return _generate_synchronous(args, client, reporter)
    ref = client.create(args.provider, **_create_args(args))
    reporter.done(f"created {ref}")
    args.ref = ref
    return _cmd_wait(args, client, reporter)


def _generate_synchronous(args: argparse.Namespace, client: Client, reporter: ProgressReporter) -> int:
    """``generate`` of a provider whose reply is the video (no ref to wait for): one request, then the
    download moves the video into place (the temporary file goes if that fails)."""
    creation = client.generate(
        args.provider, timeout=args.timeout, poll_interval=args.poll_interval, **_create_args(args)
    )
    reporter.done(f"generated {creation.ref}")
    result: dict[str, Any] = creation.to_dict()
    if args.download:
        with discard_file(creation):
            path = client.download(creation, args.download, on_progress=reporter.download)
        reporter.done(f"saved {path}")
        result["downloaded"] = str(path)
    _print_json(result)
    return OK


def _cmd_download(args: argparse.Namespace, client: Client, reporter: ProgressReporter) -> int:
    creation = client.get(args.ref)
    path = client.download(creation, args.path, on_progress=reporter.download)
    reporter.done(f"saved {path}")
    _print_json({**creation.to_dict(), "downloaded": str(path)})
    return OK


def _cmd_sandbox(args: argparse.Namespace, reporter: ProgressReporter) -> int:
    from ._demo import add_demo_creations, script_demo_submits
    from .testing import Sandbox

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with Sandbox(port=args.port) as sandbox:
        refs = add_demo_creations(sandbox, step=args.step)
        script_demo_submits(sandbox, step=args.step)
        for name, value in sandbox.env().items():
            sys.stdout.write(f"export {name}={value}\n")
        sys.stdout.flush()
        reporter.done(f"sandbox serving on {sandbox.base_url}; demo creations: {', '.join(refs)}")
        reporter.done("(fake keys above are the sandbox's own; press Ctrl-C to stop)")
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            pass
    return OK


def _cmd_demo(args: argparse.Namespace, reporter: ProgressReporter) -> int:
    from ._demo import run_demo

    _print_json(run_demo(Path(args.out), reporter, step=args.step))
    return OK


def _step(text: str) -> float:
    """A sandbox step: seconds above 0, at most an hour (NaN, inf and the rest are refused)."""
    try:
        seconds = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < seconds <= 3600:  # also refuses NaN
        raise argparse.ArgumentTypeError(f"{text!r}: seconds above 0 and at most 3600")
    return seconds


#: Help for some of create()'s common arguments (every one of them becomes a flag: see _add_common_flags).
_FLAG_HELP = {
    "image": "a URL or an image file (repeatable)",
    "video": "a URL or a video file (for providers that transform or follow a video)",
    "duration": "seconds",
    "aspect_ratio": "e.g. 16:9",
    "resolution": "e.g. 720p",
}


def _add_common_flags(parser: argparse.ArgumentParser) -> None:
    """A flag for each common argument of ``create()`` (``create_signature``): required if it has no
    default, repeatable if it takes a sequence, an int if it takes an int but no str, else a string."""
    for parameter in common_parameters():
        kinds = get_args(parameter.annotation) or (parameter.annotation,)
        settings: dict[str, Any] = {}
        if parameter.default is inspect.Parameter.empty:
            settings["required"] = True
        if any(get_origin(kind) is Sequence for kind in kinds):
            settings.update(action="append", default=[])
        elif int in kinds and str not in kinds:
            settings["type"] = int
        if parameter.name in _FLAG_HELP:
            settings["help"] = _FLAG_HELP[parameter.name]
        parser.add_argument("--" + parameter.name.replace("_", "-"), **settings)


def _add_wait_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--timeout",
        type=float,
        default=C.DEFAULT_WAIT_TIMEOUT,
        help=f"seconds to wait at most (default {C.DEFAULT_WAIT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--poll-interval",
        type=float,
        default=C.DEFAULT_POLL_INTERVAL,
        help=f"seconds between polls (default {C.DEFAULT_POLL_INTERVAL:g})",
    )


def _output_options() -> argparse.ArgumentParser:
    """-q and -v, accepted before the command and after it (``genvideo -v wait ...``, ``wait ... -v``).

    Their default is SUPPRESS: a subcommand that was not given the flag must not reset it to False
    over the value the top level parsed.
    """
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        default=argparse.SUPPRESS,
        help="no progress or status lines on stderr (errors are still printed)",
    )
    options.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS,
        help="debug log of genvideo and httpx on stderr (credentials and signed URL queries masked)",
    )
    return options


def _parser() -> argparse.ArgumentParser:
    codes = "\n".join(f"  {code:>3}  {meaning}" for code, meaning in EXIT_CODES.items())
    common = _output_options()
    specs = registry().specs.values()
    keys = " / ".join(source.env for spec in specs for source in spec.credentials)
    hosts = " / ".join(spec.base_url_env for spec in specs)
    parser = argparse.ArgumentParser(
        prog="genvideo",
        parents=[common],
        description="Start, look up, wait for and download video creations "
        f"({', '.join(registry().names)}). Refs look like <provider>:<id>, e.g. vidu:<id>. Credentials come "
        f"from {keys}; {hosts} override the hosts; GENVIDEO_LOG=debug (or info) logs to stderr like -v.",
        epilog=f"exit codes:\n{codes}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="store_true", help="print the version and the spec snapshots, then exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("get", help="print a creation's current state as JSON", parents=[common])
    p.add_argument("ref")
    p = sub.add_parser("wait", help="wait for a creation (progress on stderr), then print it as JSON", parents=[common])
    p.add_argument("ref")
    _add_wait_flags(p)
    p.add_argument("--download", metavar="PATH", help="then download its video to PATH (a file or a folder)")
    for name, text in (
        ("create", "start a generation; print its ref as JSON"),
        ("generate", "start a generation, wait for it (progress on stderr), print it as JSON"),
    ):
        p = sub.add_parser(name, help=text, parents=[common])
        p.add_argument("provider", choices=registry().names)
        _add_common_flags(p)
        p.add_argument(
            "--option",
            action="append",
            default=[],
            metavar="NAME=VALUE",
            help="a provider option (VALUE is JSON, or a plain string), e.g. --option model=viduq2-turbo",
        )
        if name == "generate":
            _add_wait_flags(p)
            p.add_argument("--download", metavar="PATH", help="then download its video to PATH")
    p = sub.add_parser("download", help="download a finished creation's video", parents=[common])
    p.add_argument("ref")
    p.add_argument("path", help="a file path or an existing folder")
    p = sub.add_parser(
        "sandbox", help="serve the local sandbox with demo creations until interrupted", parents=[common]
    )
    p.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    p.add_argument("--step", type=_step, default=5.0, help="seconds per state of the demo creations (default 5)")
    p = sub.add_parser(
        "demo", help="the whole loop against a fresh sandbox: submit, look up, wait, download", parents=[common]
    )
    p.add_argument("--out", default="demo-output", help="folder for the downloaded videos (default demo-output)")
    p.add_argument("--step", type=_step, default=0.4, help="seconds per state of the sandbox's creations (default 0.4)")
    return parser


def _version_text() -> str:
    lines = [f"genvideo {__version__}, built from these provider specs:"]
    for spec in SPECS:
        lines.append(f"  {spec.spec}: {spec.distribution} {spec.version} ({spec.title} {spec.info_version})")
        lines.extend(f"    {upstream.path}  sha256 {upstream.sha256}" for upstream in spec.upstream)
    return "\n".join(lines)


_CLIENT_COMMANDS: dict[str, Callable[[argparse.Namespace, Client, ProgressReporter], int]] = {
    "get": _cmd_get,
    "wait": _cmd_wait,
    "download": _cmd_download,
    "create": _cmd_create,
    "generate": _cmd_generate,
}
_LOCAL_COMMANDS: dict[str, Callable[[argparse.Namespace, ProgressReporter], int]] = {
    "sandbox": _cmd_sandbox,
    "demo": _cmd_demo,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if args.version:
        sys.stdout.write(_version_text() + "\n")
        return OK
    if args.command is None:
        parser.print_help(sys.stderr)
        return USAGE
    reporter = ProgressReporter(quiet=getattr(args, "quiet", False))
    if getattr(args, "verbose", False):
        with stderr_logging(logging.DEBUG):
            return _run(args, reporter)
    return _run(args, reporter)


def _run(args: argparse.Namespace, reporter: ProgressReporter) -> int:
    try:
        if args.command in _LOCAL_COMMANDS:
            return _LOCAL_COMMANDS[args.command](args, reporter)
        with Client() as client:
            return _CLIENT_COMMANDS[args.command](args, client, reporter)
    except GenvideoError as exc:
        reporter.done()
        sys.stderr.write(f"genvideo: error: {exc}\n")
        return exit_code_for(exc)
    except KeyboardInterrupt:
        reporter.done()
        sys.stderr.write("genvideo: interrupted\n")
        return INTERRUPTED


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
