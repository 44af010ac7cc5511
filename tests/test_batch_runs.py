"""Batch runs with the real extractor: worker processes, Ray actors, kill -9, load, and
concurrent ingests into one PostgreSQL store."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store_builders import contents, stored_documents

from frontwatch.cli import cli
from frontwatch.store import Store

pytestmark = pytest.mark.models

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TOWNS = ["Pokrovsk", "Toretsk", "Chasiv Yar", "Kupiansk", "Kurakhove", "Siversk"]
EVENTS = [
    "The Russian Ministry of Defence said on {day} that its troops had captured {town}.",
    "Heavy fighting continued in {town} on {day}, according to the Ukrainian army.",
    "Ukrainian units repelled a Russian assault on {town} on {day}, the General Staff said.",
    "Ukraine's General Staff denied that {town} had fallen.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_articles(folder: Path, numbers: range) -> Path:
    """Short made-up dispatches, one file each, dated and about one or two towns."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in numbers:
        town, other = TOWNS[n % len(TOWNS)], TOWNS[(n * 7 + 1) % len(TOWNS)]
        lines = [EVENTS[n % 4].format(town=town, day=DAYS[n % 5]),
                 f"Dispatch number {n} from the eastern front.",
                 EVENTS[(n + 1) % 4].format(town=other, day=DAYS[(n + 2) % 5])]
        (folder / f"{n:03d}.txt").write_text(
            f" date 2024-{1 + n % 12:02d}-{1 + n % 27:02d}\n" + " ".join(lines) + "\n", encoding="utf-8")
    return folder


def ingest(*args: str, batch: int = 4) -> str:
    result = CliRunner(env={"FRONTWATCH_BATCH_SIZE": str(batch)}).invoke(cli, ["ingest", *args, "-q"])
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout.strip()


def stored(db: Path) -> dict[str, list[tuple[object, ...]]]:
    with Store.open(str(db)) as store:
        return contents(store)


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("batch") / "articles", range(24))


@pytest.fixture(scope="module")
def serial(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("serial") / "serial.db"
    assert ingest(str(SAMPLES), str(articles), "--db", str(db)) == "37 new, 0 unchanged, 0 updated, 0 failed"
    return db


def test_batch_worker_processes_give_the_serial_store(articles: Path, serial: Path, tmp_path: Path) -> None:
    db = tmp_path / "parallel.db"
    assert ingest(str(SAMPLES), str(articles), "--db", str(db), "--workers", "2") == (
        "37 new, 0 unchanged, 0 updated, 0 failed")
    expected = stored(serial)
    assert sum(len(rows) for rows in expected.values()) > 100
    assert stored(db) == expected


def test_batch_ray_actors_give_the_serial_store(articles: Path, serial: Path, tmp_path: Path) -> None:
    pytest.importorskip("ray")
    db = tmp_path / "ray.db"
    assert ingest(str(SAMPLES), str(articles), "--db", str(db), "--ray", "--workers", "2") == (
        "37 new, 0 unchanged, 0 updated, 0 failed")
    assert stored(db) == stored(serial)


def test_batch_ray_missing_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    result = CliRunner().invoke(cli, ["ingest", str(SAMPLES), "--db", str(tmp_path / "x.db"), "--ray"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "Error: the Ray runner needs ray: pip install 'frontwatch[ray]'"


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads worker processes from /proc")
def test_batch_kill_during_parallel_ingest_loses_nothing(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "many", range(100, 220))
    clean = tmp_path / "clean.db"
    assert ingest(str(folder), "--db", str(clean)) == "120 new, 0 unchanged, 0 updated, 0 failed"
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "frontwatch", "ingest", str(folder), "--db", str(db), "-q", "--workers", "2"]
    env = {**os.environ, "FRONTWATCH_BATCH_SIZE": "4"}
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    while stored_documents(db) < 8 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    workers = _children(proc.pid)
    assert proc.poll() is None, proc.communicate()
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    done = stored_documents(db)
    assert 8 <= done < 120

    deadline = time.monotonic() + 30
    while any(Path(f"/proc/{pid}").exists() for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if Path(f"/proc/{pid}/stat").exists()
                and ") Z" not in Path(f"/proc/{pid}/stat").read_text()], "workers outlived their parent"

    killed, reference = stored(db), stored(clean)
    for table in ("documents", "claims", "mentions"):
        assert set(killed[table]) <= set(reference[table]), f"{table}: a half-written document"
    assert len(killed["documents"]) == done

    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.strip() == f"{120 - done} new, {done} unchanged, 0 updated, 0 failed"
    assert stored(db) == reference


def test_batch_load_stores_what_ingest_stores(articles: Path, serial: Path, tmp_path: Path) -> None:
    runner = CliRunner(env={"FRONTWATCH_BATCH_SIZE": "4"})
    extracted = runner.invoke(cli, ["extract", str(SAMPLES), str(articles), "--jsonl", "--with-documents"])
    assert extracted.exit_code == 0, extracted.stderr
    lines = [json.loads(line) for line in extracted.stdout.splitlines()]
    documents = [line for line in lines if line["type"] == "document"]
    assert len(documents) == 37
    assert {"doc", "id", "text", "extractor_version", "places", "mentions", "claims"} <= set(documents[0])
    # Claims dated only by their article must come back marked so.
    assert any(line["date_inferred"] for line in lines if line["type"] == "claim")
    dump = tmp_path / "claims.jsonl"
    dump.write_text(extracted.stdout, encoding="utf-8")
    db = tmp_path / "loaded.db"
    first = runner.invoke(cli, ["load", str(dump), "--db", str(db)])
    assert first.exit_code == 0, first.stderr
    assert first.stdout.strip() == "37 new, 0 unchanged, 0 updated, 0 failed"
    again = runner.invoke(cli, ["load", str(dump), "--db", str(db)])
    assert again.stdout.strip() == "0 new, 37 unchanged, 0 updated, 0 failed"
    assert stored(db) == stored(serial)


def test_batch_load_reports_bad_lines_and_stores_the_rest(articles: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    extracted = runner.invoke(cli, ["extract", str(articles / "000.txt"), str(articles / "001.txt"),
                                    str(articles / "002.txt"), "--jsonl", "--with-documents"])
    lines = extracted.stdout.splitlines()
    starts = [i for i, line in enumerate(lines) if json.loads(line)["type"] == "document"]
    assert len(starts) == 3
    second = json.loads(lines[starts[1] + 1])
    second["evidence"] = "not what the text says"
    lines[starts[1] + 1] = json.dumps(second)
    orphan = json.loads(lines[starts[2] + 1])
    orphan["doc"] = "elsewhere.txt"
    lines.insert(starts[2], json.dumps(orphan))
    lines.insert(0, "{broken")
    dump = tmp_path / "mixed.jsonl"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["load", str(dump), "--db", str(tmp_path / "fw.db")])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"{dump}:1: not a JSON line (Expecting property name enclosed in double quotes: line 1 column 2 (char 1))",
        f"{dump}:{starts[2] + 2}: claim of 'elsewhere.txt' has no document line before it "
        "(write it with: frontwatch extract --jsonl --with-documents)",
        f"{dump}:{starts[1] + 2}: document {articles / '001.txt'}: evidence at "
        f"{second['evidence_start']}:{second['evidence_end']} is not the text there",
    ]
    assert result.stdout.strip() == "2 new, 0 unchanged, 0 updated, 3 failed"


@pytest.mark.postgres
def test_batch_two_ingests_of_overlapping_inputs_store_each_document_once(db_url: str, tmp_path: Path) -> None:
    if "://" not in db_url:
        pytest.skip("the PostgreSQL case of concurrent ingests")
    first = write_articles(tmp_path / "first", range(300, 340))
    second = write_articles(tmp_path / "second", range(320, 360))
    env = {**os.environ, "FRONTWATCH_BATCH_SIZE": "4"}
    procs = [subprocess.Popen([sys.executable, "-m", "frontwatch", "ingest", str(folder), "--db", db_url, "-q"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for folder in (first, second)]
    outputs = [proc.communicate(timeout=300) for proc in procs]
    assert [proc.returncode for proc in procs] == [0, 0], outputs
    news = [int(out.split(" new")[0]) for out, _ in outputs]
    assert sum(news) == 60
    clean = tmp_path / "clean.db"
    ingest(str(first), str(second), "--db", str(clean))
    with Store.open(db_url) as together, Store.open(str(clean)) as reference:
        assert together.counts()["documents"] == 60
        assert summary(together) == summary(reference)


def summary(store: Store) -> tuple[list[str], list[tuple[object, ...]], list[tuple[object, ...]]]:
    """What two stores of the same articles must agree on, whatever the backend and the
    order the articles were written in."""
    claims = sorted((c.claim.doc, c.claim.place.geonameid, c.claim.kind, c.claim.actor, c.claim.stance,
                     c.claim.source.name, str(c.claim.date), c.claim.evidence_start) for c in store.claims())
    statuses = [(r.place.geonameid, r.status, str(r.since), r.n_claims) for r in store.statuses()]
    return sorted(store.document_ids()), claims, statuses
