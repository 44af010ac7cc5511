"""Front sectors ("на Куп'янському напрямку", "the Pokrovsk direction") choose among the
namesakes of the villages a report lists on them."""

from __future__ import annotations

import pytest

from frontwatch.places import Gazetteer, PlaceFinder


@pytest.fixture(scope="module")
def finder() -> PlaceFinder:
    return PlaceFinder(Gazetteer.load())


@pytest.mark.parametrize(
    ("lang", "text", "admin1"),
    [
        ("uk", "На Куп'янському напрямку ворог атакував в районі Іванівки.",
         {"Іванівки": "Kharkiv Oblast"}),
        ("uk", "Ворог вів штурмові дії на куп'янському напрямку в районі Іванівки.",
         {"Іванівки": "Kharkiv Oblast"}),
        ("uk", "На Лиманському напрямку противник наступав. Сили оборони відбили атаки в районі "
               "Іванівки та Олександрівки.",
         {"Іванівки": "Donetsk Oblast", "Олександрівки": "Donetsk Oblast"}),
        ("uk", "На Куп'янському напрямку бої тривали біля Іванівки. На Покровському напрямку "
               "відбито атаки в районі Іванівки та Олександрівки.",
         {"Олександрівки": "Donetsk Oblast"}),
        ("ru", "На Покровском направлении противник атаковал в районе Александровки.",
         {"Александровки": "Donetsk Oblast"}),
        ("en", "Ukrainian troops repelled attacks in the Kupiansk direction near Ivanivka.",
         {"Ivanivka": "Kharkiv Oblast"}),
        ("en", "Ukrainian troops repelled attacks in the Pokrovsk direction near Ivanivka and "
               "Oleksandrivka.",
         {"Ivanivka": "Donetsk Oblast", "Oleksandrivka": "Donetsk Oblast"}),
    ],
)
def test_places_sectors_choose_namesakes(
    finder: PlaceFinder, lang: str, text: str, admin1: dict[str, str]
) -> None:
    found = {m.text: m.place.admin1 for m in finder.find(text, lang=lang)}
    assert {name: found.get(name) for name in admin1} == admin1


@pytest.mark.parametrize(
    ("lang", "text", "sector"),
    [
        ("uk", "На Покровському напрямку ворог атакував в районі Іванівки.", "Покровському"),
        ("ru", "На Купянском направлении противник атаковал.", "Купянском"),
        ("en", "Ukrainian troops repelled attacks in the Kupiansk direction near Ivanivka.", "Kupiansk"),
    ],
)
def test_places_sectors_are_no_places(finder: PlaceFinder, lang: str, text: str, sector: str) -> None:
    assert sector not in {m.text for m in finder.find(text, lang=lang)}


@pytest.mark.parametrize(
    ("lang", "text", "surface"),
    [
        ("en", "In the Avdiivka direction the enemy attacked near Nevelske and west of Berdychiv.",
         "Berdychiv"),
        ("uk", "На Авдіївському напрямку ворог атакував біля Невельського та Бердичева.",
         "Бердичева"),
    ],
)
def test_places_sectors_a_far_town_on_a_sector_is_a_misspelt_village_beside_it(
    finder: PlaceFinder, lang: str, text: str, surface: str
) -> None:
    """Berdychiv lies 700 km from Avdiivka: listed on the Avdiivka sector, the name is the
    village of Berdychi beside it, spelt like the town."""
    found = {m.text: m.place for m in finder.find(text, lang=lang)}
    assert found[surface].name == "Berdychi"
    assert found[surface].admin1 == "Donetsk Oblast"
