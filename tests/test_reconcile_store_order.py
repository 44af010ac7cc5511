"""The stored status of a place does not depend on the order its articles were ingested in."""

from __future__ import annotations

from pathlib import Path

from test_store_builders import TORETSK, UA_ARMY, make_extraction

from frontwatch.records import Source
from frontwatch.store import Store

BRIGADE = Source("a Ukrainian brigade", "UA")


def _articles() -> list:  # type: ignore[type-arg]
    return [
        make_extraction(
            [("Russian infantry slipped into the northern blocks of Toretsk.",
              {"kind": "presence", "source": UA_ARMY, "date": "2024-10-07"})],
            origin="north.txt",
        ),
        make_extraction(
            [("Small Russian groups are hiding in the eastern part of Toretsk.",
              {"kind": "presence", "source": BRIGADE, "date": "2024-10-07"})],
            origin="east.txt",
        ),
        make_extraction(
            [("Heavy fighting goes on in Toretsk.",
              {"kind": "fighting", "source": UA_ARMY, "date": "2024-10-09"})],
            origin="fight.txt",
        ),
    ]


def _ingest(path: Path, order: list[int]) -> tuple[object, ...]:
    articles = _articles()
    with Store.open(str(path)) as store:
        for index in order:
            store.add_extraction(articles[index])
        status = store.place_status(TORETSK.geonameid)
        [row] = store.statuses()
        steps = store.place_timeline(TORETSK.geonameid).steps
    return (
        status.status,
        status.partial,
        [(str(c.date), c.status, c.rule, c.partial) for c in status.timeline],
        row.partial,
        [(s.rule, s.partial) for s in steps],
    )


def test_reconcile_partial_note_is_the_same_in_any_ingest_order(tmp_path: Path) -> None:
    first = _ingest(tmp_path / "a.db", [0, 1, 2])
    assert first[0] == "ru_partial"
    assert first[1] == "RU presence: Russian infantry slipped into the northern blocks of Toretsk."
    for n, order in enumerate(([1, 0, 2], [2, 1, 0], [2, 0, 1])):
        assert _ingest(tmp_path / f"{n}.db", order) == first
