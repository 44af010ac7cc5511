"""Many writers on one store: batches, backlog, retries, migrations, hostile values."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from test_store_builders import (
    DEEPSTATE,
    KUPIANSK,
    MOD,
    PIVDENNE,
    TORETSK,
    UA_ARMY,
    contents,
    make_extraction,
)

from frontwatch.records import Extraction
from frontwatch.store import Store
from frontwatch.store.migrations import MIGRATIONS

TESTS = Path(__file__).resolve().parent

# One writer process: opens the store (racing the others' migrations on an empty
# database), then writes its documents in batches of 10, starting at its own offset, so
# that every document is also written by other writers at about the same time.
WRITER = """
import json, sys, time
sys.path.insert(0, sys.argv[1])
from test_store_concurrency import article
from frontwatch.store import Store

url, writer, writers, total, start_at = sys.argv[2], *map(int, sys.argv[3:6]), float(sys.argv[6])
while time.time() < start_at:
    time.sleep(0.005)
store = Store.open(url)
order = [(n + writer * total // writers) % total for n in range(total)]
counts = {}
for first in range(0, total, 10):
    for written in store.add_extractions([article(n) for n in order[first:first + 10]]):
        counts[written.result] = counts.get(written.result, 0) + 1
        if written.reason:
            print(written.reason, file=sys.stderr)
store.refresh_backlog()
store.close()
print(json.dumps(counts))
"""

PLACES = (TORETSK, PIVDENNE, KUPIANSK)
SOURCES = (MOD, UA_ARMY, DEEPSTATE)
KINDS = ("capture", "fighting", "presence", "advance", "repelled")


def article(n: int) -> Extraction:
    """Article n of a made-up stream: every one about Toretsk (the hot town), every other
    one also about a second place; dates and kinds vary with n."""
    sentences = [(f"Report {n}: the situation in Toretsk changed again on day {n}.",
                  {"kind": KINDS[n % 5], "source": SOURCES[n % 3],
                   "date": f"2024-{1 + n % 12:02d}-{1 + n % 28:02d}",
                   "stance": "denies" if n % 7 == 0 else "asserts"})]
    if n % 2:
        place = PLACES[1 + n % 2]
        sentences.append((f"Units reported movement near {place.name} in dispatch {n}.",
                          {"place": place, "kind": KINDS[(n + 2) % 5], "source": SOURCES[(n + 1) % 3],
                           "actor": "UA" if n % 3 else "RU", "date": f"2024-{1 + n % 12:02d}"}))
    return make_extraction(sentences, origin=f"report-{n}.txt")


def _writers(url: str, writers: int, total: int) -> list[dict[str, int]]:
    start_at = time.time() + 3
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(TESTS), url, str(w), str(writers),
                          str(total), str(start_at)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
        for w in range(writers)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
        assert err.strip() == "", err
        results.append(json.loads(out))
    return results


def _materialized(store: Store) -> dict[str, list[tuple[object, ...]]]:
    found = contents(store, ids=False)
    return {"place_status": found["place_status"]}


def test_store_four_writers_store_each_document_once(db_url: str) -> None:
    total = 120
    results = _writers(db_url, 4, total)
    assert sum(r.get("new", 0) for r in results) == total
    assert all(set(r) <= {"new", "unchanged"} for r in results), results
    assert all(sum(r.values()) == total for r in results)
    with Store.open(db_url) as store:
        counts = store.counts()
        assert counts["documents"] == total
        assert counts["claims"] == sum(len(article(n).claims) for n in range(total))
        assert store.backlog() == 0
        written = _materialized(store)
        store.refresh_statuses()
        assert _materialized(store) == written


def test_store_batch_defers_busy_places_and_catches_up(db_url: str) -> None:
    with Store.open(db_url) as store:
        for first in range(0, 400, 20):
            store.add_extractions([article(n) for n in range(first, first + 20)])
        assert store.backlog() > 0, "the busiest place should lag behind during a batch run"
        lagging = contents(store)
        store.refresh_backlog()
        assert store.backlog() == 0
        caught_up = contents(store)
        assert caught_up["claims"] == lagging["claims"]
        store.refresh_statuses()
        assert contents(store) == caught_up


def test_store_batch_skips_a_bad_document_and_keeps_the_rest(db_url: str) -> None:
    good, bad, other = article(1), article(2), article(3)
    broken_claim = bad.claims[0].__class__(**{
        **{f: getattr(bad.claims[0], f) for f in bad.claims[0].__slots__}, "evidence": None,
    })
    bad = Extraction(bad.document, bad.mentions, (broken_claim,), bad.extractor_version)
    wrong_kind = Extraction(
        other.document, other.mentions,
        tuple(c.__class__(**{**{f: getattr(c, f) for f in c.__slots__}, "kind": "liberated"})
              for c in other.claims),
        other.extractor_version,
    )
    with Store.open(db_url) as store:
        written = store.add_extractions([good, bad, wrong_kind, article(4)])
        assert [w.result for w in written] == ["new", "failed", "failed", "new"]
        assert "evidence" in (written[1].reason or "")
        assert "kind must be one of" in (written[2].reason or "")
        assert sorted(store.document_ids()) == sorted([good.document.id, article(4).document.id])
        again = store.add_extractions([good, article(2)])
        assert [w.result for w in again] == ["unchanged", "new"]


def test_store_nul_and_long_ids_store_alike(db_url: str) -> None:
    sentence = "Russian forces entered Toretsk\x00 overnight, the General Staff said."
    extraction = make_extraction([(sentence, {"kind": "presence", "source": UA_ARMY})])
    doc_id = "https://example.org/" + "very-long-path/" * 20 + "article"
    claims = tuple(c.__class__(**{**{f: getattr(c, f) for f in c.__slots__}, "doc": doc_id})
                   for c in extraction.claims)
    document = extraction.document.__class__(**{
        **{f: getattr(extraction.document, f) for f in extraction.document.__slots__},
        "id": doc_id, "title": "A\x00title",
    })
    with Store.open(db_url) as store:
        assert store.add_extractions([Extraction(document, extraction.mentions, claims, "v1")])[0].result == "new"
        stored = store.document(doc_id)
        assert stored is not None
        assert stored.text == sentence.replace("\x00", "\ufffd")
        assert stored.title == "A\ufffdtitle"
        claim = stored.claims[0].claim
        assert stored.text[claim.evidence_start:claim.evidence_end] == claim.evidence
        assert store.stored_versions([doc_id, "unknown"]) == {doc_id: "v1"}
        assert store.add_extraction(Extraction(document, extraction.mentions, claims, "v1")) == "unchanged"


@pytest.mark.postgres
def test_store_migration_race_on_an_empty_postgres(db_url: str) -> None:
    if "://" not in db_url:
        pytest.skip("a race of PostgreSQL migrations")
    start_at = time.time() + 3
    opener = ("import sys, time\nfrom frontwatch.store import Store\n"
              "while time.time() < float(sys.argv[2]): time.sleep(0.002)\n"
              "Store.open(sys.argv[1]).close()\n")
    procs = [subprocess.Popen([sys.executable, "-c", opener, db_url, str(start_at)],
                              stderr=subprocess.PIPE, text=True) for _ in range(6)]
    errors = [proc.communicate(timeout=120)[1] for proc in procs]
    assert [proc.returncode for proc in procs] == [0] * 6, errors
    engine = create_engine(db_url)
    with engine.connect() as conn:
        names = conn.execute(text("select name from frontwatch_migrations")).scalars().all()
    engine.dispose()
    assert sorted(names) == [m.name for m in MIGRATIONS]


@pytest.mark.postgres
def test_store_postgres_widens_the_ids_of_an_older_database(db_url: str) -> None:
    if "://" not in db_url:
        pytest.skip("SQLite never enforced the old lengths")
    Store.open(db_url).close()
    engine = create_engine(db_url)
    with engine.begin() as conn:
        for table, column, kind in (("documents", "id", "VARCHAR(64)"), ("documents", "lang", "VARCHAR(8)"),
                                    ("mentions", "doc_id", "VARCHAR(64)"), ("claims", "doc_id", "VARCHAR(64)")):
            conn.execute(text(f'ALTER TABLE {table} ALTER COLUMN "{column}" TYPE {kind}'))
        conn.execute(text("DELETE FROM frontwatch_migrations WHERE name = '0006_long_text'"))
    with Store.open(db_url) as store:
        long_id = "x" * 200
        extraction = make_extraction([("Fighting continues near Toretsk.", {"kind": "fighting"})])
        claims = tuple(c.__class__(**{**{f: getattr(c, f) for f in c.__slots__}, "doc": long_id})
                       for c in extraction.claims)
        document = extraction.document.__class__(**{
            **{f: getattr(extraction.document, f) for f in extraction.document.__slots__}, "id": long_id})
        assert store.add_extraction(Extraction(document, extraction.mentions, claims, "v1")) == "new"
    with engine.connect() as conn:
        lengths = {c["name"]: getattr(c["type"], "length", None) for c in inspect(conn).get_columns("documents")}
    engine.dispose()
    assert lengths["id"] is None and lengths["lang"] is None


@pytest.mark.postgres
def test_store_writers_in_opposite_orders_store_each_document_once(db_url: str) -> None:
    """Two batches of the same new documents in opposite orders: without the documents
    locked up front in one order, each inserts half and waits on the other's half (a
    deadlock, again at every retry); with it, one waits and finds them all stored."""
    if "://" not in db_url:
        pytest.skip("SQLite writers take turns for the whole transaction")
    import threading

    articles = [article(n) for n in range(1, 101)]
    stores = [Store.open(db_url), Store.open(db_url)]
    stores[0].add_extraction(article(1001))  # the places exist: writers insert documents only
    barrier = threading.Barrier(2)
    results: list[list[str]] = [[], []]

    def write(which: int) -> None:
        batch = articles if which == 0 else articles[::-1]
        barrier.wait()
        results[which] = [w.result for w in stores[which].add_extractions(batch)]

    threads = [threading.Thread(target=write, args=(i,)) for i in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for store in stores:
        store.close()
    assert sorted(results[0] + results[1]) == ["new"] * 100 + ["unchanged"] * 100
    with Store.open(db_url) as store:
        assert store.counts()["documents"] == 101


def test_store_retries_a_deadlocked_transaction(tmp_path: Path) -> None:
    """The retry loop itself: a deadlock or a concurrent duplicate is tried again, any other
    database error is reported at once."""
    import psycopg.errors
    from sqlalchemy.exc import IntegrityError, OperationalError

    from frontwatch.errors import StoreError

    calls: list[int] = []

    def deadlocks_once(conn: object) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("INSERT", {}, psycopg.errors.DeadlockDetected("deadlock detected"))
        if len(calls) == 2:
            raise IntegrityError("INSERT", {}, psycopg.errors.UniqueViolation("duplicate key"))
        return "done"

    def refused(conn: object) -> str:
        raise IntegrityError("INSERT", {}, psycopg.errors.NotNullViolation("null value"))

    with Store.open(str(tmp_path / "fw.db")) as store:
        assert store._retrying("write", deadlocks_once) == "done"
        assert len(calls) == 3
        with pytest.raises(StoreError, match="null value"):
            store._retrying("write", refused)
