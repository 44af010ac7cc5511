"""Score predicted claims against hand-annotated gold articles.

The gold schema and the scoring rule are those of the evaluation README: a predicted claim
matches a gold claim when it is in the same article with the same kind, actor and stance,
and its place is the gold place (same name under transliteration-blind comparison, in the
same oblast). Everything here is a pure function over gold records and `Claim`s, so the
rules can be tested without running the extractor.

Matching rules, in order:

1. Predictions that repeat one another (same article, place, kind, actor, stance and source
   name) are collapsed into the first: the gold convention is one claim per (place, kind,
   actor, stance, source), and the store keeps one row for them, so a repeat is neither right
   nor wrong. They are counted in `duplicates`.
2. Predictions and *certain* gold claims are paired one-to-one: as many pairs as possible,
   and among those the assignment that agrees best on source side, then source name, then
   date. Two predictions of one (place, kind,
   actor, stance) from different sources can therefore match two gold claims that differ by
   source, and a third one with yet another source is a false positive: the gold records
   no such statement.
3. An unpaired prediction that matches an `uncertain` gold claim counts neither way; any
   other unpaired prediction is a false positive. Unpaired certain gold claims are false
   negatives. Uncertain gold claims never count as misses.

Place test: the admin1 regions must agree (region names compared by key, so "Donetska
Oblast", "Donetsk Oblast" and "Donetsk region" agree), and one of the predicted place name
or the predicted surface form must share a key with the gold place or the gold surface form.
Surface form against surface form is only used when the gold form is a name rather than a
coreference ("la ville", "the city", "місто"), which would otherwise match any place. With a
gazetteer, the predicted GeoNames entry also matches when one of its current, alternate or
former names is the gold place or the gold surface form (renamed towns such as
Sievierodonetsk).

On matched pairs: source-side accuracy, and date accuracy (the predicted date truncated to
the gold date's precision must equal it; only in articles whose `published` is given, gold
date null skipped).

Place resolution, over certain gold claims: a named gold surface form is resolved when the
place mentions of the article with the same text (case-blind; failing that, key-equal or one
containing the other as whole words) include one resolved to the gold place. A coreference
form has no toponym to look up, so what it was read as meaning is checked instead: some
predicted claim whose evidence overlaps the gold evidence names the gold place, or a
back-reference of the extraction with the gold's words, inside the gold evidence, was
resolved to it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontwatch.errors import InputError
from frontwatch.records import (
    KINDS,
    Claim,
    Document,
    Extraction,
    PartialDate,
    Place,
    PlaceMention,
)

if TYPE_CHECKING:
    from frontwatch.places import Gazetteer

NameTest = Callable[[str, str], bool]

_COREF_HEADS = frozenset({
    "the", "this", "that", "these", "those", "there", "here", "it", "all", "both",
    "la", "le", "les", "l", "cette", "ce", "cet", "ces", "là", "là-bas", "y", "celle", "celui",
    "toutes", "tous",
    "там", "тут", "туди", "сюди", "цей", "ця", "це", "цього", "цієї", "цьому", "цим", "цій",
    "усі", "всі", "обидва", "все", "оба",
    "этот", "эта", "это", "этого", "этой", "этом", "этим",
})


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One annotated claim, as the gold file gives it."""

    doc: str
    place: str
    place_mention: str
    admin1: str
    kind: str
    actor: str
    stance: str
    source: str
    source_side: str
    date: PartialDate | None
    evidence: str
    uncertain: bool = False


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One gold article: the input the system sees and the claims it should find."""

    document: Document
    claims: tuple[GoldClaim, ...]
    set_name: str
    path: str


@dataclass(frozen=True, slots=True)
class GoldCorpus:
    """The gold articles of a folder, grouped in sets (one per subfolder), with their hashes."""

    documents: tuple[GoldDocument, ...]
    hashes: Mapping[str, str]


@dataclass(slots=True)
class Counts:
    """True/false positives and negatives; `ignored` predictions matched uncertain gold."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    ignored: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None


@dataclass(slots=True)
class Accuracy:
    """Correct out of total; `value` is None when nothing was counted."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def add(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)


@dataclass(slots=True)
class Slice:
    """Every metric over one part of the corpus (a language, a kind, a set, a side)."""

    counts: Counts = field(default_factory=Counts)
    source_side: Accuracy = field(default_factory=Accuracy)
    date: Accuracy = field(default_factory=Accuracy)
    place_resolution: Accuracy = field(default_factory=Accuracy)

    def metric(self, name: str) -> float | None:
        """A metric by the name the gate uses: f1, precision, recall or an accuracy."""
        if name in ("f1", "precision", "recall"):
            value: float | None = getattr(self.counts, name)
            return value
        accuracy: Accuracy = getattr(self, name)
        return accuracy.value

    def one_item(self, name: str) -> float:
        """How far one claim moves a metric down: a match lost for F1, one more wrong answer
        for an accuracy. On a set of a few articles that is far more than a rounding error."""
        if name == "f1":
            c = self.counts
            denominator = 2 * c.tp + c.fp + c.fn
            if c.tp == 0 or denominator <= 1:
                return 0.0
            return 2 * c.tp / denominator - 2 * (c.tp - 1) / (denominator - 1)
        if name in ("precision", "recall"):
            return 0.0
        accuracy: Accuracy = getattr(self, name)
        return 1 / accuracy.total if accuracy.total else 0.0


@dataclass(frozen=True, slots=True)
class Miss:
    """A scoring miss: `fn` (gold evidence), `fp` (predicted evidence), or, on a matched
    claim, `side` (wrong source side) or `date` (wrong date); `place` is a gold toponym that
    did not resolve to the gold place. `note` says what the system had instead."""

    type: str
    doc: str
    lang: str
    place: str
    admin1: str
    place_mention: str
    kind: str
    actor: str
    stance: str
    source: str
    source_side: str
    date: str | None
    evidence: str
    note: str = ""


@dataclass(slots=True)
class EvalReport:
    """The scores of one run over a gold corpus."""

    overall: Slice = field(default_factory=Slice)
    by_lang: dict[str, Slice] = field(default_factory=dict)
    by_set: dict[str, Slice] = field(default_factory=dict)
    by_kind: dict[str, Slice] = field(default_factory=dict)
    by_source_side: dict[str, Slice] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)
    documents: int = 0
    duplicates: int = 0
    hashes: dict[str, str] = field(default_factory=dict)
    extractor_version: str = ""


# Loading -------------------------------------------------------------------------------


def load_gold(root: Path | str) -> GoldCorpus:
    """Read every `*.json` under `root`; each subfolder is a set named after it.

    Files directly in `root` form a set named after `root` itself, so `dev/fr` gives the
    set "fr" and `dev` gives "en", "fr", "ru", "seeds" and "uk".
    """
    base = Path(root)
    if not base.is_dir():
        raise InputError(str(base), "not a folder of gold JSON files")
    paths = sorted(base.rglob("*.json"), key=lambda p: p.relative_to(base).as_posix())
    if not paths:
        raise InputError(str(base), "no gold *.json files found")
    docs: list[GoldDocument] = []
    digests: dict[str, Any] = {}
    for path in paths:
        rel = path.relative_to(base)
        set_name = rel.parts[0] if len(rel.parts) > 1 else base.resolve().name
        data = path.read_bytes()
        digests.setdefault(set_name, hashlib.sha256()).update(data)
        docs.append(_gold_document(path, data, set_name))
    seen: dict[str, str] = {}
    for doc in docs:
        if doc.document.id in seen:
            raise InputError(doc.path, f"duplicate article id {doc.document.id!r} "
                             f"(also in {seen[doc.document.id]})")
        seen[doc.document.id] = doc.path
    return GoldCorpus(tuple(docs), {name: h.hexdigest() for name, h in sorted(digests.items())})


def _gold_document(path: Path, data: bytes, set_name: str) -> GoldDocument:
    origin = str(path)
    try:
        raw = json.loads(data)
        doc_id = str(raw["id"])
        published = raw.get("published")
        document = Document(
            id=doc_id,
            text=str(raw["text"]),
            origin=origin,
            url=raw.get("url"),
            lang=raw.get("lang"),
            published=PartialDate.parse(published) if published else None,
        )
        claims = tuple(_gold_claim(doc_id, c) for c in raw.get("claims", ()))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(origin, f"not a gold article ({type(exc).__name__}: {exc})") from exc
    return GoldDocument(document, claims, set_name, origin)


def _gold_claim(doc: str, raw: Mapping[str, Any]) -> GoldClaim:
    date = raw.get("date")
    return GoldClaim(
        doc=doc,
        place=str(raw["place"]),
        place_mention=str(raw.get("place_mention") or raw["place"]),
        admin1=str(raw["admin1"]),
        kind=str(raw["kind"]),
        actor=str(raw["actor"]),
        stance=str(raw["stance"]),
        source=str(raw["source"]),
        source_side=str(raw["source_side"]),
        date=PartialDate.parse(date) if date else None,
        evidence=str(raw.get("evidence", "")),
        uncertain=bool(raw.get("uncertain", False)),
    )


def documents(corpus: GoldCorpus) -> list[Document]:
    """The system's input: text, id, url, language and the page's own date (no hints)."""
    return [gold.document for gold in corpus.documents]


# Name and region tests -----------------------------------------------------------------


def default_same_name(a: str, b: str) -> bool:
    """Transliteration-blind name equality (shared matching key)."""
    from frontwatch.places import name_keys

    return bool(name_keys(a) & name_keys(b))


_REGION_SUFFIX = re.compile(r"(?:s?k)?(?:aia|ia|ii|oi|a|i)?$")
_CITY_REGION = re.compile(r"\s+(?:city|ville|місто|город)$", re.IGNORECASE)
"""Cities with a region's status: GeoNames' "Kyiv City" is the annotators' admin1 "Kyiv"."""


def _region_keys(name: str) -> frozenset[str]:
    from frontwatch.places.keys import phonetic_keys, region_stem

    stem = region_stem(_CITY_REGION.sub("", name)) or name
    return frozenset(_REGION_SUFFIX.sub("", key) for key in phonetic_keys(stem))


def default_same_region(a: str, b: str) -> bool:
    """Admin1 equality that ignores "Oblast"/"region" words and adjectival endings."""
    if a.casefold().strip() == b.casefold().strip():
        return True
    keys_a, keys_b = _region_keys(a), _region_keys(b)
    return bool(keys_a & keys_b) and "" not in keys_a | keys_b


def is_coreference(mention: str) -> bool:
    """Is a gold surface form a pointer ("la ville", "The city", "там") rather than a name?"""
    words = [w for w in re.split(r"[\s'’]+", mention.strip()) if w]
    if not words:
        return True
    if not any(c.isupper() for c in mention):
        return True
    # "the Kharkiv region", "L'oblast de Lougansk": a capitalised word after the pointer
    # word names the place.
    return words[0].casefold() in _COREF_HEADS and not any(w[0].isupper() for w in words[1:])


@dataclass(frozen=True, slots=True)
class PlaceRules:
    """How names and regions are compared; a gazetteer adds former and alternate names."""

    same_name: NameTest = default_same_name
    same_region: NameTest = default_same_region
    gazetteer: Gazetteer | None = None

    def region_ok(self, place: Place, gold_admin1: str) -> bool:
        if self.same_region(place.admin1, gold_admin1):
            return True
        if self.gazetteer is None:
            return False
        a, b = self.gazetteer.region(place.admin1), self.gazetteer.region(gold_admin1)
        return a is not None and b is not None and a.geonameid == b.geonameid

    def names_ok(self, place: Place, mention: str, gold_place: str, gold_mention: str) -> bool:
        golds = [gold_place] if is_coreference(gold_mention) else [gold_place, gold_mention]
        for gold in golds:
            if self.same_name(place.name, gold):
                return True
            if mention and not is_coreference(mention) and self.same_name(mention, gold):
                return True
            if self.gazetteer is not None and self.gazetteer.is_named(place, gold):
                return True
        return False

    def same_place(self, place: Place, mention: str, gold: GoldClaim) -> bool:
        return self.region_ok(place, gold.admin1) and self.names_ok(
            place, mention, gold.place, gold.place_mention
        )


# Scoring -------------------------------------------------------------------------------


def score(
    corpus: GoldCorpus,
    extractions: Iterable[Extraction],
    *,
    same_name: NameTest | None = None,
    same_region: NameTest | None = None,
    gazetteer: Gazetteer | None = None,
) -> EvalReport:
    """Score the extractions of the gold articles; see the module docstring for the rules."""
    rules = PlaceRules(
        same_name=same_name or default_same_name,
        same_region=same_region or default_same_region,
        gazetteer=gazetteer,
    )
    by_doc = {extraction.document.id: extraction for extraction in extractions}
    report = EvalReport(documents=len(corpus.documents), hashes=dict(corpus.hashes))
    versions = sorted({e.extractor_version for e in by_doc.values() if e.extractor_version})
    report.extractor_version = ",".join(versions)
    for gold in corpus.documents:
        extraction = by_doc.get(gold.document.id)
        _score_document(report, gold, extraction, rules)
    return report


def _slices(report: EvalReport, gold: GoldDocument, kind: str, side: str) -> list[Slice]:
    lang = gold.document.lang or "?"
    return [
        report.overall,
        report.by_lang.setdefault(lang, Slice()),
        report.by_set.setdefault(gold.set_name, Slice()),
        report.by_kind.setdefault(kind, Slice()),
        report.by_source_side.setdefault(side, Slice()),
    ]


def _score_document(
    report: EvalReport, gold: GoldDocument, extraction: Extraction | None, rules: PlaceRules
) -> None:
    doc = gold.document
    report.by_lang.setdefault(doc.lang or "?", Slice())
    report.by_set.setdefault(gold.set_name, Slice())
    unique: list[Claim] = []
    for claim in extraction.claims if extraction else ():
        if any(_repeats(claim, kept) for kept in unique):
            report.duplicates += 1
        else:
            unique.append(claim)
    certain = [g for g in gold.claims if not g.uncertain]
    uncertain = [g for g in gold.claims if g.uncertain]

    def matches(claim: Claim, g: GoldClaim) -> bool:
        return (
            claim.kind == g.kind
            and claim.actor == g.actor
            and claim.stance == g.stance
            and rules.same_place(claim.place, claim.place_mention, g)
        )

    weights = [
        [_preference(claim, g) if matches(claim, g) else None for g in certain]
        for claim in unique
    ]
    pair_of_pred = _max_matching(weights)
    pair_of_gold: list[int | None] = [None] * len(certain)
    for i, paired in enumerate(pair_of_pred):
        if paired is not None:
            pair_of_gold[paired] = i
    matched_preds = {p for p in pair_of_gold if p is not None}
    for j, g in enumerate(certain):
        slices = _slices(report, gold, g.kind, g.source_side)
        p = pair_of_gold[j]
        if p is None:
            for s in slices:
                s.counts.fn += 1
            report.misses.append(_gold_miss(g, doc.lang or "?"))
        else:
            claim = unique[p]
            side_ok = claim.source.side == g.source_side
            for s in slices:
                s.counts.tp += 1
                s.source_side.add(side_ok)
            if not side_ok:
                report.misses.append(_gold_miss(
                    g, doc.lang or "?", type="side",
                    note=f"predicted {claim.source.name} [{claim.source.side}]"))
            if doc.published is not None and g.date is not None:
                date_ok = claim.date is not None and claim.date.truncate(
                    g.date.precision
                ) == g.date
                for s in slices:
                    s.date.add(date_ok)
                if not date_ok:
                    report.misses.append(_gold_miss(
                        g, doc.lang or "?", type="date",
                        note=f"predicted {claim.date or 'no date'}"))
        resolved = _resolved(g, doc, extraction, rules)
        for s in slices:
            s.place_resolution.add(resolved)
        if not resolved:
            report.misses.append(_gold_miss(
                g, doc.lang or "?", type="place",
                note=_resolved_instead(g, extraction, rules)))
    for i, claim in enumerate(unique):
        if i in matched_preds:
            continue
        slices = _slices(report, gold, claim.kind, claim.source.side)
        if any(matches(claim, g) for g in uncertain):
            for s in slices:
                s.counts.ignored += 1
            continue
        for s in slices:
            s.counts.fp += 1
        report.misses.append(_claim_miss(claim, doc.id, doc.lang or "?"))


def _repeats(a: Claim, b: Claim) -> bool:
    return (
        a.place.geonameid == b.place.geonameid
        and a.kind == b.kind
        and a.actor == b.actor
        and a.stance == b.stance
        and a.source.name.casefold().strip() == b.source.name.casefold().strip()
    )


def _preference(claim: Claim, g: GoldClaim) -> int:
    """How well a key-matched pair agrees beyond the key: side 4, source name 2, date 1."""
    same_date = claim.date is not None and g.date is not None and (
        claim.date.truncate(g.date.precision) == g.date
    )
    return (
        4 * (claim.source.side == g.source_side)
        + 2 * (claim.source.name.casefold() == g.source.casefold())
        + same_date
    )


def _max_matching(weights: Sequence[Sequence[int | None]]) -> list[int | None]:
    """The gold index paired with each prediction: most pairs first, then best agreement.

    `weights[p][j]` is the agreement of prediction p with gold j, None where they do not
    match. A pair is worth more than any sum of agreements, so the assignment (Hungarian
    method, O(n^3) on a padded square matrix) maximises the pair count before agreement.
    """
    n_pred = len(weights)
    n_gold = len(weights[0]) if weights else 0
    n = max(n_pred, n_gold)
    if n == 0:
        return []
    big = 8 * n + 8
    cost = [[0.0] * (n + 1) for _ in range(n + 1)]
    for p in range(n_pred):
        for j in range(n_gold):
            w = weights[p][j]
            if w is not None:
                cost[p + 1][j + 1] = -(big + w)
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    row_of = [0] * (n + 1)
    way = [0] * (n + 1)
    for i in range(1, n + 1):
        row_of[0] = i
        j0 = 0
        minv = [float("inf")] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = row_of[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0][j] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[row_of[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if row_of[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            row_of[j0] = row_of[j1]
            j0 = j1
    pairs: list[int | None] = [None] * n_pred
    for j in range(1, n_gold + 1):
        p = row_of[j] - 1
        if 0 <= p < n_pred and weights[p][j - 1] is not None:
            pairs[p] = j - 1
    return pairs


def _resolved(
    g: GoldClaim, doc: Document, extraction: Extraction | None, rules: PlaceRules
) -> bool:
    if extraction is None:
        return False
    if is_coreference(g.place_mention):
        span = _evidence_span(g, doc)
        for claim in extraction.claims:
            if span and not (claim.evidence_start < span[1] and span[0] < claim.evidence_end):
                continue
            if rules.same_place(claim.place, "", g):
                return True
        return any(rules.same_place(m.place, "", g) for m in _references_at(g, span, extraction, rules))
    wanted = g.place_mention.casefold().strip()
    same = [m for m in extraction.mentions if m.text.casefold().strip() == wanted]
    candidates = same or [m for m in extraction.mentions
                          if _same_surface(m, g.place_mention, rules)]
    if not candidates:
        # A capitalised description that names no place ("Western blocks" opening a
        # sentence) is read, if at all, as a back-reference to one.
        candidates = _references_at(g, _evidence_span(g, doc), extraction, rules)
    return any(rules.same_place(m.place, "", g) for m in candidates)


def _resolved_instead(g: GoldClaim, extraction: Extraction | None, rules: PlaceRules) -> str:
    """What the gold toponym resolved to instead, for `--misses`."""
    if extraction is None:
        return "no extraction"
    if is_coreference(g.place_mention):
        found = _references_at(g, _evidence_span(g, extraction.document), extraction, rules)
    else:
        found = [m for m in extraction.mentions if _same_surface(m, g.place_mention, rules)] or \
            _references_at(g, _evidence_span(g, extraction.document), extraction, rules)
    if not found:
        return "not spotted"
    return "resolved to " + ", ".join(sorted({
        f"{m.place.name} ({m.place.admin1}, {m.place.geonameid})" for m in found
    }))


def _evidence_span(g: GoldClaim, doc: Document) -> tuple[int, int] | None:
    """Where the gold claim's evidence lies in its article, if it is found there."""
    start = doc.text.find(g.evidence) if g.evidence else -1
    return (start, start + len(g.evidence)) if start >= 0 else None


def _references_at(g: GoldClaim, span: tuple[int, int] | None, extraction: Extraction,
                   rules: PlaceRules) -> list[PlaceMention]:
    """The back-references inside the gold claim's evidence (`span`) with its words ("the town")."""
    if span is None:
        return []
    return [m for m in extraction.references
            if span[0] <= m.start and m.end <= span[1] and _same_surface(m, g.place_mention, rules)]


def _same_surface(mention: PlaceMention, surface: str, rules: PlaceRules) -> bool:
    a, b = mention.text.casefold().strip(), surface.casefold().strip()
    if not a or not b:
        return False
    if a == b or rules.same_name(mention.text, surface):
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long_) is not None


def _gold_miss(g: GoldClaim, lang: str, *, type: str = "fn", note: str = "") -> Miss:
    return Miss(
        type=type, note=note, doc=g.doc, lang=lang, place=g.place, admin1=g.admin1,
        place_mention=g.place_mention, kind=g.kind, actor=g.actor, stance=g.stance,
        source=g.source, source_side=g.source_side,
        date=str(g.date) if g.date else None, evidence=g.evidence,
    )


def _claim_miss(c: Claim, doc: str, lang: str) -> Miss:
    return Miss(
        type="fp", doc=doc, lang=lang, place=c.place.name, admin1=c.place.admin1,
        place_mention=c.place_mention, kind=c.kind, actor=c.actor, stance=c.stance,
        source=c.source.name, source_side=c.source.side,
        date=str(c.date) if c.date else None, evidence=c.evidence,
    )


# Output --------------------------------------------------------------------------------


def slice_as_dict(part: Slice) -> dict[str, object]:
    """One slice's numbers, rounded for reading and diffing."""

    def r(value: float | None) -> float | None:
        return None if value is None else round(value, 4)

    c = part.counts
    return {
        "tp": c.tp, "fp": c.fp, "fn": c.fn, "ignored": c.ignored,
        "precision": r(c.precision), "recall": r(c.recall), "f1": r(c.f1),
        **{
            name: {"correct": acc.correct, "total": acc.total, "accuracy": r(acc.value)}
            for name, acc in (
                ("source_side", part.source_side),
                ("date", part.date),
                ("place_resolution", part.place_resolution),
            )
        },
    }


def report_as_dict(report: EvalReport, *, misses: bool = True) -> dict[str, object]:
    """The report as `frontwatch eval --json` prints it."""
    kinds = sorted(report.by_kind, key=lambda k: (KINDS.index(k) if k in KINDS else 99, k))
    out: dict[str, object] = {
        "documents": report.documents,
        "duplicates": report.duplicates,
        "extractor_version": report.extractor_version,
        "hashes": report.hashes,
        "overall": slice_as_dict(report.overall),
        "by_set": {k: slice_as_dict(v) for k, v in sorted(report.by_set.items())},
        "by_lang": {k: slice_as_dict(v) for k, v in sorted(report.by_lang.items())},
        "by_kind": {k: slice_as_dict(report.by_kind[k]) for k in kinds},
        "by_source_side": {k: slice_as_dict(v) for k, v in sorted(report.by_source_side.items())},
    }
    if misses:
        out["misses"] = [asdict(m) for m in report.misses]
    return out


def run_extractor(corpus: GoldCorpus, extractor: Any) -> list[Extraction]:
    """Run anything with `.extract(documents)` over the gold articles' inputs."""
    return list(extractor.extract(documents(corpus)))
