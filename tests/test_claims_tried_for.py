"""A place an attempt argues is only tried for, whichever trigger reaches it.

The sentences are written for these tests. In "entered X and tried to advance towards Y", Y
is the argument of the attempt: "entered" reaches it across the clause boundary, and must
not make a presence of it. A place the other trigger takes as its own argument ("entered X")
keeps that trigger's reading.
"""

from __future__ import annotations

import pytest
from claim_readings import readings

pytestmark = pytest.mark.models


@pytest.mark.parametrize(("lang", "text", "entered", "tried"), [
    pytest.param("en", "The occupiers entered Hrabovske and tried to advance towards Riasne.",
                 "Hrabovske", "Riasne", id="en-advance"),
    pytest.param("ru", "Российские войска вошли в Грабовское и пытались продвинуться к Рясному.",
                 "Hrabovske", "Riasne", id="ru-advance"),
    pytest.param("uk", "Окупанти зайшли в Грабовське і намагалися просунутися в бік Рясного.",
                 "Hrabovske", "Riasne", id="uk-advance"),
])
def test_claims_place_tried_for_is_not_entered(extractor, lang: str, text: str, entered: str,  # type: ignore[no-untyped-def]
                                               tried: str) -> None:
    assert ("presence", "RU", "asserts") in readings(extractor, text, lang, entered)
    assert ("presence", "RU", "asserts") not in readings(extractor, text, lang, tried)


def test_claims_place_tried_for_is_not_captured(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Russian troops captured Pishchane and are trying to break into Kupiansk."
    assert ("capture", "RU", "asserts") in readings(extractor, text, "en", "Pishchane")
    assert ("capture", "RU", "asserts") not in readings(extractor, text, "en", "Kupyansk")
    assert ("fighting", "RU", "asserts") in readings(extractor, text, "en", "Kupyansk")
