"""Whoever thanks or congratulates is the speaker; the thanked are not."""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def extractor():  # type: ignore[no-untyped-def]
    from frontwatch.claims import Extractor

    return Extractor()


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "Le président Volodymyr Zelensky a remercié les militaires ukrainiens qui ont libéré Izioum.",
                 id="fr"),
    pytest.param("en", "President Volodymyr Zelensky thanked the Ukrainian military, which liberated Izium.", id="en"),
])
def test_the_thanked_unit_is_not_the_speaker(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2022-09-12"))
    claims = next(extractor.extract([document])).claims
    assert claims
    assert {c.source.name for c in claims} == {"Volodymyr Zelensky"}
