"""Every place's status timeline in memory: the map on any date is a bisect per place.

A map answer is one row per place: the change in effect on the date. Asking SQLite for it
costs one index seek per place (3,000 seeks) on every date nobody asked for before, and a
dragged slider asks for new dates all the time. The same answer comes from the place's
ordered change start dates by `bisect` in a few microseconds, so `MapIndex` keeps them,
read once from `Store.status_steps`, and the service rebuilds it whenever the database's
data version moves (cache.py), like every other kept answer.

The rows hold only what the map renders; dates and statuses are interned, since a few
thousand distinct values repeat across hundreds of thousands of changes.
"""

from __future__ import annotations

import datetime as dt
import sys
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# One map row, in this order: what `format=compact` lists as `columns`.
COLUMNS = ("geonameid", "name", "lat", "lon", "admin1",
           "status", "since", "partial", "n_for", "n_against", "n_claims")

Head = tuple[int, str, float, float, str | None]
# valid_until, status, since, partial, n_for, n_against, n_claims
Step = tuple[str | None, str, str, str | None, int, int, int]
Row = tuple[int, str, float, float, str | None, str, str, str | None, int, int, int]


def _text(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


@dataclass(frozen=True, slots=True)
class _Place:
    head: Head
    starts: list[str]  # valid_from of each change, ascending
    steps: list[Step]


class MapIndex:
    """The map rows of any date, from every place's changes held in memory."""

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        """`rows` as `Store.status_steps` returns them (grouped by place, ordered)."""
        places: list[_Place] = []
        current: _Place | None = None
        for (gid, name, lat, lon, admin1, valid_from, valid_until,
             status, date, partial, n_for, n_against, n_claims) in rows:
            if current is None or current.head[0] != gid:
                current = _Place((int(gid), name, float(lat), float(lon), admin1), [], [])
                places.append(current)
            current.starts.append(sys.intern(valid_from))
            current.steps.append((
                _text(valid_until), sys.intern(status), sys.intern(date), _text(partial),
                int(n_for), int(n_against), int(n_claims),
            ))
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
        day = as_of.isoformat() if as_of is not None else None
        out: list[Row] = []
        for place in self._places:
            if day is None:
                step = place.steps[-1]
                if step[0] is not None:
                    continue
            else:
                at = bisect_right(place.starts, day) - 1
                if at < 0:
                    continue
                step = place.steps[at]
                if step[0] is not None and step[0] <= day:
                    continue
            if status is not None and step[1] != status:
                continue
            head = place.head
            if bbox is not None and not (
                bbox[0] <= head[3] <= bbox[2] and bbox[1] <= head[2] <= bbox[3]
            ):
                continue
            out.append((*head, *step[1:]))
        return out
