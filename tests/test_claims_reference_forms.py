"""A back-reference tells the model how it names its place: a pronoun or "the area" refers
to whatever place was last in view, a noun for a town to the last town, a plural to a whole
list, and each is right about as often as its own examples say."""

from __future__ import annotations

import pytest

from frontwatch.records import Document, PartialDate

pytestmark = pytest.mark.models


def reference_forms(extractor, text: str, lang: str) -> dict[str, set[str]]:  # type: ignore[no-untyped-def]
    """For each back-reference of the text that makes a candidate, its "refers=" features."""
    document = Document(id="t", text=text, lang=lang, published=PartialDate.parse("2025-02-07"))
    (_, candidates), = list(extractor.candidates([document]))
    forms: dict[str, set[str]] = {}
    for candidate in candidates:
        if candidate.target.coref and not candidate.target.implicit:
            words = text[candidate.target.start:candidate.target.end]
            forms.setdefault(words, set()).update(
                name for name in candidate.features if name.startswith("refers="))
    return forms


@pytest.mark.parametrize(("lang", "text", "words", "form"), [
    pytest.param("fr", "Les forces russes ont attaqué Vouhledar en octobre. De violents combats y ont eu lieu.",
                 "y", "refers=there", id="pronoun-fr"),
    pytest.param("fr", "Les forces russes ont attaqué Vouhledar en octobre. Elles ont pris la ville en novembre.",
                 "la ville", "refers=town", id="town-fr"),
    pytest.param("en", "Russian troops attacked Vuhledar in October. They captured the town in November.",
                 "the town", "refers=town", id="town-en"),
    pytest.param("en", "Ukrainian forces took Robotyne and Verbove. Russian troops attacked these villages at dawn.",
                 "these villages", "refers=list", id="list-en"),
    pytest.param("fr", "Les forces russes ont attaqué Vouhledar en octobre. Elles contrôlent désormais les "
                       "quartiers est.", "quartiers est", "refers=part", id="part-fr"),
])
def test_claims_back_reference_says_how_it_names_its_place(extractor, lang: str, text: str, words: str,
                                                          form: str) -> None:  # type: ignore[no-untyped-def]
    forms = reference_forms(extractor, text, lang)
    found = {w: f for w, f in forms.items() if words in w}
    assert found and all(f == {form} for f in found.values()), forms


def test_claims_named_place_has_no_reference_form(extractor) -> None:  # type: ignore[no-untyped-def]
    document = Document(id="t", text="Russian troops captured Vuhledar.", lang="en",
                        published=PartialDate.parse("2025-02-07"))
    (_, candidates), = list(extractor.candidates([document]))
    assert candidates and not any(n.startswith("refers=") for c in candidates for n in c.features)
