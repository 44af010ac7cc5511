"""`frontwatch claims`: the stored claims, filtered."""

from __future__ import annotations

import json

import click

from frontwatch.cli.dbopts import db_option, open_store, parse_partial
from frontwatch.cli.place import resolve_place, stored_claim_dict


@click.command()
@db_option
@click.option("--place", "place_name", metavar="NAME|ID", help="Only claims about this place.")
@click.option("--source", metavar="NAME", help="Only this source (case-insensitive).")
@click.option("--side", type=click.Choice(["RU", "UA", "third"]), help="Only this source side.")
@click.option("--since", metavar="DATE", help="Dated on or after (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Dated on or before (YYYY[-MM[-DD]]).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many claims.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def claims(
    db: str | None,
    place_name: str | None,
    source: str | None,
    side: str | None,
    since: str | None,
    until: str | None,
    limit: int | None,
    as_json: bool,
) -> None:
    """List stored claims with their evidence, oldest id first.

    \b
    Example:
        frontwatch claims --place Toretsk --side UA --since 2024-10
        frontwatch claims --source DeepState --json
    """
    first = parse_partial(since, "--since")
    last = parse_partial(until, "--until")
    store = open_store(db)
    try:
        geonameid = resolve_place(store, place_name).geonameid if place_name else None
        found = store.claims(
            place=geonameid, source=source, side=side, since=first, until=last, limit=limit
        )
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([stored_claim_dict(c) for c in found], ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} claims")
    for column in ("#", "date", "place", "claim", "source", "evidence"):
        table.add_column(column, overflow="fold")
    for stored in found:
        c = stored.claim
        claim_text = f"{c.actor} {c.kind}" + (" DENIED" if c.stance == "denies" else "")
        if stored.review:
            claim_text += f" [{stored.review}]"
        table.add_row(
            str(stored.id),
            str(c.date or "?"),
            c.place.name,
            claim_text,
            f"{c.source.name} ({c.source.side})",
            " ".join(c.evidence.split())[:200],
        )
    Console().print(table)
