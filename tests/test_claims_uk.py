"""Claim extraction end to end on short Ukrainian reports written for these tests."""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def uk_extractor():  # type: ignore[no-untyped-def]
    from frontwatch.claims import Extractor

    return Extractor()


def uk_claims(extractor, text: str, published: str = "2024-11-20"):  # type: ignore[no-untyped-def]
    document = Document(id="uk", text=text, lang="uk", published=PartialDate.parse(published))
    return next(extractor.extract([document])).claims


def keys(claims) -> set[tuple[str, str, str, str, str]]:  # type: ignore[no-untyped-def]
    return {(c.place.name, c.kind, c.actor, c.stance, c.source.side) for c in claims}


CASES = [
    pytest.param(
        "Російські окупанти захопили Торецьк, повідомляє DeepState.",
        ("Toretsk", "capture", "RU", "asserts", "third"),
        id="capture-occupiers-deepstate",
    ),
    pytest.param(
        "Генштаб ЗСУ спростував заяви окупантів про захоплення Часового Яру.",
        ("Chasiv Yar", "capture", "RU", "denies", "UA"),
        id="denial-inflected-place",
    ),
    pytest.param(
        "Українські захисники відбили штурм Торецька, повідомили в угрупованні «Хортиця».",
        ("Toretsk", "repelled", "RU", "asserts", "UA"),
        id="repelled-inflected-place",
    ),
    pytest.param(
        "За даними ISW, російські війська просуваються до Покровська.",
        ("Pokrovsk", "advance", "RU", "asserts", "third"),
        id="advance-according-to-isw",
    ),
    pytest.param(
        "Сили оборони звільнили Кліщіївку, заявив Олександр Сирський.",
        ("Klyshchiivka", "capture", "UA", "asserts", "UA"),
        id="liberation-person-source",
    ),
    pytest.param(
        "Ворог зайшов у Красноармійськ і закріпився на околицях міста, визнали в ЗСУ.",
        ("Pokrovsk", "presence", "RU", "asserts", "UA"),
        id="soviet-name-presence-admission",
    ),
    pytest.param(
        "«Так, Торецьк наш», — сказав речник угруповання «Хортиця».",
        ("Toretsk", "capture", "UA", "asserts", "UA"),
        id="the-town-is-ours",
    ),
    pytest.param(
        "За інформацією українських військових, окупанти штурмують Торецьк.",
        ("Toretsk", "fighting", "RU", "asserts", "UA"),
        id="according-to-ukrainian-military",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims_uk_expected_claim(uk_extractor, text: str, expected: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert expected in keys(uk_claims(uk_extractor, text))


def test_claims_uk_dismissal_is_no_liberation(uk_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Президент звільнив з посади командувача угруповання, яке воює під Торецьком."
    assert not [c for c in uk_claims(uk_extractor, text) if c.kind == "capture"]


def test_claims_uk_origin_is_not_target(uk_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Окупанти атакують Вовчанськ з боку Бєлгорода, повідомили в Генштабі."
    found = keys(uk_claims(uk_extractor, text))
    assert ("Vovchansk", "fighting", "RU", "asserts", "UA") in found
    assert not [k for k in found if k[0] == "Belgorod"]


def test_claims_uk_list_shares_trigger(uk_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Окупанти захопили Торецьк, Часів Яр та Покровськ, повідомляє DeepState."
    found = keys(uk_claims(uk_extractor, text))
    for place in ("Toretsk", "Chasiv Yar", "Pokrovsk"):
        assert (place, "capture", "RU", "asserts", "third") in found


def test_claims_uk_addressee_is_not_the_speaker(uk_extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Ворог зайшов у Торецьк. Про це Суспільному повідомив речник "
            "угруповання «Хортиця».")
    claims = uk_claims(uk_extractor, text)
    assert {(c.place.name, c.kind, c.source.name) for c in claims} == {
        ("Toretsk", "presence", "Ukrainian military")
    }


def test_claims_uk_about_this_names_the_previous_speaker(uk_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Російські війська увійшли до Торецька.\nПро це повідомив Генштаб ЗСУ."
    claims = uk_claims(uk_extractor, text)
    assert [(c.kind, c.actor, c.source.name) for c in claims] == [
        ("presence", "RU", "Ukrainian General Staff")
    ]
