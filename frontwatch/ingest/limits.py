"""Size limits on what ingest reads, and long articles cut into segments before spaCy.

A text over `max_document_chars` is cut at a paragraph break, with a warning, when it is
read: what is stored is what is extracted. Below that limit an article is still extracted
in segments of at most `SEGMENT_CHARS` characters cut at paragraph (else sentence) breaks,
each one a document of its own for the pipeline, and the results are put back together in
the article's offsets. Parsing is linear in the text, but several steps of a document look
at every pair of its sentences, tokens or place mentions; in segments the whole costs a
constant per segment, so extraction time grows linearly with the article and no document
ever reaches spaCy's `max_length` (error E088).
"""

from __future__ import annotations

import logging
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from frontwatch.records import Claim, Document, Extraction, PlaceMention, UnresolvedName
from frontwatch.settings import Settings

log = logging.getLogger(__name__)

SEGMENT_CHARS = 10_000
"""Longest piece of an article the pipeline sees at once. News articles are far shorter
(the longest of the evaluation sets has under 5,000 characters), so only live blogs,
reports and dumps of whole sites are ever cut."""

_DEFAULT = Settings()

_SENTENCE_END = re.compile(r"[.!?…][\"'»”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Limits:
    """The ingest limits of `Settings` (see SETTINGS for their meaning)."""

    max_document_chars: int = _DEFAULT.max_document_chars
    max_file_bytes: int = _DEFAULT.max_file_bytes
    fetch_timeout: float = _DEFAULT.fetch_timeout

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(settings.max_document_chars, settings.max_file_bytes, settings.fetch_timeout)


DEFAULT_LIMITS = Limits()


def cut_point(text: str, limit: int) -> int:
    """Where to end a piece of `text` that may hold at most `limit` characters.

    The last line break in the second half of the allowance, else the last sentence end,
    else the last space; a hard cut only for a text without any of them.
    """
    if len(text) <= limit:
        return len(text)
    floor = limit // 2
    newline = text.rfind("\n", floor, limit)
    if newline > 0:
        return newline + 1
    ends = [match.end() for match in _SENTENCE_END.finditer(text, floor, limit)]
    if ends:
        return ends[-1]
    space = max(text.rfind(" ", floor, limit), text.rfind("\t", floor, limit))
    return space + 1 if space > 0 else limit


def truncate(text: str, limit: int, origin: str) -> str:
    """`text` cut to at most `limit` characters at a break, with a warning when it is cut."""
    if len(text) <= limit:
        return text
    kept = text[:cut_point(text, limit)].rstrip()
    log.warning("%s: article has %s characters; only the first %s are kept "
                "(FRONTWATCH_MAX_DOCUMENT_CHARS raises the limit)", origin or "text", f"{len(text):,}",
                f"{len(kept):,}")
    return kept


def segment_spans(text: str, size: int = SEGMENT_CHARS) -> list[tuple[int, int]]:
    """Consecutive (start, end) spans covering `text`, each at most `size` characters."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        end = start + cut_point(text[start:start + size + 1], size)
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return spans


Extract = Callable[[Iterable[Document]], Iterator[Extraction]]


def extract_in_segments(
    extract: Extract,
    documents: Iterable[Document],
    *,
    detect: Callable[[str], str | None],
    size: int = SEGMENT_CHARS,
) -> Iterator[Extraction]:
    """`extract` over the documents, a long one as segments merged back into one Extraction.

    `detect` names the language of a long article from its opening (as the extractor would
    for the whole text) so every segment goes through the same pipeline.
    """
    offsets: deque[tuple[Document, list[int]]] = deque()

    def pieces() -> Iterator[Document]:
        for document in documents:
            spans = segment_spans(document.text, size)
            offsets.append((document, [start for start, _ in spans]))
            if len(spans) == 1:
                yield document
                continue
            log.info("%s: %d characters, extracted in %d segments",
                     document.origin or document.id, len(document.text), len(spans))
            lang = document.lang or detect(document.text)
            for start, end in spans:
                yield replace(document, text=document.text[start:end], lang=lang)

    results = extract(pieces())
    for first in results:
        document, starts = offsets.popleft()
        if len(starts) == 1:
            yield first
            continue
        parts = [first] + [next(results) for _ in starts[1:]]
        yield merge_segments(document, parts, starts)


def merge_segments(document: Document, parts: list[Extraction], starts: list[int]) -> Extraction:
    """One Extraction of `document` from those of its segments starting at `starts`: every
    mention, back-reference and unresolved name, and one claim per statement."""
    mentions: list[PlaceMention] = []
    references: list[PlaceMention] = []
    unresolved: list[UnresolvedName] = []
    claims: dict[tuple[object, ...], Claim] = {}
    for part, start in zip(parts, starts, strict=True):
        mentions += (replace(m, start=m.start + start, end=m.end + start) for m in part.mentions)
        references += (replace(m, start=m.start + start, end=m.end + start) for m in part.references)
        unresolved += (replace(n, start=n.start + start, end=n.end + start) for n in part.unresolved)
        for claim in (_shift(c, start) for c in part.claims):
            key = statement_key(claim)
            if key not in claims or claims[key].confidence < claim.confidence:
                claims[key] = claim
    lang = document.lang or parts[0].document.lang
    ordered = sorted(claims.values(), key=lambda c: (c.evidence_start, c.mention_start, c.kind))
    return Extraction(replace(document, lang=lang), tuple(mentions), tuple(ordered),
                      parts[0].extractor_version, tuple(unresolved), tuple(references))


def statement_key(claim: Claim) -> tuple[object, ...]:
    """What makes two claims of one article the same statement, as the extractor merges them
    within a document: the most confident one is kept, across segments too."""
    return (claim.place.geonameid, claim.kind, claim.actor, claim.stance, claim.source.name, claim.date)


def _shift(claim: Claim, start: int) -> Claim:
    return replace(
        claim,
        evidence_start=claim.evidence_start + start,
        evidence_end=claim.evidence_end + start,
        mention_start=claim.mention_start + start if claim.mention_start >= 0 else -1,
        mention_end=claim.mention_end + start if claim.mention_end >= 0 else -1,
    )
