"""Moving "deep into" a town is entering it, as moving into it is: a presence. The sentences
are written for these tests."""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def readings(extractor, text: str, place: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Kind, actor and stance of every claim the English text makes about `place`."""
    document = Document(id="t", text=text, lang="en", published=PartialDate.parse("2025-02-07"))
    claims = next(extractor.extract([document])).claims
    return {(c.kind, c.actor, c.stance) for c in claims if c.place.name == place}


@pytest.mark.parametrize("text", [
    pytest.param("Russian troops moved deep into Chasiv Yar, the Ukrainian military said.", id="deep"),
    pytest.param("Russian troops have moved further into Chasiv Yar, the Ukrainian military said.", id="further"),
])
def test_claims_moved_deep_into_a_town_is_a_presence(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("presence", "RU", "asserts") in readings(extractor, text, "Chasiv Yar")


def test_claims_moved_deep_into_the_town_and_fighting_there_are_two_claims(extractor) -> None:  # type: ignore[no-untyped-def]
    """One sentence, two claims of different kinds over one place."""
    text = ("The Russian army managed to move deep into Chasiv Yar, and street fighting continues in the town, "
            "the Ukrainian governor said.")
    found = readings(extractor, text, "Chasiv Yar")
    assert ("presence", "RU", "asserts") in found
    assert ("fighting", "RU", "asserts") in found
