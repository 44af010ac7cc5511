"""Relative clauses the parser hangs on another word than the place they are about.

The sentences are written for these tests. A relative word of place right after the place
("село X, куди зайшла піхота") ties its clause to that place, and a clause hung on one word
of a place's name ("Нью-Йорка, где") is about the place, whatever noun the parse picked.
A relative clause opening right after a later place ("Siversk, south of Lyman, which …") is
about that later place, not the one named first.
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


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("ru", "Украинские подразделения удерживают Северск, южнее Лимана, который российские "
                       "войска заняли в ноябре.", id="ru"),
    pytest.param("uk", "Українські підрозділи утримують Сіверськ, південніше Лиману, який російські "
                       "війська захопили в листопаді.", id="uk"),
    pytest.param("en", "Ukrainian units still hold Siversk, south of Lyman, which Russian forces captured "
                       "in November.", id="en"),
    pytest.param("fr", "L'armée ukrainienne tient Siversk, à quinze kilomètres de Lyman, que les Russes "
                       "ont pris en novembre.", id="fr"),
])
def test_claims_relative_clause_after_a_later_place_is_not_about_the_first(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """The relative word right after Lyman opens a clause about Lyman: Siversk, named
    before it, is held by Ukraine, not captured by Russia."""
    assert ("capture", "RU", "asserts") in readings(extractor, text, lang, "Lyman")
    assert ("capture", "RU", "asserts") not in readings(extractor, text, lang, "Siversk")


def test_claims_relative_clause_after_a_list_is_about_every_item(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Ukrainian units still hold Siversk and Lyman, which Russian forces tried to capture in November."
    assert ("fighting", "RU", "asserts") in readings(extractor, text, "en", "Siversk")
    assert ("fighting", "RU", "asserts") in readings(extractor, text, "en", "Lyman")
