"""A named side advancing in a region advances there: the region is the advance's own
argument. Few articles say it, too few for the weights to learn it, so the reading holds
whatever the weights say: here a model that reads no claim anywhere. The sentences are
written for these tests."""

from __future__ import annotations

import pytest

from frontwatch.claims.model import ClaimModel, LinearModel
from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models

NO_CLAIM_ANYWHERE = ClaimModel(LinearModel(("advance", "capture", "none"), {}, (0.0, 0.0, 4.0)),
                               LinearModel(("RU", "UA"), {}, (0.0,)))
"""Weights that put every candidate far under the threshold."""


def decisions(extractor, text: str, lang: str, place: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Kind, actor and stance the model above decides for each candidate about `place`."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    candidates = next(extractor.candidates([document]))[1]
    return {(kind, actor, stance) for c, (kind, _, actor, stance, _) in
            zip(candidates, NO_CLAIM_ANYWHERE.decide_all(candidates), strict=True)
            if c.target.mention.place.name == place}


@pytest.mark.parametrize(("lang", "text", "region", "actor"), [
    pytest.param("en", "Russian troops have advanced in the Dnipropetrovsk region over the past week, analysts said.",
                 "Dnipropetrovsk Oblast", "RU", id="en"),
    pytest.param("fr", "Les soldats ukrainiens ont progressé de dix kilomètres dans la région de Koursk, selon Kyiv.",
                 "Kursk Oblast", "UA", id="fr"),
    pytest.param("uk", "За даними аналітиків, російські війська просунулися у Запорізькій області.",
                 "Zaporizhzhia Oblast", "RU", id="uk"),
    pytest.param("ru", "Украинские войска продвинулись в Курской области, сообщили в Киеве.",
                 "Kursk Oblast", "UA", id="ru"),
])
def test_claims_side_advancing_in_a_region_is_an_advance_there(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, region: str, actor: str) -> None:
    assert ("advance", actor, "asserts") in decisions(extractor, text, lang, region)


@pytest.mark.parametrize(("lang", "text", "region"), [
    pytest.param("uk", "Українські війська просунулися у Курську область, повідомив Генштаб.", "Kursk Oblast",
                 id="incursion-uk"),
    pytest.param("en", "Russian forces advanced near Stepove, a village in the Dnipropetrovsk region.",
                 "Dnipropetrovsk Oblast", id="locator-en"),
    pytest.param("en", "If Russian troops advance in the Sumy region, the city will be cut off.", "Sumy Oblast",
                 id="condition-en"),
])
def test_claims_region_entered_locating_or_supposed_is_no_advance_there(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, region: str) -> None:
    assert all(kind != "advance" for kind, _, _ in decisions(extractor, text, lang, region))
