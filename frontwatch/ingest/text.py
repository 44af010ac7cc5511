"""Plain-text articles, with an optional ' date YYYY[-MM[-DD]] ' first line."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest.limits import DEFAULT_LIMITS, Limits
from frontwatch.ingest.source import decode_text, make_document, parse_published, read_bytes
from frontwatch.records import Document, PartialDate

# The date token is loose on purpose (2025-1, 2025-13-01) so a wrong date is reported
# instead of silently becoming part of the article text.
_DATE_LINE = re.compile(r"\A[ \t]*date[ \t]+(\d{4}(?:-\d{1,2}){0,2})(?=\s|\Z)[ \t]*")


def split_date_line(text: str, origin: str = "") -> tuple[PartialDate | None, str]:
    """Take the leading date off the text; the article may follow on the same line."""
    match = _DATE_LINE.match(text)
    if not match:
        return None, text
    return parse_published(match.group(1), origin), text[match.end() :]


def read_txt(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document]:
    """The whole file is one article (UTF-8, or UTF-16/32 with a byte-order mark)."""
    origin = str(path)
    raw = decode_text(read_bytes(path, limits), origin).lstrip("\ufeff")
    published, body = split_date_line(raw, origin)
    if not body.strip():
        raise InputError(origin, "no article text after the date line")
    yield make_document(body, published=published, origin=origin, max_chars=limits.max_document_chars)
