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
    pytest.param("uk", "Сили оборони зупинили просування ворога та продовжують контролювати село Степове.",
                 "Stepove", ("capture", "UA", "asserts"), id="go-on-holding-uk"),
])
def test_claims_verb_coordinated_with_a_repulse_is_its_own_act(extractor, lang: str, text: str, place: str,
                                                                 expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in readings(extractor, text, lang, place)


def test_claims_uk_parse_coordinates_verbs_and_completes_infinitives(extractor) -> None:  # type: ignore[no-untyped-def]
    """The Ukrainian dictionary marks an infinitive as a verb with a grammeme of its own; read
    as a finite verb, it was taken for a predicate. A finite verb after "та" is the first
    one's conjunct (an act of the same subject), an infinitive completes the verb before it,
    and infinitives after "та" are conjuncts of each other."""
    doc = extractor.pipeline("uk")("Сили оборони зупинили просування ворога та продовжують контролювати село. "
                                   "Окупанти намагалися прорватися та захопити село.")
    words = {t.text: t for t in doc}
    assert words["контролювати"].morph.get("VerbForm") == ["Inf"]
    assert (words["продовжують"].dep_, words["продовжують"].head.text) == ("conj", "зупинили")
    assert (words["контролювати"].dep_, words["контролювати"].head.text) == ("xcomp", "продовжують")
    assert (words["прорватися"].dep_, words["прорватися"].head.text) == ("xcomp", "намагалися")
    assert (words["захопити"].dep_, words["захопити"].head.text) == ("conj", "прорватися")
