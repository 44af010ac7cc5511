"""GeoJSON export: the map as an RFC 7946 FeatureCollection of points."""

from __future__ import annotations

import datetime as dt
import json
from typing import IO, Any

from frontwatch.store import PlaceStatusRow, Store


def feature(row: PlaceStatusRow) -> dict[str, Any]:
    """One place as a Point feature ([lon, lat], WGS84) with its status and claim counts."""
    return {
        "type": "Feature",
        "id": row.place.geonameid,
        "geometry": {"type": "Point", "coordinates": [row.place.lon, row.place.lat]},
        "properties": {
            "name": row.place.name,
            "geonameid": row.place.geonameid,
            "admin1": row.place.admin1,
            "country": row.place.country,
            "status": row.status,
            "since": str(row.since),
            "partial": row.partial,
            "n_claims": row.n_claims,
            "n_for": row.n_for,
            "n_against": row.n_against,
        },
    }


def feature_collection(store: Store, as_of: dt.date | None = None) -> dict[str, Any]:
    """Every place with a status on `as_of` (latest when None)."""
    rows = store.statuses(as_of)
    collection: dict[str, Any] = {
        "type": "FeatureCollection",
        "features": [feature(row) for row in rows],
    }
    if as_of is not None:
        collection["as_of"] = as_of.isoformat()
    return collection


def write_geojson(store: Store, out: IO[str], as_of: dt.date | None = None) -> int:
    """Write the collection; returns the number of features."""
    collection = feature_collection(store, as_of)
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")
    return len(collection["features"])
