"""GET /api/sources: each source's track record, with the claims behind every figure."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from frontwatch.api import render
from frontwatch.api.auth import service
from frontwatch.api.envelope import ApiError
from frontwatch.api.models import SourcesOut, errors
from frontwatch.api.service import Service
from frontwatch.reconcile.sources import DEFAULT_WITHIN

router = APIRouter(prefix="/api/sources", tags=["sources"])


@router.get("", summary="Track records of sources: claims later confirmed, late, "
                        "contradicted or open, and how many days confirmation took",
            responses={200: {"model": SourcesOut}, **errors(404, 422)})
def list_sources(
    request: Request,
    svc: Annotated[Service, Depends(service)],
    within: Annotated[int, Query(ge=0, le=3650, description="days to be confirmed in")] =
    DEFAULT_WITHIN,
    layer: Annotated[list[str] | None, Query(
        description="imported layers to check against (repeat); every one when left out")] = None,
    no_layers: Annotated[bool, Query(description="check against other sources only")] = False,
    source: Annotated[str | None, Query(
        max_length=500, description="one source (case-insensitive): every check, its claim and "
                                    "what settled it")] = None,
    side: Annotated[Literal["RU", "UA", "third"] | None, Query()] = None,
) -> Response:
    from frontwatch.store.layers import source_records

    def build() -> bytes:
        names = [] if no_layers else layer
        records = source_records(svc.store, layer_names=names, within=within)
        if source is not None:
            records = [r for r in records if r.name.casefold() == source.strip().casefold()
                       and side in (None, r.side)]
            if not records:
                raise ApiError(404, f"no capture or presence claim from source {source!r}",
                               code="unknown_source")
        elif side is not None:
            records = [r for r in records if r.side == side]
        return render.json_bytes({
            "within": within,
            "sources": [r.as_dict(details=source is not None) for r in records],
        })

    body = svc.cached(f"{request.url.path}?{request.url.query}", build)
    return Response(body.raw, media_type="application/json")
