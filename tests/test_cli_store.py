"""The store commands through click's CliRunner: output, exit codes, nothing changed on errors."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_store_builders import MOD, TORETSK, UA_ARMY, toretsk_articles

import frontwatch.claims
from frontwatch.cli import cli
from frontwatch.records import Claim, Document, Extraction, PartialDate, PlaceMention
from frontwatch.store import Store


class FakeExtractor:
    """Stands in for the real extractor: one RU capture claim about Toretsk per article,
    a Ukrainian denial when the text says 'denied'."""

    version = "fake-1"

    def __init__(self, gazetteer: object = None, batch_size: int = 32) -> None:
        self.batch_size = batch_size

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for doc in documents:
            end = len(doc.text)
            denied = "denied" in doc.text
            claim = Claim(
                doc=doc.id,
                place=TORETSK,
                place_mention="Toretsk",
                kind="capture",
                actor="RU",
                stance="denies" if denied else "asserts",
                source=UA_ARMY if denied else MOD,
                date=doc.published or PartialDate(2025, 2, 7),
                evidence=doc.text,
                evidence_start=0,
                evidence_end=end,
                confidence=0.7,
            )
            mention = PlaceMention(0, 1, "T", TORETSK, 1.0, "fake")
            yield Extraction(doc, (mention,), (claim,), self.version)


@pytest.fixture()
def fake_extractor(monkeypatch: pytest.MonkeyPatch) -> type[FakeExtractor]:
    monkeypatch.setattr(frontwatch.claims, "Extractor", FakeExtractor, raising=False)
    return FakeExtractor


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(" date 2025-02-07 Russia said it took Toretsk.\n", "utf-8")
    (folder / "b.txt").write_text(" date 2025-02-08 Kyiv denied the fall of Toretsk.\n", "utf-8")
    return folder


@pytest.fixture()
def filled_db(tmp_path: Path) -> str:
    path = str(tmp_path / "filled.db")
    with Store.open(path) as store:
        for extraction in toretsk_articles():
            store.add_extraction(extraction)
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_ingest_twice_is_idempotent(
    fake_extractor: type[FakeExtractor], articles: Path, tmp_path: Path
) -> None:
    db = str(tmp_path / "fw.db")
    code, out, err = invoke("ingest", str(articles), "--db", db)
    assert (code, out.strip()) == (0, "2 new, 0 unchanged, 0 updated, 0 failed"), err
    code, out, _ = invoke("ingest", str(articles), "--db", db)
    assert (code, out.strip()) == (0, "0 new, 2 unchanged, 0 updated, 0 failed")
    with Store.open(db) as store:
        assert store.counts()["claims"] == 2
        assert store.place_status(TORETSK.geonameid).status == "contested"


def test_cli_ingest_reextract_updates_other_versions(
    fake_extractor: type[FakeExtractor],
    articles: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = str(tmp_path / "fw.db")
    invoke("ingest", str(articles), "--db", db)
    code, out, _ = invoke("ingest", "--reextract", "--db", db)
    assert (code, out.strip()) == (0, "0 new, 0 unchanged, 0 updated, 0 failed")
    code, out, _ = invoke("ingest", "--reextract", "--force", "--db", db)
    assert out.strip() == "0 new, 0 unchanged, 2 updated, 0 failed"
    monkeypatch.setattr(FakeExtractor, "version", "fake-2")
    code, out, _ = invoke("ingest", str(articles), "--db", db)
    assert out.strip() == "0 new, 2 unchanged, 0 updated, 0 failed"
    code, out, _ = invoke("ingest", str(articles), "--reextract", "--db", db)
    assert out.strip() == "0 new, 0 unchanged, 2 updated, 0 failed"
    with Store.open(db) as store:
        assert store.document_ids(not_version="fake-2") == []


def test_cli_ingest_reports_failures_and_exits_1(
    fake_extractor: type[FakeExtractor], articles: Path, tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    db = str(tmp_path / "fw.db")
    code, out, err = invoke("ingest", str(articles), str(missing), "--db", db)
    assert code == 1
    assert out.strip() == "2 new, 0 unchanged, 0 updated, 1 failed"
    assert [line for line in err.splitlines() if line] == [f"{missing}: no such file or directory"]


def test_cli_ingest_usage_errors(tmp_path: Path) -> None:
    code, _, err = invoke("ingest", "--db", str(tmp_path / "x.db"))
    assert code == 2 and "PATH" in err
    code, _, err = invoke("ingest", str(tmp_path), "--force", "--db", str(tmp_path / "x.db"))
    assert code == 2 and "--reextract" in err


def test_cli_ingest_bad_db_is_one_line_exit_2(
    fake_extractor: type[FakeExtractor], articles: Path
) -> None:
    code, out, err = invoke("ingest", str(articles), "--db", "notadialect://x")
    assert code == 2 and out == ""
    assert err.startswith("Error: ") and len(err.strip().splitlines()) == 1


def test_cli_ingest_help_has_example() -> None:
    code, out, _ = invoke("ingest", "--help")
    assert code == 0 and "Example:" in out and "frontwatch ingest" in out


def test_cli_place_json_as_of(filled_db: str) -> None:
    code, out, err = invoke(
        "place", "Toretsk", "--as-of", "2025-02-10", "--json", "--db", filled_db
    )
    assert code == 0, err
    data = json.loads(out)
    assert data["status"] == "ru_partial"
    assert data["as_of"] == "2025-02-10"
    assert data["place"]["geonameid"] == TORETSK.geonameid
    assert data["timeline"][0]["date"] == "2024-10"
    assert {c["source"]["name"] for c in data["claims"]} == {
        "Russian Ministry of Defence",
        "Ukrainian General Staff",
    }
    for claim in data["claims"]:
        assert {"id", "kind", "actor", "stance", "date", "evidence", "doc", "url"} <= set(claim)
        assert claim["evidence_end"] > claim["evidence_start"]
    before = json.loads(
        invoke("place", "709354", "--as-of", "2024-09", "--json", "--db", filled_db)[1]
    )
    assert before["status"] == "unknown" and before["claims"] == []


def test_cli_place_screen(filled_db: str) -> None:
    code, out, _ = invoke("place", "toretsk", "--db", filled_db)
    assert code == 0
    assert "ru_partial" in out and "Ministry" in out and "Timeline" in out


def test_cli_places_and_claims(filled_db: str) -> None:
    code, out, _ = invoke("places", "--json", "--db", filled_db)
    assert code == 0
    assert {p["place"]["name"]: p["status"] for p in json.loads(out)} == {
        "Toretsk": "ru_partial",
        "Pivdenne": "contested",
        "Kupiansk": "ua_confirmed",
    }
    code, out, _ = invoke("places", "--near", "Toretsk", "--km", "10", "--json", "--db", filled_db)
    assert {p["place"]["name"] for p in json.loads(out)} == {"Toretsk", "Pivdenne"}
    code, out, _ = invoke("places", "--status", "ua_confirmed", "--db", filled_db)
    assert code == 0 and "Kupiansk" in out and "Toretsk" not in out
    code, out, _ = invoke(
        "claims", "--place", "Toretsk", "--side", "UA", "--json", "--db", filled_db
    )
    assert code == 0 and len(json.loads(out)) == 2
    code, out, _ = invoke("claims", "--since", "2025", "--db", filled_db)
    assert code == 0 and "3 claims" in out


@pytest.mark.parametrize(
    "args",
    [
        ["place", "Nowhereville"],
        ["place", "Toretsk", "--as-of", "2025-13-01"],
        ["place", "Toretsk", "--layer", "missing"],
        ["places", "--status", "occupied"],
        ["places", "--as-of", "yesterday"],
        ["claims", "--since", "last week"],
        ["claims", "--place", "Nowhereville"],
        ["export", "csv", "--as-of", "2025-01-01"],
        ["layer", "import", "x", "/no/such/file.geojson"],
        ["layer", "compare", "missing"],
    ],
)
def test_cli_bad_input_is_one_line_exit_2_and_changes_nothing(
    filled_db: str, args: list[str]
) -> None:
    with Store.open(filled_db) as store:
        before = store.counts()
    code, out, err = invoke(*args, "--db", filled_db)
    assert code == 2, (out, err)
    lines = [line for line in err.splitlines() if line]
    assert len(lines) == 1 and lines[0].startswith("Error: "), err
    with Store.open(filled_db) as store:
        assert store.counts() == before


@pytest.mark.parametrize("command", ["place", "places", "claims", "export", "layer"])
def test_cli_bad_db_url_exit_2(command: str) -> None:
    args = {
        "place": ["place", "Toretsk"],
        "places": ["places"],
        "claims": ["claims"],
        "export": ["export", "csv"],
        "layer": ["layer", "compare", "x"],
    }[command]
    code, _, err = invoke(*args, "--db", "postgresql+nosuchdriver://u@h/db")
    assert code == 2 and err.startswith("Error: ")


@pytest.mark.parametrize(
    "args",
    [
        ["place"],
        ["places"],
        ["claims"],
        ["export"],
        ["layer"],
        ["layer", "import"],
        ["layer", "compare"],
        ["layer", "list"],
    ],
)
def test_cli_store_commands_have_examples(args: list[str]) -> None:
    code, out, _ = invoke(*args, "--help")
    assert code == 0 and "Example:" in out
