"""Limits as settings, long texts cut at breaks, and long articles extracted in segments."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_store_builders import TORETSK, make_claim

from frontwatch.errors import ConfigError
from frontwatch.ingest.limits import (
    SEGMENT_CHARS,
    Limits,
    extract_in_segments,
    segment_spans,
    truncate,
)
from frontwatch.records import Document, Extraction, PlaceMention, Source, UnresolvedName
from frontwatch.settings import Settings

texts = st.text(alphabet=st.sampled_from("ab .\n!?»"), max_size=3_000)


@given(text=texts, size=st.integers(min_value=20, max_value=400))
def test_ingest_limits_segments_cover_the_text_in_order(text: str, size: int) -> None:
    spans = segment_spans(text, size)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(0 < end - start <= size for start, end in spans) or text == ""


@given(text=texts, limit=st.integers(min_value=20, max_value=400))
def test_ingest_limits_truncate_keeps_a_prefix_within_the_limit(text: str, limit: int) -> None:
    kept = truncate(text, limit, "x")
    assert len(kept) <= limit and text.startswith(kept)
    if len(text) <= limit:
        assert kept == text


def test_ingest_limits_cut_prefers_paragraph_then_sentence() -> None:
    text = "First paragraph ends here.\nSecond one. It goes on and on and on"
    assert segment_spans(text, 40) == [(0, 27), (27, len(text))]
    one_line = "A fairly long sentence. Another sentence that runs past the limit"
    assert one_line[:segment_spans(one_line, 30)[0][1]] == "A fairly long sentence. "
    no_stop = "words without any stop at all running on"
    assert no_stop[:segment_spans(no_stop, 30)[0][1]] == "words without any stop at all "


def test_ingest_limits_truncate_warns_naming_the_origin(caplog: pytest.LogCaptureFixture) -> None:
    assert truncate("Para one.\nPara two is longer.", 15, "dump.jsonl:7") == "Para one."
    assert "dump.jsonl:7: article has 29 characters; only the first 9 are kept" in caplog.text


def test_ingest_limits_from_settings_and_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTWATCH_MAX_DOCUMENT_CHARS", "200_000")
    monkeypatch.setenv("FRONTWATCH_MAX_FILE_BYTES", "4096")
    limits = Limits.from_settings(Settings.from_env())
    assert limits == Limits(max_document_chars=200_000, max_file_bytes=4096)
    assert Settings().max_request_bytes == 8 * 1024 * 1024
    monkeypatch.setenv("FRONTWATCH_MAX_REQUEST_BYTES", "lots")
    with pytest.raises(ConfigError, match="^FRONTWATCH_MAX_REQUEST_BYTES must be an integer, got 'lots'$"):
        Settings.from_env()
    monkeypatch.setenv("FRONTWATCH_MAX_REQUEST_BYTES", "10")
    with pytest.raises(ConfigError, match="must be at least 1024, got 10"):
        Settings.from_env()


class WordClaims:
    """Stands in for the pipeline: one claim per 'Toretsk', its line as evidence and as the
    source's name (so lines that differ are different statements), except that a line
    saying 'surely' is the same statement, made with more confidence."""

    def __init__(self) -> None:
        self.seen: list[Document] = []

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        for document in documents:
            self.seen.append(document)
            claims = []
            at = document.text.find("Toretsk")
            while at >= 0:
                start = document.text.rfind("\n", 0, at) + 1
                end = document.text.find(".", at) + 1
                line = document.text[start:end]
                claims.append(dataclasses.replace(
                    make_claim(document.id, document.text, line,
                               source=Source(line.replace(" surely", ""), "RU")),
                    mention_start=at, mention_end=at + 7, confidence=0.9 if "surely" in line else 0.5))
                at = document.text.find("Toretsk", end)
            spans = [(c.mention_start, c.mention_end) for c in claims]
            yield Extraction(dataclasses.replace(document, lang=document.lang or "en"),
                             claims=tuple(claims), extractor_version="v",
                             references=tuple(PlaceMention(a, b, "Toretsk", TORETSK, 0.8, "coref")
                                              for a, b in spans),
                             unresolved=tuple(UnresolvedName(a, b, "Toretsk", "test") for a, b in spans))


def test_ingest_limits_segments_merge_back_in_document_offsets() -> None:
    lines = [f"Fighting went on in Toretsk on day {n}." for n in range(600)]
    long_text = "\n".join(lines)  # 24,000 characters: three segments
    short = Document(id="short", text="Shelling near Toretsk again.")
    long = Document(id="long", text=long_text, origin="live.txt")
    fake = WordClaims()
    out = list(extract_in_segments(fake.extract, [short, long, short], detect=lambda text: "fr"))
    assert [e.document.id for e in out] == ["short", "long", "short"]
    assert len(fake.seen) == 2 + len(segment_spans(long_text)) and len(segment_spans(long_text)) == 3
    assert all(len(d.text) <= SEGMENT_CHARS for d in fake.seen)
    merged = out[1]
    assert merged.document == dataclasses.replace(long, lang="fr")
    assert [c.evidence for c in merged.claims] == lines
    for claim in merged.claims:
        assert long_text[claim.evidence_start:claim.evidence_end] == claim.evidence
        assert long_text[claim.mention_start:claim.mention_end] == "Toretsk"
    assert out[0].claims[0].place == TORETSK
    # Back-references and names left unresolved come back at their own words too.
    for found in (merged.references, merged.unresolved):
        assert len(found) == len(lines)
        assert {long_text[r.start:r.end] for r in found} == {"Toretsk"}


def test_ingest_limits_one_claim_per_statement_across_segments() -> None:
    said, surely = "Toretsk fell, they said.", "Toretsk fell, they said surely."
    text = "\n".join([said] + ["Filler line without the town."] * 700 + [said])
    fake = WordClaims()
    (merged,) = extract_in_segments(fake.extract, [Document(id="d", text=text)], detect=lambda t: "en")
    assert [(c.evidence, c.evidence_start) for c in merged.claims] == [(said, 0)]
    text = text[:-len(said)] + surely
    (merged,) = extract_in_segments(fake.extract, [Document(id="d", text=text)], detect=lambda t: "en")
    assert [(c.evidence, c.evidence_start, c.confidence) for c in merged.claims] == [
        (surely, len(text) - len(surely), 0.9)]


@pytest.mark.models
def test_ingest_limits_real_extractor_past_spacy_max_length(extractor) -> None:  # type: ignore[no-untyped-def]
    """A text longer than the model's max_length (E088 before) comes out whole, in offsets."""
    nlp = extractor.pipeline("en")
    saved = nlp.max_length
    paragraph = ("Russian forces captured Toretsk on Monday, the Russian Defence Ministry said. "
                 "Ukrainian officials denied it.")
    last = "Ukraine's General Staff said its troops had repelled a Russian assault on Siversk."
    text = "\n\n".join([paragraph] * 300 + [last])  # 33,000 characters: four segments
    nlp.max_length = 25_000
    try:
        (extraction,) = extractor.extract([Document(id="long", text=text, lang="en")])
    finally:
        nlp.max_length = saved
    for claim in extraction.claims:
        assert text[claim.evidence_start:claim.evidence_end] == claim.evidence
    for mention in extraction.mentions:
        assert text[mention.start:mention.end] == mention.text
    assert sum(m.place.name == "Toretsk" for m in extraction.mentions) == 300
    toretsk = [c for c in extraction.claims if c.place.name == "Toretsk" and c.kind == "capture"]
    assert len({(c.actor, c.stance, c.source.name) for c in toretsk}) == len(toretsk)  # merged
    siversk = [c for c in extraction.claims if c.place.name == "Siversk"]
    assert siversk and siversk[0].evidence == last and siversk[0].evidence_start == len(text) - len(last)
