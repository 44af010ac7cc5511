"""Rendered responses of the map's read endpoints, kept until the database changes.

The time slider asks for the same few dates over and over, and every viewer of the map
asks for the latest one. SQLite's `PRAGMA data_version` changes whenever another
connection commits, whichever process it belongs to, so one dedicated connection tells
cheaply whether a kept answer still holds. Other databases get no cache (`enabled` is
False) rather than a stale one.

Besides bodies, it keeps values derived from the whole database under the same rule
(`derived`): the map's in-memory status index (mapindex.py) is one, built once per data
version. A value that takes long to build is built on a background thread
(`derived_soon`), and until it is ready callers answer the way they did without it, so a
write never makes readers queue behind the rebuild.

A kept body is gzip-compressed the first time a client that accepts gzip asks for it, and
the compressed bytes are kept with it: the map, a few hundred KiB of JSON, then costs one
compression per date instead of one per request.
"""

from __future__ import annotations

import gzip
import logging
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar, cast

from sqlalchemy.engine import Engine

R = TypeVar("R")

log = logging.getLogger(__name__)

# Bodies shorter than this go out as they are: gzip saves nothing worth its header.
GZIP_MIN_SIZE = 1024
# zlib level 1: a third of level 6's time (4 ms against 13 for a 400 KiB map) for a fifth
# more bytes; most bodies are rendered for one request, so the time counts more.
GZIP_LEVEL = 1


class Body:
    """A rendered JSON body and, once a client asked for it, its gzip compression."""

    __slots__ = ("raw", "_gzipped")

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self._gzipped: bytes | None = None

    @property
    def compressible(self) -> bool:
        return len(self.raw) >= GZIP_MIN_SIZE

    def gzipped(self) -> bytes:
        """The gzip member of `raw`, compressed on first use (a race compresses twice, the
        same bytes)."""
        if self._gzipped is None:
            self._gzipped = gzip.compress(self.raw, compresslevel=GZIP_LEVEL, mtime=0)
        return self._gzipped


class ResponseCache:
    """An LRU of response bodies, emptied whenever the database's data version moves."""

    def __init__(self, engine: Engine, *, size: int = 512) -> None:
        self._size = size
        self._lock = threading.Lock()
        self._build_lock = threading.Lock()
        self._entries: OrderedDict[str, Body] = OrderedDict()
        self._derived: dict[str, object] = {}
        self._building: set[str] = set()
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
            self._derived.clear()

    def _current(self) -> None:
        assert self._conn is not None
        version = int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        if version != self._version:
            self._entries.clear()
            self._derived.clear()
            self._version = version

    def get_or_render(self, key: str, render: Callable[[], bytes]) -> Body:
        """The kept body for `key`, or `render()`'s, kept while the data stays the same."""
        if self._conn is None:
            return Body(render())
        with self._lock:
            self._current()
            version = self._version
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
        body = Body(render())
        with self._lock:
            self._current()
            if self._version == version:
                self._entries[key] = body
                if len(self._entries) > self._size:
                    self._entries.popitem(last=False)
        return body

    def derived(self, key: str, build: Callable[[], R]) -> R:
        """`build()`'s value, kept while the data stays the same (built by each caller that
        finds none kept: for values that are cheap to build)."""
        if self._conn is None:
            return build()
        with self._lock:
            self._current()
            version = self._version
            if key in self._derived:
                return cast(R, self._derived[key])
        value = build()  # reads data at least as new as `version`
        self._keep(key, version, value)
        return value

    def derived_soon(self, key: str, build: Callable[[], R]) -> R | None:
        """The kept value of `build()` for the current data, or None while a background
        thread builds it (started here when none is)."""
        if self._conn is None:
            return None
        with self._lock:
            self._current()
            version = self._version
            if key in self._derived:
                return cast(R, self._derived[key])
            if key in self._building:
                return None
            self._building.add(key)

        def run() -> None:
            try:
                self._keep(key, version, build())
            except Exception:
                log.exception("building %s failed; it is tried again on the next read", key)
            finally:
                with self._lock:
                    self._building.discard(key)

        threading.Thread(target=run, name=f"frontwatch-{key}", daemon=True).start()
        return None

    def _keep(self, key: str, version: int | None, value: object) -> None:
        with self._lock:
            if self._conn is None:
                return
            self._current()
            if self._version == version:
                self._derived[key] = value
