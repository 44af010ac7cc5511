"""`frontwatch claims`: the stored claims, filtered."""

from __future__ import annotations

import json

import click

from frontwatch.cli.dbopts import SideType, db_option, open_store, parse_partial
from frontwatch.cli.place import stored_claim_dict
from frontwatch.cli.tables import Column, claim_text, date_text, one_line, print_table
from frontwatch.lookup import resolve_place

COLUMNS = (
    Column("#", justify="right"), Column("date", min_width=10), Column("place"), Column("claim", min_width=13),
    Column("source"), Column("evidence", evidence=True),
)


@click.command()
@db_option
@click.option("--place", "place_name", metavar="NAME|ID", help="Only claims about this place.")
@click.option("--source", metavar="NAME", help="Only this source (case-insensitive).")
@click.option("--side", type=SideType(), help="Only this source side (RU, UA, third).")
@click.option("--since", metavar="DATE", help="Dated on or after (YYYY[-MM[-DD]]).")
@click.option("--until", metavar="DATE", help="Dated on or before (YYYY[-MM[-DD]]).")
@click.option("--undated", is_flag=True,
              help="Only claims with no date (no date in the sentence, none published).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many claims.")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def claims(
    db: str | None,
    place_name: str | None,
    source: str | None,
    side: str | None,
    since: str | None,
    until: str | None,
    undated: bool,
    limit: int | None,
    as_json: bool,
) -> None:
    """List stored claims with their evidence, oldest id first.

    A date taken from the article's publication date (the sentence gives none) is shown
    with a leading "~". Evidence is left out below 100 columns (--json has everything).

    \b
    Example:
        frontwatch claims --place Toretsk --side UA --since 2024-10
        frontwatch claims --source DeepState --json
        frontwatch claims --undated
    """
    first = parse_partial(since, "--since")
    last = parse_partial(until, "--until")
    store = open_store(db, existing=True)
    try:
        geonameid = resolve_place(store, place_name).geonameid if place_name else None
        found = store.claims(
            place=geonameid, source=source, side=side, since=first, until=last, limit=limit,
            undated=undated,
        )
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps([stored_claim_dict(c) for c in found], ensure_ascii=False, indent=2))
        return
    print_table(f"{len(found)} claims", COLUMNS, (
        (str(stored.id), date_text(stored.claim), stored.claim.place.name,
         claim_text(stored.claim, stored.review),
         f"{stored.claim.source.name} ({stored.claim.source.side})",
         one_line(stored.claim.evidence))
        for stored in found
    ))
