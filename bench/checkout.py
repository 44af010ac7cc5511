"""Run the `frontwatch` command of this checkout or of another one (for before/after figures).

Imported by the benchmarks that start `frontwatch` processes; `python bench/x.py` puts
this folder on the import path.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx

LAUNCH = """
import sys
path = sys.argv.pop(1)
if path:  # another checkout: drop the editable install's finder so that its copy is imported
    sys.meta_path[:] = [f for f in sys.meta_path if not type(f).__module__.startswith("__editable__")]
    sys.path.insert(0, path)
from frontwatch.cli import cli
cli(prog_name="frontwatch")
"""


def frontwatch(pythonpath: str | None, *args: str) -> list[str]:
    """The command line of `frontwatch ARGS`, importing frontwatch from `pythonpath` if given."""
    return [sys.executable, "-c", LAUNCH, pythonpath or "", *args]


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def wait_ready(url: str, server: subprocess.Popen[bytes], seconds: float = 60) -> None:
    """Return once `frontwatch serve` at `url` answers; SystemExit if it dies or stays silent."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with status {server.returncode}")
        try:
            if httpx.get(url + "/api/places", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer within {seconds:.0f} s")
