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



@pytest.mark.parametrize(("lang", "text", "place", "actor"), [
    pytest.param("fr", "Les forces ukrainiennes ont repris plusieurs secteurs à Koupiansk, a annoncé l'état-major "
                       "ukrainien.", "Kupyansk", "UA", id="object-in-place-fr"),
    pytest.param("fr", "Le président s'est rendu à Koupiansk, où les forces ukrainiennes ont repris plusieurs rues.",
                 "Kupyansk", "UA", id="object-in-relative-where-fr"),
    pytest.param("en", "Zelensky visited Kupiansk, where Ukrainian forces have retaken several streets.",
                 "Kupyansk", "UA", id="object-in-relative-where-en"),
    pytest.param("en", "Russian troops captured several streets in Toretsk, the Russian defence ministry said.",
                 "Toretsk", "RU", id="object-in-place-en"),
])
def test_claims_taking_a_part_of_a_place_is_a_presence(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, actor: str) -> None:
    """What the trigger takes is its object: a part word there ("repris plusieurs secteurs",
    "captured several streets") makes the place beside it, however the parse hangs it, a
    presence of that side, not a capture."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    found = {(c.kind, c.actor) for c in next(extractor.extract([document])).claims if c.place.name == place}
    assert ("presence", actor) in found
    assert not any(kind == "capture" for kind, _ in found)


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "ISW confirmed significant tactical advances by Russia in and around Selydove in recent days.",
                 id="en"),
    pytest.param("fr", "Selon l'ISW, l'armée russe a progressé dans et autour de Selydove au cours de la semaine.",
                 id="fr"),
    pytest.param("ru", "Российские войска продвинулись в и вокруг Селидово.", id="ru"),
])
def test_claims_advancing_in_and_around_a_town_is_being_in_it(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Advances in and around X": part of the advance is inside the town, a presence, as
    "advances in X" is."""
    assert "presence" in kinds(extractor, text, lang, "Selydove")
