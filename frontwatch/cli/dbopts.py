"""Options and parsers shared by the commands that read or write the claim store."""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from frontwatch.errors import InputError, StoreError
from frontwatch.records import SIDES, PartialDate
from frontwatch.settings import Settings
from frontwatch.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def db_option(func: F) -> F:
    """The `--db` option every store command takes (default: FRONTWATCH_DB, ./frontwatch.db)."""
    return click.option(
        "--db",
        default=None,
        metavar="PATH|URL",
        help="SQLite file or SQLAlchemy URL of the claim store "
        "[env FRONTWATCH_DB; default ./frontwatch.db].",
    )(func)


def open_store(db: str | None, *, existing: bool = False) -> Store:
    """The store named by `--db`, the environment or the default. With `existing` (commands
    that only read), a SQLite file that is not there is an error, not a new empty store."""
    url = Settings.from_env(db=db).db
    if existing and "://" not in url and not Path(url).expanduser().exists():
        raise StoreError(f"{url}: no such store; fill one first: frontwatch ingest ARTICLES "
                         f"--db {url}")
    return Store.open(url)


def parse_partial(value: str | None, option: str) -> PartialDate | None:
    """A YYYY[-MM[-DD]] option value, or an InputError naming the option."""
    if value is None:
        return None
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        raise InputError(option, str(exc)) from exc


def parse_day(value: str | None, option: str = "--as-of") -> dt.date | None:
    """An as-of date; YYYY or YYYY-MM mean the last day of that year or month."""
    partial = parse_partial(value, option)
    return partial.last_day() if partial else None


def report_counts(counts: Counter[str]) -> None:
    """The closing line of a command that stores documents; exit status 1 if any failed."""
    click.echo(
        f"{counts['new']} new, {counts['unchanged']} unchanged, "
        f"{counts['updated']} updated, {counts['failed']} failed"
    )
    if counts["failed"]:
        sys.exit(1)


class SideType(click.ParamType[str]):
    """A source side, whatever its case (ru, Ru, RU)."""

    name = "RU|UA|third"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        for side in SIDES:
            if str(value).casefold() == side.casefold():
                return side
        self.fail(f"{value!r} is not one of {', '.join(SIDES)}", param, ctx)
