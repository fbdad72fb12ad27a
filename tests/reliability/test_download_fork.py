"""A forked child can download: the background fsync pool is the child's own, not the parent's.

The pool (`genvideo._download._syncer()`) starts syncing once a download passes SYNC_EVERY (8 MiB).
A child forked after the parent used it inherited the pool without its threads, so its first large
download waited for a sync that never ran, forever. The scenario runs in a subprocess, which reports
how its child ended (or that it hung, after 20 s), so this test cannot hang.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from genvideo._constants import SYNC_EVERY
from tests.support.faultservers import Reply, Request, ScriptedServer, pattern_bytes, pattern_stream

SIZE = SYNC_EVERY + 2 * 1024 * 1024
BLOCK = bytes(range(256)) * 256

_SCRIPT = textwrap.dedent(
    """
    import os, signal, sys, time
    import genvideo

    url, folder = sys.argv[1], sys.argv[2]
    with genvideo.Client(max_retries=0) as client:  # the parent's pool now exists, with its threads
        client.download(genvideo.VideoOutput(url), os.path.join(folder, "parent.mp4"))
    pid = os.fork()
    if pid == 0:
        try:
            with genvideo.Client(max_retries=0) as client:  # even a fresh client
                client.download(genvideo.VideoOutput(url), os.path.join(folder, "child.mp4"))
        except BaseException:
            os._exit(3)
        os._exit(0)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            print("exit", os.waitstatus_to_exitcode(status))
            sys.exit(0)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    print("hung")
    """
)


def _video(request: Request) -> Reply:
    return Reply(200, stream=pattern_stream(SIZE, BLOCK), content_length=SIZE, headers=[("ETag", '"big"')])


def test_a_forked_child_downloads_past_the_sync_threshold(tmp_path: Path) -> None:
    with ScriptedServer(_video) as srv:
        result = subprocess.run(
            [sys.executable, "-c", _SCRIPT, srv.base_url + "/v.mp4", str(tmp_path)],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "exit 0", result.stdout + result.stderr
    expected = pattern_bytes(SIZE, BLOCK)
    assert (tmp_path / "parent.mp4").read_bytes() == expected
    assert (tmp_path / "child.mp4").read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["child.mp4", "parent.mp4"]
