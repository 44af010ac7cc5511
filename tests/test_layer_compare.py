"""A tiny dated layer: import, per-place agreement, and the comparison over all pairs."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store_builders import KUPIANSK, MOD, TORETSK, make_extraction, toretsk_articles

from frontwatch.cli import cli
from frontwatch.errors import InputError
from frontwatch.store import Store
from frontwatch.store.layers import agreement_on, compare, import_layer, layers


def square(lon: float, lat: float, d: float) -> list[list[list[float]]]:
    return [
        [
            [lon - d, lat - d],
            [lon + d, lat - d],
            [lon + d, lat + d],
            [lon - d, lat + d],
            [lon - d, lat - d],
        ]
    ]


def write_layer(path: Path) -> Path:
    """Toretsk outside on 2025-02-01, inside (occupied) from 2025-02-09; Kupiansk never."""
    features = [
        {
            "type": "Feature",
            "properties": {"date": "2025-02-01"},
            "geometry": {"type": "Polygon", "coordinates": square(30.0, 46.0, 0.5)},
        },
        {
            "type": "Feature",
            "properties": {"date": "2025-02-09"},
            "geometry": {
                "type": "MultiPolygon",
                "coordinates": [square(TORETSK.lon, TORETSK.lat, 0.2), square(30.0, 46.0, 0.5)],
            },
        },
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


@pytest.fixture()
def store(db_url: str) -> Store:
    opened = Store.open(db_url)
    for extraction in toretsk_articles():
        opened.add_extraction(extraction)
    yield opened  # type: ignore[misc]
    opened.close()


def test_layer_import_and_agreement_on_a_date(store: Store, tmp_path: Path) -> None:
    info = import_layer(store, "tiny", write_layer(tmp_path / "tiny.geojson"))
    assert (str(info.first_date), str(info.last_date), info.dates) == (
        "2025-02-01",
        "2025-02-09",
        2,
    )
    import datetime as dt

    day = dt.date(2025, 2, 10)
    status = store.place_status(TORETSK.geonameid, day).status
    assert status == "ru_partial"
    check = agreement_on(store, "tiny", TORETSK, status, day)
    assert check["inside"] is True and check["date"] == "2025-02-09" and check["area"] == "all"
    assert check["verdict"].startswith("agrees")
    assert agreement_on(store, "tiny", TORETSK, "ru_claimed", day)["verdict"].startswith("shown")
    early = agreement_on(store, "tiny", TORETSK, "ua_confirmed", dt.date(2025, 2, 5))
    assert early["inside"] is False and early["verdict"].startswith("agrees")
    outside = agreement_on(store, "tiny", TORETSK, "ru_claimed", dt.date(2024, 1, 1))
    assert outside["inside"] is None
    assert [i.name for i in layers(store)] == ["tiny"]


def test_layer_compare_counts_per_status(store: Store, tmp_path: Path) -> None:
    store.add_extraction(
        make_extraction(
            [
                (
                    "Russia's defence ministry says its troops took Toretsk.",
                    {"source": MOD, "date": "2025-02-09"},
                )
            ],
            origin="later.txt",
        )
    )
    import_layer(store, "tiny", write_layer(tmp_path / "tiny.geojson"))
    result = compare(store, "tiny")
    # pairs with claims inside 2025-02-01..2025-02-09: Toretsk and Pivdenne on 02-07,
    # Toretsk on 02-09; Kupiansk is out of range. On 02-07 Toretsk stays ru_partial (the
    # denied self-claim does not take the whole town; outside the layer then); the
    # undenied self-claim of 02-09 is a claim the layer shows that same day.
    assert result.pairs == 3
    assert result.by_status["ru_partial"] == {"pairs": 1, "inside": 0, "disagrees": 1}
    assert result.by_status["ru_claimed"] == {
        "pairs": 1, "inside": 1, "confirmed": 1, "median_lag": 0
    }
    assert result.by_status["contested"]["pairs"] == 1
    assert KUPIANSK.name not in {c.place.name for c in result.checks}


def test_layer_jsonl_gz_and_replace(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "daily.jsonl.gz"
    lines = [
        {
            "date": "2025-02-07",
            "geometries": [
                {"type": "MultiPolygon", "coordinates": [square(TORETSK.lon, TORETSK.lat, 0.02)]}
            ],
        },
        {"date": "2025-02-08", "geometries": []},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as handle:
        for line in lines:
            handle.write(json.dumps(line) + "\n")
    assert import_layer(store, "daily", path).dates == 2
    assert import_layer(store, "daily", path).dates == 2
    assert len(layers(store)) == 1
    result = compare(store, "daily")
    assert result.by_status["ru_partial"]["inside"] == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.geojson", "{not json", "not JSON"),
        ("bad.geojson", '{"type": "Point"}', "FeatureCollection"),
        (
            "nodate.geojson",
            '{"type": "FeatureCollection", "features": [{"type": "Feature", '
            '"properties": {}, "geometry": null}]}',
            "no date",
        ),
        ("bad.jsonl", '{"date": "2025-02-30", "geometries": []}\n', "YYYY-MM-DD"),
        ("bad.jsonl", '{"date": "2025-02-01", "geometries": [{"type": "Point"}]}\n', "Polygon"),
        ("empty.jsonl", "\n", "no dated geometries"),
    ],
)
def test_layer_malformed_files_change_nothing(
    store: Store, tmp_path: Path, name: str, content: str, message: str
) -> None:
    import_layer(store, "keep", write_layer(tmp_path / "keep.geojson"))
    path = tmp_path / name
    path.write_text(content, "utf-8")
    with pytest.raises(InputError, match=message):
        import_layer(store, "keep", path)
    [kept] = layers(store)
    assert kept.dates == 2


def test_layer_cli_import_compare_and_place(tmp_path: Path) -> None:
    db = str(tmp_path / "fw.db")
    with Store.open(db) as opened:
        for extraction in toretsk_articles():
            opened.add_extraction(extraction)
    runner = CliRunner()
    layer_file = str(write_layer(tmp_path / "tiny.geojson"))
    result = runner.invoke(cli, ["layer", "import", "tiny", layer_file, "--db", db])
    assert result.exit_code == 0 and "2 dates" in result.stdout
    result = runner.invoke(cli, ["layer", "compare", "tiny", "--json", "--db", db])
    assert result.exit_code == 0
    body = json.loads(result.stdout)
    assert body["pairs"] == 2
    assert {c["rule"] for c in body["checks"]} == {"3b", "3d"}
    result = runner.invoke(
        cli, ["place", "Toretsk", "--as-of", "2025-02-10", "--layer", "tiny", "--json", "--db", db]
    )
    assert json.loads(result.stdout)["layer"]["inside"] is True
    bad = tmp_path / "bad.geojson"
    bad.write_text("{", "utf-8")
    result = runner.invoke(cli, ["layer", "import", "tiny", str(bad), "--db", db])
    assert result.exit_code == 2 and result.stderr.startswith("Error: ")


def test_layer_compare_month_dated_claim_is_judged_at_month_end(tmp_path: Path) -> None:
    """'Taken in February 2025' is checked against the map at the end of February (here the
    layer's last date, 9 February, when it shows the town occupied), not that of 1 February."""
    import datetime as dt

    from frontwatch.store.layers import period_end

    assert period_end(dt.date(2024, 12, 1), "month") == dt.date(2024, 12, 31)
    assert period_end(dt.date(2025, 2, 1), "month") == dt.date(2025, 2, 28)
    assert period_end(dt.date(2024, 1, 1), "year") == dt.date(2024, 12, 31)
    assert period_end(dt.date(2024, 5, 7), "day") == dt.date(2024, 5, 7)
    fresh = Store.open(f"sqlite:///{tmp_path / 'month.db'}")
    try:
        fresh.add_extraction(
            make_extraction(
                [("Russian troops took Toretsk in February.", {"source": MOD, "date": "2025-02"})],
                origin="month.txt",
            )
        )
        import_layer(fresh, "tiny", write_layer(tmp_path / "tiny.geojson"))
        result = compare(fresh, "tiny")
    finally:
        fresh.close()
    [check] = result.checks
    assert (check.day.isoformat(), check.status, check.verdict) == (
        "2025-02-09", "ru_claimed", "confirmed"
    )


def test_layer_compare_leaves_places_the_map_does_not_cover(tmp_path: Path) -> None:
    """A map of occupied Ukraine says nothing of a Russian town or of a region's centre."""
    from frontwatch.records import Place

    sudzha = Place(484907, "Sudzha", 51.19, 35.27, "Kursk Oblast", "RU", "PPLA2", 5000)
    region = Place(709716, "Donetsk Oblast", 48.0, 37.8, "Donetsk Oblast", "UA", "ADM1", 0)
    fresh = Store.open(f"sqlite:///{tmp_path / 'cover.db'}")
    try:
        fresh.add_extraction(make_extraction(
            [("Russian troops retook Sudzha.", {"source": MOD, "date": "2025-02-09", "place": sudzha}),
             ("Russian troops hold the Donetsk region.", {"source": MOD, "date": "2025-02-09", "place": region}),
             ("Russian troops took Toretsk.", {"source": MOD, "date": "2025-02-09"})],
            origin="cover.txt",
        ))
        import_layer(fresh, "tiny", write_layer(tmp_path / "tiny.geojson"))
        result = compare(fresh, "tiny")
        said = agreement_on(fresh, "tiny", sudzha, "ru_claimed", None)
    finally:
        fresh.close()
    assert [c.verdict for c in result.checks].count("not comparable") == 2
    assert [c.verdict for c in result.checks if c.place.name == "Toretsk"] == ["confirmed"]
    assert str(said["verdict"]).startswith("not comparable")
