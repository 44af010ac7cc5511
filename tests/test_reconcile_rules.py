"""Each reconciliation rule on a small hand-made claim set."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import replace

import pytest

from frontwatch.reconcile import RULES, Weights, status_as_of, status_of, timeline
from frontwatch.records import Claim, PartialDate, Place, Source, StoredClaim

TORETSK = Place(709354, "Toretsk", 48.3979, 37.8476, "Donetsk Oblast", "UA", "PPLA3")


def mk(
    kind: str,
    actor: str,
    source_side: str,
    date: str | None,
    *,
    stance: str = "asserts",
    source: str | None = None,
    evidence: str = "",
) -> Claim:
    return Claim(
        doc="d",
        place=TORETSK,
        place_mention="Toretsk",
        kind=kind,
        actor=actor,  # type: ignore[arg-type]
        stance=stance,  # type: ignore[arg-type]
        source=Source(source or f"{source_side} source", source_side),  # type: ignore[arg-type]
        date=PartialDate.parse(date) if date else None,
        evidence=evidence or f"{source_side} says {actor} {kind} {stance}",
        evidence_start=0,
        evidence_end=10,
        confidence=0.9,
    )


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([mk("capture", "RU", "RU", "2025-02-07")], "ru_claimed"),
        ([mk("capture", "UA", "UA", "2025-02-07")], "ua_claimed"),
        ([mk("capture", "RU", "third", "2025-02-07")], "ru_confirmed"),
        ([mk("capture", "RU", "UA", "2025-02-07")], "ru_confirmed"),
        ([mk("capture", "UA", "RU", "2025-02-07")], "ua_confirmed"),
        ([mk("presence", "RU", "UA", "2025-02-07")], "ru_partial"),
        ([mk("presence", "UA", "third", "2025-02-07")], "ua_partial"),
        ([mk("fighting", "RU", "third", "2025-02-07")], "contested"),
        ([mk("repelled", "RU", "UA", "2025-02-07")], "contested"),
        ([mk("advance", "RU", "RU", "2025-02-07")], "unknown"),
        ([], "unknown"),
    ],
)
def test_reconcile_single_claim(claims: list[Claim], expected: str) -> None:
    assert status_of(claims) == expected


def test_reconcile_denial_contests_capture_same_day() -> None:
    claims = [
        mk("capture", "RU", "RU", "2025-02-07", source="Russian Ministry of Defence"),
        mk("capture", "RU", "UA", "2025-02-07", stance="denies", source="Ukrainian army"),
    ]
    [change] = timeline(claims)
    assert change.status == "contested"
    assert [c.source.name for c in change.claims_for] == ["Ukrainian army"]
    assert [c.source.name for c in change.claims_against] == ["Russian Ministry of Defence"]


def test_reconcile_later_denial_contests_claimed_capture() -> None:
    claims = [
        mk("capture", "RU", "RU", "2025-02-07"),
        mk("capture", "RU", "UA", "2025-02-09", stance="denies"),
    ]
    assert [c.status for c in timeline(claims)] == ["ru_claimed", "contested"]
    assert status_of(claims, dt.date(2025, 2, 8)) == "ru_claimed"


def test_reconcile_denial_of_other_side_capture_is_consistent() -> None:
    claims = [
        mk("capture", "UA", "third", "2025-02-01"),
        mk("capture", "RU", "UA", "2025-02-09", stance="denies"),
    ]
    [change] = timeline(claims)
    assert change.status == "ua_confirmed"
    assert len(change.claims_for) == 2


def test_reconcile_confirmation_upgrades_and_self_claim_never_downgrades() -> None:
    claims = [
        mk("capture", "RU", "RU", "2025-02-07"),
        mk("capture", "RU", "third", "2025-02-10", source="ISW"),
        mk("capture", "RU", "RU", "2025-02-12"),
    ]
    changes = timeline(claims)
    assert [c.status for c in changes] == ["ru_claimed", "ru_confirmed"]
    assert len(changes[-1].claims_for) == 2


def test_reconcile_admission_outweighs_contrary_claims() -> None:
    claims = [
        mk("capture", "RU", "UA", "2025-02-07", source="Ukrainian army"),
        mk("capture", "UA", "UA", "2025-02-07", source="Ukrainian unit"),
    ]
    [change] = timeline(claims)
    assert change.status == "ru_confirmed"
    assert [c.source.name for c in change.claims_against] == ["Ukrainian unit"]
    denied = [
        mk("capture", "RU", "UA", "2025-02-07"),
        mk("capture", "RU", "third", "2025-02-07", stance="denies"),
    ]
    assert status_of(denied) == "ru_confirmed"


def test_reconcile_conflicting_self_claims_are_contested() -> None:
    claims = [mk("capture", "RU", "RU", "2025-02-07"), mk("capture", "UA", "UA", "2025-02-07")]
    assert status_of(claims) == "contested"


def test_reconcile_presence_of_holder_is_consistent_else_partial() -> None:
    held = [mk("capture", "RU", "RU", "2025-02-07"), mk("presence", "RU", "RU", "2025-02-09")]
    assert [c.status for c in timeline(held)] == ["ru_claimed"]
    entered = [mk("capture", "UA", "UA", "2025-01-01"), mk("presence", "RU", "UA", "2025-02-09")]
    changes = timeline(entered)
    assert [(c.status, c.rule) for c in changes] == [("ua_claimed", "2e"), ("ru_partial", "3b")]
    assert changes[1].claims_against == changes[0].claims_for
    both = [mk("presence", "RU", "RU", "2025-02-09"), mk("presence", "UA", "UA", "2025-02-09")]
    assert [(c.status, c.rule) for c in timeline(both)] == [("contested", "3c")]


def test_reconcile_capture_with_own_fighting_same_day_is_not_contrary() -> None:
    claims = [mk("capture", "RU", "RU", "2025-02-07"), mk("fighting", "RU", "third", "2025-02-07")]
    assert status_of(claims) == "ru_claimed"


def test_reconcile_repelled_keeps_defender_status_at_most() -> None:
    held = [mk("capture", "UA", "UA", "2024-01-01"), mk("repelled", "RU", "UA", "2024-03-01")]
    assert [c.status for c in timeline(held)] == ["ua_claimed"]
    claimed = [mk("capture", "RU", "RU", "2024-01-01"), mk("repelled", "RU", "UA", "2024-03-01")]
    assert [c.status for c in timeline(claimed)] == ["ru_claimed", "contested"]


def test_reconcile_partial_note_from_presence() -> None:
    claims = [
        mk("presence", "RU", "UA", "2024-10", evidence="Russian forces entered the eastern part"),
        mk("fighting", "RU", "third", "2024-11-02"),
    ]
    changes = timeline(claims)
    assert len(changes) == 1
    assert changes[0].partial is not None
    assert "eastern part" in changes[0].partial
    later = claims + [mk("capture", "RU", "third", "2025-02-10")]
    assert timeline(later)[-1].partial is None


def test_reconcile_month_bucket_compares_by_month() -> None:
    claims = [
        mk("presence", "RU", "UA", "2024-10"),
        mk("capture", "RU", "RU", "2024-10-20"),
    ]
    changes = timeline(claims)
    assert [str(c.date) for c in changes] == ["2024-10", "2024-10-20"]
    assert status_as_of(changes, dt.date(2024, 10, 1)) is changes[0]
    assert status_as_of(changes, dt.date(2024, 9, 30)) is None
    assert status_as_of(changes, dt.date(2024, 10, 25)) is changes[1]


def test_reconcile_newer_evidence_supersedes() -> None:
    claims = [
        mk("capture", "UA", "third", "2022-09-10"),
        mk("fighting", "RU", "third", "2024-06-01"),
        mk("capture", "RU", "RU", "2025-02-07"),
    ]
    assert [c.status for c in timeline(claims)] == ["ua_confirmed", "contested", "ru_claimed"]
    assert status_of(claims, dt.date(2023, 1, 1)) == "ua_confirmed"


def test_reconcile_ignores_rejected_and_undated_claims() -> None:
    rejected = StoredClaim(1, mk("capture", "RU", "RU", "2025-02-07"), None, "rejected")
    undated = mk("capture", "UA", "UA", None)
    kept = StoredClaim(2, mk("fighting", "RU", "third", "2025-02-01"), None, None)
    changes = timeline([rejected, undated, kept])
    assert [c.status for c in changes] == ["contested"]
    assert changes[0].claims_for == (kept,)


def test_reconcile_advance_only_is_unknown_then_changes() -> None:
    claims = [mk("advance", "RU", "RU", "2024-08-01"), mk("fighting", "RU", "UA", "2024-09-01")]
    assert [c.status for c in timeline(claims)] == ["unknown", "contested"]


def test_reconcile_new_partial_note_is_a_timeline_entry() -> None:
    claims = [
        mk("fighting", "RU", "third", "2024"),
        mk("presence", "RU", "UA", "2024-10-07", evidence="entered the eastern part"),
        mk("fighting", "RU", "UA", "2024-10-20"),
    ]
    changes = timeline(claims)
    assert [(str(c.date), c.status, c.partial is not None) for c in changes] == [
        ("2024", "contested", False),
        ("2024-10-07", "ru_partial", True),
    ]
    assert len(changes[-1].claims_for) == 2
    assert len(changes[-1].set_by) == 1
    again = claims + [mk("presence", "RU", "UA", "2024-11-03", evidence="now hold the centre")]
    changes = timeline(again)
    assert [(str(c.date), c.status, c.rule) for c in changes][1:] == [
        ("2024-10-07", "ru_partial", "3b"),
        ("2024-11-03", "ru_partial", "3b"),
    ]
    assert changes[-1].partial == "RU presence: now hold the centre"


def test_reconcile_partial_note_does_not_depend_on_claim_order() -> None:
    """The same claims, stored in any order, give the same note: the admission (weight 3)
    beats a third party, which beats the side's own word; ties go by confidence, then text."""
    claims = [
        mk("presence", "RU", "RU", "2024-10-07", evidence="Our assault units hold the mine."),
        mk("presence", "RU", "third", "2024-10-07", evidence="Russian soldiers seen by the church."),
        mk("presence", "RU", "UA", "2024-10-07", evidence="The enemy has a foothold in the north."),
        mk("presence", "RU", "UA", "2024-10-07", evidence="Enemy groups hide in the east."),
    ]
    seen = set()
    for order in itertools.permutations(claims):
        [change] = timeline(order)
        seen.add((change.status, change.rule, change.partial))
    assert seen == {("ru_partial", "3b", "RU presence: Enemy groups hide in the east.")}


def test_reconcile_relayed_claim_is_no_confirmation() -> None:
    """An outlet stating in its own voice what a side claims in the same article relays the
    claim; the same words in another outlet's article confirm it."""
    mod = mk("capture", "RU", "RU", "2025-02-07", source="Russian Ministry of Defence")
    relayed = replace(mk("capture", "RU", "third", "2025-02-07", source="narrator"), doc="d")
    assert [(c.status, c.rule) for c in timeline([mod, relayed])] == [("ru_claimed", "2e")]
    elsewhere = replace(relayed, doc="another article")
    assert [(c.status, c.rule) for c in timeline([mod, elsewhere])] == [("ru_confirmed", "2c")]


def test_reconcile_partial_holder_denied_capture_stays_partial() -> None:
    claims = [
        mk("presence", "RU", "UA", "2024-10-07", evidence="Russian troops entered the east."),
        mk("capture", "RU", "RU", "2025-02-07", source="Russian Ministry of Defence"),
        mk("capture", "RU", "UA", "2025-02-07", stance="denies", source="Ukrainian army"),
        mk("fighting", "UA", "third", "2025-02-09"),
    ]
    [change] = timeline(claims)
    assert (change.status, change.rule) == ("ru_partial", "3b")
    assert [c.source.name for c in change.claims_against] == ["Russian Ministry of Defence"]
    pushed_out = claims + [mk("presence", "RU", "UA", "2025-02-10", stance="denies")]
    assert [(c.status, c.rule) for c in timeline(pushed_out)][-1] == ("contested", "3a")


def test_reconcile_every_change_names_its_rule_and_setting_claims() -> None:
    claims = [
        mk("advance", "RU", "RU", "2024-08-01"),
        mk("fighting", "RU", "UA", "2024-09-01"),
        mk("presence", "RU", "UA", "2024-10-07"),
        mk("capture", "RU", "RU", "2025-02-07"),
        mk("capture", "RU", "third", "2025-02-10", source="ISW"),
        mk("capture", "RU", "RU", "2025-02-12"),
    ]
    changes = timeline(claims)
    assert [(c.status, c.rule) for c in changes] == [
        ("unknown", "4"),
        ("contested", "3d"),
        ("ru_partial", "3b"),
        ("ru_claimed", "2e"),
        ("ru_confirmed", "2c"),
    ]
    assert all(change.rule in RULES for change in changes)
    assert [c.source.name for c in changes[-1].set_by] == ["ISW"]
    assert len(changes[-1].claims_for) == 2


def test_reconcile_self_claimed_presence_is_contested_not_partial() -> None:
    own_word = [mk("presence", "RU", "RU", "2025-03-01", evidence="Our units entered the town.")]
    [change] = timeline(own_word)
    assert (change.status, change.rule) == ("contested", "3f")
    assert change.partial == "RU presence: Our units entered the town."
    confirmed = own_word + [mk("presence", "RU", "third", "2025-03-04")]
    assert [(c.status, c.rule) for c in timeline(confirmed)][-1] == ("ru_partial", "3b")


def test_reconcile_partly_held_place_keeps_its_note_but_for_independent_news() -> None:
    claims = [
        mk("presence", "RU", "UA", "2025-01-25", evidence="Russians hold 70% of the village."),
        mk("presence", "UA", "UA", "2025-01-27", evidence="Our positions in the west remain."),
    ]
    claims.append(mk("presence", "RU", "RU", "2025-01-29", evidence="We hold the whole centre."))
    changes = timeline(claims)
    assert [(c.status, c.rule) for c in changes] == [("ru_partial", "3b")]
    assert changes[0].partial == "RU presence: Russians hold 70% of the village."
    assert len(changes[0].claims_for) == 3


def test_reconcile_partisan_outlet_voice_is_no_admission() -> None:
    """W2: a Russian outlet's own narration that "the enemy still 'controls'" a town Moscow
    holds retells Kyiv's claim; it does not confirm it against Moscow's word."""
    taken = mk("capture", "RU", "third", "2025-01-06", source="a monitoring group")
    retold = mk("capture", "UA", "RU", "2025-09-13", source="narrator",
                evidence="as the enemy 'controls' Toretsk, in the Kyiv manner")
    assert [(c.status, c.rule) for c in timeline([taken, retold])] == [
        ("ru_confirmed", "2c"), ("ua_claimed", "2e"),
    ]
    # The same words from a Russian official are a concession against interest.
    official = replace(retold, source=Source("Russian Ministry of Defence", "RU"))
    assert [c.status for c in timeline([taken, official])][-1] == "ua_confirmed"
    # A partisan outlet's word for its own side stays a self-claim, a neutral one's a report.
    own = mk("capture", "RU", "RU", "2025-02-07", source="narrator")
    assert status_of([own]) == "ru_claimed"
    assert status_of([replace(own, source=Source.narrator())]) == "ru_confirmed"


def test_reconcile_admission_its_own_source_denies_is_none() -> None:
    """W3, W4: a source that on the same day concedes a capture and denies it has admitted
    nothing, and one that claims the place for its own side beside it says nothing of who
    holds it; another source of its side may disagree."""
    army = "Ukrainian General Staff"
    conceded = mk("capture", "RU", "UA", "2025-08-31", source=army,
                  evidence="footage of the 'occupied' village, the General Staff wrote")
    denied = mk("capture", "RU", "UA", "2025-08-31", stance="denies", source=army)
    claimed = mk("capture", "RU", "RU", "2025-08-30", source="Russian General Staff")
    assert [(c.status, c.rule) for c in timeline([claimed, conceded, denied])] == [
        ("ru_claimed", "2e"), ("contested", "2a"),
    ]
    # The president will not confirm what the army admits: two sources, the admission stands.
    president = replace(denied, source=Source("Ukrainian president", "UA"))
    assert [(c.status, c.rule) for c in timeline([claimed, conceded, president])][-1] == (
        "ru_confirmed", "2b"
    )
    # Moscow "conceding" a village in the same report that claims it for Russia (W4).
    mod = "Russian Ministry of Defence"
    both = [mk("capture", "UA", "RU", "2026-01-05", source=mod),
            mk("capture", "RU", "RU", "2026-01-05", source=mod)]
    assert [(c.status, c.rule) for c in timeline(both)] == [("contested", "1b")]
    # Still, "Kyiv retook it, then was pushed out" bears witness that Kyiv retook it; a
    # concession its source denies bears witness to nothing.
    weigh = Weights([*both, conceded, denied])
    assert (weigh(both[0]), weigh.happened(both[0])) == (1, 3)
    assert (weigh(conceded), weigh.happened(conceded)) == (1, 1)
    # A presence admission is disowned only by a denial of that presence: Kyiv may say it
    # holds the town while admitting Russian squads inside it.
    squads = mk("presence", "RU", "UA", "2025-11-20", source=army)
    holds = mk("capture", "UA", "UA", "2025-11-20", source=army)
    assert Weights([squads, holds])(squads) == 3
    no_squads = replace(squads, stance="denies")
    assert Weights([squads, no_squads])(squads) == 1
    # Undone for that bucket only: the same admission a day later still counts.
    assert Weights([conceded, denied, replace(conceded, date=PartialDate.parse("2025-09-01"))])(
        replace(conceded, date=PartialDate.parse("2025-09-01"))
    ) == 3
