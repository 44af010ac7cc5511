"""Page weight and ready time of the map page, in headless Chromium on loopback.

    python bench/bench_map_page.py --db claims.db            # 5 cold loads of /
    python bench/bench_map_page.py --db claims.db --runs 10 --viewport 390x844

It starts a real `frontwatch serve` process on 127.0.0.1 over the given store, opens the
map in Debian's Chromium (a fresh browser context per run: no cache), and reports per run
the time from navigation to `body[data-ready]` (the places of the latest date drawn,
base map loaded) and the bytes that crossed the wire, by kind of resource. It also
counts requests to any other origin (there must be none). Loopback only, a fixed number of
runs.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from collections import Counter

import httpx

CHROMIUM = "/usr/bin/chromium"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(db: str, port: int) -> subprocess.Popen[bytes]:
    server = subprocess.Popen(
        [sys.executable, "-m", "frontwatch", "serve", "--db", db, "--host", "127.0.0.1",
         "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy(),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/layers", timeout=1).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("frontwatch serve did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="the claim store to serve")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--viewport", default="1440x900")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    width, height = (int(v) for v in args.viewport.split("x"))
    port = _port()
    origin = f"http://127.0.0.1:{port}"
    server = _serve(args.db, port)
    times: list[float] = []
    weights: list[int] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
            for run in range(args.runs):
                context = browser.new_context(viewport={"width": width, "height": height})
                page = context.new_page()
                client = context.new_cdp_session(page)
                client.send("Network.enable")
                wire: Counter[str] = Counter()
                kinds: dict[str, str] = {}
                outside: list[str] = []

                def sent(event: dict[str, object], kinds: dict[str, str] = kinds,
                         outside: list[str] = outside) -> None:
                    url = str(event["response"]["url"])  # type: ignore[index]
                    kinds[str(event["requestId"])] = str(event.get("type", "Other"))
                    if not url.startswith((origin, "data:")):
                        outside.append(url)

                def done(event: dict[str, object], wire: Counter[str] = wire,
                         kinds: dict[str, str] = kinds) -> None:
                    kind = kinds.get(str(event["requestId"]), "Other")
                    wire[kind] += int(float(event["encodedDataLength"]))  # type: ignore[arg-type]

                client.on("Network.responseReceived", sent)
                client.on("Network.loadingFinished", done)
                start = time.perf_counter()
                page.goto(origin + "/")
                page.wait_for_selector("body[data-ready='1']", timeout=60_000)
                elapsed = time.perf_counter() - start
                page.wait_for_timeout(300)  # let label requests after ready finish
                total = sum(wire.values())
                times.append(elapsed)
                weights.append(total)
                by_kind = ", ".join(f"{k} {v / 1024:.0f}" for k, v in wire.most_common())
                places = page.get_attribute("#map", "data-count")
                print(f"run {run + 1}: ready {elapsed * 1000:.0f} ms, {total / 1024:.0f} KiB "
                      f"on the wire ({by_kind} KiB), {places} places, "
                      f"{len(outside)} requests elsewhere {outside[:3]}")
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(f"ready: median {statistics.median(times) * 1000:.0f} ms, "
          f"max {max(times) * 1000:.0f} ms over {len(times)} cold loads at {args.viewport}; "
          f"page weight median {statistics.median(weights) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
