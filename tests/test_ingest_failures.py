"""Bad inputs give one clear line naming the file, and never stop the batch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontwatch.ingest import read_paths
from frontwatch.records import Document, InputFailure


@pytest.fixture
def ingest_dir(data_dir: Path) -> Path:
    return data_dir / "ingest"


def only_failure(path: Path) -> InputFailure:
    (item,) = list(read_paths([path]))
    assert isinstance(item, InputFailure)
    return item


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty file"),
        ("bad_utf8.txt", "not UTF-8 text (byte 0xe9 at offset 43)"),
        ("bad_date.txt", "bad published date '2025-13-01'"),
        ("no_body.html", "no article text found in HTML"),
    ],
)
def test_ingest_failure_data_files(ingest_dir: Path, name: str, reason: str) -> None:
    assert only_failure(ingest_dir / name) == InputFailure(str(ingest_dir / name), reason)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("blob.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("blank.txt", b"  \n\n\t\n", "empty file"),
        ("only_date.txt", b" date 2024-05-01 \n\n", "no article text after the date line"),
        ("month.txt", b" date 2024-5 Text.", "bad published date '2024-5'"),
        ("blob.html", b"\x00\x01\x02\x03<html>", "binary file"),
        ("empty.jsonl", b"", "empty file"),
        ("nofield.csv", b"id,body\n1,hello\n", "missing column 'text' (columns: id, body)"),
        (
            "broken.rss",
            b"<rss><channel><item>",
            "not an RSS/Atom feed (XML error: no element found)",
        ),
        ("plain.xml", b"just words", "not an RSS/Atom feed (XML error: syntax error)"),
        (
            "empty_channel.rss",
            b"<rss><channel><title>t</title></channel></rss>",
            "feed has no entries",
        ),
    ],
)
def test_ingest_failure_whole_file(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    failure = only_failure(path)
    assert failure.origin == str(path)
    assert failure.reason.startswith(reason)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a", "text": "ok" "x": 1}', "invalid JSON (Expecting ',' delimiter at column 26)"),
        ('["not", "an", "object"]', "expected a JSON object, got list"),
        ('{"id": "a"}', "missing field 'text'"),
        ('{"text": "   "}', "empty field 'text'"),
        ('{"text": 42}', "field 'text' must be a string, not int"),
        ('{"text": "ok", "published": "2025-13-01"}', "bad published date '2025-13-01'"),
        ('{"text": "ok", "published": "last week"}', "bad published date 'last week'"),
        ('{"text": "ok", "title": ["a"]}', "field 'title' must be a string, not list"),
    ],
)
def test_ingest_failure_jsonl_record(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "dump.jsonl"
    good = json.dumps({"id": "good", "text": "Good record."})
    path.write_text(f"{good}\n\n{line}\n{good}\n", encoding="utf-8")
    items = list(read_paths([path]))
    assert items[1] == InputFailure(f"{path}:3", reason)
    assert [i.origin for i in items if isinstance(i, Document)] == [f"{path}:1", f"{path}:4"]


def test_ingest_failure_jsonl_bad_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    items = list(read_paths([path]))
    assert isinstance(items[0], Document)
    assert items[1] == InputFailure(f"{path}:2", "not UTF-8 text (byte 0xe9 at offset 28)")


def test_ingest_failure_csv_wrong_field_count(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text("id,text\n1,First.\n2,Second.,extra\n3,Third.\n", encoding="utf-8")
    items = list(read_paths([path]))
    assert items[1] == InputFailure(f"{path}:3", "expected 2 fields, got 3")
    assert [i.id for i in items if isinstance(i, Document)] == ["1", "3"]


def test_ingest_failure_missing_path(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    assert only_failure(path) == InputFailure(str(path), "no such file or directory")


def test_ingest_batch_bad_files_fail_good_ones_come_through(ingest_dir: Path) -> None:
    items = list(read_paths([ingest_dir]))
    docs = [i for i in items if isinstance(i, Document)]
    failures = {Path(i.origin).name: i.reason for i in items if isinstance(i, InputFailure)}
    assert failures == {
        "bad_date.txt": "bad published date '2025-13-01'",
        "bad_utf8.txt": "not UTF-8 text (byte 0xe9 at offset 43)",
        "dump.csv:5": "bad published date '2024-13-01'",
        "dump_broken.jsonl:2": "invalid JSON (Expecting ',' delimiter at column 34)",
        "empty.txt": "empty file",
        "feed.rss#3": "entry has no text",
        "no_body.html": "no article text found in HTML",
    }
    assert len(docs) == 12
    assert len({d.id for d in docs}) == len(docs)


def test_ingest_batch_survives_a_reader_bug(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from frontwatch.ingest import READERS

    def broken(path: Path, limits: object) -> list[Document]:
        raise RuntimeError("boom")

    monkeypatch.setitem(READERS, ".boom", broken)  # type: ignore[arg-type]
    (tmp_path / "a.boom").write_text("x")
    (tmp_path / "b.txt").write_text("Still read.")
    items = list(read_paths([tmp_path]))
    assert items[0] == InputFailure(
        str(tmp_path / "a.boom"), "unexpected error (RuntimeError: boom)"
    )
    assert isinstance(items[1], Document)
