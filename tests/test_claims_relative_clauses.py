"""Relative clauses the parser hangs on another word than the place they are about.

The sentences are written for these tests. A relative word of place right after the place
("село X, куди зайшла піхота") ties its clause to that place, and a clause hung on one word
of a place's name ("Нью-Йорка, где") is about the place, whatever noun the parse picked.
"""

from __future__ import annotations

import pytest
from claim_readings import readings

pytestmark = pytest.mark.models



@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("uk", "Бої тривають в районі села Торське, куди зайшла російська піхота.", "Torske",
                 id="where-to-after-area-uk"),
    pytest.param("ru", "Бои идут в районе села Торское, куда зашла российская пехота.", "Torske",
                 id="where-to-after-area-ru"),
])
def test_claims_relative_word_after_place_ties_clause_to_it(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                            place: str) -> None:
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, place)


def test_claims_relative_clause_on_a_word_of_the_name_ru(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Бои идут на севере донецкого Нью-Йорка, где российские войска закрепились."
    assert ("presence", "RU", "asserts") in readings(extractor, text, "ru", "Nyu-York")
