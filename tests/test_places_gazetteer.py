"""The packaged gazetteer: loading, lookups and errors."""

from __future__ import annotations

import csv
import gzip
from pathlib import Path

import pytest

from frontwatch.errors import GazetteerError
from frontwatch.places import Gazetteer
from frontwatch.places.gazetteer import COLUMNS, DEFAULT_PATH, FORMS_MARK, form_index
from frontwatch.places.keys import KEY_VERSION


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_places_gazetteer_is_parsed_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every caller shares one parsed gazetteer; how long parsing takes is measured by
    bench/bench_gazetteer.py, not here."""
    first = Gazetteer.load()
    assert len(first) > 30000

    def read_again(path: Path) -> Gazetteer:
        raise AssertionError(f"{path} parsed a second time")

    monkeypatch.setattr(Gazetteer, "read", read_again)
    assert Gazetteer.load() is first
    assert Gazetteer.load(DEFAULT_PATH.parent / "." / DEFAULT_PATH.name) is first


def test_places_gazetteer_get(gazetteer: Gazetteer) -> None:
    toretsk = gazetteer.get(709354)
    assert toretsk is not None
    assert (toretsk.name, toretsk.admin1, toretsk.country) == ("Toretsk", "Donetsk Oblast", "UA")
    assert gazetteer.get(-1) is None


@pytest.mark.parametrize(
    ("query", "geonameid"),
    [
        ("Toretsk", 709354),
        ("Tchassiv Iar", 710915),
        ("Kourakhové", 695357),
        ("Vougledar", 690823),
        ("Угледар", 690823),
        ("Koursk", 538560),
        ("Ryjivka", 695005),
        ("Mariinka", 701845),
        ("Koupiansk", 703656),
        ("Артемовск", 713174),
        ("Staromaiorske", 692812),
    ],
)
def test_places_gazetteer_search_best_first(
    gazetteer: Gazetteer, query: str, geonameid: int
) -> None:
    assert gazetteer.search(query)[0].geonameid == geonameid


@pytest.mark.parametrize(
    ("phrase", "admin1"),
    [
        ("Kursk Oblast", "Kursk Oblast"),
        ("région de Koursk", "Kursk Oblast"),
        ("Donetsk Oblast", "Donetsk Oblast"),
        ("Курская область", "Kursk Oblast"),
        ("Донецька область", "Donetsk Oblast"),
        ("Zaporizhzhia Oblast", "Zaporizhzhia Oblast"),
    ],
)
def test_places_gazetteer_region_phrases(gazetteer: Gazetteer, phrase: str, admin1: str) -> None:
    region = gazetteer.search(phrase)[0]
    assert region.is_region and region.feature == "ADM1"
    assert region.name == region.admin1 == admin1
    assert gazetteer.region(phrase) == region


def test_places_gazetteer_search_filters_by_admin1(gazetteer: Gazetteer) -> None:
    found = gazetteer.search("Pivdenne", admin1="Donetsk Oblast")
    assert found and all(p.admin1 == "Donetsk Oblast" for p in found)
    assert 703224 in {p.geonameid for p in found}


def test_places_gazetteer_druzhba_raion_from_katottg(gazetteer: Gazetteer) -> None:
    druzhba = gazetteer.get(9114074)
    assert druzhba is not None
    assert gazetteer.admin2(druzhba) == "1402"  # Bakhmut raion, as KATOTTG says


def test_places_gazetteer_near(gazetteer: Gazetteer) -> None:
    around_toretsk = {p.geonameid for p in gazetteer.near(48.395, 37.848, 6.0)}
    assert {709354, 713176, 705821, 9114074} <= around_toretsk


def test_places_gazetteer_is_named_knows_former_names(gazetteer: Gazetteer) -> None:
    toretsk = gazetteer.get(709354)
    assert toretsk is not None
    assert gazetteer.is_named(toretsk, "Dzerjinsk")
    assert not gazetteer.is_named(toretsk, "Pokrovsk")


def test_places_gazetteer_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.tsv.gz"
    with pytest.raises(GazetteerError, match="nowhere.tsv.gz"):
        Gazetteer.read(path)


@pytest.mark.parametrize(
    "content",
    [b"not gzip at all", gzip.compress(b"geonameid\tname\n1\tX\n"),
     gzip.compress(b"#frontwatch-gazetteer\tkey_version=1\n"
                   b"geonameid\tname\tlat\tlon\tfeature\tcountry\tadmin1\tadmin2\tpopulation\tkeys\n"
                   b"1\tX\tnorth\t0\tPPL\tUA\tA\t\t0\t\n")],
)
def test_places_gazetteer_malformed_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "broken.tsv.gz"
    path.write_bytes(content)
    with pytest.raises(GazetteerError, match="broken.tsv.gz"):
        Gazetteer.read(path)


def test_places_gazetteer_hard_names_table(shared_dir: Path, gazetteer: Gazetteer) -> None:
    """Every hard name of the source README is found (first by population or in context)."""
    table = shared_dir / "data" / "gazetteer" / "test_names.tsv"
    if not table.is_file():
        pytest.skip("test_names.tsv is not present")
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        found = {p.geonameid for p in gazetteer.search(row["query"])}
        if row["how"].startswith(("5", "6")):
            continue  # fuzzy: resolved in context by PlaceFinder
        assert int(row["geonameid"]) in found, row["query"]


_HEADER = ("#frontwatch-gazetteer\tkey_version={version}\n" + "\t".join(COLUMNS) + "\n")
_ROWS = ("1\tPokrovsk\t48.28\t37.18\tPPLA2\tUA\tDonetsk Oblast\t\t60000\t=pokrovsk\t\t\n"
         "2\tPokrovske\t47.98\t36.23\tPPL\tUA\tDnipropetrovsk Oblast\t\t9000\t=pokrovske\t\t\n")


def _write(path: Path, text: str) -> Path:
    path.write_bytes(gzip.compress(text.format(version=KEY_VERSION).encode("utf-8")))
    return path


def test_places_gazetteer_case_forms_after_the_rows(tmp_path: Path) -> None:
    """The file lists every case form once, sorted, with the rows it names."""
    forms, rows = form_index(["покровська|покровську", "покровського|покровську"])
    assert forms == "покровська|покровського|покровську"
    assert rows == "0|1|0,1"
    path = _write(tmp_path / "g.tsv.gz", _HEADER + _ROWS + f"{FORMS_MARK}\n{forms}\n{rows}\n")
    read = Gazetteer.read(path)
    assert [(p.geonameid, how) for p, how in read.match("Покровську")] == [
        (1, "inflected"), (2, "inflected")]
    assert [p.geonameid for p, _ in read.match("Покровського")] == [2]
    assert read.match("Покровськом") == []


def test_places_gazetteer_case_forms_in_memory_match_the_file(tmp_path: Path) -> None:
    per_row = ["покровська|покровську", "покровського|покровську"]
    path = _write(tmp_path / "g.tsv.gz",
                  _HEADER + _ROWS + f"{FORMS_MARK}\n" + "\n".join(form_index(per_row)) + "\n")
    read = Gazetteer.read(path)
    built = Gazetteer(list(read), [["=pokrovsk"], ["=pokrovske"]], forms=per_row)
    for form in ("Покровська", "Покровську", "Покровського", "Покровськ"):
        assert built.match(form) == read.match(form)


@pytest.mark.parametrize(
    ("tail", "problem"),
    [("", "no #case-forms section"), (f"{FORMS_MARK}\n", "cut short")],
)
def test_places_gazetteer_case_forms_section_missing(
    tmp_path: Path, tail: str, problem: str
) -> None:
    path = _write(tmp_path / "old.tsv.gz", _HEADER + _ROWS + tail)
    with pytest.raises(GazetteerError, match=f"old.tsv.gz: .*{problem}"):
        Gazetteer.read(path)


@pytest.mark.parametrize(
    ("admin1", "lacks"),
    [("Kursk Oblast", True), ("Belgorod Oblast", True), ("Bryansk Oblast", True),
     ("Donetsk Oblast", False), ("Sumy Oblast", False), ("Chernivtsi Oblast", False),
     ("Crimea", False)],
)
def test_places_gazetteer_knows_which_regions_it_lists_by_their_towns_only(
    gazetteer: Gazetteer, admin1: str, lacks: bool
) -> None:
    """Russia's regions come from GeoNames' places of 500+ inhabitants, Ukraine's are whole:
    only in the first may a village named in the news be missing from the table."""
    assert gazetteer.lacks_villages(admin1) is lacks
