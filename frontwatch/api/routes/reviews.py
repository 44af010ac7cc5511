"""POST /api/claims/{id}/review: an editor accepts, rejects or corrects a claim."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, ConfigDict, Field

from frontwatch.api import render
from frontwatch.api.auth import editor, service
from frontwatch.api.ids import DB_INT_MAX
from frontwatch.api.models import ReviewOut, errors
from frontwatch.api.service import Principal, Service

router = APIRouter(prefix="/api/claims", tags=["reviews"])


class SourceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    side: Literal["RU", "UA", "third"]


class Correction(BaseModel):
    """The fields a `correct` review overrides; the others keep their extracted values."""

    model_config = ConfigDict(extra="forbid")
    kind: Literal["capture", "presence", "advance", "fighting", "repelled"] | None = None
    actor: Literal["RU", "UA"] | None = None
    stance: Literal["asserts", "denies"] | None = None
    source: SourceIn | None = None
    date: str | None = Field(default=None, pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")
    place: int | str | None = Field(
        default=None, description="GeoNames id or name of a place already in the store")


class ReviewIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    action: Literal["accept", "reject", "correct"]
    note: str = Field(default="", max_length=5000)
    author: str | None = Field(default=None, max_length=200,
                               description="reviewer's name; the token's role when left out")
    correction: Correction | None = None


@router.post("/{claim_id}/review", summary="Accept, reject or correct a claim (editor, admin)",
             response_model=ReviewOut, responses=errors(401, 403, 404, 422))
async def review_claim(
    claim_id: Annotated[int, Path(ge=1, le=DB_INT_MAX)],
    body: ReviewIn,
    principal: Annotated[Principal, Depends(editor)],
    svc: Annotated[Service, Depends(service)],
) -> dict[str, Any]:
    done = await svc.review(
        claim_id, principal=principal, action=body.action, note=body.note, author=body.author,
        correction=_resolved(body.correction, svc),
    )
    return {
        "review_id": done.review_id,
        "claim": render.claim(done.claim),
        "reviews": done.reviews,
        "place": render.place_status(done.status, with_timeline=False),
    }


def _resolved(correction: Correction | None, svc: Service) -> dict[str, Any] | None:
    """The correction's fields, with a place given by name turned into its id."""
    if correction is None:
        return None
    fields = correction.model_dump(exclude_none=True)
    if "place" in fields:
        fields["place"] = svc.place_id(str(fields["place"]))
    return fields
