"""GET /api/claims: filtered claims, one keyset page at a time."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from frontwatch.api import render
from frontwatch.api.auth import service
from frontwatch.api.envelope import ApiError
from frontwatch.api.models import ClaimsPage, errors
from frontwatch.api.pagination import decode_cursor, encode_cursor
from frontwatch.api.service import Service
from frontwatch.records import PartialDate

router = APIRouter(prefix="/api/claims", tags=["claims"])

MAX_LIMIT = 500


def _date(name: str, value: str | None) -> PartialDate | None:
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise ApiError(422, f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD", code="invalid_date",
                       details=[{"loc": ["query", name], "type": "invalid_date",
                                 "message": value}]) from exc


@router.get("", summary="Claims, filtered and paged (pass `next` back as `cursor`)",
            response_model=ClaimsPage, responses=errors(404, 422))
def list_claims(
    svc: Annotated[Service, Depends(service)],
    place: Annotated[str | None, Query(
        description="GeoNames id or name (any spelling the resolver knows)")] = None,
    source: Annotated[str | None, Query(description="source name, case-insensitive")] = None,
    side: Annotated[Literal["RU", "UA", "third"] | None, Query()] = None,
    since: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive")] = None,
    until: Annotated[str | None, Query(description="YYYY[-MM[-DD]], inclusive")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    cursor: Annotated[str | None, Query(description="`next` of the previous page")] = None,
    undated: Annotated[bool, Query(description="only claims with no date")] = False,
) -> dict[str, Any]:
    page, next_after = svc.claims(
        place=svc.place_id(place), source=source, undated=undated, side=side, since=_date("since", since),
        until=_date("until", until), limit=limit,
        after_id=decode_cursor(cursor) if cursor is not None else None,
    )
    return {
        "claims": [render.claim(item) for item in page],
        "next": encode_cursor(next_after) if next_after is not None else None,
    }
