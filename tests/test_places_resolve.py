"""PlaceFinder: spotting and context resolution on sentences written for these tests."""

from __future__ import annotations

import pytest

from frontwatch.places import Gazetteer, PlaceFinder
from frontwatch.records import PlaceMention


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return PlaceFinder(Gazetteer.load())


def _found(finder: PlaceFinder, text: str, lang: str) -> dict[str, PlaceMention]:
    return {m.text: m for m in finder.find(text, lang=lang)}


def test_places_resolve_offsets_and_order(finder: PlaceFinder) -> None:
    text = "Les combats se poursuivent à Toretsk et à Tchassiv Iar."
    mentions = finder.find(text, lang="fr")
    assert [m.text for m in mentions] == ["Toretsk", "Tchassiv Iar"]
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert 0.0 < m.score <= 1.0


@pytest.mark.parametrize(
    ("lang", "text", "surface", "geonameid", "how"),
    [
        ("fr", "Moscou revendique Droujba, un hameau entre Toretsk, Pivnichne et Zalizne.",
         "Droujba", 9114074, "key"),
        ("fr", "Au sud de Toretsk, Pivdenne et Zalizne sont sous le feu ; Pivnichne aussi.",
         "Pivdenne", 703224, "exact"),
        ("fr", "Près de Zalizne et Pivnichne, la ville de Dzerjinsk est disputée.",
         "Dzerjinsk", 709354, "historical"),
        ("en", "The army left Artemovsk and later Krasnoarmeysk, near Myrnohrad.",
         "Artemovsk", 713174, "historical"),
        ("en", "The army left Artemovsk and later Krasnoarmeysk, near Myrnohrad.",
         "Krasnoarmeysk", 704422, "historical"),
        ("ru", "Колонна вышла из Горловки; в Дзержинске идут бои.", "Дзержинске", 709354,
         "historical"),
        ("fr", "Les soldats tiennent Kourakhové et reculent vers Vougledar.", "Vougledar",
         690823, "key"),
        ("fr", "Les blindés avancent vers Koupiansk.", "Koupiansk", 703656, "exact"),
        ("fr", "Des tirs visent Ryjivka, dans la région de Soumy.", "Ryjivka", 695005, "key"),
        ("en", "Shelling hit Mariinka and Maryinka is the same town.", "Mariinka", 701845, "exact"),
    ],
)
def test_places_resolve_hard_names(
    finder: PlaceFinder, lang: str, text: str, surface: str, geonameid: int, how: str
) -> None:
    mention = _found(finder, text, lang)[surface]
    assert mention.place.geonameid == geonameid
    assert mention.how == how


@pytest.mark.parametrize(
    ("lang", "text", "surface", "admin1"),
    [
        ("fr", "Des combats ont lieu dans la région russe frontalière de Koursk.",
         "région russe frontalière de Koursk", "Kursk Oblast"),
        ("fr", "L'armée avance dans la région de Koursk.", "région de Koursk", "Kursk Oblast"),
        ("fr", "Le front de l'oblast de Donetsk bouge peu.", "oblast de Donetsk", "Donetsk Oblast"),
        ("en", "Russia pressed on in Donetsk Oblast.", "Donetsk Oblast", "Donetsk Oblast"),
        ("en", "Russia pressed on in the Kursk region.", "Kursk region", "Kursk Oblast"),
        ("en", "The Kharkiv Oblast governor spoke.", "Kharkiv Oblast", "Kharkiv Oblast"),
        ("ru", "Курская область снова под ударом.", "Курская область", "Kursk Oblast"),
        ("ru", "Бои идут в Курской области.", "Курской области", "Kursk Oblast"),
        ("uk", "Ворог атакує на Донеччині.", "Донеччині", "Donetsk Oblast"),
        ("uk", "Обстріли тривають на Харківщині.", "Харківщині", "Kharkiv Oblast"),
        ("uk", "Ситуація в Донецькій області складна.", "Донецькій області", "Donetsk Oblast"),
        ("ru", "Тяжело на Курском направлении.", "Курском направлении", "Kursk Oblast"),
        # "на Запоріжжі" is the region.
        ("uk", "Бої тривають на Запоріжжі.", "на Запоріжжі", "Zaporizhzhia Oblast"),
        # A "people's republic" is the oblast it claims.
        ("ru", "Бои шли в Донецкой Народной Республике всю неделю.",
         "Донецкой Народной Республике", "Donetsk Oblast"),
        ("ru", "Обстрелы в ЛНР продолжились ночью.", "ЛНР", "Luhansk Oblast"),
        ("uk", "Окупанти провели навчання в Луганській народній республіці.",
         "Луганській народній республіці", "Luhansk Oblast"),
        ("uk", "Так звана ДНР оголосила мобілізацію.", "ДНР", "Donetsk Oblast"),
        ("en", "Officials of the Luhansk People's Republic spoke on Monday.",
         "Luhansk People's Republic", "Luhansk Oblast"),
        ("en", "Troops of the DPR shelled the road.", "DPR", "Donetsk Oblast"),
        ("fr", "Moscou revendique toute la république populaire de Donetsk depuis 2022.",
         "république populaire de Donetsk", "Donetsk Oblast"),
        # A gloss in brackets inside the region phrase.
        ("fr", "Kiev a repris une grande part de l'oblast (province) de Kherson.",
         "oblast (province) de Kherson", "Kherson Oblast"),
    ],
)
def test_places_resolve_region_phrases(
    finder: PlaceFinder, lang: str, text: str, surface: str, admin1: str
) -> None:
    mention = _found(finder, text, lang)[surface]
    assert mention.place.is_region
    assert mention.place.admin1 == admin1
    assert mention.how == "region"


def test_places_resolve_bare_city_is_the_city(finder: PlaceFinder) -> None:
    mention = _found(finder, "Un drone a frappé Koursk dans la nuit.", "fr")["Koursk"]
    assert mention.place.geonameid == 538560
    assert not mention.place.is_region


@pytest.mark.parametrize(
    ("lang", "text", "surface", "name"),
    [
        ("uk", "Бої тривають біля Торецька.", "Торецька", "Toretsk"),
        ("uk", "Ворог штурмує Торецьк, але не взяв Торецьку промзону.", "Торецьк", "Toretsk"),
        ("ru", "Военные вошли в Марьинку.", "Марьинку", "Mar'yinka"),
        ("ru", "Подразделения вышли к окраинам Часового Яра.", "Часового Яра", "Chasiv Yar"),
        ("uk", "ЗСУ мали успіх біля Кліщіївки та у Кліщіївці.", "Кліщіївці", "Klyshchiivka"),
        ("ru", "Бои идут у Суджи и в Судже.", "Суджи", "Sudzha"),
        ("uk", "Окупанти просунулися в Сухих Ялах.", "Сухих Ялах", "Sukhi Yaly"),
        # -пільськ- as people write it, -польськ- as the register spells the village.
        ("uk", "Бої точаться біля Курахового, у Костянтинопільському.", "Костянтинопільському",
         "Kostyantynopol's'ke"),
    ],
)
def test_places_resolve_cyrillic_inflections(
    finder: PlaceFinder, lang: str, text: str, surface: str, name: str
) -> None:
    mention = _found(finder, text, lang)[surface]
    # By any of its names: GeoNames rows of one village are merged into one place.
    assert finder.gazetteer.is_named(mention.place, name), mention.place
    assert mention.how in ("inflected", "exact", "key")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La Maison Blanche a réagi en mars, selon Ria Novosti et l'AFP."),
        ("fr", "Vladimir Poutine et Volodymyr Zelensky ne se sont pas parlé."),
        ("fr", "Le ministère russe de la Défense publie un bilan. Nova, Mira et Sloboda."),
        ("en", "Donald Trump called Volodymyr Zelensky in March; Mars is far."),
        ("en", "Russia and Ukraine traded blame, Reuters reported."),
        ("uk", "Україна і Росія обмінялися заявами. Нові дані оприлюднив Генштаб."),
        ("ru", "Владимир Путин провел совещание с Минобороны России."),
    ],
)
def test_places_resolve_stop_words_are_not_places(
    finder: PlaceFinder, lang: str, text: str
) -> None:
    assert finder.find(text, lang=lang) == []


@pytest.mark.parametrize(
    ("text", "surface", "geonameid"),
    [
        ("Les Russes avancent vers Uroyaine, à deux pas de Staromaiorske et de Vremivka.",
         "Uroyaine", 9114393),
        ("Une colonne a été vue près de Krakhmalnoïe, au nord-est de Koupiansk, "
         "vers Petropavlivka.",
         "Krakhmalnoïe", 813320),
    ],
)
def test_places_resolve_fuzzy_only_with_context(
    finder: PlaceFinder, text: str, surface: str, geonameid: int
) -> None:
    mention = _found(finder, text, "fr")[surface]
    assert mention.place.geonameid == geonameid
    assert mention.how == "fuzzy"
    assert mention.score < 0.6
    assert surface not in _found(finder, f"On parle de {surface}.", "fr")


def test_places_resolve_region_right_after_picks_the_namesake(finder: PlaceFinder) -> None:
    text = "L'armée dément la prise de Datchné (région de Dnipropetrovsk)."
    mention = _found(finder, text, "fr")["Datchné"]
    assert mention.place.admin1 == "Dnipropetrovsk Oblast"


def test_places_resolve_hyphenated_pair(finder: PlaceFinder) -> None:
    found = _found(finder, "L'agglomération Pokrovsk-Myrnohrad est encerclée.", "fr")
    assert found["Pokrovsk"].place.geonameid == 704422
    assert found["Myrnohrad"].place.geonameid == 710035


def test_places_resolve_ner_spans_are_optional(finder: PlaceFinder) -> None:
    text = "Les Russes disent contrôler Tchassiv Iar."
    start = text.index("Tchassiv")
    with_ner = finder.find(text, lang="fr", entities=[(start, start + 12, "ORG")])
    assert [m.place.geonameid for m in with_ner] == [710915]
    assert finder.find(text, lang="fr") == with_ner


def test_places_resolve_unknown_language_still_matches(finder: PlaceFinder) -> None:
    assert [m.place.name for m in finder.find("Walki trwają w Toretsk.", lang="pl")] == ["Toretsk"]


@pytest.mark.parametrize(("lang", "text", "name"), [
    pytest.param("ru", "Великая Новоселка была освобождена российскими войсками в январе.", "Великая Новоселка",
                 id="ru-opening-the-text"),
    pytest.param("uk", "Захоплення Великої Новосілки російськими військами підтвердили в неділю.",
                 "Великої Новосілки", id="uk-after-an-opening-noun"),
])
def test_places_resolve_a_name_of_several_capitalised_words_needs_no_neighbour(
        finder: PlaceFinder, lang: str, text: str, name: str) -> None:
    """Two capitalised words are a name even where the first opens the sentence, and even
    when the NER takes them for a person: the place is found with no other place beside it."""
    start = text.index(name)
    found = finder.find(text, lang=lang, entities=[(start, start + len(name), "PER")])
    assert [(m.start, m.place.name) for m in found] == [(start, "Velyka Novosilka")]


def test_places_resolve_person_tag_yields_to_a_list_of_places(finder: PlaceFinder) -> None:
    """A surname-like village the NER tags as a person is a place among listed places."""
    text = "Ворог просунувся в Сухих Ялах, Шевченку, біля Дальнього. Поет Шевченку не снився."
    first = text.index("Шевченку")
    second = text.index("Шевченку", first + 1)
    persons = [(first, first + 8, "PER"), (second, second + 8, "PER")]
    starts = {m.start: m for m in finder.find(text, lang="uk", entities=persons)}
    assert starts[first].place.admin1 == "Donetsk Oblast"
    assert second not in starts


@pytest.mark.parametrize(("lang", "text", "name", "place"), [
    pytest.param("uk", "Місто Сіверськ перебуває під контролем українських військових.", "Місто Сіверськ",
                 "Siversk", id="uk-town"),
    pytest.param("uk", "Село Сопич під контролем ворога.", "Село Сопич", "Sopych", id="uk-village"),
    pytest.param("ru", "Город Северск находится под контролем российских войск.", "Город Северск", "Siversk",
                 id="ru-town"),
])
def test_places_resolve_a_settlement_word_opening_the_sentence_names_a_place(
        finder: PlaceFinder, lang: str, text: str, name: str, place: str) -> None:
    """"Місто Сіверськ" opening a sentence: the NER reads the two capitalised words as a
    person (it does, on these sentences), but a word for a settlement names a place."""
    found = finder.find(text, lang=lang, entities=[(0, len(name), "PER")])
    assert [m.place.name for m in found] == [place]


@pytest.mark.parametrize(("text", "name", "place"), [
    ("Russian troops entered the Kharkiv village of Lyptsi.", "Kharkiv", "Kharkiv Oblast"),
    ("Avdiivka, a Donetsk town that has been the focus of the offensive, fell.", "Donetsk", "Donetsk Oblast"),
    ("Russia has tried to take the Donetsk strongholds of Pokrovsk and Chasiv Yar.", "Donetsk",
     "Donetsk Oblast"),
    ("Missiles hit Kharkiv city on Monday.", "Kharkiv", "Kharkiv"),
])
def test_places_resolve_a_capital_naming_the_kind_of_a_settlement_is_its_region(
        finder: PlaceFinder, text: str, name: str, place: str) -> None:
    """"The Kharkiv village of Lyptsi": a village lies in a region, not in a city; "Kharkiv
    city" is the city."""
    assert _found(finder, text, "en")[name].place.name == place


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_places_resolve_any_apostrophe(finder: PlaceFinder, apostrophe: str) -> None:
    surface = f"Куп{apostrophe}янська"
    mention = _found(finder, f"Окупанти просунулися біля {surface}, повідомили в штабі.", "uk")[surface]
    assert mention.place.geonameid == 703656


def test_places_resolve_bare_plural_village_name(finder: PlaceFinder) -> None:
    text = "Войска взяли под контроль Кринки, сообщило агентство со ссылкой на штаб."
    assert _found(finder, text, "ru")["Кринки"].place.admin1 == "Kherson Oblast"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("uk", "Найгарячіше на Покровському напрямку."),
        ("uk", "Армія РФ атакувала на Лиманському, Бахмутському та Курахівському напрямках."),
        ("ru", "На Покровском и Кураховском направлениях противник понес потери."),
        ("en", "Attacks went on along the Lyman and Avdiivka axes."),
        # Every case of both Ukrainian words for a sector, plural dative too.
        ("uk", "Ворог атакував на Лиманському та Куп'янському напрямкам."),
        ("uk", "Ворог атакував на Лиманському та Куп'янському напрямах."),
    ],
)
def test_places_resolve_sectors_are_no_places(finder: PlaceFinder, lang: str, text: str) -> None:
    """A front sector is named after a town, but is neither the town nor a namesake village
    ("Покровському" is not Pokrovske)."""
    assert finder.find(text, lang=lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("uk", "Про це повідомили в Головному управлінні розвідки.", "Головному"),
        ("uk", "Окупанти намагаються перейти канал Сіверський Донець - Донбас.", "Донець"),
        ("uk", "Це показали воїни Подільської бригади на своєму каналі.", "Подільської"),
        ("ru", "Штаб заявил о взятии одного из пунктов Торецкой агломерации.", "Торецкой"),
        ("fr", "Volodimir Zelensky a dit vendredi être allé au front.", "Volodimir"),
    ],
)
def test_places_resolve_names_of_other_things(
    finder: PlaceFinder, lang: str, text: str, surface: str
) -> None:
    assert not [m for m in finder.find(text, lang=lang) if surface in m.text]


def test_places_resolve_village_before_its_raion(finder: PlaceFinder) -> None:
    text = "У районі села Очеретине Покровського району тривають важкі бої."
    found = _found(finder, text, "uk")
    assert found["Очеретине"].place.admin1 == "Donetsk Oblast"
    assert "Покровського" not in found


def test_places_resolve_elliptic_region(finder: PlaceFinder) -> None:
    text = "Бої тривають у Вовчанську на Харківщині та в Покровську у Донецькій."
    mention = _found(finder, text, "uk")["Донецькій"]
    assert mention.place.is_region and mention.place.admin1 == "Donetsk Oblast"


@pytest.mark.parametrize(("text", "town"), [
    pytest.param("Les troupes tiennent les hauteurs de Tchasov-Iarsky. Elles dominent la ville du même nom.",
                 "Chasiv Yar", id="heights"),
    pytest.param("Le lac Slaviansky borde la ville du même nom.", "Slovyansk", id="lake"),
    pytest.param("Le gisement Soledarsky est exploité depuis longtemps dans la ville du même nom.", "Soledar",
                 id="mine"),
])
def test_places_resolve_the_town_of_the_same_name(finder: PlaceFinder, text: str, town: str) -> None:
    """"la ville du même nom" is the town the adjective before it is made from."""
    assert _found(finder, text, "fr")["la ville du même nom"].place.name == town


def test_places_resolve_the_same_name_needs_a_town_of_that_name(finder: PlaceFinder) -> None:
    # No town is named after "Européenne": the phrase is left unread.
    text = "Les ministres de l'Union Européenne se réunissent dans la ville du même nom."
    assert not any(m.text == "la ville du même nom" for m in finder.find(text, lang="fr"))


@pytest.mark.parametrize(("text", "name", "place"), [
    pytest.param("Бої тривають у Запорізькій області. Роботине було звільнено українськими військами.",
                 "Роботине", "Robotyne", id="village"),
])
def test_places_resolve_a_dictionary_name_opening_the_sentence_in_a_named_region(
        finder: PlaceFinder, text: str, name: str, place: str) -> None:
    """Dictionaries list many village names: one opening a sentence, spelt as a village of a
    region the article names and never written in lower case, is the village."""
    start = text.index(name)
    assert (start, place) in {(m.start, m.place.name) for m in finder.find(text, lang="uk")}


def test_places_resolve_a_common_word_opening_the_sentence_stays_a_word(finder: PlaceFinder) -> None:
    """The same word written in lower case elsewhere in the article is a common word."""
    text = "Бої тривають у Запорізькій області. Роботине було звільнено. Там роботине поле."
    assert "Robotyne" not in {m.place.name for m in finder.find(text, lang="uk")}
