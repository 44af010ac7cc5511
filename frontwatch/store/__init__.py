"""The claim store: SQLite by default, PostgreSQL by URL."""

from frontwatch.store.store import (
    AddResult,
    PlaceStatus,
    PlaceStatusRow,
    PlaceTimeline,
    Store,
    StoredDocument,
    TimelineStep,
    TokenInfo,
    Written,
    stored_claim_dict,
)

__all__ = [
    "AddResult",
    "PlaceStatus",
    "PlaceStatusRow",
    "PlaceTimeline",
    "Store",
    "StoredDocument",
    "TimelineStep",
    "TokenInfo",
    "Written",
    "stored_claim_dict",
]
