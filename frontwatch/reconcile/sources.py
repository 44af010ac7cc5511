"""Track records: how often, and how soon, what each source claims is borne out.

For every source, each of its capture and presence claims (asserted, dated, not rejected) is
checked against what came after it (docs/reconcile.md, "Sources"):

- confirmed: within `within` days of the claim (from the end of its date's period), an
  independent source says the same — the opponent admitting it, or a third party other than
  the source itself — or an imported layer shows it;
- late: confirmed only after that, but within a year (`HORIZON`; what comes later is taken
  for another episode, a place lost and retaken);
- contradicted: not confirmed, and within the window a third party (or the claimant's own
  side) says otherwise, or a layer that covers the whole window never shows it;
- open: none of these yet.

The lag is the number of days from the claim to its first confirmation, counted for claims
dated to the day. Pure functions: the layers come in as `LayerView`s, so tests hand-make both.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from frontwatch.reconcile.timeline import (
    CHECKED_KINDS,
    NARRATOR,
    AnyClaim,
    Weights,
    claim_of,
    counts,
    other,
)
from frontwatch.records import Claim, Place, StoredClaim

OUTCOMES: tuple[str, ...] = ("confirmed", "late", "contradicted", "open")
DEFAULT_WITHIN = 30
HORIZON = 365


class LayerView(Protocol):
    """A dated map layer as the track records ask it questions."""

    name: str

    def span(self, place: Place) -> tuple[dt.date, dt.date] | None:
        """The dates on which the layer speaks of `place`; None when it does not map it."""

    def first_showing(self, claim: Claim, start: dt.date, end: dt.date) -> dt.date | None:
        """The first day in [start, end] on which the layer shows what `claim` says."""


@dataclass(frozen=True, slots=True)
class Check:
    """One claim of a source and what became of it.

    `by` says what settled it: "admission", "third party", "own side" or "layer NAME";
    `evidence` is the claim that did (None for a layer, which gives `layer_date`).
    """

    claim: AnyClaim
    outcome: str
    lag: int | None = None
    by: str | None = None
    evidence: AnyClaim | None = None
    layer_date: dt.date | None = None


    def as_dict(self) -> dict[str, object]:
        claim = claim_of(self.claim)
        return {
            "claim": _id(self.claim),
            "place": {"name": claim.place.name, "geonameid": claim.place.geonameid},
            "date": str(claim.date) if claim.date else None,
            "kind": claim.kind,
            "actor": claim.actor,
            "evidence": claim.evidence,
            "outcome": self.outcome,
            "lag": self.lag,
            "by": self.by,
            "by_claim": _id(self.evidence) if self.evidence is not None else None,
            "layer_date": self.layer_date.isoformat() if self.layer_date else None,
        }


def _id(item: AnyClaim) -> int | None:
    return item.id if isinstance(item, StoredClaim) else None


@dataclass(frozen=True, slots=True)
class SourceRecord:
    """The track record of one source (a name and a side)."""

    name: str
    side: str
    checks: tuple[Check, ...]

    def having(self, outcome: str) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.outcome == outcome)

    @property
    def lags(self) -> list[int]:
        return sorted(c.lag for c in self.checks if c.lag is not None)

    @property
    def median_lag(self) -> float | None:
        lags = self.lags
        return float(statistics.median(lags)) if lags else None

    @property
    def p90_lag(self) -> int | None:
        """90th percentile by nearest rank: the lag 9 claims in 10 were confirmed within."""
        lags = self.lags
        return lags[math.ceil(0.9 * len(lags)) - 1] if lags else None

    def as_dict(self, *, details: bool = False) -> dict[str, object]:
        """The record as `frontwatch sources --json` and /api/sources give it: the counts,
        the ids of the claims behind each, and with `details` every check."""
        body: dict[str, object] = {
            "name": self.name,
            "side": self.side,
            "n_claims": len(self.checks),
            **{outcome: len(self.having(outcome)) for outcome in OUTCOMES},
            "median_lag": self.median_lag,
            "p90_lag": self.p90_lag,
            "by": dict(sorted(Counter(c.by for c in self.checks if c.by).items())),
            "claim_ids": {
                outcome: [i for i in (_id(c.claim) for c in self.having(outcome)) if i is not None]
                for outcome in OUTCOMES
            },
        }
        if details:
            body["checks"] = [check.as_dict() for check in self.checks]
        return body


def source_key(item: AnyClaim) -> tuple[str, str]:
    """A source's name and side; an outlet's own voice is named after the outlet's site."""
    claim = claim_of(item)
    name = claim.source.name
    if name == NARRATOR and isinstance(item, StoredClaim) and item.url:
        host = (urlsplit(item.url).hostname or "").removeprefix("www.")
        if host:
            name = f"{NARRATOR} ({host})"
    return name, claim.source.side


def _says_same(claim: Claim, later: Claim) -> bool:
    """Whether `later` asserts at least what `claim` does (a capture also says presence)."""
    return (
        later.stance == "asserts"
        and later.actor == claim.actor
        and (later.kind == claim.kind or (claim.kind == "presence" and later.kind == "capture"))
    )


def _says_otherwise(claim: Claim, later: Claim) -> bool:
    """Whether `later` denies `claim` or gives the place to the other side."""
    if later.stance == "denies":
        return later.actor == claim.actor and later.kind in (claim.kind, "capture")
    return later.kind == "capture" and later.actor == other(claim.actor)


def _confirmer(claim: AnyClaim, later: AnyClaim, weigh: Weights) -> str | None:
    """How `later` independently confirms `claim`, or None when it does not."""
    c, w = claim_of(claim), claim_of(later)
    if source_key(later) == source_key(claim) or not _says_same(c, w):
        return None
    strength = weigh.happened(w)
    if strength == 3 and w.source.side != c.source.side:
        return "admission"
    if strength == 2:
        return "third party"
    return None


def _contradictor(claim: AnyClaim, later: AnyClaim, weigh: Weights) -> str | None:
    """How `later` independently contradicts `claim`: a third party, or the side the claim
    favours saying it is not so (a denial, or a concession that is one: W2 to W4). The
    other side's denials are expected and do not count."""
    c, w = claim_of(claim), claim_of(later)
    if source_key(later) == source_key(claim) or not _says_otherwise(c, w):
        return None
    if w.source.side == "third":
        return "third party"
    if w.source.side == c.actor and (w.stance == "denies" or weigh.happened(w) == 3):
        return "own side"
    return None


def _publishes(layer: LayerView, claim: Claim) -> bool:
    """Whether the claim's source is the layer's publisher (a layer named "deepstate" and the
    source DeepState): its map and its words are one source."""
    return claim.source.name.casefold() == layer.name.casefold()


def _check(
    item: AnyClaim,
    neighbours: Sequence[AnyClaim],
    weigh: Weights,
    layers: Sequence[LayerView],
    within: int,
) -> Check:
    claim = claim_of(item)
    assert claim.date is not None
    first, said = claim.date.first_day(), claim.date.last_day()
    deadline = said + dt.timedelta(days=within)
    horizon = said + dt.timedelta(days=max(within, HORIZON))
    found: list[tuple[dt.date, int, Check]] = []
    for rank, later in enumerate(neighbours):
        by = _confirmer(item, later, weigh)
        when = claim_of(later).date
        if by is None or when is None or when.last_day() < first - dt.timedelta(days=within):
            continue
        day = max(when.last_day(), said)
        if day <= horizon:
            found.append((day, rank, Check(item, "", (day - said).days, by, later)))
    for rank, layer in enumerate(layers, start=len(neighbours)):
        span = layer.span(claim.place)
        # A layer speaks of a claim only if it already mapped the place when it was made,
        # and never confirms what its own publisher said.
        if span is None or first < span[0] or _publishes(layer, claim):
            continue
        shown = layer.first_showing(claim, first, min(span[1], horizon))
        if shown is not None:
            day = max(shown, said)
            found.append((day, rank, Check(item, "", (day - said).days, f"layer {layer.name}",
                                           None, shown)))
    day_precise = claim.date.precision == "day"
    if found:
        day, _, best = min(found, key=lambda f: (f[0], f[1]))
        outcome = "confirmed" if day <= deadline else "late"
        return Check(item, outcome, best.lag if day_precise else None, best.by, best.evidence,
                     best.layer_date)
    for later in neighbours:
        when = claim_of(later).date
        by = _contradictor(item, later, weigh)
        if by is not None and when is not None and first <= when.first_day() <= deadline:
            return Check(item, "contradicted", None, by, later)
    for layer in layers:
        span = layer.span(claim.place)
        if span and span[0] <= first and deadline <= span[1] and not _publishes(layer, claim):
            return Check(item, "contradicted", None, f"layer {layer.name}")
    return Check(item, "open")


def track_records(
    claims: Iterable[AnyClaim],
    *,
    layers: Sequence[LayerView] = (),
    within: int = DEFAULT_WITHIN,
) -> list[SourceRecord]:
    """Every source's checked claims, most claims first (see the module docstring)."""
    by_place: dict[int, list[AnyClaim]] = defaultdict(list)
    for item in claims:
        if counts(item):
            by_place[claim_of(item).place.geonameid].append(item)
    checks: dict[tuple[str, str], list[Check]] = defaultdict(list)
    for items in by_place.values():
        weigh = Weights(claim_of(i) for i in items)
        for item in items:
            claim = claim_of(item)
            if claim.kind in CHECKED_KINDS and claim.stance == "asserts":
                checks[source_key(item)].append(_check(item, items, weigh, layers, within))
    records = [SourceRecord(name, side, tuple(found)) for (name, side), found in checks.items()]
    return sorted(records, key=lambda r: (-len(r.checks), r.name, r.side))
