"""A region named as the far side of a border ("near the border with the X region") only
says where the border runs: no claim lands on it, not even the fixed reading of a side
advancing in a region. The border of a region is its own edge: a side advancing to it
advances in the region. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from claim_readings import readings
from test_claims_advance_in_region import decisions

pytestmark = pytest.mark.models


@pytest.mark.parametrize(("lang", "text", "region"), [
    pytest.param("en", "Near the border with the Donetsk and Zaporizhzhia regions, Russian forces advanced in the "
                       "Dnipropetrovsk region.", "Donetsk Oblast", id="en-list"),
    pytest.param("fr", "Les forces russes ont progressé dans la région de Dnipropetrovsk, à la frontière avec "
                       "l'oblast de Donetsk.", "Donetsk Oblast", id="fr"),
    pytest.param("uk", "Окупанти просунулися в Дніпропетровській області, неподалік кордону з Запорізькою та "
                       "Донецькою областями.", "Donetsk Oblast", id="uk-list"),
    pytest.param("uk", "Окупанти просунулися на Дніпропетровщині, біля межі з Донецькою областю.",
                 "Donetsk Oblast", id="uk"),
    pytest.param("ru", "Российские войска продвинулись в Днепропетровской области у границы с Донецкой областью.",
                 "Donetsk Oblast", id="ru"),
])
def test_claims_far_side_of_a_border_is_no_place_of_the_claim(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, region: str) -> None:
    assert all(kind != "advance" for kind, _, _ in decisions(extractor, text, lang, region))
    assert not readings(extractor, text, lang, region)
    assert ("advance", "RU", "asserts") in readings(extractor, text, lang, "Dnipropetrovsk Oblast")


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("ru", "Российские войска продвигаются к западным границам Донецкой области.", id="ru"),
    pytest.param("en", "Russian forces advanced toward the administrative border of the Donetsk region.", id="en"),
])
def test_claims_advancing_to_a_regions_own_border_is_an_advance_in_it(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    assert ("advance", "RU", "asserts") in readings(extractor, text, lang, "Donetsk Oblast")
