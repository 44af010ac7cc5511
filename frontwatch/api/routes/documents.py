"""GET /api/documents/{id} (text and claim spans) and POST /api/documents (ingest one)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from pydantic import BaseModel, ConfigDict, Field

from frontwatch.api import render
from frontwatch.api.auth import editor, service
from frontwatch.api.models import DocumentOut, IngestOut, errors
from frontwatch.api.service import Principal, Service

router = APIRouter(prefix="/api/documents", tags=["documents"])


class ArticleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str = Field(min_length=1, description="at most `max_document_chars` characters (413)")
    url: str | None = Field(default=None, max_length=2000)
    title: str | None = Field(default=None, max_length=1000)
    published: str | None = Field(default=None, description="YYYY[-MM[-DD]] or ISO datetime")
    lang: str | None = Field(default=None, max_length=8)
    outlet: str | None = Field(default=None, max_length=200)
    id: str | None = Field(default=None, max_length=64,
                           description="document id; the sha256 of the normalized text if left out")


@router.get("/{doc_id}", summary="An article's text with the spans of its claims",
            response_model=DocumentOut, responses=errors(404, 422))
def get_document(doc_id: str, svc: Annotated[Service, Depends(service)]) -> dict[str, Any]:
    return render.document(svc.document(doc_id))


@router.post("", status_code=201, response_model=IngestOut,
             responses={200: {"model": IngestOut, "description": "already stored"},
                        **errors(401, 403, 422)},
             summary="Ingest one article: extract its claims and store them (editor, admin)")
async def post_document(
    body: ArticleIn,
    response: Response,
    principal: Annotated[Principal, Depends(editor)],
    svc: Annotated[Service, Depends(service)],
) -> dict[str, Any]:
    fields = body.model_dump(exclude={"text"}, exclude_none=True)
    done = await svc.ingest(body.text, **fields)
    if done.result != "new":
        response.status_code = 200
    doc = render.document(done.document)
    return {"result": done.result, "document": doc["id"], "claims": doc["claims"]}
