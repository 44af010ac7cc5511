"""spaCy components that stand in for a packaged model where none exists (Russian, Ukrainian).

`frontwatch_razdel_sents` splits sentences with razdel (it knows Cyrillic abbreviations
such as "м.", "с.", "обл.", "ім.", "т.д."); `frontwatch_morphology` gives every word its
lemma, part of speech and case from pymorphy3's dictionaries; `frontwatch_slovnet_syntax`
parses each sentence with natasha's slovnet news parser (Universal Dependencies relations);
`frontwatch_ru_ner` sets `doc.ents` with natasha's news NER (PER, ORG, LOC). All run
offline: natasha ships its embeddings and models inside the installed packages. They are
registered on import; `frontwatch.nlp.pipeline` imports this module before building a
blank pipeline.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, MorphAnalysis, Span, Token
from spacy.util import filter_spans

log = logging.getLogger(__name__)


def text_of(doc: Doc) -> str:
    """The document's text, built from its tokens once and kept (spaCy joins every token on
    each `doc.text`)."""
    text = doc.user_data.get("frontwatch_text")
    if not isinstance(text, str):
        text = doc.text
        doc.user_data["frontwatch_text"] = text
    return text


@Language.component("frontwatch_razdel_sents", assigns=["token.is_sent_start"])
def razdel_sentences(doc: Doc) -> Doc:
    """Sentence starts from razdel; a line break (or a start set earlier) also starts one."""
    from razdel import sentenize

    starts = {sentence.start for sentence in sentenize(text_of(doc))}
    values = []
    previous = None
    for token in doc:
        begins = (previous is None or token.idx in starts or "\n" in previous.text
                  or "\n" in previous.whitespace_ or bool(token.is_sent_start))
        values.append(1 if begins else -1)
        previous = token
    set_sentence_starts(doc, values)
    return doc


def set_sentence_starts(doc: Doc, starts: list[int]) -> None:
    """Write every token's sentence start (1 starts, -1 does not) in one pass.

    Setting `token.is_sent_start` one token at a time makes spaCy check the whole document's
    annotation on each call: quadratic in the article's length.
    """
    if not starts:
        return
    values = numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1)
    doc.from_array([SENT_START], values)  # type: ignore[arg-type]


@functools.cache
def _ner_tagger() -> Any:
    """natasha's news NER tagger (loaded once; no download)."""
    from natasha import NewsNERTagger

    return NewsNERTagger(_embedding())


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
        self.tagger = _ner_tagger()
        self.lang = lang

    def _thing(self, word: str) -> bool:
        try:
            parses = _morph(self.lang).parse(word)[:3]
        except (ValueError, LookupError):
            return False
        return bool(parses) and not any(PERSON_GRAMMEMES & set(p.tag.grammemes) for p in parses)

    def __call__(self, doc: Doc) -> Doc:
        # The tagger tokenises the text itself; natasha's own segmentation into sentences
        # and tokens (`natasha.Doc.segment`) would only be thrown away.
        text = text_of(doc)
        spans: list[Span] = []
        for found in self.tagger(text).spans if text.strip() else ():
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


@functools.cache
def _embedding() -> Any:
    from natasha import NewsEmbedding

    return NewsEmbedding()


@functools.cache
def _syntax_parser() -> Any:
    """natasha's slovnet news syntax parser (UD relations; its weights ship in the package)."""
    from natasha import NewsSyntaxParser

    return NewsSyntaxParser(_embedding())


def _sentence_words(doc: Doc) -> list[list[Token]]:
    """The non-space tokens of every sentence, the units a parser sees."""
    return [[t for t in sent if not t.is_space] for sent in doc.sents]


def set_tree(doc: Doc, parses: list[tuple[list[Token], list[int], list[str]]]) -> None:
    """Write heads and relations, one well-formed tree per sentence.

    `parses` gives, per sentence, its words, each word's head as an index into the words
    (-1 for a root) and its relation. A parser may return several roots, self-loops or
    cycles; every such word is attached to the sentence's first root, so the sentences
    the document was split into stay exactly what they were.
    """
    heads = [t.i for t in doc]
    deps = ["dep"] * len(doc)
    for words, head_index, rels in parses:
        if not words:
            continue
        roots = [k for k, h in enumerate(head_index) if h < 0 or h == k or h >= len(words)]
        root = next((k for k in roots if rels[k] == "root"), roots[0] if roots else 0)
        fixed = [root if (k != root and (h < 0 or h == k or h >= len(words))) else h
                 for k, h in enumerate(head_index)]
        fixed[root] = root
        for k in range(len(words)):
            seen = {k}
            node = fixed[k]
            while node != root and node not in seen:
                seen.add(node)
                node = fixed[node]
            if node != root:
                fixed[k] = root
        for k, word in enumerate(words):
            heads[word.i] = words[fixed[k]].i
            deps[word.i] = "ROOT" if k == root else (rels[k] or "dep")
    for sent in doc.sents:
        anchor = next((t.i for t in sent if not t.is_space), sent.start)
        root = heads[anchor] if heads[anchor] != anchor else anchor
        while heads[root] != root:
            root = heads[root]
        for token in sent:
            if token.is_space:
                previous = token.i - 1
                heads[token.i] = previous if previous >= sent.start and not doc[previous].is_space else root
                if heads[token.i] == token.i:
                    heads[token.i] = root
    array = numpy.zeros((len(doc), 2), dtype="uint64")
    vocab = doc.vocab.strings
    for i in range(len(doc)):
        array[i, 0] = numpy.uint64(numpy.int64(heads[i] - i).astype("uint64"))
        array[i, 1] = vocab.add(deps[i])
    doc.from_array([HEAD, DEP], array)  # type: ignore[arg-type]


@Language.component("frontwatch_slovnet_syntax", assigns=["token.head", "token.dep"])
def slovnet_syntax(doc: Doc) -> Doc:
    """Dependency trees from natasha's slovnet parser over the document's own sentences."""
    sentences = _sentence_words(doc)
    markups = _syntax_parser().map([[t.text for t in words] for words in sentences])
    parses = []
    for words, markup in zip(sentences, markups, strict=True):
        head_index = [int(tok.head_id.split("_")[-1]) - 1 for tok in markup.tokens]
        parses.append((words, head_index, [tok.rel or "dep" for tok in markup.tokens]))
    set_tree(doc, parses)
    return doc


FUNCTION_POS = frozenset({"PREP", "CONJ", "PRCL", "NPRO"})
"""Parts of speech of grammar words (prepositions, conjunctions, particles, pronouns),
preferred on a dictionary tie with a content word of the same form."""


def _opencorpora_tag(tag: Any) -> str:
    """The tag as the OpenCorpora tag set writes it, which `oc2ud` reads. The Ukrainian
    dictionary marks an infinitive as a verb with the grammeme "infn" ("VERB,perf infn")
    where the Russian one gives it a part of speech of its own ("INFN,perf"); read as a
    verb, every Ukrainian infinitive would be a finite verb."""
    text = str(tag)
    if "infn" in tag.grammemes and text.startswith("VERB"):
        text = "INFN" + text[len("VERB"):].replace(" infn", "").replace(",infn", "")
    return text


@functools.cache
def _analysis(lang: str, word: str) -> tuple[str, str, dict[str, str]]:
    """Lemma, universal part of speech and features of a word, from pymorphy3 (cached)."""
    from spacy.lang.ru.lemmatizer import oc2ud

    parses = _morph(lang).parse(word)
    if not parses:
        return word.lower(), "X", {}
    best = parses[0]
    if "impr" in best.tag:
        # "зашли", "перешли", "пришли": as likely the imperative of "заслать" as the past of
        # "зайти" in the dictionary; news reports what troops did, not orders to send things.
        best = next((p for p in parses if p.score == best.score and "past" in p.tag), best)
    if best.tag.POS not in FUNCTION_POS:
        # "до", "під", "про", "як", "його": the Ukrainian dictionary scores the note "до", the
        # noun "як" (a yak) and the preposition alike; the word of grammar is the one running
        # text means.
        best = next((p for p in parses if p.score == best.score and p.tag.POS in FUNCTION_POS), best)
    pos, feats = oc2ud(_opencorpora_tag(best.tag))
    cases = {feats["Case"]} if feats.get("Case") else set()
    for other in parses[1:6]:
        other_pos, other_feats = oc2ud(_opencorpora_tag(other.tag))
        if other_pos == pos and other_feats.get("Case"):
            cases.add(other_feats["Case"])
    if cases:
        # An ambiguous form keeps every case it can have ("війська": Gen, Nom, Acc).
        feats = {**feats, "Case": ",".join(sorted(cases))}
    return best.normal_form, pos, feats


@Language.component("frontwatch_morphology", assigns=["token.lemma", "token.pos", "token.morph"])
def morphology(doc: Doc) -> Doc:
    """Lemma, part of speech and case of every word from pymorphy3's dictionaries.

    Ukrainian and Russian inflect place names, nouns and verbs heavily; the lemma lets a
    lexicon list a word family once, the case tells "в Бахмуті" (in) from "до Бахмута" (to).
    """
    lang = doc.lang_
    for token in doc:
        if token.is_space:
            continue
        if token.is_punct or not any(c.isalpha() for c in token.text):
            token.lemma_ = token.text
            token.pos_ = "PUNCT" if token.is_punct else "NUM" if token.like_num else "X"
            continue
        lemma, pos, feats = _analysis(lang, token.text.lower())
        token.lemma_ = lemma
        token.pos_ = pos if pos in UNIVERSAL_POS else "X"
        if feats:
            token.morph = MorphAnalysis(doc.vocab, {k: v for k, v in feats.items() if v})
    return doc


UNIVERSAL_POS = frozenset({"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
                           "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"})


NOMINAL = frozenset({"NOUN", "PROPN", "PRON"})
MODIFIER = frozenset({"ADJ", "DET", "NUM"})


class MorphSyntax:
    """A dependency tree read off the morphology, for a language no parser knows well.

    Clauses are cut at punctuation and at subordinating words; each clause hangs on its
    predicate (its first finite verb, else its first verb); a preposition marks the noun
    after it (`case`) and that noun is the predicate's oblique; adjectives and numerals
    modify the next noun; a nominative noun is the subject, an accusative one the object, a
    genitive right after a noun that noun's modifier; names right after a noun in apposition
    ("село Кринки"); "і/та" coordinates nouns, and verbs (`_verb_after`); an infinitive
    completes the verb before it. Which words are prepositions, conjunctions and
    subordinators is data (the component's config in `lang/<lang>/pipeline.yml`).
    """

    def __init__(self, prepositions: list[str], coordinators: list[str], relatives: list[str],
                 complementizers: list[str], adverbials: list[str], negations: list[str]) -> None:
        self.prepositions = frozenset(prepositions)
        self.coordinators = frozenset(coordinators)
        self.relatives = frozenset(relatives)
        self.complementizers = frozenset(complementizers)
        self.adverbials = frozenset(adverbials)
        self.negations = frozenset(negations)

    def __call__(self, doc: Doc) -> Doc:
        parses = []
        for words in _sentence_words(doc):
            heads, rels = self.parse(words)
            parses.append((words, heads, rels))
        set_tree(doc, parses)
        return doc

    def _pos(self, token: Token) -> str:
        word = token.lower_
        if word in self.prepositions:
            return "ADP"
        if word in self.coordinators:
            return "CCONJ"
        if word in self.complementizers or word in self.adverbials:
            return "SCONJ"
        if word in self.negations:
            return "PART"
        return token.pos_ or "X"

    def parse(self, words: list[Token]) -> tuple[list[int], list[str]]:
        n = len(words)
        if not n:
            return [], []
        pos = [self._pos(w) for w in words]
        heads = [-1] * n
        rels = ["dep"] * n
        clauses = self._clauses(words, pos)
        predicates: list[int] = []
        for start, end, _ in clauses:
            predicate = self._predicate(words, pos, start, end)
            predicates.append(predicate)
            self._inside(words, pos, start, end, predicate, heads, rels)
        root = predicates[0] if predicates else 0
        for k, (start, _, marker) in enumerate(clauses):
            predicate = predicates[k]
            if k == 0:
                heads[predicate], rels[predicate] = -1, "root"
                continue
            heads[predicate] = predicates[k - 1] if marker else root
            rels[predicate] = {"relative": "acl:relcl", "complement": "ccomp", "adverbial": "advcl"}.get(
                marker, "parataxis")
            if marker and start != predicate and pos[start] in ("SCONJ", "PRON", "ADV", "DET"):
                heads[start] = predicate
                rels[start] = "mark"
        return heads, rels

    def _clauses(self, words: list[Token], pos: list[str]) -> list[tuple[int, int, str]]:
        """(start, end, marker) of each clause; marker names the word that opened it."""
        cuts: list[tuple[int, str]] = [(0, "")]
        for i, word in enumerate(words):
            if i == 0:
                continue
            previous = words[i - 1].text
            if previous in (",", "—", "–", "-", "«", "»", "\"", "(", ")", ";", ":", "“", "”"):
                cuts.append((i, self._marker(word)))
        spans = [(start, cuts[k + 1][0] if k + 1 < len(cuts) else len(words), marker)
                 for k, (start, marker) in enumerate(cuts)]
        clauses: list[tuple[int, int, str]] = []
        for start, end, marker in spans:
            has_verb = any(pos[i] in ("VERB", "AUX") for i in range(start, end))
            if clauses and not has_verb and not marker:
                # A list item or an apposition: part of the clause before it.
                first, _, first_marker = clauses[-1]
                clauses[-1] = (first, end, first_marker)
            else:
                clauses.append((start, end, marker))
        return clauses

    def _marker(self, word: Token) -> str:
        lower, lemma = word.lower_, word.lemma_.lower()
        if lower in self.relatives or lemma in self.relatives:
            return "relative"
        if lower in self.complementizers:
            return "complement"
        if lower in self.adverbials:
            return "adverbial"
        return ""

    def _predicate(self, words: list[Token], pos: list[str], start: int, end: int) -> int:
        verbs = [i for i in range(start, end) if pos[i] in ("VERB", "AUX")]
        finite = [i for i in verbs if "Fin" in words[i].morph.get("VerbForm", []) or words[i].morph.get("Tense", [])]
        if finite:
            return finite[0]
        if verbs:
            return verbs[0]
        nominal = [i for i in range(start, end) if pos[i] in NOMINAL]
        return nominal[0] if nominal else start

    def _inside(self, words: list[Token], pos: list[str], start: int, end: int, predicate: int,
                heads: list[int], rels: list[str]) -> None:
        """Attach the words of one clause to each other and to its predicate."""
        def case(i: int) -> set[str]:
            return {c for value in words[i].morph.get("Case", []) for c in value.split(",")}

        last_noun = -1
        anchor = predicate
        pending_case = -1
        pending_mods: list[int] = []
        pending_neg = -1
        for i in range(start, end):
            if i == predicate:
                if pending_neg >= 0:
                    heads[pending_neg], rels[pending_neg] = predicate, "advmod"
                    pending_neg = -1
                for m in pending_mods:
                    heads[m], rels[m] = predicate, "advmod"
                pending_mods = []
                if pos[i] in NOMINAL:
                    last_noun = i
                continue
            p = pos[i]
            if p == "PUNCT" or words[i].is_punct:
                heads[i], rels[i] = predicate, "punct"
                continue
            if p == "PART" and words[i].lower_ in self.negations:
                pending_neg = i
                continue
            if p == "ADP":
                pending_case = i
                continue
            if p in MODIFIER:
                pending_mods.append(i)
                continue
            if p == "CCONJ":
                heads[i], rels[i] = predicate, "cc"
                continue
            if p in NOMINAL:
                for m in pending_mods:
                    heads[m], rels[m] = i, "amod" if pos[m] == "ADJ" else "nummod" if pos[m] == "NUM" else "det"
                pending_mods = []
                if pending_case >= 0:
                    heads[pending_case], rels[pending_case] = i, "case"
                    heads[i], rels[i] = anchor, "obl"
                    pending_case = -1
                elif last_noun >= 0 and i - last_noun <= 2 and words[i - 1].lower_ in self.coordinators | {","}:
                    heads[i], rels[i] = last_noun, "conj"
                elif last_noun >= 0 and i == last_noun + 1 and (p == "PROPN" or words[i].text[:1].isupper()):
                    heads[i], rels[i] = last_noun, "appos"
                elif last_noun >= 0 and i == last_noun + 1 and "Gen" in case(i):
                    heads[i], rels[i] = last_noun, "nmod"
                elif "Nom" in case(i) and (i < predicate or not case(i) & {"Acc", "Gen"}):
                    heads[i], rels[i] = predicate, "nsubj"
                elif case(i) & {"Acc", "Gen"}:
                    heads[i], rels[i] = anchor, "obj"
                else:
                    heads[i], rels[i] = anchor, "obl"
                last_noun = i
                continue
            if p in ("VERB", "AUX"):
                if pending_neg >= 0:
                    heads[pending_neg], rels[pending_neg] = i, "advmod"
                    pending_neg = -1
                heads[i], rels[i] = predicate, "xcomp" if i > predicate else "advcl"
                if i > predicate:
                    self._verb_after(words, pos, i, anchor, predicate, heads, rels)
                    anchor = i
                continue
            heads[i], rels[i] = predicate, "advmod" if p == "ADV" else "dep"
        for m in pending_mods:
            heads[m], rels[m] = last_noun if last_noun >= 0 else predicate, "amod"
        if pending_case >= 0:
            heads[pending_case], rels[pending_case] = predicate, "case"
        if pending_neg >= 0:
            heads[pending_neg], rels[pending_neg] = predicate, "advmod"


    def _verb_after(self, words: list[Token], pos: list[str], i: int, last: int, predicate: int,
                    heads: list[int], rels: list[str]) -> None:
        """Attach a verb that follows the clause's predicate: after "і/та" it is a conjunct,
        a finite one of the predicate ("зупинили просування та продовжують контролювати
        село", two acts of one subject) and an infinitive of the infinitive before it
        ("намагалися прорватися та захопити"); otherwise an infinitive completes the verb
        right before it ("продовжують контролювати")."""
        k = i - 1
        while k > last and (pos[k] in ("ADV", "PART") or words[k].lower_ in self.negations):
            k -= 1
        coordinated = k > last and pos[k] == "CCONJ" and words[k].lower_ in self.coordinators
        form = set(words[i].morph.get("VerbForm", []))
        if coordinated and "Fin" in form and pos[predicate] in ("VERB", "AUX"):
            heads[i], rels[i] = predicate, "conj"
            heads[k], rels[k] = i, "cc"
        elif coordinated and "Inf" in form and pos[last] == "VERB" and "Inf" in words[last].morph.get("VerbForm", []):
            heads[i], rels[i] = last, "conj"
            heads[k], rels[k] = i, "cc"
        elif not coordinated and "Inf" in form and pos[last] in ("VERB", "AUX"):
            heads[i], rels[i] = last, "xcomp"


@Language.factory("frontwatch_morph_syntax", assigns=["token.head", "token.dep"],
                  requires=["token.pos", "token.morph"],
                  default_config={"prepositions": [], "coordinators": [], "relatives": [],
                                  "complementizers": [], "adverbials": [], "negations": []})
def make_morph_syntax(nlp: Language, name: str, prepositions: list[str], coordinators: list[str],
                      relatives: list[str], complementizers: list[str], adverbials: list[str],
                      negations: list[str]) -> MorphSyntax:
    return MorphSyntax(prepositions, coordinators, relatives, complementizers, adverbials, negations)
