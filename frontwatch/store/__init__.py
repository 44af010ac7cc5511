"""The claim store: SQLite by default, PostgreSQL by URL."""

from frontwatch.store.store import (
    AddResult,
    PlaceStatus,
    PlaceStatusRow,
    Store,
    StoredDocument,
    TokenInfo,
)

__all__ = ["AddResult", "PlaceStatus", "PlaceStatusRow", "Store", "StoredDocument", "TokenInfo"]
