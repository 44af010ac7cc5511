"""A store written before migrations 0005-0008 opens with this code, on SQLite and PostgreSQL.

`tests/data/store-0004/` holds one store made by the release whose last migration was
0004_place_claims: the three articles of `toretsk_articles()`, claim 4 rejected and claim 1
corrected to 2024-10-12. `sqlite.sql` is `sqlite3 DB .dump`; `postgresql.sql` is
`pg_dump --inserts --no-owner --no-privileges --no-comments` without psql's meta-commands.
Under that release's rules Toretsk was `contested`; today's rules make it `ru_partial`.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from test_store_builders import TORETSK, contents, toretsk_articles

from frontwatch.store import Store
from frontwatch.store.migrations import MIGRATIONS

OLD = Path(__file__).resolve().parent / "data" / "store-0004"
BEFORE = ["0001_claims", "0002_layers", "0003_status_lookup", "0004_place_claims"]


def _load_old_store(db_url: str) -> None:
    if "://" not in db_url:
        with sqlite3.connect(db_url) as raw:
            raw.executescript((OLD / "sqlite.sql").read_text(encoding="utf-8"))
        return
    engine = create_engine(db_url)
    try:
        raw = engine.raw_connection()
        try:
            raw.cursor().execute((OLD / "postgresql.sql").read_text(encoding="utf-8"))
            raw.commit()
        finally:
            raw.close()
    finally:
        engine.dispose()


def _emptied(db_url: str, tmp_path: Path) -> str:
    """The same kind of database, empty: a new SQLite file, or the PostgreSQL one wiped."""
    if "://" not in db_url:
        return str(tmp_path / "fresh.db")
    engine = create_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return db_url


def _write_like_the_old_store(store: Store) -> None:
    for extraction in toretsk_articles():
        store.add_extraction(extraction)
    store.add_review(4, action="reject", author="editor 1", note="not about control")
    store.add_review(1, action="correct", author="editor 1", correction={"date": "2024-10-12"})


@pytest.fixture
def old_store(db_url: str) -> str:
    _load_old_store(db_url)
    return db_url


def test_store_upgrade_of_a_0004_store_equals_a_store_written_today(
    old_store: str, tmp_path: Path
) -> None:
    with Store.open(old_store, migrate=False) as lazy:
        listed = dict(lazy.migrations())
        assert [name for name, at in listed.items() if at is not None] == BEFORE
        assert lazy.counts()["claims"] == 5
    with Store.open(old_store) as store:
        assert all(at is not None for _, at in store.migrations())
        assert store.backlog() == 0
        status = store.place_status(TORETSK.geonameid)
        assert status.status == "ru_partial"
        assert all(change.rule for change in status.timeline) and status.timeline[-1].set_by
        steps = store.place_timeline(TORETSK.geonameid).steps
        assert [s.rule for s in steps] == [c.rule for c in status.timeline]
        assert all(s.set_by and set(s.set_by) <= set(s.claims_for) for s in steps)
        claims = store.claims()
        assert [c.review for c in claims] == ["corrected", None, None, "rejected", None]
        assert str(claims[0].claim.date) == "2024-10-12"
        assert not any(c.claim.date_inferred for c in claims)
        upgraded = contents(store)
    with Store.open(_emptied(old_store, tmp_path)) as fresh:
        _write_like_the_old_store(fresh)
        assert contents(fresh) == upgraded


def test_store_upgrade_steps_run_again_on_a_store_that_has_their_changes(
    old_store: str,
) -> None:
    """A store whose steps ran under other names or numbers (as on a development branch)
    has the columns and tables already: every later step must pass over them."""
    with Store.open(old_store) as store:
        before = contents(store)
    later = [m.name for m in MIGRATIONS if m.name not in BEFORE]
    engine = create_engine(old_store if "://" in old_store else f"sqlite:///{old_store}")
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM frontwatch_migrations WHERE name NOT IN "
                          "('0001_claims', '0002_layers', '0003_status_lookup', "
                          "'0004_place_claims')"))
    engine.dispose()
    with Store.open(old_store, migrate=False) as lazy:
        assert [name for name, at in lazy.migrations() if at is None] == later
    with Store.open(old_store) as store:
        assert all(at is not None for _, at in store.migrations())
        assert contents(store) == before


def test_store_upgrade_of_a_store_from_before_0004(old_store: str, tmp_path: Path) -> None:
    """A store from before `place_claims` (0004) renders it through today's claim reader,
    which reads `claims.date_inferred` (0007): that column must come first."""
    engine = create_engine(old_store if "://" in old_store else f"sqlite:///{old_store}")
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE place_claims"))
        conn.execute(text("DELETE FROM frontwatch_migrations WHERE name = '0004_place_claims'"))
    engine.dispose()
    with Store.open(old_store) as store:
        assert all(at is not None for _, at in store.migrations())
        upgraded = contents(store)
    with Store.open(_emptied(old_store, tmp_path)) as fresh:
        _write_like_the_old_store(fresh)
        assert contents(fresh) == upgraded
