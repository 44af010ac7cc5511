"""GET /api/layers and /api/layers/{name}: imported map layers, drawn under the claims."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from frontwatch.api import render
from frontwatch.api.auth import service
from frontwatch.api.models import LayerDay, LayerList, errors
from frontwatch.api.routes.places import _json, _key
from frontwatch.api.service import Service

router = APIRouter(prefix="/api/layers", tags=["layers"])


@router.get("", response_model=LayerList, summary="Imported layers and their dates")
def list_layers(svc: Annotated[Service, Depends(service)]) -> dict[str, Any]:
    return {"layers": svc.layers()}


@router.get("/{name}", responses={200: {"model": LayerDay}, **errors(404, 422)},
            summary="A layer's polygons on a date, and the mapped places it contradicts")
def get_layer(
    request: Request,
    name: Annotated[str, Path(description="the name given to `frontwatch layer import`")],
    svc: Annotated[Service, Depends(service)],
    as_of: Annotated[dt.date | None, Query(
        description="YYYY-MM-DD; the layer's latest date on or before it is drawn")] = None,
) -> Response:
    def build() -> bytes:
        day = svc.layer_day(name, as_of)
        return render.json_bytes({
            "layer": name,
            "as_of": as_of.isoformat() if as_of else None,
            "date": day.date.isoformat() if day.date else None,
            "geometry": {"type": "MultiPolygon", "coordinates": day.polygons}
            if day.date else None,
            "disagreements": day.disagreements,
        })

    return _json(request, svc.cached(_key(request), build))
