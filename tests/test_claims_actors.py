"""Whose forces a claim is about, read from the words that name a side around the trigger.

The sentences are written for these tests; each asserts the side a reader would give.
"""

from __future__ import annotations

import pytest
from claim_readings import readings

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models



@pytest.mark.parametrize(("text", "place"), [
    pytest.param("« Soledar a été débarrassée des Russes », a déclaré le commandant ukrainien.", "Soledar",
                 id="debarrassee"),
    pytest.param("Selon l'état-major, Lyman a été libérée des troupes russes.", "Lyman", id="liberee"),
])
def test_claims_place_rid_of_a_side_was_taken_from_it(extractor, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    """A place "rid of" or "freed from" a side was taken from that side: the other side took it."""
    assert ("capture", "UA", "asserts") in readings(extractor, text, "fr", place)


@pytest.mark.parametrize(("lang", "text", "place", "actor"), [
    pytest.param("ru", "Российские военные ведут бой с Вооруженными силами Украины в Часовом Яре.",
                 "Chasiv Yar", "RU", id="ru-boi-s-vsu"),
    pytest.param("ru", "Украинские военные ведут бой с российскими войсками в Часовом Яре.",
                 "Chasiv Yar", "UA", id="ru-boi-s-russkimi"),
    pytest.param("ru", "Подразделения ВСУ ведут бои против российских войск в Часовом Яре.",
                 "Chasiv Yar", "UA", id="ru-protiv"),
    pytest.param("en", "Russian troops are fighting against Ukrainian forces in Chasiv Yar, the Russian defence "
                 "ministry said.", "Chasiv Yar", "RU", id="en-against"),
    pytest.param("fr", "Les soldats russes mènent des combats contre les forces ukrainiennes à Tchassiv Iar, selon "
                 "Moscou.", "Chasiv Yar", "RU", id="fr-contre"),
])
def test_claims_the_side_fought_against_is_not_the_fighter(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, actor: str) -> None:
    """ "Fighting against X's forces", "бой с ВСУ": X is the side fought, not a possessor of
    the fight; the fight is its subject's."""
    assert {a for kind, a, _ in readings(extractor, text, lang, place) if kind == "fighting"} == {actor}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Ukrainian forces continued the destruction of Russian assault groups in Kupiansk.",
                 "Kupyansk", id="en-destruction-of"),
    pytest.param("fr", "Les troupes ukrainiennes ont annoncé la destruction de soldats russes à Koupiansk.",
                 "Kupyansk", id="fr-destruction-de"),
])
def test_claims_troops_destroyed_in_a_place_are_there(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """The troops named as the object of destroying ("the destruction of Russian groups in
    X", « la destruction de soldats russes à X ») are the side present in the place."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, place)


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("uk", "У Куп'янську тривають заходи з пошуку та знищення штурмових груп противника, повідомили в "
                 "Генштабі ЗСУ.", "Kupyansk", id="uk-znyshchennia"),
    pytest.param("ru", "В Купянске продолжается уничтожение штурмовых групп противника, сообщили в Генштабе ВСУ.",
                 "Kupyansk", id="ru-unichtozhenie"),
])
def test_claims_enemy_in_the_genitive_of_destroying_is_there(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """ "Знищення ДРГ противника у X": the genitives after the noun are what is destroyed,
    the enemy present in X, however the parse hangs the long phrase."""
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, place)


def test_claims_finished_destroying_leaves_the_place_to_the_victor(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Завершили уничтожение противника в X": the enemy destroyed is no longer there, and
    the side that finished is the one the destroying speaks of."""
    text = "Украинские войска завершили поиск и уничтожение противника в Судже, заявил Сырский."
    assert "UA" in {actor for _, actor, _ in readings(extractor, text, "ru", "Sudzha")}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Enemy losses in the battles for Chasiv Yar exceeded 300 men over the past day, the Russian "
                 "defence ministry said.", "Chasiv Yar", id="en-enemy-losses"),
    pytest.param("ru", "Потери противника в боях за Часов Яр за сутки составили до 300 военнослужащих, сообщили в "
                 "Минобороны России.", "Chasiv Yar", id="ru-poteri-protivnika"),
    pytest.param("uk", "Втрати противника в боях за Часів Яр за добу склали понад 300 осіб, заявили в Міноборони "
                 "Росії.", "Chasiv Yar", id="uk-vtraty-protyvnyka"),
    pytest.param("fr", "Les pertes de l'ennemi dans les combats pour Tchassiv Iar dépassent 300 hommes, selon le "
                 "ministère russe de la Défense.", "Chasiv Yar", id="fr-pertes-de-l-ennemi"),
])
def test_claims_a_side_that_owns_losses_is_not_the_fighter(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """ "Enemy losses in the battles for X", "потери противника в боях за X": the side named
    with the losses is the one that lost men, not a cue for who fights; the Russian speaker's
    fight stays the Russian side's."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    fights = [c for c in next(extractor.candidates([document]))[1]
              if c.trigger.rule.kind == "fighting" and c.target.mention.place.name == place]
    assert fights and all(c.prior_actor == "RU" and not any(k.startswith("cue:") for k in c.features)
                          for c in fights)
    assert {actor for kind, actor, _ in readings(extractor, text, lang, place) if kind == "fighting"} == {"RU"}
