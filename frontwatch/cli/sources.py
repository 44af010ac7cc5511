"""`frontwatch sources`: whom to believe — each source's claims, later confirmed or not."""

from __future__ import annotations

import json
from typing import Any

import click

from frontwatch.cli.dbopts import db_option, open_store
from frontwatch.reconcile.sources import OUTCOMES, SourceRecord


@click.command()
@db_option
@click.option("--layer", "layer_names", multiple=True, metavar="NAME",
              help="Check against this imported layer (repeatable; default: every one).")
@click.option("--no-layers", is_flag=True, help="Check against the other sources' claims only.")
@click.option("--within", default=30, show_default=True, metavar="DAYS", type=click.IntRange(0),
              help="Days a claim has to be confirmed in to count as confirmed (not late).")
@click.option("--source", "source_name", metavar="NAME",
              help="List the claims behind one source's figures (case-insensitive).")
@click.option("--limit", default=30, show_default=True, type=click.IntRange(1),
              help="Sources in the table, most claims first.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (every source, claim ids).")
def sources(
    db: str | None,
    layer_names: tuple[str, ...],
    no_layers: bool,
    within: int,
    source_name: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Track record of every source: how many of its capture and presence claims were
    later confirmed (by the opponent's admission, a third party or an imported layer),
    late, contradicted or still open, and how many days confirmation took.

    \b
    Example:
        frontwatch sources
        frontwatch sources --source "Russian Ministry of Defence" --within 14
        frontwatch sources --layer deepstate --json
    """
    from frontwatch.errors import InputError
    from frontwatch.store.layers import source_records

    names: list[str] | None = [] if no_layers else (list(layer_names) or None)
    store = open_store(db, existing=True)
    try:
        records = source_records(store, layer_names=names, within=within)
    finally:
        store.close()
    if source_name is not None:
        records = [r for r in records if r.name.lower() == source_name.strip().lower()]
        if not records:
            raise InputError(source_name, "no capture or presence claim from this source "
                                          "(frontwatch sources lists them)")
    if as_json:
        payload = {"within": within, "sources": [r.as_dict(details=source_name is not None)
                                                 for r in records]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    from rich.console import Console

    console = Console(highlight=False)
    if source_name is not None:
        for record in records:
            render_checks(console, record)
        return
    render_table(console, records[:limit], within=within)
    if len(records) > limit:
        console.print(f"… and {len(records) - limit} more sources (--limit, --json)")


def render_table(console: Any, records: list[SourceRecord], *, within: int) -> None:
    """The sources table: one row per source, outcomes and lags."""
    from rich import box
    from rich.table import Table

    table = Table(title=f"Capture and presence claims by source: confirmed within {within} "
                        "days, later (late), contradicted or open; lag in days",
                  title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 1),
                  collapse_padding=True)
    table.add_column("source (side)", min_width=20, overflow="fold")
    for column in ("claims", "confirmed", "late", "contra-\ndicted", "open", "lag\nmedian",
                   "lag\np90"):
        table.add_column(column, justify="right", no_wrap=True)
    for record in records:
        median, p90 = record.median_lag, record.p90_lag
        table.add_row(
            f"{record.name} ({record.side})",
            str(len(record.checks)),
            *(str(len(record.having(outcome))) for outcome in OUTCOMES),
            "" if median is None else f"{median:g}",
            "" if p90 is None else str(p90),
        )
    console.print(table)


def render_checks(console: Any, record: SourceRecord) -> None:
    """The claims behind one source's figures, by outcome, with what settled each."""
    from frontwatch.reconcile import claim_of

    median, p90 = record.median_lag, record.p90_lag
    counts = ", ".join(f"{len(record.having(o))} {o}" for o in OUTCOMES)
    lags = f"; lag median {median:g}, p90 {p90} days" if median is not None else ""
    console.print(f"[bold]{record.name} ({record.side})[/bold]: {len(record.checks)} claims, "
                  f"{counts}{lags}")
    for outcome in OUTCOMES:
        checks = sorted(record.having(outcome), key=lambda c: str(claim_of(c.claim).date))
        if not checks:
            continue
        console.print(f"\n[bold]{outcome}[/bold] ({len(checks)})")
        for check in checks:
            item = check.as_dict()
            claim = claim_of(check.claim)
            settled = [check.by or ""]
            if item["by_claim"] is not None:
                settled.append(f"claim #{item['by_claim']}")
            if check.layer_date is not None:
                settled.append(f"on {check.layer_date}")
            if check.lag is not None:
                settled.append(f"after {check.lag} days")
            console.print(f"  #{item['claim']} {claim.date} {claim.place.name}: {claim.actor} "
                          f"{claim.kind}" + (f" — {' '.join(settled).strip()}"
                                             if check.by else ""), markup=False)
            console.print(f"    {' '.join(claim.evidence.split())[:150]}", style="dim",
                          markup=False)
