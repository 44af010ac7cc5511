"""Opaque keyset cursors: the client passes back what it got, never an offset."""

from __future__ import annotations

import base64
import binascii

from frontwatch.api.envelope import ApiError
from frontwatch.api.ids import DB_INT_MAX

_PREFIX = "c1:"


def encode_cursor(after_id: int) -> str:
    """The cursor that continues after the claim with this id."""
    return base64.urlsafe_b64encode(f"{_PREFIX}{after_id}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> int:
    """The id a cursor continues after; a 422 envelope for anything this API did not issue."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode("ascii")
        if not raw.startswith(_PREFIX):
            raise ValueError(raw)
        after_id = int(raw[len(_PREFIX):])
        if not 0 <= after_id <= DB_INT_MAX:
            raise ValueError(raw)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ApiError(
            422,
            "cursor is not one this API issued; pass the `next` value of the previous page",
            code="invalid_cursor",
            details=[{"loc": ["query", "cursor"], "type": "invalid_cursor", "message": cursor}],
        ) from exc
    return after_id
