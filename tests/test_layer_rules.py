"""Each layer-comparison and track-record rule on hand-made claims and a small hand-made layer.

Five towns on one parallel, each 30,000 people (a disc of 2.5 km), and a layer whose dates
cover them differently:

- Eastfield: from 10 March the polygons stop 1 km east of its centre (part of its area);
- Claimton: covered from 25 March;
- Nowhere: never covered;
- Ashford: covered from 1 March;
- Lateby: never covered, claimed ten days before the layer's last date (30 April).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store_builders import MOD, UA_ARMY, make_extraction

from frontwatch.cli import cli
from frontwatch.records import Place, Source
from frontwatch.store import Store
from frontwatch.store.layers import compare, import_layer, source_records

LAT = 48.0
KM_LON = 111.320 * 0.6691306  # km per degree of longitude at 48°N


def town(geonameid: int, name: str, lon: float) -> Place:
    return Place(geonameid, name, LAT, lon, "Donetsk Oblast", "UA", "PPL", 30000)


EASTFIELD = town(9000001, "Eastfield", 37.0)
CLAIMTON = town(9000002, "Claimton", 37.5)
NOWHERE = town(9000003, "Nowhere", 38.0)
ASHFORD = town(9000004, "Ashford", 38.5)
LATEBY = town(9000005, "Lateby", 39.0)
OBSERVER = Source("a monitoring group", "third")


def box(west: float, east: float) -> list[list[list[float]]]:
    south, north = LAT - 0.3, LAT + 0.3
    return [[[west, south], [east, south], [east, north], [west, north], [west, south]]]


def write_layer(path: Path) -> Path:
    ashford = box(ASHFORD.lon - 0.3, ASHFORD.lon + 0.3)
    eastfield = box(EASTFIELD.lon + 1.0 / KM_LON, EASTFIELD.lon + 0.3)
    claimton = box(CLAIMTON.lon - 0.2, CLAIMTON.lon + 0.2)
    dates = {
        "2025-03-01": [ashford],
        "2025-03-10": [ashford, eastfield],
        "2025-03-25": [ashford, eastfield, claimton],
        "2025-04-30": [ashford, eastfield, claimton],
    }
    with path.open("w", encoding="utf-8") as handle:
        for day, polygons in dates.items():
            geometry = {"type": "MultiPolygon", "coordinates": polygons}
            handle.write(json.dumps({"date": day, "geometries": [geometry]}) + "\n")
    return path


ARTICLES = [
    [("Ukraine's army said Russian squads had entered the eastern edge of Eastfield.",
      {"place": EASTFIELD, "kind": "presence", "source": UA_ARMY, "date": "2025-03-12"})],
    [("Moscow announced that its forces had taken Claimton.",
      {"place": CLAIMTON, "source": MOD, "date": "2025-03-12"})],
    [("Moscow announced that its forces had taken Nowhere.",
      {"place": NOWHERE, "source": MOD, "date": "2025-03-05"})],
    [("Moscow announced that its forces had taken Ashford.",
      {"place": ASHFORD, "source": MOD, "date": "2025-03-11"})],
    [("Kyiv's commanders admitted that Ashford had been lost.",
      {"place": ASHFORD, "source": UA_ARMY, "date": "2025-03-12"}),
     ("A monitoring group said Ashford had not fallen.",
      {"place": ASHFORD, "source": OBSERVER, "stance": "denies", "date": "2025-03-12"})],
    [("Moscow announced that its forces had taken Lateby.",
      {"place": LATEBY, "source": MOD, "date": "2025-04-20"})],
]


def fill_towns(store: Store, folder: Path) -> Store:
    """The towns' articles and the layer "watch" (written into `folder`), in `store`."""
    for n, sentences in enumerate(ARTICLES):
        store.add_extraction(make_extraction(sentences, origin=f"{n}.txt",
                                             url=f"https://news.example/{n}"))
    import_layer(store, "watch", write_layer(folder / "watch.jsonl"))
    return store


@pytest.fixture()
def towns(db_url: str, tmp_path: Path) -> Store:
    opened = fill_towns(Store.open(db_url), tmp_path)
    yield opened  # type: ignore[misc]
    opened.close()


def _checks(store: Store, within: int = 30) -> dict[tuple[str, str], tuple[object, ...]]:
    result = compare(store, "watch", within=within)
    return {(c.place.name, c.day.isoformat()): (c.status, c.rule, c.verdict, c.lag, c.inside,
                                                c.area) for c in result.checks}


def test_layer_partial_status_agrees_when_part_of_the_area_is_inside(towns: Store) -> None:
    """The polygons stop 1 km short of Eastfield's centre: a centre-point test would say the
    Russian presence is not on the map; the town's disc says it is."""
    status, rule, verdict, _, inside, area = _checks(towns)[("Eastfield", "2025-03-12")]
    assert (status, rule, inside, area) == ("ru_partial", "3b", False, "part")
    assert verdict == "agrees"


def test_layer_claimed_then_confirmed_after_n_days(towns: Store) -> None:
    assert _checks(towns)[("Claimton", "2025-03-12")] == (
        "ru_claimed", "2e", "confirmed", 13, False, "none"
    )
    # Given a week, the claim was not borne out in time; the layer showed it 13 days later.
    assert _checks(towns, within=7)[("Claimton", "2025-03-12")][2:4] == ("contradicted", 13)


def test_layer_claimed_and_never_shown_is_contradicted_or_not_yet(towns: Store) -> None:
    checks = _checks(towns)
    assert checks[("Nowhere", "2025-03-05")][:4] == ("ru_claimed", "2e", "contradicted", None)
    # Ten days before the layer ends: it could still show it within 30 days.
    assert checks[("Lateby", "2025-04-20")][:3] == ("ru_claimed", "2e", "not yet")


def test_layer_admission_against_interest_is_a_confirmed_prediction(towns: Store) -> None:
    checks = _checks(towns)
    assert checks[("Ashford", "2025-03-11")][:4] == ("ru_claimed", "2e", "confirmed", 0)
    # The opponent's admission outweighs the monitoring group's denial the same day.
    assert checks[("Ashford", "2025-03-12")][:3] == ("ru_confirmed", "2b", "agrees")
    result = compare(towns, "watch")
    assert (result.agree, result.disagree, result.agreement) == (2, 0, 1.0)
    ashford = next(c for c in result.checks if c.status == "ru_confirmed")
    assert len(ashford.set_by) == 1


def test_sources_track_records_against_claims_and_the_layer(towns: Store) -> None:
    records = {r.name: r for r in source_records(towns)}
    mod = records[MOD.name]
    by_place = {c.claim.claim.place.name: c for c in mod.checks}  # type: ignore[union-attr]
    # The layer showed Ashford before the admission: it confirms the claim the same day.
    assert {name: (c.outcome, c.by, c.lag) for name, c in by_place.items()} == {
        "Claimton": ("confirmed", "layer watch", 13),
        "Nowhere": ("contradicted", "layer watch", None),
        "Ashford": ("confirmed", "layer watch", 0),
        "Lateby": ("open", None, None),
    }
    assert (mod.median_lag, mod.p90_lag) == (6.5, 13)
    army = records[UA_ARMY.name]
    assert [(c.outcome, c.by, c.lag) for c in army.checks] == [
        ("confirmed", "layer watch", 0),
        ("confirmed", "layer watch", 0),
    ]
    # Within a week, Claimton is confirmed late; without layers, only the admission counts.
    week = {r.name: r for r in source_records(towns, within=7)}[MOD.name]
    assert [c.outcome for c in week.checks].count("late") == 1
    alone = {r.name: r for r in source_records(towns, layer_names=[])}[MOD.name]
    assert sorted((c.outcome, c.by or "", c.lag or 0) for c in alone.checks) == [
        ("confirmed", "admission", 1), ("open", "", 0), ("open", "", 0), ("open", "", 0)
    ]


def test_sources_cli_table_json_and_claims_behind_a_figure(towns: Store, db_url: str) -> None:
    runner = CliRunner(env={"COLUMNS": "120"})
    db = db_url
    shown = runner.invoke(cli, ["sources", "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "Russian Ministry of Defence (RU)" in shown.stdout
    body = json.loads(runner.invoke(cli, ["sources", "--json", "--db", db]).stdout)
    mod = next(s for s in body["sources"] if s["name"] == MOD.name)
    assert (mod["n_claims"], mod["confirmed"], mod["contradicted"], mod["open"]) == (4, 2, 1, 1)
    claimton = [c for c in towns.claims() if c.claim.place.name == "Claimton"]
    assert claimton[0].id in mod["claim_ids"]["confirmed"]
    detail = runner.invoke(cli, ["sources", "--source", "russian ministry of defence", "--db", db])
    assert detail.exit_code == 0
    assert "Claimton: RU capture — layer watch on 2025-03-25 after 13 days" in detail.stdout
    missing = runner.invoke(cli, ["sources", "--source", "nobody", "--db", db])
    assert missing.exit_code == 2 and missing.stderr.startswith("Error: nobody: ")


def test_layer_compare_cli_names_rules_and_claims(towns: Store, db_url: str) -> None:
    result = CliRunner(env={"COLUMNS": "120"}).invoke(
        cli, ["layer", "compare", "watch", "--db", db_url]
    )
    assert result.exit_code == 0, result.output
    assert "agreement 100.0% (2 agree, 0 disagree)" in result.stdout
    assert "contradicted: Nowhere" in result.stdout and "rule 2e, set by claims #" in result.stdout
    assert dt.date(2025, 4, 30).isoformat() not in result.stdout


WESTMARK = town(9000006, "Westmark", 36.0)  # inside the polygons from 1 March
TWICETON = town(9000007, "Twiceton", 36.5)  # never inside
PARTISAN_OUTLET = Source.narrator("RU")


@pytest.fixture()
def disputed(db_url: str, tmp_path: Path) -> Store:
    """Two towns whose only word for the other side is no admission (W2, W3)."""
    store = Store.open(db_url)
    articles = [
        [("Moscow announced that its forces had taken Westmark.",
          {"place": WESTMARK, "source": MOD, "date": "2025-03-05"})],
        [("As the enemy still 'controls' Westmark, the paper sneered, so it holds the moon.",
          {"place": WESTMARK, "source": PARTISAN_OUTLET, "actor": "UA", "date": "2025-03-20"})],
        [("Kyiv's staff posted footage of the 'fallen' Twiceton, mocking the claim.",
          {"place": TWICETON, "source": UA_ARMY, "date": "2025-03-12"}),
         ("The staff said Twiceton had not fallen.",
          {"place": TWICETON, "source": UA_ARMY, "stance": "denies", "date": "2025-03-12"}),
         ("Moscow said its units had taken Twiceton.",
          {"place": TWICETON, "source": MOD, "date": "2025-03-12"})],
    ]
    for n, sentences in enumerate(articles):
        store.add_extraction(make_extraction(sentences, origin=f"d{n}.txt",
                                             url=f"https://paper.example/{n}"))
    path = tmp_path / "watch.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for day in ("2025-03-01", "2025-04-30"):
            square = box(WESTMARK.lon - 0.2, WESTMARK.lon + 0.2)
            geometry = {"type": "MultiPolygon", "coordinates": [square]}
            handle.write(json.dumps({"date": day, "geometries": [geometry]}) + "\n")
    import_layer(store, "watch", path)
    yield store  # type: ignore[misc]
    store.close()


def test_layer_words_that_admit_nothing_are_not_predictions(disputed: Store) -> None:
    """A partisan outlet's sneer and a staff that concedes and denies in one breath would
    have made Westmark `ua_confirmed` and Twiceton `ru_confirmed`, both contradicted by the
    map. Read as what they are, Westmark's is Kyiv's claim retold, checked as a claim, and
    Twiceton is contested: the layer scores neither as a failed prediction."""
    checks = _checks(disputed)
    assert checks[("Westmark", "2025-03-20")][:3] == ("ua_claimed", "2e", "contradicted")
    assert checks[("Twiceton", "2025-03-12")][:3] == ("contested", "2a", "not comparable")
    result = compare(disputed, "watch")
    assert (result.agree, result.disagree) == (0, 0)
    # Nor do they confirm anyone's claim in the track records; the map confirms Moscow's.
    records = {r.name: r for r in source_records(disputed, layer_names=[])}
    assert [c.outcome for c in records[MOD.name].checks] == ["open", "open"]
    mapped = {r.name: r for r in source_records(disputed)}[MOD.name]
    assert sorted((c.claim.claim.place.name, c.outcome) for c in mapped.checks) == [  # type: ignore[union-attr]
        ("Twiceton", "contradicted"), ("Westmark", "confirmed"),
    ]
