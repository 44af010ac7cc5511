"""A negation after "but" that follows the trigger belongs to the next clause, even where the
parse hangs it on the trigger: "the enemy is advancing on X, but has achieved nothing"
asserts the advance. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from claim_readings import readings

pytestmark = pytest.mark.models



@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("uk", "Ворог просувається до Покровська, але, крім великих втрат, нічого не досяг, "
                       "заявив командувач ЗСУ.", id="uk"),
    pytest.param("ru", "Противник продвигается к Покровску, но, кроме больших потерь, ничего не добился, "
                       "заявил командующий ВСУ.", id="ru"),
])
def test_claims_negation_after_but_does_not_deny_the_advance(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    found = readings(extractor, text, lang, "Pokrovsk")
    assert ("advance", "RU", "asserts") in found
    assert ("advance", "RU", "denies") not in found
