"""Who a claim is attributed to: titles that give a side, quotes, pronouns, background sentences.

Short reports written for these tests; each checks the source a reader would expect.
"""

from __future__ import annotations

import pytest

from frontwatch.claims.attribution import attribute, registry_hits
from frontwatch.claims.lexicon import load_lexicon
from frontwatch.records import Document, PartialDate, Source


def claims_of(extractor, text: str, lang: str):  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2024-10-14"))
    return next(extractor.extract([document])).claims


def sources_of(extractor, text: str, lang: str, place: str, kind: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return {(c.source.name, c.source.side) for c in claims_of(extractor, text, lang)
            if c.place.name == place and c.kind == kind}


def sides_of(extractor, text: str, lang: str, place: str, kind: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {side for _, side in sources_of(extractor, text, lang, place, kind)}


TITLES = [
    pytest.param(
        "en",
        "Mykola Bondar, head of the Pokrovsk city military administration, said on Monday that Russian "
        "troops had entered the eastern outskirts of Pokrovsk.",
        "Pokrovsk", "presence",
        id="en-city-military-administration",
    ),
    pytest.param(
        "en",
        "Iryna Kovalchuk, press secretary of the Kostiantynivka community, said fierce fighting was under "
        "way in Chasiv Yar.",
        "Chasiv Yar", "fighting",
        id="en-community-spokesperson",
    ),
    pytest.param(
        "fr",
        "Mykola Bondar, chef de l'administration militaire de la ville, a déclaré lundi que les troupes "
        "russes étaient entrées dans les faubourgs de Pokrovsk.",
        "Pokrovsk", "presence",
        id="fr-administration-militaire",
    ),
]


@pytest.mark.models
@pytest.mark.parametrize(("lang", "text", "place", "kind"), TITLES)
def test_attribution_title_names_a_ukrainian_office(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                    place: str, kind: str) -> None:
    assert sides_of(extractor, text, lang, place, kind) == {"UA"}


@pytest.mark.models
def test_attribution_quoted_group_name_in_a_title(extractor) -> None:  # type: ignore[no-untyped-def]
    """The quotes around "Tavria" do not hide that its spokesman speaks for Ukraine."""
    text = ("Ukrainian units pulled back from a village near Kurakhove, Taras Melnyk, spokesman for the "
            "“Tavria” operational group, said on television.\n\n"
            "Melnyk said that Russian forces had entered the southern part of Kurakhove.")
    assert sides_of(extractor, text, "en", "Kurakhove", "presence") == {"UA"}


@pytest.mark.models
def test_attribution_straight_quotes_over_sentences(extractor) -> None:  # type: ignore[no-untyped-def]
    """A quote opened with a plain '"' runs until the next one, where its speaker is named."""
    text = ('"We had to pull our soldiers back. Nobody is left behind. The Russians have entered the '
            'eastern districts of Lysychansk. Our lines hold," Haidai said.')
    assert sources_of(extractor, text, "en", "Lysychansk", "presence") == {("Serhiy Haidai", "UA")}


@pytest.mark.models
def test_attribution_quote_closed_without_a_name_keeps_later_speakers_out(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('"Part of Huliaipole is held by Russian forces," one soldier said. '
            "According to Russia's defence ministry, its forces also advanced towards Stepnohirsk.")
    assert sides_of(extractor, text, "en", "Hulyaypole", "presence") == {"third"}
    assert sides_of(extractor, text, "en", "Stepnohirsk", "advance") == {"RU"}


@pytest.mark.models
def test_attribution_paraphrase_between_two_quotes_of_one_speaker(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ('"Our troops moved to new positions," Haidai said.\n\n'
            "The Russians are advancing on Lysychansk from two directions.\n\n"
            '"The city is hard to storm," he added.')
    assert sources_of(extractor, text, "en", "Lysychansk", "advance") == {("Serhiy Haidai", "UA")}


@pytest.mark.models
def test_attribution_pronoun_with_an_adverb_before_its_verb(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("« Nos unités tiennent tout Soledar », a déclaré Evguéni Prigojine.\n\n"
            "Il a toutefois ajouté que des combats se poursuivaient à Bakhmout.")
    assert sources_of(extractor, text, "fr", "Bakhmut", "fighting") == {("Wagner Group", "RU")}


@pytest.mark.models
def test_attribution_background_sentence_is_the_outlets(extractor) -> None:  # type: ignore[no-untyped-def]
    """"This means…" comments on what was said: the speaker before it is not carried into it."""
    text = ("Генштаб ВСУ сообщил, что российские войска вошли в Купянск. "
            "Это означает, что Купянск, захваченный в 2022 году, снова под угрозой.")
    assert sources_of(extractor, text, "ru", "Kupyansk", "capture") == {("narrator", "third")}


def speakers_of(text: str, sentences: list[tuple[int, int]], lang: str = "en") -> list[str]:
    lex = load_lexicon(lang)
    registry = [registry_hits(text[start:end], lex, start) for start, end in sentences]
    return [source.name for source, _ in attribute(text, sentences, [], lex, Source.narrator("third"), registry)]


def test_attribution_carries_a_speaker_to_the_next_sentence_but_not_into_a_comment() -> None:
    """The same rules on hand-made sentence spans, without the parsing models."""
    text = "Serhiy Haidai said the town held. The enemy keeps shelling it."
    assert speakers_of(text, [(0, 33), (34, len(text))]) == ["Serhiy Haidai", "Serhiy Haidai"]
    text = "Serhiy Haidai said the town held. This means the front is stable."
    assert speakers_of(text, [(0, 33), (34, len(text))]) == ["Serhiy Haidai", "narrator"]


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
