"""An advance whose clause ends in its failure ("is surging towards X, but has achieved
nothing") tells two things a reader records: the advance, and the repulse of the side that
advanced. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from claim_readings import readings

pytestmark = pytest.mark.models



@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "The enemy is advancing on Pokrovsk, but apart from heavy losses it has achieved nothing, "
                       "the Ukrainian commander said.", id="en"),
    pytest.param("fr", "L'ennemi avance vers Pokrovsk, mais à part de lourdes pertes, il n'a rien obtenu, "
                       "a déclaré le commandant ukrainien.", id="fr"),
    pytest.param("uk", "Ворог просувається до Покровська, але марно, крім великих втрат, заявив "
                       "командувач ЗСУ.", id="uk"),
    pytest.param("ru", "Противник продвигается к Покровску, но, кроме больших потерь, ничего не добился, "
                       "заявил командующий ВСУ.", id="ru"),
])
def test_claims_advance_that_achieved_nothing_is_also_repelled(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    found = readings(extractor, text, lang, "Pokrovsk")
    assert ("advance", "RU", "asserts") in found
    assert ("repelled", "RU", "asserts") in found
