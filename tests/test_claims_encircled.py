"""Troops said to be encircled in a place are there, and the other side closed in on it: the
encircled side's presence and the other side's advance. Whose troops are encircled is read
from the parse (the passive subject, the object, the noun a participle describes, the
subject of "found itself in encirclement"), so the reading holds whatever the weights say:
here a model that reads no claim anywhere. A participle on the troops states what holds even
inside a purpose; a sentence that names no place speaks of the article's town. A place
encircled names no troops, an attempt to encircle encircles no one yet, and troops encircled
near a place or after leaving it are not in it. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from test_claims_advance_in_region import NO_CLAIM_ANYWHERE

from frontwatch.claims.model import claims_of
from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def readings(extractor, text: str, lang: str, place: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Kind, actor and stance of each claim about `place` under weights that read none."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    candidates = next(extractor.candidates([document]))[1]
    return {(c.kind, c.actor, c.stance) for c in claims_of(document, candidates, NO_CLAIM_ANYWHERE, text)
            if c.place.name == place}


@pytest.mark.parametrize(("lang", "text", "place", "side"), [
    pytest.param("en", "About two hundred Ukrainian soldiers are encircled in Vuhledar, the ministry said.",
                 "Vuhledar", "UA", id="passive-en"),
    pytest.param("fr", "Selon l'état-major, des unités russes sont encerclées à Koupiansk depuis lundi.",
                 "Kupyansk", "RU", id="passive-fr"),
    pytest.param("ru", "По данным источника, подразделения ВСУ в селе Кураховка оказались в окружении.",
                 "Kurakhivka", "UA", id="state-ru"),
    pytest.param("uk", "Російські штурмовики у Куп'янську опинилися в оточенні, повідомили в угрупованні.",
                 "Kupyansk", "RU", id="state-uk"),
    pytest.param("ru", "Командование пытается вывести окруженные украинские силы в Торецке.",
                 "Toretsk", "UA", id="participle-ru"),
    pytest.param("uk", "Сили оборони атакували, щоб деблокувати оточені українські підрозділи в Торецьку.",
                 "Toretsk", "UA", id="participle-in-purpose-uk"),
    pytest.param("en", "The battle for Toretsk goes on. Dozens of Russian soldiers are now encircled, the brigade "
                       "said.", "Toretsk", "RU", id="place-of-the-article-en"),
])
def test_claims_troops_encircled_in_a_place_are_there(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, side: str) -> None:
    other = "RU" if side == "UA" else "UA"
    assert readings(extractor, text, lang, place) == {("presence", side, "asserts"), ("advance", other, "asserts")}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Russian forces are trying to encircle Ukrainian units in Toretsk.", "Toretsk",
                 id="attempt-en"),
    pytest.param("ru", "Остатки украинских подразделений, покинувших Угледар, оказались в полуокружении.", "Vuhledar",
                 id="left-ru"),
    pytest.param("fr", "L'armée ukrainienne dément que ses soldats soient encerclés à Pokrovsk.", "Pokrovsk",
                 id="denied-fr"),
    pytest.param("ru", "Подразделения ВСУ оказались в окружении возле Торецка, сообщил источник.", "Toretsk",
                 id="near-ru"),
])
def test_claims_troops_not_said_to_be_encircled_there_are_no_presence(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    assert not {r for r in readings(extractor, text, lang, place) if r[0] == "presence" and r[2] == "asserts"}


def test_claims_a_place_encircled_is_no_troops_presence(extractor) -> None:  # type: ignore[no-untyped-def]
    assert readings(extractor, "Russian forces have encircled Toretsk from three sides.", "en", "Toretsk") == set()


@pytest.mark.parametrize(("lang", "text", "word"), [
    pytest.param("ru", "Торецк находится в клещах, сообщил источник.", "клещах", id="ru"),
    pytest.param("uk", "Торецьк опинився в кліщах, повідомило джерело.", "кліщах", id="uk"),
])
def test_claims_pincers_in_any_case_are_an_encircling_word(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, word: str) -> None:
    """"Клещи" / "кліщі" (pincers) have no singular, and the morphology gives their oblique
    cases the lemma of the singular noun ("клещ"): the family lists both."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    candidates = next(extractor.candidates([document]))[1]
    assert any(text[c.trigger.start:c.trigger.end] == word and c.trigger.rule.kind == "advance" for c in candidates)
