"""A share of a region that a side holds ("75% of the region", "200 km2 in the region", "the
whole region") makes the region the claim's place: part of it is a presence, all of it a
capture. Few articles say it, too few for the weights to outweigh the many regions that only
locate a settlement, so the reading holds whatever the weights say (here a model that reads
no claim anywhere); a goal, a region that locates a settlement and a share said in another
clause are no such reading. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from test_claims_advance_in_region import decisions

pytestmark = pytest.mark.models


@pytest.mark.parametrize(("lang", "text", "region", "expected"), [
    pytest.param("en", "Russian troops now control most of the Luhansk region, the governor said.",
                 "Luhansk Oblast", ("presence", "RU", "asserts"), id="part-en"),
    pytest.param("fr", "Les forces ukrainiennes occupent plus de 500 km2 dans la région de Koursk.",
                 "Kursk Oblast", ("presence", "UA", "asserts"), id="part-fr"),
    pytest.param("fr", "En juillet, les troupes russes contrôlaient toute la région de Louhansk.",
                 "Luhansk Oblast", ("capture", "RU", "asserts"), id="whole-fr"),
    pytest.param("uk", "Російські війська контролюють більшу частину Луганської області.",
                 "Luhansk Oblast", ("presence", "RU", "asserts"), id="part-uk"),
    pytest.param("ru", "Украинские войска контролируют часть Курской области.",
                 "Kursk Oblast", ("presence", "UA", "asserts"), id="part-ru"),
])
def test_claims_share_of_a_region_held_is_a_claim_on_it(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, region: str, expected: tuple[str, str, str]) -> None:
    assert expected in decisions(extractor, text, lang, region)


@pytest.mark.parametrize(("lang", "text", "region"), [
    pytest.param("en", "Moscow wants to capture the whole of the Donetsk region this year.", "Donetsk Oblast",
                 id="goal-en"),
    pytest.param("en", "Russian troops control half of Kupiansk in the Kharkiv region, the ministry said.",
                 "Kharkiv Oblast", id="locator-en"),
    pytest.param("en", "Russian forces control a fifth of the country, though they do not fully hold the Kherson "
                       "region.", "Kherson Oblast", id="other-clause-en"),
])
def test_claims_share_of_a_region_wanted_or_locating_is_no_claim_by_itself(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, region: str) -> None:
    assert all(kind == "none" for kind, _, _ in decisions(extractor, text, lang, region))
