"""GeoJSON, CSV and JSONL exports of a small store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store_builders import TORETSK, toretsk_articles

from frontwatch.cli import cli
from frontwatch.export import COLUMNS, feature_collection, write_csv, write_jsonl
from frontwatch.store import Store


@pytest.fixture()
def store(db_url: str) -> Store:
    opened = Store.open(db_url)
    for extraction in toretsk_articles():
        opened.add_extraction(extraction)
    yield opened  # type: ignore[misc]
    opened.close()


def test_export_geojson_is_rfc7946_points(store: Store) -> None:
    collection = feature_collection(store)
    assert collection["type"] == "FeatureCollection"
    toretsk = next(f for f in collection["features"] if f["id"] == TORETSK.geonameid)
    assert toretsk["geometry"] == {"type": "Point", "coordinates": [TORETSK.lon, TORETSK.lat]}
    assert toretsk["properties"]["status"] == "ru_partial"
    assert toretsk["properties"]["n_claims"] == 3
    import datetime as dt

    early = feature_collection(store, dt.date(2023, 1, 1))
    assert [f["properties"]["name"] for f in early["features"]] == ["Kupiansk"]


def test_export_csv_has_acled_like_columns_and_skips_rejected(store: Store) -> None:
    denial = next(c for c in store.claims() if c.claim.stance == "denies")
    store.add_review(denial.id, action="reject", author="ed")
    out = io.StringIO()
    assert write_csv(store, out) == 4
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == COLUMNS
    first = rows[0]
    assert first["event_date"] == "2024-10" and first["location"] == "Toretsk"
    assert first["latitude"] == str(TORETSK.lat) and first["source_side"] == "UA"
    assert first["notes"].startswith("Russian forces entered")
    assert all(r["stance"] == "asserts" for r in rows)


def test_export_jsonl_is_the_extract_contract(store: Store) -> None:
    out = io.StringIO()
    assert write_jsonl(store, out) == 5
    objects = [json.loads(line) for line in out.getvalue().splitlines()]
    assert set(objects[0]) == {
        "doc",
        "place",
        "place_mention",
        "kind",
        "actor",
        "stance",
        "source",
        "date",
        "date_inferred",
        "evidence",
        "evidence_start",
        "evidence_end",
        "confidence",
    }
    assert set(objects[0]["place"]) == {"name", "geonameid", "lat", "lon", "admin1"}


def test_export_cli_writes_file(store: Store, tmp_path: Path) -> None:
    if store.engine.dialect.name != "sqlite":
        pytest.skip("the CLI path is the same for every backend")
    db = store.engine.url.database
    assert db is not None
    target = tmp_path / "map.geojson"
    result = CliRunner().invoke(cli, ["export", "geojson", "-o", str(target), "--db", db])
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(target.read_text("utf-8"))["features"]) == 3
    result = CliRunner().invoke(cli, ["export", "jsonl", "--db", db])
    assert result.exit_code == 0 and len(result.stdout.splitlines()) == 5
