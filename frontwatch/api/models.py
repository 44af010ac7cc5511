"""Response models: what every endpoint answers, as the OpenAPI document shows it.

Routes that send bytes rendered once (the map, timelines) declare these for the
documentation; the others return them. Field names are the ones the command line's
`--json` and the exports use: a count of claims is `n_claims` everywhere, a list of claims
`claims`.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Side = Literal["RU", "UA", "third"]
Status = Literal["ru_claimed", "ru_confirmed", "ua_claimed", "ua_confirmed", "ru_partial",
                 "ua_partial", "contested", "unknown"]


class PlaceRef(BaseModel):
    """The `place` object of the `extract --jsonl` contract."""

    name: str
    geonameid: int
    lat: float
    lon: float
    admin1: str


class PlaceOut(PlaceRef):
    country: str
    feature: str = Field(description="GeoNames feature code (PPL, PPLA2, ADM1, ...)")
    population: int


class SourceOut(BaseModel):
    name: str
    side: Side


class ClaimOut(BaseModel):
    """A stored claim: the `extract --jsonl` object plus `id`, `url` and `review`."""

    id: int
    doc: str = Field(description="document id (`GET /api/documents/{id}`)")
    place: PlaceRef
    place_mention: str
    kind: Literal["capture", "presence", "advance", "fighting", "repelled"]
    actor: Literal["RU", "UA"]
    stance: Literal["asserts", "denies"]
    source: SourceOut
    date: str | None = Field(description="YYYY, YYYY-MM or YYYY-MM-DD; null when unknown")
    date_inferred: bool = Field(
        description="the sentence gives no date: `date` is the article's publication date")
    evidence: str
    evidence_start: int = Field(description="code-point offset of the evidence in the text")
    evidence_end: int
    confidence: float
    url: str | None
    review: Literal["accepted", "rejected", "corrected"] | None


class Range(BaseModel):
    first: str | None
    last: str | None


class MapPlace(BaseModel):
    place: PlaceRef
    status: Status
    since: str
    partial: str | None
    n_for: int
    n_against: int
    n_claims: int


class MapOut(BaseModel):
    """`format=objects`; with `format=compact`, `columns` names the fields and each of
    `places` is an array of them."""

    as_of: str | None
    range: Range = Field(description="first and last claim date in the store")
    bulk: Range = Field(description="the dates between which most claims fall (the slider's "
                                    "default span; outliers lie outside)")
    count: int
    undated: int = Field(description="claims with no date, left off the map")
    columns: list[str] | None = Field(default=None, description="only with format=compact")
    places: list[MapPlace] | list[list[Any]]


class Step(BaseModel):
    date: str
    status: Status
    partial: str | None
    rule: str = Field(description="the rule of docs/reconcile.md that set this status")
    set_by: list[int] = Field(description="the claims that set it (the first of claims_for; "
                                          "the others only kept it)")
    claims_for: list[int]
    claims_against: list[int]


class PlaceStatusOut(BaseModel):
    place: PlaceOut
    as_of: str | None
    status: Status
    since: str | None
    partial: str | None
    claims_for: list[ClaimOut]
    claims_against: list[ClaimOut]


class TimelineOut(PlaceStatusOut):
    timeline: list[Step]
    claims: list[ClaimOut] = Field(
        description="every claim dated up to as_of or undated, rejected ones included")


class SearchHit(BaseModel):
    place: PlaceOut
    n_claims: int
    matched: str = Field(description="the spelling that matched")


class SearchOut(BaseModel):
    query: str
    places: list[SearchHit]


class SettlementsOut(BaseModel):
    columns: list[str]
    settlements: list[list[Any]]


class ClaimsPage(BaseModel):
    claims: list[ClaimOut]
    next: str | None = Field(description="pass back as `cursor` for the next page")


class MentionOut(BaseModel):
    start: int
    end: int
    text: str
    geonameid: int
    name: str


class DocumentOut(BaseModel):
    id: str
    url: str | None
    title: str | None
    outlet: str | None
    lang: str | None
    published: str | None
    origin: str
    extractor_version: str
    ingested_at: str
    text: str
    claims: list[ClaimOut]
    mentions: list[MentionOut]


class IngestOut(BaseModel):
    result: Literal["new", "unchanged", "updated"]
    document: str
    claims: list[ClaimOut]


class ReviewRecord(BaseModel):
    id: int
    claim_id: int
    action: Literal["accept", "reject", "correct"]
    correction: dict[str, Any] | None
    note: str
    author: str
    created_at: str


class ReviewOut(BaseModel):
    review_id: int
    claim: ClaimOut
    reviews: list[ReviewRecord]
    place: PlaceStatusOut


class TokenOut(BaseModel):
    id: int
    role: Literal["editor", "admin"]
    created_at: str
    revoked_at: str | None


class TokenList(BaseModel):
    tokens: list[TokenOut]


class NewToken(BaseModel):
    role: Literal["editor", "admin"]
    token: str = Field(description="the secret, shown this once")


class Revoked(BaseModel):
    revoked: int


class LayerOut(BaseModel):
    name: str
    first_date: str
    last_date: str
    dates: int


class LayerList(BaseModel):
    layers: list[LayerOut]


class LayerDay(BaseModel):
    """A layer's polygons in effect on a date, and the places whose status disagrees."""

    layer: str
    as_of: str | None
    date: str | None = Field(description="the layer's own date used: its latest on or before "
                                         "as_of; null before its first")
    geometry: dict[str, Any] | None = Field(description="a GeoJSON MultiPolygon")
    disagreements: list[int] = Field(description="GeoNames ids of mapped places whose status "
                                                 "the layer contradicts on that date")


Outcome = Literal["confirmed", "late", "contradicted", "open"]


class SourceCheck(BaseModel):
    """One capture or presence claim of a source and what became of it."""

    claim: int | None = Field(description="the claim's id")
    place: dict[str, Any] = Field(description="`name` and `geonameid`")
    date: str | None
    kind: Literal["capture", "presence"]
    actor: Literal["RU", "UA"]
    evidence: str
    outcome: Outcome
    lag: int | None = Field(description="days from the claim to its first confirmation")
    by: str | None = Field(description="what settled it: admission, third party, own side or "
                                       "layer NAME")
    by_claim: int | None = Field(description="the claim that settled it (none for a layer)")
    layer_date: str | None = Field(description="the layer date that settled it")


class SourceRecordOut(BaseModel):
    """A source's track record: how many of its claims each outcome has, and which."""

    name: str
    side: Side
    n_claims: int
    confirmed: int
    late: int
    contradicted: int
    open: int
    median_lag: float | None
    p90_lag: int | None
    by: dict[str, int] = Field(description="how many claims each kind of evidence settled")
    claim_ids: dict[str, list[int]] = Field(description="the claim ids behind each outcome")
    checks: list[SourceCheck] | None = Field(default=None,
                                             description="only when one source is asked for")


class SourcesOut(BaseModel):
    within: int = Field(description="days a claim has to be confirmed in")
    sources: list[SourceRecordOut]


class ErrorDetail(BaseModel):
    loc: list[str]
    type: str
    message: str


class ErrorInfo(BaseModel):
    status: int
    code: str = Field(description="stable, snake_case: branch on it")
    message: str
    details: list[ErrorDetail] = Field(description="for 422: one per offending field")


class ErrorEnvelope(BaseModel):
    """Every error, whatever its status."""

    model_config = ConfigDict(json_schema_extra={"examples": [
        {"ok": False, "error": {
            "status": 422, "code": "validation_error",
            "message": "the request does not match the schema",
            "details": [{"loc": ["query", "limit"], "type": "less_than_equal",
                         "message": "Input should be less than or equal to 500"}]}},
        {"ok": False, "error": {"status": 404, "code": "place_not_found",
                                "message": "'Toretks': unknown place; did you mean Toretsk?",
                                "details": []}},
    ]})

    ok: Literal[False]
    error: ErrorInfo


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The `responses=` of a route: the error envelope for each status it can answer."""
    said = {
        401: "no token, or an unknown or revoked one (`WWW-Authenticate: Bearer`)",
        403: "the token's role may not do this",
        404: "no such place, claim, document, layer or token",
        422: "a parameter or the body does not match the schema",
    }
    return {status: {"model": ErrorEnvelope, "description": said[status]}
            for status in statuses}
