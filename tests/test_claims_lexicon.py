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


def test_english_us_the_country_is_not_the_speakers_side() -> None:
    """"Told us" names the speaker's own side; "the US embassy" names a third country."""
    own = lexicon.load_lexicon("en").self_cue
    assert own.search("the commander told us the town held")
    assert not own.search("the US embassy said") and not own.search("US-based analysts said")


@pytest.mark.parametrize(("lang", "file", "old", "new", "error"), [
    pytest.param("en", "denials.yml", 'never, "no",', "never, no,",
                 r"en/denials\.yml: negation_words: False is not a word", id="bare-boolean-in-a-word-list"),
    pytest.param("fr", "triggers.yml", "lemmas: [", "lemmas: [on, ",
                 r"fr/triggers\.yml: lemmas: True is not a word", id="boolean-among-trigger-lemmas"),
    pytest.param("ru", "triggers.yml", "place_object: capture", "place_object: retake",
                 r"ru/triggers\.yml: place_object must be a claim kind, not 'retake'", id="place-object-no-kind"),
])
def test_a_broken_lexicon_is_refused_by_file_and_key(
        lang_dir: Path, lang: str, file: str, old: str, new: str, error: str) -> None:
    path = lang_dir / lang / file
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ConfigError, match=error):
        lexicon.load_lexicon(lang)

