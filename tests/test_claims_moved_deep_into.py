"""Moving "deep into" a town is entering it, as moving into it is: a presence. The sentences
are written for these tests."""

from __future__ import annotations

import pytest
from claim_readings import readings

pytestmark = pytest.mark.models


@pytest.mark.parametrize("text", [
    pytest.param("Russian troops moved deep into Chasiv Yar, the Ukrainian military said.", id="deep"),
    pytest.param("Russian troops have moved further into Chasiv Yar, the Ukrainian military said.", id="further"),
])
def test_claims_moved_deep_into_a_town_is_a_presence(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("presence", "RU", "asserts") in readings(extractor, text, "en", "Chasiv Yar")


def test_claims_moved_deep_into_the_town_and_fighting_there_are_two_claims(extractor) -> None:  # type: ignore[no-untyped-def]
    """One sentence, two claims of different kinds over one place."""
    text = ("The Russian army managed to move deep into Chasiv Yar, and street fighting continues in the town, "
            "the Ukrainian governor said.")
    found = readings(extractor, text, "en", "Chasiv Yar")
    assert ("presence", "RU", "asserts") in found
    assert ("fighting", "RU", "asserts") in found
