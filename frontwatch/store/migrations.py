"""Named, recorded schema migrations.

Each step runs in its own transaction together with the insert of its row in
`frontwatch_migrations`, so a crash leaves either the whole step and its row or neither.
Listing what is applied or pending only reads. A new schema change is a new step appended
to `MIGRATIONS`; steps already released are never edited.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, inspect, select

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
    database from before this step has claims about."""
    from frontwatch.store.store import render_place_claims  # store.py imports this module

    schema.place_claims.create(conn, checkfirst=True)
    count = render_place_claims(conn)
    log.info("rendered the claims of %d places", count)


def _claim_date_inferred(conn: Connection) -> None:
    """`claims.date_inferred` (False for claims stored before it), and every place's
    rendered claims again, so they carry the new field."""
    from frontwatch.store.store import render_place_claims

    have = {c["name"] for c in inspect(conn).get_columns(schema.claims.name)}
    if "date_inferred" not in have:
        false = "0" if conn.dialect.name == "sqlite" else "false"
        conn.exec_driver_sql(
            f"ALTER TABLE {schema.claims.name} ADD COLUMN date_inferred BOOLEAN NOT NULL "
            f"DEFAULT {false}"
        )
        render_place_claims(conn)


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_claims",
        _create("documents", "places", "mentions", "claims", "reviews", "tokens", "place_status"),
    ),
    Migration("0002_layers", _create("layers", "layer_geometries")),
    Migration("0003_status_lookup", _status_lookup),
    Migration("0004_place_claims", _place_claims),
    Migration("0005_claim_date_inferred", _claim_date_inferred),
)


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
    """Apply pending migrations in order, one transaction each; returns the names applied."""
    with engine.begin() as conn:
        schema.migrations.create(conn, checkfirst=True)
    ran: list[str] = []
    for migration in MIGRATIONS:
        with engine.connect().execution_options(frontwatch_write=True) as conn, conn.begin():
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
