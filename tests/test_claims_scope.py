"""What a denial reaches, which date a claim takes, and when a region is only a locator.

Short articles written for these tests; each case is one rule a user would check by hand.
"""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def claims_of(extractor, text: str, lang: str, published: str = "2024-11-14"):  # type: ignore[no-untyped-def]
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse(published))
    return next(extractor.extract([document])).claims


def keys(claims) -> set[tuple[str, str, str, str]]:  # type: ignore[no-untyped-def]
    return {(c.place.name, c.kind, c.actor, c.stance) for c in claims}


def test_denied_reports_reach_the_capture_they_report(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Kyiv on Thursday denied reports that Russian troops had seized the village "
                                  "of Illinka near Kurakhove.", "en")
    assert ("Illinka", "capture", "RU", "denies") in keys(claims)
    assert not any(c.stance == "asserts" and c.source.side == "UA" for c in claims)


def test_denial_then_the_speakers_own_account(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "L'armée russe a revendiqué la prise de Koupiansk. L'état-major ukrainien a "
                                  "démenti ces informations, assurant que Koupiansk restait sous le contrôle "
                                  "des forces ukrainiennes.", "fr")
    assert ("Kupyansk", "capture", "UA", "asserts") in keys(claims)
    assert ("Kupyansk", "capture", "RU", "denies") in keys(claims)


@pytest.mark.parametrize(("lang", "text", "place"), [
    pytest.param("en", "Street fighting is still going on in Kurakhove, so the reports that Russian troops "
                       "captured the town are false.", "Kurakhove", id="en-so"),
    pytest.param("fr", "Les combats se poursuivent à Pokrovsk, donc les affirmations selon lesquelles l'ennemi a "
                       "pris la ville ne correspondent pas à la réalité.", "Pokrovsk", id="fr-donc"),
    pytest.param("uk", "Бої тривають у межах Курахового, так що із заявами про захоплення міста ворог поспішив.",
                 "Kurakhove", id="uk-tak-shcho"),
    pytest.param("ru", "В Курахово идут уличные бои, так что заявления противника о захвате города не "
                       "соответствуют действительности.", "Kurakhove", id="ru-tak-chto"),
])
def test_denial_of_a_named_statement_leaves_the_earlier_clause_asserted(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, place: str) -> None:
    found = keys(claims_of(extractor, text, lang))
    assert (place, "capture", "RU", "denies") in found
    assert (place, "fighting", "RU", "asserts") in found
    assert (place, "fighting", "RU", "denies") not in found


@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("en", "The village of Klishchiivka, which had been home to a few hundred people before the "
                       "invasion last year, was captured by Russian troops in January.", "2024-01",
                 id="en-date-in-own-clause"),
    pytest.param("en", "Russian forces captured Bakhmut in May, the ministry said.", "2024-05",
                 id="en-in-may-is-a-month"),
    pytest.param("fr", "Les forces ukrainiennes occupaient une partie de la région russe de Koursk depuis "
                       "l'été 2024.", "2024", id="fr-season-and-year"),
])
def test_claim_takes_the_date_of_its_own_clause(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                expected: str) -> None:
    claims = claims_of(extractor, text, lang, published="2024-09-20")
    assert claims, "no claim extracted"
    assert {str(c.date) for c in claims} == {expected}


@pytest.mark.parametrize(("lang", "text", "region"), [
    pytest.param("en", "Russian forces captured five villages in the Donetsk region this week.",
                 "Donetsk Oblast", id="en"),
    pytest.param("fr", "L'Ukraine a affirmé avoir repris un village frontalier dans la région de Soumy.",
                 "Sumy Oblast", id="fr"),
    pytest.param("uk", "Російські окупанти захопили три населені пункти у Донецькій області.",
                 "Donetsk Oblast", id="uk"),
])
def test_region_that_locates_unnamed_villages_is_not_claimed(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                             region: str) -> None:
    assert not [c for c in claims_of(extractor, text, lang) if c.place.name == region]


def region_targets(extractor, text: str, lang: str, region: str) -> list[bool]:  # type: ignore[no-untyped-def]
    """For each candidate about `region`, whether it only locates something else."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2024-11-14"))
    _, candidates = next(extractor.candidates([document]))
    return [c.reference for c in candidates if c.target.mention.place.name == region and not c.target.coref]


@pytest.mark.parametrize(("lang", "text", "region"), [
    pytest.param("uk", "Сили оборони відбили дванадцять атак на Сумському напрямку, повідомив Генштаб.",
                 "Sumy Oblast", id="sector-uk"),
    pytest.param("ru", "Российские войска продвинулись на Харьковском направлении, заявили в Минобороны.",
                 "Kharkiv Oblast", id="sector-ru"),
    pytest.param("en", "Ukrainian forces repelled ten assaults in the Zaporizhzhia direction, the General Staff said.",
                 "Zaporizhzhia Oblast", id="sector-en"),
    pytest.param("fr", "Les forces ukrainiennes ont repoussé dix assauts dans la direction de Zaporijjia, selon "
                       "l'état-major.", "Zaporizhzhia Oblast", id="sector-fr"),
    pytest.param("ru", "Минобороны России сообщило о взятии трёх сёл в ДНР и Запорожской области.",
                 "Zaporizhzhia Oblast", id="listed-after-a-locator-ru"),
    pytest.param("uk", "Окупанти захопили два села у Донецькій та Запорізькій областях.",
                 "Zaporizhzhia Oblast", id="listed-after-a-locator-uk"),
    pytest.param("uk", "Російські військові атакували сім населених пунктів Херсонської області.",
                 "Kherson Oblast", id="genitive-uk"),
    pytest.param("ru", "Российские военные атаковали семь населенных пунктов Херсонской области.",
                 "Kherson Oblast", id="genitive-ru"),
    pytest.param("fr", "Des soldats russes ont été encerclés dans cette ville de la région de Louhansk.",
                 "Luhansk Oblast", id="town-of-the-region-fr"),
    pytest.param("uk", "Депутат Херсонської облради заявив, що російські війська увійшли в Кринки.",
                 "Kherson Oblast", id="council-uk"),
])
def test_region_that_names_a_sector_or_locates_places_is_only_a_reference(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str, region: str) -> None:
    found = region_targets(extractor, text, lang, region)
    assert found, "the region is no candidate"
    assert all(found)


@pytest.mark.parametrize(("lang", "text", "region"), [
    pytest.param("uk", "Російські війська просунулися у Донецькій та Запорізькій областях, повідомили аналітики.",
                 "Zaporizhzhia Oblast", id="uk"),
    pytest.param("ru", "Российские войска продвинулись в Курской области, признали в Генштабе ВСУ.",
                 "Kursk Oblast", id="ru"),
])
def test_region_the_trigger_is_about_is_no_reference(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                     region: str) -> None:
    found = region_targets(extractor, text, lang, region)
    assert found and not any(found)


def test_region_itself_is_still_claimed(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Ukrainian troops pushed into the Kursk region, the General Staff said.", "en")
    assert any(c.place.name == "Kursk Oblast" and c.actor == "UA" for c in claims)


def test_holding_some_positions_is_presence(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Ukrainian troops still hold some positions in Velyka Novosilka.", "en")
    assert ("Velyka Novosilka", "presence", "UA", "asserts") in keys(claims)


def test_withdrawal_names_the_loser_and_datelines_name_no_forces(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "MOSCOW/KYIV (Wire) - Russia said on Saturday it now had total control over the "
                                  "Ukrainian town of Avdiivka, which Ukrainian troops withdrew from overnight.", "en")
    assert ("Avdiyivka", "capture", "RU", "asserts") in keys(claims)
    assert not [c for c in claims if c.actor == "UA"]


def test_defences_named_after_the_attackers_are_not_the_actor(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Russian troops keep breaching Ukrainian defenses west of Donetsk and are advancing "
                                  "on Velyka Novosilka.", "en")
    assert ("Velyka Novosilka", "advance", "RU", "asserts") in keys(claims)


def test_combat_aircraft_are_not_fighting(extractor) -> None:  # type: ignore[no-untyped-def]
    assert not claims_of(extractor, "Des avions de combat russes ont visé la zone autour de Soumy.", "fr")


def test_the_village_refers_back_to_a_village_not_the_city_named_since(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "The Ukrainian army said it had retaken Andriivka. Heavy fighting goes on in "
                                  "Kramatorsk. Moscow denied that Ukrainian troops had retaken the "
                                  "frontline village.", "en", published="2023-09-17")
    retaken = {c.place.geonameid for c in claims if c.stance == "asserts" and c.kind == "capture"}
    denied = {c.place.geonameid for c in claims if c.stance == "denies"}
    assert len(retaken) == 1 and denied == retaken


def test_coordinated_triggers_share_their_place(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Kupiansk was seized by Russian troops in the first week of the invasion and "
                                  "recaptured by Ukrainian troops in a counter-offensive months later.", "en")
    assert {("Kupyansk", "capture", "RU", "asserts"), ("Kupyansk", "capture", "UA", "asserts")} <= keys(claims)


def test_relative_clause_hangs_on_its_place(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Les troupes russes sont entrées dans Koupiansk, qui avait été occupée "
                                  "une première fois en février 2022.", "fr")
    capture = [c for c in claims if c.kind == "capture" and c.place.name == "Kupyansk"]
    assert capture and capture[0].actor == "RU" and str(capture[0].date) == "2022-02"
    presence = [c for c in claims if c.kind == "presence"]
    assert presence and str(presence[0].date) == "2024-11-14", "the clause's date is not the entry's"


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "The president visited the de-occupied town of Izium on Wednesday.", id="en"),
    pytest.param("uk", "Президент відвідав деокупований Ізюм у середу.", id="uk"),
])
def test_de_occupied_is_taken_back_by_ukraine(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    assert ("Izyum", "capture", "UA", "asserts") in keys(claims_of(extractor, text, lang))


def test_fighting_with_no_place_named_is_about_the_previous_sentences_place(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Le gouverneur a décrit une situation tendue à Vovtchansk. « Les combats de rue "
                                  "se poursuivent », a-t-il ajouté.", "fr", published="2024-06-26")
    fighting = [c for c in claims if c.kind == "fighting"]
    assert [c.place.name for c in fighting] == ["Vovchansk"]
    assert fighting[0].mention_start == -1 and "combats de rue" in fighting[0].evidence


def test_fighting_elsewhere_is_not_pinned_on_the_previous_place(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Le village de Bezsalivka a été repris. La plupart des combats ont pourtant lieu "
                                  "dans l'est du pays.", "fr", published="2025-08-10")
    assert not [c for c in claims if c.kind == "fighting"]


def test_a_units_name_is_no_antecedent(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Les troupes russes avancent dans Toretsk. La porte-parole du groupe tactique "
                                  "\"Louhansk\" a déclaré que des combats se déroulaient dans la ville.", "fr")
    assert "Luhansk" not in {c.place.name for c in claims}


def test_existential_there_is_no_place(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Russian troops entered Lysychansk on Monday. There are still many civilians, "
                                  "and there must be enough positions to hold.", "en")
    assert {c.mention_start for c in claims if c.place_mention.lower() == "there"} == set()


def test_the_city_is_the_town_the_story_is_about(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Russian troops have advanced in Toretsk, DeepState said. The fall of Toretsk "
                                  "could let Moscow move against Kostiantynivka. Satellite images confirm that "
                                  "Russian troops have entered the eastern suburbs of the city.", "en")
    suburbs = [c for c in claims if c.place_mention == "the city"]
    assert [c.place.name for c in suburbs] == ["Toretsk"]


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Olena Kovalenko, spokeswoman of the Luhansk community, said Russian troops were advancing "
                       "in the urban development of Toretsk.", id="en"),
    pytest.param("fr", "Le chef de l'administration militaire de Louhansk a indiqué que les troupes russes "
                       "avançaient vers Toretsk.", id="fr"),
])
def test_a_place_in_a_speakers_title_is_not_claimed(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, text, lang)
    assert {c.place.name for c in claims} == {"Toretsk"}


def test_advancing_in_the_urban_area_is_presence(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Russians are advancing in the urban development of Toretsk.", "en")
    assert ("Toretsk", "presence", "RU", "asserts") in keys(claims)


def test_entering_was_impossible_is_no_claim(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Volunteers said that entering Toretsk was almost impossible.", "en")
    assert not claims


def test_trigger_in_a_relative_clause_is_only_its_heads(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "La région de Soumy jouxte la région russe de Koursk, où les forces ukrainiennes "
                                  "ont pénétré en août 2024.", "fr")
    assert {c.place.name for c in claims} == {"Kursk Oblast"}


def test_an_origin_after_depuis_la_is_no_target(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Selon Moscou, ses forces sont entrées dans le village de Novenké depuis la "
                                  "région de Koursk.", "fr")
    assert "Kursk Oblast" not in {c.place.name for c in claims}


def test_twenty_kilometres_from_a_city_is_an_advance(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Les troupes russes se trouvent à une trentaine de kilomètres de la capitale "
                                  "régionale, Soumy.", "fr")
    assert ("Sumy", "advance", "RU", "asserts") in keys(claims)


@pytest.mark.parametrize("distance", ["two", "5", "a few"])
def test_within_some_kilometres_of_a_town_is_an_advance(extractor, distance: str) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, f"Russian forces are within {distance} kilometres of Sumy.", "en")
    assert {(c.place.name, c.kind, c.actor, c.stance) for c in claims} == {("Sumy", "advance", "RU", "asserts")}


@pytest.mark.parametrize(("lang", "text", "claimant_side"), [
    pytest.param("fr", "« Les affirmations russes sur la prise de Pokrovsk sont mensongères », a déclaré "
                       "l'état-major ukrainien.", "RU", id="fr-russian-claims"),
    pytest.param("fr", "L'Ukraine a démenti mardi que les troupes russes avançaient, comme l'affirme Moscou, "
                       "près de Pokrovsk.", "RU", id="fr-comme-l-affirme"),
    pytest.param("en", "Kyiv dismissed Russian claims of capturing Pokrovsk as false.", "RU", id="en-russian-claims"),
    # The claimant's name inside the denial phrase ("rejected <name>'s claims") is still a
    # word of that phrase.
    pytest.param("en", "Kyiv rejected Moscow's claims that Russian troops had captured Pokrovsk.", "RU",
                  id="en-name-inside-the-denial"),
])
def test_a_denied_claim_is_asserted_by_whoever_made_it(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                                       claimant_side: str) -> None:
    claims = [c for c in claims_of(extractor, text, lang) if c.place.name == "Pokrovsk"]
    assert {(c.stance, c.source.side) for c in claims} == {("denies", "UA"), ("asserts", claimant_side)}


def test_a_target_of_advances_is_not_advanced_on(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "The General Staff reported clashes near Pokrovsk, a major target of Russian "
                                  "advances.", "en")
    assert not [c for c in claims if c.kind == "advance"]
    kept = claims_of(extractor, "Chasiv Yar, a key target for Moscow, is still under Ukrainian control.", "en")
    assert ("Chasiv Yar", "capture", "UA", "asserts") in keys(kept)


def test_a_region_locating_a_reference_point_is_no_target(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Ukrainian troops were ordered to withdraw from Sievierodonetsk, Luhansk oblast.",
                       "en")
    assert "Luhansk Oblast" not in {c.place.name for c in claims}


def test_a_phrase_before_the_first_comma_is_about_the_place_after_it(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Moscow added that a few Ukrainian units remained holed up at the chemical works, "
                                  "a huge Soviet-era site, in Avdiivka.", "en")
    assert ("Avdiyivka", "presence", "UA", "asserts") in keys(claims)



def test_every_place_of_a_list_after_into_is_entered(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "За даними DeepState, ворог просунувся в Костянтинопільському, Сухих Ялах, "
                                  "Шевченку.", "uk", published="2024-12-14")
    assert {c.kind for c in claims} == {"presence"}
    assert len({c.place.geonameid for c in claims}) == 3


def test_success_near_a_village_in_the_genitive_is_an_advance(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Генштаб повідомив, що ЗСУ мали успіх у Кліщіївки.", "uk", published="2023-09-17")
    assert {c.kind for c in claims} == {"advance"}


def test_fighters_are_no_fighting(extractor) -> None:  # type: ignore[no-untyped-def]
    assert not claims_of(extractor, "Des combattants ukrainiens sont arrivés de Pokrovsk pour se reposer.", "fr")


def test_a_distance_saying_where_a_village_lies_is_no_advance(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Le ministre a publié une vidéo tournée dans Bilozerka, à quelques "
                                  "kilomètres de Kherson.", "fr")
    assert not [c for c in claims if c.kind == "advance"]
    moving = claims_of(extractor, "Les troupes russes se trouvent à une dizaine de kilomètres de Kherson.", "fr")
    assert ("Kherson", "advance", "RU", "asserts") in keys(moving)


@pytest.mark.parametrize(("lang", "text", "expected"), [
    pytest.param("fr", "La Russie a lancé une offensive dans la région de Soumy.",
                 ("Sumy Oblast", "advance", "RU", "asserts"), id="fr"),
    pytest.param("en", "Ukraine launched a surprise offensive into Russia's Kursk region.",
                 ("Kursk Oblast", "presence", "UA", "asserts"), id="en-into"),
])
def test_launching_an_offensive_is_an_advance(extractor, lang: str, text: str,  # type: ignore[no-untyped-def]
                                              expected: tuple[str, str, str, str]) -> None:
    assert expected in keys(claims_of(extractor, text, lang))


def test_a_warship_arriving_in_port_is_no_advance(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Selon l'agence Tass, ce navire de la flotte de la mer Noire était le premier à "
                                  "arriver à Berdiansk.", "fr")
    assert not claims
    marching = claims_of(extractor, "Les troupes russes sont arrivées aux portes de Berdiansk.", "fr")
    assert ("Berdyansk", "advance", "RU", "asserts") in keys(marching)


def test_shelling_named_by_nationality_is_not_the_actor(extractor) -> None:  # type: ignore[no-untyped-def]
    claims = claims_of(extractor, "Les forces ukrainiennes ont dû se replier après des bombardements russes et ne "
                                  "contrôlent plus que la périphérie de Sievierodonetsk.", "fr")
    assert {c.actor for c in claims if c.kind == "presence"} == {"UA"}


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("fr", "L'armée ukrainienne n'a pas confirmé la chute de Vouhledar et affronte toujours "
                       "l'armée russe dans la ville.", id="fr-finite-conjunct"),
    pytest.param("en", "Ukrainian forces have not confirmed the fall of Vuhledar and are still fighting Russian "
                       "troops in the town.", id="en-own-auxiliary"),
    pytest.param("uk", "Українські сили не підтвердили падіння Вугледара і продовжують бої з російськими "
                       "військами в місті.", id="uk-finite-conjunct"),
])
def test_a_negation_stays_in_its_own_conjunct(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """A verb coordinated with a negated one, with its own finite form or auxiliary, is not
    negated: the fighting is asserted."""
    found = keys(claims_of(extractor, text, lang))
    assert ("Vuhledar", "fighting", "RU", "asserts") in found
    assert ("Vuhledar", "fighting", "RU", "denies") not in found


def test_a_shared_negation_reaches_a_bare_conjunct(extractor) -> None:  # type: ignore[no-untyped-def]
    """"Did not take X and hold it": the bare second verb shares the first one's negation."""
    found = keys(claims_of(extractor, "Russian troops did not take Vuhledar and hold it.", "en"))
    assert ("Vuhledar", "capture", "RU", "asserts") not in found


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Russian forces have not stopped attacking Pokrovsk, the governor said.", id="en-not-stopped"),
    pytest.param("fr", "Les forces russes n'arrêtent pas d'attaquer Pokrovsk, selon le gouverneur.",
                 id="fr-narretent-pas"),
    pytest.param("uk", "Російські війська не припиняють штурмів Покровська, повідомив губернатор.",
                 id="uk-ne-prypyniaiut"),
    pytest.param("ru", "Российские войска не прекращают штурмы Покровска, сообщил губернатор.",
                 id="ru-ne-prekrashchaiut"),
])
def test_a_negated_stop_says_the_action_goes_on(extractor, lang: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Did not stop attacking X": the negation is on the verb of stopping, so the attacks
    are asserted, not denied."""
    found = keys(claims_of(extractor, text, lang))
    assert ("Pokrovsk", "fighting", "RU", "asserts") in found
    assert ("Pokrovsk", "fighting", "RU", "denies") not in found


@pytest.mark.parametrize(("lang", "text", "region"), [
    pytest.param("uk", "За даними DeepState, російські війська просунулися у Дніпропетровській області.",
                 "Dnipropetrovsk Oblast", id="uk-region"),
    pytest.param("ru", "Генштаб ВСУ признал продвижение российских сил в Курской области.", "Kursk Oblast",
                 id="ru-region"),
    pytest.param("en", "Russian forces have advanced in the Kharkiv region, DeepState said.", "Kharkiv Oblast",
                 id="en-region"),
])
def test_advancing_in_a_region_is_an_advance(extractor, lang: str, text: str, region: str) -> None:  # type: ignore[no-untyped-def]
    """Advancing in a town is being in part of it (presence); advancing within a region is an
    advance there (an incursion into one is a presence, below)."""
    found = keys(claims_of(extractor, text, lang))
    assert (region, "advance", "RU", "asserts") in found
    assert (region, "presence", "RU", "asserts") not in found


@pytest.mark.parametrize(("lang", "text", "region"), [
    pytest.param("en", "Russia launched an incursion into the Kharkiv region on Friday.", "Kharkiv Oblast",
                 id="en-into"),
    pytest.param("uk", "За даними DeepState, російські війська просунулися у Харківську область.",
                 "Kharkiv Oblast", id="uk-accusative"),
    pytest.param("ru", "По данным DeepState, российские войска продвинулись в Курскую область.", "Kursk Oblast",
                 id="ru-accusative"),
])
def test_advancing_into_a_region_is_a_presence(extractor, lang: str, text: str, region: str) -> None:  # type: ignore[no-untyped-def]
    """Going into a region ("into", or the accusative after "в/у") is being in part of it, as
    in a town; only an advance within it ("в Курской области", locative) stays an advance."""
    found = keys(claims_of(extractor, text, lang))
    assert (region, "presence", "RU", "asserts") in found
    assert (region, "advance", "RU", "asserts") not in found


@pytest.mark.parametrize(("lang", "text"), [
    pytest.param("en", "Fighting continues in Toretsk, the spokesman said, denying Russian claims.", id="en"),
    pytest.param("uk", "«Бої тривають у Торецьку», — сказав речник, спростувавши російські заяви.", id="uk"),
])
def test_a_denial_of_the_other_sides_claims_after_an_account_leaves_it_standing(  # type: ignore[no-untyped-def]
        extractor, lang: str, text: str) -> None:
    """"X, he said, denying Russian claims": what is denied is the other side's claims; the
    speaker's own account before it is asserted."""
    found = keys(claims_of(extractor, text, lang))
    assert ("Toretsk", "fighting", "RU", "asserts") in found
    assert ("Toretsk", "fighting", "RU", "denies") not in found
