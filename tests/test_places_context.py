"""PlaceFinder: which of several same-name villages an article means, from its context."""

from __future__ import annotations

import pytest

from frontwatch.places import Gazetteer, PlaceFinder
from frontwatch.records import PlaceMention


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return PlaceFinder(Gazetteer.load())


def _found(finder: PlaceFinder, text: str, lang: str) -> dict[str, PlaceMention]:
    return {m.text: m for m in finder.find(text, lang=lang)}


@pytest.mark.parametrize(
    ("lang", "text", "surface", "geonameid"),
    [
        # GeoNames knows a Vysochynivka in Luhansk Oblast by its Russian form, not this one.
        ("fr", "Les troupes russes avancent vers Vysochynovka, dans la région de Kharkiv.",
         "Vysochynovka", 696168),
        ("en", "Russian units pushed out of Kupiansk towards Vysochynovka and Symynovka.",
         "Vysochynovka", 696168),
        ("en", "Russian units pushed out of Kupiansk towards Vysochynovka and Symynovka.",
         "Symynovka", 697556),
        ("en", "The army says it holds Ozaryanovka, a hamlet east of Siversk.", "Ozaryanovka",
         9114125),
    ],
)
def test_places_context_russian_ovka_spelling_finds_ukrainian_ivka(
    finder: PlaceFinder, lang: str, text: str, surface: str, geonameid: int
) -> None:
    mention = _found(finder, text, lang)[surface]
    assert mention.place.geonameid == geonameid
    assert mention.place.name.endswith("ivka")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The governor of Sumy said Russian troops hold Basivka, Novenka and Zhuravka."),
        ("fr", "Les Russes disent tenir Basivka, Novenka, Zhuravka, près de Soumy."),
    ],
)
def test_places_context_misspelt_village_in_a_list_is_guessed_near_its_neighbours(
    finder: PlaceFinder, lang: str, text: str
) -> None:
    mention = _found(finder, text, lang)["Novenka"]
    assert mention.how == "fuzzy"
    assert mention.place.geonameid == 805767
    assert mention.place.admin1 == "Sumy Oblast"


def test_places_context_listed_surname_is_not_guessed(finder: PlaceFinder) -> None:
    found = _found(finder, "Officials from Sumy, Kovalenko among them, met on Monday.", "en")
    assert found["Sumy"].place.admin1 == "Sumy Oblast"
    assert "Kovalenko" not in found


def test_places_context_a_unit_named_military_is_no_village(finder: PlaceFinder) -> None:
    """"Військова служба правопорядку" (the military police) opens with the adjective, not
    with the village of Військове."""
    found = _found(finder, "Оборону Покровська посилили: залучені Нацгвардія, Військова служба правопорядку "
                           "та Служба безпеки України.", "uk")
    assert "Військова" not in found
    assert found["Покровська"].place.name == "Pokrovsk"
    # The village itself is still a village.
    village = _found(finder, "Окупанти стверджують, що Військове Дніпропетровської області під їхнім контролем.", "uk")
    assert village["Військове"].place.name == "Viiskove"


def test_places_context_region_said_once_holds_for_later_mentions(finder: PlaceFinder) -> None:
    text = (
        "Kyiv dément la chute de Datchné (région de Dnipropetrovsk). "
        "Selon l'armée, une patrouille russe est entrée à Datchné mardi avant d'être repoussée. "
        "Les combats continuent près de Donetsk et Datchné reste sous contrôle ukrainien."
    )
    mentions = [m for m in finder.find(text, lang="fr") if m.text == "Datchné"]
    assert len(mentions) == 3
    assert {m.place.admin1 for m in mentions} == {"Dnipropetrovsk Oblast"}


def test_places_context_region_binding_leaves_other_names_alone(finder: PlaceFinder) -> None:
    found = _found(finder, "Dachne (Dnipropetrovsk Oblast) held while Donetsk was shelled.", "en")
    assert found["Dachne"].place.admin1 == "Dnipropetrovsk Oblast"
    assert found["Donetsk"].place.geonameid == 709717


@pytest.mark.parametrize(
    ("lang", "text", "surface", "geonameid"),
    [
        # Two Shevchenkos lie some 25 km apart; each list names the neighbours of one of them.
        ("en", "Fighting goes on in Sukhi Yaly, Shevchenko and Dalnie, and Russian troops also "
         "took Pishchane and Novotroitske.", "Shevchenko", 707627),
        ("uk", "Тривають бої за Сухі Яли, Шевченко та Дальнє, а також за Піщане й Новотроїцьке.",
         "Шевченко", 707627),
        ("en", "Russian troops entered Pishchane, Shevchenko and Novotroitske, while Sukhi Yaly "
         "and Dalnie are under fire.", "Shevchenko", 694167),
    ],
)
def test_places_context_namesake_next_to_its_list_neighbours(
    finder: PlaceFinder, lang: str, text: str, surface: str, geonameid: int
) -> None:
    mention = _found(finder, text, lang)[surface]
    assert mention.place.geonameid == geonameid
    assert mention.place.admin1 == "Donetsk Oblast"


def test_places_context_list_neighbours_do_not_turn_a_town_into_a_village(
    finder: PlaceFinder,
) -> None:
    text = "Russian strikes hit Ivanopillia, Konstantinovka and Stupochky overnight."
    assert _found(finder, text, "en")["Konstantinovka"].place.geonameid == 705104


@pytest.mark.parametrize(
    ("lang", "text", "surface", "admin1"),
    [
        ("fr", "Le gouverneur de Soumy a annoncé l'évacuation de trois villages.",
         "gouverneur de Soumy", "Sumy Oblast"),
        ("en", "The governor of Kharkiv said two villages near Kupiansk were shelled.",
         "governor of Kharkiv", "Kharkiv Oblast"),
        ("en", "Kursk Governor Alexei Smirnov said the town of Sudzha was being evacuated.",
         "Kursk Governor", "Kursk Oblast"),
        ("fr", "L'armée russe dit contrôler plusieurs villages de Soumy.", "villages de Soumy", "Sumy Oblast"),
        ("en", "Moscow claims control of several villages of Sumy.", "villages of Sumy", "Sumy Oblast"),
    ],
)
def test_places_context_a_governor_names_the_region(
    finder: PlaceFinder, lang: str, text: str, surface: str, admin1: str
) -> None:
    mention = _found(finder, text, lang)[surface]
    assert mention.place.is_region
    assert mention.place.admin1 == admin1


def test_places_context_a_governor_leaves_the_city_itself_alone(finder: PlaceFinder) -> None:
    found = _found(finder, "Kharkiv governor says the city of Kharkiv was hit.", "en")
    assert found["Kharkiv governor"].place.is_region
    assert found["Kharkiv"].place.geonameid == 706483


def test_places_context_near_picks_the_namesake_next_to_the_place_named(
    finder: PlaceFinder,
) -> None:
    text = "Russian troops shelled Vesele near Velyka Lepetykha and Vesele near Chasiv Yar."
    first, second = [m for m in finder.find(text, lang="en") if m.text == "Vesele"]
    assert first.place.admin1 == "Kherson Oblast"
    assert second.place.admin1 == "Donetsk Oblast"


def test_places_context_near_beats_a_big_namesake(finder: PlaceFinder) -> None:
    found = _found(finder, "Shelling hit Poltava near Izium overnight.", "en")
    assert found["Poltava"].place.admin1 == "Kharkiv Oblast"
    assert found["Poltava"].place.population < 5000


@pytest.mark.parametrize(
    ("lang", "text", "surface", "admin1"),
    [
        # Two places, then two regions: each place lies in one of them.
        ("uk", "Штаб спростував захоплення Куп'янська та Ямполя на Харківщині та Донеччині.",
         "Ямполя", "Donetsk Oblast"),
        # The region said after a list holds for every item of it.
        ("ru", "Войска освободили Новоивановку и Тихое на территории Запорожской области.",
         "Новоивановку", "Zaporizhzhia Oblast"),
        # A region's capital after "in" stands for the region.
        ("en", "Moscow claims Dobropillia and Zelenyi Hai in Zaporizhzhia fell this week.",
         "Dobropillia", "Zaporizhzhia Oblast"),
        # A region that opens the sentence chooses among the namesakes after it, whatever
        # the rest of the article names.
        ("fr", "Dans la région de Soumy, l'armée russe dit avoir pris Vysoke. Les combats "
         "continuent près de Houliaïpole et de Stepnohirsk.", "Vysoke", "Sumy Oblast"),
        ("en", "In the Sumy region, Russian troops say they took Vysoke. Fighting goes on near "
         "Huliaipole and Stepnohirsk.", "Vysoke", "Sumy Oblast"),
    ],
)
def test_places_context_regions_said_with_places(
    finder: PlaceFinder, lang: str, text: str, surface: str, admin1: str
) -> None:
    assert _found(finder, text, lang)[surface].place.admin1 == admin1


def test_places_context_region_after_and_is_another_item(finder: PlaceFinder) -> None:
    found = _found(finder, "Des drones ont frappé Belgorod et la région de Briansk.", "fr")
    assert found["Belgorod"].place.admin1 == "Belgorod Oblast"


def test_places_context_refuses_a_namesake_outside_the_region_said(finder: PlaceFinder) -> None:
    """Villages the gazetteer lacks get no namesake 500 km away: in a region it lists by its
    towns only, they are that region's unlisted villages, one place per name in the article."""
    text = ("Moscow claimed Uspenovka and Borki in the Kursk region. Later the army said "
            "Uspenovka had been lost again.")
    mentions, unresolved = finder.locate(text, lang="en")
    assert [(m.text, m.place.admin1, m.place.is_unlisted) for m in mentions] == [
        ("Uspenovka", "Kursk Oblast", True), ("Borki", "Kursk Oblast", True),
        ("Kursk region", "Kursk Oblast", False), ("Uspenovka", "Kursk Oblast", True)]
    assert mentions[0].place == mentions[3].place
    assert not unresolved


def test_places_context_one_name_one_place_across_its_cases(finder: PlaceFinder) -> None:
    text = ("Сили оборони звільнили Соловйове. Бої за Соловйово тривали тиждень, а біля "
            "Очеретиного ворог тисне.")
    places = {m.place.geonameid for m in finder.find(text, lang="uk") if m.text.startswith("Солов")}
    assert len(places) == 1
    assert finder.gazetteer.get(places.pop()).admin1 == "Donetsk Oblast"  # type: ignore[union-attr]


def test_places_context_raion_between_place_and_region_keeps_them_bound(
    finder: PlaceFinder,
) -> None:
    text = ("Новопавловка и Алексеевка в ДНР и Днепропетровской области перешли под контроль "
            "армии. Алексеевка лежит в Покровском районе Днепропетровской области, а "
            "Новопавловка стоит в Покровском районе ДНР.")
    places = {(m.text, m.place.admin1) for m in finder.find(text, lang="ru")}
    assert ("Новопавловка", "Donetsk Oblast") in places
    assert ("Алексеевка", "Dnipropetrovsk Oblast") in places
    assert ("Новопавловка", "Dnipropetrovsk Oblast") not in places
    assert ("Алексеевка", "Donetsk Oblast") not in places


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("ru", "Армия заняла поселок Очеретино и село Привольное в Запорожской области.",
         "Очеретино"),
        ("en", "Troops entered the village of Ocheretyne and the village of Pryvilne in the "
         "Zaporizhzhia region.", "Ocheretyne"),
    ],
)
def test_places_context_words_for_a_settlement_do_not_break_a_list(
    finder: PlaceFinder, lang: str, text: str, surface: str
) -> None:
    """The region said after the list binds its first item too: no Ocheretyne there (a town
    of another region would stay that town; a village is a namesake the gazetteer lacks)."""
    mentions, unresolved = finder.locate(text, lang=lang)
    assert surface not in {m.text for m in mentions}
    assert any(u.text == surface and "Zaporizhzhia Oblast" in u.reason for u in unresolved)


def test_places_context_capital_said_in_a_list_becomes_the_region(finder: PlaceFinder) -> None:
    found = _found(finder, "Moscow claims Dobropillia and Zelenyi Hai in Zaporizhzhia fell.", "en")
    assert found["Zaporizhzhia"].place.is_region


def test_places_context_town_keeps_its_readings_when_the_fronted_region_lacks_it(
    finder: PlaceFinder,
) -> None:
    found = _found(finder, "In the Sumy region, shelling went on, and Kupiansk was hit.", "en")
    assert found["Kupiansk"].place.admin1 == "Kharkiv Oblast"


def test_places_context_capital_named_as_a_place_is_a_place(finder: PlaceFinder) -> None:
    found = _found(finder, "Russian columns drove toward the capital Kyiv in 2022.", "en")
    assert found["Kyiv"].place.admin1 == "Kyiv City"


def test_places_context_russian_ot_spelling_finds_ukrainian_vid(finder: PlaceFinder) -> None:
    found = _found(finder, "Подразделения вошли в Отрадное Днепропетровской области.", "ru")
    assert found["Отрадное"].place.geonameid == 9114100
    assert found["Отрадное"].place.name == "Vidradne"


def test_places_context_unknown_half_of_a_hyphenated_pair_is_guessed_near_the_other(
    finder: PlaceFinder,
) -> None:
    text = "Les Russes ont percé sur la ligne Krakhmalnoïé-Berestovoïé, à l'est de Koupiansk."
    found = _found(finder, text, "fr")
    assert found["Krakhmalnoïé"].how == "fuzzy"
    assert found["Krakhmalnoïé"].place.name == "Krokhmalne"
    assert found["Berestovoïé"].place.admin1 == "Kharkiv Oblast"


def test_places_context_namesakes_do_not_vouch_for_each_other(finder: PlaceFinder) -> None:
    """An article set in the Kursk region lists villages the gazetteer lacks; their
    Ukrainian namesakes, hundreds of km away and near nothing but one another, are refused,
    and the names are the Kursk region's."""
    text = ("Fighting went on in the Kursk region all week. On Friday the ministry in Moscow "
            "listed Vishnevka, Uspenovka, Viktorovka and Borki among the villages its units "
            "had retaken.")
    mentions = finder.find(text, lang="en")
    assert not [m for m in mentions if m.place.country == "UA"]
    found = {m.text: m.place for m in mentions}
    for name in ("Vishnevka", "Uspenovka", "Viktorovka", "Borki"):
        assert found[name].is_unlisted and found[name].admin1 == "Kursk Oblast"


def test_places_context_a_far_town_is_no_reading_of_a_missing_village(finder: PlaceFinder) -> None:
    """A Kursk village the gazetteer lacks ("Obukhovka") is no Ukrainian town of 9,000
    people 370 km off but a village of the Kursk region; an oblast capital named in passing
    still stands."""
    text = ("Fighting went on in the Kursk region all week. Moscow said its units had retaken "
            "Obukhovka. Kherson was shelled again overnight.")
    found = _found(finder, text, "en")
    assert found["Obukhovka"].place.is_unlisted
    assert found["Obukhovka"].place.admin1 == "Kursk Oblast"
    assert found["Kherson"].place.name == "Kherson"


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Moscow said its units had retaken Krupets and Gordeyevka in the Kursk region.",
         "Krupets"),
        ("en", "Moscow said its units had retaken Krupets and Gordeyevka in the Kursk region.",
         "Gordeyevka"),
        ("fr", "Selon Moscou, l'armée a repris Krupets, dans la région de Koursk, mardi.",
         "Krupets"),
        ("ru", "Минобороны заявило, что войска освободили Крупец в Курской области.", "Крупец"),
    ],
)
def test_places_context_a_village_missing_from_a_region_listed_by_its_towns_is_unlisted(
    finder: PlaceFinder, lang: str, text: str, surface: str
) -> None:
    """The gazetteer holds only the towns of Russia's border regions: a name with no place
    in the Kursk region the sentence names is a Kursk village it lacks, not a namesake in
    Ukraine; it stands at the region's centre, under an id that no GeoNames place has and
    that every spelling of the name shares."""
    kursk = Gazetteer.load().region("Kursk Oblast")
    assert kursk is not None
    place = _found(finder, text, lang)[surface].place
    assert place.is_unlisted and place.geonameid < 0
    assert (place.admin1, place.country) == ("Kursk Oblast", "RU")
    assert (place.lat, place.lon) == (kursk.lat, kursk.lon)
    latin = _found(finder, "Moscow said its units had retaken Krupets in the Kursk region.", "en")
    if surface in ("Krupets", "Крупец"):
        assert place.geonameid == latin["Krupets"].place.geonameid


def test_places_context_a_region_that_lists_its_villages_gets_no_unlisted_place(
    finder: PlaceFinder,
) -> None:
    """Every Ukrainian village is in the gazetteer: a name with no place in the Donetsk
    region is no village of it (a misspelling, a person), so it stays unresolved."""
    mentions, unresolved = finder.locate(
        "Ukrainian troops said they still held Gordeyevka in the Donetsk region.", lang="en")
    assert "Gordeyevka" not in {m.text for m in mentions}
    assert "Donetsk Oblast" in {u.text: u.reason for u in unresolved}["Gordeyevka"]


def test_places_context_city_of_zaporizhzhia_is_the_city(finder: PlaceFinder) -> None:
    found = _found(finder, "Уламки ракети впали у Запоріжжі.", "uk")
    assert not found["Запоріжжі"].place.is_region
    assert found["Запоріжжі"].place.admin1 == "Zaporizhzhia Oblast"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Zelensky, speaking in Paris, said Kyiv still controls Kupiansk."),
    ("fr", "Zelensky, en visite à Paris, a assuré que Kiev contrôle toujours Koupiansk."),
])
def test_places_context_foreign_capital_is_not_a_village_that_shares_its_name(
        finder: PlaceFinder, lang: str, text: str) -> None:
    """GeoNames lists Paris as another name of a village in Odesa Oblast: a capital named in
    passing is the capital, which the gazetteer does not hold."""
    found = _found(finder, text, lang)
    assert "Paris" not in found
    assert any(m.place.name == "Kupyansk" for m in found.values())


@pytest.mark.parametrize(("lang", "text", "surface", "region"), [
    ("fr", "Les régions de Donetsk et de Dnipropetrovsk subissent des assauts quotidiens.",
     "Dnipropetrovsk", "Dnipropetrovsk Oblast"),
    ("fr", "Moscou concentre ses efforts sur les oblasts de Louhansk et Donetsk.", "Donetsk",
     "Donetsk Oblast"),
    ("en", "Shelling hit villages in the Zaporizhzhia and Dnipropetrovsk regions overnight.", "Zaporizhzhia",
     "Zaporizhzhia Oblast"),
    ("en", "Russia claims gains in the regions of Kharkiv and Donetsk.", "Donetsk", "Donetsk Oblast"),
])
def test_places_context_every_name_of_a_list_of_regions_is_a_region(  # type: ignore[no-untyped-def]
        finder: PlaceFinder, lang: str, text: str, surface: str, region: str) -> None:
    """"les régions de Donetsk et de Dnipropetrovsk": the second name is a region too, not the
    city Dnipropetrovsk once was."""
    found = _found(finder, text, lang)
    assert found[surface].place.name == region


def test_places_context_names_listed_with_unlisted_villages_share_their_region(
    finder: PlaceFinder,
) -> None:
    """A list of villages retaken in the Kursk region stays there: a name no table holds
    ("Byakhovo") and a name read as a Ukrainian namesake across the border ("Apanasovka"
    in Sumy) join the list's unlisted villages; named in a Sumy report, Apanasovka is the
    Sumy village."""
    text = ("Battles in the Kursk region went on. On Monday Moscow listed the villages it had "
            "retaken: Apanasovka, Byakhovo, Vishnevka, Gordeyevka and Viktorovka.")
    found = {m.text: m.place for m in finder.find(text, lang="en")}
    for name in ("Apanasovka", "Byakhovo", "Vishnevka", "Gordeyevka", "Viktorovka"):
        assert found[name].is_unlisted and found[name].admin1 == "Kursk Oblast", name
    sumy = _found(finder, "Ukrainian troops shelled Apanasovka, a village in the Sumy region.", "en")
    assert sumy["Apanasovka"].place.admin1 == "Sumy Oblast"
    assert not sumy["Apanasovka"].place.is_unlisted


def test_places_context_a_list_of_unlisted_villages_reaches_its_unknown_names_and_next_sentence(
    finder: PlaceFinder,
) -> None:
    """Names nobody's table holds ("Tolpino", "Kromskiye Byki") between villages the
    gazetteer lacks belong to the same list; and a short list opening the next sentence
    ("Uspenovka and Borki") carries on the region's villages rather than a Sumy namesake."""
    text = ("Moscow said on Tuesday that its troops were pushing back Ukrainian units in the Kursk "
            "region. The ministry named the recaptured villages: Vishnevka, Gordeyevka, Tolpino, "
            "Obukhovka, Kromskiye Byki and Viktorovka. Uspenovka and Borki followed a day later.")
    found = {m.text: m.place for m in finder.find(text, lang="en")}
    for name in ("Vishnevka", "Gordeyevka", "Tolpino", "Obukhovka", "Viktorovka", "Uspenovka", "Borki"):
        assert name in found, name
        assert found[name].is_unlisted and found[name].admin1 == "Kursk Oblast", name
    assert not [p for p in found.values() if p.country == "UA"]


def test_places_context_a_list_item_the_ner_calls_a_company_is_still_a_village(
    finder: PlaceFinder,
) -> None:
    """The NER labels village names of a list at random ("Snagost" an organisation); between
    villages the gazetteer lacks, the word is one more of them."""
    text = ("Moscow said on Sunday its units had retaken villages in the Kursk region: "
            "Vishnevka, Gordeyevka, Snagost, Obukhovka and Viktorovka.")
    at = text.index("Snagost")
    found = {m.text: m.place for m in finder.find(text, lang="en", entities=[(at, at + 7, "ORG")])}
    assert found["Snagost"].is_unlisted and found["Snagost"].admin1 == "Kursk Oblast"


def test_places_context_two_word_village_names_stay_whole_in_a_list(finder: PlaceFinder) -> None:
    """"Малую Локню", "Казачью Локню": the adjective opens the name of a village the
    gazetteer lacks; it neither breaks the list nor is left behind, so the list's region
    also takes "Замостье" from its Sumy namesake."""
    text = "По данным Минобороны, армия освободила Малую Локню, Замостье и Казачью Локню в Курской области."
    found = {m.text: m.place for m in finder.find(text, lang="ru")}
    for name in ("Малую Локню", "Замостье", "Казачью Локню"):
        assert name in found, name
        assert found[name].is_unlisted and found[name].admin1 == "Kursk Oblast", name
    assert found["Малую Локню"].geonameid != found["Казачью Локню"].geonameid


def test_places_context_a_double_surname_is_not_two_places(finder: PlaceFinder) -> None:
    """A byline's "Tarasova-Markina" is a person: neither half is a village (no Kursk
    "Tarasova", no Mar'yinka read into "Markina"), and a later list of Kursk villages is not
    taken for Ukrainian namesakes."""
    text = ("By Taras Kurdiuk and Daria Tarasova-Markina, CNN\n\nRussia says its troops took "
            "Kurakhove, west of Marinka, in the Donetsk region. Fighting went on in the Kursk "
            "region, where Moscow said it retook Vishnevka and Gordeyevka.")
    person = (text.index("Daria"), text.index(", CNN"), "PERSON")
    found = {m.text: m.place for m in finder.find(text, lang="en", entities=[person])}
    assert "Tarasova" not in found and "Markina" not in found
    assert found["Marinka"].name == "Mar'yinka"
    assert found["Vishnevka"].is_unlisted and found["Vishnevka"].admin1 == "Kursk Oblast"


def test_places_context_a_list_does_not_cross_the_border_to_a_far_namesake(finder: PlaceFinder) -> None:
    """"Vers Korenevo et Martynovka": Korenevo is a Kursk town, so Martynovka is the Kursk
    village the gazetteer lacks, not a Martynivka 120 km off in Poltava (which a Sumy
    village named later would otherwise vouch for)."""
    text = ("Kyiv dit avoir pris Soudja, dans la région de Koursk. Moscou affirme avoir repoussé des "
            "tentatives ukrainiennes d'avancer vers Korenevo et Martynovka. Des combats ont aussi eu "
            "lieu près de Loknia.")
    found = {m.text: m.place for m in finder.find(text, lang="fr")}
    assert found["Martynovka"].is_unlisted and found["Martynovka"].admin1 == "Kursk Oblast"
    assert found["Korenevo"].admin1 == "Kursk Oblast"
    far = {m.text: m.place for m in finder.find(
        "Fighting went on near Pokrovsk and Myrnohrad, and Russia shelled Martynivka in the Poltava region.",
        lang="en")}
    assert far["Martynivka"].admin1 == "Poltava Oblast"


def test_places_context_every_name_of_a_list_of_rivers_is_a_river(finder: PlaceFinder) -> None:
    """The word that makes the first name a river makes the whole list rivers: "Severski"
    is no Siverske, "Donets" no town, even with their region named beside them."""
    text = ("Les unités ont reculé derrière les rivières Oskol et Severski Donets, dans la région "
            "de Kharkiv, selon l'état-major.")
    assert [m.text for m in finder.find(text, lang="fr")] == ["région de Kharkiv"]


def test_places_context_a_name_numbered_after_a_hyphen_is_no_place(finder: PlaceFinder) -> None:
    """'Rossiya-1' is a television channel (and 'Tornado-2' a rocket launcher), not the
    village Rossiya: a place's name does not take a number after a hyphen."""
    text = ("Fighting went on in the Kursk region this week. The commander spoke about it on the "
            "Rossiya-1 channel on Sunday.")
    assert [m.text for m in finder.find(text, lang="en")] == ["Kursk region"]


def test_places_context_a_word_that_opens_names_makes_one_name_with_the_next(finder: PlaceFinder) -> None:
    """"Près de Malaïa Loknia": "Malaïa" (Mala, Malaya) opens many village names, so the two
    words are one name. The gazetteer lacks that Kursk village; its second word alone is no
    reason to place the fight at a Loknia in Sumy. Names it holds still resolve whole."""
    text = ("Kyiv dit avoir pris Soudja, dans la région de Koursk. Selon l'ISW, des combats ont eu "
            "lieu près de Malaïa Loknia. Plus au sud, les Russes avancent vers Velyka Novosilka.")
    mentions, unresolved = finder.locate(text, lang="fr")
    found = {m.text: m.place for m in mentions}
    assert "Loknia" not in found and "Malaïa Loknia" not in found
    assert "Malaïa Loknia" in [u.text for u in unresolved]
    assert found["Velyka Novosilka"].name == "Velyka Novosilka"


def test_places_context_a_town_outside_the_region_its_list_names_is_still_the_town(finder: PlaceFinder) -> None:
    """"Houliaïpole et Myrnohrad dans la région de Donetsk": the region is Myrnohrad's.
    Huliaipole, a town of Zaporizhzhia, is not refused for lying outside it."""
    text = "Moscou dit avoir pris Houliaïpole et Myrnohrad dans la région de Donetsk."
    found = {m.text: m.place for m in finder.find(text, lang="fr")}
    assert found["Houliaïpole"].admin1 == "Zaporizhzhia Oblast"
    assert found["Myrnohrad"].admin1 == "Donetsk Oblast"


@pytest.mark.parametrize(("lang", "text", "names"), [
    ("en", "Moscow claims the Donetsk, Luhansk, Zaporizhzhia and Kherson regions.",
     ["Donetsk", "Luhansk", "Zaporizhzhia"]),
    ("en", "Russia wants four regions – Luhansk, Donetsk, Zaporizhzhia and Kherson – recognised as its own.",
     ["Luhansk", "Donetsk", "Zaporizhzhia", "Kherson"]),
    ("en", "Russia annexed the regions of Donetsk, Luhansk, Zaporizhzhia and Kherson in 2022.",
     ["Luhansk", "Zaporizhzhia", "Kherson"]),
    ("fr", "Moscou revendique les régions de Donetsk, Louhansk, Zaporijjia et Kherson.",
     ["Louhansk", "Zaporijjia", "Kherson"]),
    ("fr", "Moscou revendique quatre régions : Donetsk, Louhansk, Zaporijjia et Kherson.",
     ["Donetsk", "Louhansk", "Zaporijjia", "Kherson"]),
    ("uk", "Бої тривають у Донецькій, Луганській та Запорізькій областях.", ["Донецькій", "Луганській"]),
    ("ru", "Бои идут в Донецкой, Луганской и Запорожской областях.", ["Донецкой", "Луганской"]),
    ("uk", "Росія претендує на Донецьку, Луганську, Запорізьку та Херсонську області.",
     ["Донецьку", "Луганську", "Запорізьку"]),
    ("ru", "Россия претендует на Донецкую, Луганскую, Запорожскую и Херсонскую области.",
     ["Донецкую", "Луганскую", "Запорожскую"]),
])
def test_places_context_a_list_of_regions_names_regions(
    finder: PlaceFinder, lang: str, text: str, names: list[str]
) -> None:
    """A plural word for regions at either end of a list makes each name the region, not the
    city of that name (nor a village "Luhanske" or "Zaporizke")."""
    found = _found(finder, text, lang)
    for name in names:
        assert found[name].place.is_region, name


def test_places_context_a_singular_region_after_a_list_leaves_its_towns(finder: PlaceFinder) -> None:
    found = _found(finder, "Russia says it took Kupiansk, Lyman and the Kharkiv region's border villages.", "en")
    assert found["Kupiansk"].place.name == "Kupyansk" and not found["Lyman"].place.is_region
    # "Донецьку" is the city's locative here: it does not agree with "Херсонській".
    found = _found(finder, "Удари по Донецьку та Херсонській області тривають.", "uk")
    assert found["Донецьку"].place.name == "Donetsk" and not found["Донецьку"].place.is_region


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("fr", "Les fantassins progressent dans les rues de l'académicien Korolev et Tchekhov, à Krasnogorovka.",
     "Krasnogorovka"),
    ("fr", "Les unités se retirent vers la ferme collective Lénine, au nord de Krasnogorovka.", "Krasnogorovka"),
    ("en", "Troops fought along Academician Korolev Street in Krasnohorivka.", "Krasnohorivka"),
])
def test_places_context_a_person_a_street_is_named_after_is_no_place(
    finder: PlaceFinder, lang: str, text: str, place: str
) -> None:
    """A title before a name ("l'académicien Korolev") makes it a person, and a farm word a
    kolkhoz: no Korolev, Chekhov or village called Lenine; the town is still found."""
    assert list(_found(finder, text, lang)) == [place]


@pytest.mark.parametrize(("lang", "text", "capital"), [
    ("uk", "У Києві спростували заяви про захоплення Бахмута.", "Києві"),
    ("ru", "В Москве заявили о взятии Бахмута.", "Москве"),
    ("fr", "À Kiev, on dément la prise de Bakhmout.", "Kiev"),
])
def test_places_context_a_capital_whose_government_speaks_is_no_place(
    finder: PlaceFinder, lang: str, text: str, capital: str
) -> None:
    """"У Києві спростували": the government speaks; the city is no place of the claim. A
    capital where something happens is still the city."""
    found = _found(finder, text, lang)
    assert capital not in found and "Bakhmut" in {m.place.name for m in found.values()}
    assert _found(finder, "Бої тривають біля Бахмута, а у Києві оголосили тривогу.", "uk")["Києві"].place.name == "Kyiv"


@pytest.mark.parametrize(("text", "surface", "admin1"), [
    ("Houliaïpole, située dans la région sud-est de Zaporijia, est passée sous contrôle russe.",
     "région sud-est de Zaporijia", "Zaporizhzhia Oblast"),
    ("Une bataille se déroule pour ce nœud logistique de la région industrielle de Donetsk.",
     "région industrielle de Donetsk", "Donetsk Oblast"),
])
def test_places_context_a_region_with_an_adjective_before_its_name_is_the_region(
    finder: PlaceFinder, text: str, surface: str, admin1: str
) -> None:
    """"La région sud-est de Zaporijia", "la région industrielle de Donetsk": the adjective
    between the word for region and the name leaves it the region, not its capital."""
    mention = _found(finder, text, "fr")[surface]
    assert mention.place.is_region
    assert mention.place.admin1 == admin1


def test_places_context_a_name_said_again_vouches_for_its_list_mate_as_one_place(
        finder: PlaceFinder) -> None:
    """Тихое is said three times: the village of Dnipropetrovsk region the article places it
    in. Every saying of it is that village before it helps read Отрадное, listed with it:
    the Vidradne beside it, not an Odradne of Donetsk region."""
    text = ("Бойцы бригады освободили село Тихое на Днепропетровщине. «Враг был выбит из Тихого», "
            "отметили бойцы. Российские военные ранее заявляли, что контролируют села "
            "Тихое и Отрадное на Александровском направлении. Освобождены также Кучерив Яр, "
            "Сухецкое и Затышок Донецкой области.")
    found = _found(finder, text, "ru")
    assert found["Отрадное"].place.name == "Vidradne"
    assert found["Отрадное"].place.admin1 == "Dnipropetrovsk Oblast"


@pytest.mark.parametrize(("lang", "text", "surface"), [
    pytest.param("en", "Ukrainian units still hold villages in Russia's Kursk region. Kyiv renewed its "
                       "offensive in Kursk this week.", "Kursk", id="en"),
    pytest.param("fr", "L'armée russe dit avoir repoussé les forces ukrainiennes à Koursk. Les combats "
                       "continuent dans la région de Koursk.", "Koursk", id="fr"),
    pytest.param("ru", "Бои в Курской области продолжаются. Украинские войска закрепились под Курском.",
                 "Курском", id="ru"),
])
def test_places_context_russian_capital_stands_for_its_region_the_article_names(
        finder: PlaceFinder, lang: str, text: str, surface: str) -> None:
    """The war on Russian soil is fought in its border regions' countryside: where the article
    names the region, its capital's bare name means the region."""
    place = _found(finder, text, lang)[surface].place
    assert place.is_region
    assert place.admin1 == "Kursk Oblast"


@pytest.mark.parametrize(("text", "surface", "admin1"), [
    pytest.param("Putin met his commanders in Kursk on Tuesday.", "Kursk", "Kursk Oblast",
                 id="russian-capital-region-unnamed"),
    pytest.param("Fighting goes on in the Kharkiv region, and Kharkiv was shelled again.", "Kharkiv",
                 "Kharkiv Oblast", id="ukrainian-capital-region-named"),
])
def test_places_context_capital_stays_a_city(finder: PlaceFinder, text: str, surface: str,
                                             admin1: str) -> None:
    """Without its region named, or as a Ukrainian region's capital, the city is the city."""
    place = _found(finder, text, "en")[surface].place
    assert not place.is_region
    assert place.admin1 == admin1
