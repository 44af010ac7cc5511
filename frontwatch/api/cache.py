"""Rendered responses of the map's read endpoints, kept until the database changes.

The time slider asks for the same few dates over and over, and every viewer of the map
asks for the latest one; each answer costs one query per place. SQLite's
`PRAGMA data_version` changes whenever another connection commits, whichever process it
belongs to, so one dedicated connection tells cheaply whether a kept answer still holds.
Other databases get no cache (`enabled` is False) rather than a stale one.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable

from sqlalchemy.engine import Engine


class ResponseCache:
    """An LRU of response bodies, emptied whenever the database's data version moves."""

    def __init__(self, engine: Engine, *, size: int = 512) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, bytes] = OrderedDict()
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

    def _current(self) -> None:
        assert self._conn is not None
        version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self._entries.clear()
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
