"""spaCy components of frontwatch: paragraph breaks, place mentions and claims.

They are registered factories (`frontwatch_paragraphs`, `frontwatch_places`,
`frontwatch_claims`) that declare what they assign, so `nlp.analyze_pipes()` shows the
whole pipeline. Document metadata (id, publication date) reaches them through
`doc._.document`, set before the doc enters `nlp.pipe`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import Any

from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from frontwatch.claims.candidates import back_references, find_candidates
from frontwatch.claims.lexicon import load_lexicon
from frontwatch.claims.syntax import column_strings
from frontwatch.nlp.components import set_sentence_starts, text_of
from frontwatch.places import Gazetteer, PlaceFinder
from frontwatch.records import Document, PlaceMention

for _name, _default in (("document", None), ("place_mentions", ()), ("candidates", ()),
                         ("unresolved_names", ()), ("place_references", ())):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


TERMINAL = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSERS = frozenset({"»", "”", '"', ")", "’", "'"})
MARKS = TERMINAL | CLOSERS
OPENERS = "«“\"-–—(/"  # besides a capital or a digit, what a sentence may begin with
CREDIT_END = "/."  # the end of a wire's credit, "/ТАСС/."


def sentence_breaks(doc: Doc) -> Doc:
    """Sentences end at line breaks and at final punctuation before a capital, never elsewhere.

    The parsers' own sentence splits wander (inside "(...)", after "selon X,"); a fixed
    rule keeps evidence spans whole and the same in every language. It stands in for the
    sentence splitter of every pipeline, razdel's included, so it also knows what razdel
    knew of news wires: an agency credit closes a dateline ("ДОНЕЦК, 21 октября. /ТАСС/.
    Войска ...") and blank space before the first word is not part of the first sentence.
    """
    array = doc.to_array([ORTH, SPACY])
    words = column_strings(doc.vocab.strings, array[:, 0])
    spaced = array[:, 1].tolist()
    starts = [1] + [-1] * (len(words) - 1) if words else []
    # Only a line break or a final mark (maybe closed by a quote, or an agency credit's
    # "/.") ends a sentence: only the words right after one are read.
    for i in [k + 1 for k, prev in enumerate(words[:-1])
              if prev in MARKS or "\n" in prev or prev.endswith(CREDIT_END)]:
        prev, word = words[i - 1], words[i]
        if "\n" in prev:
            starts[i] = 1
        elif word.strip() and spaced[i - 1] and (
                prev in TERMINAL or prev.endswith(CREDIT_END)
                or (prev in CLOSERS and i >= 2 and words[i - 2] in TERMINAL)) and (
                word[:1].isupper() or word[:1].isdigit() or word[:1] in OPENERS):
            starts[i] = 1
    set_sentence_starts(doc, starts)
    return doc


class BatchComponent:
    """A component that `nlp.pipe` runs over a whole batch before handing any of it on.

    Documents otherwise go through the pipeline one by one, and the parsers in between
    (natasha's NER, tens of milliseconds a document) push frontwatch's code and data out of
    the processor's caches each time: run back to back, the same work takes less time."""

    def __call__(self, doc: Doc) -> Doc:
        raise NotImplementedError

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        iterator = iter(docs)
        while batch := list(islice(iterator, batch_size)):
            yield from [self(doc) for doc in batch]


class SentencesComponent(BatchComponent):
    """`sentence_breaks`, over the whole batch. Run document by document, it found its code
    and data pushed out by the parse of the document before (it runs first in the Ukrainian
    and Russian pipelines, right after the previous document's name tagger)."""

    def __call__(self, doc: Doc) -> Doc:
        return sentence_breaks(doc)


@Language.factory("frontwatch_sentences", assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentencesComponent:
    return SentencesComponent()


class PlacesComponent(BatchComponent):
    def __init__(self, gazetteer: str) -> None:
        self.finder = PlaceFinder(Gazetteer.load(Path(gazetteer) if gazetteer else None))

    def __call__(self, doc: Doc) -> Doc:
        entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        mentions, unresolved = self.finder.locate(text_of(doc), lang=doc.lang_, entities=entities)
        doc._.place_mentions, doc._.unresolved_names = tuple(mentions), tuple(unresolved)
        return doc


@Language.factory("frontwatch_places", assigns=["doc._.place_mentions", "doc._.unresolved_names"],
                  default_config={"gazetteer": ""})
def make_places(nlp: Language, name: str, gazetteer: str) -> PlacesComponent:
    return PlacesComponent(gazetteer)


class ClaimsComponent(BatchComponent):
    """Claim candidates from the parse and the lexicons (the Extractor's model decides)."""

    def __init__(self, lang: str) -> None:
        self.lexicon = load_lexicon(lang)

    def __call__(self, doc: Doc) -> Doc:
        document: Document = doc._.document or Document(id="", text=text_of(doc))
        mentions = list(doc._.place_mentions)
        persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in PERSON_LABELS
                   and not any(m.start < e.end_char and e.start_char < m.end for m in mentions)]
        unclaimed: list[PlaceMention] = []
        candidates = find_candidates(doc, document, mentions, persons, self.lexicon, unclaimed)
        doc._.candidates = tuple(candidates)
        doc._.place_references = tuple(sorted(back_references(candidates) + tuple(unclaimed),
                                              key=lambda m: (m.start, m.end)))
        return doc


PERSON_LABELS = frozenset({"PER", "PERSON"})


@Language.factory("frontwatch_claims", assigns=["doc._.candidates", "doc._.place_references"],
                  requires=["doc._.place_mentions"], default_config={})
def make_claims(nlp: Language, name: str) -> ClaimsComponent:
    return ClaimsComponent(nlp.lang or "")


def add_frontwatch_components(nlp: Language, *, gazetteer: str = "") -> Language:
    """Put frontwatch's components into a loaded pipeline (idempotent)."""
    config: dict[str, Any] = {"gazetteer": gazetteer}
    if "frontwatch_sentences" not in nlp.pipe_names:
        for replaced in ("senter", "sentencizer", "frontwatch_razdel_sents"):
            if replaced in nlp.pipe_names:
                nlp.remove_pipe(replaced)
        first = "parser" if "parser" in nlp.pipe_names else None
        if first:
            nlp.add_pipe("frontwatch_sentences", before=first)
        else:
            nlp.add_pipe("frontwatch_sentences", first=True)
    if "frontwatch_places" not in nlp.pipe_names:
        nlp.add_pipe("frontwatch_places", config=config)
    if "frontwatch_claims" not in nlp.pipe_names:
        nlp.add_pipe("frontwatch_claims")
    return nlp
