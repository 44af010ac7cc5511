"""`frontwatch ingest`: read articles, extract claims, store them one document at a time."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from typing import Any

import click

from frontwatch.cli.dbopts import db_option, open_store
from frontwatch.records import Claim, Document, InputFailure
from frontwatch.settings import Settings
from frontwatch.store import Store


def _progress(enabled: bool) -> Any:
    """A Rich progress display on stderr, or a do-nothing stand-in."""
    if not enabled:
        return nullcontext(None)
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TextColumn("{task.completed} documents"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@db_option
@click.option(
    "--reextract",
    is_flag=True,
    help="Re-extract stored documents made by another extractor version "
    "(all stored documents when no PATH is given).",
)
@click.option(
    "--force", is_flag=True, help="With --reextract: re-extract even the current version."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...], db: str | None, reextract: bool, force: bool, quiet: bool
) -> None:
    """Read articles, extract their claims and store them (one transaction per article).

    Documents already stored are skipped ("unchanged") unless --reextract asks to redo
    those extracted by another version. Unreadable files are reported on stderr, one line
    each, and make the exit status 1; what was read is still stored.

    \b
    Example:
        frontwatch ingest articles/ feeds/latest.xml --db claims.db
        frontwatch ingest --reextract            # after upgrading frontwatch
    """
    if not paths and not reextract:
        raise click.UsageError("give at least one PATH (or --reextract alone)")
    if force and not reextract:
        raise click.UsageError("--force only makes sense with --reextract")
    settings = Settings.from_env(db=db)
    store = open_store(db)
    from frontwatch.claims import Extractor

    extractor = Extractor(gazetteer=settings.gazetteer_path, batch_size=settings.batch_size)
    counts: Counter[str] = Counter()
    show = not quiet and sys.stderr.isatty()
    try:
        with _progress(show) as progress:
            task = progress.add_task("ingesting", total=None) if progress else None
            todo = _documents(store, paths, extractor.version, reextract, force, counts)
            for extraction in extractor.extract(todo):
                counts[store.add_extraction(extraction, force=force)] += 1
                _count_dates(counts, extraction.claims)
                if progress is not None:
                    progress.update(task, advance=1, description=extraction.document.origin)
    finally:
        store.close()
    click.echo(
        f"{counts['new']} new, {counts['unchanged']} unchanged, "
        f"{counts['updated']} updated, {counts['failed']} failed"
    )
    if counts["undated"] or counts["inferred"]:
        click.echo(_dates_line(counts), err=True)
    if counts["failed"]:
        sys.exit(1)


def _count_dates(counts: Counter[str], claims: Sequence[Claim]) -> None:
    counts["claims"] += len(claims)
    counts["undated"] += sum(1 for c in claims if c.date is None)
    counts["inferred"] += sum(1 for c in claims if c.date is not None and c.date_inferred)


def _dates_line(counts: Counter[str]) -> str:
    """How many claims got a date only from their article, and how many have none (the
    map lists those apart: they cannot be placed on its timeline)."""
    line = (f"{counts['claims']} claims: {counts['inferred']} dated by their article's "
            f"publication date, {counts['undated']} undated")
    if counts["undated"]:
        line += " (list them: frontwatch claims --undated)"
    return line


def _documents(
    store: Store,
    paths: tuple[str, ...],
    version: str,
    reextract: bool,
    force: bool,
    counts: Counter[str],
) -> Iterator[Document]:
    """The documents that need extracting; counts skipped and failed ones on the way."""
    if not paths:
        yield from store.documents_text_ids(not_version=None if force else version)
        return
    from frontwatch.ingest import read_paths

    for item in read_paths(paths):
        if isinstance(item, InputFailure):
            counts["failed"] += 1
            click.echo(f"{item.origin}: {item.reason}", err=True)
            continue
        stored = store.stored_version(item.id)
        if stored is None or (reextract and (force or stored != version)):
            yield item
        else:
            counts["unchanged"] += 1
