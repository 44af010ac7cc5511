"""`kill -9` in the middle of `frontwatch ingest` loses nothing committed, half-writes nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from test_store_builders import stored_documents

from frontwatch.store import Store

N_DOCS = 60
CLAIMS_PER_DOC = 3

# Runs the real CLI with a slow stand-in extractor (3 claims and 3 mentions per article).
SCRIPT = """
import sys, time
import frontwatch.claims
from frontwatch.records import Claim, Extraction, PartialDate, Place, PlaceMention, Source

DELAY = float(sys.argv[1])
PLACES = [Place(700000 + i, f"Place {i}", 48.0 + i / 10, 37.0, "Donetsk Oblast", "UA", "PPL")
          for i in range(3)]

class SlowExtractor:
    version = "slow-1"

    def __init__(self, gazetteer=None, batch_size=32):
        pass

    def extract(self, documents):
        for doc in documents:
            time.sleep(DELAY)
            claims = tuple(
                Claim(doc.id, p, p.name, "capture", "RU", "asserts", Source("MoD", "RU"),
                      PartialDate(2025, 1, 1 + i), doc.text[:10], 0, 10, 0.5)
                for i, p in enumerate(PLACES)
            )
            mentions = tuple(PlaceMention(0, 5, p.name, p, 1.0, "test") for p in PLACES)
            yield Extraction(doc, mentions, claims, self.version)

frontwatch.claims.Extractor = SlowExtractor
from frontwatch.cli import cli
cli(sys.argv[2:])
"""


def _run(folder: Path, db: Path, delay: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(delay), "ingest", str(folder), "--db", str(db), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_store_kill_mid_ingest_keeps_whole_documents(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(N_DOCS):
        (folder / f"{i:03d}.txt").write_text(
            f" date 2025-01-{1 + i % 28:02d} Article number {i} about the front line.\n",
            encoding="utf-8",
        )
    db = tmp_path / "fw.db"
    proc = _run(folder, db, 0.1)
    deadline = time.monotonic() + 60
    while stored_documents(db) < 5 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    assert proc.poll() is None, proc.communicate()
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()

    with Store.open(str(db)) as store:
        done = store.document_ids()
        assert 5 <= len(done) < N_DOCS
        for doc_id in done:
            doc = store.document(doc_id)
            assert doc is not None
            assert len(doc.claims) == CLAIMS_PER_DOC
            assert len(doc.mentions) == CLAIMS_PER_DOC
        assert store.counts()["claims"] == len(done) * CLAIMS_PER_DOC
        rows = store.statuses()
        assert {r.n_claims for r in rows} == {len(done)}

    rerun = _run(folder, db, 0.0)
    out, err = rerun.communicate(timeout=120)
    assert rerun.returncode == 0, err
    assert out.strip() == f"{N_DOCS - len(done)} new, {len(done)} unchanged, 0 updated, 0 failed"
    with Store.open(str(db)) as store:
        assert store.counts()["claims"] == N_DOCS * CLAIMS_PER_DOC
