"""Message lines: one line per problem whatever a file is called, and no secret in them."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import assume, given
from hypothesis import strategies as st

from frontwatch.cli import cli
from frontwatch.messages import mask_secrets, printable, safe

BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def unsafe(char: str) -> bool:
    return unicodedata.category(char) in ("Cc", "Zl", "Zp") or char in BIDI


@given(st.text())
def test_messages_printable_leaves_no_control_character(text: str) -> None:
    shown = printable(text)
    assert not any(unsafe(c) for c in shown)
    if not any(unsafe(c) for c in text):
        assert shown == text


def test_messages_printable_escapes_like_python() -> None:
    assert printable("a\nb\r\tc\x1b[31m\u202ed") == "a\\nb\\r\\tc\\x1b[31m\\u202ed"


passwords = st.text(alphabet=st.characters(blacklist_characters="@/ \t\n\r&;,:'\"",
                                           blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
                    min_size=4, max_size=30)


@given(password=passwords)
def test_messages_mask_secrets_hides_url_and_query_passwords(password: str) -> None:
    template = ("Error: postgresql+psycopg://fw:{}@db.example:5432/claims?"
                "sslmode=require&password={}: cannot connect")
    line = template.format(password, password)
    # A password that is a piece of the rest of the line ("post", "clai") is in the line anyway.
    assume(password not in template.format("***", "***"))
    masked = mask_secrets(line)
    assert password not in masked.replace("fw:***@", "").replace("password=***", "")
    assert "postgresql+psycopg://fw:***@db.example:5432/claims" in masked
    assert masked.endswith("password=***: cannot connect")


def test_messages_mask_secrets_hides_api_tokens_and_dsn_pairs() -> None:
    assert mask_secrets("token fw_AbCdEf0123456789xyz refused") == "token fw_*** refused"
    assert mask_secrets("host=db user=fw password='p w' dbname=x") == "host=db user=fw password=*** dbname=x"
    assert safe("bad\nname: postgresql://a:b@h/d") == "bad\\nname: postgresql://a:***@h/d"


def test_messages_cli_failure_line_escapes_the_file_name(tmp_path: Path) -> None:
    evil = tmp_path / "evil\nError: forged line\x1b[2J.txt"
    evil.write_bytes(b"")
    result = CliRunner().invoke(cli, ["extract", "--jsonl", str(evil)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"{tmp_path}/evil\\nError: forged line\\x1b[2J.txt: empty file"]


def test_messages_cli_named_files_that_cannot_be_read_do_not_stop_the_batch(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    locked = tmp_path / "locked.txt"
    locked.write_text("")
    locked.chmod(0)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = CliRunner().invoke(cli, ["extract", "--jsonl", str(tmp_path / "pipe.txt"), str(locked),
                                      str(tmp_path / "missing.txt"), str(empty)])
    lines = result.stderr.splitlines()
    assert result.exit_code == 1, result.output
    assert f"{tmp_path}/pipe.txt: not a regular file (a named pipe)" in lines
    assert f"{tmp_path}/missing.txt: no such file or directory" in lines
    assert f"{tmp_path}/empty.txt: empty file" in lines
    reason = "empty file" if os.geteuid() == 0 else "permission denied"  # root reads mode 000
    assert f"{locked}: {reason}" in lines


def test_messages_serve_banner_masks_the_database_password(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    import frontwatch.api

    served: list[object] = []
    monkeypatch.setattr(frontwatch.api, "create_app", lambda settings: settings)
    monkeypatch.setattr(uvicorn, "run", lambda app, **kwargs: served.append(app))
    url = "postgresql+psycopg://fw:hunter2-secret@127.0.0.1:5432/claims"
    result = CliRunner().invoke(cli, ["serve", "--db", url, "--host", "127.0.0.2"])
    assert result.exit_code == 0, result.output
    assert "hunter2-secret" not in result.output
    assert "postgresql+psycopg://fw:***@127.0.0.1:5432/claims" in result.stderr
    (settings,) = served
    assert settings.allowed_host_names == ("localhost", "127.0.0.1", "::1", "127.0.0.2")  # type: ignore[attr-defined]
