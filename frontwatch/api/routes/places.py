"""GET /api/places (the map), /api/places/search, /api/places/{place} and its timeline.

Wherever a place is named in a path or a query, its GeoNames id or any name the resolver
knows will do.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from frontwatch.api import render
from frontwatch.api.atlas import SETTLEMENT_COLUMNS, SETTLEMENT_LIMIT
from frontwatch.api.auth import service
from frontwatch.api.cache import Body
from frontwatch.api.envelope import ApiError
from frontwatch.api.models import (
    MapOut,
    PlaceStatusOut,
    SearchOut,
    SettlementsOut,
    TimelineOut,
    errors,
)
from frontwatch.api.service import Service
from frontwatch.reconcile import STATUSES
from frontwatch.records import KINDS, SIDES

router = APIRouter(prefix="/api/places", tags=["places"])

AsOf = Annotated[
    dt.date | None,
    Query(description="YYYY-MM-DD; the latest known status when left out."),
]
PlaceKey = Annotated[str, Path(description="GeoNames id or name (any spelling: Toretsk, "
                                          "Dzerjinsk, Торецьк)")]


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


def _choices(name: str, text: str | None, allowed: tuple[str, ...]) -> frozenset[str] | None:
    """A comma-separated filter (`sides=RU,third`); None when absent or naming every value."""
    if text is None:
        return None
    wanted = frozenset(v.strip() for v in text.split(",") if v.strip())
    bad = sorted(wanted - set(allowed))
    if bad:
        raise ApiError(422, f"{name} must be a comma-separated list of {', '.join(allowed)}",
                       code=f"invalid_{name}",
                       details=[{"loc": ["query", name], "type": f"invalid_{name}",
                                 "message": ", ".join(bad)}])
    return None if wanted == frozenset(allowed) else wanted


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
            responses={200: {"model": MapOut}, **errors(422)})
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
    sides: Annotated[str | None, Query(
        description="only places with a claim from these source sides (RU,UA,third), "
                    "dated up to as_of or undated")] = None,
    kinds: Annotated[str | None, Query(
        description=f"only places with a claim of these kinds ({','.join(KINDS)})")] = None,
) -> Response:
    wanted, box = _status(status), _bbox(bbox)
    by_side, by_kind = _choices("sides", sides, SIDES), _choices("kinds", kinds, KINDS)

    def build() -> bytes:
        bounds = svc.date_range()
        head = {
            "as_of": as_of.isoformat() if as_of else None,
            "range": {"first": _iso(bounds.first), "last": _iso(bounds.last)},
            "bulk": {"first": _iso(bounds.bulk_first), "last": _iso(bounds.bulk_last)},
            "undated": bounds.undated,
        }
        keep = None
        if by_side is not None or by_kind is not None:
            keep = svc.matching_places(as_of, by_side or frozenset(SIDES),
                                       by_kind or frozenset(KINDS))
        if format == "compact":
            compact = svc.map_compact(as_of, status=wanted, bbox=box, keep=keep)
            return render.compact_map_body({**head, "count": len(compact)}, compact)
        rows = svc.map_rows(as_of, status=wanted, bbox=box)
        if keep is not None:
            rows = [r for r in rows if r[0] in keep]
        return render.map_body({**head, "count": len(rows)}, rows)

    return _json(request, svc.cached(_key(request), build))


@router.get("/search", response_model=SearchOut, responses=errors(422),
            summary="Places for a search box: every spelling the resolver knows, and stored "
                    "places whose name starts with the text")
def search_places(
    svc: Annotated[Service, Depends(service)],
    q: Annotated[str, Query(min_length=1, max_length=200, description="a name or its start")],
) -> dict[str, Any]:
    return {"query": q, "places": [
        {"place": render.place(place), "n_claims": n, "matched": matched}
        for place, matched, n in svc.search(q)
    ]}


@router.get("/settlements", response_model=SettlementsOut, responses=errors(422),
            summary="The largest settlements in a box, from the gazetteer (the map's labels)")
def settlements(
    request: Request,
    svc: Annotated[Service, Depends(service)],
    bbox: Annotated[str, Query(description="minlon,minlat,maxlon,maxlat")],
    min_population: Annotated[int, Query(ge=0)] = 0,
    limit: Annotated[int, Query(ge=1, le=2000)] = SETTLEMENT_LIMIT,
) -> Response:
    box = _bbox(bbox)
    assert box is not None
    return _json(request, svc.cached(_key(request), lambda: render.json_bytes({
        "columns": SETTLEMENT_COLUMNS,
        "settlements": svc.atlas.settlements(box, min_population=min_population, limit=limit),
    })))


@router.get("/{place}", summary="One place's status on a date, with the claims behind it",
            responses={200: {"model": PlaceStatusOut}, **errors(404, 422)})
def get_place(
    request: Request,
    place: PlaceKey,
    svc: Annotated[Service, Depends(service)],
    as_of: AsOf = None,
) -> Response:
    return _json(request, svc.cached(_key(request), lambda: render.json_bytes(
        render.place_status(svc.place_status(svc.resolve(place).geonameid, as_of),
                            with_timeline=False))))


@router.get("/{place}/timeline",
            summary="A place's status timeline and every claim about it, up to a date",
            responses={200: {"model": TimelineOut}, **errors(404, 422)})
def get_timeline(
    request: Request,
    place: PlaceKey,
    svc: Annotated[Service, Depends(service)],
    as_of: AsOf = None,
) -> Response:
    return _json(request, svc.cached(_key(request), lambda: render.timeline_body(
        svc.place_timeline(svc.resolve(place).geonameid, as_of))))


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
