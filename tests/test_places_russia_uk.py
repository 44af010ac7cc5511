"""Places in Russia written the Ukrainian way, on sentences written for these tests.

Ukrainian news spells Russia's towns and regions in Ukrainian letters ("Железногорськ",
"Бєлгородської області"); the gazetteer keys them by their Russian and Latin names.
"""

from __future__ import annotations

import pytest

from frontwatch.places import Gazetteer, PlaceFinder
from frontwatch.places.lexicon import load_place_lexicon
from frontwatch.records import PlaceMention

ZHELEZNOGORSK = 463343
ZLYNKA_BRYANSK = 462413
ZLYNKA_KIROVOHRAD = 686932
ZHUKOVKA = 462822
KRASNOYE_BELGOROD = 542121


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return PlaceFinder(Gazetteer.load())


def _found(finder: PlaceFinder, text: str) -> dict[str, PlaceMention]:
    return {m.text: m for m in finder.find(text, lang="uk")}


@pytest.mark.parametrize(
    ("text", "surface", "geonameid"),
    [
        # Nominative, with the region after it.
        ("Уночі дрони атакували Железногорськ Курської області.", "Железногорськ",
         ZHELEZNOGORSK),
        # Genitive: the Ukrainian ending on the Russian name.
        ("Після атаки біля Железногорська Курської області спалахнула пожежа.",
         "Железногорська", ZHELEZNOGORSK),
        # Locative: "Жуковці" is also a village in Ukraine, but not in the Bryansk region.
        ("Місцева влада заявила про вибухи в Жуковці Брянської області.", "Жуковці", ZHUKOVKA),
    ],
)
def test_russian_town_in_ukrainian_cases(
    finder: PlaceFinder, text: str, surface: str, geonameid: int
) -> None:
    assert _found(finder, text)[surface].place.geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "surface", "geonameid"),
    [
        ("Губернатор повідомив, що Злинка Брянської області залишилася без світла.", "Злинка",
         ZLYNKA_BRYANSK),
        ("Колона техніки рухалася до Злинки Брянської області.", "Злинки", ZLYNKA_BRYANSK),
        ("Колона техніки рухалася до Злинки Кіровоградської області.", "Злинки",
         ZLYNKA_KIROVOHRAD),
        ("Ракета влучила в Красне Бєлгородської області.", "Красне", KRASNOYE_BELGOROD),
    ],
)
def test_region_after_the_name_decides_between_namesakes(
    finder: PlaceFinder, text: str, surface: str, geonameid: int
) -> None:
    assert _found(finder, text)[surface].place.geonameid == geonameid


@pytest.mark.parametrize(
    ("text", "surface", "admin1"),
    [
        ("Над Брянською областю збили безпілотник.", "Брянською областю", "Bryansk Oblast"),
        ("У Бєлгородській області оголосили тривогу.", "Бєлгородській області",
         "Belgorod Oblast"),
        ("Пожежа на складі у Воронезькій області.", "Воронезькій області", "Voronezh Oblast"),
    ],
)
def test_russian_region_in_ukrainian(
    finder: PlaceFinder, text: str, surface: str, admin1: str
) -> None:
    mention = _found(finder, text)[surface]
    assert mention.place.is_region
    assert mention.place.admin1 == admin1


def test_ukrainian_spelling_read_the_russian_way() -> None:
    forms = load_place_lexicon("uk").foreign_forms
    assert ("RU", "Курск") in forms("Курськ")
    assert ("RU", "Белгородская") in forms("Бєлгородська")
    assert ("RU", "Тёткино") in forms("Тьоткіно")
    assert ("RU", "Красная Гора") in forms("Красна Гора")
