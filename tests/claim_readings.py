"""What the construction tests ask of an extraction: the claims of one sentence or two, and
the readings of one place among them."""

from __future__ import annotations

from frontwatch.records import Document, PartialDate


def claims_in(extractor, text: str, lang: str):  # type: ignore[no-untyped-def]
    """The claims extracted from `text`, as an article published on 2025-02-07."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    return next(extractor.extract([document])).claims


def readings(extractor, text: str, lang: str, place: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Kind, actor and stance of every claim the text makes about `place`."""
    return {(c.kind, c.actor, c.stance) for c in claims_in(extractor, text, lang) if c.place.name == place}
