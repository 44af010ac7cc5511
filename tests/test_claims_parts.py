"""A part of a place is a presence in it, however often the place is named.

The sentences are written for these tests: a place named a second time right after a part
of it ("the bulk of X (also known as Y)") is that part, a presence, not a capture.
"""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def kinds(extractor, text: str, lang: str, place: str) -> set[str]:  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    return {c.kind for c in next(extractor.extract([document])).claims if c.place.name == place}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Most of Krasnoarmeysk (Pokrovsk) is now held by Russian troops, the Russian defence "
                       "ministry said.", "Pokrovsk", id="renamed-en"),
    pytest.param("uk", "Бої тривають у Покровську. Половина цього міста (Покровськ) під контролем російських "
                       "військ, заявили в Генштабі ЗСУ.",
                 "Pokrovsk", id="renamed-uk"),
])
def test_claims_part_named_twice_is_a_presence(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    found = kinds(extractor, text, lang, place)
    assert "presence" in found
    assert "capture" not in found

