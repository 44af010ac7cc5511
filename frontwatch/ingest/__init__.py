"""Ingest: article files (txt, html, RSS/Atom, JSONL/CSV dumps) and fetched web pages ->
Document records.

Readers never guess the language (the nlp stage does); a `lang` given by a dump or feed
is kept.
"""

from __future__ import annotations

import logging

from frontwatch.errors import InputError
from frontwatch.ingest.limits import Limits
from frontwatch.ingest.normalize import normalize_text, text_id
from frontwatch.ingest.readers import READERS, read_document, read_paths, register_reader
from frontwatch.ingest.source import make_document
from frontwatch.records import Document, PartialDate

logging.getLogger(__name__).addHandler(logging.NullHandler())


def document_from_text(
    text: str,
    *,
    id: str | None = None,
    url: str | None = None,
    title: str | None = None,
    published: PartialDate | str | None = None,
    lang: str | None = None,
    outlet: str | None = None,
    origin: str = "",
) -> Document:
    """One article posted as a string (the API); InputError for empty text or a bad date."""
    if not isinstance(text, str) or not text.strip():
        raise InputError(origin, "empty text")
    return make_document(
        text,
        id=id,
        url=url,
        title=title,
        published=published,
        lang=lang,
        outlet=outlet,
        origin=origin,
    )


__all__ = [
    "READERS",
    "Limits",
    "document_from_text",
    "normalize_text",
    "read_document",
    "read_paths",
    "register_reader",
    "text_id",
]
