"""Sentences that read like a claim, or like a denial, and are not.

The sentences are written for these tests: a negated verb of giving up (the attempt goes
on), a town that only names a front sector after two towns, the goal a gain will help
reach, "there" on a speech verb.
"""

from __future__ import annotations

import pytest
from claim_readings import claims_in

pytestmark = pytest.mark.models


def keys(extractor, text: str, lang: str) -> set[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    """Place, kind, actor and stance of every claim the text makes."""
    return {(c.place.name, c.kind, c.actor, c.stance) for c in claims_in(extractor, text, lang)}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Штурмові загони росіян не залишають спроб прорвати оборону і просунутися до центру "
                       "Бахмута.", id="uk"),
    pytest.param("ru", "Штурмовые группы противника не оставляют попыток прорвать оборону и продвинуться к "
                       "центру Бахмута.", id="ru"),
    pytest.param("fr", "Les troupes russes n'abandonnent pas leurs tentatives de percer la défense et d'avancer "
                       "vers le centre de Bakhmout.", id="fr"),
    pytest.param("en", "Russian assault groups have not given up attempts to break through the defence and "
                       "advance to the centre of Bakhmut.", id="en"),
])
def test_claims_not_giving_up_an_attempt_asserts_it(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"They do not give up attempts to advance": the negation cancels the giving up, and the
    attempts go on; nothing is denied."""
    found = keys(extractor, text, lang)
    assert ("Bakhmut", "advance", "RU", "asserts") in found
    assert not any(stance == "denies" for *_, stance in found)


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("fr", "Des combats font rage dans la direction de Koupiansk-Svatovo, selon l'armée ukrainienne.",
                 "Svatove", id="fr-direction"),
    pytest.param("fr", "Les forces russes avancent dans le secteur de Koupiansk-Svatovo.", "Svatove",
                 id="fr-sector"),
    pytest.param("fr", "Les forces russes gagnent du terrain le long de l'axe Avdiivka-Donetsk.", "Donetsk",
                 id="fr-axis"),
    pytest.param("en", "Russian forces advanced in the Kupiansk-Svatove direction.", "Kupyansk", id="en"),
])
def test_claims_sector_named_after_two_towns_is_no_place(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """"La direction de Koupiansk-Svatovo" names a stretch of front: neither town is where the
    fighting or the advance is."""
    assert not any(name == place for name, *_ in keys(extractor, text, lang))


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("ru", "Освобождение Селидово поможет нашей армии освободить Курахово, заявил Андрей Марочко.",
                 id="ru-help"),
    pytest.param("uk", "Захоплення Селидового допоможе російській армії захопити Курахове, вважають аналітики.",
                 id="uk-help"),
    pytest.param("fr", "Selon Denis Pouchiline, la prise de Selydove aidera l'armée russe à prendre Kourakhové.",
                 id="fr-help"),
    pytest.param("en", "The capture of Selydove will help the Russian army take Kurakhove, analysts say.",
                 id="en-help"),
    pytest.param("ru", "Взятие Мирнограда создает благоприятные условия для освобождения Курахово, заявил Пушилин.",
                 id="ru-conditions"),
    pytest.param("uk", "Пушилін заявив, що взяття Мирнограда створює сприятливі умови для захоплення Курахового.",
                 id="uk-conditions"),
    pytest.param("en", "Pushilin said the capture of Myrnohrad created favourable conditions for the liberation "
                       "of Kurakhove.", id="en-conditions"),
])
def test_claims_what_a_gain_will_help_take_is_no_claim(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Taking Selydove will help take Kurakhove", "creates conditions for taking Kurakhove":
    Kurakhove is the next goal, not a place taken."""
    assert not any(name == "Kurakhove" for name, *_ in keys(extractor, text, lang))


@pytest.mark.parametrize(("lang", "text", "place", "other"), [
    pytest.param("ru", "Генштаб ВСУ опубликовал утреннюю сводку после визита журналистов в Покровск. Там отметили, "
                       "что в Кутьковке идут уличные бои.", "Kutkivka", "Pokrovsk", id="ru"),
    pytest.param("uk", "Генштаб ЗСУ оприлюднив зведення після візиту журналістів до Покровська. Там зазначили, що "
                       "в Кутьківці тривають вуличні бої.", "Kutkivka", "Pokrovsk", id="uk"),
    pytest.param("uk", "Українські військові відповіли на заяву Міноборони РФ щодо Куп'янська. Там заявили, що "
                       "слова Герасимова про вуличні бої в Кутьківці є брехнею.", "Kutkivka", "Kupyansk",
                 id="uk-denial"),
])
def test_claims_there_on_a_speech_verb_is_who_said_it(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str, other: str) -> None:
    """"Там отметили, что…" is "they said there", the body just named: the fighting is in the
    place the statement names, not in the place named in the sentence before."""
    found = keys(extractor, text, lang)
    assert any(name == place and kind == "fighting" for name, kind, *_ in found)
    assert not any(name == other for name, *_ in found)


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "About 2,000 residents remain in Kostiantynivka, the regional governor said.", id="en"),
    pytest.param("en", "The governor urged the remaining residents of Kostiantynivka to leave.", id="en-participle"),
    pytest.param("fr", "Quelque 300 civils restent à Kostiantynivka, selon le gouverneur régional.", id="fr"),
    pytest.param("uk", "Мешканці залишаються в Костянтинівці, повідомив голова обласної адміністрації.", id="uk"),
    pytest.param("ru", "Около 300 жителей остаются в Константиновке, сообщил губернатор.", id="ru"),
])
def test_claims_civilians_staying_hold_nothing(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Residents remain in X": people who are no side's forces say nothing of who holds the
    town, whatever the verb would say of troops."""
    assert not any(place == "Kostyantynivka" for place, *_ in keys(extractor, text, lang))
