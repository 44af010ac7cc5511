"""Claim extraction end to end on short Russian reports written for these tests."""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def ru_extractor():  # type: ignore[no-untyped-def]
    from frontwatch.claims import Extractor

    return Extractor()


def ru_claims(extractor, text: str, published: str = "2024-02-18"):  # type: ignore[no-untyped-def]
    document = Document(id="ru", text=text, lang="ru", published=PartialDate.parse(published))
    return next(extractor.extract([document])).claims


def keys(claims) -> set[tuple[str, str, str, str, str]]:  # type: ignore[no-untyped-def]
    return {(c.place.name, c.kind, c.actor, c.stance, c.source.side) for c in claims}


CASES = [
    pytest.param(
        "Минобороны России сообщило, что российские войска освободили Артемовск.",
        ("Bakhmut", "capture", "RU", "asserts", "RU"),
        id="soviet-name-ministry",
    ),
    pytest.param(
        "В ВСУ опровергли сообщения о захвате Марьинки российской армией.",
        ("Mar'yinka", "capture", "RU", "denies", "UA"),
        id="denial-inflected-place",
    ),
    pytest.param(
        "Как сообщает Генштаб ВСУ, украинские защитники отразили штурм Дзержинска.",
        ("Toretsk", "repelled", "RU", "asserts", "UA"),
        id="repelled-soviet-name",
    ),
    pytest.param(
        "По данным «Рыбаря», ВСУ вошли в Суджу и закрепились на окраинах.",
        ("Sudzha", "presence", "UA", "asserts", "RU"),
        id="presence-milblogger",
    ),
    pytest.param(
        "Российские подразделения продвигаются к Часову Яру, пишет ISW.",
        ("Chasiv Yar", "advance", "RU", "asserts", "third"),
        id="advance-isw",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_claims_ru_expected_claim(ru_extractor, text: str, expected: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert expected in keys(ru_claims(ru_extractor, text))


def test_claims_ru_pro_russian_narrator(ru_extractor) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Киевский режим продолжает бросать в бой резервы.\n"
        "Подразделения группировки войск «Центр» полностью освободили Красноармейск.\n"
        "Противник понес большие потери, его остатки отступают."
    )
    found = ru_claims(ru_extractor, text)
    assert ("Pokrovsk", "capture", "RU", "asserts", "RU") in keys(found)
    assert {c.source.name for c in found if c.place.name == "Pokrovsk"} >= {"narrator"}


def test_claims_ru_dismissal_is_no_liberation(ru_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Президент освободил от должности командующего группировкой, воевавшей под Херсоном."
    assert not [c for c in ru_claims(ru_extractor, text) if c.kind == "capture"]


def test_claims_ru_origin_is_not_target(ru_extractor) -> None:  # type: ignore[no-untyped-def]
    text = "ВСУ атаковали Суджу со стороны Сум, сообщили в Минобороны России."
    found = keys(ru_claims(ru_extractor, text))
    assert ("Sudzha", "fighting", "UA", "asserts", "RU") in found
    assert not [k for k in found if k[0] == "Sumy"]
