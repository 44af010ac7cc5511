"""Where a clause or a list ends, with sentences written for these tests.

A short phrase in quotation marks inside a clause does not end it: what the clause says
before the quote (a condition, a part of the place) still reaches the words after it. A
region that locates the settlement before it does not end a list of settlements either: the
next settlement is listed with the one the region locates, not with the region.
"""

from __future__ import annotations

import pytest
from claim_readings import readings

from frontwatch.claims.candidates import inline_quotes_blanked

pytestmark = pytest.mark.models


def test_inline_quotes_blanked_keeps_a_quoted_statement() -> None:
    """A scare-quoted phrase loses its marks, offsets kept; a quoted statement keeps them."""
    scare = 'Les gains créent des « conditions favorables » à la prise de la ville.'
    assert inline_quotes_blanked(scare) == scare.replace("«", " ").replace("»", " ")
    statement = "« Nous avons repris la ville », a déclaré le commandant."
    assert inline_quotes_blanked(statement) == statement


def test_claims_a_condition_reaches_past_a_scare_quote(extractor) -> None:  # type: ignore[no-untyped-def]
    """« des conditions favorables » à la prise de X: a condition for a capture, no capture."""
    text = "Le général a affirmé que ces gains créaient des « conditions favorables » à la prise de Kramatorsk."
    assert not {kind for kind, _, _ in readings(extractor, text, "fr", "Kramatorsk")} & {"capture", "presence"}


def test_claims_a_quoted_part_of_the_place_is_a_presence(extractor) -> None:  # type: ignore[no-untyped-def]
    """Having "liberated the central district" of a town is a presence in it, not its capture."""
    text = 'Russian troops have "liberated the central district" of the town of Pokrovsk, the ministry said.'
    found = readings(extractor, text, "en", "Pokrovsk")
    assert ("presence", "RU", "asserts") in found
    assert ("capture", "RU", "asserts") not in found


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("ru", "Российские войска продвинулись в районах Красноармейска в ДНР и Купянска в Харьковской "
                       "области.", id="ru-v-dnr"),
    pytest.param("ru", "Начальник Генштаба доложил о продвижении войск в районах населенных пунктов Красноармейск "
                       "в ДНР и Купянск в Харьковской области.", id="ru-noun-list"),
    pytest.param("en", "Russian forces advanced near Pokrovsk in the Donetsk region and Kupiansk in the Kharkiv "
                       "region.", id="en-verb"),
    pytest.param("en", "Gerasimov reported advances in the areas of Pokrovsk in the Donetsk region and Kupiansk "
                       "in the Kharkiv region.", id="en-noun"),
    pytest.param("fr", "Gerasimov a fait état d'avancées dans les secteurs de Pokrovsk, dans la région de Donetsk, "
                       "et de Koupiansk, dans la région de Kharkiv.", id="fr-noun"),
])
def test_claims_a_locating_region_does_not_start_a_list(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"X в ДНР и Y в Харьковской области": Y is listed with X, near which the advance is, not
    with the region, inside which it would be."""
    found = readings(extractor, text, lang, "Kupyansk")
    assert ("advance", "RU", "asserts") in found
    assert ("presence", "RU", "asserts") not in found
