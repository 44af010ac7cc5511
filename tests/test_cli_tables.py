"""Claim tables at a terminal's width, refusing a missing store, did-you-mean, one-line
usage errors, and publication dates taken from URLs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_api_support import SIVERSK, TORETSK_UA, Said, build_claim, fill

from frontwatch.cli import cli
from frontwatch.ingest import document_from_text
from frontwatch.ingest.html import document_from_html
from frontwatch.ingest.pubdate import date_from_url
from frontwatch.records import Extraction, PartialDate
from frontwatch.store import Store


def invoke(*args: str, width: int = 80) -> tuple[int, str, str]:
    result = CliRunner(env={"COLUMNS": str(width)}).invoke(cli, list(args), prog_name="frontwatch")
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture()
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "tables.db")
    with Store.open(path) as store:
        fill(store)
        doc = document_from_text("A driver wrote that troops held Siversk.", lang="en")
        said = Said("A driver wrote that troops held Siversk.", SIVERSK, "presence", "UA",
                    "asserts", "driver", "UA", "2025")
        undated = replace(build_claim(doc, said), date=None)
        store.add_extraction(Extraction(doc, claims=(undated,), extractor_version="t"))
    return path


def test_cli_claims_fit_80_columns_with_a_hint(db: str) -> None:
    code, out, _ = invoke("claims", "--db", db, width=80)
    assert code == 0
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines)
    assert "evidence left out below 100 columns" in out
    assert len(lines) < 30  # one line per claim, not a column of 6-character slices
    assert TORETSK_UA[:40] not in out


def test_cli_claims_wrap_evidence_at_120_columns(db: str) -> None:
    code, out, _ = invoke("claims", "--db", db, "--place", "Toretsk", width=120)
    assert code == 0
    assert all(len(line) <= 120 for line in out.splitlines())
    assert "100th Mechanised Brigade" in out and "evidence left out" not in out
    flat = " ".join(part.strip(" │") for part in out.split("│"))
    assert "denied that Toretsk had fallen" in " ".join(flat.split())


def test_cli_places_fits_the_terminal(db: str) -> None:
    code, out, _ = invoke("places", "--db", db, width=80)
    assert code == 0 and "Toretsk #709354" in out
    assert all(len(line) <= 80 for line in out.splitlines())


def test_cli_claims_lists_the_undated_apart(db: str) -> None:
    code, out, _ = invoke("claims", "--db", db, "--undated", "--json")
    assert code == 0
    found = json.loads(out)
    assert [c["place"]["name"] for c in found] == ["Siversk"]
    assert found[0]["date"] is None and found[0]["date_inferred"] is False


@pytest.mark.parametrize("command", [["places"], ["claims"], ["place", "Toretsk"],
                                     ["export", "csv"], ["layer", "list"], ["sources"]])
def test_cli_read_commands_refuse_a_missing_store(tmp_path: Path, command: list[str]) -> None:
    missing = tmp_path / "missing.db"
    code, out, err = invoke(*command, "--db", str(missing))
    assert code == 2
    assert f"{missing}: no such store" in err and "frontwatch ingest" in err
    assert not missing.exists()


def test_cli_misspelt_place_gets_did_you_mean(db: str) -> None:
    code, _, err = invoke("place", "Toretks", "--db", db)
    assert code == 2
    assert err.count("\n") == 1 and "did you mean Toretsk" in err


def test_cli_usage_errors_take_one_line(db: str) -> None:
    code, _, err = invoke("claims", "--side", "NATO", "--db", db)
    assert code == 2
    assert err.count("\n") == 1
    assert "'NATO' is not one of" in err and "frontwatch claims --help" in err
    code, out, _ = invoke("claims", "--side", "ru", "--db", db, "--json")
    assert code == 0 and {c["source"]["side"] for c in json.loads(out)} == {"RU"}


def test_cli_layer_list_says_when_there_is_none(db: str) -> None:
    code, out, _ = invoke("layer", "list", "--db", db)
    assert code == 0 and "no layers imported yet" in out


@pytest.mark.parametrize(("url", "day"), [
    ("https://news.example/world/2025/02/07/toretsk-falls", "2025-02-07"),
    ("https://news.example/2024-11-20-fighting-in-toretsk", "2024-11-20"),
    ("https://news.example/a/20250115/b", "2025-01-15"),
    ("https://news.example/archive/2024/10/", "2024-10"),
    ("https://news.example/story/1202502071", None),
    ("https://news.example/2025/13/40/x", None),
    (None, None),
])
def test_ingest_publication_date_from_the_url(url: str | None, day: str | None) -> None:
    found = date_from_url(url)
    assert (str(found) if found else None) == day


def test_ingest_metadata_date_wins_over_the_url() -> None:
    doc = document_from_text("Fighting in Toretsk.", url="https://x.example/2025/02/07/a",
                             published="2025-02-06")
    assert doc.published == PartialDate(2025, 2, 6)
    plain = document_from_text("Fighting in Toretsk.", url="https://x.example/2025/02/07/a")
    assert plain.published == PartialDate(2025, 2, 7)


@pytest.mark.parametrize(("published", "url", "expected"), [
    pytest.param("2023-04", "https://x.example/news/2023/04/03/a", PartialDate(2023, 4, 3), id="month-made-a-day"),
    pytest.param("2023", "https://x.example/2023-04-03-a", PartialDate(2023, 4, 3), id="year-made-a-day"),
    pytest.param("2023-03", "https://x.example/news/2023/04/03/a", PartialDate(2023, 3), id="other-month-kept"),
    pytest.param("2023-04-02", "https://x.example/news/2023/04/03/a", PartialDate(2023, 4, 2), id="day-kept"),
    pytest.param("2023-04", "https://x.example/archive/2023/04/", PartialDate(2023, 4), id="url-no-finer"),
])
def test_ingest_url_says_which_day_of_the_stated_month(published: str, url: str, expected: PartialDate) -> None:
    doc = document_from_text("Fighting in Toretsk.", url=url, published=published)
    assert doc.published == expected


def test_ingest_html_without_a_date_takes_the_canonical_urls() -> None:
    page = ("<html><head><title>Front</title><link rel='canonical' "
            "href='https://paper.example/news/2025/01/20/front-report'></head><body><article>"
            "<p>Heavy fighting went on around the mining town all week, officials said, and "
            "more families left on the last trains.</p></article></body></html>")
    doc = document_from_html(page, origin="page.html")
    assert doc.published == PartialDate(2025, 1, 20)
