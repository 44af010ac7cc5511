"""A verb coordinated with a verb of resisting is an act of its own.

"Stopped the Russian offensive and recaptured X": the recapture is not what was stopped, so
it is neither covered by the repulse nor read as the other side's action.
"""

from __future__ import annotations

import pytest
from claim_readings import readings

pytestmark = pytest.mark.models



@pytest.mark.parametrize(("lang", "text", "place", "expected"), [
    pytest.param("en", "Ukrainian troops stopped the Russian offensive and recaptured Kupiansk, the General Staff "
                       "said.",
                 "Kupyansk", ("capture", "UA", "asserts"), id="recaptured-en"),
    pytest.param("en", "Ukrainian forces repelled the Russian assault and entered Kupiansk again.",
                 "Kupyansk", ("presence", "UA", "asserts"), id="entered-en"),
    pytest.param("fr", "Les forces ukrainiennes ont stoppé l'offensive russe et repris Koupiansk, selon l'état-major "
                       "ukrainien.", "Kupyansk", ("capture", "UA", "asserts"), id="repris-fr"),
])
def test_claims_verb_coordinated_with_a_repulse_is_its_own_act(extractor, lang: str, text: str, place: str,
                                                                 expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in readings(extractor, text, lang, place)
