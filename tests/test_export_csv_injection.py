"""CSV export never hands a spreadsheet a formula (OWASP CSV injection)."""

from __future__ import annotations

import csv
import io

from hypothesis import given
from hypothesis import strategies as st
from test_store_builders import make_extraction

from frontwatch.export import write_csv
from frontwatch.export.csv import FORMULA_START, neutralise
from frontwatch.records import Source
from frontwatch.store import Store

HOSTILE = ["=HYPERLINK(\"http://x.test\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A9)",
           "\tTabbed", "\rReturn"]


def test_export_csv_hostile_cells_are_neutralised(tmp_path) -> None:  # type: ignore[no-untyped-def]
    store = Store.open(str(tmp_path / "x.db"))
    try:
        for n, start in enumerate(HOSTILE):
            store.add_extraction(make_extraction(
                [(f"{start} Russian forces entered Toretsk, report {n}.",
                  {"source": Source(f"{start} source", "RU")})],
                url=f"{start}//example.org/{n}", origin=f"{n}.txt"))
        review = store.claims(limit=1)[0]
        store.add_review(review.id, action="correct", author="ed",
                         correction={"source": {"name": "=cmd|' /C calc'!A0", "side": "third"}})
        out = io.StringIO()
        assert write_csv(store, out) == len(HOSTILE)
    finally:
        store.close()
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    cells = [value for row in rows for value in row.values()]
    risky = [c for c in cells if c.startswith(FORMULA_START)]
    assert all(c.lstrip("-").replace(".", "", 1).isdigit() for c in risky), risky  # numbers only
    assert {row["source"] for row in rows} >= {"'=cmd|' /C calc'!A0", "'+1+1 source"}
    assert any(row["notes"] == "'-2+3 Russian forces entered Toretsk, report 2." for row in rows)
    assert any(row["url"] == "'@SUM(A1:A9)//example.org/3" for row in rows)


@given(st.text(max_size=20))
def test_export_csv_neutralise_prefixes_only_formula_starts(value: str) -> None:
    shown = neutralise(value)
    assert isinstance(shown, str)
    assert not shown.startswith(FORMULA_START)
    assert shown == value or shown == "'" + value


def test_export_csv_numbers_stay_numbers() -> None:
    assert neutralise(-37.5) == -37.5 and neutralise(0) == 0 and neutralise(None) is None
