"""HTML pages: trafilatura finds the main text and the page metadata."""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator
from configparser import ConfigParser
from pathlib import Path

from frontwatch.errors import InputError
from frontwatch.ingest.limits import DEFAULT_LIMITS, Limits
from frontwatch.ingest.source import make_document, read_bytes
from frontwatch.records import Document, PartialDate

logger = logging.getLogger(__name__)


@functools.cache
def _config() -> ConfigParser:
    """trafilatura's defaults drop bodies under 250 characters; short dispatches are real news."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "min_extracted_size", "1")
    config.set("DEFAULT", "min_file_size", "1")
    return config


def document_from_html(data: bytes | str, *, origin: str = "", url: str | None = None,
                       max_chars: int | None = None) -> Document:
    """Main text, title, date (day precision), canonical URL and site name of one page."""
    import trafilatura

    extracted = trafilatura.bare_extraction(
        data,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        config=_config(),
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise InputError(origin, "no article text found in HTML")
    published: PartialDate | None = None
    raw_date = getattr(extracted, "date", None)
    if raw_date:
        try:
            published = PartialDate.parse(raw_date)
        except ValueError:
            logger.info("%s: ignoring unparsable page date %r", origin, raw_date)
    return make_document(
        text,
        url=getattr(extracted, "url", None) or url,
        title=getattr(extracted, "title", None),
        published=published,
        outlet=getattr(extracted, "sitename", None),
        lang=getattr(extracted, "language", None),
        origin=origin,
        max_chars=max_chars,
    )


def read_html(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document]:
    """One page, one article; the bytes go to trafilatura, which honours the page charset."""
    yield document_from_html(read_bytes(path, limits), origin=str(path), max_chars=limits.max_document_chars)
