"""The bundled demo articles all read cleanly, with the dates and languages they claim."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.ingest import read_paths
from frontwatch.nlp.langid import detect_language
from frontwatch.records import Document, PartialDate

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture(scope="module")
def samples() -> dict[str, Document]:
    items = list(read_paths([SAMPLES]))
    docs: dict[str, Document] = {}
    for item in items:
        assert isinstance(item, Document), item
        docs[Path(item.origin).name] = item
    return docs


def test_ingest_samples_all_formats_read(samples: dict[str, Document]) -> None:
    assert sorted(samples) == [
        "2024-08-16_kursk_fr.txt",
        "2024-10-03_vuhledar_fr.txt",
        "2024-11-21_kupiansk_en.txt",
        "2025-01-07_kurakhove_en.txt",
        "2025-02-07_toretsk_en.html",
        "2025-02-08_toretsk_fr.txt",
        "2025-04-01_chasiv-yar_en.txt",
        "2025-11-28_pokrovsk_fr.txt",
        "dump.jsonl:1",
        "dump.jsonl:2",
        "dump.jsonl:3",
        "feed.rss#1",
        "feed.rss#2",
    ]


def test_ingest_samples_txt_dates_match_file_names(samples: dict[str, Document]) -> None:
    for name, doc in samples.items():
        if name.endswith((".txt", ".html")):
            assert doc.published == PartialDate.parse(name[:10]), name


def test_ingest_samples_languages(samples: dict[str, Document]) -> None:
    for name, doc in samples.items():
        expected = doc.lang or name.rsplit("_", 1)[-1].split(".")[0]
        assert detect_language(doc.text) == expected, name


def test_ingest_samples_dump_and_feed_metadata(samples: dict[str, Document]) -> None:
    assert samples["dump.jsonl:1"].id == "demo-en-001"
    assert samples["dump.jsonl:2"].published == PartialDate(2025, 9, 15)
    assert samples["dump.jsonl:3"].published == PartialDate(2025, 1)
    assert samples["feed.rss#2"].published == PartialDate(2025, 3, 13)
    html = samples["2025-02-07_toretsk_en.html"]
    assert html.outlet == "Steppe Observer"
    assert "liberated Dzerzhinsk" in html.text
    assert "Most read" not in html.text


def test_ingest_samples_have_a_readme() -> None:
    assert "invented" in (SAMPLES / "README.md").read_text(encoding="utf-8")
