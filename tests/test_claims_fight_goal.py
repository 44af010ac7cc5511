"""A capture named as what a fight is for ("the battle for the capture of X", « les combats
pour la prise de X », "бої за взяття X") is the goal of the fight: the sentence reports the
fight, not the capture. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def readings(extractor, text: str, lang: str, place: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Kind, actor and stance of every claim the text makes about `place`."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    claims = next(extractor.extract([document])).claims
    return {(c.kind, c.actor, c.stance) for c in claims if c.place.name == place}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("fr", "Les combats pour la prise de Bakhmout ont duré des mois.", "Bakhmut", id="goal-noun-fr"),
    pytest.param("fr", "Des combats acharnés se poursuivent pour le contrôle de Pokrovsk.", "Pokrovsk",
                 id="goal-of-subject-fr"),
    pytest.param("en", "Fierce fighting for control of Pokrovsk continues.", "Pokrovsk", id="goal-noun-en"),
    pytest.param("uk", "Тривають бої за взяття Покровська.", "Pokrovsk", id="goal-of-object-uk"),
    pytest.param("ru", "Продолжаются бои за освобождение Покровска.", "Pokrovsk", id="goal-noun-ru"),
])
def test_claims_a_capture_a_fight_is_for_is_the_fight(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    found = readings(extractor, text, lang, place)
    assert ("fighting", "RU", "asserts") in found
    assert not any(kind == "capture" for kind, _, _ in found)


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "After the battle for Bakhmut, Russia took it.", "Bakhmut", id="taken-after-en"),
    pytest.param("fr", "Après la bataille pour Bakhmout, la Russie a pris la ville.", "Bakhmut", id="taken-after-fr"),
    pytest.param("ru", "После боёв за Бахмут российские войска взяли город.", "Bakhmut", id="taken-after-ru"),
])
def test_claims_a_capture_after_the_fight_for_the_place_stays(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    assert ("capture", "RU", "asserts") in readings(extractor, text, lang, place)
