"""The claim store against a real SQLite file (and PostgreSQL when one is reachable)."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text
from test_store_builders import (
    DEEPSTATE,
    KUPIANSK,
    PIVDENNE,
    TORETSK,
    UA_ARMY,
    make_extraction,
    toretsk_articles,
)

from frontwatch.errors import InputError, StoreError
from frontwatch.records import PartialDate
from frontwatch.store import Store


@pytest.fixture()
def store(db_url: str) -> Store:
    opened = Store.open(db_url)
    yield opened  # type: ignore[misc]
    opened.close()


@pytest.fixture()
def filled(store: Store) -> Store:
    for extraction in toretsk_articles():
        assert store.add_extraction(extraction) == "new"
    return store


def test_store_sqlite_file_is_wal_with_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "fw.db"
    with Store.open(str(path)) as store:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    raw = sqlite3.connect(path)
    names = {r[0] for r in raw.execute("select name from frontwatch_migrations")}
    raw.close()
    assert names == {"0001_claims", "0002_layers", "0003_status_lookup", "0004_place_claims",
                     "0005_place_backlog", "0006_long_text", "0007_claim_date_inferred",
                     "0008_status_rules"}


def test_store_migrations_are_recorded_and_listing_is_read_only(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    lazy = Store.open(str(path), migrate=False)
    assert [at for _, at in lazy.migrations()] == [None] * 8
    with lazy.engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    lazy.close()
    with Store.open(str(path)) as store:
        listed = store.migrations()
    assert all(isinstance(at, dt.datetime) for _, at in listed)
    with Store.open(str(path)) as again:
        assert again.migrations() == listed


def test_store_add_extraction_new_unchanged_updated(store: Store) -> None:
    first, *_ = toretsk_articles()
    assert store.add_extraction(first) == "new"
    assert store.add_extraction(first) == "unchanged"
    assert store.counts()["claims"] == 1
    newer = make_extraction(
        [
            (
                "Russian forces entered the eastern part of Toretsk, Ukrainian command said.",
                {"kind": "fighting", "source": UA_ARMY, "date": "2024-10"},
            )
        ],
        version="test-2",
        published="2024-10-14",
        origin="october.txt",
        url="https://example.org/october",
    )
    assert newer.document.id == first.document.id
    assert store.add_extraction(newer) == "updated"
    [stored] = store.claims()
    assert stored.claim.kind == "fighting"
    assert store.stored_version(first.document.id) == "test-2"
    assert store.add_extraction(newer, force=True) == "updated"
    assert store.counts()["claims"] == 1


def test_store_document_has_text_claims_and_spans(filled: Store) -> None:
    february = toretsk_articles()[1]
    doc = filled.document(february.document.id)
    assert doc is not None
    assert doc.text == february.document.text
    assert doc.published == PartialDate(2025, 2, 7)
    assert len(doc.claims) == 3
    for stored in doc.claims:
        claim = stored.claim
        assert doc.text[claim.evidence_start : claim.evidence_end] == claim.evidence
        assert stored.url == "https://example.org/february"
        assert stored.review is None
    assert {m.place.geonameid for m in doc.mentions} == {TORETSK.geonameid, PIVDENNE.geonameid}
    assert filled.document("nope") is None


def test_store_claims_filters_and_pages(filled: Store) -> None:
    assert len(filled.claims()) == 5
    assert len(filled.claims(place=TORETSK.geonameid)) == 3
    assert {c.claim.source.name for c in filled.claims(source="deepstate")} == {"DeepState"}
    assert len(filled.claims(side="UA")) == 2
    assert len(filled.claims(since=PartialDate(2025))) == 3
    assert len(filled.claims(until=PartialDate(2024, 10))) == 2
    first_two = filled.claims(limit=2)
    rest = filled.claims(after_id=first_two[-1].id)
    assert [c.id for c in first_two + rest] == [c.id for c in filled.claims()]
    with pytest.raises(InputError):
        filled.claims(side="xx")


def test_store_place_status_as_of(filled: Store) -> None:
    now = filled.place_status(TORETSK.geonameid)
    assert now.status == "ru_partial"
    assert [(str(c.date), c.status, c.rule) for c in now.timeline] == [
        ("2024-10", "ru_partial", "3b")
    ]
    assert [c.claim.kind for c in now.timeline[0].set_by] == ["presence"]
    assert {c.claim.stance for c in now.claims} == {"asserts", "denies"}
    assert now.partial and "eastern part" in now.partial
    before = filled.place_status(TORETSK.geonameid, dt.date(2024, 9, 30))
    assert before.status == "unknown" and before.timeline == () and before.claims == ()
    kupiansk = filled.place_status(KUPIANSK.geonameid, dt.date(2023, 1, 1))
    assert kupiansk.status == "ua_confirmed"
    assert [c.claim.source for c in kupiansk.claims_for] == [DEEPSTATE]
    with pytest.raises(InputError):
        filled.place_status(1)


def test_store_statuses_is_the_materialized_as_of_view(filled: Store) -> None:
    rows = filled.statuses()
    assert {(r.place.name, r.status) for r in rows} == {
        ("Toretsk", "ru_partial"),
        ("Pivdenne", "contested"),
        ("Kupiansk", "ua_confirmed"),
    }
    assert {r.place.name for r in filled.statuses(dt.date(2024, 1, 1))} == {"Kupiansk"}
    assert {r.place.name for r in filled.statuses(status="contested")} == {"Pivdenne"}
    donbas = filled.statuses(bbox=(37.0, 48.0, 38.5, 48.6))
    assert {r.place.name for r in donbas} == {"Toretsk", "Pivdenne"}
    toretsk = next(r for r in rows if r.place.name == "Toretsk")
    assert toretsk.n_claims == 3 and toretsk.since == PartialDate(2024, 10)


def test_store_reviews_change_the_reconciled_status(filled: Store) -> None:
    denial = next(c for c in filled.claims(place=TORETSK.geonameid) if c.claim.stance == "denies")
    presence = next(c for c in filled.claims(place=TORETSK.geonameid) if c.claim.kind == "presence")
    filled.add_review(presence.id, action="reject", author="ed", note="wrong town")
    filled.add_review(denial.id, action="reject", author="ed")
    assert filled.place_status(TORETSK.geonameid).status == "ru_claimed"
    assert {r.status for r in filled.statuses() if r.place.name == "Toretsk"} == {"ru_claimed"}
    rejected = filled.claim(denial.id)
    assert rejected is not None and rejected.review == "rejected"
    claim_id = filled.claims(source="Russian Ministry of Defence")[0].id
    filled.add_review(
        claim_id,
        action="correct",
        author="ed",
        note="DeepState said it",
        correction={"source": {"name": "DeepState", "side": "third"}, "date": "2025-02-08"},
    )
    corrected = filled.claim(claim_id)
    assert corrected is not None and corrected.review == "corrected"
    assert corrected.claim.source == DEEPSTATE
    assert str(corrected.claim.date) == "2025-02-08"
    assert filled.place_status(TORETSK.geonameid).status == "ru_confirmed"
    assert [r["action"] for r in filled.reviews(denial.id)] == ["reject"]


def test_store_bad_review_changes_nothing(filled: Store) -> None:
    claim_id = filled.claims()[0].id
    before = filled.counts()
    with pytest.raises(InputError):
        filled.add_review(claim_id, action="correct", author="ed", correction={"kind": "bombing"})
    with pytest.raises(InputError):
        filled.add_review(claim_id, action="maybe", author="ed")
    with pytest.raises(InputError):
        filled.add_review(999_999, action="accept", author="ed")
    assert filled.counts() == before
    assert filled.claims()[0].review is None


def test_store_reviews_survive_reextraction(store: Store) -> None:
    _, february, _ = toretsk_articles()
    store.add_extraction(february)
    denial = next(c for c in store.claims() if c.claim.stance == "denies")
    store.add_review(denial.id, action="reject", author="ed")
    store.add_extraction(february, force=True)
    again = next(c for c in store.claims() if c.claim.stance == "denies")
    assert again.id != denial.id and again.review == "rejected"
    assert store.place_status(TORETSK.geonameid).status == "ru_claimed"


def test_store_invalid_claim_rolls_back_the_document(store: Store) -> None:
    bad = make_extraction([("Toretsk was bombed.", {"kind": "bombing"})])
    with pytest.raises(InputError):
        store.add_extraction(bad)
    assert store.counts()["documents"] == 0
    assert store.stored_version(bad.document.id) is None


def test_store_tokens_keep_only_a_hash(store: Store) -> None:
    raw = store.create_token("editor")
    assert store.token_role(raw) == "editor"
    assert store.token_role(raw + "x") is None
    [info] = store.tokens()
    assert info.role == "editor" and info.revoked_at is None
    with store.engine.connect() as conn:
        stored = conn.execute(text("select secret_hash from tokens")).scalar_one()
    assert stored == hashlib.sha256(raw.encode()).hexdigest()
    store.revoke_token(info.id)
    assert store.token_role(raw) is None
    with pytest.raises(InputError):
        store.create_token("root")
    with pytest.raises(InputError):
        store.revoke_token(12345)


def test_store_reextract_ids(store: Store) -> None:
    for extraction in toretsk_articles():
        store.add_extraction(extraction)
    assert store.document_ids(not_version="test-1") == []
    assert len(store.document_ids(not_version="test-2")) == 3
    docs = list(store.documents_text_ids(not_version="test-2"))
    assert {d.origin for d in docs} == {"october.txt", "february.txt", "kupiansk.txt"}


@pytest.mark.parametrize(
    "bad",
    ["postgresql+nosuchdriver://x@localhost/db", "notadialect://x", "://"],
)
def test_store_bad_url_is_a_store_error(bad: str) -> None:
    with pytest.raises(StoreError):
        Store.open(bad)


def test_store_missing_folder_or_directory_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store.open(str(tmp_path / "no" / "such.db"))
    with pytest.raises(StoreError, match="directory"):
        Store.open(str(tmp_path))


def test_store_postgres_without_psycopg_hints_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(StoreError, match=r"pip install 'frontwatch\[postgres\]'"):
        Store.open("postgresql+psycopg://u@127.0.0.1:1/db")


def test_store_unreachable_postgres_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="cannot"):
        Store.open("postgresql+psycopg://u@127.0.0.1:1/db?connect_timeout=2")


def test_store_sqlite_errors_are_wrapped(tmp_path: Path) -> None:
    path = tmp_path / "fw.db"
    Store.open(str(path)).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("drop table place_status"))
    engine.dispose()
    with Store.open(str(path)) as store, pytest.raises(StoreError) as caught:
        store.statuses()
    assert isinstance(caught.value.__cause__, Exception)
