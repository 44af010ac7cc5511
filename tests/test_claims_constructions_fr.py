"""French constructions, one test each, with sentences written for these tests.

Each asserts what a reader would check: the place, the kind, whose forces, asserted or
denied.
"""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def readings(extractor, text: str, place: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """Kind, actor and stance of every claim the French text makes about `place`."""
    document = Document(id="t", text=text, lang="fr", published=PartialDate.parse("2025-02-07"))
    claims = next(extractor.extract([document])).claims
    return {(c.kind, c.actor, c.stance) for c in claims if c.place.name == place}


@pytest.mark.parametrize("text", [
    "Les forces russes ont repris pied dans Robotyne, selon des blogueurs militaires.",
    "Des soldats ukrainiens ont pris pied sur la rive gauche à Krynky.",
])
def test_claims_fr_prendre_pied_is_a_foothold_not_a_capture(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """"Prendre pied", "reprendre pied" (in any tense): a foothold inside the place, a
    presence, never the capture that "prendre" and "reprendre" alone would say."""
    place = "Robotyne" if "Robotyne" in text else "Krynky"
    found = readings(extractor, text, place)
    assert {kind for kind, _, _ in found} == {"presence"}


def test_claims_fr_a_preposition_is_no_form_of_a_verb(extractor) -> None:  # type: ignore[no-untyped-def]
    """« contre » is not the repelling verb « contrer », « entre » not « entrer »: the
    fight between or against places is a fight, with no repulse and no entry read into it."""
    assert readings(extractor, "Les troupes russes lancent des assauts contre Tchassiv Iar.",
                    "Chasiv Yar") == {("fighting", "RU", "asserts")}
    between = "Les combats se poursuivent entre Pokrovsk et Myrnohrad."
    for place in ("Pokrovsk", "Myrnohrad"):
        assert {kind for kind, _, _ in readings(extractor, between, place)} == {"fighting"}


@pytest.mark.parametrize("text", [
    "Les forces ukrainiennes ont repris, à Kharkiv, les villages de Vovtchansk et de Lyptsi.",
    "Les Russes avancent près de Koupiansk, tandis qu'à Kharkiv, les forces ukrainiennes ont "
    "repris les villages de Vovtchansk et de Lyptsi.",
])
def test_claims_fr_a_capital_set_before_its_villages_stands_for_its_region(extractor, text: str) -> None:  # type: ignore[no-untyped-def]
    """« à Kharkiv, les villages de X et Y »: the region's capital, set off before the villages
    it locates, names their region; the city itself is taken by no one."""
    assert readings(extractor, text, "Kharkiv") == set()
    assert readings(extractor, text, "Vovchansk") == {("capture", "UA", "asserts")}
