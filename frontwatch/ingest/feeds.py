"""RSS and Atom feeds: every entry is an article (feedparser does the format work)."""

from __future__ import annotations

import email.utils
import logging
import time
from collections.abc import Iterator, Mapping
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from xml.sax import SAXParseException

import feedparser

from frontwatch.errors import InputError
from frontwatch.ingest.limits import DEFAULT_LIMITS, Limits
from frontwatch.ingest.source import make_document, read_bytes
from frontwatch.records import Document, InputFailure, PartialDate

logger = logging.getLogger(__name__)

_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption footer h1 h2 h3 h4 h5 h6 "
    "header hr li main ol p pre section table tr ul".split()
)
_SKIP = frozenset({"script", "style", "template"})


class _TextCollector(HTMLParser):
    """Keeps text and turns block elements into line breaks so paragraphs survive."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skipping = max(0, self._skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Feed content is HTML; the article text is its visible text, one paragraph a line."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    paragraphs = ("".join(collector.parts)).split("\n\n")
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())


def _entry_date(entry: Mapping[str, Any]) -> PartialDate | None:
    """The entry's own calendar day, read from the raw string so the zone does not shift it."""
    for key in ("published", "updated", "created"):
        raw = entry.get(key)
        if not raw:
            continue
        try:
            return PartialDate.parse(raw)
        except ValueError:
            pass
        try:
            return PartialDate.from_date(email.utils.parsedate_to_datetime(raw).date())
        except (TypeError, ValueError):
            pass
        parsed = entry.get(f"{key}_parsed")
        if isinstance(parsed, time.struct_time):
            return PartialDate(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def _entry_text(entry: Mapping[str, Any]) -> str:
    """Full content when the feed carries it, else the summary."""
    for content in entry.get("content") or ():
        value = content.get("value")
        if value and value.strip():
            return html_to_text(value)
    return html_to_text(entry.get("summary") or entry.get("description") or "")


def _parse_error(parsed: Mapping[str, Any]) -> str:
    """feedparser's reason for rejecting the XML, on one line."""
    error = parsed.get("bozo_exception")
    if isinstance(error, SAXParseException):
        return f"XML error: {error.getMessage()}"
    return str(error).splitlines()[0] if error else "unreadable"


def read_feed(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | InputFailure]:
    """One Document per entry; an entry without text fails alone as `path#N`."""
    yield from documents_from_feed(read_bytes(path, limits), str(path), limits)


def documents_from_feed(data: bytes, origin: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | InputFailure]:
    """The entries of a feed read from a file or fetched; `origin#N` names a failed entry."""
    parsed = feedparser.parse(data)
    texts = [_entry_text(entry) for entry in parsed.entries]
    if parsed.bozo and not any(texts):
        raise InputError(origin, f"not an RSS/Atom feed ({_parse_error(parsed)})")
    if not texts:
        raise InputError(origin, "feed has no entries")
    if parsed.bozo:
        logger.info("%s: feed is not well-formed (%s)", origin, _parse_error(parsed))
    feed = parsed.feed
    outlet = feed.get("title") or None
    lang = feed.get("language") or None
    for number, (entry, text) in enumerate(zip(parsed.entries, texts, strict=True), start=1):
        entry_origin = f"{origin}#{number}"
        if not text:
            yield InputFailure(entry_origin, "entry has no text")
            continue
        try:
            yield make_document(
                text,
                url=entry.get("link"),
                title=html_to_text(entry.get("title") or "") or None,
                published=_entry_date(entry),
                lang=entry.get("language") or lang,
                outlet=outlet,
                origin=entry_origin,
                max_chars=limits.max_document_chars,
            )
        except InputError as exc:
            yield InputFailure(entry_origin, exc.reason)
