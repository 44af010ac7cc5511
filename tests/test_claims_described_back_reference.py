"""An English back-reference may describe the town it stands for ("the coal-mining town",
"the small eastern town"): any words between "the" and the noun, not a fixed list of them.
A relative "that" before a verb is no demonstrative ("the unit that captured the city")."""

from __future__ import annotations

import pytest
from claim_readings import claims_in

pytestmark = pytest.mark.models


@pytest.mark.parametrize(("text", "place", "kind"), [
    pytest.param("Russian troops attacked Vuhledar for months. On Tuesday they captured the "
                 "coal-mining town after Ukraine pulled its brigades out.", "Vuhledar", "capture",
                 id="compound-description"),
    pytest.param("Heavy fighting went on near Siversk. Russian units entered the small eastern town "
                 "on Monday, the governor said.", "Siversk", "presence", id="two-adjectives"),
])
def test_claims_described_back_reference_stands_for_the_town(  # type: ignore[no-untyped-def]
        extractor, text: str, place: str, kind: str) -> None:
    second = text.index(". ") + 2
    assert any(c.place.name == place and c.kind == kind and c.actor == "RU" and c.evidence_start >= second
               for c in claims_in(extractor, text, "en"))


def test_claims_relative_that_is_no_back_reference(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Russian troops attacked Vuhledar for months. The brigade that captured the city of "
            "Kurakhove was sent north.")
    found = claims_in(extractor, text, "en")
    assert any(c.place.name == "Kurakhove" and c.kind == "capture" for c in found)
    assert not any(c.place.name == "Vuhledar" and c.kind == "capture" for c in found)
