"""Dated polygon layers (e.g. DeepState's occupied area) and their agreement with claims.

A layer is stored as one compressed geometry per date with its bounding box. Comparing
only tests the points of places that have claims, on the dates they have claims, with a
pure-Python point-in-polygon behind a per-polygon bounding-box check: fast enough for a
few thousand (place, date) pairs without a geometry library.

Agreement: inside the layer's polygons on a date <=> a Russian status (`ru_claimed`,
`ru_confirmed`); outside <=> a Ukrainian one. `contested` and `unknown` are counted but
neither agree nor disagree.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from frontwatch.errors import InputError
from frontwatch.records import Place
from frontwatch.store.schema import claims as t_claims
from frontwatch.store.schema import layer_geometries as t_geoms
from frontwatch.store.schema import layers as t_layers
from frontwatch.store.schema import place_status as t_status
from frontwatch.store.schema import places as t_places
from frontwatch.store.store import Store, _place_of

log = logging.getLogger(__name__)

Ring = list[tuple[float, float]]
Polygon = list[Ring]  # outer ring first, then holes
BBox = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class LayerInfo:
    """An imported layer: its name, its source file and its date range."""

    name: str
    source: str
    first_date: dt.date
    last_date: dt.date
    dates: int


@dataclass(slots=True)
class LayerComparison:
    """Agreement of a layer with the reconciled statuses over (place, date) pairs."""

    layer: str
    pairs: int = 0
    agree: int = 0
    disagree: int = 0
    by_status: dict[str, dict[str, int]] = field(default_factory=dict)
    disagreements: list[dict[str, object]] = field(default_factory=list)

    @property
    def agreement(self) -> float | None:
        decided = self.agree + self.disagree
        return self.agree / decided if decided else None


# -- reading layer files ---------------------------------------------------------------


def _polygons(geometry: Any, where: str) -> list[Polygon]:
    if not isinstance(geometry, dict):
        raise InputError(where, "geometry is not a GeoJSON object")
    kind = geometry.get("type")
    coords = geometry.get("coordinates")
    try:
        if kind == "Polygon":
            raw = [coords]
        elif kind == "MultiPolygon":
            raw = list(coords or [])
        elif kind == "GeometryCollection":
            return [p for g in geometry.get("geometries", []) for p in _polygons(g, where)]
        else:
            raise InputError(where, f"expected Polygon or MultiPolygon, got {kind!r}")
        return [
            [[(float(pt[0]), float(pt[1])) for pt in ring] for ring in polygon]
            for polygon in raw
            if polygon
        ]
    except (TypeError, ValueError, IndexError) as exc:
        raise InputError(where, f"malformed coordinates ({exc})") from exc


def _day(value: Any, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise InputError(where, f"date must be YYYY-MM-DD, got {value!r}") from exc


def _open_text(path: Path) -> Any:
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8")
    return path.open(encoding="utf-8")


def read_layer(path: Path) -> Iterator[tuple[dt.date, list[Polygon]]]:
    """(date, polygons) from a GeoJSON FeatureCollection with a `date` property per feature,
    or JSONL(.gz) lines of {date, geometries: [...]}; InputError naming the file otherwise."""
    name = str(path)
    if not path.is_file():
        raise InputError(name, "no such file")
    jsonl = ".jsonl" in path.suffixes or ".ndjson" in path.suffixes
    try:
        with _open_text(path) as handle:
            if jsonl:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    where = f"{name}:{number}"
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as exc:
                        raise InputError(where, f"not JSON ({exc.msg})") from exc
                    if not isinstance(record, dict) or "date" not in record:
                        raise InputError(where, "expected an object with date and geometries")
                    geometries = record.get("geometries")
                    if geometries is None and "geometry" in record:
                        geometries = [record["geometry"]]
                    if not isinstance(geometries, list):
                        raise InputError(where, "geometries must be a list")
                    polygons = [p for g in geometries for p in _polygons(g, where)]
                    yield _day(record["date"], where), polygons
                return
            try:
                data = json.load(handle)
            except json.JSONDecodeError as exc:
                raise InputError(name, f"not JSON ({exc.msg} at line {exc.lineno})") from exc
    except (OSError, UnicodeDecodeError, EOFError, zlib.error) as exc:
        raise InputError(name, f"cannot read ({exc})") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise InputError(name, "expected a GeoJSON FeatureCollection (or .jsonl lines)")
    by_date: dict[dt.date, list[Polygon]] = defaultdict(list)
    for index, feature in enumerate(data.get("features") or []):
        where = f"{name}: feature {index}"
        props = feature.get("properties") or {} if isinstance(feature, dict) else {}
        if "date" not in props:
            raise InputError(where, "has no date property")
        by_date[_day(props["date"], where)].extend(_polygons(feature.get("geometry"), where))
    if not by_date:
        raise InputError(name, "has no features")
    yield from sorted(by_date.items())


def _bbox(polygons: list[Polygon]) -> BBox:
    xs = [x for p in polygons for x, _ in p[0]] or [0.0]
    ys = [y for p in polygons for _, y in p[0]] or [0.0]
    return (min(xs), min(ys), max(xs), max(ys))


def import_layer(store: Store, name: str, path: Path) -> LayerInfo:
    """Replace layer `name` with the file's dated polygons, in one transaction."""
    if not name.strip():
        raise InputError("NAME", "a layer needs a name")
    with store.transaction() as conn:
        conn.execute(delete(t_layers).where(t_layers.c.name == name))
        layer_id = conn.execute(
            t_layers.insert()
            .values(
                name=name,
                source=str(path),
                first_date=dt.date.max,
                last_date=dt.date.min,
                imported_at=dt.datetime.now(dt.UTC),
            )
            .returning(t_layers.c.id)
        ).scalar_one()
        dates: list[dt.date] = []
        for day, polygons in read_layer(path):
            if day in dates:
                raise InputError(str(path), f"date {day} appears twice")
            min_lon, min_lat, max_lon, max_lat = _bbox(polygons)
            blob = zlib.compress(json.dumps(polygons, separators=(",", ":")).encode(), 6)
            conn.execute(
                t_geoms.insert().values(
                    layer_id=layer_id,
                    date=day,
                    min_lon=min_lon,
                    min_lat=min_lat,
                    max_lon=max_lon,
                    max_lat=max_lat,
                    geometry=blob,
                )
            )
            dates.append(day)
        if not dates:
            raise InputError(str(path), "has no dated geometries")
        conn.execute(
            t_layers.update()
            .where(t_layers.c.id == layer_id)
            .values(first_date=min(dates), last_date=max(dates))
        )
    log.info("imported layer %s: %d dates", name, len(dates))
    return LayerInfo(name, str(path), min(dates), max(dates), len(dates))


def layers(store: Store) -> list[LayerInfo]:
    """The imported layers, by name."""
    with store._read() as conn:
        counts = {
            int(layer_id): int(n)
            for layer_id, n in conn.execute(
                select(t_geoms.c.layer_id, func.count()).group_by(t_geoms.c.layer_id)
            )
        }
        rows = conn.execute(select(t_layers).order_by(t_layers.c.name)).all()
    return [
        LayerInfo(r.name, r.source, r.first_date, r.last_date, int(counts.get(r.id, 0)))
        for r in rows
    ]


# -- geometry --------------------------------------------------------------------------


def _in_ring(ring: Ring, x: float, y: float) -> bool:
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


class Shapes:
    """The polygons of one layer date with per-polygon bounding boxes."""

    def __init__(self, polygons: list[Polygon]) -> None:
        self.items = [(p, _bbox([p])) for p in polygons if p and p[0]]

    def contains(self, lon: float, lat: float) -> bool:
        for polygon, (x0, y0, x1, y1) in self.items:
            if not (x0 <= lon <= x1 and y0 <= lat <= y1):
                continue
            if _in_ring(polygon[0], lon, lat) and not any(
                _in_ring(hole, lon, lat) for hole in polygon[1:]
            ):
                return True
        return False


@lru_cache(maxsize=8)
def _shapes(blob: bytes) -> Shapes:
    return Shapes(json.loads(zlib.decompress(blob)))


def _layer_row(store: Store, name: str) -> Any:
    with store._read() as conn:
        row = conn.execute(select(t_layers).where(t_layers.c.name == name)).first()
    if row is None:
        raise InputError(name, "no such layer (import it with: frontwatch layer import NAME FILE)")
    return row


def _date_on(store: Store, layer_id: int, day: dt.date) -> tuple[dt.date, bytes, BBox] | None:
    """The layer geometry in effect on `day`: its latest date on or before it."""
    with store._read() as conn:
        row = conn.execute(
            select(t_geoms)
            .where(t_geoms.c.layer_id == layer_id, t_geoms.c.date <= day)
            .order_by(t_geoms.c.date.desc())
            .limit(1)
        ).first()
    if row is None:
        return None
    return row.date, row.geometry, (row.min_lon, row.min_lat, row.max_lon, row.max_lat)


def _inside(blob: bytes, bbox: BBox, place: Place) -> bool:
    x0, y0, x1, y1 = bbox
    if not (x0 <= place.lon <= x1 and y0 <= place.lat <= y1):
        return False
    return _shapes(blob).contains(place.lon, place.lat)


def covered(place: Place) -> bool:
    """A point in an occupied-area map says something only of a Ukrainian town or village:
    the layer maps Ukraine, and a region's centre says nothing of the region."""
    return place.country == "UA" and not place.is_region


def verdict(status: str, inside: bool) -> str:
    """`agrees`, `disagrees` or `not comparable` for a status and a layer answer."""
    if status.startswith("ru_"):
        return "agrees" if inside else "disagrees"
    if status.startswith("ua_"):
        return "disagrees" if inside else "agrees"
    return "not comparable"


def agreement_on(
    store: Store, name: str, place: Place, status: str, day: dt.date | None
) -> dict[str, object]:
    """Whether layer `name` agrees with `status` for `place` on `day` (latest when None).

    The layer's latest date on or before `day` is used (and reported); before its first
    date there is nothing to compare.
    """
    row = _layer_row(store, name)
    when = min(day or row.last_date, row.last_date)
    found = _date_on(store, row.id, when) if when >= row.first_date else None
    if found is None:
        return {
            "layer": name,
            "date": None,
            "inside": None,
            "status": status,
            "verdict": f"no layer data on that date ({row.first_date}..{row.last_date})",
        }
    layer_day, blob, bbox = found
    inside = _inside(blob, bbox, place)
    said = verdict(status, inside) if covered(place) else "not comparable"
    return {
        "layer": name,
        "date": layer_day.isoformat(),
        "inside": inside,
        "status": status,
        "verdict": f"{said} (layer: {'inside' if inside else 'outside'})",
    }


def period_end(first: dt.date, precision: str | None) -> dt.date:
    """The last day a claim dated `first` with `precision` may be about: "October 2024"
    says the fact holds by 31 October, so that is the day to look at."""
    if precision == "year":
        return dt.date(first.year, 12, 31)
    if precision == "month":
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    return first


def compare(store: Store, name: str, *, max_listed: int = 50) -> LayerComparison:
    """Agreement over every (place, claim date) pair within the layer's date range.

    A claim dated to a month or a year is compared at the end of that period, with the
    status in effect then: a town "taken in October" is judged against the map of 31 October.
    """
    row = _layer_row(store, name)
    result = LayerComparison(layer=name)
    with store._read() as conn:
        dated = conn.execute(
            select(t_claims.c.geonameid, t_claims.c.date_first, t_claims.c.date_precision)
            .distinct()
            .where(
                t_claims.c.date_first >= row.first_date,
                t_claims.c.date_first <= row.last_date,
                _review_kept(),
            )
            .order_by(t_claims.c.date_first)
        ).all()
        pairs = sorted({(int(g), min(period_end(first, precision), row.last_date))
                        for g, first, precision in dated}, key=lambda p: (p[1], p[0]))
        ids = {g for g, _ in pairs}
        places = {
            int(p.geonameid): _place_of(p)
            for p in conn.execute(select(t_places).where(t_places.c.geonameid.in_(ids)))
        }
        steps: dict[int, list[tuple[dt.date, str]]] = defaultdict(list)
        for s in conn.execute(
            select(t_status.c.geonameid, t_status.c.valid_from, t_status.c.status)
            .where(t_status.c.geonameid.in_(ids))
            .order_by(t_status.c.geonameid, t_status.c.seq)
        ):
            steps[int(s.geonameid)].append((s.valid_from, s.status))
    by_day: dict[dt.date, list[int]] = defaultdict(list)
    for geonameid, day in pairs:
        by_day[day].append(int(geonameid))
    for day in sorted(by_day):
        found = _date_on(store, row.id, day)
        if found is None:
            continue
        layer_day, blob, bbox = found
        for geonameid in by_day[day]:
            status = "unknown"
            for start, step_status in steps.get(geonameid, []):
                if start <= day:
                    status = step_status
            inside = _inside(blob, bbox, places[geonameid])
            said = verdict(status, inside) if covered(places[geonameid]) else "not comparable"
            counts = result.by_status.setdefault(
                status, {"pairs": 0, "inside": 0, "agrees": 0, "disagrees": 0}
            )
            counts["pairs"] += 1
            counts["inside"] += int(inside)
            result.pairs += 1
            if said == "agrees":
                counts["agrees"] += 1
                result.agree += 1
            elif said == "disagrees":
                counts["disagrees"] += 1
                result.disagree += 1
                if len(result.disagreements) < max_listed:
                    result.disagreements.append(
                        {
                            "place": places[geonameid].name,
                            "geonameid": geonameid,
                            "date": day.isoformat(),
                            "layer_date": layer_day.isoformat(),
                            "status": status,
                            "inside": inside,
                        }
                    )
    return result


def _review_kept() -> Any:
    """Rejected claims do not make a (place, date) pair."""
    return (t_claims.c.review.is_(None)) | (t_claims.c.review != "rejected")
