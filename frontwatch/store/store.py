"""The claim store: documents, claims, reviews and the materialized per-place status.

A plain path opens a SQLite file (WAL, foreign keys, busy timeout); a URL opens any
SQLAlchemy database (PostgreSQL through psycopg). Every write is one transaction: a
document with all its mentions and claims, or a review, lands together with the recomputed
`place_status` and `place_claims` rows of the places it touches, so the map's "status of
every place as of D" is a single indexed query, a place's timeline reads three rows of
one place, and a killed process never leaves half a document behind.

Backfills write batches (`add_extractions`): one transaction per batch, a savepoint per
document so that one bad document is reported and skipped, and the rendering of busy
places deferred while their backlog is small next to what they hold (`place_backlog`), so
that storing a document costs the same in an empty store and in a full one. Writers on
PostgreSQL render a place one at a time (an advisory lock per place) and retry a batch
after a deadlock or a concurrent writer's duplicate.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import logging
import random
import secrets
import sqlite3
import time
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TypeVar

import orjson
from sqlalchemy import (
    Connection,
    Engine,
    Row,
    Select,
    String,
    and_,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    or_,
    select,
    text,
    type_coerce,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, OperationalError, SQLAlchemyError

from frontwatch.errors import InputError, StoreError
from frontwatch.reconcile import timeline
from frontwatch.records import (
    ACTORS,
    KINDS,
    SIDES,
    STANCES,
    Claim,
    Document,
    Extraction,
    PartialDate,
    Place,
    PlaceMention,
    Source,
    StatusChange,
    StoredClaim,
    claim_as_dict,
)
from frontwatch.store import migrations
from frontwatch.store.schema import claims as t_claims
from frontwatch.store.schema import documents as t_docs
from frontwatch.store.schema import mentions as t_mentions
from frontwatch.store.schema import place_backlog as t_backlog
from frontwatch.store.schema import place_claims as t_place_claims
from frontwatch.store.schema import place_status as t_status
from frontwatch.store.schema import places as t_places
from frontwatch.store.schema import reviews as t_reviews
from frontwatch.store.schema import tokens as t_tokens

log = logging.getLogger(__name__)

AddResult = Literal["new", "unchanged", "updated"]
T = TypeVar("T")
ReviewAction = Literal["accept", "reject", "correct"]
ROLES: tuple[str, ...] = ("editor", "admin")
REVIEW_ACTIONS: tuple[str, ...] = ("accept", "reject", "correct")
CORRECTABLE: tuple[str, ...] = ("kind", "actor", "stance", "source", "date", "place")
_REVIEW_STATE = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}
_SQLITE_BUSY_MS = 30_000
# Reads map the file instead of copying pages through a small per-connection cache: the
# map's query touches a few thousand scattered pages, and with the default 2 MiB cache each
# pooled connection re-read them on every request (about 3 times slower). Address space,
# not memory: the pages are the OS's page cache, shared by every connection.
_SQLITE_MMAP_BYTES = 1 << 30
# A batch write renders a place again once the claims added or removed since its last
# rendering reach 1/_BACKLOG_SHARE of those rendered then (every rendering then re-reads
# at most _BACKLOG_SHARE + 1 claims per new one), and always while it has fewer than
# _ALWAYS_RENDER claims: most places stay current, the busiest lag by a fifth at most.
_BACKLOG_SHARE = 4
_ALWAYS_RENDER = 64
# SQLSTATEs after which a whole transaction is tried again: deadlock detected,
# serialization failure, unique violation (a concurrent writer stored the same row first),
# lock not available.
_RETRY_STATES = frozenset({"40P01", "40001", "23505", "55P03"})
_RETRIES = 8
# First argument of pg_advisory_xact_lock(int, int) for "render this place" ("fwpl") and
# for "write this document" ("fwdo").
_PLACE_LOCK = int.from_bytes(b"fwpl", "big")
_DOCUMENT_LOCK = int.from_bytes(b"fwdo", "big")


@dataclass(frozen=True, slots=True)
class Written:
    """What a batch write did with one extraction; `reason` says why it `failed`."""

    result: Literal["new", "unchanged", "updated", "failed"]
    reason: str | None = None


class _GaveUp(StoreError):
    """A write still met deadlocks or concurrent duplicates after every retry."""


@dataclass(frozen=True, slots=True)
class StoredDocument:
    """A stored article with its text, its resolved mentions and its claims (with ids)."""

    id: str
    text: str
    origin: str
    url: str | None
    title: str | None
    outlet: str | None
    lang: str | None
    published: PartialDate | None
    extractor_version: str
    ingested_at: dt.datetime
    claims: tuple[StoredClaim, ...]
    mentions: tuple[PlaceMention, ...]


@dataclass(frozen=True, slots=True)
class PlaceStatus:
    """One place as of a date: its status, since when, why, and everything said about it.

    `timeline` holds the changes up to `as_of`; `claims` every claim about the place dated
    up to `as_of` (or undated), rejected ones included so editors see them.
    """

    place: Place
    as_of: dt.date | None
    status: str
    since: PartialDate | None
    partial: str | None
    claims_for: tuple[StoredClaim, ...]
    claims_against: tuple[StoredClaim, ...]
    timeline: tuple[StatusChange, ...]
    claims: tuple[StoredClaim, ...]


@dataclass(frozen=True, slots=True)
class TimelineStep:
    """One status change as stored: its date as text and the ids of the claims it lists."""

    date: str
    status: str
    partial: str | None
    claims_for: tuple[int, ...]
    claims_against: tuple[int, ...]
    rule: str = ""
    set_by: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class PlaceTimeline:
    """What a `PlaceStatus` says, with its claims already rendered as JSON (`place_claims`):
    for a caller that sends it on, since building a record per claim to render it again
    costs far more than the rest.

    `claims` holds the JSON objects, comma-separated, of every claim dated up to `as_of`
    (or undated) in timeline order; `claims_for` and `claims_against` those of the claims
    the current change lists.
    """

    place: Place
    as_of: dt.date | None
    steps: tuple[TimelineStep, ...]
    claims: bytes
    claims_for: tuple[bytes, ...]
    claims_against: tuple[bytes, ...]


@dataclass(frozen=True, slots=True)
class PlaceStatusRow:
    """One line of the map: a place's status on a date, read from `place_status`."""

    place: Place
    status: str
    since: PartialDate
    partial: str | None
    n_for: int
    n_against: int
    n_claims: int


@dataclass(frozen=True, slots=True)
class TokenInfo:
    """An API token as listed (its secret is never stored, only its hash)."""

    id: int
    role: str
    created_at: dt.datetime
    revoked_at: dt.datetime | None


def _hash_secret(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


def _content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _clean(value: str) -> str:
    """A string PostgreSQL can store: NUL becomes U+FFFD, one code point for one, so
    offsets into the text stay right, and SQLite stores the very same string."""
    return value.replace("\x00", "\ufffd") if "\x00" in value else value


def _clean_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: _clean(v) if isinstance(v, str) else v for k, v in row.items()}


def _retryable(exc: DBAPIError) -> bool:
    """Whether trying the transaction again may succeed (see `_RETRY_STATES`)."""
    if getattr(exc.orig, "sqlstate", None) in _RETRY_STATES:
        return True
    return isinstance(exc, OperationalError) and "database is locked" in str(exc.orig)


def _detail(exc: SQLAlchemyError) -> str:
    """The first line of the database's own message."""
    return str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]


def _insert(conn: Connection, table: Any) -> Any:
    """The dialect's INSERT, which knows ON CONFLICT (SQLite and PostgreSQL alike)."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as pg_insert

        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert

    return sqlite_insert(table)


def _upsert(conn: Connection, table: Any, rows: list[dict[str, Any]], key: str) -> None:
    """Insert rows, or update the stored ones with the same `key`."""
    if not rows:
        return
    statement = _insert(conn, table)
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[key], set_={k: statement.excluded[k] for k in rows[0] if k != key}
        ),
        rows,
    )


def _lock_documents(conn: Connection, doc_ids: Iterable[str]) -> None:
    """On PostgreSQL, hold the documents of a batch against other writers of the same ones
    until this transaction ends. Taken together, in one fixed order, before any is written:
    two batches of the same new documents in opposite orders would otherwise each insert
    half and wait on the other's half."""
    if conn.dialect.name != "postgresql":
        return
    keys = sorted({int.from_bytes(hashlib.sha256(i.encode()).digest()[:4], "big", signed=True)
                   for i in doc_ids})
    conn.execute(
        text("SELECT count(pg_advisory_xact_lock(:ns, x)) FROM unnest(CAST(:keys AS integer[])) AS x"),
        {"ns": _DOCUMENT_LOCK, "keys": keys},
    )


def _lock_places(conn: Connection, geonameids: Sequence[int]) -> None:
    """On PostgreSQL, wait until no other transaction renders these places, and keep them
    until this one ends. Taken in ascending order, so two writers never wait on each other
    in a circle; the claims read afterwards include every other writer's committed ones."""
    if conn.dialect.name != "postgresql" or not geonameids:
        return
    conn.execute(
        text(
            "SELECT count(pg_advisory_xact_lock(:ns, CAST(x % 2147483648 AS integer)))"
            " FROM unnest(CAST(:ids AS bigint[])) AS x"
        ),
        {"ns": _PLACE_LOCK, "ids": sorted(set(geonameids))},
    )


def _engine_for(url_or_path: str) -> Engine:
    """An engine for a path (SQLite) or an SQLAlchemy URL, with friendly errors."""
    if "://" not in url_or_path:
        path = Path(url_or_path).expanduser()
        if path.is_dir():
            raise StoreError(f"{path}: is a directory; give a database file path or a URL")
        if not path.parent.is_dir():
            raise StoreError(f"{path}: folder {path.parent} does not exist")
        return create_engine(f"sqlite:///{path}")
    try:
        url = make_url(url_or_path)
    except ArgumentError as exc:
        raise StoreError(f"not a database URL: {url_or_path!r} ({exc})") from exc
    if url.get_backend_name() == "postgresql":
        if url.get_driver_name() in ("", "psycopg2"):
            url = url.set(drivername="postgresql+psycopg")
        try:
            import psycopg  # noqa: F401
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL needs psycopg: pip install 'frontwatch[postgres]'"
            ) from exc
    try:
        return create_engine(url, pool_pre_ping=True)
    except (ArgumentError, ImportError, SQLAlchemyError) as exc:
        raise StoreError(f"cannot use database URL {url.render_as_string()!r}: {exc}") from exc


def _setup_sqlite(engine: Engine) -> None:
    """WAL for concurrent readers, FKs for cascades, IMMEDIATE writes to avoid deadlocks."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {_SQLITE_BUSY_MS}")
        _wal(cursor)
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA mmap_size = {_SQLITE_MMAP_BYTES}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        write = conn.get_execution_options().get("frontwatch_write", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def _wal(cursor: Any) -> None:
    """Switch a new database file to WAL. Several processes opening it at once each read it
    in rollback mode and want the exclusive lock to switch: SQLite answers all but one
    "database is locked" at once, without waiting out the busy timeout (waiting could not
    break that deadlock), so the losers try again until the timeout."""
    deadline = time.monotonic() + _SQLITE_BUSY_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.02 + random.random() * 0.05)


def _place_of(row: Row[Any]) -> Place:
    return Place(
        geonameid=int(row.geonameid),
        name=row.name,
        lat=float(row.lat),
        lon=float(row.lon),
        admin1=row.admin1,
        country=row.country,
        feature=row.feature,
        population=int(row.population or 0),
    )


@functools.lru_cache(maxsize=16_384)
def _parse_date(text: str) -> PartialDate:
    """PartialDate.parse, remembered: a store holds a few thousand distinct dates at most,
    and a place's timeline or the map would otherwise parse the same ones again per row."""
    return PartialDate.parse(text)


def _date_or_none(text: str | None) -> PartialDate | None:
    return _parse_date(text) if text else None


def stored_claim_dict(item: StoredClaim) -> dict[str, Any]:
    """A stored claim as the API shows it: the `extract --jsonl` object plus its id, its
    article's URL and its review."""
    return {"id": item.id, **claim_as_dict(item.claim), "url": item.url, "review": item.review}


def _timeline_key(item: StoredClaim) -> tuple[str, int]:
    """Where a claim goes in `place_claims`: undated first, then by first day and id."""
    date = item.claim.date
    return (date.first_day().isoformat() if date else "", item.id)


def _place_claims_row(geonameid: int, stored: Iterable[StoredClaim]) -> dict[str, Any]:
    """A place's `place_claims` row: its claims rendered, and what finds each one again."""
    ordered = sorted(stored, key=_timeline_key)
    pieces = [orjson.dumps(stored_claim_dict(item)) for item in ordered]
    ends: list[int] = []
    end = -1
    for piece in pieces:
        end += len(piece) + 1  # the piece and the comma before it
        ends.append(end)
    positions = {"ids": [item.id for item in ordered],
                 "days": [_timeline_key(item)[0] for item in ordered], "ends": ends}
    return {"geonameid": geonameid, "claims": b",".join(pieces),
            "positions": orjson.dumps(positions)}


def render_place_claims(conn: Connection) -> int:
    """Render the claims of every place that has any into `place_claims` (a database from
    before the table); returns how many places."""
    store = Store(conn.engine)
    ids = list(conn.scalars(select(t_claims.c.geonameid).distinct()))
    conn.execute(delete(t_place_claims))
    for geonameid in ids:
        stored = store._stored_claims(conn, [t_claims.c.geonameid == geonameid])
        conn.execute(t_place_claims.insert(), _place_claims_row(geonameid, stored))
    return len(ids)


def refresh_all_statuses(conn: Connection) -> int:
    """Reconcile every place with claims again (a database from before a rules change);
    returns how many places."""
    ids = list(conn.scalars(select(t_claims.c.geonameid).distinct()))
    conn.execute(delete(t_status))
    conn.execute(delete(t_place_claims))
    Store(conn.engine)._refresh(conn, ids)
    return len(ids)


def _validate_claim_fields(values: dict[str, Any], where: str) -> None:
    checks = (("kind", KINDS), ("actor", ACTORS), ("stance", STANCES), ("source_side", SIDES))
    for name, allowed in checks:
        if values[name] not in allowed:
            raise InputError(
                where, f"{name} must be one of {', '.join(allowed)}, got {values[name]!r}"
            )


_ROW_COLUMNS = (
    t_places.c.geonameid,
    t_places.c.name,
    t_places.c.lat,
    t_places.c.lon,
    t_places.c.admin1,
    t_places.c.country,
    t_places.c.feature,
    t_places.c.population,
    t_status.c.status,
    t_status.c.date,
    t_status.c.partial,
    t_status.c.n_for,
    t_status.c.n_against,
    t_status.c.n_claims,
)
_CLAIM_COLUMNS = (
    t_claims.c.id,
    t_claims.c.doc_id,
    t_claims.c.place_mention,
    t_claims.c.kind,
    t_claims.c.actor,
    t_claims.c.stance,
    t_claims.c.source_name,
    t_claims.c.source_side,
    t_claims.c.date,
    t_claims.c.evidence,
    t_claims.c.evidence_start,
    t_claims.c.evidence_end,
    t_claims.c.confidence,
    t_claims.c.mention_start,
    t_claims.c.mention_end,
    t_claims.c.review,
    t_docs.c.url,
    t_claims.c.date_inferred,
)
_PLACE_COLUMNS = (
    t_places.c.geonameid,
    t_places.c.name,
    t_places.c.lat,
    t_places.c.lon,
    t_places.c.admin1,
    t_places.c.country,
    t_places.c.feature,
    t_places.c.population,
)
_IN_CHUNK = 5_000  # ids per IN (...) list, well under SQLite's bound-parameter limit

# A place's timeline, read from what every write keeps materialized; composed once, since
# composing them on every request cost about as much as running them.
_PLACE: Select[Any] = select(*_PLACE_COLUMNS).where(
    t_places.c.geonameid == bindparam("geonameid")
)
_STEPS = (
    select(t_status.c.date, t_status.c.status, t_status.c.partial,
           t_status.c.claims_for, t_status.c.claims_against, t_status.c.rule, t_status.c.n_set)
    .where(t_status.c.geonameid == bindparam("geonameid"))
    .order_by(t_status.c.seq)
)
_STEPS_AS_OF = _STEPS.where(t_status.c.valid_from <= bindparam("as_of"))
_RENDERED = select(t_place_claims.c.claims, t_place_claims.c.positions).where(
    t_place_claims.c.geonameid == bindparam("geonameid")
)


def _iso_text(value: object) -> str | None:
    """A date column read as text (SQLite) or as a date (PostgreSQL), as `YYYY-MM-DD`."""
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    return str(value)[:10]


def _status_row(row: Sequence[Any]) -> PlaceStatusRow:
    """A map row from the values of `_ROW_COLUMNS`, by position (no per-row parsing)."""
    (gid, name, lat, lon, admin1, country, feature, population,
     status, date, partial, n_for, n_against, n_claims) = row
    return PlaceStatusRow(
        place=Place(
            int(gid), name, float(lat), float(lon), admin1, country, feature,
            int(population or 0),
        ),
        status=status,
        since=_parse_date(date),
        partial=partial,
        n_for=int(n_for),
        n_against=int(n_against),
        n_claims=int(n_claims),
    )


class Store:
    """The claim database. Open with `Store.open(path_or_url)`; close with `close()`."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)

    # -- opening ---------------------------------------------------------------------------

    @classmethod
    def open(cls, url_or_path: str, *, migrate: bool = True) -> Store:
        """Open (creating and migrating when needed) a SQLite file path or a database URL."""
        engine = _engine_for(url_or_path)
        if engine.dialect.name == "sqlite":
            _setup_sqlite(engine)
        store = cls(engine)
        if migrate:
            with store._errors("migrate"):
                migrations.migrate(engine)
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def migrations(self) -> list[tuple[str, dt.datetime | None]]:
        """Known migrations and when each was applied (None: pending). Read-only."""
        with self._errors("list migrations"):
            return migrations.status(self.engine)

    @contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            raise StoreError(f"{self.url}: cannot {what}: {_detail(exc)}") from exc

    def _retrying(self, what: str, work: Callable[[Connection], T]) -> T:
        """Run `work` in one write transaction; after a deadlock, a serialization failure or
        a concurrent duplicate, roll back, wait (doubling, with jitter) and run it again."""
        delay = 0.02
        for attempt in range(1, _RETRIES + 1):
            try:
                with self.engine.connect().execution_options(frontwatch_write=True) as conn:
                    with conn.begin():
                        return work(conn)
            except DBAPIError as exc:
                if not _retryable(exc):
                    raise StoreError(f"{self.url}: cannot {what}: {_detail(exc)}") from exc
                if attempt == _RETRIES:
                    raise _GaveUp(
                        f"{self.url}: cannot {what} after {_RETRIES} tries: {_detail(exc)}"
                    ) from exc
                log.info("%s: %s; trying again (%d)", what, _detail(exc), attempt)
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 1.0)
            except SQLAlchemyError as exc:
                raise StoreError(f"{self.url}: cannot {what}: {_detail(exc)}") from exc
        raise AssertionError("unreachable")

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE on SQLite); rolls back on any exception."""
        with self._errors("write"):
            with self.engine.connect().execution_options(frontwatch_write=True) as conn:
                with conn.begin():
                    yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors("read"), self.engine.connect() as conn, conn.begin():
            yield conn

    # -- documents -------------------------------------------------------------------------

    def stored_version(self, doc_id: str) -> str | None:
        """The extractor version a document was stored with, or None when it is not stored."""
        with self._read() as conn:
            return conn.scalar(
                select(t_docs.c.extractor_version).where(t_docs.c.id == _clean(doc_id))
            )

    def stored_versions(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """`stored_version` of many documents in one read: id -> version, stored ones only."""
        wanted = {_clean(i): i for i in doc_ids}
        found: dict[str, str] = {}
        keys = sorted(wanted)
        with self._read() as conn:
            for first in range(0, len(keys), _IN_CHUNK):
                query = select(t_docs.c.id, t_docs.c.extractor_version).where(
                    t_docs.c.id.in_(keys[first : first + _IN_CHUNK])
                )
                found.update({wanted[i]: v for i, v in conn.execute(query)})
        return found

    def document_ids(self, *, not_version: str | None = None) -> list[str]:
        """Stored document ids, optionally only those extracted by another version."""
        query = select(t_docs.c.id).order_by(t_docs.c.ingested_at, t_docs.c.id)
        if not_version is not None:
            query = query.where(t_docs.c.extractor_version != not_version)
        with self._read() as conn:
            return list(conn.scalars(query))

    def documents_text_ids(self, *, not_version: str | None = None) -> Iterator[Document]:
        """Stored documents as `Document` records (for re-extraction), oldest first."""
        for doc_id in self.document_ids(not_version=not_version):
            with self._read() as conn:
                row = conn.execute(select(t_docs).where(t_docs.c.id == doc_id)).first()
            if row is not None:
                yield self._document_record(row)

    @staticmethod
    def _document_record(row: Row[Any]) -> Document:
        return Document(
            id=row.id,
            text=row.text,
            origin=row.origin,
            url=row.url,
            title=row.title,
            outlet=row.outlet,
            lang=row.lang,
            published=_date_or_none(row.published),
        )

    def add_extraction(self, extraction: Extraction, *, force: bool = False) -> AddResult:
        """Store a document with its mentions and claims in one transaction, and render the
        places it touches at once (the API's path: one article at a time, read right after).

        "unchanged" when the document is stored with the same extractor version (unless
        `force`); "updated" when it is stored with another one (its mentions and claims are
        replaced, reviews carried over to identical claims); "new" otherwise. A bad claim
        raises InputError and stores nothing.
        """
        [written] = self._retrying(
            "write", lambda conn: self._write_batch(conn, [extraction], force, isolate=False)
        )
        if written.result == "failed":
            raise AssertionError(written.reason)
        return written.result

    def add_extractions(
        self, extractions: Sequence[Extraction], *, force: bool = False
    ) -> list[Written]:
        """Store a batch in one transaction: one `Written` per extraction, in order.

        A document that cannot be stored (a claim of another document, a field the
        database refuses) is rolled back alone and reported as `failed`; the others land.
        Busy places are rendered again only when their backlog is large enough (see
        `place_backlog`): call `refresh_backlog()` when the run is over. After a deadlock
        or a concurrent writer's duplicate the batch is retried; when retries run out, its
        documents are written one transaction each.
        """
        if not extractions:
            return []
        try:
            return self._retrying(
                "write", lambda conn: self._write_batch(conn, extractions, force, isolate=True)
            )
        except _GaveUp:
            if len(extractions) == 1:
                raise
        written: list[Written] = []
        for extraction in extractions:
            try:
                written += self.add_extractions([extraction], force=force)
            except _GaveUp as exc:
                written.append(Written("failed", str(exc)))
        return written

    def _write_batch(
        self, conn: Connection, extractions: Sequence[Extraction], force: bool, *, isolate: bool
    ) -> list[Written]:
        _lock_documents(conn, (_clean(e.document.id) for e in extractions))
        touched: Counter[int] = Counter(self._upsert_places(conn, [
            place for extraction in extractions
            for place in [m.place for m in extraction.mentions]
            + [c.place for c in extraction.claims]
        ]))
        written: list[Written] = []
        for extraction in extractions:
            if not isolate:
                written.append(Written(self._write_document(conn, extraction, force, touched)))
                continue
            doc_touched: Counter[int] = Counter()
            savepoint = conn.begin_nested()
            try:
                result = self._write_document(conn, extraction, force, doc_touched)
            except InputError as exc:
                savepoint.rollback()
                written.append(Written("failed", exc.reason))
                continue
            except DBAPIError as exc:
                savepoint.rollback()
                if _retryable(exc) or exc.connection_invalidated:
                    raise
                written.append(Written("failed", _detail(exc)))
                continue
            savepoint.commit()
            touched.update(doc_touched)
            written.append(Written(result))
        self._settle(conn, touched, defer=isolate)
        return written

    def _write_document(
        self, conn: Connection, extraction: Extraction, force: bool, touched: Counter[int]
    ) -> AddResult:
        """Write one document inside the caller's transaction; counts in `touched` the
        claims it adds to or removes from each place."""
        doc = extraction.document
        doc_id = _clean(doc.id)
        where = doc.origin or doc.id
        rows = []
        for claim in extraction.claims:
            if claim.doc != doc.id:
                raise InputError(where, f"claim belongs to document {claim.doc}")
            row = self._claim_values(claim)
            _validate_claim_fields(row, where)
            rows.append(_clean_row({"doc_id": doc_id, **row}))
        stored = select(t_docs.c.extractor_version).where(t_docs.c.id == doc_id).with_for_update()
        version = conn.scalar(stored)
        if version is not None and version == extraction.extractor_version and not force:
            return "unchanged"
        values = _clean_row({
            "origin": doc.origin,
            "url": doc.url,
            "title": doc.title,
            "outlet": doc.outlet,
            "lang": doc.lang,
            "published": str(doc.published) if doc.published else None,
            "published_precision": doc.published.precision if doc.published else None,
            "text": doc.text,
            "content_hash": _content_hash(doc.text),
            "extractor_version": extraction.extractor_version,
            "ingested_at": _now(),
        })
        if version is None:
            insert = _insert(conn, t_docs).values(id=doc_id, **values)
            inserted = conn.execute(insert.on_conflict_do_nothing().returning(t_docs.c.id)).first()
            if inserted is None:  # a concurrent writer stored it since our first look
                version = conn.scalar(stored)
                if version == extraction.extractor_version and not force:
                    return "unchanged"
        old_ids: list[int] = []
        carried: dict[str, list[int]] = {}
        if version is not None:
            for old_id, geonameid in conn.execute(
                select(t_claims.c.id, t_claims.c.geonameid).where(t_claims.c.doc_id == doc_id)
            ):
                old_ids.append(int(old_id))
                touched[int(geonameid)] += 1
            carried = self._reviews_to_carry(conn, doc_id)
            conn.execute(delete(t_mentions).where(t_mentions.c.doc_id == doc_id))
            conn.execute(update(t_docs).where(t_docs.c.id == doc_id).values(**values))
        if extraction.mentions:
            conn.execute(
                t_mentions.insert(),
                [
                    _clean_row({
                        "doc_id": doc_id,
                        "geonameid": m.place.geonameid,
                        "start": m.start,
                        "end": m.end,
                        "text": m.text,
                        "score": m.score,
                        "how": m.how,
                    })
                    for m in extraction.mentions
                ],
            )
        if rows:
            claim_ids = conn.execute(
                t_claims.insert().returning(t_claims.c.id, sort_by_parameter_order=True), rows
            ).scalars().all()
            for claim_id, row in zip(claim_ids, rows, strict=True):
                touched[int(row["geonameid"])] += 1
                for old_id in carried.pop(row["extracted"], []):
                    conn.execute(
                        update(t_reviews)
                        .where(t_reviews.c.claim_id == old_id)
                        .values(claim_id=claim_id)
                    )
                    for geonameid in self._apply_reviews(conn, claim_id):
                        touched[geonameid] += 1
        if old_ids:
            conn.execute(delete(t_claims).where(t_claims.c.id.in_(old_ids)))
        log.info("stored document %s (%d claims)", doc.id, len(extraction.claims))
        return "new" if version is None else "updated"

    def _settle(self, conn: Connection, touched: Counter[int], *, defer: bool) -> None:
        """Render the touched places whose backlog is due (all of them unless `defer`) and
        count the rest in `place_backlog`."""
        ids = sorted(touched)
        if not ids:
            return
        _lock_places(conn, ids)
        backlog: dict[int, tuple[int, int]] = {}
        for first in range(0, len(ids), _IN_CHUNK):
            query = select(t_backlog.c.geonameid, t_backlog.c.rendered, t_backlog.c.pending).where(
                t_backlog.c.geonameid.in_(ids[first : first + _IN_CHUNK])
            )
            backlog.update({int(g): (int(r), int(p)) for g, r, p in conn.execute(query)})
        due: list[int] = []
        waiting: list[dict[str, Any]] = []
        for geonameid in ids:
            rendered, pending = backlog.get(geonameid, (0, 0))
            pending += touched[geonameid]
            if not defer or rendered < _ALWAYS_RENDER or pending * _BACKLOG_SHARE >= rendered:
                due.append(geonameid)
            else:
                waiting.append({"geonameid": geonameid, "rendered": rendered, "pending": pending})
        _upsert(conn, t_backlog, waiting, "geonameid")
        self._refresh(conn, due)

    def refresh_backlog(self) -> int:
        """Render every place whose materialized rows lag behind its claims (after batch
        writes, or a batch run that was killed); returns how many places."""
        with self._read() as conn:
            ids = list(conn.scalars(
                select(t_backlog.c.geonameid)
                .where(t_backlog.c.pending > 0)
                .order_by(t_backlog.c.geonameid)
            ))
        for first in range(0, len(ids), 100):
            self._retrying("render places", functools.partial(self._refresh_ids, ids[first : first + 100]))
        return len(ids)

    def _refresh_ids(self, geonameids: list[int], conn: Connection) -> None:
        self._refresh(conn, geonameids)

    def backlog(self) -> int:
        """How many places have claims their materialized rows do not show yet."""
        with self._read() as conn:
            return int(conn.scalar(
                select(func.count()).select_from(t_backlog).where(t_backlog.c.pending > 0)
            ) or 0)

    @staticmethod
    def _claim_values(claim: Claim) -> dict[str, Any]:
        extracted = {
            "place": claim.place.geonameid,
            "kind": claim.kind,
            "actor": claim.actor,
            "stance": claim.stance,
            "source": {"name": claim.source.name, "side": claim.source.side},
            "date": str(claim.date) if claim.date else None,
            "evidence_start": claim.evidence_start,
            "evidence_end": claim.evidence_end,
        }
        return {
            "geonameid": claim.place.geonameid,
            "place_mention": claim.place_mention,
            "kind": claim.kind,
            "actor": claim.actor,
            "stance": claim.stance,
            "source_name": claim.source.name,
            "source_side": claim.source.side,
            "date": str(claim.date) if claim.date else None,
            "date_precision": claim.date.precision if claim.date else None,
            "date_first": claim.date.first_day() if claim.date else None,
            "evidence": claim.evidence,
            "evidence_start": claim.evidence_start,
            "evidence_end": claim.evidence_end,
            "mention_start": claim.mention_start,
            "mention_end": claim.mention_end,
            "confidence": claim.confidence,
            "extracted": json.dumps(extracted, sort_keys=True),
            "date_inferred": claim.date_inferred and claim.date is not None,
        }

    @staticmethod
    def _reviews_to_carry(conn: Connection, doc_id: str) -> dict[str, list[int]]:
        """Reviewed claims of a document about to be re-extracted, keyed by what was extracted."""
        rows = conn.execute(
            select(t_claims.c.id, t_claims.c.extracted)
            .where(t_claims.c.doc_id == doc_id, t_claims.c.review.is_not(None))
        ).all()
        carried: dict[str, list[int]] = {}
        for row in rows:
            carried.setdefault(row.extracted, []).append(int(row.id))
        return carried

    def _upsert_places(self, conn: Connection, places: Iterable[Place]) -> set[int]:
        """Insert new places and update those whose fields changed; returns the changed
        ones (their rendered claims show the old fields). Places already stored as they are
        are not written, so concurrent writers do not wait on one another for them; rows
        go in ascending id order, so those that are written are locked in a fixed order."""
        unique = {p.geonameid: p for p in places}
        if not unique:
            return set()
        ids = sorted(unique)
        stored: dict[int, Place] = {}
        for first in range(0, len(ids), _IN_CHUNK):
            query: Select[Any] = select(*_PLACE_COLUMNS).where(
                t_places.c.geonameid.in_(ids[first : first + _IN_CHUNK])
            )
            stored.update({int(row.geonameid): _place_of(row) for row in conn.execute(query)})
        changed = {i for i, place in stored.items() if place != unique[i]}
        rows = [_clean_row(dataclasses.asdict(unique[i])) for i in ids
                if i not in stored or i in changed]
        _upsert(conn, t_places, rows, "geonameid")
        return changed

    def add_places(self, places: Iterable[Place]) -> None:
        """Make places known to the store (claims add theirs automatically)."""
        with self.transaction() as conn:
            self._refresh(conn, self._upsert_places(conn, places))

    def document(self, doc_id: str) -> StoredDocument | None:
        """A stored document with its text, mentions and claims; None when unknown."""
        with self._read() as conn:
            row = conn.execute(select(t_docs).where(t_docs.c.id == doc_id)).first()
            if row is None:
                return None
            claims = self._stored_claims(conn, [t_claims.c.doc_id == doc_id], order_by_id=True)
            mention_rows = conn.execute(
                select(t_mentions, t_places)
                .join(t_places, t_places.c.geonameid == t_mentions.c.geonameid)
                .where(t_mentions.c.doc_id == doc_id)
                .order_by(t_mentions.c.start)
            ).all()
        mentions = tuple(
            PlaceMention(m.start, m.end, m.text, _place_of(m), m.score, m.how) for m in mention_rows
        )
        record = self._document_record(row)
        return StoredDocument(
            id=record.id,
            text=record.text,
            origin=record.origin,
            url=record.url,
            title=record.title,
            outlet=record.outlet,
            lang=record.lang,
            published=record.published,
            extractor_version=row.extractor_version,
            ingested_at=_aware(row.ingested_at),
            claims=tuple(claims),
            mentions=mentions,
        )

    # -- claims ----------------------------------------------------------------------------

    def _stored_claims(
        self,
        conn: Connection,
        where: Sequence[Any],
        *,
        limit: int | None = None,
        order_by_id: bool = True,
        place: Place | None = None,
    ) -> list[StoredClaim]:
        """Claims matching `where`; `place`, when every one is known to be about it, saves
        the join with `places` and one Place per row."""
        columns = _CLAIM_COLUMNS if place is not None else _CLAIM_COLUMNS + _PLACE_COLUMNS
        query = select(*columns).join(t_docs, t_docs.c.id == t_claims.c.doc_id)
        if place is None:
            query = query.join(t_places, t_places.c.geonameid == t_claims.c.geonameid)
        query = query.where(*where)
        query = query.order_by(t_claims.c.id) if order_by_id else query.order_by(
            t_claims.c.date_first, t_claims.c.id
        )
        if limit is not None:
            query = query.limit(limit)
        return [self._stored_claim(row, place) for row in conn.execute(query)]

    @staticmethod
    def _stored_claim(row: Sequence[Any], place: Place | None = None) -> StoredClaim:
        """A claim from the values of `_CLAIM_COLUMNS` (then `_PLACE_COLUMNS` when `place`
        is None), by position: a timeline builds hundreds, and by-name access cost more
        than the rest of the work."""
        (claim_id, doc, mention, kind, actor, stance, source_name, side, date, evidence,
         evidence_start, evidence_end, confidence, mention_start, mention_end, review,
         url, date_inferred, *where) = row
        if place is None:
            gid, name, lat, lon, admin1, country, feature, population = where
            place = Place(
                int(gid), name, float(lat), float(lon), admin1, country, feature,
                int(population or 0),
            )
        claim = Claim(
            doc, place, mention, kind, actor, stance, Source(source_name, side),
            _parse_date(date) if date else None, evidence, evidence_start, evidence_end,
            float(confidence), mention_start, mention_end, bool(date_inferred),
        )
        return StoredClaim(claim_id, claim, url, review)

    def claims(
        self,
        *,
        place: int | None = None,
        source: str | None = None,
        side: str | None = None,
        since: PartialDate | None = None,
        until: PartialDate | None = None,
        limit: int | None = None,
        after_id: int | None = None,
        undated: bool = False,
    ) -> list[StoredClaim]:
        """Claims by id, filtered; `after_id` pages (keyset). `source` is case-insensitive.

        `since`/`until` compare at the filter's precision (until 2024-10 includes the whole
        of October); undated claims are left out when either is given. `undated` keeps only
        the claims with no date at all.
        """
        where: list[Any] = []
        if undated:
            where.append(t_claims.c.date_first.is_(None))
        if place is not None:
            where.append(t_claims.c.geonameid == place)
        if source is not None:
            where.append(func.lower(t_claims.c.source_name) == source.lower())
        if side is not None:
            if side not in SIDES:
                raise InputError("side", f"must be one of {', '.join(SIDES)}, got {side!r}")
            where.append(t_claims.c.source_side == side)
        if since is not None:
            where.append(t_claims.c.date_first >= since.first_day())
        if until is not None:
            where.append(t_claims.c.date_first <= until.last_day())
        if after_id is not None:
            where.append(t_claims.c.id > after_id)
        with self._read() as conn:
            return self._stored_claims(conn, where, limit=limit)

    def claim(self, claim_id: int) -> StoredClaim | None:
        with self._read() as conn:
            found = self._stored_claims(conn, [t_claims.c.id == claim_id])
        return found[0] if found else None

    # -- places and statuses ---------------------------------------------------------------

    def place(self, geonameid: int) -> Place | None:
        with self._read() as conn:
            row = conn.execute(select(t_places).where(t_places.c.geonameid == geonameid)).first()
        return _place_of(row) if row else None

    def places_named(self, name: str) -> list[Place]:
        """Stored places with this exact name (case-insensitive), most claimed first."""
        counts = (
            select(t_claims.c.geonameid, func.count().label("n"))
            .group_by(t_claims.c.geonameid)
            .subquery()
        )
        query = (
            select(t_places)
            .outerjoin(counts, counts.c.geonameid == t_places.c.geonameid)
            .where(func.lower(t_places.c.name) == name.strip().lower())
            .order_by(func.coalesce(counts.c.n, 0).desc(), t_places.c.population.desc())
        )
        with self._read() as conn:
            return [_place_of(row) for row in conn.execute(query)]

    def place_names(self) -> list[str]:
        """The names of every stored place (for did-you-mean and search)."""
        with self._read() as conn:
            return list(conn.scalars(select(t_places.c.name).distinct()))

    def claim_counts(self, geonameids: Iterable[int]) -> dict[int, int]:
        """How many claims each of these places has (0 when none)."""
        ids = list(set(geonameids))
        if not ids:
            return {}
        with self._read() as conn:
            rows = conn.execute(
                select(t_claims.c.geonameid, func.count())
                .where(t_claims.c.geonameid.in_(ids))
                .group_by(t_claims.c.geonameid)
            ).all()
        found = {int(g): int(n) for g, n in rows}
        return {g: found.get(g, 0) for g in ids}

    def place_status(self, geonameid: int, as_of: dt.date | None = None) -> PlaceStatus:
        """A place's status as of a date (latest when None), with its timeline and claims.

        The timeline is read from the materialized `place_status` rows, which every write
        keeps equal to `reconcile.timeline` over the place's claims; only claims dated up to
        `as_of` (or undated) are loaded, plus any later one a change still lists (a change
        that lasts gathers the claims that keep confirming it).
        """
        with self._read() as conn:
            row = conn.execute(select(t_places).where(t_places.c.geonameid == geonameid)).first()
            if row is None:
                raise InputError(str(geonameid), "no claims about this place in the store")
            place = _place_of(row)
            where: list[Any] = [t_claims.c.geonameid == geonameid]
            steps = (
                select(
                    t_status.c.date,
                    t_status.c.status,
                    t_status.c.partial,
                    t_status.c.claims_for,
                    t_status.c.claims_against,
                    t_status.c.rule,
                    t_status.c.n_set,
                )
                .where(t_status.c.geonameid == geonameid)
                .order_by(t_status.c.seq)
            )
            if as_of is not None:
                where.append(
                    or_(t_claims.c.date_first.is_(None), t_claims.c.date_first <= as_of)
                )
                steps = steps.where(t_status.c.valid_from <= as_of)
            stored = self._stored_claims(conn, where, order_by_id=False, place=place)
            step_rows = [
                (date, status, partial, json.loads(ids_for), json.loads(ids_against), rule, n_set)
                for date, status, partial, ids_for, ids_against, rule, n_set in conn.execute(steps)
            ]
            by_id = {s.id: s for s in stored}
            later = {
                i for _, _, _, ids_for, ids_against, *_ in step_rows for i in ids_for + ids_against
            } - by_id.keys()
            if later:
                for extra in self._stored_claims(
                    conn, [t_claims.c.id.in_(sorted(later))], place=place
                ):
                    by_id[extra.id] = extra

        def pick(ids: list[int]) -> tuple[StoredClaim, ...]:
            return tuple(by_id[i] for i in ids if i in by_id)

        changes = tuple(
            StatusChange(place, _parse_date(date), status, partial, pick(ids_for), pick(ids_against),
                         rule=rule, set_by=pick(ids_for[:n_set]))
            for date, status, partial, ids_for, ids_against, rule, n_set in step_rows
        )
        current = changes[-1] if changes else None
        return PlaceStatus(
            place=place,
            as_of=as_of,
            status=current.status if current else "unknown",
            since=current.date if current else None,
            partial=current.partial if current else None,
            claims_for=pick(step_rows[-1][3]) if step_rows else (),
            claims_against=pick(step_rows[-1][4]) if step_rows else (),
            timeline=changes,
            claims=tuple(stored),
        )

    def place_timeline(self, geonameid: int, as_of: dt.date | None = None) -> PlaceTimeline:
        """`place_status` with the claims as JSON: three reads of one place's materialized
        rows (the place, its changes up to `as_of`, its rendered claims), whatever the
        number of claims.
        """
        params = {"geonameid": geonameid, "as_of": as_of}
        with self._read() as conn:
            row = conn.execute(_PLACE, params).first()
            if row is None:
                raise InputError(str(geonameid), "no claims about this place in the store")
            listed = [
                (date, status, partial, orjson.loads(ids_for), orjson.loads(ids_against), rule,
                 n_set)
                for date, status, partial, ids_for, ids_against, rule, n_set in conn.execute(
                    _STEPS if as_of is None else _STEPS_AS_OF, params)
            ]
            rendered = conn.execute(_RENDERED, params).first()
        claims = bytes(rendered.claims) if rendered else b""
        positions = orjson.loads(rendered.positions) if rendered else {"ids": [], "days": [],
                                                                       "ends": []}
        ends: list[int] = positions["ends"]
        at = {claim_id: n for n, claim_id in enumerate(positions["ids"])}
        upto = len(ends) if as_of is None else bisect_right(positions["days"], as_of.isoformat())

        def known(ids: list[int]) -> tuple[int, ...]:
            return tuple(i for i in ids if i in at)

        def piece(claim_id: int) -> bytes:
            n = at[claim_id]
            return claims[ends[n - 1] + 1 if n else 0 : ends[n]]

        steps = tuple(
            TimelineStep(date, status, partial, known(ids_for), known(ids_against), rule,
                         known(ids_for[:n_set]))
            for date, status, partial, ids_for, ids_against, rule, n_set in listed
        )
        current = steps[-1] if steps else None
        return PlaceTimeline(
            place=_place_of(row),
            as_of=as_of,
            steps=steps,
            claims=claims[: ends[upto - 1]] if upto else b"",
            claims_for=tuple(piece(i) for i in current.claims_for) if current else (),
            claims_against=tuple(piece(i) for i in current.claims_against) if current else (),
        )

    def statuses(
        self,
        as_of: dt.date | None = None,
        *,
        status: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[PlaceStatusRow]:
        """Every place's status on a date (latest when None): one indexed query.

        On a date, each place's row is found by one seek of `ix_place_status_lookup`: the
        last change that started by then (a place's changes follow one another, so it is
        also the only one whose [valid_from, valid_until) holds the date). `bbox` is
        (min_lon, min_lat, max_lon, max_lat), the GeoJSON order.
        """
        with self._read() as conn:
            rows = conn.execute(self._status_query(_ROW_COLUMNS, as_of, status, bbox)).all()
        return [_status_row(row) for row in rows]

    def statuses_by_id(
        self,
        as_of: dt.date | None = None,
        *,
        status: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        known: Container[int] = (),
    ) -> list[tuple[int, PlaceStatusRow | None]]:
        """`statuses`, each row with its `place_status` id, and None for the ids in `known`.

        For a caller that keeps rows rendered by id (rows are rewritten, with new ids,
        whenever a place is reconciled again; ids may be reused after a write, so such a
        cache must be emptied on every write): the ids of all places come from the index
        alone, and only the rows it lacks are read, in the same transaction.
        """
        with self._read() as conn:
            ids = [int(i) for i in conn.scalars(
                self._status_query((t_status.c.id,), as_of, status, bbox)
            )]
            missing = [i for i in ids if i not in known]
            found: dict[int, PlaceStatusRow] = {}
            for first in range(0, len(missing), _IN_CHUNK):
                chunk = missing[first : first + _IN_CHUNK]
                query = (
                    select(t_status.c.id, *_ROW_COLUMNS)
                    .join(t_places, t_places.c.geonameid == t_status.c.geonameid)
                    .where(t_status.c.id.in_(chunk))
                )
                for row in conn.execute(query):
                    found[int(row[0])] = _status_row(row[1:])
        return [(i, found.get(i)) for i in ids]

    def status_steps(self) -> list[tuple[Any, ...]]:
        """Every materialized status change of every place, for a caller that answers many
        dates from memory: `(geonameid, name, lat, lon, admin1, valid_from, valid_until,
        status, date, partial, n_for, n_against, n_claims)` rows, ordered as `statuses`
        orders places, then by `valid_from` and `seq` within a place. The two validity
        dates come as ISO `YYYY-MM-DD` strings (they compare like dates).
        """
        # Two reads, not one join: ordered by place name, the join's 300,000 rows go through
        # a temporary sort, while the changes alone come in index order.
        heads = select(
            t_places.c.geonameid, t_places.c.name, t_places.c.lat, t_places.c.lon,
            t_places.c.admin1,
        ).order_by(t_places.c.name, t_places.c.geonameid)
        changes = select(
            t_status.c.geonameid,
            type_coerce(t_status.c.valid_from, String),
            type_coerce(t_status.c.valid_until, String),
            t_status.c.status, t_status.c.date, t_status.c.partial,
            t_status.c.n_for, t_status.c.n_against, t_status.c.n_claims,
        ).order_by(t_status.c.geonameid, t_status.c.valid_from, t_status.c.seq)
        by_place: dict[int, list[tuple[Any, ...]]] = {}
        with self._read() as conn:
            places = conn.execute(heads).all()
            for gid, valid_from, valid_until, *rest in conn.execute(changes):
                by_place.setdefault(gid, []).append(
                    (_iso_text(valid_from), _iso_text(valid_until), *rest)
                )
        return [(*head, *step) for head in places for step in by_place.get(head[0], ())]

    @staticmethod
    def _status_query(
        columns: Sequence[Any],
        as_of: dt.date | None,
        status: str | None,
        bbox: tuple[float, float, float, float] | None,
    ) -> Select[Any]:
        if as_of is None:
            query = (
                select(*columns)
                .select_from(t_places)
                .join(t_status, t_status.c.geonameid == t_places.c.geonameid)
                .where(t_status.c.valid_until.is_(None))
            )
        else:
            step = t_status.alias("step")
            in_effect = (
                select(step.c.id)
                .where(step.c.geonameid == t_places.c.geonameid, step.c.valid_from <= as_of)
                .order_by(step.c.valid_from.desc(), step.c.seq.desc())
                .limit(1)
                .scalar_subquery()
            )
            query = (
                select(*columns)
                .select_from(t_places)
                .join(t_status, t_status.c.id == in_effect)
                .where(or_(t_status.c.valid_until.is_(None), t_status.c.valid_until > as_of))
            )
        if status is not None:
            query = query.where(t_status.c.status == status)
        if bbox is not None:
            min_lon, min_lat, max_lon, max_lat = bbox
            query = query.where(
                and_(
                    t_places.c.lon >= min_lon,
                    t_places.c.lon <= max_lon,
                    t_places.c.lat >= min_lat,
                    t_places.c.lat <= max_lat,
                )
            )
        return query.order_by(t_places.c.name, t_places.c.geonameid)

    def _refresh(self, conn: Connection, geonameids: Iterable[int]) -> None:
        """Recompute the materialized timeline and rendered claims of these places inside the
        caller's transaction, through `reconcile.timeline` over all their claims."""
        ids = sorted(set(geonameids))
        _lock_places(conn, ids)
        rendered: list[dict[str, Any]] = []
        for geonameid in ids:
            conn.execute(delete(t_status).where(t_status.c.geonameid == geonameid))
            conn.execute(delete(t_place_claims).where(t_place_claims.c.geonameid == geonameid))
            stored = self._stored_claims(
                conn, [t_claims.c.geonameid == geonameid], order_by_id=False
            )
            if stored:
                conn.execute(t_place_claims.insert(), _place_claims_row(geonameid, stored))
            rendered.append({"geonameid": geonameid, "rendered": len(stored), "pending": 0})
            changes = timeline(stored)
            if not changes:
                continue
            firsts = sorted(
                s.claim.date.first_day()
                for s in stored
                if s.claim.date is not None and s.review != "rejected"
            )
            rows = []
            for seq, change in enumerate(changes):
                nxt = changes[seq + 1].date.first_day() if seq + 1 < len(changes) else None
                ids_for = [c.id for c in change.claims_for if isinstance(c, StoredClaim)]
                ids_against = [c.id for c in change.claims_against if isinstance(c, StoredClaim)]
                rows.append(
                    {
                        "geonameid": geonameid,
                        "seq": seq,
                        "date": str(change.date),
                        "valid_from": change.date.first_day(),
                        "valid_until": nxt,
                        "status": change.status,
                        "partial": change.partial,
                        "claims_for": json.dumps(ids_for),
                        "claims_against": json.dumps(ids_against),
                        "n_for": len(ids_for),
                        "n_against": len(ids_against),
                        "rule": change.rule,
                        "n_set": len(change.set_by),
                        "n_claims": sum(1 for d in firsts if nxt is None or d < nxt),
                    }
                )
            conn.execute(t_status.insert(), rows)
        _upsert(conn, t_backlog, rendered, "geonameid")

    def refresh_statuses(self) -> int:
        """Recompute every place's materialized timeline (after a rules change); returns count."""
        with self.transaction() as conn:
            return refresh_all_statuses(conn)

    # -- reviews ---------------------------------------------------------------------------

    def add_review(
        self,
        claim_id: int,
        *,
        action: str,
        author: str,
        note: str = "",
        correction: dict[str, Any] | None = None,
    ) -> int:
        """Record an editor's review and re-reconcile the places it affects; returns its id.

        `reject` takes the claim out of reconciliation, `accept` only marks it, `correct`
        overrides fields: kind, actor, stance, source ({name, side}), date ("YYYY[-MM[-DD]]")
        and place (a geonameid already in the store).
        """
        if action not in REVIEW_ACTIONS:
            raise InputError(
                "action", f"must be one of {', '.join(REVIEW_ACTIONS)}, got {action!r}"
            )
        if action == "correct" and not correction:
            raise InputError("correction", "a correct review needs the fields to change")
        if correction:
            unknown = set(correction) - set(CORRECTABLE)
            if unknown:
                raise InputError(
                    "correction", f"cannot correct {', '.join(sorted(unknown))} "
                    f"(correctable: {', '.join(CORRECTABLE)})"
                )
        if not author:
            raise InputError("author", "a review needs an author")
        with self.transaction() as conn:
            exists = conn.scalar(select(t_claims.c.id).where(t_claims.c.id == claim_id))
            if exists is None:
                raise InputError(str(claim_id), "no such claim")
            review_id = conn.execute(
                t_reviews.insert()
                .values(
                    claim_id=claim_id,
                    action=action,
                    correction=json.dumps(correction, sort_keys=True) if correction else None,
                    note=note,
                    author=author,
                    created_at=_now(),
                )
                .returning(t_reviews.c.id)
            ).scalar_one()
            self._refresh(conn, self._apply_reviews(conn, claim_id))
        return int(review_id)

    def reviews(self, claim_id: int) -> list[dict[str, Any]]:
        """The review history of a claim, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                select(t_reviews).where(t_reviews.c.claim_id == claim_id).order_by(t_reviews.c.id)
            ).all()
        return [
            {
                "id": r.id,
                "claim_id": r.claim_id,
                "action": r.action,
                "correction": json.loads(r.correction) if r.correction else None,
                "note": r.note,
                "author": r.author,
                "created_at": _aware(r.created_at).isoformat(),
            }
            for r in rows
        ]

    def _apply_reviews(self, conn: Connection, claim_id: int) -> set[int]:
        """Replay a claim's reviews over what was extracted; returns the places touched."""
        row = conn.execute(
            select(t_claims.c.geonameid, t_claims.c.extracted).where(t_claims.c.id == claim_id)
        ).one()
        base: dict[str, Any] = json.loads(row.extracted)
        values = dict(base)
        state: str | None = None
        for review in conn.execute(
            select(t_reviews.c.action, t_reviews.c.correction)
            .where(t_reviews.c.claim_id == claim_id)
            .order_by(t_reviews.c.id)
        ):
            state = _REVIEW_STATE[review.action]
            if review.correction:
                values.update(json.loads(review.correction))
        where = f"correction of claim {claim_id}"
        source = values["source"]
        if not isinstance(source, dict) or "name" not in source or "side" not in source:
            raise InputError(where, "source must be an object with name and side")
        try:
            date = PartialDate.parse(values["date"]) if values["date"] else None
        except (ValueError, TypeError) as exc:
            raise InputError(where, str(exc)) from exc
        try:
            place = int(values["place"])
        except (ValueError, TypeError) as exc:
            raise InputError(where, f"place must be a geonameid, got {values['place']!r}") from exc
        if conn.scalar(select(t_places.c.geonameid).where(t_places.c.geonameid == place)) is None:
            raise InputError(where, f"place {place} is not in the store")
        columns = {
            "geonameid": place,
            "kind": values["kind"],
            "actor": values["actor"],
            "stance": values["stance"],
            "source_name": str(source["name"]),
            "source_side": source["side"],
            "date": str(date) if date else None,
            "date_precision": date.precision if date else None,
            "date_first": date.first_day() if date else None,
            "review": state,
            # A reviewer's date is no longer the publication date standing in for one.
            **({"date_inferred": False} if values["date"] != base["date"] else {}),
            "correction": json.dumps(
                {k: v for k, v in values.items() if base.get(k) != v}, sort_keys=True
            )
            if values != base
            else None,
        }
        _validate_claim_fields(columns, where)
        conn.execute(update(t_claims).where(t_claims.c.id == claim_id).values(**columns))
        return {int(row.geonameid), place}

    # -- tokens ----------------------------------------------------------------------------

    def create_token(self, role: str) -> str:
        """A new API token for `role`; the raw secret is returned once, only its hash is kept."""
        if role not in ROLES:
            raise InputError("role", f"must be one of {', '.join(ROLES)}, got {role!r}")
        raw = "fw_" + secrets.token_urlsafe(32)
        with self.transaction() as conn:
            conn.execute(
                t_tokens.insert().values(
                    secret_hash=_hash_secret(raw), role=role, created_at=_now()
                )
            )
        return raw

    def token_role(self, raw: str) -> str | None:
        """The role of a live token, or None for an unknown or revoked one."""
        info = self.token_info(raw)
        return info.role if info is not None and info.revoked_at is None else None

    def token_info(self, raw: str) -> TokenInfo | None:
        """The token a raw secret belongs to, revoked or not; None when it is unknown."""
        with self._read() as conn:
            row = conn.execute(
                select(t_tokens).where(t_tokens.c.secret_hash == _hash_secret(raw))
            ).first()
        return self._token_info(row) if row is not None else None

    @staticmethod
    def _token_info(row: Row[Any]) -> TokenInfo:
        return TokenInfo(
            row.id,
            row.role,
            _aware(row.created_at),
            _aware(row.revoked_at) if row.revoked_at else None,
        )

    def revoke_token(self, token_id: int) -> None:
        """Revoke a token by id (idempotent); unknown ids are an input error."""
        with self.transaction() as conn:
            found = conn.scalar(select(t_tokens.c.id).where(t_tokens.c.id == token_id))
            if found is None:
                raise InputError(str(token_id), "no such token")
            conn.execute(
                update(t_tokens)
                .where(t_tokens.c.id == token_id, t_tokens.c.revoked_at.is_(None))
                .values(revoked_at=_now())
            )

    def tokens(self) -> list[TokenInfo]:
        with self._read() as conn:
            rows = conn.execute(select(t_tokens).order_by(t_tokens.c.id)).all()
        return [self._token_info(r) for r in rows]

    # -- housekeeping ----------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables (for status lines and tests)."""
        tables = {
            "documents": t_docs,
            "mentions": t_mentions,
            "claims": t_claims,
            "places": t_places,
            "reviews": t_reviews,
            "place_status": t_status,
        }
        with self._read() as conn:
            return {
                name: int(conn.scalar(select(func.count()).select_from(table)) or 0)
                for name, table in tables.items()
            }



__all__ = [
    "AddResult",
    "PlaceStatus",
    "PlaceStatusRow",
    "PlaceTimeline",
    "Store",
    "StoredDocument",
    "TimelineStep",
    "TokenInfo",
    "Written",
    "render_place_claims",
    "stored_claim_dict",
]
