"""CSV export: one row per claim with ACLED-like columns, for statistics.

Text cells come from articles and editors (evidence, URL, source names), so a cell that a
spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) gets a
leading `'`, as the OWASP guidance on CSV injection says; numbers are written as numbers.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO

from frontwatch.records import StoredClaim, claim_as_dict
from frontwatch.store import Store

COLUMNS: tuple[str, ...] = (
    "event_date",
    "date_precision",
    "location",
    "geonameid",
    "admin1",
    "latitude",
    "longitude",
    "kind",
    "actor",
    "stance",
    "source",
    "source_side",
    "notes",
    "url",
    "claim_id",
    "doc",
    "review",
)
_PAGE = 5000
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell a spreadsheet would evaluate, prefixed with `'`; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def stored_claims(store: Store, *, include_rejected: bool = False) -> Iterator[StoredClaim]:
    """Every claim, paged by id so memory stays flat; rejected ones only when asked."""
    after: int | None = None
    while True:
        page = store.claims(limit=_PAGE, after_id=after)
        if not page:
            return
        for stored in page:
            if include_rejected or stored.review != "rejected":
                yield stored
        after = page[-1].id


def row(stored: StoredClaim) -> dict[str, object]:
    c = stored.claim
    return {
        "event_date": str(c.date) if c.date else "",
        "date_precision": c.date.precision if c.date else "",
        "location": c.place.name,
        "geonameid": c.place.geonameid,
        "admin1": c.place.admin1,
        "latitude": c.place.lat,
        "longitude": c.place.lon,
        "kind": c.kind,
        "actor": c.actor,
        "stance": c.stance,
        "source": c.source.name,
        "source_side": c.source.side,
        "notes": c.evidence,
        "url": stored.url or "",
        "claim_id": stored.id,
        "doc": c.doc,
        "review": stored.review or "",
    }


def write_csv(store: Store, out: IO[str]) -> int:
    """Write the header and one row per (non-rejected) claim; returns the row count."""
    # CRLF (RFC 4180): the writer quotes a cell holding any line-terminator character, so a
    # carriage return inside a source name or URL cannot end the row early.
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    n = 0
    for stored in stored_claims(store):
        writer.writerow({column: neutralise(value) for column, value in row(stored).items()})
        n += 1
    return n


def write_jsonl(store: Store, out: IO[str]) -> int:
    """One `frontwatch extract --jsonl` contract object per (non-rejected) claim."""
    n = 0
    for stored in stored_claims(store):
        out.write(json.dumps(claim_as_dict(stored.claim), ensure_ascii=False) + "\n")
        n += 1
    return n
