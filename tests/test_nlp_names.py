"""People's names in the nominative: where every inflected word's nominative is certain, and
as written where it is not (names written for these tests)."""

from __future__ import annotations

import pytest

from frontwatch.nlp.names import nominative_name
from frontwatch.records import Document, PartialDate


@pytest.mark.parametrize(("name", "lang", "text", "expected"), [
    pytest.param("Владимира Рогова", "ru", "", "Владимир Рогов", id="ru-dictionary-surname"),
    pytest.param("Назара Волошина", "uk", "", "Назар Волошин", id="uk-dictionary-surname"),
    pytest.param("Ганни Маляр", "uk", "", "Ганна Маляр", id="uk-indeclinable-surname"),
    pytest.param("Сергея Шойгу", "ru", "", "Сергей Шойгу", id="ru-indeclinable-surname"),
    pytest.param("Андрія Канашевича", "uk", "Канашевич спростував це.", "Андрій Канашевич",
                 id="uk-surname-the-article-writes"),
    pytest.param("Андрія Канашевича", "uk", "", "Андрія Канашевича", id="uk-guessed-surname-kept"),
    pytest.param("Сергія Лишенка", "uk", "", "Сергія Лишенка", id="uk-enko-surname-kept"),
    pytest.param("Олександра Сирського", "uk", "", "Олександра Сирського", id="uk-also-a-womans-name"),
    pytest.param("Олександра Сирського", "uk", "Олександр Сирський заявив про це.", "Олександр Сирський",
                 id="uk-the-article-tells-which"),
    pytest.param("Андрій Канашевич", "uk", "", "Андрій Канашевич", id="uk-nominative-stays"),
    pytest.param("Hanna Maliar", "en", "", "Hanna Maliar", id="en-no-dictionary"),
])
def test_nlp_name_in_the_nominative_only_where_certain(name: str, lang: str, text: str, expected: str) -> None:
    assert nominative_name(name, lang, text) == expected


@pytest.mark.models
def test_claims_source_first_named_in_the_genitive_is_shown_in_the_nominative(extractor) -> None:  # type: ignore[no-untyped-def]
    """Two articles naming one speaker in two cases give one source."""
    texts = ["За словами Андрія Канашевича, російські війська зайшли в Куп'янськ. Канашевич закликав "
             "жителів виїхати.",
             "Андрій Канашевич заявив, що російські війська зайшли в Куп'янськ."]
    documents = [Document(id=str(i), text=t, lang="uk", published=PartialDate.parse("2025-09-13"))
                 for i, t in enumerate(texts)]
    sources = {c.source.name for x in extractor.extract(documents) for c in x.claims if c.place.name == "Kupyansk"}
    assert sources == {"Андрій Канашевич"}
