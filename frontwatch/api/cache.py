"""Rendered responses of the map's read endpoints, kept until the database changes.

The time slider asks for the same few dates over and over, and every viewer of the map
asks for the latest one; each answer costs one query per place. SQLite's
`PRAGMA data_version` changes whenever another connection commits, whichever process it
belongs to, so one dedicated connection tells cheaply whether a kept answer still holds.
Other databases get no cache (`enabled` is False) rather than a stale one.

A date the slider has not asked for yet still differs from its neighbours in only a few
places, so the rendered map rows are kept too, by `place_status` id, under the same rule:
a new date then costs one index-only query for the ids and the rendering of the rows that
changed, not 3,000 rows read, built and serialized.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable, Container, Sequence
from typing import TypeVar

from sqlalchemy.engine import Engine

R = TypeVar("R")


class ResponseCache:
    """An LRU of response bodies, emptied whenever the database's data version moves."""

    def __init__(self, engine: Engine, *, size: int = 512, parts: int = 500_000) -> None:
        self._size = size
        self._parts_size = parts
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._parts: dict[int, bytes] = {}
        self._version: int | None = None
        self._conn: sqlite3.Connection | None = None
        database = engine.url.database
        if engine.dialect.name == "sqlite" and database and database != ":memory:":
            self._conn = sqlite3.connect(database, check_same_thread=False)

    @property
    def enabled(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
            self._entries.clear()
            self._parts.clear()

    def _current(self) -> None:
        assert self._conn is not None
        version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self._entries.clear()
            self._parts.clear()
            self._version = version

    def get_or_render(self, key: str, render: Callable[[], bytes]) -> bytes:
        """The kept body for `key`, or `render()`'s, kept while the data stays the same."""
        if self._conn is None:
            return render()
        with self._lock:
            self._current()
            version = self._version
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        body = render()
        with self._lock:
            self._current()
            if self._version == version:
                self._entries[key] = body
                if len(self._entries) > self._size:
                    self._entries.popitem(last=False)
        return body

    def parts(
        self,
        read: Callable[[Container[int]], Sequence[tuple[int, R | None]]],
        render: Callable[[R], bytes],
    ) -> list[bytes]:
        """Rendered parts in the order `read` lists them, rendering only those not kept.

        `read(known)` returns (key, record) pairs, the record None for a key in `known`
        (the kept parts). Should the data move while it reads, the kept parts may be stale,
        so it reads again with none known.
        """
        if self._conn is None:
            return [render(_present(record)) for _, record in read(())]
        with self._lock:
            self._current()
            version = self._version
        kept = self._parts
        found = read(kept)
        with self._lock:
            self._current()
            fresh = self._version == version
        if not fresh:
            return [render(_present(record)) for _, record in read(())]
        out: list[bytes] = []
        made: dict[int, bytes] = {}
        for key, record in found:
            if record is None:
                part = kept.get(key)
                if part is None:  # emptied meanwhile (size bound): not worth a retry
                    return [render(_present(r)) for _, r in read(())]
            else:
                part = made[key] = render(record)
            out.append(part)
        with self._lock:
            self._current()
            if self._version == version and made:
                if len(self._parts) + len(made) > self._parts_size:
                    self._parts.clear()
                self._parts.update(made)
        return out


def _present(record: R | None) -> R:
    if record is None:
        raise AssertionError("a part was left out although none was known")
    return record
