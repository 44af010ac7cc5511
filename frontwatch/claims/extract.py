"""The extractor: documents in, place mentions and claims out.

Models load once per process; documents of one language go through `nlp.pipe` in
batches, with frontwatch's components at the end of the spaCy pipeline (places, then claim
candidates); the claim model (claims/model.py) then decides which candidates are claims.
"""

from __future__ import annotations

import functools
import hashlib
import logging
from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path

from spacy.language import Language

from frontwatch import __version__
from frontwatch.claims.candidates import Candidate
from frontwatch.claims.component import add_frontwatch_components
from frontwatch.claims.lexicon import lexicon_digest
from frontwatch.claims.model import DEFAULT_MODEL, ClaimModel, claims_of, load_model
from frontwatch.errors import ModelError
from frontwatch.ingest.limits import extract_in_segments
from frontwatch.nlp.langid import detect_language
from frontwatch.nlp.pipeline import load_pipeline, supported_languages
from frontwatch.places import Gazetteer
from frontwatch.places.gazetteer import DEFAULT_PATH
from frontwatch.records import Document, Extraction

log = logging.getLogger(__name__)


@functools.cache
def _data_fingerprint(gazetteer_path: str, model_path: str) -> str:
    """A short hash of every lexicon file, the gazetteer and the claim model."""
    digest = hashlib.sha256(lexicon_digest().encode())
    path = Path(gazetteer_path).resolve() if gazetteer_path else DEFAULT_PATH
    if not path.is_file():
        Gazetteer.load(path)  # raises the GazetteerError that names the file
    # The file's bytes, not the loaded gazetteer: loading it only for its name cost a second
    # in every process that needs the version but extracts nothing (a batch run's writer).
    digest.update(path.read_bytes())
    model = Path(model_path or DEFAULT_MODEL)
    digest.update(model.read_bytes() if model_path != "-" and model.is_file() else model_path.encode())
    return digest.hexdigest()[:10]


class Extractor:
    """Runs ingest's Documents through parsing, place resolution and claim extraction.

    `model` is a claim model (a path, or a loaded `ClaimModel`); the shipped one by default.
    """

    def __init__(self, *, gazetteer: Gazetteer | str | Path | None = None, batch_size: int = 32,
                 model: ClaimModel | str | Path | None = None) -> None:
        if isinstance(gazetteer, Gazetteer):
            gazetteer = gazetteer.origin
        self.gazetteer = str(gazetteer or "")
        self.batch_size = batch_size
        self._model = model
        self._pipelines: dict[str, Language] = {}

    @functools.cached_property
    def _supported(self) -> frozenset[str]:
        """The languages with a pipeline file: a look through the package's folders (about
        0.07 ms), made once per extractor, not once per call (the API's is one article)."""
        return frozenset(supported_languages())

    @property
    def model(self) -> ClaimModel:
        if not isinstance(self._model, ClaimModel):
            self._model = load_model(str(self._model or ""))
        return self._model

    @property
    def version(self) -> str:
        """Stored with every extraction, so `ingest --reextract` knows what is stale."""
        if isinstance(self._model, ClaimModel):
            model_path = "-"
        else:
            model_path = str(self._model or "")
        return f"{__version__}+{_data_fingerprint(self.gazetteer, model_path)}"

    def pipeline(self, lang: str) -> Language:
        if lang not in self._pipelines:
            nlp = load_pipeline(lang)
            self._pipelines[lang] = add_frontwatch_components(nlp, gazetteer=self.gazetteer)
        return self._pipelines[lang]

    def extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        """One Extraction per Document, in input order; a long one in segments (ingest/limits.py)."""
        return extract_in_segments(self._extract, documents, detect=detect_language)

    def _extract(self, documents: Iterable[Document]) -> Iterator[Extraction]:
        model = self.model
        for extraction, candidates in self.candidates(documents):
            document = extraction.document
            claims = tuple(claims_of(document, candidates, model, document.text))
            yield replace(extraction, claims=claims)

    def candidates(self, documents: Iterable[Document]) -> Iterator[tuple[Extraction, tuple[Candidate, ...]]]:
        """Each Document's Extraction (mentions, no claims yet) and its claim candidates."""
        version = self.version
        supported = self._supported
        iterator = iter(documents)
        while batch := list(islice(iterator, self.batch_size)):
            langs = [doc.lang or detect_language(doc.text) for doc in batch]
            results: dict[int, tuple[Extraction, tuple[Candidate, ...]]] = {}
            for lang in dict.fromkeys(langs):
                indices = [i for i, candidate in enumerate(langs) if candidate == lang]
                if lang is None or lang not in supported:
                    log.warning("no pipeline for language %r: %d document(s) give no claims", lang, len(indices))
                    for i in indices:
                        results[i] = (Extraction(batch[i], extractor_version=version), ())
                    continue
                nlp = self.pipeline(lang)
                docs = []
                for i in indices:
                    doc = nlp.make_doc(batch[i].text)
                    doc._.document = batch[i]
                    docs.append(doc)
                for i, doc in zip(indices, nlp.pipe(docs, batch_size=self.batch_size), strict=True):
                    document = batch[i] if batch[i].lang else _with_lang(batch[i], lang)
                    candidates = tuple(doc._.candidates)
                    results[i] = (Extraction(document, tuple(doc._.place_mentions), (), version,
                                             tuple(doc._.unresolved_names), tuple(doc._.place_references)),
                                  candidates)
            for i in range(len(batch)):
                yield results[i]


def _with_lang(document: Document, lang: str) -> Document:
    return replace(document, lang=lang)


__all__ = ["Extractor", "ModelError"]
