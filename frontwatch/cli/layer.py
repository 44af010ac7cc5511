"""`frontwatch layer`: import dated control polygons and compare them with the claims."""

from __future__ import annotations

import json
from pathlib import Path

import click

from frontwatch.cli.dbopts import db_option, open_store


@click.group()
def layer() -> None:
    """Dated map layers (e.g. DeepState's occupied area) to check statuses against.

    \b
    Example:
        frontwatch layer import deepstate deepstate-occupied-daily.jsonl.gz
        frontwatch layer compare deepstate
    """


@layer.command("import")
@click.argument("name")
@click.argument("file", type=click.Path(path_type=Path))
@db_option
def import_command(name: str, file: Path, db: str | None) -> None:
    """Import (or replace) layer NAME from a dated GeoJSON or JSONL(.gz) file.

    FILE is a GeoJSON FeatureCollection of (Multi)Polygons with a `date` property, or
    JSON lines of {"date": "YYYY-MM-DD", "geometries": [MultiPolygon, ...]}.

    \b
    Example:
        frontwatch layer import deepstate deepstate-occupied-daily.jsonl.gz
    """
    from frontwatch.store.layers import import_layer

    store = open_store(db)
    try:
        info = import_layer(store, name, file)
    finally:
        store.close()
    click.echo(f"{info.name}: {info.dates} dates, {info.first_date} .. {info.last_date}")


@layer.command("list")
@db_option
def list_command(db: str | None) -> None:
    """List imported layers.

    \b
    Example:
        frontwatch layer list
    """
    from frontwatch.store.layers import layers

    store = open_store(db, existing=True)
    try:
        found = layers(store)
    finally:
        store.close()
    if not found:
        click.echo("no layers imported yet; add one with: frontwatch layer import NAME FILE")
        return
    for info in found:
        click.echo(f"{info.name}\t{info.dates} dates\t{info.first_date} .. {info.last_date}")


@layer.command("compare")
@click.argument("name")
@db_option
@click.option("--within", default=30, show_default=True, metavar="DAYS", type=click.IntRange(0),
              help="Days a claimed status has to be shown by the layer.")
@click.option("--all", "show_all", is_flag=True, help="List every pair, not only the misses.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (every pair included).")
def compare_command(name: str, db: str | None, within: int, show_all: bool, as_json: bool) -> None:
    """Check layer NAME against the reconciled statuses at every (place, claim date) pair
    inside the layer's dates, asking each status its own question.

    Confirmed and partial statuses are predictions of the map: ru_confirmed agrees when
    the place's centre is inside the polygons, ua_confirmed when it is outside,
    ru_partial when some of the place's area is inside, ua_partial when some is outside.
    Claimed statuses are claims to check: shown by the layer within --within days
    (confirmed, with the lag), not yet, or contradicted. Each pair names the rule and the
    claims that set its status (docs/reconcile.md).

    \b
    Example:
        frontwatch layer compare deepstate
        frontwatch layer compare deepstate --within 14 --json
    """
    from frontwatch.store.layers import compare

    store = open_store(db, existing=True)
    try:
        result = compare(store, name, within=within)
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    share = result.agreement
    pct = f"{share:.1%}" if share is not None else "n/a"
    console.print(f"{result.layer}: {result.pairs} (place, date) pairs")
    console.print(f"Confirmed and partial statuses as predictions of the map: agreement {pct} "
                  f"({result.agree} agree, {result.disagree} disagree)")
    by_status = result.by_status
    predictions = Table("status", "pairs", "agree", "disagree", "agreement")
    claims = Table("status", "pairs", "confirmed", "not yet", "contradicted", "median lag",
                   title=f"Claimed statuses as claims to check (shown within {within} days)",
                   title_justify="left")
    rest = []
    for status, counts in by_status.items():
        agree, disagree = counts.get("agrees", 0), counts.get("disagrees", 0)
        if agree or disagree:
            share = agree / (agree + disagree)
            predictions.add_row(status, str(counts["pairs"]), str(agree), str(disagree),
                                f"{share:.1%}")
        elif "median_lag" in counts:
            lag = counts["median_lag"]
            claims.add_row(status, str(counts["pairs"]), *(str(counts.get(key, 0)) for key in
                           ("confirmed", "not yet", "contradicted")),
                           "" if lag is None else f"{lag:g} d")
        else:
            rest.append(f"{status} {counts['pairs']}")
    console.print(predictions)
    console.print(claims)
    if rest:
        console.print(f"Not scored: {', '.join(rest)}")
    for check in result.checks:
        if show_all or check.verdict in ("disagrees", "contradicted"):
            item = check.as_dict()
            console.print(
                f"{check.verdict}: {check.place.name} #{check.place.geonameid} {item['date']} "
                f"{check.status} (rule {check.rule or '-'}, set by claims "
                f"{', '.join(f'#{i}' for i in check.set_by) or '-'}; layer {item['layer_date']}: "
                f"centre {'inside' if check.inside else 'outside'}, area {check.area or '-'})"
            )
