"""The API's request guard and input ranges, in process over a real SQLite store."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from test_api_support import FakeExtractor, bearer, filled_store, serving  # noqa: F401  (fixture)

from frontwatch.api import create_app
from frontwatch.api.guard import host_allowed
from frontwatch.settings import Settings
from frontwatch.store import Store

pytestmark = pytest.mark.anyio

BIG = 2**63


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def app(filled_store: Store, tmp_path: Path) -> FastAPI:  # noqa: F811
    settings = Settings(db=str(tmp_path / "unused.db"), max_document_chars=2_000,
                        max_request_bytes=50_000, allowed_hosts="localhost,127.0.0.1,*.example.org")
    return create_app(settings, filled_store, extractor=FakeExtractor())


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with serving(app) as http:
        yield http


@pytest.fixture
def editor(filled_store: Store) -> dict[str, str]:  # noqa: F811
    return bearer(filled_store, "editor")


@pytest.fixture
def admin(filled_store: Store) -> dict[str, str]:  # noqa: F811
    return bearer(filled_store, "admin")


def code(response: httpx.Response) -> tuple[int, str]:
    return response.status_code, response.json()["error"]["code"]


async def call(app: FastAPI, method: str, path: str, headers: dict[str, str],
               chunks: list[bytes] | None) -> tuple[int, dict[str, str], bytes, int]:
    """Drive the ASGI app by hand: (status, headers, body, body chunks the app read).
    `chunks` None means a receive that fails the test if the app asks for the body."""
    read = 0

    async def receive() -> dict[str, Any]:
        nonlocal read
        if chunks is None:
            raise AssertionError("the body was read")
        read += 1
        body = chunks[read - 1] if read <= len(chunks) else b""
        return {"type": "http.request", "body": body, "more_body": read < len(chunks)}

    sent: list[dict[str, Any]] = []

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": method,
             "scheme": "http", "path": path, "raw_path": path.encode(), "query_string": b"",
             "root_path": "", "client": ("127.0.0.1", 1), "server": ("localhost", 80),
             "headers": [(k.lower().encode(), v.encode()) for k, v in
                         {"host": "localhost", **headers}.items()]}
    async with app.router.lifespan_context(app):
        await app(scope, receive, send)
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], {k.decode(): v.decode() for k, v in start["headers"]}, body, read


# -- token before body, body size ----------------------------------------------------------


async def test_api_guard_token_is_checked_before_the_body_is_read(app: FastAPI) -> None:
    for headers in ({"content-length": "104857600", "content-type": "application/json"},
                    {"authorization": "Bearer fw_unknown", "content-length": "12"}):
        status, _, body, _ = await call(app, "POST", "/api/documents", headers, None)
        assert status == 401 and b'"ok":false' in body


async def test_api_guard_malformed_json_without_token_is_401(client: httpx.AsyncClient) -> None:
    response = await client.post("/api/documents", content=b'{"text": "unterminated',
                                 headers={"Content-Type": "application/json"})
    assert code(response) == (401, "unauthorized")


async def test_api_guard_declared_body_over_the_cap_is_refused_unread(
    app: FastAPI, editor: dict[str, str]
) -> None:
    headers = {"authorization": editor["Authorization"], "content-length": "50001",
               "content-type": "application/json"}
    status, sent_headers, body, _ = await call(app, "POST", "/api/documents", headers, None)
    assert status == 413 and b"payload_too_large" in body
    assert sent_headers["connection"] == "close"


async def test_api_guard_chunked_body_over_the_cap_stops_reading(
    app: FastAPI, editor: dict[str, str]
) -> None:
    headers = {"authorization": editor["Authorization"], "content-type": "application/json"}
    chunks = [b'{"text": "' + b"a" * 20_000] * 10 + [b'"}']
    status, _, body, read = await call(app, "POST", "/api/documents", headers, chunks)
    assert status == 413 and b"payload_too_large" in body
    assert read == 3  # 60,010 bytes read, then no more


async def test_api_guard_unknown_routes_keep_their_404_and_405(client: httpx.AsyncClient) -> None:
    assert code(await client.delete("/api/places")) == (405, "method_not_allowed")
    assert code(await client.post("/api/nowhere", json={})) == (404, "not_found")


async def test_api_guard_long_text_is_413_not_stored(
    client: httpx.AsyncClient, editor: dict[str, str]
) -> None:
    response = await client.post("/api/documents", headers=editor,
                                 json={"text": "Fighting in Toretsk. " * 100})
    assert code(response) == (413, "text_too_long")
    assert "2,100 characters; this server takes at most 2,000" in response.json()["error"]["message"]


# -- hosts and headers ---------------------------------------------------------------------


async def test_api_guard_other_hosts_get_400(client: httpx.AsyncClient) -> None:
    for host in ("rebound.attacker.test", "localhost.attacker.test", ""):
        response = await client.get("/api/places", headers={"Host": host})
        assert code(response) == (400, "invalid_host"), host
    for host in ("localhost:8000", "127.0.0.1", "map.example.org", "a.b.example.org:443"):
        assert (await client.get("/api/places", headers={"Host": host})).status_code == 200, host


def test_api_guard_host_patterns() -> None:
    loopback = ("localhost", "127.0.0.1", "::1")
    assert host_allowed("[::1]:8000", loopback) and host_allowed("LOCALHOST", loopback)
    assert not host_allowed("example.org", loopback) and not host_allowed("127.0.0.1.nip.io", loopback)
    assert host_allowed("anything:1", ("*",))
    assert not host_allowed("example.org", ("*.example.org",))


async def test_api_guard_every_response_says_nosniff(client: httpx.AsyncClient) -> None:
    for response in (await client.get("/"), await client.get("/api/places"),
                     await client.get("/static/app.js"), await client.get("/api/nowhere"),
                     await client.post("/api/documents", json={"text": "x"}),
                     await client.get("/api/places", headers={"Host": "evil.test"})):
        assert response.headers["x-content-type-options"] == "nosniff", response.url


# -- integer ranges ------------------------------------------------------------------------


@pytest.mark.parametrize("path", [
    f"/api/claims?place={BIG}",
    f"/api/places/{BIG}",
    f"/api/places/{2**64}/timeline",
    "/api/claims?limit=" + "9" * 30,
])
async def test_api_guard_out_of_range_integers_are_422(client: httpx.AsyncClient, path: str) -> None:
    assert (await client.get(path)).status_code == 422


async def test_api_guard_largest_id_is_a_404_not_a_500(client: httpx.AsyncClient) -> None:
    assert code(await client.get(f"/api/places/{BIG - 1}")) == (404, "place_not_found")
    assert (await client.get(f"/api/claims?place={BIG - 1}")).json()["claims"] == []


async def test_api_guard_out_of_range_ids_in_writes_and_cursors_are_422(
    client: httpx.AsyncClient, editor: dict[str, str], admin: dict[str, str]
) -> None:
    import base64

    review = await client.post(f"/api/claims/{BIG}/review", json={"action": "accept"}, headers=editor)
    assert review.status_code == 422
    correction = await client.post("/api/claims/1/review", headers=editor, json={
        "action": "correct", "correction": {"place": BIG}})
    assert correction.status_code == 422
    assert (await client.delete(f"/api/tokens/{2**70}", headers=admin)).status_code == 422
    cursor = base64.urlsafe_b64encode(f"c1:{BIG}".encode()).decode().rstrip("=")
    assert code(await client.get(f"/api/claims?cursor={cursor}")) == (422, "invalid_cursor")


# -- documents: conflict, odd text ---------------------------------------------------------


async def test_api_guard_same_id_other_text_is_a_conflict(
    client: httpx.AsyncClient, editor: dict[str, str]
) -> None:
    first = {"id": "wire-7", "text": "Reporters saw fighting in Toretsk on Monday."}
    assert (await client.post("/api/documents", json=first, headers=editor)).status_code == 201
    other = {"id": "wire-7", "text": "A different dispatch about fighting in Pokrovsk."}
    response = await client.post("/api/documents", json=other, headers=editor)
    assert code(response) == (409, "conflict")
    assert "'wire-7' is already stored with another text" in response.json()["error"]["message"]
    again = await client.post("/api/documents", json=first, headers=editor)
    assert again.status_code == 200 and again.json()["result"] == "unchanged"
    stored = (await client.get("/api/documents/wire-7")).json()
    assert stored["text"] == first["text"]


@pytest.mark.parametrize("body", [
    b'{"text": "half a pair \\ud800 here"}',
    b'{"text": ' + b"[" * 50_000 + b"]" * 50_000 + b"}",
    b'{"text": "ok", "id": ' + b"9" * 10_000 + b"}",
])
async def test_api_guard_hostile_bodies_are_4xx_envelopes(
    client: httpx.AsyncClient, editor: dict[str, str], body: bytes
) -> None:
    response = await client.post("/api/documents", content=body,
                                 headers={**editor, "Content-Type": "application/json"})
    assert 400 <= response.status_code < 500 and response.json()["ok"] is False


@pytest.mark.parametrize("doc_id", ["%00", "a" * 5_000, "%E2%80%AE", "..%2F..%2Fetc"])
async def test_api_guard_odd_document_ids_are_404(client: httpx.AsyncClient, doc_id: str) -> None:
    assert (await client.get(f"/api/documents/{doc_id}")).status_code == 404
