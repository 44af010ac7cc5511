"""Claim extraction end to end on short French and English articles written for these tests."""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def claims_of(extractor, text: str, lang: str, published: str = "2025-02-07"):  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse(published))
    extraction = next(extractor.extract([document]))
    return extraction.claims


def keys(claims) -> set[tuple[str, str, str, str, str]]:  # type: ignore[no-untyped-def]
    return {(c.place.name, c.kind, c.actor, c.stance, c.source.side) for c in claims}


CASES = [
    pytest.param(
        "fr",
        "«Nos unités ont libéré la ville de Dzerjinsk», a annoncé vendredi le ministère russe de la Défense.",
        ("Toretsk", "capture", "RU", "asserts", "RU"),
        id="fr-soviet-name-attribution-after-quote",
    ),
    pytest.param(
        "fr",
        "Des unités russes sont entrées dans le quartier est de Toretsk, a reconnu l'état-major ukrainien.",
        ("Toretsk", "presence", "RU", "asserts", "UA"),
        id="fr-partial-presence-admission",
    ),
    pytest.param(
        "fr",
        "Selon DeepState, les troupes russes avancent vers Kostiantynivka.",
        ("Kostyantynivka", "advance", "RU", "asserts", "third"),
        id="fr-selon-advance",
    ),
    pytest.param(
        "fr",
        "L'état-major ukrainien a indiqué avoir repoussé douze assauts russes près de Pokrovsk.",
        ("Pokrovsk", "repelled", "RU", "asserts", "UA"),
        id="fr-repelled",
    ),
    pytest.param(
        "fr",
        "Des combats acharnés se déroulent à Tchassiv Iar depuis des semaines.",
        ("Chasiv Yar", "fighting", "RU", "asserts", "third"),
        id="fr-fighting-french-spelling",
    ),
    pytest.param(
        "fr",
        "La ville de Koupiansk n'est pas sous le contrôle des forces russes, a assuré le gouverneur.",
        ("Kupyansk", "capture", "RU", "denies", "UA"),
        id="fr-denial",
    ),
    pytest.param(
        "fr",
        "Les soldats ukrainiens tiennent Vovtchansk. La ville n'est pas tombée, a déclaré un porte-parole ukrainien.",
        ("Vovchansk", "capture", "RU", "denies", "UA"),
        id="fr-coreference-la-ville",
    ),
    pytest.param(
        "en",
        "Russia's defence ministry said on Thursday its forces had captured Krasnoarmeysk.",
        ("Pokrovsk", "capture", "RU", "asserts", "RU"),
        id="en-soviet-name",
    ),
    pytest.param(
        "en",
        "Ukraine's General Staff denied that Russian troops had taken control of Chasiv Yar.",
        ("Chasiv Yar", "capture", "RU", "denies", "UA"),
        id="en-denial",
    ),
    pytest.param(
        "en",
        "Russian forces are advancing towards Kurakhove, according to the Institute for the Study of War.",
        ("Kurakhove", "advance", "RU", "asserts", "third"),
        id="en-according-to",
    ),
    pytest.param(
        "en",
        '"The town is still ours and our troops hold their positions," a Ukrainian brigade spokesman said of Toretsk.',
        ("Toretsk", "presence", "UA", "asserts", "UA"),
        id="en-quote-then-attribution",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), CASES)
def test_claims_extract_finds_the_claim(extractor, lang: str, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in keys(claims_of(extractor, text, lang))


def test_claims_extract_ambiguous_village_resolved_by_neighbours(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("DeepState indique que les villages de Pivnichne, Zalizne et Droujba, à l'est de Toretsk, "
            "sont désormais aux mains des Russes.")
    found = {c.place.geonameid: c for c in claims_of(extractor, text, "fr")}
    assert 9114074 in found, "the Druzhba next to Toretsk, not one of the other twenty"
    assert (found[9114074].kind, found[9114074].actor, found[9114074].source.name) == ("capture", "RU", "DeepState")


def test_claims_extract_hypothetical_is_not_a_claim(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Si les forces russes parviennent à s'emparer de Kramatorsk, la route de Sloviansk serait coupée."
    assert not [c for c in claims_of(extractor, text, "fr") if c.kind == "capture"]


def test_claims_extract_relative_dates_resolve_against_publication(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Le ministère russe de la Défense a revendiqué vendredi la prise de Toretsk. "
            "La ville de Vougledar était tombée en octobre 2024.")
    dated = {c.place.name: str(c.date) for c in claims_of(extractor, text, "fr", published="2025-02-10")}
    assert dated["Toretsk"] == "2025-02-07"
    assert dated["Vuhledar"] == "2024-10"


def test_claims_extract_evidence_span_points_into_the_text(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Titre\n\nLes troupes russes ont pris le contrôle de Kourakhové, a indiqué Moscou. Rien d'autre."
    claims = claims_of(extractor, text, "fr")
    assert claims
    for claim in claims:
        assert text[claim.evidence_start:claim.evidence_end] == claim.evidence
        assert claim.place_mention in text


def test_claims_extract_version_changes_with_lexicons(extractor) -> None:  # type: ignore[no-untyped-def]
    assert extractor.version.startswith("0.")
    assert "+" in extractor.version


def test_claims_extract_dateline_gives_the_day_of_a_month_dated_page(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "KYIV, 10 juin - Les troupes russes avancent vers Lyssytchansk, selon l'état-major ukrainien."
    claims = claims_of(extractor, text, "fr", published="2022-06")
    assert {str(c.date) for c in claims if c.place.name == "Lysychansk"} == {"2022-06-10"}


def test_claims_extract_url_gives_the_day_of_a_month_dated_page(extractor) -> None:  # type: ignore[no-untyped-def]
    """Stated to be of April 2023, the page's URL says 3 April (a Monday): "jeudi" is 30 March,
    as it would be had the page gone through ingestion."""
    document = Document(id="t", text="Jeudi, les forces russes ont pris le contrôle de Bakhmout, a annoncé Moscou.",
                        lang="fr", url="https://x.example/monde/2023/04/03/bakhmout",
                        published=PartialDate(2023, 4))
    claims = next(extractor.extract([document])).claims
    assert claims and {str(c.date) for c in claims if c.place.name == "Bakhmut"} == {"2023-03-30"}


def test_claims_extract_unattributed_denial_answers_the_earlier_claim(extractor) -> None:  # type: ignore[no-untyped-def]
    """A brigade calling its own side's announcement premature denies a Ukrainian capture."""
    text = ("« Klichtchiïvka est à nous », a annoncé l'état-major ukrainien. "
            "« L'annonce de la prise de Klichtchiïvka est prématurée », a répondu la 3e brigade d'assaut ukrainienne.")
    found = keys(claims_of(extractor, text, "fr"))
    assert ("Klyshchiivka", "capture", "UA", "asserts", "UA") in found
    assert ("Klyshchiivka", "capture", "UA", "denies", "UA") in found
    assert not [k for k in found if k[2] == "RU"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Les avions russes ont pris pour cible la zone autour de Koupiansk."),
        ("fr", "Moscou dit tenir désormais la route menant de Kostiantynivka à Droujkivka."),
        ("en", "Soldiers who took part in the battle of Bakhmut were decorated."),
        ("en", "Russia cut the highway linking Kostiantynivka and Druzhkivka."),
        ("en", "Lying on a key railway line, Ocheretyne holds great strategic value for both armies."),
    ],
)
def test_claims_extract_phrases_that_claim_nothing(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    found = keys(claims_of(extractor, text, lang))
    assert not [k for k in found if k[1] == "capture"], found


def test_claims_extract_article_relaying_one_source(extractor) -> None:  # type: ignore[no-untyped-def]
    """A report that opens with "X stated this" speaks for X where it names no one else."""
    text = ("The Khortytsia group stated this on Telegram.\n\n"
            "Russian forces have entered the eastern part of Siversk.\n\n"
            "Recall that Russia had earlier claimed the capture of Soledar.")
    found = {(c.place.name, c.kind, c.source.name) for c in claims_of(extractor, text, "en")}
    assert ("Siversk", "presence", "Ukrainian military") in found
    assert ("Soledar", "capture", "narrator") in found or ("Soledar", "capture", "Russian Ministry of Defence") in found


def test_claims_extract_quote_over_sentences_belongs_to_whoever_closes_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Russia's defence ministry claimed its troops had entered Kupiansk. "
            "“The invaders failed to enter Kupiansk. The town stays under our control,” "
            "Oleksandr Petrenko, a Ukrainian military spokesman, said.\n\n"
            "Petrenko said that fighting continues in Kupiansk.")
    claims = claims_of(extractor, text, "en")
    assert {c.place.name for c in claims} == {"Kupyansk"}, "a spokesman's surname is no village"
    found = {(c.kind, c.actor, c.stance, c.source.side) for c in claims}
    assert ("presence", "RU", "asserts", "RU") in found
    assert ("repelled", "RU", "asserts", "UA") in found
    assert ("capture", "UA", "asserts", "UA") in found
    assert ("fighting", "RU", "asserts", "UA") in found


def test_claims_extract_source_described_in_apposition(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "DeepState, a Ukrainian military monitoring project, said a column of Russian men had entered Siversk."
    found = keys(claims_of(extractor, text, "en"))
    assert ("Siversk", "presence", "RU", "asserts", "third") in found


def test_claims_extract_name_after_that_is_no_speaker(extractor) -> None:  # type: ignore[no-untyped-def]
    """'…claimed that Moscow's troops had entered X': Moscow is the actor, not the one who claims."""
    text = "The Ukrainian military claimed on Monday that Moscow's troops had entered Siversk."
    claims = claims_of(extractor, text, "en")
    assert [(c.kind, c.actor, c.source.side) for c in claims] == [("presence", "RU", "UA")]


def test_claims_extract_denial_answered_with_own_account(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("L'armée ukrainienne a démenti ces informations, assurant que Siversk "
            "était toujours sous le contrôle des forces de Kyiv.")
    found = keys(claims_of(extractor, text, "fr"))
    assert ("Siversk", "capture", "UA", "asserts", "UA") in found
    assert ("Siversk", "capture", "RU", "denies", "UA") in found
    assert ("Siversk", "capture", "UA", "denies", "UA") not in found


def test_claims_extract_town_still_ours_over_there(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Les Russes affirment avoir pris Siversk. « La situation là-bas est difficile, les combats "
            "continuent, mais la ville reste ukrainienne », a déclaré un porte-parole de l'armée ukrainienne.")
    found = keys(claims_of(extractor, text, "fr"))
    assert ("Siversk", "fighting", "RU", "asserts", "UA") in found
    assert ("Siversk", "capture", "UA", "asserts", "UA") in found


def test_claims_extract_list_with_dates_and_capture_subsumes_fighting(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Les opérations offensives ont permis la capture des villes de Siversk en mai 2025 "
            "et de Lyman en septembre 2025.")
    claims = claims_of(extractor, text, "fr", published="2025-11-02")
    found = {(c.place.name, c.kind, str(c.date)) for c in claims}
    assert found == {("Siversk", "capture", "2025-05"), ("Lyman", "capture", "2025-09")}


def test_claims_extract_occupied_implies_russian_forces(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("“At least six launchers left the occupied Starobilsk,” the Luhansk governor, "
            "a Ukrainian official, said. The Defence Forces of Ukraine still hold part of Siversk.")
    found = keys(claims_of(extractor, text, "en"))
    assert ("Starobilsk", "capture", "RU", "asserts", "UA") in found
    assert any(k[0] == "Siversk" and k[2] == "UA" for k in found)
    assert not any(k[0] == "Siversk" and k[1] == "fighting" for k in found), "'Defence Forces' is a name"


def test_claims_extract_possessive_names_the_speakers_forces(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Au terme d'une longue occupation russe, les forces ukrainiennes ont célébré leur entrée "
            "dans Siversk, selon l'état-major ukrainien.")
    found = keys(claims_of(extractor, text, "fr"))
    assert ("Siversk", "presence", "UA", "asserts", "UA") in found
    assert not [k for k in found if k[1] == "presence" and k[2] == "RU"]


def test_claims_extract_title_without_name_refers_to_last_speaker(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Le chef d'état-major russe, Valéri Guérassimov, a affirmé que ses troupes avançaient. "
            "Le général a en outre assuré que ses unités contrôlaient 70% de Siversk.")
    claims = claims_of(extractor, text, "fr")
    siversk = [(c.kind, c.actor, c.source.side) for c in claims if c.place.name == "Siversk"]
    assert siversk == [("presence", "RU", "RU")]


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("en", "Russia said it had pushed Ukrainian troops out of Sudzha.", "Sudzha"),
        ("fr", "L'armée russe a chassé les troupes ukrainiennes de Soudja, selon Moscou.", "Sudzha"),
    ],
)
def test_claims_extract_driving_forces_out_takes_the_place(extractor, lang: str, text: str, place: str) -> None:  # type: ignore[no-untyped-def]
    found = keys(claims_of(extractor, text, lang))
    assert (place, "capture", "RU", "asserts", "RU") in found
    assert not [k for k in found if k[1] == "repelled"]


def test_claims_extract_side_named_in_a_description_of_the_place(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Russia's Defence Ministry said on Thursday that its troops had liberated Sudzha, "
            "the largest town Ukraine held in the Kursk region.")
    found = keys(claims_of(extractor, text, "en"))
    assert ("Sudzha", "capture", "RU", "asserts", "RU") in found


def test_claims_extract_trigger_bound_to_its_place_is_not_a_back_references(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Russian units are pushing toward Siversk. Russia began its drive on the town after "
            "the capture of Bakhmut in May 2023.")
    found = {(c.place.name, c.kind) for c in claims_of(extractor, text, "en")}
    assert ("Siversk", "advance") in found, "'the drive on the town' is about Siversk"
    assert ("Siversk", "capture") not in found, "'the capture of Bakhmut' is no capture of 'the town'"
    assert ("Bakhmut", "advance") not in found
