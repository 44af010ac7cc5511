"""GET /api/places, /api/places/{geonameid}, /api/places/{geonameid}/timeline."""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from frontwatch.api import render
from frontwatch.api.auth import service
from frontwatch.api.cache import Body
from frontwatch.api.envelope import ApiError
from frontwatch.api.service import Service
from frontwatch.reconcile import STATUSES

router = APIRouter(prefix="/api/places", tags=["places"])

AsOf = Annotated[
    dt.date | None,
    Query(description="YYYY-MM-DD; the latest known status when left out."),
]
GeonameId = Annotated[int, Path(ge=0, description="GeoNames id of the place.")]


def _bbox(text: str | None) -> tuple[float, float, float, float] | None:
    if text is None:
        return None
    parts = text.split(",")
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != 4 or not all(math.isfinite(v) for v in values) \
            or values[0] > values[2] or values[1] > values[3]:
        raise ApiError(422, "bbox must be minlon,minlat,maxlon,maxlat (numbers, min <= max)",
                       code="invalid_bbox",
                       details=[{"loc": ["query", "bbox"], "type": "invalid_bbox",
                                 "message": text}])
    return values


def _status(value: str | None) -> str | None:
    if value is not None and value not in STATUSES:
        raise ApiError(422, f"status must be one of {', '.join(STATUSES)}", code="invalid_status",
                       details=[{"loc": ["query", "status"], "type": "invalid_status",
                                 "message": value}])
    return value


def _accepts_gzip(header: str) -> bool:
    for item in header.split(","):
        coding, _, params = item.partition(";")
        if coding.strip().lower() in ("gzip", "*"):
            quality = params.strip().lower().removeprefix("q=")
            try:
                return not params.strip() or float(quality) > 0
            except ValueError:
                return True
    return False


def _json(request: Request, body: Body) -> Response:
    """The body, gzip-compressed (once, kept with it) when the client accepts gzip."""
    headers = {"Vary": "Accept-Encoding"}
    if body.compressible and _accepts_gzip(request.headers.get("accept-encoding", "")):
        headers["Content-Encoding"] = "gzip"
        return Response(body.gzipped(), media_type="application/json", headers=headers)
    return Response(body.raw, media_type="application/json", headers=headers)


def _key(request: Request) -> str:
    return f"{request.url.path}?{request.url.query}"


@router.get("", summary="Every place's control status on a date (the map)",
            response_model=dict[str, Any])
def list_places(
    request: Request,
    svc: Annotated[Service, Depends(service)],
    as_of: AsOf = None,
    bbox: Annotated[str | None, Query(description="minlon,minlat,maxlon,maxlat")] = None,
    status: Annotated[str | None, Query(description=f"one of {', '.join(STATUSES)}")] = None,
    format: Annotated[
        Literal["objects", "compact"],
        Query(description="`compact`: each place as an array in the order of `columns`"),
    ] = "objects",
) -> Response:
    wanted, box = _status(status), _bbox(bbox)

    def build() -> bytes:
        bounds = svc.date_range()
        head = {
            "as_of": as_of.isoformat() if as_of else None,
            "range": {
                "first": bounds.first.isoformat() if bounds.first else None,
                "last": bounds.last.isoformat() if bounds.last else None,
            },
        }
        if format == "compact":
            compact = svc.map_compact(as_of, status=wanted, bbox=box)
            return render.compact_map_body({**head, "count": len(compact)}, compact)
        rows = svc.map_rows(as_of, status=wanted, bbox=box)
        return render.map_body({**head, "count": len(rows)}, rows)

    return _json(request, svc.cached(_key(request), build))


@router.get("/{geonameid}", summary="One place's status on a date, with the claims behind it",
            response_model=dict[str, Any])
def get_place(
    request: Request,
    geonameid: GeonameId,
    svc: Annotated[Service, Depends(service)],
    as_of: AsOf = None,
) -> Response:
    return _json(request, svc.cached(_key(request), lambda: render.json_bytes(
        render.place_status(svc.place_status(geonameid, as_of), with_timeline=False))))


@router.get("/{geonameid}/timeline",
            summary="A place's status timeline and every claim about it, up to a date",
            response_model=dict[str, Any])
def get_timeline(
    request: Request,
    geonameid: GeonameId,
    svc: Annotated[Service, Depends(service)],
    as_of: AsOf = None,
) -> Response:
    return _json(request, svc.cached(_key(request), lambda: render.timeline_body(
        svc.place_timeline(geonameid, as_of))))
