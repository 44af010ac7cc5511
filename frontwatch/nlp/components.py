"""spaCy components that stand in for a parser where no packaged model exists.

`frontwatch_razdel_sents` splits sentences with razdel (it knows Cyrillic abbreviations
such as "м.", "с.", "обл.", "ім.", "т.д."), and `frontwatch_ru_ner` sets `doc.ents` with
natasha's Navec/Slovnet news NER (PER, ORG, LOC). Both run offline: natasha ships its
embeddings and model inside the installed packages. They are registered on import;
`frontwatch.nlp.pipeline` imports this module before building a blank pipeline.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

log = logging.getLogger(__name__)


@Language.component("frontwatch_razdel_sents", assigns=["token.is_sent_start"])
def razdel_sentences(doc: Doc) -> Doc:
    """Sentence starts from razdel; a line break (or a start set earlier) also starts one."""
    from razdel import sentenize

    starts = {sentence.start for sentence in sentenize(doc.text)}
    for token in doc:
        if token.i == 0:
            token.is_sent_start = True
            continue
        previous = doc[token.i - 1]
        token.is_sent_start = (
            token.idx in starts
            or "\n" in previous.text
            or "\n" in previous.whitespace_
            or bool(token.is_sent_start)
        )
    return doc


@functools.cache
def _natasha() -> tuple[Any, Any]:
    """natasha's segmenter and news NER tagger (loaded once; no download)."""
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


@functools.cache
def _morph(lang: str) -> Any:
    """pymorphy3's analyzer for `lang` (its dictionaries are installed packages)."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=lang)


PERSON_GRAMMEMES = frozenset({"anim", "Name", "Surn", "Patr"})


class NatashaNER:
    """Slovnet news NER over the whole text, aligned onto spaCy tokens.

    A one-word person that the dictionary knows only as an inanimate noun ("Торецьк", which
    the Russian-trained model takes for a surname on Ukrainian text) is dropped.
    """

    labels = ("PER", "ORG", "LOC")

    def __init__(self, lang: str) -> None:
        self.segmenter, self.tagger = _natasha()
        self.lang = lang

    def _thing(self, word: str) -> bool:
        try:
            parses = _morph(self.lang).parse(word)[:3]
        except (ValueError, LookupError):
            return False
        return bool(parses) and not any(PERSON_GRAMMEMES & set(p.tag.grammemes) for p in parses)

    def __call__(self, doc: Doc) -> Doc:
        from natasha import Doc as NatashaDoc

        parsed = NatashaDoc(doc.text)
        parsed.segment(self.segmenter)
        parsed.tag_ner(self.tagger)
        spans: list[Span] = []
        for found in parsed.spans or []:
            span = doc.char_span(found.start, found.stop, label=found.type, alignment_mode="expand")
            if span is None or found.type not in self.labels:
                continue
            if found.type == "PER" and len(span) == 1 and self._thing(span.text):
                continue
            spans.append(span)
        doc.ents = filter_spans(list(doc.ents) + spans)
        return doc


@Language.factory("frontwatch_ru_ner", assigns=["doc.ents"], default_config={})
def make_natasha_ner(nlp: Language, name: str) -> NatashaNER:
    return NatashaNER(nlp.lang or "ru")
