"""A denial that answers a statement without naming a claim word of its own: a clause that
answers the statement before it ("— a claim Kyiv denied"), or a sentence calling it
propaganda. The sentences are written for these tests."""

from __future__ import annotations

import pytest
from claim_readings import claims_in

pytestmark = pytest.mark.models


def keys(extractor, text: str, lang: str) -> set[tuple[str, str, str, str, str]]:  # type: ignore[no-untyped-def]
    return {(c.place.name, c.kind, c.actor, c.stance, c.source.side) for c in claims_in(extractor, text, lang)}


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Russia's defence ministry said its troops had captured Siversk — a claim that Kyiv "
                 "denied, accusing Moscow of exaggerating its gains.", "Siversk", id="answer-clause-en"),
])
def test_answering_clause_denies_the_statement_before_it(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    """The Russian statement stands, and the Ukrainian side denies it in the same sentence."""
    found = keys(extractor, text, lang)
    assert (place, "capture", "RU", "denies", "UA") in found


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Russian forces captured Kupiansk, the Russian defence ministry said. "
                 "The Ukrainian army said this was Russian propaganda.", "Kupyansk", id="propaganda-en"),
    pytest.param("ru", "Российские войска заняли Купянск, сообщило Минобороны России. "
                 "В ВСУ заявили, что это российская пропаганда.", "Kupyansk", id="propaganda-ru"),
    pytest.param("uk", "Російські війська захопили Купʼянськ, заявили в Міноборони РФ. "
                 "У ЗСУ заявили, що це російська пропаганда.", "Kupyansk", id="propaganda-uk"),
])
def test_calling_a_statement_propaganda_denies_it(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    """The sentence after the Russian statement names no claim word: it only calls the statement propaganda."""
    assert (place, "capture", "RU", "denies", "UA") in keys(extractor, text, lang)


def test_propaganda_introducing_a_claim_denies_nothing(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Russian propaganda claims ..." introduces the claim itself: no denial."""
    found = keys(extractor, "Russian propaganda claims that Russian troops captured Kupiansk.", "en")
    assert not any(stance == "denies" for _, _, _, stance, _ in found)


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "The town of Kupiansk is under the full control of the Ukrainian army, the General Staff "
                 "said. The claims about the capture of Kupiansk are false, the General Staff said.",
                 "Kupyansk", id="own-statement-en"),
    pytest.param("ru", "Село Кутьковка находится под полным контролем Сил обороны, сообщили в Генштабе ВСУ. "
                 "Информация о захвате Кутьковки является ложной, добавили в Генштабе ВСУ.",
                 "Kutkivka", id="own-statement-ru"),
])
def test_a_denial_does_not_answer_the_speakers_own_statement(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    """The General Staff said the place is Ukraine's, then denied its capture: what it denies
    is the other side's capture, not the holding it has just stated itself."""
    found = keys(extractor, text, lang)
    assert (place, "capture", "UA", "asserts", "UA") in found
    assert (place, "capture", "RU", "denies", "UA") in found
    assert (place, "capture", "UA", "denies", "UA") not in found
