"""French "y" before a form of "avoir" refers back to a place ("les combats qui y ont fait
rage"); only the existential "il y a" (and its tenses) and "y compris" do not."""

from __future__ import annotations

import pytest
from claim_readings import claims_in

pytestmark = pytest.mark.models


@pytest.mark.parametrize("text", [
    pytest.param("Les forces russes ont attaqué Vouhledar en octobre. Les combats qui y ont fait rage ont "
                 "détruit la moitié des maisons.", id="relative-clause"),
    pytest.param("Les forces russes ont attaqué Vouhledar en octobre. De violents combats y ont eu lieu "
                 "pendant des semaines.", id="main-clause"),
])
def test_claims_y_before_avoir_refers_back(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """The fight is read from the second sentence, about the town the first one names."""
    second = text.index(". ") + 2
    assert any(c.place.name == "Vuhledar" and c.kind == "fighting" and c.actor == "RU"
               and c.evidence_start >= second for c in claims_in(extractor, text, "fr"))
