"""GET /api/sources and the rule behind each status change, in process, on hand-made towns."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from test_layer_rules import fill_towns
from test_store_builders import MOD

from frontwatch.api import create_app
from frontwatch.api.models import SourcesOut, TimelineOut
from frontwatch.settings import Settings
from frontwatch.store import Store

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def client(tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    store = fill_towns(Store.open(str(tmp_path / "towns.db")), tmp_path)
    app = create_app(Settings(db=str(tmp_path / "unused.db")), store)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=transport, base_url="http://localhost"
    ) as http:
        yield http
    store.close()


async def test_api_sources_table_links_each_figure_to_its_claims(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get("/api/sources")
    assert response.status_code == 200
    body = response.json()
    assert body["within"] == 30
    mod = next(s for s in body["sources"] if s["name"] == MOD.name)
    assert (mod["n_claims"], mod["confirmed"], mod["late"], mod["contradicted"], mod["open"]) == (
        4, 2, 0, 1, 1
    )
    assert (mod["median_lag"], mod["p90_lag"]) == (6.5, 13)
    assert mod["by"] == {"layer watch": 3}
    assert sum(len(ids) for ids in mod["claim_ids"].values()) == 4
    assert "checks" not in mod
    SourcesOut.model_validate(body)
    week = (await client.get("/api/sources?within=7&side=RU")).json()
    assert {s["side"] for s in week["sources"]} == {"RU"}
    assert week["sources"][0]["late"] == 1
    alone = (await client.get("/api/sources?no_layers=true")).json()
    assert next(s for s in alone["sources"] if s["name"] == MOD.name)["open"] == 3


async def test_api_sources_one_source_lists_every_check(client: httpx.AsyncClient) -> None:
    body = (await client.get("/api/sources", params={"source": "russian ministry of defence"}
                             )).json()
    [mod] = body["sources"]
    checks = {c["place"]["name"]: c for c in mod["checks"]}
    assert checks["Claimton"]["outcome"] == "confirmed"
    assert (checks["Claimton"]["lag"], checks["Claimton"]["layer_date"]) == (13, "2025-03-25")
    assert checks["Nowhere"]["outcome"] == "contradicted"
    assert checks["Claimton"]["claim"] in mod["claim_ids"]["confirmed"]
    assert "taken Claimton" in checks["Claimton"]["evidence"]
    SourcesOut.model_validate(body)


@pytest.mark.parametrize(("query", "status", "code"), [
    ("source=nobody", 404, "unknown_source"),
    ("layer=nosuchlayer", 422, "invalid_input"),
    ("within=-1", 422, "validation_error"),
])
async def test_api_sources_bad_queries_are_envelopes(
    client: httpx.AsyncClient, query: str, status: int, code: str
) -> None:
    response = await client.get(f"/api/sources?{query}")
    assert response.status_code == status
    error = response.json()["error"]
    assert error["status"] == status and error["code"] == code


async def test_api_timeline_names_the_rule_and_the_claims_that_set_it(
    client: httpx.AsyncClient,
) -> None:
    places = (await client.get("/api/places")).json()["places"]
    ashford = next(p for p in places if p["place"]["name"] == "Ashford")
    assert ashford["status"] == "ru_confirmed"
    gid = ashford["place"]["geonameid"]
    timeline = (await client.get(f"/api/places/{gid}/timeline")).json()["timeline"]
    assert [(s["status"], s["rule"]) for s in timeline] == [("ru_claimed", "2e"),
                                                            ("ru_confirmed", "2b")]
    assert len(timeline[1]["set_by"]) == 1 and timeline[1]["set_by"][0] in timeline[1]["claims_for"]
    eastfield = next(p for p in places if p["place"]["name"] == "Eastfield")
    assert eastfield["status"] == "ru_partial"
    partial = (await client.get(f"/api/places/{eastfield['place']['geonameid']}/timeline")).json()
    assert TimelineOut.model_validate(partial).status == "ru_partial"
    place = (await client.get(f"/api/places/{gid}")).json()
    assert place["status"] == "ru_confirmed"
    spec = (await client.get("/openapi.json")).json()
    assert "/api/sources" in spec["paths"]
