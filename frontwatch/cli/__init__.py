"""The `frontwatch` command group.

Each command lives in its own module and is imported only when it runs, so that
`frontwatch place` answers without loading spaCy. Commands parse arguments, call the
stage objects and render; they hold no pipeline logic of their own.
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import sys
from typing import Any

import click

from frontwatch import __version__
from frontwatch.errors import FrontwatchError
from frontwatch.messages import SafeFormatter, safe

COMMANDS: dict[str, str] = {
    "extract": "frontwatch.cli.extract:extract",
    "ingest": "frontwatch.cli.ingest:ingest",
    "load": "frontwatch.cli.load:load",
    "place": "frontwatch.cli.place:place",
    "places": "frontwatch.cli.place:places",
    "claims": "frontwatch.cli.claims:claims",
    "export": "frontwatch.cli.export:export",
    "layer": "frontwatch.cli.layer:layer",
    "sources": "frontwatch.cli.sources:sources",
    "eval": "frontwatch.cli.eval:eval_command",
    "train": "frontwatch.cli.train:train",
    "eval-places": "frontwatch.cli.eval_places:eval_places",
    "serve": "frontwatch.cli.serve:serve",
    "token": "frontwatch.cli.token:token",
}


class LazyGroup(click.Group):
    """A click group whose subcommands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if _importable(COMMANDS[name]))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None or not _importable(target):
            return None
        module_name, attr = target.split(":")
        command = getattr(importlib.import_module(module_name), attr)
        assert isinstance(command, click.Command)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            # One line, not click's usage block: what is wrong and where help is.
            where = error.ctx.command_path if error.ctx else ctx.command_path
            click.echo(f"Error: {error.format_message()} (see '{where} --help')", err=True)
            sys.exit(error.exit_code)
        except FrontwatchError as error:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            click.echo(f"Error: {safe(str(error))}", err=True)
            sys.exit(2)


def _importable(target: str) -> bool:
    return importlib.util.find_spec(target.split(":")[0]) is not None


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="frontwatch")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn war reporting into sourced, dated, geocoded territorial-control claims.

    \b
    Example:
        frontwatch extract samples/ --jsonl
    """
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    _log_to_stderr(logging.DEBUG if debug else logging.WARNING)


def _log_to_stderr(level: int) -> None:
    """The library logs; the command line shows its warnings on stderr, once per process."""
    logger = logging.getLogger("frontwatch")
    logger.setLevel(level)
    if not any(getattr(h, "_frontwatch_cli", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(SafeFormatter("%(message)s"))
        handler._frontwatch_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
