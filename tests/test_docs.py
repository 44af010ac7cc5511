"""The docs cannot rot: every command has an example and is in the README, every setting too."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from frontwatch.cli import COMMANDS, cli
from frontwatch.settings import SETTINGS

README = Path(__file__).resolve().parents[1] / "README.md"


@pytest.fixture(scope="module")
def readme() -> str:
    return README.read_text(encoding="utf-8")


def _command(name: str) -> click.Command:
    with click.Context(cli) as ctx:
        command = cli.get_command(ctx, name)
    assert command is not None, f"frontwatch {name} cannot be imported ({COMMANDS[name]})"
    return command


def _with_subcommands(name: str) -> list[tuple[str, click.Command]]:
    command = _command(name)
    found = [(f"frontwatch {name}", command)]
    if isinstance(command, click.Group):
        found += [(f"frontwatch {name} {sub}", command.commands[sub]) for sub in command.commands]
    return found


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_command_help_has_example(name: str) -> None:
    for label, command in _with_subcommands(name):
        text = command.help or ""
        assert text.strip(), f"{label} has no help text"
        assert re.search(r"^\s*\x08\s*\n\s*Example:\s*\n\s+frontwatch ", text, re.M), (
            f"{label}: its help needs a '\\b' 'Example:' block with a frontwatch command line"
        )


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_docs_command_in_readme(readme: str, name: str) -> None:
    assert f"`frontwatch {name}`" in readme, f"README.md does not mention `frontwatch {name}`"


def test_docs_readme_lists_no_unknown_command(readme: str) -> None:
    table = re.findall(r"^\| `frontwatch ([\w-]+)` \|", readme, re.M)
    assert table, "README.md lost its command table"
    assert sorted(table) == sorted(COMMANDS)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_docs_setting_in_readme(readme: str, setting) -> None:  # type: ignore[no-untyped-def]
    section = readme.split("## Settings", 1)
    assert len(section) == 2, "README.md has no Settings section"
    rows = [line for line in section[1].splitlines() if line.startswith(f"| `{setting.name}` |")]
    assert rows, f"setting {setting.name!r} is not in README.md's Settings table"
    row = rows[0]
    assert f"`{setting.env}`" in row, f"README.md: {setting.name} row does not name {setting.env}"
    if setting.default:
        assert f"`{setting.default}`" in row, (
            f"README.md: {setting.name} row does not give its default {setting.default!r}"
        )
