"""Server memory after unauthenticated uploads: a real `frontwatch serve` on 127.0.0.1.

It starts `frontwatch serve` on a free loopback port over a fresh SQLite store, reads the
server's resident memory (VmRSS, from /proc), sends `--posts` POST /api/documents of
`--mib` MiB each without a token, `--concurrency` at a time (streamed, Content-Length set, so the client holds one
chunk at a time), waits a moment, reads VmRSS again and the peak (VmHWM), prints what each
request got, and stops the server. Nothing leaves loopback; the loop is bounded.

    python bench/bench_api_memory.py                    # 8 x 100 MiB
    python bench/bench_api_memory.py --posts 2 --mib 20 --json
    python bench/bench_api_memory.py --pythonpath /path/to/other/checkout   # another version

Linux only (it reads /proc/PID/status).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from checkout import free_port, frontwatch, wait_ready

CHUNK = 1 << 20


def memory(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in MiB."""
    found: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0]) // 1024
    return found


def body(mib: int) -> Iterator[bytes]:
    """A JSON document of `mib` MiB, one MiB at a time."""
    head, tail = b'{"text": "', b'"}'
    filler = b"a" * CHUNK
    yield head
    for n in range(mib):
        yield filler[: CHUNK - (len(head) + len(tail) if n == 0 else 0)]
    yield tail


def upload(url: str, mib: int) -> str:
    """One unauthenticated POST; what it got (a status, or why the connection ended)."""
    size = sum(len(part) for part in body(mib))
    try:
        response = httpx.post(url + "/api/documents", content=body(mib), timeout=300,
                              headers={"Content-Type": "application/json", "Content-Length": str(size)})
        return str(response.status_code)
    except httpx.HTTPError as exc:  # the server may close before the upload ends
        return type(exc).__name__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=8)
    parser.add_argument("--mib", type=int, default=100, help="size of each body in MiB")
    parser.add_argument("--concurrency", type=int, default=8, help="uploads in flight at once")
    parser.add_argument("--pythonpath", default=None,
                        help="import frontwatch from this folder instead (to measure another version)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "bench.db")
        server = subprocess.Popen(
            frontwatch(args.pythonpath, "serve", "--db", db, "--port", str(port), "--log-level", "warning"),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_ready(url, server)
            time.sleep(1)
            before = memory(server.pid)
            started = time.perf_counter()
            with ThreadPoolExecutor(max_workers=args.concurrency) as pool:
                answers = list(pool.map(lambda _: upload(url, args.mib), range(args.posts)))
            seconds = time.perf_counter() - started
            time.sleep(2)
            after = memory(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=30)
    report = {
        "posts": args.posts, "mib_each": args.mib, "concurrency": args.concurrency, "answers": answers,
        "rss_before_mib": before["VmRSS"], "rss_after_mib": after["VmRSS"],
        "retained_mib": after["VmRSS"] - before["VmRSS"], "peak_mib": after["VmHWM"],
        "seconds": round(seconds, 1),
    }
    if args.json:
        print(json.dumps(report))
    else:
        print(f"{args.posts} unauthenticated POSTs of {args.mib} MiB, {args.concurrency} at a time: "
              f"answers {', '.join(answers)}")
        print(f"server RSS {before['VmRSS']} MiB before, {after['VmRSS']} MiB after "
              f"(+{report['retained_mib']} MiB retained), peak {after['VmHWM']} MiB; {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
