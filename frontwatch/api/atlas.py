"""What the map draws besides claims: settlement labels, place search and layer polygons.

Settlements come from the gazetteer the extractor resolves places with, so a label on the
map and a place in a claim are the same GeoNames entry. Search answers every spelling the
resolver knows (Dzerjinsk, Торецьк) with the gazetteer's transliteration-blind lookup,
and completes a name being typed from the places the store has claims about.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import zlib
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from frontwatch.lookup import gazetteer as packaged_gazetteer
from frontwatch.places.keys import name_keys
from frontwatch.records import Place
from frontwatch.store import Store
from frontwatch.store.geometry import Coverage, edges_of
from frontwatch.store.layers import covered, verdict
from frontwatch.store.schema import layer_geometries as t_geoms
from frontwatch.store.schema import layers as t_layers

SETTLEMENT_COLUMNS = ("geonameid", "name", "lat", "lon", "population")
SETTLEMENT_LIMIT = 400
SEARCH_LIMIT = 12


# Populated places that are no town of their own: city districts, historical, abandoned,
# destroyed.
NOT_TOWNS = frozenset({"PPLX", "PPLH", "PPLQ", "PPLW"})


def _is_settlement(place: Place) -> bool:
    return place.feature.startswith("PPL") and place.feature not in NOT_TOWNS


class Atlas:
    """The gazetteer, loaded once (on a thread at startup), as the map asks for it."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._lock = threading.Lock()
        self._loaded = False
        self._gazetteer: Any = None
        self._settlements: list[Place] = []

    def load(self) -> None:
        with self._lock:
            if self._loaded:
                return
            if self._path is None:
                found = packaged_gazetteer()
            else:
                from frontwatch.places import Gazetteer

                found = Gazetteer.load(self._path)
            self._gazetteer = found
            places = list(found) if found is not None else []
            # Largest first: a view takes the first N inside it.
            self._settlements = sorted((p for p in places if _is_settlement(p)),
                                       key=lambda p: -p.population)
            self._loaded = True

    @property
    def gazetteer(self) -> Any:
        self.load()
        return self._gazetteer

    def settlements(
        self, bbox: tuple[float, float, float, float], *, min_population: int, limit: int
    ) -> list[list[Any]]:
        """The largest settlements inside `bbox`, as `SETTLEMENT_COLUMNS` rows."""
        self.load()
        x0, y0, x1, y1 = bbox
        rows: list[list[Any]] = []
        for p in self._settlements:
            if p.population < min_population:
                break
            if x0 <= p.lon <= x1 and y0 <= p.lat <= y1:
                rows.append([p.geonameid, p.name, p.lat, p.lon, p.population])
                if len(rows) >= limit:
                    break
        return rows

    def search(self, query: str, stored: StoredNames, *, limit: int = SEARCH_LIMIT
               ) -> list[tuple[Place, str]]:
        """Places for a search box: every place the resolver takes `query` for, then stored
        places whose name starts like it; each with the spelling that matched."""
        text = query.strip()
        if not text:
            return []
        found: list[tuple[Place, str]] = []
        gazetteer = self.gazetteer
        if gazetteer is not None:
            found += [(p, text) for p in gazetteer.search(text)]
        found += stored.starting(text)
        seen: set[int] = set()
        unique = []
        for place, matched in found:
            if place.geonameid not in seen:
                seen.add(place.geonameid)
                unique.append((place, matched))
        return unique[:limit]


@dataclass(frozen=True, slots=True)
class StoredNames:
    """The store's places by their transliteration-blind keys, sorted for prefix search."""

    keys: list[str]
    places: list[Place]

    @classmethod
    def build(cls, places: Iterable[Place]) -> StoredNames:
        pairs = sorted(
            ((key, place) for place in places for key in name_keys(place.name)
             if not key.startswith("=")),
            key=lambda pair: pair[0],
        )
        return cls([k for k, _ in pairs], [p for _, p in pairs])

    def starting(self, text: str) -> list[tuple[Place, str]]:
        hits: list[tuple[Place, str]] = []
        for key in name_keys(text):
            if key.startswith("="):
                continue
            i = bisect_left(self.keys, key)
            while i < len(self.keys) and self.keys[i].startswith(key):
                hits.append((self.places[i], self.places[i].name))
                i += 1
        return hits


@dataclass(frozen=True, slots=True)
class LayerDay:
    name: str
    date: dt.date | None
    polygons: list[Any]
    disagreements: list[int]


def layer_rows(store: Store) -> list[dict[str, Any]]:
    """Every imported layer with its dates."""
    from frontwatch.store.layers import layers

    return [
        {"name": i.name, "first_date": i.first_date.isoformat(),
         "last_date": i.last_date.isoformat(), "dates": i.dates}
        for i in layers(store)
    ]


def layer_day(store: Store, name: str, as_of: dt.date | None,
              mapped: Iterable[tuple[Place, str]]) -> LayerDay | None:
    """Layer `name` on `as_of` (its latest date on or before; the last when None), and which
    of the `mapped` (place, status) pairs it contradicts: the statuses that predict the map
    (confirmed and partial ones, `layers.verdict`). None for an unknown layer."""
    with store.engine.connect() as conn:
        row = conn.execute(select(t_layers.c.id, t_layers.c.last_date)
                           .where(t_layers.c.name == name)).first()
        if row is None:
            return None
        day = as_of or _as_date(row.last_date)
        geom = conn.execute(
            select(t_geoms.c.date, t_geoms.c.geometry)
            .where(t_geoms.c.layer_id == row.id, t_geoms.c.date <= day)
            .order_by(t_geoms.c.date.desc()).limit(1)
        ).first()
    if geom is None:
        return LayerDay(name, None, [], [])
    polygons = json.loads(zlib.decompress(geom.geometry))
    judged = [(place, status) for place, status in mapped if covered(place)]
    against: list[int] = []
    if judged:
        inside, area = Coverage([place for place, _ in judged]).update(edges_of(polygons))
        against = [
            place.geonameid for (place, status), centre, part in zip(judged, inside, area, strict=True)
            if verdict(status, bool(centre), int(part)) == "disagrees"
        ]
    return LayerDay(name, _as_date(geom.date), polygons, against)


def _as_date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
