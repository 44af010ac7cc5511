"""`frontwatch extract`: print the claims of articles, no database needed."""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from frontwatch.cli.tables import Column, claim_text, date_text, one_line, print_table
from frontwatch.records import (
    Claim,
    Document,
    InputFailure,
    claim_as_dict,
    mention_as_dict,
    unresolved_as_dict,
)

RECORD_ORIGIN = re.compile(r"[:#]\d+$")


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(readable=False))
@click.option("--jsonl", "as_jsonl", is_flag=True, help="One JSON object per claim on stdout.")
@click.option("--with-mentions", is_flag=True,
              help="Also print every resolved toponym, and every name left unresolved with the "
                   "reason (with --jsonl).")
@click.option("--with-documents", is_flag=True,
              help="Also print each document (text, places, extractor version) before its claims, "
              "so that `frontwatch load` can store the output (with --jsonl).")
@click.option("--gazetteer", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Gazetteer file to use instead of the packaged one.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None, help="Documents per spaCy batch.")
def extract(paths: tuple[str, ...], as_jsonl: bool, with_mentions: bool, with_documents: bool,
            gazetteer: str | None, batch_size: int | None) -> None:
    """Extract territorial-control claims from articles (.txt, .html, .jsonl, .csv, RSS/Atom,
    folders; http(s) URLs and .urls lists of them).

    A file or record that cannot be read is reported on stderr, one line each;
    the rest of the batch still runs and the exit status is 1.

    \b
    Example:
        frontwatch extract samples/ --jsonl --with-mentions
        frontwatch extract archive/ --jsonl --with-documents > claims.jsonl  # for frontwatch load
    """
    from frontwatch.claims import Extractor
    from frontwatch.ingest import read_paths
    from frontwatch.ingest.limits import Limits
    from frontwatch.messages import safe
    from frontwatch.settings import Settings

    settings = Settings.from_env(gazetteer=gazetteer, batch_size=batch_size)
    failures = 0

    def documents() -> Iterator[Document]:
        nonlocal failures
        for item in read_paths(paths, limits=Limits.from_settings(settings)):
            if isinstance(item, InputFailure):
                failures += 1
                click.echo(safe(f"{item.origin}: {item.reason}"), err=True)
            else:
                yield item

    extractor = Extractor(gazetteer=settings.gazetteer_path, batch_size=settings.batch_size)
    table = None if as_jsonl else _Table()
    for extraction in extractor.extract(documents()):
        doc = extraction.document
        name = doc.id if RECORD_ORIGIN.search(doc.origin) or not doc.origin else doc.origin
        if as_jsonl:
            if with_documents:
                from frontwatch.batch.jsonl import document_line

                _emit(document_line(name, extraction))
            if with_mentions:
                for mention in extraction.mentions:
                    _emit({"type": "mention", **mention_as_dict(name, mention)})
                for reference in extraction.references:
                    _emit({"type": "reference", **mention_as_dict(name, reference)})
                for unresolved in extraction.unresolved:
                    _emit({"type": "unresolved", **unresolved_as_dict(name, unresolved)})
            for claim in extraction.claims:
                _emit({"type": "claim", **claim_as_dict(claim), "doc": name})
        else:
            assert table is not None
            table.add(name, extraction.claims)
    if table is not None:
        table.render()
    if failures:
        sys.exit(1)


def _emit(obj: dict[str, object]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


class _Table:
    """Claims, one row per claim, grouped by document; sized to the terminal (tables.py)."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, ...]] = []

    def add(self, doc: str, claims: tuple[Claim, ...]) -> None:
        for c in claims:
            self.rows.append((
                Path(doc).name if "/" in doc else doc, f"{c.place.name} ({c.place_mention})",
                claim_text(c), f"{c.source.name} ({c.source.side})", date_text(c),
                one_line(c.evidence),
            ))

    def render(self) -> None:
        print_table(f"{len(self.rows)} claims", EXTRACT_COLUMNS, self.rows)


EXTRACT_COLUMNS = (
    Column("doc"), Column("place"), Column("claim", min_width=13), Column("source"), Column("date", min_width=10),
    Column("evidence", evidence=True),
)
