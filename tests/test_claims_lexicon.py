"""The per-language lexicon files: every shipped one loads, and a broken one is refused by name."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from frontwatch.claims import lexicon
from frontwatch.errors import ConfigError


@pytest.fixture
def lang_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the shipped lexicons that a test may break, loaded instead of the real ones."""
    copy = tmp_path / "lang"
    shutil.copytree(lexicon.LANG_DIR, copy)
    monkeypatch.setattr(lexicon, "LANG_DIR", copy)
    lexicon.load_lexicon.cache_clear()
    yield copy
    lexicon.load_lexicon.cache_clear()


@pytest.mark.parametrize("lang", ["en", "fr", "ru", "uk"])
def test_shipped_lexicons_load(lang: str) -> None:
    assert lexicon.load_lexicon(lang).negation_words


def test_english_no_is_a_negation_word() -> None:
    """A bare `no` in YAML is the boolean false; the list must hold the word itself."""
    words = lexicon.load_lexicon("en").negation_words
    assert "no" in words
    assert "false" not in words


def test_a_bare_yaml_boolean_in_a_word_list_is_refused(lang_dir: Path) -> None:
    path = lang_dir / "en" / "denials.yml"
    text = path.read_text(encoding="utf-8").replace('never, "no",', "never, no,")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"en/denials\.yml: negation_words: False is not a word"):
        lexicon.load_lexicon("en")


def test_a_boolean_among_trigger_lemmas_is_refused(lang_dir: Path) -> None:
    path = lang_dir / "fr" / "triggers.yml"
    text = path.read_text(encoding="utf-8").replace("lemmas: [", "lemmas: [on, ", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"fr/triggers\.yml: lemmas: True is not a word"):
        lexicon.load_lexicon("fr")


def test_a_place_object_that_is_no_claim_kind_is_refused(lang_dir: Path) -> None:
    path = lang_dir / "ru" / "triggers.yml"
    text = path.read_text(encoding="utf-8").replace("place_object: capture", "place_object: retake", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r"ru/triggers\.yml: place_object must be a claim kind, not 'retake'"):
        lexicon.load_lexicon("ru")

