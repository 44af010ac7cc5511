"""Language id on sentences written for these tests, one set per supported language."""

from __future__ import annotations

import pytest

from frontwatch.nlp import langid
from frontwatch.nlp.langid import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Les forces russes affirment avoir pris le contrôle du village vendredi.", "fr"),
        ("Selon l'état-major ukrainien, les combats se poursuivent dans la ville.", "fr"),
        ("Ukrainian troops repelled several assaults near the town on Tuesday.", "en"),
        ("According to the map, Russian forces advanced north of the river.", "en"),
        ("Українські захисники відбили кілька штурмів поблизу міста.", "uk"),
        ("Генеральний штаб повідомив про бої на околицях села.", "uk"),
        ("Российские войска продвинулись к окраинам города, сообщило министерство.", "ru"),
        ("По данным военных, бои в населённом пункте продолжаются.", "ru"),
    ],
)
def test_nlp_langid_sentences(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "Toretsk", "12 345 678 / 2025-02-07", "OK!"])
def test_nlp_langid_too_short_is_none(text: str) -> None:
    assert detect_language(text) is None


def test_nlp_langid_only_four_languages() -> None:
    assert langid.LANGUAGES == ("fr", "en", "uk", "ru")
    # German is not a candidate, so the answer is one of ours or None, never "de"
    assert detect_language("Die russischen Truppen sind in die Stadt vorgedrungen.") in {
        None,
        "en",
        "fr",
        "uk",
        "ru",
    }


def test_nlp_langid_detector_is_built_once() -> None:
    detect_language("Russian forces entered the eastern part of the town.")
    first = langid._get_detector()
    detect_language("Les combats continuent dans le nord de la ville.")
    assert langid._get_detector() is first
