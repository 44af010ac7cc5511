"""The JSON API in process (httpx ASGITransport over create_app) on a real SQLite store."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from test_api_support import (
    KURAKHOVE,
    POKROVSK,
    TORETSK,
    TORETSK_UA,
    VUHLEDAR,
    FakeExtractor,
    Said,
    build_claim,
    filled_store,  # noqa: F401  (fixture)
    serving,
)

from frontwatch.api import create_app
from frontwatch.api.envelope import error_body
from frontwatch.ingest import document_from_text
from frontwatch.places import Gazetteer, PlaceFinder
from frontwatch.reconcile import STATUSES
from frontwatch.records import Extraction
from frontwatch.settings import Settings
from frontwatch.store import Store

ERROR_KEYS = {"status", "code", "message", "details"}

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(filled_store: Store, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:  # noqa: F811
    app = create_app(Settings(db=str(tmp_path / "unused.db")), filled_store,
                     extractor=FakeExtractor())
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=transport, base_url="http://localhost"
    ) as http:
        yield http


@pytest.fixture
def editor(filled_store: Store) -> dict[str, str]:  # noqa: F811
    return {"Authorization": f"Bearer {filled_store.create_token('editor')}"}


@pytest.fixture
def admin(filled_store: Store) -> dict[str, str]:  # noqa: F811
    return {"Authorization": f"Bearer {filled_store.create_token('admin')}"}


def assert_envelope(
    response: httpx.Response, status: int, code: str | None = None
) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"ok", "error"}
    assert body["ok"] is False
    assert set(body["error"]) == ERROR_KEYS
    assert body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert isinstance(body["error"]["details"], list)
    if code is not None:
        assert body["error"]["code"] == code
    return body["error"]


def test_api_envelope_helper_shape() -> None:
    assert error_body(404, "nope") == {
        "ok": False,
        "error": {"status": 404, "code": "not_found", "message": "nope", "details": []},
    }


# -- errors: one envelope ------------------------------------------------------------------


async def test_api_unknown_place_is_404_envelope(client: httpx.AsyncClient) -> None:
    error = assert_envelope(await client.get("/api/places/999999999"), 404, "place_not_found")
    assert "999999999" in error["message"]
    assert_envelope(await client.get("/api/places/999999999/timeline"), 404, "place_not_found")


async def test_api_unknown_route_and_document_are_404_envelope(client: httpx.AsyncClient) -> None:
    assert_envelope(await client.get("/api/nothing-here"), 404, "not_found")
    assert_envelope(await client.get("/api/documents/deadbeef"), 404, "document_not_found")
    assert_envelope(await client.get("/static/missing.js"), 404, "not_found")


async def test_api_wrong_method_is_405_envelope(client: httpx.AsyncClient) -> None:
    assert_envelope(await client.delete("/api/places"), 405, "method_not_allowed")


async def test_api_malformed_json_is_422_envelope(
    client: httpx.AsyncClient, editor: dict[str, str]
) -> None:
    response = await client.post(
        "/api/documents", content=b'{"text": "unterminated', headers={
            **editor, "Content-Type": "application/json"})
    error = assert_envelope(response, 422, "invalid_json")
    assert error["details"] and error["details"][0]["type"] == "json_invalid"
    response = await client.post(
        "/api/claims/1/review", content=b"not json at all",
        headers={**editor, "Content-Type": "application/json"})
    assert_envelope(response, 422, "invalid_json")


@pytest.mark.parametrize("path", [
    "/api/places?as_of=yesterday",
    "/api/places?as_of=2025-13-01",
    "/api/places?bbox=1,2,3",
    "/api/places?bbox=40,50,30,45",
    "/api/places?status=liberated",
    "/api/places?sides=NATO",
    "/api/claims?limit=0",
    "/api/claims?limit=100000",
    "/api/claims?side=NATO",
    "/api/claims?since=last-week",
    "/api/places?kinds=shelling",
    "/api/claims?cursor=not-a-cursor",
])
async def test_api_bad_query_values_are_422_envelope(client: httpx.AsyncClient, path: str) -> None:
    error = assert_envelope(await client.get(path), 422)
    assert error["details"], "a 422 names the offending field"


@pytest.mark.parametrize("path", ["/api/places/abc", "/api/claims?place=' OR 1=1 --",
                                  "/api/places/Toretks/timeline"])
async def test_api_unknown_place_name_is_404_envelope(client: httpx.AsyncClient, path: str) -> None:
    assert_envelope(await client.get(path), 404, "place_not_found")


async def test_api_names_are_accepted_wherever_ids_are(client: httpx.AsyncClient) -> None:
    by_id = (await client.get(f"/api/claims?place={TORETSK.geonameid}")).json()["claims"]
    by_name = (await client.get("/api/claims?place=toretsk")).json()["claims"]
    by_old_name = (await client.get("/api/claims?place=Dzerzhynsk")).json()["claims"]
    assert [c["id"] for c in by_name] == [c["id"] for c in by_id] == [c["id"] for c in by_old_name]
    timeline = (await client.get("/api/places/Торецьк/timeline")).json()
    assert timeline["place"]["geonameid"] == TORETSK.geonameid
    miss = (await client.get("/api/places/Toretks")).json()["error"]["message"]
    assert "did you mean Toretsk" in miss


async def test_api_schema_mismatch_is_422_with_field_details(
    client: httpx.AsyncClient, editor: dict[str, str]
) -> None:
    response = await client.post("/api/claims/1/review", json={"action": "shrug"}, headers=editor)
    error = assert_envelope(response, 422, "validation_error")
    assert error["details"][0]["loc"] == ["body", "action"]


async def test_api_unexpected_failure_is_500_envelope(
    client: httpx.AsyncClient, filled_store: Store, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret internals")

    from frontwatch.api import render

    monkeypatch.setattr(render, "map_body", broken)
    error = assert_envelope(await client.get("/api/places"), 500, "internal_error")
    assert "secret" not in error["message"]


# -- auth ----------------------------------------------------------------------------------


async def test_api_write_without_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/claims/1/review", json={"action": "accept"})
    assert_envelope(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"
    assert_envelope(await client.post("/api/documents", json={"text": "x"}), 401)


async def test_api_unknown_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/claims/1/review", json={"action": "accept"},
                                  headers={"Authorization": "Bearer fw_not-a-real-token"})
    assert_envelope(response, 401, "invalid_token")
    response = await client.post("/api/claims/1/review", json={"action": "accept"},
                                 headers={"Authorization": "Basic dXNlcjpwYXNz"})
    assert_envelope(response, 401)


async def test_api_revoked_token_is_401(
    client: httpx.AsyncClient, filled_store: Store  # noqa: F811
) -> None:
    raw = filled_store.create_token("editor")
    headers = {"Authorization": f"Bearer {raw}"}
    claim_id = filled_store.claims(limit=1)[0].id
    ok = await client.post(f"/api/claims/{claim_id}/review", json={"action": "accept"},
                           headers=headers)
    assert ok.status_code == 200, ok.text
    filled_store.revoke_token(filled_store.tokens()[-1].id)
    response = await client.post(f"/api/claims/{claim_id}/review", json={"action": "accept"},
                                 headers=headers)
    assert_envelope(response, 401, "invalid_token")


async def test_api_wrong_role_is_403(
    client: httpx.AsyncClient, editor: dict[str, str], admin: dict[str, str]
) -> None:
    assert_envelope(await client.get("/api/tokens", headers=editor), 403, "forbidden")
    assert_envelope(await client.post("/api/tokens", json={"role": "admin"}, headers=editor), 403)
    listed = await client.get("/api/tokens", headers=admin)
    assert listed.status_code == 200
    assert {t["role"] for t in listed.json()["tokens"]} == {"editor", "admin"}
    assert all("token" not in t and "secret_hash" not in t for t in listed.json()["tokens"])


async def test_api_admin_creates_and_revokes_tokens(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    created = await client.post("/api/tokens", json={"role": "editor"}, headers=admin)
    assert created.status_code == 201
    raw = created.json()["token"]
    new = {"Authorization": f"Bearer {raw}"}
    assert (await client.get("/api/tokens", headers=new)).status_code == 403  # editor, not 401
    token_id = (await client.get("/api/tokens", headers=admin)).json()["tokens"][-1]["id"]
    assert (await client.delete(f"/api/tokens/{token_id}", headers=admin)).status_code == 200
    assert_envelope(await client.get("/api/tokens", headers=new), 401)
    assert_envelope(await client.delete("/api/tokens/9999", headers=admin), 404)


# -- reads ---------------------------------------------------------------------------------


async def test_api_places_as_of_status_and_bbox(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/places?as_of=2024-10-01")).json()
    assert body["as_of"] == "2024-10-01"
    assert body["range"] == {"first": "2024-10-01", "last": "2025-02-07"}
    assert [(p["place"]["name"], p["status"]) for p in body["places"]] == [
        ("Vuhledar", "ru_claimed")]
    later = (await client.get("/api/places?as_of=2025-02-08")).json()
    statuses = {p["place"]["name"]: p["status"] for p in later["places"]}
    assert statuses["Vuhledar"] == "ru_confirmed"
    assert statuses["Toretsk"] == "contested"
    assert later["count"] == len(later["places"]) == 6
    only = (await client.get("/api/places?status=ru_claimed")).json()
    assert [p["place"]["name"] for p in only["places"]] == ["Kurakhove"]
    west = (await client.get("/api/places?bbox=37.0,47.5,37.3,48.0")).json()
    assert sorted(p["place"]["geonameid"] for p in west["places"]) == sorted(
        [VUHLEDAR.geonameid, KURAKHOVE.geonameid])
    row = later["places"][0]
    assert set(row) == {"place", "status", "since", "partial", "n_for", "n_against", "n_claims"}
    assert set(row["place"]) >= {"name", "geonameid", "lat", "lon", "admin1"}


async def test_api_place_and_timeline(client: httpx.AsyncClient) -> None:
    place = (await client.get(f"/api/places/{TORETSK.geonameid}?as_of=2025-02-10")).json()
    assert place["status"] == "contested"
    assert place["as_of"] == "2025-02-10"
    assert "timeline" not in place
    timeline = (await client.get(
        f"/api/places/{TORETSK.geonameid}/timeline?as_of=2025-02-10")).json()
    assert {"status", "as_of", "place", "timeline", "claims"} <= set(timeline)
    assert timeline["place"]["name"] == "Toretsk"
    assert [(s["date"], s["status"]) for s in timeline["timeline"]] == [
        ("2024-11-20", "contested")]
    assert len(timeline["claims"]) == 3
    early = (await client.get(
        f"/api/places/{TORETSK.geonameid}/timeline?as_of=2024-12-01")).json()
    assert [c["source"]["name"] for c in early["claims"]] == ["ISW"]
    before = (await client.get(f"/api/places/{TORETSK.geonameid}?as_of=2024-01-01")).json()
    assert before["status"] == "unknown"


async def test_api_timeline_renders_the_place_status(
    client: httpx.AsyncClient, filled_store: Store  # noqa: F811
) -> None:
    """The timeline copies the claims the store keeps rendered: the same body as rendering
    `Store.place_status` (the records every other place view renders)."""
    from frontwatch.api import render

    for as_of in (None, "2024-01-01", "2024-10-15", "2024-11-20", "2024-12-01", "2025-02-10"):
        query = f"?as_of={as_of}" if as_of else ""
        got = await client.get(f"/api/places/{TORETSK.geonameid}/timeline{query}")
        status = filled_store.place_status(
            TORETSK.geonameid, dt.date.fromisoformat(as_of) if as_of else None)
        assert got.content == render.json_bytes(
            render.place_status(status, with_timeline=True)), as_of


async def test_api_timeline_follows_reviews_and_new_articles(
    client: httpx.AsyncClient, editor: dict[str, str]
) -> None:
    url = f"/api/places/{TORETSK.geonameid}/timeline?as_of=2025-02-10"
    before = (await client.get(url)).json()
    assert before["status"] == "contested"
    denial = next(c for c in before["claims"] if c["stance"] == "denies")
    response = await client.post(f"/api/claims/{denial['id']}/review",
                                 json={"action": "reject"}, headers=editor)
    assert response.status_code == 200, response.text
    after = (await client.get(url)).json()
    assert {c["id"]: c["review"] for c in after["claims"]}[denial["id"]] == "rejected"
    assert after["status"] != "contested"
    article = {"text": "Front report\n\nReporters saw heavy fighting in Toretsk on Sunday.",
               "published": "2025-02-09", "lang": "en"}
    created = await client.post("/api/documents", json=article, headers=editor)
    assert created.status_code == 201, created.text
    latest = (await client.get(url)).json()
    assert len(latest["claims"]) == len(after["claims"]) + 1
    assert latest["timeline"][-1]["date"] == "2025-02-09"


async def test_api_document_text_with_claim_spans(client: httpx.AsyncClient) -> None:
    claims = (await client.get(f"/api/claims?place={TORETSK.geonameid}")).json()["claims"]
    denial = next(c for c in claims if c["stance"] == "denies")
    doc = (await client.get(f"/api/documents/{denial['doc']}")).json()
    assert doc["id"] == denial["doc"]
    assert {c["id"] for c in doc["claims"]} >= {denial["id"]}
    for claim in doc["claims"]:
        assert doc["text"][claim["evidence_start"]:claim["evidence_end"]] == claim["evidence"]
    assert denial["evidence"] == TORETSK_UA


async def test_api_claims_cursor_pagination(client: httpx.AsyncClient) -> None:
    everything = (await client.get("/api/claims?limit=500")).json()
    assert everything["next"] is None
    total = len(everything["claims"])
    assert total == 9
    seen: list[int] = []
    url = "/api/claims?limit=2"
    pages = 0
    while True:
        body = (await client.get(url)).json()
        assert set(body) == {"claims", "next"}
        assert len(body["claims"]) <= 2
        seen += [c["id"] for c in body["claims"]]
        pages += 1
        if body["next"] is None:
            break
        assert body["next"].isascii() and not body["next"].isdigit()  # opaque
        url = f"/api/claims?limit=2&cursor={body['next']}"
    assert pages == 5
    assert seen == sorted(seen) == [c["id"] for c in everything["claims"]]


async def test_api_claims_filters(client: httpx.AsyncClient) -> None:
    ua = (await client.get("/api/claims?side=UA")).json()["claims"]
    assert {c["source"]["side"] for c in ua} == {"UA"} and len(ua) == 3
    mod = (await client.get("/api/claims?source=russian ministry of defence")).json()["claims"]
    assert len(mod) == 3
    window = (await client.get("/api/claims?since=2024-12&until=2024-12")).json()["claims"]
    assert {c["date"] for c in window} == {"2024-12-03", "2024-12-15"}
    one = (await client.get(f"/api/claims?place={POKROVSK.geonameid}")).json()["claims"]
    assert [c["place"]["name"] for c in one] == ["Pokrovsk"]


@pytest.mark.parametrize("value", [
    "' OR 1=1 --",
    "x'; DROP TABLE claims; --",
    '" OR ""="',
    "1) UNION SELECT secret_hash FROM tokens --",
])
async def test_api_sql_looking_values_are_inert(
    client: httpx.AsyncClient, filled_store: Store, value: str  # noqa: F811
) -> None:
    before = filled_store.counts()
    response = await client.get("/api/claims", params={"source": value})
    assert response.status_code == 200
    assert response.json() == {"claims": [], "next": None}
    response = await client.get(f"/api/documents/{value}")
    assert_envelope(response, 404)
    assert filled_store.counts() == before


async def test_api_openapi_lists_every_endpoint(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    assert {"/api/places", "/api/places/{place}", "/api/places/{place}/timeline",
            "/api/places/search", "/api/places/settlements", "/api/layers",
            "/api/layers/{name}", "/api/claims", "/api/claims/{claim_id}/review",
            "/api/documents", "/api/documents/{doc_id}", "/api/tokens",
            "/api/tokens/{token_id}", "/api/sources"} == set(spec["paths"])
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


async def test_api_openapi_types_every_answer_and_documents_the_real_envelope(
    client: httpx.AsyncClient,
) -> None:
    spec = (await client.get("/openapi.json")).json()
    schemas = spec["components"]["schemas"]
    assert "HTTPValidationError" not in schemas  # FastAPI's 422 shape is not what we send
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            answers = operation["responses"]
            ok = next(v for k, v in answers.items() if k.startswith("2"))
            schema = ok["content"]["application/json"]["schema"]
            assert "$ref" in schema, f"{method} {path} answers an untyped object"
            for status, answer in answers.items():
                if status.startswith("4"):
                    ref = answer["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorEnvelope"), (method, path, status)
    writes = spec["paths"]["/api/claims/{claim_id}/review"]["post"]["responses"]
    assert {"401", "403", "404", "422"} <= set(writes)
    envelope = schemas["ErrorEnvelope"]
    assert set(envelope["properties"]) == {"ok", "error"}
    real = (await client.get("/api/claims?limit=0")).json()
    assert set(real) == {"ok", "error"} and set(real["error"]) == set(
        schemas["ErrorInfo"]["properties"])


async def test_api_openapi_status_is_every_status_reconcile_gives(
    client: httpx.AsyncClient,
) -> None:
    spec = (await client.get("/openapi.json")).json()
    step = spec["components"]["schemas"]["Step"]
    assert {"rule", "set_by"} <= set(step["properties"])
    status = spec["components"]["schemas"]["MapPlace"]["properties"]["status"]
    assert set(status["enum"]) == set(STATUSES)


async def test_api_docs_page_is_served_from_the_package(client: httpx.AsyncClient) -> None:
    page = (await client.get("/api/docs")).text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in page
    assert "//cdn" not in page and "https://" not in page
    bundle = await client.get("/static/vendor/swagger-ui/swagger-ui-bundle.js")
    assert bundle.status_code == 200 and len(bundle.content) > 100_000


# -- writes --------------------------------------------------------------------------------


async def test_api_review_changes_status_and_keeps_author(
    client: httpx.AsyncClient, editor: dict[str, str]
) -> None:
    url = f"/api/places/{TORETSK.geonameid}?as_of=2025-02-10"
    assert (await client.get(url)).json()["status"] == "contested"
    claims = (await client.get(f"/api/claims?place={TORETSK.geonameid}")).json()["claims"]
    denial = next(c for c in claims if c["stance"] == "denies")
    response = await client.post(
        f"/api/claims/{denial['id']}/review",
        json={"action": "reject", "note": "the brigade's statement predates the report",
              "author": "Olena"},
        headers=editor,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["claim"]["review"] == "rejected"
    assert body["reviews"][-1]["author"].startswith("Olena (editor token ")
    assert body["reviews"][-1]["note"] == "the brigade's statement predates the report"
    assert body["place"]["status"] == "ru_claimed"
    assert (await client.get(url)).json()["status"] == "ru_claimed"
    mapped = (await client.get("/api/places?as_of=2025-02-10")).json()["places"]
    assert {p["place"]["name"]: p["status"] for p in mapped}["Toretsk"] == "ru_claimed"


async def test_api_cached_reads_follow_writes_from_other_connections(
    client: httpx.AsyncClient, filled_store: Store  # noqa: F811
) -> None:
    url = "/api/places?as_of=2025-02-10"
    first = await client.get(url)
    assert (await client.get(url)).content == first.content
    denial = next(c for c in filled_store.claims(place=TORETSK.geonameid)
                  if c.claim.stance == "denies")
    with Store.open(filled_store.url.removeprefix("sqlite:///")) as other:
        other.add_review(denial.id, action="reject", author="elsewhere", note="")
    places = (await client.get(url)).json()["places"]
    assert {p["place"]["name"]: p["status"] for p in places}["Toretsk"] == "ru_claimed"


async def test_api_map_reuses_rendered_rows_only_while_they_hold(
    client: httpx.AsyncClient, filled_store: Store  # noqa: F811
) -> None:
    """Each date's map equals the store's rows, whichever rows came from other dates, and
    a write elsewhere drops the kept rows with the kept answers."""
    from frontwatch.api import render

    def expected(day: str) -> list[dict[str, Any]]:
        rows = filled_store.statuses(dt.date.fromisoformat(day))
        return [json.loads(render.json_bytes(render.status_row(r))) for r in rows]

    days = ["2022-09-10", "2024-10-20", "2025-02-06", "2025-02-07", "2025-02-08", "2026-01-01"]
    for day in days:
        body = (await client.get(f"/api/places?as_of={day}")).json()
        assert body["places"] == expected(day) and body["count"] == len(expected(day)), day
    denial = next(c for c in filled_store.claims(place=TORETSK.geonameid)
                  if c.claim.stance == "denies")
    with Store.open(filled_store.url.removeprefix("sqlite:///")) as other:
        other.add_review(denial.id, action="reject", author="elsewhere", note="")
    for day in reversed(days):
        body = (await client.get(f"/api/places?as_of={day}&status=ru_claimed")).json()
        assert body["places"] == [p for p in expected(day) if p["status"] == "ru_claimed"], day


@pytest.mark.parametrize("query", [
    "", "as_of=2022-09-10", "as_of=2025-02-07", "as_of=2026-01-01",
    "as_of=2025-02-10&status=ru_claimed", "bbox=37,47.5,38.5,49", "as_of=1999-01-01",
])
async def test_api_map_compact_rows_match_objects(
    client: httpx.AsyncClient, query: str
) -> None:
    full = (await client.get(f"/api/places?{query}")).json()
    compact = (await client.get(f"/api/places?{query}&format=compact")).json()
    columns = compact["columns"]
    assert columns[:4] == ["geonameid", "name", "lat", "lon"]
    assert {"status", "since"} <= set(columns)
    rebuilt = [dict(zip(columns, values, strict=True)) for values in compact["places"]]
    assert rebuilt == [
        {k: v for k, v in {**row["place"], **row}.items() if k in columns}
        for row in full["places"]
    ]
    assert {k: compact[k] for k in ("as_of", "range", "count")} == \
        {k: full[k] for k in ("as_of", "range", "count")}


@pytest.mark.parametrize("status", [None, "ru_claimed", "contested"])
def test_api_map_index_rows_equal_the_store(filled_store: Store, status: str | None) -> None:  # noqa: F811
    from frontwatch.api.mapindex import MapIndex

    index = MapIndex(filled_store.status_steps())
    days = [None, *(dt.date(2022, 1, 1) + dt.timedelta(days=d) for d in range(0, 1600, 7)),
            dt.date(2025, 2, 6), dt.date(2025, 2, 7), dt.date(2025, 2, 8)]
    for box in (None, (37.0, 47.5, 38.5, 49.0)):
        for day in days:
            expected = [
                (r.place.geonameid, r.place.name, r.place.lat, r.place.lon, r.place.admin1,
                 r.status, str(r.since), r.partial, r.n_for, r.n_against, r.n_claims)
                for r in filled_store.statuses(day, status=status, bbox=box)
            ]
            assert index.rows(day, status=status, bbox=box) == expected, (day, box)


def _bisect_map(
    steps: list[tuple[Any, ...]], day: str | None
) -> list[tuple[Any, ...]]:
    """The map rows of `day` the plain way: per place, the last change started by then,
    unless it ended by then."""
    out = []
    for gid in dict.fromkeys(step[0] for step in steps):
        mine = [step for step in steps if step[0] == gid]
        if day is None:
            chosen = mine[-1]
        else:
            begun = [step for step in mine if step[5] <= day]
            if not begun:
                continue
            chosen = begun[-1]
        if chosen[6] is not None and (day is None or chosen[6] <= day):
            continue
        out.append((*chosen[:5], *chosen[7:]))
    return out


@pytest.mark.parametrize("seed", range(6))
def test_api_map_index_replays_changes_like_a_bisect_per_place(
    seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    import random

    from frontwatch.api import mapindex

    # A few events between snapshots, so answers start from many of them.
    monkeypatch.setattr(mapindex, "CHECKPOINT", 1 + seed)
    rng = random.Random(seed)
    first = dt.date(2024, 1, 1)

    def day(offset: int) -> str:
        return (first + dt.timedelta(days=offset)).isoformat()

    steps: list[tuple[Any, ...]] = []
    for p in range(12):
        starts = sorted(rng.randrange(60) for _ in range(rng.randrange(6)))  # ties too
        for k, start in enumerate(starts):
            last = k + 1 == len(starts)
            # Open, ended at the next start, ended before it (a gap), or ended oddly early.
            ending = rng.choice(["open", "next", "gap", "early"])
            if ending == "open" or (ending == "next" and last):
                until = None
            elif ending == "next":
                until = day(starts[k + 1])
            elif ending == "gap":
                until = day(start + rng.randrange(1, 10))
            else:
                until = day(start - rng.randrange(0, 3))
            steps.append((1000 + p, f"Place {p}", 48.0 + p / 10, 37.0 + p / 10, None,
                          day(start), until, rng.choice(["ru_claimed", "contested"]),
                          day(start), None, k, 1, k + 1))
    index = mapindex.MapIndex(steps)
    for when in [None, *(first + dt.timedelta(days=d) for d in range(-2, 75))]:
        expected = _bisect_map(steps, when.isoformat() if when else None)
        assert index.rows(when) == expected, when
        assert index.compact(when) == [mapindex.compact_row(r) for r in expected], when
        assert index.rows(when, status="contested", bbox=(37.0, 48.0, 37.5, 49.0)) == [
            r for r in expected if r[5] == "contested" and r[3] <= 37.5
        ], when


async def test_api_map_format_is_validated(client: httpx.AsyncClient) -> None:
    assert_envelope(await client.get("/api/places?format=geojson"), 422, "validation_error")


async def test_api_reads_are_gzipped_for_clients_that_accept_it(
    client: httpx.AsyncClient,
) -> None:
    url = f"/api/places/{TORETSK.geonameid}/timeline"
    plain = await client.get(url, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.headers["vary"] == "Accept-Encoding"
    for _ in range(2):  # rendered and compressed, then both kept
        packed = await client.get(url, headers={"Accept-Encoding": "br;q=1, gzip;q=0.8"})
        assert packed.headers["content-encoding"] == "gzip"
        assert int(packed.headers["content-length"]) < len(plain.content)
        assert packed.content == plain.content  # httpx decodes
    refused = await client.get(url, headers={"Accept-Encoding": "gzip;q=0"})
    assert "content-encoding" not in refused.headers


async def test_api_review_correct_moves_status(
    client: httpx.AsyncClient, editor: dict[str, str], filled_store: Store  # noqa: F811
) -> None:
    claim = (await client.get(f"/api/claims?place={KURAKHOVE.geonameid}")).json()["claims"][0]
    response = await client.post(
        f"/api/claims/{claim['id']}/review",
        json={"action": "correct", "note": "a third party said it",
              "correction": {"source": {"name": "ISW", "side": "third"}}},
        headers=editor,
    )
    assert response.status_code == 200, response.text
    assert response.json()["claim"]["source"] == {"name": "ISW", "side": "third"}
    token_id = filled_store.token_info(editor["Authorization"].split()[-1]).id  # type: ignore[union-attr]
    assert response.json()["reviews"][-1]["author"] == f"editor (editor token #{token_id})"
    assert response.json()["place"]["status"] == "ru_confirmed"


async def test_api_review_unknown_claim_and_bad_correction(
    client: httpx.AsyncClient, editor: dict[str, str]
) -> None:
    assert_envelope(await client.post("/api/claims/99999/review", json={"action": "accept"},
                                      headers=editor), 404, "claim_not_found")
    response = await client.post("/api/claims/1/review", json={"action": "correct"},
                                 headers=editor)
    assert_envelope(response, 422, "invalid_input")
    response = await client.post("/api/claims/1/review", headers=editor, json={
        "action": "correct", "correction": {"colour": "red"}})
    assert_envelope(response, 422, "validation_error")


async def test_api_concurrent_reviews_are_serialized(
    client: httpx.AsyncClient, editor: dict[str, str], filled_store: Store  # noqa: F811
) -> None:
    ids = [c.id for c in filled_store.claims()]
    responses = await asyncio.gather(*(
        client.post(f"/api/claims/{i}/review", json={"action": "accept", "note": str(n)},
                    headers=editor)
        for n, i in enumerate(ids * 3)
    ))
    assert [r.status_code for r in responses] == [200] * len(ids) * 3
    assert filled_store.counts()["reviews"] == len(ids) * 3


async def test_api_post_document_extracts_and_stores(
    client: httpx.AsyncClient, editor: dict[str, str]
) -> None:
    article = {
        "text": "Front report\n\nReporters saw heavy fighting in Kurakhove on Tuesday. "
                "The town was empty.",
        "url": "https://news.example.org/kurakhove-2",
        "title": "Front report",
        "published": "2025-01-14",
        "lang": "en",
    }
    created = await client.post("/api/documents", json=article, headers=editor)
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["result"] == "new"
    assert [(c["place"]["name"], c["kind"], c["date"]) for c in body["claims"]] == [
        ("Kurakhove", "fighting", "2025-01-14")]
    assert isinstance(body["claims"][0]["id"], int)
    again = await client.post("/api/documents", json=article, headers=editor)
    assert again.status_code == 200 and again.json()["result"] == "unchanged"
    doc = (await client.get(f"/api/documents/{body['document']}")).json()
    assert doc["url"] == article["url"] and doc["published"] == "2025-01-14"
    status = (await client.get(f"/api/places/{KURAKHOVE.geonameid}?as_of=2025-01-20")).json()
    assert status["status"] == "contested"


async def test_api_post_document_rejects_bad_input(
    client: httpx.AsyncClient, editor: dict[str, str]
) -> None:
    assert_envelope(await client.post("/api/documents", json={"text": ""}, headers=editor), 422)
    assert_envelope(await client.post("/api/documents", json={"text": "   "}, headers=editor),
                    422, "invalid_input")
    response = await client.post("/api/documents", headers=editor,
                                 json={"text": "Some text.", "published": "soon"})
    assert_envelope(response, 422, "invalid_input")
    response = await client.post("/api/documents", headers=editor,
                                 content=json.dumps(["not", "an", "object"]),)
    assert_envelope(response, 422)


# -- page ----------------------------------------------------------------------------------


async def test_api_serves_map_page_and_assets(client: httpx.AsyncClient) -> None:
    page = await client.get("/")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "http" not in csp
    assert "/static/vendor/leaflet/leaflet.js" in page.text
    assert "http://" not in page.text and "https://" not in page.text and '"//' not in page.text
    for path in ("/static/app.js", "/static/app.css", "/static/vendor/leaflet/leaflet.js",
                 "/static/vendor/leaflet/leaflet.css", "/static/data/oblasts.geojson",
                 "/static/data/countries.geojson"):
        assert (await client.get(path)).status_code == 200, path
    js = (await client.get("/static/app.js")).text
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js


async def test_api_serves_a_village_the_gazetteer_lacks_by_its_negative_id(tmp_path: Path) -> None:
    """A Kursk village missing from the gazetteer is stored under its own negative id; the
    map asks for it by that id and by its name, and its claims come back."""
    text = "Moscow said on Tuesday that its troops had retaken Krupets in the Kursk region."
    place = next(m.place for m in PlaceFinder(Gazetteer.load()).find(text, lang="en")
                 if m.text == "Krupets")
    assert place.is_unlisted
    doc = document_from_text(text, url="https://example.org/krupets", published="2025-03-11",
                             lang="en", title="Krupets", outlet="Example News")
    said = Said(text, place, "capture", "RU", "asserts", "Russian Ministry of Defence", "RU",
                "2025-03-11")
    store = Store.open(str(tmp_path / "unlisted.db"))
    try:
        store.add_extraction(Extraction(doc, claims=(build_claim(doc, said),),
                                        extractor_version="hand-built"))
        app = create_app(Settings(db=str(tmp_path / "unused.db")), store)
        async with serving(app) as http:
            by_id = await http.get(f"/api/places/{place.geonameid}/timeline?as_of=2025-03-20")
            by_name = await http.get("/api/places/Krupets?as_of=2025-03-20")
            listed = await http.get(f"/api/claims?place={place.geonameid}")
    finally:
        store.close()
    assert by_id.status_code == 200, by_id.text
    body = by_id.json()
    assert body["place"]["geonameid"] == place.geonameid
    assert (body["place"]["feature"], body["place"]["admin1"]) == ("PPLU", "Kursk Oblast")
    assert [c["kind"] for c in body["claims"]] == ["capture"]
    assert by_name.json()["place"]["geonameid"] == place.geonameid
    assert listed.status_code == 200, listed.text
    assert [c["place"]["name"] for c in listed.json()["claims"]] == ["Krupets"]
