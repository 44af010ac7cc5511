"""Language identification restricted to the four languages frontwatch parses.

lingua is accurate on short news sentences, but its models are slow to load: all 75
languages take about 11 s and a few hundred MB, the four we need about 1.5 s. The detector
is built once per process, on first use, so importing this module stays cheap.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

logger = logging.getLogger(__name__)

LANGUAGES: tuple[str, ...] = ("fr", "en", "uk", "ru")
MIN_LETTERS = 12
"""Below this many letters (a lone place name, a headline fragment) the answer is a guess."""
MIN_CONFIDENCE = 0.6
"""The winning language must hold this share of lingua's confidence, or we say None."""
MAX_CHARS = 5000
"""The opening of a long article decides its language; reading all of it costs time only."""

_lock = threading.Lock()
_detector: LanguageDetector | None = None


def _get_detector() -> LanguageDetector:
    """Build the detector for LANGUAGES on first call (thread-safe), then reuse it."""
    global _detector
    if _detector is None:
        with _lock:
            if _detector is None:
                from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

                languages = [
                    Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper()))
                    for code in LANGUAGES
                ]
                started = time.perf_counter()
                _detector = (
                    LanguageDetectorBuilder.from_languages(*languages)
                    .with_preloaded_language_models()
                    .build()
                )
                logger.info("language detector built in %.2fs", time.perf_counter() - started)
    return _detector


def detect_language(text: str) -> str | None:
    """'fr', 'en', 'uk' or 'ru'; None when the text is too short or no language clearly wins."""
    sample = text[:MAX_CHARS]
    if sum(ch.isalpha() for ch in sample) < MIN_LETTERS:
        return None
    values = _get_detector().compute_language_confidence_values(sample)
    if not values or values[0].value < MIN_CONFIDENCE:
        return None
    code: str = values[0].language.iso_code_639_1.name.lower()
    return code
