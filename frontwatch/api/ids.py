"""Ids the API takes must fit the database's 64-bit integer columns (else a 422, not a 500)."""

from __future__ import annotations

from frontwatch.api.envelope import ApiError

DB_INT_MAX = 2**63 - 1
"""Largest integer a database column holds: the upper bound of every id the API accepts."""


def id_in_range(text: str, name: str) -> None:
    """422 for an all-digit `text` (an id, negative for an unlisted place) too large for the
    database."""
    value = text.strip()
    if value.removeprefix("-").isdigit() and abs(int(value)) > DB_INT_MAX:
        raise ApiError(422, f"{name} is too large for an id (at most {DB_INT_MAX})", code="invalid_id",
                       details=[{"loc": ["query", name], "type": "invalid_id", "message": value}])
