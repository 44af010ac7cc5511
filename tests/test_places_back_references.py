"""Back-references are read wherever they stand, not only where a claim word stands.

"Russian troops are trying to storm Chasiv Yar. There is no enemy army in the city": the
second sentence makes no claim, but "the city" still means Chasiv Yar, and the extraction
records it so.
"""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def read_as(extractor, text: str, lang: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Each back-reference of the text with the place it was read as."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    return {(m.text, m.place.name) for m in next(extractor.extract([document])).references}


@pytest.mark.parametrize(("lang", "text", "reference", "place"), [
    pytest.param("en", "Russian troops are trying to storm Chasiv Yar. There is no enemy army in the city.",
                 "the city", "Chasiv Yar", id="en"),
    pytest.param("fr", "Les troupes russes tentent de prendre d'assaut Tchassiv Iar. Le canal traverse la ville "
                       "du nord au sud.", "la ville", "Chasiv Yar", id="fr"),
    pytest.param("uk", "Російські війська намагаються штурмувати Часів Яр. Канал знаходиться у східній частині "
                       "міста.", "міста", "Chasiv Yar", id="uk"),
    pytest.param("ru", "Российские войска пытаются штурмовать Часов Яр. Канал находится в восточной части "
                       "города.", "города", "Chasiv Yar", id="ru"),
])
def test_places_back_reference_outside_a_claim_sentence_is_read(extractor, lang: str, text: str,
                                                                 reference: str, place: str) -> None:  # type: ignore[no-untyped-def]
    assert (reference, place) in read_as(extractor, text, lang)



@pytest.mark.parametrize(("lang", "text", "reference"), [
    pytest.param("ru", "Российские войска зашли в Работино. Бои идут уже на улицах города.", "города", id="ru"),
    pytest.param("uk", "Російські війська зайшли в Роботине. Бої вже точаться на вулицях міста.", "міста",
                 id="uk"),
    pytest.param("en", "Russian troops entered Robotyne. Fighting is now under way in the streets of the city.",
                 "the city", id="en"),
])
def test_places_a_loose_size_word_still_means_the_only_settlement_named(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, reference: str) -> None:
    """A speaker may call a village "the city": with no other settlement named before, the
    size word does not leave the back-reference unread."""
    assert (reference, "Robotyne") in read_as(extractor, text, lang)


@pytest.mark.parametrize(("lang", "text", "reference"), [
    pytest.param("en", "Ukrainian troops crossed into the Kursk region in August. Moscow said its forces were "
                       "repelling attacks in the region.", "in the region", id="en"),
    pytest.param("fr", "Les troupes ukrainiennes sont entrées dans la région de Koursk en août. Moscou affirme "
                       "repousser les attaques dans la région.", "dans la région", id="fr"),
    pytest.param("uk", "Українські війська увійшли в Курську область у серпні. Москва заявляє, що відбиває "
                       "атаки в регіоні.", "в регіоні", id="uk"),
    pytest.param("ru", "Украинские войска вошли в Курскую область в августе. Москва заявляет, что отражает "
                       "атаки в регионе.", "в регионе", id="ru"),
])
def test_places_the_region_means_the_last_region_named(extractor, lang: str, text: str,
                                                      reference: str) -> None:  # type: ignore[no-untyped-def]
    """"in the region" without a name is the region named before it, not a town."""
    assert (reference, "Kursk Oblast") in read_as(extractor, text, lang)
