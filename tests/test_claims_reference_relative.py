"""A relative clause on a place named as a reference point speaks of that place.

"The village lies 15 km south of Kupiansk, which Russian forces captured in 2022": Kupiansk
only locates the village, but the clause on it reports its capture.
"""

from __future__ import annotations

import pytest
from claim_readings import readings

pytestmark = pytest.mark.models



@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "The village lies 15 kilometres south of Kupiansk, which Russian forces captured in 2022.",
                 "Kupyansk", id="en"),
    pytest.param("fr", "Ce village se trouve à 15 kilomètres au sud de Koupiansk, qui avait été prise par les Russes "
                       "en 2022.", "Kupyansk", id="fr"),
    pytest.param("ru", "Село находится в 15 км от Покровска, который российские войска захватили в январе.",
                 "Pokrovsk", id="ru"),
    pytest.param("uk", "Село розташоване за 15 км від Покровська, який російські війська захопили в січні.",
                 "Pokrovsk", id="uk"),
])
def test_claims_relative_clause_on_a_reference_point_is_about_it(extractor, lang: str, text: str,
                                                                   place: str) -> None:  # type: ignore[no-untyped-def]
    assert ("capture", "RU", "asserts") in readings(extractor, text, lang, place)
