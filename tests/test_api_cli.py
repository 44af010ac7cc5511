"""`frontwatch token` and `frontwatch serve` through click's CliRunner."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.store import Store


def test_api_cli_token_create_list_revoke(tmp_path: Path) -> None:
    db = str(tmp_path / "tokens.db")
    runner = CliRunner()
    created = runner.invoke(cli, ["token", "create", "--role", "editor", "--db", db])
    assert created.exit_code == 0, created.output
    raw = created.stdout.strip()
    assert raw.startswith("fw_") and "\n" not in raw
    with Store.open(db) as store:
        assert store.token_role(raw) == "editor"
    listed = runner.invoke(cli, ["token", "list", "--db", db])
    assert listed.exit_code == 0
    token_id, role, _created, state = listed.stdout.strip().split("\t")
    assert (role, state) == ("editor", "active")
    assert raw not in listed.output
    revoked = runner.invoke(cli, ["token", "revoke", token_id, "--db", db])
    assert revoked.exit_code == 0, revoked.output
    with Store.open(db) as store:
        assert store.token_role(raw) is None
    assert runner.invoke(cli, ["token", "list", "--db", db]).stdout.split("\t")[-1] != "active\n"


def test_api_cli_token_errors_are_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "tokens.db")
    runner = CliRunner()
    bad_role = runner.invoke(cli, ["token", "create", "--role", "viewer", "--db", db])
    assert bad_role.exit_code == 2 and "viewer" in bad_role.output
    missing = runner.invoke(cli, ["token", "revoke", "42", "--db", db])
    assert missing.exit_code == 2
    assert missing.output.strip().splitlines() == ["Error: 42: no such token"]


def test_api_cli_serve_help_has_example() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "frontwatch serve --db" in result.output and "--port" in result.output
