"""`frontwatch place` (one place as of a date) and `frontwatch places` (the map as a table)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import math
from typing import Any

import click

from frontwatch.cli.dbopts import db_option, open_store, parse_day
from frontwatch.cli.tables import Column, claim_text, date_text, one_line, print_table
from frontwatch.cli.tables import console as tables_console
from frontwatch.errors import InputError
from frontwatch.lookup import resolve_place
from frontwatch.records import Place, StoredClaim, claim_as_dict, place_as_dict
from frontwatch.store import PlaceStatus

log = logging.getLogger(__name__)

STATUS_STYLE = {
    "ru_claimed": "red",
    "ru_confirmed": "bold red",
    "ua_claimed": "blue",
    "ua_confirmed": "bold blue",
    "ru_partial": "italic red",
    "ua_partial": "italic blue",
    "contested": "yellow",
    "unknown": "dim",
}


def stored_claim_dict(stored: StoredClaim) -> dict[str, object]:
    """A claim of the output contract plus its store id, URL and review state."""
    return {
        "id": stored.id,
        **claim_as_dict(stored.claim),
        "url": stored.url,
        "review": stored.review,
    }


def status_dict(result: PlaceStatus) -> dict[str, object]:
    """`frontwatch place --json` and the API's place view."""
    return {
        "place": place_as_dict(result.place),
        "as_of": result.as_of.isoformat() if result.as_of else None,
        "status": result.status,
        "since": str(result.since) if result.since else None,
        "partial": result.partial,
        "timeline": [
            {
                "date": str(change.date),
                "status": change.status,
                "partial": change.partial,
                "rule": change.rule,
                "set_by": [c.id for c in change.set_by if isinstance(c, StoredClaim)],
                "claims_for": [c.id for c in change.claims_for if isinstance(c, StoredClaim)],
                "claims_against": [
                    c.id for c in change.claims_against if isinstance(c, StoredClaim)
                ],
            }
            for change in result.timeline
        ],
        "claims_for": [c.id for c in result.claims_for],
        "claims_against": [c.id for c in result.claims_against],
        "contradictions": [stored_claim_dict(c) for c in result.claims_against],
        "claims": [stored_claim_dict(c) for c in result.claims],
    }


def _unknown_status(place: Place, as_of: dt.date | None) -> PlaceStatus:
    return PlaceStatus(place, as_of, "unknown", None, None, (), (), (), ())


@click.command()
@click.argument("name")
@db_option
@click.option("--as-of", "as_of", metavar="DATE", help="YYYY-MM-DD (YYYY-MM: end of month).")
@click.option("--layer", "layer_name", metavar="NAME", help="Compare with an imported map layer.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a screen.")
def place(
    name: str, db: str | None, as_of: str | None, layer_name: str | None, as_json: bool
) -> None:
    """Status of one place as of a date: timeline, who says what, contradictions.

    NAME is a place name in any usual spelling (Toretsk, Dzerjinsk, Торецьк) or a
    GeoNames id.

    \b
    Example:
        frontwatch place Toretsk --as-of 2025-02-10
        frontwatch place 709354 --json --layer deepstate
    """
    day = parse_day(as_of)
    store = open_store(db, existing=True)
    try:
        where = resolve_place(store, name)
        if store.place(where.geonameid) is None:
            result = _unknown_status(where, day)
        else:
            result = store.place_status(where.geonameid, day)
        layer_check = None
        if layer_name:
            from frontwatch.store.layers import agreement_on

            layer_check = agreement_on(store, layer_name, where, result.status, day)
    finally:
        store.close()
    if as_json:
        payload = status_dict(result)
        if layer_check is not None:
            payload["layer"] = layer_check
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    _render(result, layer_check)


def _render(result: PlaceStatus, layer_check: dict[str, object] | None) -> None:
    from rich.console import Group
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = tables_console()
    where = result.place
    when = result.as_of.isoformat() if result.as_of else "latest"
    head = Text()
    head.append(f"{where.name}", style="bold")
    head.append(f"  {where.admin1}, {where.country}  #{where.geonameid}\n")
    head.append(result.status, style=STATUS_STYLE.get(result.status, ""))
    head.append(f"  as of {when}")
    if result.since:
        head.append(f", since {result.since}")
    if result.partial:
        head.append(f"\npartial: {result.partial}", style="italic")
    if layer_check is not None:
        head.append(f"\nlayer {layer_check['layer']}: {layer_check['verdict']}")
    parts: list[Any] = [head]

    if result.timeline:
        steps = Table(title="Timeline", title_justify="left", expand=True)
        steps.add_column("date")
        steps.add_column("status")
        steps.add_column("rule")
        steps.add_column("set by", overflow="fold")
        steps.add_column("for", justify="right")
        steps.add_column("against", justify="right")
        steps.add_column("partial", overflow="fold")
        for change in result.timeline:
            steps.add_row(
                str(change.date),
                Text(change.status, style=STATUS_STYLE.get(change.status, "")),
                change.rule,
                " ".join(f"#{c.id}" for c in change.set_by if isinstance(c, StoredClaim)),
                str(len(change.claims_for)),
                str(len(change.claims_against)),
                change.partial or "",
            )
        parts.append(steps)
        from frontwatch.reconcile import RULES

        used = sorted({change.rule for change in result.timeline if change.rule in RULES})
        parts.append(Text("\n".join(f"rule {rule}: {RULES[rule]}" for rule in used), style="dim"))

    console.print(Panel(Group(*parts), title="frontwatch place", expand=True))
    said = sorted(result.claims, key=lambda s: (str(s.claim.date or ""), s.id))
    if not said:
        console.print("No claims about this place in the store.", style="dim")
        return
    print_table("Who says what", SAID_COLUMNS, (_said_row(s) for s in said), out=console)
    if result.claims_against:
        print_table("Contradicting the status", SAID_COLUMNS,
                    (_said_row(s) for s in result.claims_against), out=console)


SAID_COLUMNS = (
    Column("#", justify="right"), Column("date", min_width=10), Column("source"), Column("claim", min_width=13),
    Column("evidence", evidence=True),
)


def _said_row(stored: StoredClaim) -> tuple[str, ...]:
    c = stored.claim
    return (str(stored.id), date_text(c), f"{c.source.name} ({c.source.side})",
            claim_text(c, stored.review), one_line(c.evidence))


def _distance_km(a: Place, lat: float, lon: float) -> float:
    r = 6371.0
    p1, p2 = math.radians(a.lat), math.radians(lat)
    dp, dl = p2 - p1, math.radians(lon - a.lon)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


@click.command()
@db_option
@click.option("--status", "status", metavar="STATUS", help="Only places with this status.")
@click.option("--as-of", "as_of", metavar="DATE", help="YYYY-MM-DD (YYYY-MM: end of month).")
@click.option("--near", metavar="PLACE", help="Only places within --km of this place.")
@click.option("--km", type=float, default=25.0, show_default=True, help="Radius for --near.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def places(
    db: str | None,
    status: str | None,
    as_of: str | None,
    near: str | None,
    km: float,
    as_json: bool,
) -> None:
    """Every place with claims and its status as of a date (the map, as a table).

    \b
    Example:
        frontwatch places --as-of 2025-02-10 --status contested
        frontwatch places --near Pokrovsk --km 30 --json
    """
    from frontwatch.reconcile import STATUSES

    if status is not None and status not in STATUSES:
        raise InputError("--status", f"must be one of {', '.join(STATUSES)}, got {status!r}")
    if km <= 0:
        raise InputError("--km", f"must be positive, got {km}")
    day = parse_day(as_of)
    store = open_store(db, existing=True)
    try:
        bbox = None
        center: Place | None = None
        if near:
            center = resolve_place(store, near)
            dlat = km / 111.0
            dlon = km / (111.0 * max(math.cos(math.radians(center.lat)), 0.01))
            bbox = (center.lon - dlon, center.lat - dlat, center.lon + dlon, center.lat + dlat)
        rows = store.statuses(day, status=status, bbox=bbox)
    finally:
        store.close()
    if center is not None:
        rows = [r for r in rows if _distance_km(r.place, center.lat, center.lon) <= km]
    if as_json:
        click.echo(
            json.dumps(
                [
                    {
                        "place": place_as_dict(r.place),
                        "status": r.status,
                        "since": str(r.since),
                        "partial": r.partial,
                        "n_claims": r.n_claims,
                        "n_for": r.n_for,
                        "n_against": r.n_against,
                    }
                    for r in rows
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    from rich.text import Text

    when = day.isoformat() if day else "latest"
    print_table(f"{len(rows)} places as of {when}", PLACES_COLUMNS, (
        (f"{r.place.name} #{r.place.geonameid}", r.place.admin1,
         Text(r.status, style=STATUS_STYLE.get(r.status, "")), str(r.since), str(r.n_claims),
         one_line(r.partial or ""))
        for r in rows
    ))


PLACES_COLUMNS = (
    Column("place"), Column("admin1"), Column("status", min_width=12), Column("since", min_width=10),
    Column("n_claims", justify="right"), Column("partial", evidence=True),
)
