"""Every place's status timeline in memory: the map of any date without asking SQLite.

A map answer is one row per place: the change in effect on the date. Asking SQLite for it
costs one index seek per place (3,000 seeks) on every date nobody asked for before, and a
dragged slider asks for new dates all the time. `MapIndex` keeps every change, read once
from `Store.status_steps`, and the service rebuilds it whenever the database's data
version moves (cache.py), like every other kept answer.

The changes of all places are laid out as one list of events ordered by date: "from this
day, place p shows change c" (or nothing, where a change ends with no successor). Every
`CHECKPOINT` events the index keeps which change each place shows, so a date costs a
bisect over the event dates, a copy of the checkpoint before it and replaying at most
`CHECKPOINT` events: about 0.1 ms for 3,000 places, where a bisect per place took 7 ms.

Each change is kept as the finished map row, and as that row rendered for
`format=compact`, so the page's answer is a `join` of bytes rendered once. Dates and
statuses are interned, since a few thousand distinct values repeat across hundreds of
thousands of changes.
"""

from __future__ import annotations

import datetime as dt
import sys
from array import array
from bisect import bisect_right
from collections.abc import Container, Sequence
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
_STATUS = COLUMNS.index("status")

Row = tuple[int, str, float, float, str | None, str, str, str | None, int, int, int]

# Events between two kept snapshots of every place's change: a date replays up to this many.
# Each snapshot takes 4 bytes a place (12 KiB for 3,000 places, 3.6 MiB for 300 snapshots).
CHECKPOINT = 1024
_NONE = -1  # the place shows nothing


def compact_row(row: Row) -> bytes:
    """A map row as the JSON array `format=compact` sends. Copied to its own size: orjson
    hands back short outputs in 4 KiB allocations, which 300,000 kept rows would multiply."""
    return memoryview(orjson.dumps(_compact(row))).tobytes()


def _text(value: str | None) -> str | None:
    return None if value is None else sys.intern(value)


class MapIndex:
    """The map rows of any date, from every place's changes held in memory."""

    def __init__(self, rows: Sequence[Sequence[Any]]) -> None:
        """`rows` as `Store.status_steps` returns them (grouped by place, ordered)."""
        coords: list[tuple[float, float]] = []  # (lon, lat) of each place, in map order
        changes: list[Row] = []
        # One place's changes, then its events: a change is shown from its valid_from,
        # until the next change's valid_from or its own valid_until, whichever comes first.
        events: list[tuple[str, int, int]] = []
        starts: list[str] = []
        until: list[str | None] = []
        gid: int | None = None

        def close_place() -> None:
            first = len(changes) - len(starts)
            for k, start in enumerate(starts):
                events.append((start, len(coords) - 1, first + k))
                end = until[k]
                if end is not None and (k + 1 == len(starts) or end < starts[k + 1]):
                    # Ended before any successor: nothing from then (from its own start if
                    # it ended before it began, as `until <= day` then always holds).
                    events.append((max(end, start), len(coords) - 1, _NONE))
            starts.clear()
            until.clear()

        for (place, name, lat, lon, admin1, valid_from, valid_until,
             status, date, partial, n_for, n_against, n_claims) in rows:
            if gid != place:
                if gid is not None:
                    close_place()
                gid = int(place)
                coords.append((float(lon), float(lat)))
                head = (gid, name, float(lat), float(lon), _text(admin1))
            starts.append(sys.intern(valid_from))
            until.append(_text(valid_until))
            changes.append((
                *head, sys.intern(status), sys.intern(date), partial,
                int(n_for), int(n_against), int(n_claims),
            ))
        if gid is not None:
            close_place()

        # A stable sort: one place's events keep their order within a day.
        events.sort(key=itemgetter(0))
        self._coords = coords
        self._rows = changes
        self._compact = [compact_row(row) for row in changes]
        self._days = [day for day, _, _ in events]
        self._event_place = array("i", (p for _, p, _ in events))
        self._event_change = array("i", (c for _, _, c in events))
        # _snapshots[j]: the change each place shows before event j * CHECKPOINT.
        state = array("i", [_NONE]) * len(coords)
        snapshots = []
        for j, (place_no, change_no) in enumerate(zip(self._event_place, self._event_change,
                                                       strict=True)):
            if j % CHECKPOINT == 0:
                snapshots.append(array("i", state))
            state[place_no] = change_no
        if len(events) % CHECKPOINT == 0:
            snapshots.append(state)
        self._snapshots = snapshots

    def __len__(self) -> int:
        return len(self._coords)

    def rows(
        self,
        as_of: dt.date | None,
        *,
        status: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
    ) -> list[Row]:
        """What `Store.statuses` returns for these arguments, as `COLUMNS` tuples."""
        rows = self._rows
        return [rows[c] for c in self._found(as_of, status, bbox)]

    def compact(
        self,
        as_of: dt.date | None,
        *,
        status: str | None = None,
        bbox: tuple[float, float, float, float] | None = None,
        keep: Container[int] | None = None,
    ) -> list[bytes]:
        """The same rows as `rows`, each rendered as a `COMPACT_COLUMNS` JSON array; only the
        places in `keep` when given."""
        compact, rows = self._compact, self._rows
        return [compact[c] for c in self._found(as_of, status, bbox)
                if keep is None or rows[c][0] in keep]

    def _shown(self, as_of: dt.date | None) -> list[int]:
        """The change each place shows on `as_of` (the latest when None), or `_NONE`."""
        end = len(self._days) if as_of is None else bisect_right(self._days, as_of.isoformat())
        at = end // CHECKPOINT
        state = self._snapshots[at].tolist()
        places, changes = self._event_place, self._event_change
        for j in range(at * CHECKPOINT, end):
            state[places[j]] = changes[j]
        return state

    def _found(
        self,
        as_of: dt.date | None,
        status: str | None,
        bbox: tuple[float, float, float, float] | None,
    ) -> list[int]:
        """The changes the map shows, in map order."""
        shown = self._shown(as_of)
        if status is None and bbox is None:
            return [c for c in shown if c != _NONE]
        rows = self._rows
        return [
            c for c, (lon, lat) in zip(shown, self._coords, strict=True)
            if c != _NONE
            and (status is None or rows[c][_STATUS] == status)
            and (bbox is None or (bbox[0] <= lon <= bbox[2] and bbox[1] <= lat <= bbox[3]))
        ]
