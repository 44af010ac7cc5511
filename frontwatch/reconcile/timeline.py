"""Claims about one place -> a dated control timeline.

Pure functions, no database: the store calls them to materialize `place_status`, tests call
them with hand-made claims. The rules are written out, numbered, in docs/reconcile.md; every
`StatusChange` names the rule that set it (`rule`) and the claims that did (`set_by`). In
short:

Input. Claims whose review is `rejected`, whose date is unknown or whose kind is not one of
the five kinds are ignored. Claims are bucketed by their date *at its own precision*
(2024-10 and 2024-10-16 are two buckets). Buckets are taken in order of first day, a coarser
bucket before a finer one starting the same day; a bucket takes effect on its first day, so
a month-dated claim counts as of every day of its month ("compares by its month").

Weights of a capture assertion by actor A: 1 when A's own side says it (self-claim), 2 when
a third party says it, 3 when A's opponent says it (admission against interest). Four
readings lower a weight to 1 (W1-W4): an outlet that states a capture in its own voice in an
article where a side's source claims the same capture for itself is relaying that claim
(W1); a partisan outlet's own voice giving a place to the side it opposes retells that
side's claim, it admits nothing (W2); an admission that its own source denies in the same
bucket is no admission (W3); one beside which its own source claims the place for its side
says nothing of who holds it (W4), though in the track records of sources it still bears out
that the other side took the place.

One bucket, given the status before it:
1. Capture assertions for both actors: `<side>_confirmed` for the side admitted by its
   opponent while the other is not (1a); otherwise `contested` (1b).
2. Capture assertions for one actor A, against contrary evidence in the bucket (a denial of
   A's capture, presence or fighting by A's opponent, a repelled assault by A): `contested`
   (2a) unless A's capture is admitted (2b, `A_confirmed`), or A already holds part of the
   place and the contrary evidence says no more than that (it stays `A_partial`, the
   capture claims listed against it). Without contrary evidence:
   `A_confirmed` for an admission (2b) or a third party (2c), or when already confirmed
   (2d); else `A_claimed` (2e).
3. No capture assertion. Presence of A in the place, said by a third party or admitted by
   A's opponent, makes it `A_partial` (3b) unless A is already said to hold it or the place
   is already partly held (the other side's presence is then the holder of the rest);
   presence of both sides is `contested` (3c), and so is A's own unconfirmed word that its
   forces entered (3f). Everything else in the bucket is checked against that: denials
   (3a), fighting (3d) and repelled assaults (3e) that the status cannot explain make it
   `contested`; those it explains keep it.
4. Advances never change a status; a place with only advances so far is `unknown`.

Partial control: the presence claim of a `*_partial` (or `contested`) status leaves its
evidence as the `partial` note, kept until the status changes; a new note on the same status
is a new change. The note is chosen by weight, confidence and text, never by the order the
claims were stored in.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from frontwatch.records import KINDS, Claim, PartialDate, Place, StatusChange, StoredClaim

STATUSES: tuple[str, ...] = (
    "ru_claimed",
    "ru_confirmed",
    "ua_claimed",
    "ua_confirmed",
    "ru_partial",
    "ua_partial",
    "contested",
    "unknown",
)
CAPTURE_STATUSES: frozenset[str] = frozenset(STATUSES[:4])
PARTIAL_STATUSES: frozenset[str] = frozenset(("ru_partial", "ua_partial"))
# Statuses that carry a partial-control note.
_NOTED: frozenset[str] = PARTIAL_STATUSES | {"contested"}

# The rule numbers of docs/reconcile.md, with the one line each status change cites.
RULES: dict[str, str] = {
    "1a": "captures claimed for both sides; one is admitted by its opponent and the other not",
    "1b": "captures claimed for both sides, neither admitted against the other",
    "2a": "a capture met by contrary evidence in the same bucket",
    "2b": "a capture admitted by the opponent (admission against interest)",
    "2c": "a capture asserted by a third party",
    "2d": "a self-claim of a capture already confirmed keeps the confirmation",
    "2e": "a self-claim of a capture that nobody else confirms",
    "3a": "a denial the status cannot explain",
    "3b": "a side's forces present in part of the place, by a third party or the opponent",
    "3c": "both sides' forces reported present in the place",
    "3d": "fighting in the place while nobody holds part of it",
    "3e": "a repelled assault the status cannot explain",
    "3f": "a side's own word that its forces entered the place, which nobody confirms",
    "4": "only advances reported so far",
}

AnyClaim = Claim | StoredClaim

_RANK = {"year": 0, "month": 1, "day": 2}
_PARTIAL_MAX = 200
NARRATOR = "narrator"
# The kinds of claim that say a side holds all or part of a place: admitted, checked.
CHECKED_KINDS: tuple[str, ...] = ("capture", "presence")


def claim_of(item: AnyClaim) -> Claim:
    """The claim itself, whether bare or as stored (with its correction applied)."""
    return item.claim if isinstance(item, StoredClaim) else item


def counts(item: AnyClaim) -> bool:
    """Whether reconciliation uses this claim: not rejected, dated, of a known kind."""
    if isinstance(item, StoredClaim) and item.review == "rejected":
        return False
    claim = claim_of(item)
    return claim.date is not None and claim.kind in KINDS


def bucket_order(date: PartialDate) -> tuple[dt.date, int]:
    """Sort key of a date bucket: first day, then coarse before fine."""
    return (date.first_day(), _RANK[date.precision])


def in_effect(date: PartialDate, as_of: dt.date) -> bool:
    """Whether a bucket dated `date` has taken effect on `as_of` (compared at its precision)."""
    return date.first_day() <= as_of


def other(actor: str) -> str:
    """The opponent of `actor`."""
    return "UA" if actor == "RU" else "RU"


def side_of(status: str) -> str | None:
    """`RU` or `UA` for a status that says a side holds all or part of the place."""
    return status[:2].upper() if status in CAPTURE_STATUSES | PARTIAL_STATUSES else None


def holds(status: str, actor: str) -> bool:
    """Whether `status` says `actor` holds the whole place (claimed or confirmed)."""
    return status in CAPTURE_STATUSES and status.startswith(actor.lower())


def weight(claim: Claim) -> int:
    """1 self-claim, 2 third party, 3 admission against interest (the opponent says it)."""
    if claim.source.side == claim.actor:
        return 1
    if claim.source.side == "third":
        return 2
    return 3


def retells(claim: Claim) -> bool:
    """W2: a partisan outlet's own voice (its `narrator`, on one side) giving a place to the
    side it opposes. An outlet's narration is not its side's command: what reads as a
    concession there is the other side's claim retold (unattributed, ironic, "the enemy
    'controls'"), so it weighs 1 like that claim; officials, units and named people of a
    side still admit against interest."""
    return claim.source.name == NARRATOR and claim.source.side not in ("third", claim.actor)


def _answer(word: Claim, admission: Claim) -> str | None:
    """How `word`, by the source that made `admission`, answers it: "denies" when it denies
    the admitted presence (or, for a capture, the capture), "counters" when it claims for its
    own side the place whose capture was admitted. Its own presence does neither: a side
    that concedes a town may still hold a street of it."""
    if word.source != admission.source:
        return None
    if word.stance == "denies":
        taken_back = word.actor == admission.actor and word.kind in ("presence", admission.kind)
        return "denies" if taken_back else None
    own = admission.kind == "capture" and word.kind == "capture" and word.actor == word.source.side
    return "counters" if own else None


def answered(claims: Iterable[Claim]) -> dict[Claim, str]:
    """Admissions against interest that their own source answers in the same bucket (the
    same place and date), and how (W3 "denies", W4 "counters"; a denial wins). Another
    source of the same side may disagree (an army admits a withdrawal its president will not
    confirm): that is two sources, and the admission stands."""
    buckets: dict[tuple[int, PartialDate | None], list[Claim]] = {}
    for claim in claims:
        buckets.setdefault((claim.place.geonameid, claim.date), []).append(claim)
    found: dict[Claim, str] = {}
    for group in buckets.values():
        for claim in group:
            if weight(claim) < 3 or claim.stance != "asserts" or claim.kind not in CHECKED_KINDS:
                continue
            answers = {_answer(word, claim) for word in group} - {None}
            if answers:
                found[claim] = "denies" if "denies" in answers else "counters"
    return found


class Weights:
    """Weights of claims read together (docs/reconcile.md, W1-W4): a claim that is another
    claim relayed or retold, or an admission its own source takes back, weighs 1."""

    def __init__(self, claims: Iterable[Claim]) -> None:
        claims = list(claims)
        self._self_claimed = {
            (c.doc, c.kind, c.actor)
            for c in claims
            if c.stance == "asserts" and c.source.side == c.actor and c.source.name != NARRATOR
        }
        self._answered = answered(claims)

    def relays(self, claim: Claim) -> bool:
        """W1: a neutral outlet's own voice repeating, in the same article, what a side
        claims for itself."""
        return (
            claim.source.name == NARRATOR
            and claim.source.side == "third"
            and (claim.doc, claim.kind, claim.actor) in self._self_claimed
        )

    def __call__(self, claim: Claim) -> int:
        """The weight of a claim for who holds the place on its date."""
        if self.relays(claim) or retells(claim) or claim in self._answered:
            return 1
        return weight(claim)

    def happened(self, claim: Claim) -> int:
        """The weight of a claim as a witness that what it says took place (the track records
        of sources): "Kyiv's troops retook it, then were pushed out" still bears out Kyiv's
        word that it retook the village (W4), though not who holds it."""
        if self._answered.get(claim) == "counters" and not retells(claim):
            return weight(claim)
        return self(claim)


def _note_key(claim: Claim, weigh: Weights) -> tuple[int, float, str, str, int, str]:
    return (
        -weigh(claim),
        -claim.confidence,
        " ".join(claim.evidence.split()),
        claim.doc,
        claim.evidence_start,
        claim.actor,
    )


def partial_note(claims: Iterable[Claim], weigh: Weights | None = None) -> str | None:
    """The note of a bucket's presence claims: the weightiest, then most confident one (ties
    by text), so the note never depends on the order claims were stored in."""
    notes = [c for c in claims if c.kind == "presence" and c.stance == "asserts"]
    if not notes:
        return None
    by = weigh or Weights(notes)
    best = min(notes, key=lambda c: _note_key(c, by))
    text = " ".join(best.evidence.split())
    if len(text) > _PARTIAL_MAX:
        text = text[: _PARTIAL_MAX - 1].rstrip() + "…"
    return f"{best.actor} presence: {text}"


@dataclass(slots=True)
class _State:
    """The status being built while buckets are folded in."""

    status: str = "unknown"
    partial: str | None = None
    claims_for: list[AnyClaim] = field(default_factory=list)
    claims_against: list[AnyClaim] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Decision:
    status: str
    rule: str
    claims_for: list[AnyClaim]
    claims_against: list[AnyClaim]
    partial: str | None


def _explains(status: str, item: Claim) -> bool:
    """Whether a place with `status` explains a claim that asserts no capture."""
    actor, foe = item.actor, other(item.actor)
    foe_holds = holds(status, foe) or status == f"{foe.lower()}_partial"
    if item.stance == "denies":
        # A holding part is no capture of the whole; it is still presence.
        partly = item.kind == "capture" and status == f"{actor.lower()}_partial"
        return foe_holds or partly
    if item.kind == "presence":
        # In a place partly held, both sides are present: the holder of the rest too.
        return holds(status, actor) or status in PARTIAL_STATUSES
    if item.kind == "fighting":
        return status in PARTIAL_STATUSES
    if item.kind == "repelled":
        return foe_holds or status == f"{actor.lower()}_partial"
    return True


def _decide(prev: _State, items: Sequence[AnyClaim], weigh: Weights) -> _Decision | None:
    """Status after one bucket, the rule, its claims for and against, and a partial note.

    None means the bucket says nothing about control (advances only).
    """
    captures: dict[str, list[AnyClaim]] = {"RU": [], "UA": []}
    others: list[AnyClaim] = []
    for item in items:
        c = claim_of(item)
        if c.kind == "capture" and c.stance == "asserts":
            captures[c.actor].append(item)
        elif c.kind != "advance" and (c.stance == "asserts" or c.kind in ("capture", "presence")):
            others.append(item)

    def best(group: list[AnyClaim]) -> int:
        return max((weigh(claim_of(i)) for i in group), default=0)

    def denials_of(actor: str, kinds: tuple[str, ...]) -> list[AnyClaim]:
        return [
            i
            for i in others
            if claim_of(i).stance == "denies"
            and claim_of(i).actor == actor
            and claim_of(i).kind in kinds
        ]

    partial = partial_note((claim_of(i) for i in items), weigh)

    if captures["RU"] and captures["UA"]:
        ru, ua = best(captures["RU"]), best(captures["UA"])
        if max(ru, ua) == 3 and ru != ua:
            winner = "RU" if ru > ua else "UA"
            return _Decision(
                f"{winner.lower()}_confirmed",
                "1a",
                captures[winner],
                captures[other(winner)] + denials_of(winner, ("capture",)),
                None,
            )
        denied = denials_of("RU", ("capture",)) + denials_of("UA", ("capture",))
        return _Decision("contested", "1b", captures["RU"] + captures["UA"] + denied, [], partial)

    for actor in ("RU", "UA"):
        if not captures[actor]:
            continue
        foe = other(actor)
        asserted = [i for i in others if claim_of(i).stance == "asserts"]
        contrary = (
            denials_of(actor, ("capture",))
            + [i for i in asserted
               if claim_of(i).kind in ("presence", "fighting") and claim_of(i).actor == foe]
            + [i for i in asserted if claim_of(i).kind == "repelled" and claim_of(i).actor == actor]
        )
        strength = best(captures[actor])
        partly = f"{actor.lower()}_partial"
        if contrary and strength < 3:
            if prev.status == partly and all(_explains(partly, claim_of(i)) for i in contrary):
                return _Decision(partly, "2a", contrary, captures[actor], prev.partial)
            return _Decision("contested", "2a", contrary, captures[actor], partial)
        if strength == 3:
            rule = "2b"
        elif strength == 2:
            rule = "2c"
        elif prev.status == f"{actor.lower()}_confirmed":
            rule = "2d"
        else:
            rule = "2e"
        status = f"{actor.lower()}_{'claimed' if rule == '2e' else 'confirmed'}"
        supporting = captures[actor] + [
            i for i in asserted
            if claim_of(i).kind in ("presence", "fighting") and claim_of(i).actor == actor
        ]
        return _Decision(status, rule, supporting, contrary, None)

    presence = [i for i in others
                if claim_of(i).kind == "presence" and claim_of(i).stance == "asserts"]
    present = sorted({claim_of(i).actor for i in presence})
    if not present or prev.status in PARTIAL_STATUSES or holds(prev.status, present[0]):
        candidate = prev.status
    elif len(present) == 2 or best(presence) < 2:
        candidate = "contested"
    else:
        candidate = f"{present[0].lower()}_partial"
    explained = [i for i in others if _explains(candidate, claim_of(i))]
    unexplained = [i for i in others if not _explains(candidate, claim_of(i))]
    prev_claims = list(prev.claims_for) if side_of(prev.status) else []

    if unexplained:
        kinds = {claim_of(i).kind if claim_of(i).stance == "asserts" else "denial"
                 for i in unexplained}
        if len(present) == 2 and candidate == "contested":
            rule = "3c"
        elif "denial" in kinds:
            rule = "3a"
        elif "presence" in kinds:
            rule = "3f"
        elif "fighting" in kinds:
            rule = "3d"
        else:
            rule = "3e"
        return _Decision("contested", rule, unexplained + explained, prev_claims, partial)
    if not explained:
        return None
    if candidate != prev.status:
        return _Decision(candidate, "3b", explained, prev_claims, partial)
    note = prev.partial
    holder = side_of(candidate)
    renewing = [claim_of(i) for i in presence
                if claim_of(i).actor == holder and weigh(claim_of(i)) >= 2]
    if candidate in PARTIAL_STATUSES and renewing:
        # Only an independent word of the holder's presence renews the note: not the
        # defender's, not the holder's own.
        note = partial_note(renewing, weigh)
    return _Decision(candidate, "3b" if note != prev.partial else "", explained, [], note)


def timeline(claims: Iterable[AnyClaim], place: Place | None = None) -> list[StatusChange]:
    """The status changes of one place, oldest first (see the module docstring for rules).

    `place` defaults to the place of the first claim; claims are assumed to be about it.
    """
    usable = [c for c in claims if counts(c)]
    if not usable:
        return []
    where = place or claim_of(usable[0]).place
    weigh = Weights(claim_of(c) for c in usable)
    buckets: dict[PartialDate, list[AnyClaim]] = {}
    for item in usable:
        date = claim_of(item).date
        assert date is not None
        buckets.setdefault(date, []).append(item)

    changes: list[StatusChange] = []
    state = _State()
    for date in sorted(buckets, key=bucket_order):
        items = buckets[date]
        decided = _decide(state, items, weigh)
        if decided is None:
            if not changes:
                state.claims_for = list(items)
                changes.append(
                    StatusChange(where, date, "unknown", None, tuple(items), (), rule="4",
                                 set_by=tuple(items))
                )
            continue
        new_note = (
            decided.status in _NOTED
            and decided.partial is not None
            and decided.partial != state.partial
        )
        if changes and decided.status == state.status and not new_note:
            state.claims_for += decided.claims_for
            state.claims_against += decided.claims_against
            state.partial = decided.partial or state.partial
            changes[-1] = replace(
                changes[-1],
                partial=state.partial,
                claims_for=tuple(state.claims_for),
                claims_against=tuple(state.claims_against),
            )
            continue
        state.status = decided.status
        state.claims_for = list(decided.claims_for)
        state.claims_against = list(decided.claims_against)
        state.partial = decided.partial if decided.status in _NOTED else None
        changes.append(
            StatusChange(
                where,
                date,
                decided.status,
                state.partial,
                tuple(decided.claims_for),
                tuple(decided.claims_against),
                rule=decided.rule,
                set_by=tuple(decided.claims_for),
            )
        )
    return changes


def status_as_of(changes: Sequence[StatusChange], as_of: dt.date | None) -> StatusChange | None:
    """The change in effect on `as_of` (the latest when None), or None before the first."""
    current: StatusChange | None = None
    for change in changes:
        if as_of is not None and not in_effect(change.date, as_of):
            break
        current = change
    return current


def status_of(claims: Iterable[AnyClaim], as_of: dt.date | None = None) -> str:
    """Shortcut: the status name reconciled from `claims` as of a date."""
    change = status_as_of(timeline(claims), as_of)
    return change.status if change else "unknown"
