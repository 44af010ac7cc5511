"""Sentences: one rule splits them in every language, and a news wire's dateline is not part of
the first sentence's evidence."""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models

SPLITTERS = ("senter", "sentencizer", "frontwatch_razdel_sents", "frontwatch_sentences")


@pytest.mark.parametrize("lang", ["fr", "en", "uk", "ru"])
def test_sentences_are_split_once_by_frontwatchs_rule(extractor, lang: str) -> None:  # type: ignore[no-untyped-def]
    names = extractor.pipeline(lang).pipe_names
    assert [name for name in names if name in SPLITTERS] == ["frontwatch_sentences"]


@pytest.mark.parametrize(("lang", "text", "evidence_start"), [
    ("en", "MOSCOW, May 4. /TASS/. Russian forces have taken control of Chasiv Yar, the defence ministry said.",
     "Russian forces"),
    ("ru", "ДОНЕЦК, 4 мая. /ТАСС/. Российские войска освободили Часов Яр, сообщило Минобороны РФ.",
     "Российские войска"),
    ("uk", "КИЇВ, 4 травня. /Укрінформ/. Російські війська захопили Часів Яр, заявили в Генштабі.",
     "Російські війська"),
])
def test_sentences_a_wire_credit_closes_the_dateline(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                     evidence_start: str) -> None:
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-05-04"))
    claims = next(extractor.extract([document])).claims
    captures = [c for c in claims if c.place.name == "Chasiv Yar" and c.kind == "capture"]
    assert captures, claims
    assert all(c.evidence.startswith(evidence_start) for c in captures), [c.evidence for c in captures]
