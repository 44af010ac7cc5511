"""Latency of the map's two hot endpoints under load, over a store of synthetic claims.

    python bench/bench_api.py                       # 1,000,000 claims, 3,000 places
    python bench/bench_api.py --claims 100000 --requests 500   # a quick look

It builds a SQLite store (schema and migrations from `Store.open`, rows by bulk insert,
the per-place status timelines and rendered claims by the store's own `refresh_statuses`),
starts a real `frontwatch serve` process on 127.0.0.1, and sends a bounded number of
requests from concurrent httpx clients to

    GET /api/places/{geonameid}/timeline?as_of=YYYY-MM-DD   (random place, random date)
    GET /api/places?as_of=YYYY-MM-DD                        (distinct dates, then a
                                                             slider's repeated dates)

then prints p50/p90/p99/max per phase. Goal: p99 < 100 ms. Loopback only.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from frontwatch.store import Store

START = dt.date(2022, 2, 24)
DAYS = 1200
KINDS = ("capture", "presence", "advance", "fighting", "repelled")
KIND_WEIGHTS = (0.15, 0.15, 0.2, 0.4, 0.1)
SOURCES = (
    ("Russian Ministry of Defence", "RU"), ("Russian milbloggers", "RU"),
    ("General Staff of Ukraine", "UA"), ("DeepState", "UA"), ("ISW", "third"),
    ("narrator", "third"),
)
CLAIMS_PER_DOC = 20
# What the map page asks for (frontwatch/web/static/app.js): rows as arrays, not objects.
MAP_FORMAT = "&format=compact"


def _ts() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def build(path: Path, n_claims: int, n_places: int, seed: int) -> None:
    """Fill a fresh store with synthetic places, documents and claims, then reconcile."""
    rng = random.Random(seed)
    Store.open(str(path)).close()  # schema + migrations
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    places = [
        (100_000_000 + i, f"Place {i}", round(rng.uniform(44.5, 52.0), 5),
         round(rng.uniform(22.5, 40.0), 5), "Synthetic Oblast", "UA", "PPL", rng.randint(0, 50000))
        for i in range(n_places)
    ]
    conn.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?)", places)
    now = _ts()
    n_docs = (n_claims + CLAIMS_PER_DOC - 1) // CLAIMS_PER_DOC
    sentence = "Synthetic report: {} forces {} {} in Place {}."
    docs = []
    for d in range(n_docs):
        text = f"Synthetic article {d}. " + " ".join(
            sentence.format("Russian", "reported", "fighting", d % n_places) for _ in range(3))
        doc_id = hashlib.sha256(text.encode()).hexdigest()
        published = (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
        docs.append((doc_id, "bench", f"https://bench.example.org/{d}", f"Article {d}", "Bench",
                     "en", published, "day", text, doc_id, "bench", now))
    conn.executemany("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", docs)
    conn.commit()

    def claims() -> object:
        for i in range(n_claims):
            doc = docs[i // CLAIMS_PER_DOC]
            place = places[rng.randrange(n_places)]
            kind = rng.choices(KINDS, KIND_WEIGHTS)[0]
            actor = "RU" if rng.random() < 0.6 else "UA"
            stance = "denies" if rng.random() < 0.1 else "asserts"
            source, side = SOURCES[rng.randrange(len(SOURCES))]
            day = START + dt.timedelta(days=rng.randrange(DAYS))
            evidence = doc[8][:80]
            extracted = json.dumps({
                "place": place[0], "kind": kind, "actor": actor, "stance": stance,
                "source": {"name": source, "side": side}, "date": day.isoformat(),
                "evidence_start": 0, "evidence_end": 80}, sort_keys=True)
            yield (doc[0], place[0], place[1], kind, actor, stance, source, side,
                   day.isoformat(), "day", day.isoformat(), evidence, 0, 80, -1, -1,
                   round(rng.uniform(0.5, 1.0), 3), None, None, extracted)

    conn.executemany(
        "INSERT INTO claims (doc_id, geonameid, place_mention, kind, actor, stance, source_name,"
        " source_side, date, date_precision, date_first, evidence, evidence_start, evidence_end,"
        " mention_start, mention_end, confidence, review, correction, extracted)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        claims(),
    )
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()
    with Store.open(str(path)) as store:
        store.refresh_statuses()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))]


async def _load(base: str, urls: list[str], concurrency: int) -> tuple[list[float], float, int]:
    queue: asyncio.Queue[str] = asyncio.Queue()
    for url in urls:
        queue.put_nowait(url)
    latencies: list[float] = []
    errors = 0

    async def worker() -> None:
        nonlocal errors
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            while True:
                try:
                    url = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                started = time.perf_counter()
                response = await client.get(url)
                await response.aread()
                latencies.append((time.perf_counter() - started) * 1000)
                errors += response.status_code != 200

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies, time.perf_counter() - started, errors


def _report(
    name: str, latencies: list[float], wall: float, errors: int, size: int, wire: int
) -> None:
    print(f"{name}\n  requests {len(latencies)}  errors {errors}  "
          f"throughput {len(latencies) / wall:.0f} req/s  response ~{size / 1024:.0f} KiB"
          f" ({wire / 1024:.0f} KiB on the wire)\n"
          f"  p50 {statistics.median(latencies):.1f} ms  p90 {_percentile(latencies, 90):.1f} ms"
          f"  p99 {_percentile(latencies, 99):.1f} ms  max {max(latencies):.1f} ms")


def _levels(text: str) -> list[int]:
    levels = [int(part) for part in text.split(",") if part.strip()]
    if not levels or min(levels) < 1:
        raise argparse.ArgumentTypeError("a comma list of positive integers, e.g. 4,8")
    return levels


def _load_average() -> str:
    try:
        return " ".join(f"{v:.1f}" for v in os.getloadavg())
    except OSError:
        return "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--places", type=int, default=3_000)
    parser.add_argument("--requests", type=int, default=2_000, help="per endpoint")
    parser.add_argument(
        "--concurrency", type=_levels, default=[4, 8],
        help="concurrent clients; a comma list runs every phase once per level (default 4,8)",
    )
    parser.add_argument("--db", type=Path, help="reuse or create this database file")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    tmp = tempfile.TemporaryDirectory(prefix="frontwatch-bench-")
    db: Path = args.db or Path(tmp.name) / "bench.db"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.claims, args.places, args.seed)
        print(f"built {db.name}: {args.claims:,} claims, {args.places:,} places in "
              f"{time.perf_counter() - started:.0f} s ({db.stat().st_size / 2**20:.0f} MiB)")
    with Store.open(str(db)) as store:
        counts = store.counts()
    print("store:", ", ".join(f"{k} {v:,}" for k, v in counts.items()))

    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "frontwatch", "serve", "--db", str(db), "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/places?as_of=2022-01-01", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline or server.poll() is not None:
                raise SystemExit("the server did not start")
            time.sleep(0.2)
        rng = random.Random(args.seed + 1)
        with sqlite3.connect(db) as conn:
            ids = [row[0] for row in conn.execute("SELECT geonameid FROM places")]

        def day() -> str:
            return (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat()

        levels: list[int] = args.concurrency
        # Distinct dates per level: every request of that phase misses the response cache
        # (the worst case), and no level reuses another's dates.
        cold_dates = rng.sample(range(DAYS), DAYS)
        per_level = min(args.requests, DAYS // len(levels))
        # A slider being dragged: 40 dates, each asked for again and again.
        stops = [(START + dt.timedelta(days=d)).isoformat() for d in rng.sample(range(DAYS), 40)]
        print(f"cpus {os.cpu_count()} (shared with this load generator); "
              f"load average before: {_load_average()}")
        for n, level in enumerate(levels):
            timeline = [f"/api/places/{rng.choice(ids)}/timeline?as_of={day()}"
                        for _ in range(args.requests)]
            cold = [f"/api/places?as_of={(START + dt.timedelta(days=d)).isoformat()}{MAP_FORMAT}"
                    for d in cold_dates[n * per_level : (n + 1) * per_level]]
            slider = [f"/api/places?as_of={rng.choice(stops)}{MAP_FORMAT}" for _ in range(args.requests)]
            phases = (
                ("GET /api/places/{id}/timeline?as_of=  random place and date", timeline),
                ("GET /api/places?as_of=  distinct dates (cache misses)", cold),
                ("GET /api/places?as_of=  slider, 40 dates repeated", slider),
            )
            for name, urls in phases:
                probe = httpx.get(base + urls[0], timeout=30)
                size = len(probe.content)
                wire = int(probe.headers.get("content-length", size))
                latencies, wall, errors = asyncio.run(_load(base, urls, level))
                _report(f"{name}  (concurrency {level})", latencies, wall, errors, size, wire)
        print(f"load average after: {_load_average()}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        tmp.cleanup()


if __name__ == "__main__":
    main()
