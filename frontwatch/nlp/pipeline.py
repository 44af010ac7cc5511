"""Load one spaCy pipeline per language, once per process.

Which model serves a language is data (`lang/<lang>/pipeline.yml`), not code: a language
with a packaged spaCy model names it; one without names a blank spaCy language plus the
components that stand in for a parser (sentencizer, a lookup lemmatizer).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

import spacy
import yaml
from spacy.language import Language

from frontwatch.errors import ModelError
from frontwatch.nlp import components as _components  # noqa: F401  (registers factories)

log = logging.getLogger(__name__)
LANG_DIR = Path(__file__).resolve().parent / "lang"


def supported_languages() -> list[str]:
    """Languages that have a pipeline file, hence lexicons and a model."""
    return sorted(p.parent.name for p in LANG_DIR.glob("*/pipeline.yml"))


def pipeline_spec(lang: str) -> dict[str, Any]:
    path = LANG_DIR / lang / "pipeline.yml"
    if not path.is_file():
        raise ModelError(f"no pipeline for language {lang!r} (supported: {', '.join(supported_languages())})")
    with path.open(encoding="utf-8") as handle:
        spec = yaml.safe_load(handle) or {}
    if not isinstance(spec, dict):
        raise ModelError(f"{path}: expected a mapping")
    return spec


@functools.cache
def load_pipeline(lang: str) -> Language:
    """The parsing pipeline for `lang` (cached: models load once per process)."""
    spec = pipeline_spec(lang)
    model = spec.get("model")
    try:
        if model:
            nlp = spacy.load(str(model), exclude=list(spec.get("exclude", [])))
        else:
            nlp = spacy.blank(str(spec.get("blank", lang)))
            for component in spec.get("components", []):
                name = component["name"] if isinstance(component, dict) else str(component)
                config = component.get("config", {}) if isinstance(component, dict) else {}
                nlp.add_pipe(name, config=config)
            nlp.initialize()
    except (OSError, ImportError, ValueError) as exc:
        hint = " (install it: pip install -r requirements/models.txt)" if model else ""
        raise ModelError(f"cannot load the {lang!r} pipeline {model or spec.get('blank')!r}: {exc}{hint}") from exc
    log.info("loaded %s pipeline %s", lang, nlp.meta.get("name"))
    return nlp
