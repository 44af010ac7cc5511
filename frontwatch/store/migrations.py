"""Named, recorded schema migrations.

Each step runs in its own transaction together with the insert of its row in
`frontwatch_migrations`, so a crash leaves either the whole step and its row or neither.
Listing what is applied or pending only reads. A new schema change is a new step appended
to `MIGRATIONS`; steps already released are never edited, except where an old step
renders through today's store code and needs a column a later step adds (0004 adds
0007's `claims.date_inferred` first): what it leaves on any database stays the same.

Several processes may open an empty database at once (the workers of a backfill, a server
starting beside an ingest). On PostgreSQL they take turns under one advisory lock; on
SQLite every step, and the creation of the migrations table, is a `BEGIN IMMEDIATE`
write. Either way each step is checked again once the lock is held, so it runs once.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, inspect, select, text

from frontwatch.store import schema

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Callable[[Connection], None]


def _create(*tables: str) -> Callable[[Connection], None]:
    def step(conn: Connection) -> None:
        for name in tables:
            schema.metadata.tables[name].create(conn, checkfirst=True)

    return step


def _status_lookup(conn: Connection) -> None:
    """Counts of claims for/against on each `place_status` row, and the as-of lookup index.

    On a database created before this step the two columns are added and filled from the
    JSON id lists; on a fresh one step 0001 already made them, and only the index (kept in
    the table definition, so `checkfirst` sees it) may be missing.
    """
    table = schema.place_status
    have = {c["name"] for c in inspect(conn).get_columns(table.name)}
    added = [name for name in ("n_for", "n_against") if name not in have]
    for name in added:
        conn.exec_driver_sql(
            f"ALTER TABLE {table.name} ADD COLUMN {name} INTEGER NOT NULL DEFAULT 0"
        )
    if added:
        as_json = "{}" if conn.dialect.name == "sqlite" else "CAST({} AS json)"
        length = "json_array_length(" + as_json + ")"
        conn.exec_driver_sql(
            f"UPDATE {table.name} SET n_for = {length.format('claims_for')}, "
            f"n_against = {length.format('claims_against')}"
        )
    lookup = next(i for i in table.indexes if i.name == "ix_place_status_lookup")
    lookup.create(conn, checkfirst=True)


def _place_claims(conn: Connection) -> None:
    """Each place's claims rendered in one row (`place_claims`), for every place that a
    database from before this step has claims about.

    The rendering reads claims with today's reader, which selects `claims.date_inferred`:
    a database this old gets that column here, and 0007 then finds it.
    """
    from frontwatch.store.store import render_place_claims  # store.py imports this module

    _add_date_inferred(conn)
    schema.place_claims.create(conn, checkfirst=True)
    count = render_place_claims(conn)
    log.info("rendered the claims of %d places", count)


def _long_text(conn: Connection) -> None:
    """Document ids and languages as unbounded text on PostgreSQL (they were VARCHAR(64)
    and VARCHAR(8), which SQLite never enforced): the same input stores the same on both."""
    if conn.dialect.name != "postgresql":
        return
    columns = (("documents", "id"), ("documents", "lang"), ("mentions", "doc_id"),
               ("claims", "doc_id"))
    for table, column in columns:
        kind = next(c["type"] for c in inspect(conn).get_columns(table) if c["name"] == column)
        if getattr(kind, "length", None) is not None:
            conn.exec_driver_sql(f'ALTER TABLE {table} ALTER COLUMN "{column}" TYPE TEXT')


def _add_date_inferred(conn: Connection) -> bool:
    """Add `claims.date_inferred` (False for claims stored before it) unless it is there;
    whether it was added."""
    have = {c["name"] for c in inspect(conn).get_columns(schema.claims.name)}
    if "date_inferred" in have:
        return False
    false = "0" if conn.dialect.name == "sqlite" else "false"
    conn.exec_driver_sql(
        f"ALTER TABLE {schema.claims.name} ADD COLUMN date_inferred BOOLEAN NOT NULL "
        f"DEFAULT {false}"
    )
    return True


def _claim_date_inferred(conn: Connection) -> None:
    """`claims.date_inferred`, and every place's rendered claims again, so they carry the
    new field."""
    from frontwatch.store.store import render_place_claims  # store.py imports this module

    if _add_date_inferred(conn):
        render_place_claims(conn)


def _status_rules(conn: Connection) -> None:
    """The rule and the setting claims of each status change (`rule`, `n_set`), and every
    timeline recomputed: these rules also brought the partial-control statuses.

    It comes after 0005 and 0007 because the refresh goes through the store's own reader
    and renderer, which read `claims.date_inferred` and write `place_backlog`.
    """
    from frontwatch.store.store import refresh_all_statuses  # store.py imports this module

    table = schema.place_status
    have = {c["name"] for c in inspect(conn).get_columns(table.name)}
    if "rule" not in have:
        conn.exec_driver_sql(
            f"ALTER TABLE {table.name} ADD COLUMN rule VARCHAR(4) NOT NULL DEFAULT ''"
        )
    if "n_set" not in have:
        conn.exec_driver_sql(
            f"ALTER TABLE {table.name} ADD COLUMN n_set INTEGER NOT NULL DEFAULT 0"
        )
    count = refresh_all_statuses(conn)
    log.info("reconciled %d places again", count)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_claims",
        _create("documents", "places", "mentions", "claims", "reviews", "tokens", "place_status"),
    ),
    Migration("0002_layers", _create("layers", "layer_geometries")),
    Migration("0003_status_lookup", _status_lookup),
    Migration("0004_place_claims", _place_claims),
    Migration("0005_place_backlog", _create("place_backlog")),
    Migration("0006_long_text", _long_text),
    Migration("0007_claim_date_inferred", _claim_date_inferred),
    Migration("0008_status_rules", _status_rules),
)

# pg_advisory_lock key of the migrations: "fwmigrat" read as a big-endian integer.
_MIGRATION_LOCK = int.from_bytes(b"fwmigrat", "big") - (1 << 63)


def applied(conn: Connection) -> dict[str, dt.datetime]:
    """Applied migration names with their time; empty on a fresh database. Read-only."""
    if not inspect(conn).has_table(schema.migrations.name):
        return {}
    rows = conn.execute(select(schema.migrations.c.name, schema.migrations.c.applied_at))
    return {name: at for name, at in rows}


def status(engine: Engine) -> list[tuple[str, dt.datetime | None]]:
    """Every known migration with when it was applied (None while pending). Read-only."""
    with engine.connect() as conn:
        done = applied(conn)
    return [(m.name, done.get(m.name)) for m in MIGRATIONS]


def migrate(engine: Engine) -> list[str]:
    """Apply pending migrations in order, one transaction each; returns the names applied.

    Safe to call from many processes at once (see the module docstring); when nothing is
    pending it only reads.
    """
    with engine.connect() as conn:
        if applied(conn).keys() >= {m.name for m in MIGRATIONS}:
            return []
    with engine.connect().execution_options(frontwatch_write=True) as conn:
        if conn.dialect.name != "postgresql":
            return _apply_pending(conn)
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
        conn.commit()
        try:
            return _apply_pending(conn)
        finally:
            conn.rollback()
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK})
            conn.commit()


def _apply_pending(conn: Connection) -> list[str]:
    with conn.begin():
        schema.migrations.create(conn, checkfirst=True)
    ran: list[str] = []
    for migration in MIGRATIONS:
        with conn.begin():
            if migration.name in applied(conn):
                continue
            migration.apply(conn)
            conn.execute(
                schema.migrations.insert().values(
                    name=migration.name, applied_at=dt.datetime.now(dt.UTC)
                )
            )
            log.info("applied migration %s", migration.name)
            ran.append(migration.name)
    return ran
