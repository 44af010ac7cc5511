"""Normalized text and content ids: offsets stay stable and re-ingesting is a no-op."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from frontwatch.ingest import normalize_text, read_document, text_id
from frontwatch.ingest.normalize import normalize_lang

BASE = "Les forces russes sont entrées à Toretsk.\n\nLa ville est en ruines."


@pytest.mark.parametrize(
    "variant",
    [
        BASE,
        BASE.replace("\n", "\r\n"),
        BASE.replace("\n", "\r"),
        BASE.replace(".\n", ".   \n") + "  \n\n\n",
        BASE.replace("\n\n", "\n \n\t\n\n"),
        "\n\n" + BASE,
        "\ufeff" + BASE,
        unicodedata.normalize("NFD", BASE),
    ],
)
def test_ingest_normalize_whitespace_variants_share_one_id(variant: str) -> None:
    assert normalize_text(variant) == BASE
    assert text_id(variant) == text_id(BASE)


def test_ingest_normalize_keeps_real_differences() -> None:
    assert text_id(BASE) != text_id(BASE.replace("Toretsk", "Pokrovsk"))
    assert normalize_text("a\nb") != normalize_text("a\n\nb")
    assert normalize_text("  indented") == "  indented"


def test_ingest_id_stable_across_rereads_and_resaves(tmp_path: Path) -> None:
    one = tmp_path / "one.txt"
    two = tmp_path / "two.txt"
    one.write_text(" date 2025-02-07\n" + BASE + "\n", encoding="utf-8")
    two.write_bytes((" date 2025-02-07  \r\n" + BASE.replace("\n", "  \r\n") + "\r\n\r\n").encode())
    (first,) = read_document(one)
    (again,) = read_document(one)
    (resaved,) = read_document(two)
    assert first == again
    assert first.id == resaved.id == text_id(BASE)
    assert first.text == resaved.text == BASE


def test_ingest_dump_id_wins_over_content_hash(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text(
        json.dumps({"id": "wire-42", "text": BASE})
        + "\n"
        + json.dumps({"id": 7, "text": BASE})
        + "\n"
        + json.dumps({"text": BASE})
        + "\n",
        encoding="utf-8",
    )
    assert [d.id for d in read_document(path)] == ["wire-42", "7", text_id(BASE)]


def test_ingest_stored_text_is_normalized_so_offsets_hold(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Avdiïvka  \r\n\r\n\r\nPokrovsk\r\n".replace("ï", "i\u0308").encode())
    (doc,) = read_document(path)
    assert doc.text == "Avdiïvka\n\nPokrovsk"
    start = doc.text.index("Pokrovsk")
    assert doc.text[start : start + 8] == "Pokrovsk"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("fr", "fr"), ("FR", "fr"), ("en-GB", "en"), ("uk_UA", "uk"), ("", None), (None, None)],
)
def test_ingest_normalize_lang(value: str | None, expected: str | None) -> None:
    assert normalize_lang(value) == expected
