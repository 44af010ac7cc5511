"""Store records -> JSON-ready dicts. The shapes here are the API's contract (docs/api.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import orjson

from frontwatch.api.mapindex import COMPACT_COLUMNS, Row
from frontwatch.records import Claim, Place, StatusChange, StoredClaim, place_as_dict
from frontwatch.store import (
    PlaceStatus,
    PlaceStatusRow,
    PlaceTimeline,
    StoredDocument,
    stored_claim_dict,
)


def place(p: Place) -> dict[str, Any]:
    return {**place_as_dict(p), "country": p.country, "feature": p.feature,
            "population": p.population}


def claim(item: StoredClaim) -> dict[str, Any]:
    """A stored claim: the `extract --jsonl` contract plus its id, article URL and review (the
    shape the store renders `place_claims` in, so both read the same)."""
    return stored_claim_dict(item)


def _claim_id(item: Claim | StoredClaim) -> int | None:
    return item.id if isinstance(item, StoredClaim) else None


def _ids(items: tuple[Claim | StoredClaim, ...]) -> list[int]:
    return [i for i in (_claim_id(item) for item in items) if i is not None]


def change(step: StatusChange) -> dict[str, Any]:
    return {
        "date": str(step.date),
        "status": step.status,
        "partial": step.partial,
        "rule": step.rule,
        "set_by": _ids(step.set_by),
        "claims_for": _ids(step.claims_for),
        "claims_against": _ids(step.claims_against),
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def json_bytes(body: object) -> bytes:
    """Compact UTF-8 JSON, for bodies rendered once and served many times (orjson: the
    map's 3,000 rows take about a tenth of the time the standard library needs)."""
    return orjson.dumps(body)


def status_row(row: PlaceStatusRow) -> dict[str, Any]:
    """One map row; its place carries only the contract fields, to keep the map light."""
    return {
        "place": place_as_dict(row.place),
        "status": row.status,
        "since": str(row.since),
        "partial": row.partial,
        "n_for": row.n_for,
        "n_against": row.n_against,
        "n_claims": row.n_claims,
    }


def map_body(head: dict[str, Any], rows: list[Row]) -> bytes:
    """`head` with the rows as `"places"`, objects shaped like `status_row`'s."""
    return json_bytes({**head, "places": [
        {
            "place": {"name": name, "geonameid": gid, "lat": lat, "lon": lon, "admin1": admin1},
            "status": status,
            "since": since,
            "partial": partial,
            "n_for": n_for,
            "n_against": n_against,
            "n_claims": n_claims,
        }
        for (gid, name, lat, lon, admin1, status, since, partial, n_for, n_against, n_claims)
        in rows
    ]})


def compact_map_body(head: dict[str, Any], rows: list[bytes]) -> bytes:
    """`head` with `"columns"` (`mapindex.COMPACT_COLUMNS`) and the rows as `"places"`, each
    rendered by `mapindex.compact_row`: what the map page asks for (no keys to repeat or
    parse, no fields it does not draw)."""
    start = json_bytes({**head, "columns": COMPACT_COLUMNS})
    return b"".join((start[:-1], b',"places":[', b",".join(rows), b"]}"))


def place_status(status: PlaceStatus, *, with_timeline: bool) -> dict[str, Any]:
    """One place as of a date; with its timeline and every claim when `with_timeline`."""
    body: dict[str, Any] = {
        "place": place(status.place),
        "as_of": _iso(status.as_of),
        "status": status.status,
        "since": str(status.since) if status.since else None,
        "partial": status.partial,
        "claims_for": [claim(c) for c in status.claims_for],
        "claims_against": [claim(c) for c in status.claims_against],
    }
    if with_timeline:
        body["timeline"] = [change(step) for step in status.timeline]
        body["claims"] = [claim(c) for c in status.claims]
    return body


def timeline_body(found: PlaceTimeline) -> bytes:
    """`place_status(..., with_timeline=True)` as JSON, with the claims the store keeps
    rendered copied in as they are."""
    current = found.steps[-1] if found.steps else None
    return json_bytes({
        "place": place(found.place),
        "as_of": _iso(found.as_of),
        "status": current.status if current else "unknown",
        "since": current.date if current else None,
        "partial": current.partial if current else None,
        "claims_for": [orjson.Fragment(item) for item in found.claims_for],
        "claims_against": [orjson.Fragment(item) for item in found.claims_against],
        "timeline": [
            {
                "date": step.date,
                "status": step.status,
                "partial": step.partial,
                "rule": step.rule,
                "set_by": step.set_by,
                "claims_for": step.claims_for,
                "claims_against": step.claims_against,
            }
            for step in found.steps
        ],
        "claims": orjson.Fragment(b"[" + found.claims + b"]"),
    })


def document(doc: StoredDocument) -> dict[str, Any]:
    """An article with its full text; claims carry [evidence_start, evidence_end) into it."""
    return {
        "id": doc.id,
        "url": doc.url,
        "title": doc.title,
        "outlet": doc.outlet,
        "lang": doc.lang,
        "published": str(doc.published) if doc.published else None,
        "origin": doc.origin,
        "extractor_version": doc.extractor_version,
        "ingested_at": doc.ingested_at.isoformat(),
        "text": doc.text,
        "claims": [claim(c) for c in doc.claims],
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "geonameid": m.place.geonameid,
             "name": m.place.name}
            for m in doc.mentions
        ],
    }
