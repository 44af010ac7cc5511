"""Dated polygon layers (e.g. DeepState's occupied area), checked against statuses and claims.

A layer is stored as one compressed geometry per date with its bounding box. What a date
shows of a place is two things (geometry.py): whether the place's centre is inside the
polygons, and whether none, part or all of the disc of its built-up area is.

`compare` asks each status the question it answers (docs/reconcile.md, "Map layers"):

- a confirmed or partial status is a prediction of the map on its date: `ru_confirmed` the
  centre inside, `ua_confirmed` outside, `ru_partial` some of the place's area inside,
  `ua_partial` some of it outside. It agrees or disagrees.
- a claimed status is a claim to check: the layer shows it within `within` days (confirmed,
  with the lag), has not shown it by its last date (not yet), or did not show it in that
  window although it could have (contradicted).
- `contested` and `unknown` are counted, not scored.

`LayerHistory` follows a layer's dates in order for a set of places, so the track records
of sources (reconcile/sources.py) can ask when a layer first showed what a claim said.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import logging
import statistics
import zlib
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import orjson
from numpy.typing import NDArray
from sqlalchemy import delete, func, select

from frontwatch.errors import InputError
from frontwatch.reconcile import CAPTURE_STATUSES, PARTIAL_STATUSES
from frontwatch.reconcile.sources import DEFAULT_WITHIN, SourceRecord, track_records
from frontwatch.records import Claim, PartialDate, Place, StoredClaim
from frontwatch.store.geometry import (
    AREA_ALL,
    AREA_NAMES,
    AREA_NONE,
    Coverage,
    Polygon,
    edges_of,
    radius_km,
)
from frontwatch.store.schema import claims as t_claims
from frontwatch.store.schema import layer_geometries as t_geoms
from frontwatch.store.schema import layers as t_layers
from frontwatch.store.schema import place_status as t_status
from frontwatch.store.schema import places as t_places
from frontwatch.store.store import Store, _place_of

log = logging.getLogger(__name__)

BBox = tuple[float, float, float, float]
PREDICTIONS: frozenset[str] = frozenset({"ru_confirmed", "ua_confirmed"}) | PARTIAL_STATUSES
CLAIMED: frozenset[str] = CAPTURE_STATUSES - PREDICTIONS


@dataclass(frozen=True, slots=True)
class LayerInfo:
    """An imported layer: its name, its source file and its date range."""

    name: str
    source: str
    first_date: dt.date
    last_date: dt.date
    dates: int


@dataclass(frozen=True, slots=True)
class PairCheck:
    """One (place, date) pair: the status then, the rule and claims that set it, and what the
    layer said. `verdict`: agrees / disagrees (predictions), confirmed / not yet /
    contradicted (claimed statuses, `lag` in days when confirmed, or when the layer showed
    it only after the window), not comparable (the rest)."""

    place: Place
    day: dt.date
    status: str
    rule: str
    set_by: tuple[int, ...]
    layer_date: dt.date | None
    inside: bool
    area: str
    verdict: str
    lag: int | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "place": self.place.name,
            "geonameid": self.place.geonameid,
            "date": self.day.isoformat(),
            "status": self.status,
            "rule": self.rule,
            "set_by": list(self.set_by),
            "layer_date": self.layer_date.isoformat() if self.layer_date else None,
            "inside": self.inside,
            "area": self.area,
            "radius_km": round(radius_km(self.place), 2),
            "verdict": self.verdict,
            "lag": self.lag,
        }


@dataclass(slots=True)
class LayerComparison:
    """What a layer says of the reconciled statuses, over (place, claim date) pairs."""

    layer: str
    within: int = DEFAULT_WITHIN
    checks: list[PairCheck] = field(default_factory=list)

    @property
    def pairs(self) -> int:
        return len(self.checks)

    @property
    def agree(self) -> int:
        return sum(1 for c in self.checks if c.verdict == "agrees")

    @property
    def disagree(self) -> int:
        return sum(1 for c in self.checks if c.verdict == "disagrees")

    @property
    def agreement(self) -> float | None:
        """Share of the predictions (confirmed and partial statuses) the layer agrees with."""
        decided = self.agree + self.disagree
        return self.agree / decided if decided else None

    @property
    def by_status(self) -> dict[str, dict[str, Any]]:
        """Per status: pairs, pairs whose centre is inside, and the count of each verdict;
        the median lag of the confirmed claims for claimed statuses."""
        found: dict[str, dict[str, Any]] = {}
        for check in self.checks:
            counts = found.setdefault(check.status, {"pairs": 0, "inside": 0})
            counts["pairs"] += 1
            counts["inside"] += int(check.inside)
            counts[check.verdict] = counts.get(check.verdict, 0) + 1
        for status, counts in found.items():
            if status in CLAIMED:
                lags = [c.lag for c in self.checks if c.status == status
                        and c.verdict == "confirmed" and c.lag is not None]
                counts["median_lag"] = statistics.median(lags) if lags else None
        return dict(sorted(found.items()))

    def as_dict(self) -> dict[str, object]:
        share = self.agreement
        return {
            "layer": self.layer,
            "within": self.within,
            "pairs": self.pairs,
            "agree": self.agree,
            "disagree": self.disagree,
            "agreement": round(share, 4) if share is not None else None,
            "by_status": self.by_status,
            "checks": [c.as_dict() for c in self.checks],
        }


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


# -- what a date shows -----------------------------------------------------------------


def covered(place: Place) -> bool:
    """A point in an occupied-area map says something only of a Ukrainian town or village:
    the layer maps Ukraine, and a region's centre says nothing of the region, nor of a
    village the gazetteer lacks that stands there for want of its own position."""
    return place.country == "UA" and not place.is_region and not place.is_unlisted


@lru_cache(maxsize=64)
def _edges(blob: bytes) -> NDArray[np.float64]:
    edges = edges_of(orjson.loads(zlib.decompress(blob)))
    edges.flags.writeable = False
    return edges


def shows(kind: str, actor: str, inside: Any, area: Any) -> Any:
    """Whether a layer showing `inside` (centre) and `area` (AREA_*) shows `actor`'s
    capture (the centre held) or presence (some of the area held) there; works on arrays."""
    if kind == "capture":
        return inside if actor == "RU" else np.logical_not(inside)
    return area != (AREA_NONE if actor == "RU" else AREA_ALL)


def verdict(status: str, inside: bool, area: int) -> str:
    """What a layer date says of `status` (see the module docstring)."""
    if status in PREDICTIONS:
        kind = "presence" if status in PARTIAL_STATUSES else "capture"
        return "agrees" if shows(kind, status[:2].upper(), inside, area) else "disagrees"
    if status in CLAIMED:
        return "shown" if shows("capture", status[:2].upper(), inside, area) else "not shown"
    return "not comparable"


def _layer_row(store: Store, name: str) -> Any:
    with store._read() as conn:
        row = conn.execute(select(t_layers).where(t_layers.c.name == name)).first()
    if row is None:
        raise InputError(name, "no such layer (import it with: frontwatch layer import NAME FILE)")
    return row


class LayerHistory:
    """What one layer shows of a set of places on each of its dates from `since` on.

    A `LayerView` for the track records of sources; `compare` reads it too. Places the
    layer does not map (`covered`) are left out.
    """

    def __init__(
        self, store: Store, name: str, places: Iterable[Place], *, since: dt.date | None = None
    ) -> None:
        row = _layer_row(store, name)
        self.name: str = name
        self.first_date: dt.date = row.first_date
        self.last_date: dt.date = row.last_date
        mapped = sorted({p.geonameid: p for p in places if covered(p)}.values(),
                        key=lambda p: p.geonameid)
        self._column = {p.geonameid: n for n, p in enumerate(mapped)}
        self.days: list[dt.date] = []
        inside: list[NDArray[np.bool_]] = []
        areas: list[NDArray[np.int8]] = []
        if mapped:
            coverage = Coverage(mapped)
            with store._read() as conn:
                start = conn.scalar(
                    select(func.max(t_geoms.c.date)).where(
                        t_geoms.c.layer_id == row.id, t_geoms.c.date <= (since or dt.date.min)
                    )
                ) or row.first_date
                for day, blob in conn.execute(
                    select(t_geoms.c.date, t_geoms.c.geometry)
                    .where(t_geoms.c.layer_id == row.id, t_geoms.c.date >= start)
                    .order_by(t_geoms.c.date)
                ):
                    centre, area = coverage.update(_edges(bytes(blob)))
                    self.days.append(day)
                    inside.append(centre)
                    areas.append(area)
        width = len(mapped)
        self._inside = np.array(inside, dtype=np.bool_).reshape(-1, width)
        self._area = np.array(areas, dtype=np.int8).reshape(-1, width)

    def span(self, place: Place) -> tuple[dt.date, dt.date] | None:
        if place.geonameid not in self._column or not self.days:
            return None
        return self.days[0], self.last_date

    def state(self, place: Place, day: dt.date) -> tuple[dt.date, bool, int] | None:
        """The layer's date in effect on `day`, and what it shows of `place` then."""
        column = self._column.get(place.geonameid)
        at = bisect_right(self.days, day) - 1
        if column is None or at < 0:
            return None
        return self.days[at], bool(self._inside[at, column]), int(self._area[at, column])

    def first(self, place: Place, kind: str, actor: str, start: dt.date, end: dt.date
              ) -> dt.date | None:
        """The first day in [start, end] the layer shows `actor`'s `kind` in `place`."""
        column = self._column.get(place.geonameid)
        if column is None or end < start:
            return None
        low = max(0, bisect_right(self.days, start) - 1)
        high = bisect_right(self.days, end)
        hits = np.flatnonzero(shows(kind, actor, self._inside[low:high, column],
                                    self._area[low:high, column]))
        return max(self.days[low + int(hits[0])], start) if len(hits) else None

    def first_showing(self, claim: Claim, start: dt.date, end: dt.date) -> dt.date | None:
        return self.first(claim.place, claim.kind, claim.actor, start, end)


def agreement_on(
    store: Store, name: str, place: Place, status: str, day: dt.date | None
) -> dict[str, object]:
    """What layer `name` says of `status` for `place` on `day` (latest when None).

    The layer's latest date on or before `day` is used (and reported); before its first
    date there is nothing to compare.
    """
    row = _layer_row(store, name)
    when = min(day or row.last_date, row.last_date)
    with store._read() as conn:
        found = conn.execute(
            select(t_geoms.c.date, t_geoms.c.geometry)
            .where(t_geoms.c.layer_id == row.id, t_geoms.c.date <= when)
            .order_by(t_geoms.c.date.desc())
            .limit(1)
        ).first()
    if found is None:
        return {
            "layer": name,
            "date": None,
            "inside": None,
            "area": None,
            "status": status,
            "verdict": f"no layer data on that date ({row.first_date}..{row.last_date})",
        }
    centre, areas = Coverage([place]).update(_edges(bytes(found.geometry)))
    inside, area = bool(centre[0]), int(areas[0])
    said = verdict(status, inside, area) if covered(place) else "not comparable"
    return {
        "layer": name,
        "date": found.date.isoformat(),
        "inside": inside,
        "area": AREA_NAMES[area],
        "radius_km": round(radius_km(place), 2),
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


def compare(store: Store, name: str, *, within: int = DEFAULT_WITHIN) -> LayerComparison:
    """Every (place, claim date) pair within the layer's date range, checked as its status
    asks (module docstring).

    A claim dated to a month or a year is compared at the end of that period, with the
    status in effect then: a town "taken in October" is judged against the map of 31 October;
    so is any pair in October whose status a claim dated "October" set.
    """
    row = _layer_row(store, name)
    result = LayerComparison(layer=name, within=within)
    with store._read() as conn:
        dated = conn.execute(
            select(t_claims.c.geonameid, t_claims.c.date_first, t_claims.c.date_precision)
            .distinct()
            .where(
                t_claims.c.date_first >= row.first_date,
                t_claims.c.date_first <= row.last_date,
                _review_kept(),
            )
        ).all()
        pairs = sorted({(int(g), min(period_end(first, precision), row.last_date))
                        for g, first, precision in dated}, key=lambda p: (p[1], p[0]))
        ids = {g for g, _ in pairs}
        places = {
            int(p.geonameid): _place_of(p)
            for p in conn.execute(select(t_places).where(t_places.c.geonameid.in_(ids)))
        }
        steps: dict[int, list[tuple[dt.date, dt.date, str, str, tuple[int, ...]]]] = \
            defaultdict(list)
        for s in conn.execute(
            select(t_status.c.geonameid, t_status.c.valid_from, t_status.c.date,
                   t_status.c.status, t_status.c.rule, t_status.c.n_set, t_status.c.claims_for)
            .where(t_status.c.geonameid.in_(ids))
            .order_by(t_status.c.geonameid, t_status.c.seq)
        ):
            set_by = tuple(json.loads(s.claims_for)[: s.n_set])
            until = PartialDate.parse(s.date).last_day()
            steps[int(s.geonameid)].append((s.valid_from, until, s.status, s.rule, set_by))
    if not pairs:
        return result
    history = LayerHistory(store, name, places.values(), since=pairs[0][1])
    for geonameid, pair_day in pairs:
        place = places[geonameid]
        status, rule, set_by, day = "unknown", "", (), pair_day
        for start, until, step_status, step_rule, step_set_by in steps.get(geonameid, []):
            if start <= pair_day:
                status, rule, set_by = step_status, step_rule, step_set_by
                # A status set "in October" says where things stand by 31 October.
                day = min(max(pair_day, until), row.last_date)
        found = history.state(place, day)
        if found is None:
            result.checks.append(PairCheck(place, day, status, rule, set_by, None, False, "",
                                           "not comparable"))
            continue
        layer_day, inside, area = found
        said, lag = verdict(status, inside, area), None
        if status in CLAIMED:
            said, lag = _check_claimed(history, place, status, day, within)
        result.checks.append(PairCheck(place, day, status, rule, set_by, layer_day, inside,
                                       AREA_NAMES[area], said, lag))
    return result


def _check_claimed(
    history: LayerHistory, place: Place, status: str, day: dt.date, within: int
) -> tuple[str, int | None]:
    """A claimed status as a claim to check: shown within `within` days, not yet, or not."""
    actor = status[:2].upper()
    deadline = day + dt.timedelta(days=within)
    shown = history.first(place, "capture", actor, day, deadline)
    if shown is not None:
        return "confirmed", (shown - day).days
    if deadline > history.last_date:
        return "not yet", None
    later = history.first(place, "capture", actor, deadline, history.last_date)
    return "contradicted", (later - day).days if later else None


def source_records(
    store: Store, *, layer_names: Sequence[str] | None = None, within: int = DEFAULT_WITHIN
) -> list[SourceRecord]:
    """The track record of every source in the store, checked against the claims of the
    others and against the named layers (every imported layer when None)."""
    claims = store.claims()
    names = [info.name for info in layers(store)] if layer_names is None else list(layer_names)
    checked = [c for c in claims if c.claim.date is not None
               and c.claim.kind in ("capture", "presence") and c.claim.stance == "asserts"]
    views = []
    if checked:
        since = min(c.claim.date.first_day() for c in checked if c.claim.date is not None)
        places = [c.claim.place for c in checked]
        views = [LayerHistory(store, name, places, since=since) for name in names]
    return track_records(claims, layers=views, within=within)


def claims_by_id(records: Sequence[SourceRecord]) -> dict[int, StoredClaim]:
    """The stored claims the records mention (checked, confirming, contradicting), by id."""
    found: dict[int, StoredClaim] = {}
    for record in records:
        for check in record.checks:
            for item in (check.claim, check.evidence):
                if isinstance(item, StoredClaim):
                    found[item.id] = item
    return found


def _review_kept() -> Any:
    """Rejected claims do not make a (place, date) pair."""
    return (t_claims.c.review.is_(None)) | (t_claims.c.review != "rejected")
