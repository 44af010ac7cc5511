"""`frontwatch export`: the store as GeoJSON, CSV or JSONL."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from frontwatch.cli.dbopts import db_option, open_store, parse_day
from frontwatch.errors import InputError


@click.command()
@click.argument("fmt", metavar="FORMAT", type=click.Choice(["geojson", "csv", "jsonl"]))
@db_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="File to write (default: stdout).")
@click.option("--as-of", "as_of", metavar="DATE", help="geojson: statuses on this date.")
def export(fmt: str, db: str | None, output: Path | None, as_of: str | None) -> None:
    """Export places (geojson) or claims (csv, jsonl); rejected claims are left out.

    geojson: an RFC 7946 FeatureCollection of points [lon, lat] with status and counts.
    csv: one row per claim, ACLED-like columns (event_date, location, admin1, latitude,
    longitude, kind, actor, stance, source, source_side, notes, url, ...).
    jsonl: one `frontwatch extract --jsonl` object per claim.

    \b
    Example:
        frontwatch export geojson --as-of 2025-02-10 -o map.geojson
        frontwatch export csv -o claims.csv
    """
    from frontwatch.export import write_csv, write_geojson, write_jsonl

    day = parse_day(as_of)
    if day is not None and fmt != "geojson":
        raise InputError("--as-of", "only applies to geojson")
    store = open_store(db, existing=True)
    try:
        out = sys.stdout
        if output is not None:
            try:
                out = output.open("w", encoding="utf-8", newline="")
            except OSError as exc:
                raise InputError(str(output), f"cannot write ({exc.strerror})") from exc
        try:
            if fmt == "geojson":
                n = write_geojson(store, out, day)
            elif fmt == "csv":
                n = write_csv(store, out)
            else:
                n = write_jsonl(store, out)
        finally:
            if output is not None:
                out.close()
    finally:
        store.close()
    if output is not None:
        click.echo(f"{n} {'places' if fmt == 'geojson' else 'claims'} -> {output}", err=True)
