"""`frontwatch load`: store extractions made elsewhere (`extract --jsonl --with-documents`)."""

from __future__ import annotations

from collections.abc import Iterator

import click

from frontwatch.cli.dbopts import db_option, open_store, report_counts
from frontwatch.records import Extraction, InputFailure
from frontwatch.settings import Settings


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=str))
@db_option
def load(files: tuple[str, ...], db: str | None) -> None:
    """Store the documents and claims of `frontwatch extract --jsonl --with-documents` output,
    with the extractor version that made them, so that extraction can run on other machines
    and be stored later.

    Like ingest, loading is idempotent: a document already stored from the same extractor
    version is "unchanged"; one stored from another version is replaced ("updated"). Each
    unreadable line or inconsistent document is reported on stderr and makes the exit
    status 1; the rest is stored.

    \b
    Example:
        frontwatch extract archive/ --jsonl --with-documents > claims.jsonl
        frontwatch load claims.jsonl --db postgresql://localhost/claims
    """
    from frontwatch.batch import chunked, store_chunks
    from frontwatch.batch.jsonl import read_extractions

    settings = Settings.from_env(db=db)

    def extractions() -> Iterator[Extraction | InputFailure]:
        for path in files:
            yield from read_extractions(path)

    store = open_store(db)
    try:
        counts = store_chunks(store, chunked(extractions(), settings.batch_size),
                              report=lambda line: click.echo(line, err=True))
    finally:
        store.close()
    report_counts(counts)
