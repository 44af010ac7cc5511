"""Claims about one place -> a dated control timeline.

Pure functions, no database: the store calls them to materialize `place_status`, tests call
them with hand-made claims. The rules are written out in docs/reconcile.md; in short:

Input. Claims whose review is `rejected`, whose date is unknown or whose kind is not one of
the five kinds are ignored. Claims are bucketed by their date *at its own precision*
(2024-10 and 2024-10-16 are two buckets). Buckets are taken in order of first day, a coarser
bucket before a finer one starting the same day; a bucket takes effect on its first day, so
a month-dated claim counts as of every day of its month ("compares by its month").

Weights of a capture assertion by actor A: 1 when A's own side says it (self-claim), 2 when
a third party says it, 3 when A's opponent says it (admission against interest).

One bucket, given the status before it (`prev`):
1. Capture assertions for both actors: the side whose best weight is 3 while the other's is
   lower wins (`<side>_confirmed`, the other claims against); otherwise `contested`.
2. Capture assertions for one actor A. Contrary evidence in the bucket is a denial of A's
   capture, presence or fighting by A's opponent, or a repelled assault by A. With contrary
   evidence: `contested`, unless A's best weight is 3 (the admission stands, the contrary
   claims are listed against). Without: `A_confirmed` when a weight is >= 2 or `prev` is
   already `A_confirmed` (a self-claim never downgrades a confirmation), else `A_claimed`.
3. No capture assertion. A denial of A's capture contests `A_*`, `unknown` and `contested`
   (somebody claimed it) but is consistent with the opponent holding it. Presence by A is
   consistent with `A_*` and contests anything else. Fighting contests anything. A repelled
   assault by A is consistent with the opponent holding it (it at most keeps an
   opponent-held status) and contests anything else.
4. Advances never change a status; a place with only advances so far is `unknown`.

Partial control: a presence claim that contests a status leaves its evidence as the
`partial` note, kept until the status changes. A new `StatusChange` is emitted when the
status changes or a `contested` place gets a new partial note (Russian forces entering the
eastern part is news even when the town was already contested); a bucket that keeps both
adds its supporting claims to the current change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Literal

from frontwatch.records import KINDS, Claim, PartialDate, Place, StatusChange, StoredClaim

Status = Literal["ru_claimed", "ru_confirmed", "ua_claimed", "ua_confirmed", "contested", "unknown"]
STATUSES: tuple[str, ...] = (
    "ru_claimed",
    "ru_confirmed",
    "ua_claimed",
    "ua_confirmed",
    "contested",
    "unknown",
)
CAPTURE_STATUSES: frozenset[str] = frozenset(STATUSES[:4])

AnyClaim = Claim | StoredClaim

_RANK = {"year": 0, "month": 1, "day": 2}
_PARTIAL_MAX = 200


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


def _other(actor: str) -> str:
    return "UA" if actor == "RU" else "RU"


def _side_of(status: str) -> str | None:
    return status[:2].upper() if status in CAPTURE_STATUSES else None


def weight(claim: Claim) -> int:
    """1 self-claim, 2 third party, 3 admission against interest (the opponent says it)."""
    if claim.source.side == claim.actor:
        return 1
    if claim.source.side == "third":
        return 2
    return 3


def _partial_note(claims: Iterable[Claim]) -> str | None:
    notes = [c for c in claims if c.kind == "presence" and c.stance == "asserts"]
    if not notes:
        return None
    text = " ".join(notes[-1].evidence.split())
    if len(text) > _PARTIAL_MAX:
        text = text[: _PARTIAL_MAX - 1].rstrip() + "…"
    return f"{notes[-1].actor} presence: {text}"


class _State:
    """The status being built while buckets are folded in."""

    def __init__(self) -> None:
        self.status = "unknown"
        self.partial: str | None = None
        self.claims_for: list[AnyClaim] = []
        self.claims_against: list[AnyClaim] = []


def _decide(
    prev: _State, items: Sequence[AnyClaim]
) -> tuple[str, list[AnyClaim], list[AnyClaim], str | None] | None:
    """Status after one bucket, its claims for and against, and a partial note.

    None means the bucket leaves the status as it was (its consistent claims are returned
    through the `for` list of a same-status result instead where there are any).
    """
    captures: dict[str, list[AnyClaim]] = {"RU": [], "UA": []}
    denials: dict[str, list[AnyClaim]] = {"RU": [], "UA": []}
    presence: list[AnyClaim] = []
    fighting: list[AnyClaim] = []
    repelled: list[AnyClaim] = []
    for item in items:
        c = claim_of(item)
        if c.kind == "capture":
            (captures if c.stance == "asserts" else denials)[c.actor].append(item)
        elif c.stance != "asserts":
            continue
        elif c.kind == "presence":
            presence.append(item)
        elif c.kind == "fighting":
            fighting.append(item)
        elif c.kind == "repelled":
            repelled.append(item)

    def best(group: list[AnyClaim]) -> int:
        return max((weight(claim_of(i)) for i in group), default=0)

    prev_side = _side_of(prev.status)
    plain = [claim_of(i) for i in items]
    partial = _partial_note(plain)

    if captures["RU"] and captures["UA"]:
        ru, ua = best(captures["RU"]), best(captures["UA"])
        if max(ru, ua) == 3 and ru != ua:
            winner = "RU" if ru > ua else "UA"
            return (
                f"{winner.lower()}_confirmed",
                captures[winner],
                captures[_other(winner)] + denials[winner],
                None,
            )
        return (
            "contested",
            captures["RU"] + captures["UA"] + denials["RU"] + denials["UA"],
            [],
            partial,
        )

    for actor in ("RU", "UA"):
        if not captures[actor]:
            continue
        foe = _other(actor)
        contrary = (
            denials[actor]
            + [i for i in presence + fighting if claim_of(i).actor == foe]
            + [i for i in repelled if claim_of(i).actor == actor]
        )
        strength = best(captures[actor])
        if contrary and strength < 3:
            return "contested", contrary, captures[actor], partial
        confirmed = strength >= 2 or prev.status == f"{actor.lower()}_confirmed"
        status = f"{actor.lower()}_{'confirmed' if confirmed else 'claimed'}"
        supporting = captures[actor] + [
            i for i in presence + fighting if claim_of(i).actor == actor
        ]
        return status, supporting, contrary, None

    contest: list[AnyClaim] = []
    consistent: list[AnyClaim] = []
    for actor in ("RU", "UA"):
        for item in denials[actor]:
            (consistent if prev_side == _other(actor) else contest).append(item)
    for item in presence:
        (consistent if prev_side == claim_of(item).actor else contest).append(item)
    contest.extend(fighting)
    for item in repelled:
        (consistent if prev_side == _other(claim_of(item).actor) else contest).append(item)

    if contest:
        against = list(prev.claims_for) if prev_side else []
        return "contested", contest + consistent, against, partial
    if consistent:
        return prev.status, consistent, [], prev.partial
    return None


def timeline(claims: Iterable[AnyClaim], place: Place | None = None) -> list[StatusChange]:
    """The status changes of one place, oldest first (see the module docstring for rules).

    `place` defaults to the place of the first claim; claims are assumed to be about it.
    """
    usable = [c for c in claims if counts(c)]
    if not usable:
        return []
    where = place or claim_of(usable[0]).place
    buckets: dict[PartialDate, list[AnyClaim]] = {}
    for item in usable:
        date = claim_of(item).date
        assert date is not None
        buckets.setdefault(date, []).append(item)

    changes: list[StatusChange] = []
    state = _State()
    for date in sorted(buckets, key=bucket_order):
        items = buckets[date]
        decided = _decide(state, items)
        if decided is None:
            if not changes:
                changes.append(StatusChange(where, date, "unknown", None, tuple(items), ()))
                state.claims_for = list(items)
            continue
        status, claims_for, claims_against, partial = decided
        new_partial = status == "contested" and partial is not None and partial != state.partial
        if changes and status == state.status and not new_partial:
            last = changes[-1]
            state.claims_for += claims_for
            state.claims_against += claims_against
            state.partial = partial or state.partial
            changes[-1] = replace(
                last,
                partial=state.partial,
                claims_for=tuple(state.claims_for),
                claims_against=tuple(state.claims_against),
            )
            continue
        state.status = status
        state.claims_for = list(claims_for)
        state.claims_against = list(claims_against)
        state.partial = partial if status == "contested" else None
        changes.append(
            StatusChange(
                where, date, status, state.partial, tuple(claims_for), tuple(claims_against)
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
