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
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def compare_command(name: str, db: str | None, as_json: bool) -> None:
    """Agreement of layer NAME with the reconciled statuses, over (place, date) pairs
    with claims inside the layer's dates (inside <=> ru_*; contested/unknown not scored).

    \b
    Example:
        frontwatch layer compare deepstate --json
    """
    from frontwatch.store.layers import compare

    store = open_store(db, existing=True)
    try:
        result = compare(store, name)
    finally:
        store.close()
    share = result.agreement
    if as_json:
        payload = {
            "layer": result.layer,
            "pairs": result.pairs,
            "agree": result.agree,
            "disagree": result.disagree,
            "agreement": round(share, 4) if share is not None else None,
            "by_status": result.by_status,
            "disagreements": result.disagreements,
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    pct = f"{share:.1%}" if share is not None else "n/a"
    console.print(
        f"{result.layer}: {result.pairs} (place, date) pairs, agreement {pct} "
        f"({result.agree} agree, {result.disagree} disagree)"
    )
    table = Table()
    for column in ("status", "pairs", "inside layer", "agree", "disagree"):
        table.add_column(column)
    for status, counts in sorted(result.by_status.items()):
        table.add_row(
            status,
            str(counts["pairs"]),
            str(counts["inside"]),
            str(counts["agrees"]),
            str(counts["disagrees"]),
        )
    console.print(table)
    for item in result.disagreements[:20]:
        console.print(
            f"disagree: {item['place']} #{item['geonameid']} {item['date']} {item['status']} "
            f"(layer {item['layer_date']}: {'inside' if item['inside'] else 'outside'})"
        )
