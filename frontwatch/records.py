"""Plain records that cross stage boundaries.

Every stage of the pipeline (ingest -> nlp -> places -> claims -> store -> reconcile)
takes and returns these frozen dataclasses and nothing else, so a stage can be
replaced or run elsewhere (a worker, a test) without reaching into another's internals.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

Side = Literal["RU", "UA", "third"]
Actor = Literal["RU", "UA"]
Stance = Literal["asserts", "denies"]
Precision = Literal["year", "month", "day"]

KINDS: tuple[str, ...] = ("capture", "presence", "advance", "fighting", "repelled")
ACTORS: tuple[str, ...] = ("RU", "UA")
STANCES: tuple[str, ...] = ("asserts", "denies")
SIDES: tuple[str, ...] = ("RU", "UA", "third")

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A date known to the day, the month or only the year ("fin juillet 2024" -> 2024-07)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            dt.date(self.year, self.month or 1, self.day)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse YYYY, YYYY-MM, YYYY-MM-DD or an ISO datetime (time and zone are dropped)."""
        value = text.strip()
        if "T" in value or " " in value:
            value = value.replace(" ", "T").split("T", 1)[0]
        match = _DATE_RE.match(value)
        if not match:
            raise ValueError(f"not a date (expected YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        if self.day is not None:
            return self.first_day()
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def truncate(self, precision: Precision) -> PartialDate:
        if precision == "year":
            return PartialDate(self.year)
        if precision == "month" and self.month is not None:
            return PartialDate(self.year, self.month)
        return self

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from disk or an API call: its text and what we know about it."""

    id: str
    text: str
    origin: str = ""
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    lang: str | None = None
    published: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a settlement or an admin region (GeoNames id and coordinates)."""

    geonameid: int
    name: str
    lat: float
    lon: float
    admin1: str
    country: str
    feature: str
    population: int = 0

    @property
    def is_region(self) -> bool:
        return self.feature.startswith("ADM")

    @property
    def is_unlisted(self) -> bool:
        """A settlement the gazetteer lacks, named in a region where it lists towns only:
        its id is frontwatch's own (negative) and it stands at its region's centre."""
        return self.feature == UNLISTED


UNLISTED = "PPLU"
"""Feature code of an unlisted settlement (not a GeoNames code)."""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A span of the document text resolved to a place; `how` says which rule resolved it."""

    start: int
    end: int
    text: str
    place: Place
    score: float
    how: str


@dataclass(frozen=True, slots=True)
class Source:
    """Who makes a statement: a registry name (or a person found in the text) and their side."""

    name: str
    side: Side

    @classmethod
    def narrator(cls, side: Side = "third") -> Source:
        return cls("narrator", side)


@dataclass(frozen=True, slots=True)
class Claim:
    """One statement about territorial control, with the text span that supports it."""

    doc: str
    place: Place
    place_mention: str
    kind: str
    actor: Actor
    stance: Stance
    source: Source
    date: PartialDate | None
    evidence: str
    evidence_start: int
    evidence_end: int
    confidence: float
    mention_start: int = -1
    mention_end: int = -1
    # True when the text gives no date and `date` is the article's publication date.
    date_inferred: bool = False


@dataclass(frozen=True, slots=True)
class UnresolvedName:
    """A name the places stage left without a place, and why (`--with-mentions`)."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the pipeline found in one document."""

    document: Document
    mentions: tuple[PlaceMention, ...] = ()
    claims: tuple[Claim, ...] = ()
    extractor_version: str = ""
    unresolved: tuple[UnresolvedName, ...] = ()
    references: tuple[PlaceMention, ...] = ()
    """Back-references ("the town", "там", "the western blocks") with the place each was read
    as meaning: a claim made through one names that place, and a reader can check the choice."""


@dataclass(frozen=True, slots=True)
class InputFailure:
    """A file or record that could not be read; the batch goes on without it."""

    origin: str
    reason: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One step of a place's control timeline, with the claims that support and oppose it."""

    place: Place
    date: PartialDate
    status: str
    partial: str | None = None
    claims_for: tuple[Claim | StoredClaim, ...] = field(default=())
    claims_against: tuple[Claim | StoredClaim, ...] = field(default=())
    # The rule of docs/reconcile.md that set this status, and the claims that set it (the
    # first of `claims_for`; later ones only kept it).
    rule: str = ""
    set_by: tuple[Claim | StoredClaim, ...] = field(default=())


def place_as_dict(place: Place) -> dict[str, object]:
    """The `place` object of the output contract."""
    return {
        "name": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "admin1": place.admin1,
    }


def claim_as_dict(claim: Claim) -> dict[str, object]:
    """A claim as the `frontwatch extract --jsonl` contract prints it (without "type")."""
    return {
        "doc": claim.doc,
        "place": place_as_dict(claim.place),
        "place_mention": claim.place_mention,
        "kind": claim.kind,
        "actor": claim.actor,
        "stance": claim.stance,
        "source": {"name": claim.source.name, "side": claim.source.side},
        "date": str(claim.date) if claim.date else None,
        "date_inferred": claim.date_inferred,
        "evidence": claim.evidence,
        "evidence_start": claim.evidence_start,
        "evidence_end": claim.evidence_end,
        "confidence": round(claim.confidence, 3),
    }


def mention_as_dict(doc: str, mention: PlaceMention) -> dict[str, object]:
    """A resolved toponym as `--with-mentions` prints it (without "type")."""
    return {
        "doc": doc,
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "place": place_as_dict(mention.place),
    }


def unresolved_as_dict(doc: str, name: UnresolvedName) -> dict[str, object]:
    """A name left without a place as `--with-mentions` prints it (without "type")."""
    return {"doc": doc, "start": name.start, "end": name.end, "text": name.text,
            "reason": name.reason}


ReviewState = Literal["accepted", "rejected", "corrected"]


@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as the store holds it: its row id, its article's URL and its review state.

    `claim` already carries a reviewer's correction; a `rejected` claim is kept (editors see
    it) but reconciliation ignores it.
    """

    id: int
    claim: Claim
    url: str | None = None
    review: ReviewState | None = None
