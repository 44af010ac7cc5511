"""Case forms made at gazetteer build time, and what they let the finder resolve."""

from __future__ import annotations

import pytest

from frontwatch.places import Gazetteer, PlaceFinder
from frontwatch.places.forms import case_forms, languages_of


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return PlaceFinder(Gazetteer.load())


@pytest.mark.parametrize(
    ("name", "lang", "forms"),
    [
        ("Покровськ", "uk", {"Покровська", "Покровську", "Покровськом"}),
        ("Курахове", "uk", {"Курахового", "Кураховому"}),
        ("Велика Новосілка", "uk", {"Великої Новосілки", "Великій Новосілці"}),
        ("Часів Яр", "uk", {"Часового Яру", "Часовому Яру"}),
        ("Кривий Ріг", "uk", {"Кривого Рогу", "Кривим Рогом"}),
        ("Суджа", "ru", {"Суджи", "Судже"}),
        ("Малая Локня", "ru", {"Малой Локни", "Малой Локне"}),
        ("Куп'янськ-Вузловий", "uk", {"Куп'янську-Вузловому", "Куп'янськ-Вузловому"}),
    ],
)
def test_places_forms_oblique_cases(name: str, lang: str, forms: set[str]) -> None:
    assert forms <= case_forms(name, lang)


def test_places_forms_adjectives_agree_with_their_noun() -> None:
    found = case_forms("Велика Новосілка", "uk")
    assert "Великим Новосілці" not in found
    assert all(" " in form for form in found)


@pytest.mark.parametrize(
    ("name", "country", "langs"),
    [("Зелений Гай", "UA", ("uk",)), ("Мар'їнка", "UA", ("uk",)), ("Тёткино", "RU", ("ru",)),
     ("Суджа", "RU", ("uk", "ru"))],
)
def test_places_forms_which_grammar(name: str, country: str, langs: tuple[str, ...]) -> None:
    assert languages_of(name, country) == langs


@pytest.mark.parametrize(
    ("lang", "text", "surface", "name"),
    [
        # The locative of a Russian -sk town is not a Ukrainian -ske village.
        ("uk", "Удари по Курську тривали всю ніч.", "Курську", "Kursk"),
        # Kurakhove in the genitive and locative is Kurakhove, not Kurakhivka.
        ("uk", "Ворог атакує біля Курахового і в Кураховому.", "Кураховому", "Kurakhove"),
        ("uk", "Сили оборони тримаються у Вовчанську.", "Вовчанську", "Vovchansk"),
        ("ru", "Бои идут в Красноармейске, говорят в штабе.", "Красноармейске", "Pokrovsk"),
        ("fr", "Moscou affirme avoir « libéré » Verkhosoulka, un village du Donbass.",
         "Verkhosoulka", "Verkhosulka"),
    ],
)
def test_places_forms_resolve_to_the_town(
    finder: PlaceFinder, lang: str, text: str, surface: str, name: str
) -> None:
    found = {m.text: m for m in finder.find(text, lang=lang)}
    assert found[surface].place.name == name


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "Ukrainian boats crossed the Oskil River at dawn.", "Oskil"),
        ("uk", "Окупанти обстрілюють береги річки Оскіл.", "Оскіл"),
        # "The left bank of the Dnipro" in one word: the river, not the city.
        ("uk", "Десантники утримують плацдарм на лівобережжі Дніпра.", "Дніпра"),
        ("ru", "Бои на правобережье Днепра стихли.", "Днепра"),
        # A bank named in words: the river too.
        ("en", "Marines hold a foothold on the left bank of the Dnipro.", "Dnipro"),
        ("fr", "Ils n'ont pas pu tenir la rive droite (ouest) d'Oskol.", "Oskol"),
        ("fr", "Les marines tiennent une tête de pont sur la rive gauche du Dniepr.", "Dniepr"),
        ("uk", "Морпіхи тримаються на лівому березі Дніпра.", "Дніпра"),
        ("ru", "Морпехи закрепились на левом берегу Днепра.", "Днепра"),
        ("en", "Shelling was reported across Kramatorsk raion.", "Kramatorsk"),
        # A part of a town is not the village that shares its name.
        ("ru", "Штурмовики зачистили микрорайон Троянда на юге Покровска.", "Троянда"),
        ("fr", "Moscou dit avoir pris le quartier Noviï de Tchassiv Iar.", "Noviï"),
    ],
)
def test_places_forms_rivers_and_districts_are_not_towns(
    finder: PlaceFinder, lang: str, text: str, surface: str
) -> None:
    assert surface not in {m.text for m in finder.find(text, lang=lang)}


@pytest.mark.parametrize(
    ("lang", "text", "surface", "name"),
    [
        ("en", "Marines hold a foothold on the left bank of the Dnipro near Krynky.", "Krynky", "Krynky"),
        ("fr", "Les marines tiennent la rive gauche du Dniepr, près de Krynky.", "Krynky", "Krynky"),
        ("uk", "Морпіхи тримаються на лівому березі Дніпра біля Кринок.", "Кринок", "Krynky"),
    ],
)
def test_places_forms_a_village_by_the_river_bank_stays_a_village(
    finder: PlaceFinder, lang: str, text: str, surface: str, name: str
) -> None:
    """Only the river whose bank is named is no town: the village beside it is found."""
    found = {m.text: m.place.name for m in finder.find(text, lang=lang)}
    assert found.get(surface) == name
    assert len(found) == 1


@pytest.mark.parametrize(
    "text",
    [
        # Villages of Kursk Oblast that the gazetteer lacks: no Ukrainian namesake instead.
        "Russian forces retook Uspenovka (Kursk region), the ministry said.",
        "The ministry said its troops had retaken Martynovka in the Kursk region.",
    ],
)
def test_places_forms_missing_border_village_is_left_unresolved(
    finder: PlaceFinder, text: str
) -> None:
    for mention in finder.find(text, lang="en"):
        assert mention.place.is_region or mention.place.admin1 == "Kursk Oblast", mention
