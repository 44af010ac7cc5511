"""GET/POST /api/tokens and DELETE /api/tokens/{id}: token management for admins."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path
from pydantic import BaseModel, ConfigDict

from frontwatch.api.auth import admin, service
from frontwatch.api.ids import DB_INT_MAX
from frontwatch.api.models import NewToken, Revoked, TokenList, errors
from frontwatch.api.service import Principal, Service

router = APIRouter(prefix="/api/tokens", tags=["tokens"])


class TokenIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    role: Literal["editor", "admin"]


@router.get("", summary="Every token (never its secret) (admin)", response_model=TokenList,
            responses=errors(401, 403))
def list_tokens(
    principal: Annotated[Principal, Depends(admin)], svc: Annotated[Service, Depends(service)]
) -> dict[str, Any]:
    return {"tokens": [
        {"id": t.id, "role": t.role, "created_at": t.created_at.isoformat(),
         "revoked_at": t.revoked_at.isoformat() if t.revoked_at else None}
        for t in svc.tokens()
    ]}


@router.post("", status_code=201, summary="A new token; its secret is shown once (admin)",
             response_model=NewToken, responses=errors(401, 403, 422))
async def create_token(
    body: TokenIn,
    principal: Annotated[Principal, Depends(admin)],
    svc: Annotated[Service, Depends(service)],
) -> dict[str, Any]:
    return {"role": body.role, "token": await svc.create_token(body.role)}


@router.delete("/{token_id}", summary="Revoke a token (admin)", response_model=Revoked,
               responses=errors(401, 403, 404, 422))
async def revoke_token(
    token_id: Annotated[int, Path(ge=1, le=DB_INT_MAX)],
    principal: Annotated[Principal, Depends(admin)],
    svc: Annotated[Service, Depends(service)],
) -> dict[str, Any]:
    await svc.revoke_token(token_id)
    return {"revoked": token_id}
