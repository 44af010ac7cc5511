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
    min_width: int | None = None


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
    cells = [[row[i] for i in kept] for row in rows]
    widths = _fit([columns[i] for i in kept], cells, out.width)
    table = Table(title=title, title_justify="left", expand=wide)
    for i, width in zip(kept, widths, strict=True):
        column = columns[i]
        if column.evidence:
            table.add_column(column.name, ratio=1, overflow="fold", min_width=30)
        else:
            table.add_column(column.name, justify=column.justify,  # type: ignore[arg-type]
                             overflow="ellipsis", no_wrap=True, width=width)
    for cell in cells:
        table.add_row(*cell)
    out.print(table)
    if not wide and any(column.evidence for column in columns):
        out.print(HINT.format(min=EVIDENCE_MIN_WIDTH, width=out.width), style="dim")


def _fit(columns: Sequence[Column], cells: list[list[str | Text]], width: int) -> list[int]:
    """Widths of the one-line columns: each its longest cell (at most 34), the widest cut
    first until the table fits `width` (the evidence column takes what is left)."""
    wanted = []
    for n, column in enumerate(columns):
        longest = max([len(str(row[n])) for row in cells] + [len(column.name)])
        wanted.append(min(longest, 34))
    room = width - 3 * len(columns) - 1
    room -= sum(30 for column in columns if column.evidence)
    floors = [max(column.min_width or 0, len(column.name), 4) for column in columns]
    while sum(w for w, c in zip(wanted, columns, strict=True) if not c.evidence) > room:
        cuttable = [n for n, c in enumerate(columns)
                    if not c.evidence and wanted[n] > floors[n]]
        if not cuttable:
            break
        widest = max(cuttable, key=lambda n: wanted[n])
        wanted[widest] -= 1
    return wanted


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
