"""Claim tables that fit the terminal they are printed on.

A claim's evidence is a whole sentence: squeezed into a narrow column it becomes a few
characters a line and a table of a hundred lines per claim. At 100 columns or more the
evidence gets the width the other columns leave and wraps there; below that it is left
out, with one line saying how to see it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rich.console import Console
from rich.table import Table
from rich.text import Text

from frontwatch.records import Claim

EVIDENCE_MIN_WIDTH = 100
HINT = ("evidence left out below {min} columns (this terminal: {width}); widen it, "
        "set COLUMNS={min}, or add --json")


@dataclass(frozen=True, slots=True)
class Column:
    """A column of a claim table; `evidence` marks the one that may be left out."""

    name: str
    justify: str = "left"
    evidence: bool = False


def console() -> Console:
    """stdout's console: its width is the terminal's, COLUMNS', or 80 when piped."""
    return Console()


def print_table(
    title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[str | Text]],
    *,
    out: Console | None = None,
) -> None:
    """A table whose short columns never wrap and whose evidence column takes the rest."""
    out = out or console()
    wide = out.width >= EVIDENCE_MIN_WIDTH
    kept = [i for i, column in enumerate(columns) if wide or not column.evidence]
    table = Table(title=title, title_justify="left", expand=wide)
    for i in kept:
        column = columns[i]
        if column.evidence:
            table.add_column(column.name, ratio=1, overflow="fold", min_width=30)
        else:
            table.add_column(column.name, justify=column.justify,  # type: ignore[arg-type]
                             overflow="ellipsis", no_wrap=True, max_width=34)
    for row in rows:
        table.add_row(*(row[i] for i in kept))
    out.print(table)
    if not wide and any(column.evidence for column in columns):
        out.print(HINT.format(min=EVIDENCE_MIN_WIDTH, width=out.width), style="dim")


def claim_text(claim: Claim, review: str | None = None) -> str:
    """"RU capture", "RU capture DENIED", with the review in brackets."""
    text = f"{claim.actor} {claim.kind}" + (" DENIED" if claim.stance == "denies" else "")
    return text + (f" [{review}]" if review else "")


def date_text(claim: Claim) -> str:
    """The date, "~" before one taken from the article's publication date, "?" for none."""
    if claim.date is None:
        return "?"
    return ("~" if claim.date_inferred else "") + str(claim.date)


def one_line(text: str) -> str:
    """Evidence on one logical line (the table wraps it)."""
    return " ".join(text.split())
