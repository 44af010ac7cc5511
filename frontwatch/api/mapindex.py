"""Every place's status timeline in memory: the map on any date is a bisect per place.

A map answer is one row per place: the change in effect on the date. Asking SQLite for it
costs one index seek per place (3,000 seeks) on every date nobody asked for before, and a
dragged slider asks for new dates all the time. The same answer comes from the place's
ordered change start dates by `bisect` in a few microseconds, so `MapIndex` keeps them,
read once from `Store.status_steps`, and the service rebuilds it whenever the database's
data version moves (cache.py), like every other kept answer.

Each change is kept as the finished map row, and as that row rendered for `format=compact`,
so a date costs a bisect and a list append per place and the page's answer a `join`. Dates
and statuses are interned, since a few thousand distinct values repeat across hundreds of
thousands of changes: about 270 bytes a change in all, 80 MiB for 300,000.
"""

from __future__ import annotations

import datetime as dt
import sys
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import Any

import orjson

# One map row, in this order.
COLUMNS = ("geonameid", "name", "lat", "lon", "admin1",
           "status", "since", "partial", "n_for", "n_against", "n_claims")
# What `format=compact` sends of each row, as arrays: what the map page draws, without the
# oblast name repeated on every row and the free-text `partial` note.
COMPACT_COLUMNS = ("geonameid", "name", "lat", "lon", "status", "since",
                   "n_for", "n_against", "n_claims")
_compact = itemgetter(*(COLUMNS.index(name) for name in COMPACT_COLUMNS))

Row = tuple[int, str, float, float, str | None, str, str, str | None, int, int, int]


def compact_row(row: Row) -> bytes:
    """A map row as the JSON array `format=compact` sends. Copied to its own size: orjson
    hands back short outputs in 4 KiB allocations, which 300,000 kept rows would multiply."""
    return memoryview(orjson.dumps(_compact(row))).tobytes()


def _text(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


@dataclass(frozen=True, slots=True)
class _Place:
    geonameid: int
    lat: float
    lon: float
    starts: list[str]  # valid_from of each change, ascending
    until: list[str | None]  # valid_until of each change
    rows: list[Row]  # the map row of each change
    compact: list[bytes]  # the same rows rendered as `format=compact` arrays


class MapIndex:
    """The map rows of any date, from every place's changes held in memory."""

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        """`rows` as `Store.status_steps` returns them (grouped by place, ordered)."""
        places: list[_Place] = []
        current: _Place | None = None
        for (gid, name, lat, lon, admin1, valid_from, valid_until,
             status, date, partial, n_for, n_against, n_claims) in rows:
            if current is None or current.geonameid != gid:
                current = _Place(int(gid), float(lat), float(lon), [], [], [], [])
                places.append(current)
                head = (current.geonameid, name, current.lat, current.lon, _text(admin1))
            current.starts.append(sys.intern(valid_from))
            current.until.append(_text(valid_until))
            row: Row = (
                *head, sys.intern(status), sys.intern(date), partial,
                int(n_for), int(n_against), int(n_claims),
            )
            current.rows.append(row)
            current.compact.append(compact_row(row))
        self._places = places

    def __len__(self) -> int:
        return len(self._places)

    def rows(
        self,
        as_of: dt.date | None,
        *,
        status: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[Row]:
        """What `Store.statuses` returns for these arguments, as `COLUMNS` tuples."""
        return [place.rows[at] for place, at in self._found(as_of, status, bbox)]

    def compact(
        self,
        as_of: dt.date | None,
        *,
        status: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[bytes]:
        """The same rows as `rows`, each rendered as a `COMPACT_COLUMNS` JSON array."""
        return [place.compact[at] for place, at in self._found(as_of, status, bbox)]

    def _found(
        self,
        as_of: dt.date | None,
        status: str | None,
        bbox: tuple[float, float, float, float] | None,
    ) -> list[tuple[_Place, int]]:
        day = as_of.isoformat() if as_of is not None else None
        out: list[tuple[_Place, int]] = []
        append = out.append
        for place in self._places:
            if day is None:
                at = len(place.starts) - 1
                if place.until[at] is not None:
                    continue
            else:
                at = bisect_right(place.starts, day) - 1
                if at < 0:
                    continue
                until = place.until[at]
                if until is not None and until <= day:
                    continue
            if status is not None and place.rows[at][5] != status:
                continue
            if bbox is not None and not (
                bbox[0] <= place.lon <= bbox[2] and bbox[1] <= place.lat <= bbox[3]
            ):
                continue
            append((place, at))
        return out
