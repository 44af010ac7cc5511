"""`frontwatch ingest`: read articles, extract claims, store them one document at a time."""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import nullcontext
from typing import Any

import click

from frontwatch.cli.dbopts import db_option, open_store, report_counts
from frontwatch.ingest.limits import Limits
from frontwatch.messages import safe
from frontwatch.records import Claim, Document, Extraction, InputFailure
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
@click.argument("paths", nargs=-1, type=click.Path(readable=False, path_type=str))
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
@click.option(
    "--workers", type=click.IntRange(min=1), default=1, show_default=True,
    help="Extract in this many processes (or Ray actors with --ray); the store is the same "
    "whatever the number.",
)
@click.option("--ray", "use_ray", is_flag=True,
              help="Extract on Ray actors, on a local Ray instance unless --ray-address names a "
              "cluster (needs pip install 'frontwatch[ray]').")
@click.option("--ray-address", default=None, metavar="ADDRESS",
              help="Join this Ray cluster (e.g. 10.0.0.5:6379 or auto) instead of starting a "
              "local instance; implies --ray.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(
    paths: tuple[str, ...], db: str | None, reextract: bool, force: bool, workers: int,
    use_ray: bool, ray_address: str | None, quiet: bool,
) -> None:
    """Read articles, extract their claims and store them (one transaction per batch of
    articles, each article all or nothing).

    Documents already stored are skipped ("unchanged") unless --reextract asks to redo
    those extracted by another version. Unreadable files, and articles that cannot be
    extracted or stored, are reported on stderr, one line each, and make the exit status 1;
    the rest is still stored. A run that is stopped keeps what it committed; running it
    again completes it.

    \b
    Example:
        frontwatch ingest articles/ feeds/latest.xml --db claims.db
        frontwatch ingest https://example.org/report.html reports.urls
        frontwatch ingest archive/ --workers 8 --db postgresql://localhost/claims
        frontwatch ingest archive/ --ray-address auto --workers 64
        frontwatch ingest --reextract            # after upgrading frontwatch
    """
    if not paths and not reextract:
        raise click.UsageError("give at least one PATH (or --reextract alone)")
    if force and not reextract:
        raise click.UsageError("--force only makes sense with --reextract")
    from frontwatch.batch import ExtractorSpec, chunked, open_runner, store_chunks

    settings = Settings.from_env(db=db)
    store = open_store(db)
    spec = ExtractorSpec(gazetteer=settings.gazetteer, batch_size=settings.batch_size)
    counts: Counter[str] = Counter()
    dates: Counter[str] = Counter()  # the claims of the stored documents, by how dated
    show = not quiet and sys.stderr.isatty()
    try:
        version = spec.build().version
        runner = open_runner(spec, workers=workers, ray=use_ray, ray_address=ray_address)
        try:
            with _progress(show) as progress:
                task = progress.add_task("ingesting", total=None) if progress else None

                def advance(extraction: Extraction) -> None:
                    _count_dates(dates, extraction.claims)
                    if progress is not None:
                        progress.update(task, advance=1, description=safe(extraction.document.origin))

                todo = _documents(store, paths, version, reextract, force, counts,
                                  settings.batch_size, Limits.from_settings(settings))
                counts += store_chunks(
                    store, runner.map(chunked(todo, settings.batch_size)), force=force,
                    report=lambda line: click.echo(safe(line), err=True), progress=advance,
                )
        finally:
            runner.close()
    finally:
        store.close()
    if dates["undated"] or dates["inferred"]:
        click.echo(_dates_line(dates), err=True)
    report_counts(counts)


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
    group: int,
    limits: Limits,
) -> Iterator[Document]:
    """The documents that need extracting; counts skipped and failed ones on the way."""
    if not paths:
        yield from store.documents_text_ids(not_version=None if force else version)
        return
    from frontwatch.batch import chunked
    from frontwatch.ingest import read_paths

    for items in chunked(read_paths(paths, limits=limits), group):
        stored = store.stored_versions(i.id for i in items if isinstance(i, Document))
        for item in items:
            if isinstance(item, InputFailure):
                counts["failed"] += 1
                click.echo(safe(f"{item.origin}: {item.reason}"), err=True)
                continue
            known = stored.get(item.id)
            if known is None or (reextract and (force or known != version)):
                yield item
            else:
                counts["unchanged"] += 1
