"""Hostile input for the readers: a corpus of bad files the tests make, and fuzzing.

Each bad file must give one failure naming it (or its record) while every good article of
the same batch still comes through; nothing may hang, read without bound, or raise.
"""

from __future__ import annotations

import codecs
import json
import os
import socket
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontwatch.ingest import READERS, read_paths
from frontwatch.ingest.limits import Limits
from frontwatch.records import Document, InputFailure

GOOD = "Russian units pushed toward Pokrovsk on Monday, the governor said."
SMALL = Limits(max_document_chars=5_000, max_file_bytes=64 * 1024)


def read(paths: list[Path], limits: Limits = SMALL) -> tuple[list[Document], list[InputFailure]]:
    docs: list[Document] = []
    failures: list[InputFailure] = []
    for item in read_paths(paths, limits=limits):
        (docs if isinstance(item, Document) else failures).append(item)
    return docs, failures


def good_file(folder: Path) -> Path:
    path = folder / "zz_good.txt"
    path.write_text(GOOD, encoding="utf-8")
    return path


# -- files that are not files --------------------------------------------------------------


def test_ingest_hostile_fifo_is_reported_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    good_file(tmp_path)
    for paths in ([tmp_path], [tmp_path / "pipe.txt", tmp_path / "zz_good.txt"]):
        docs, failures = read(paths)
        assert failures == [InputFailure(str(tmp_path / "pipe.txt"), "not a regular file (a named pipe)")]
        assert [d.text for d in docs] == [GOOD]


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_ingest_hostile_link_to_device_is_never_read(tmp_path: Path, device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"no {device} here")
    (tmp_path / "dev.txt").symlink_to(device)
    good_file(tmp_path)
    for paths in ([tmp_path], [tmp_path / "dev.txt", tmp_path / "zz_good.txt"]):
        docs, failures = read(paths)
        assert failures == [InputFailure(str(tmp_path / "dev.txt"), "not a regular file (a character device)")]
        assert len(docs) == 1


def test_ingest_hostile_socket_is_reported(tmp_path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(tmp_path / "sock.txt"))
    except OSError:
        pytest.skip("cannot bind a unix socket here")
    try:
        docs, failures = read([tmp_path])
    finally:
        server.close()
    assert failures == [InputFailure(str(tmp_path / "sock.txt"), "not a regular file (a socket)")]


def test_ingest_hostile_symlink_loops_end(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "article.txt").write_text(GOOD)
    (tmp_path / "a" / "self").symlink_to(tmp_path / "a")
    (tmp_path / "a" / "up").symlink_to(tmp_path)
    (tmp_path / "x.txt").symlink_to(tmp_path / "y.txt")
    (tmp_path / "y.txt").symlink_to(tmp_path / "x.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    docs, failures = read([tmp_path])
    assert [d.origin for d in docs] == [str(tmp_path / "a" / "article.txt")]
    assert {(Path(f.origin).relative_to(tmp_path).as_posix(), f.reason) for f in failures} == {
        ("a/self", "symbolic link to a folder already read; skipped"),
        ("a/up", "symbolic link to a folder already read; skipped"),
        ("gone.txt", "no such file or directory"),
        ("x.txt", "symbolic link loop"),
        ("y.txt", "symbolic link loop"),
    }
    assert read([tmp_path / "x.txt"])[1] == [InputFailure(str(tmp_path / "x.txt"), "symbolic link loop")]


def test_ingest_hostile_deep_folder_tree_is_walked(tmp_path: Path) -> None:
    folders = [f"{tmp_path}/d"]
    for _ in range(1_100):  # deeper than Python's recursion limit (and pathlib's, shutil's)
        folders.append(folders[-1] + "/d")
    for folder in folders:
        os.mkdir(folder)
    Path(folders[-1], "deep.txt").write_text(GOOD)
    try:
        docs, failures = read([tmp_path])
        assert failures == [] and [d.text for d in docs] == [GOOD]
    finally:
        os.remove(Path(folders[-1], "deep.txt"))
        for folder in reversed(folders):
            os.rmdir(folder)


def test_ingest_hostile_missing_and_directory_names_on_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "folder.txt" / "inner.txt").write_text(GOOD)
    docs, failures = read([tmp_path / "missing.txt", tmp_path / "folder.txt"])
    assert failures == [InputFailure(str(tmp_path / "missing.txt"), "no such file or directory")]
    assert [d.text for d in docs] == [GOOD]


# -- size limits ---------------------------------------------------------------------------


def test_ingest_hostile_file_over_the_byte_limit_is_skipped(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Words and more words. " * 4_000)  # 88 kB
    sparse = tmp_path / "sparse.html"
    with open(sparse, "wb") as handle:  # claims 100 GB, holds nothing: never read
        handle.truncate(100 * 2**30)
    good_file(tmp_path)
    docs, failures = read([tmp_path])
    assert [f.origin for f in failures] == [str(big), str(sparse)]
    assert failures[0].reason == ("larger than 65,536 bytes (88,000); "
                                  "FRONTWATCH_MAX_FILE_BYTES raises the limit")
    assert [d.text for d in docs] == [GOOD]


def test_ingest_hostile_long_article_is_cut_at_a_paragraph_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    paragraph = "Fighting went on near Toretsk all day, officials said. " * 10
    path = tmp_path / "long.txt"
    whole = "\n\n".join([paragraph.strip()] * 40)  # 21,960 characters
    path.write_text(whole)
    (doc,) = read([path])[0]
    assert 2_500 <= len(doc.text) <= SMALL.max_document_chars
    assert whole.startswith(doc.text + "\n\n")
    assert f"{path}: article has" in caplog.text and "FRONTWATCH_MAX_DOCUMENT_CHARS" in caplog.text


def test_ingest_hostile_single_line_article_is_cut_at_a_sentence(tmp_path: Path) -> None:
    path = tmp_path / "line.jsonl"
    path.write_text(json.dumps({"text": "One sentence here. " * 2_000}) + "\n")  # 38,000 chars
    (doc,) = read([path])[0]
    assert len(doc.text) <= SMALL.max_document_chars and doc.text.endswith("here.")


# -- dumps: one bad record, the rest of the file still read -------------------------------


def dump_lines(tmp_path: Path, bad: str | bytes, name: str = "dump.jsonl") -> Path:
    path = tmp_path / name
    first = json.dumps({"id": "first", "text": GOOD}).encode()
    last = json.dumps({"id": "last", "text": GOOD}).encode()
    middle = bad.encode() if isinstance(bad, str) else bad
    path.write_bytes(first + b"\n" + middle + b"\n" + last + b"\n")
    return path


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ("[" * 30_000 + "]" * 30_000, "invalid JSON (nested too deeply)"),
        ('{"text": "' + "a" * 70_000 + '"}',
         "record longer than 65,536 bytes; FRONTWATCH_MAX_FILE_BYTES raises the limit"),
        ('{"text": "x", "n": ' + "9" * 5_000 + "}", "invalid JSON (Exceeds the limit (4300 digits)"),
        ('{"text": "a lone \\ud800 half"}', "text has an unpaired surrogate (U+D800) at character 7"),
        (b'{"text": "caf\xe9"}', "not UTF-8 text (byte 0xe9 at offset"),
        ('{"text": ["a", "list"]}', "field 'text' must be a string, not list"),
        ('{"text": "ok", "id": {"nested": 1}}', "field 'id' must be a string, not dict"),
    ],
    ids=["deep", "too-long", "huge-int", "surrogate", "bad-utf8", "list-text", "dict-id"],
)
def test_ingest_hostile_jsonl_record_fails_alone(tmp_path: Path, bad: str | bytes, reason: str) -> None:
    path = dump_lines(tmp_path, bad)
    docs, failures = read([path])
    assert [d.id for d in docs] == ["first", "last"]
    (failure,) = failures
    assert failure.origin == f"{path}:2" and failure.reason.startswith(reason)
    assert "\n" not in failure.reason


def test_ingest_hostile_csv_field_over_131072_characters_keeps_later_rows(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    long = "Long field about Lyman. " * 8_000  # 192,000 characters
    path.write_text(f'id,text\n1,"{long}"\n2,Second row.\n3,Third row.\n', encoding="utf-8")
    docs, failures = read([path], Limits(max_document_chars=1_000_000, max_file_bytes=1_000_000))
    assert failures == [] and [d.id for d in docs] == ["1", "2", "3"]
    assert len(docs[0].text) == len(long.strip())


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        (b'2,"' + b"x" * 70_000 + b'"', "record longer than 65,536 bytes"),
        (b"2,caf\xe9", "not UTF-8 text (byte 0xe9"),
        (b"2,Second,extra", "expected 2 fields, got 3"),
    ],
    ids=["too-long", "bad-utf8", "fields"],
)
def test_ingest_hostile_csv_row_fails_alone(tmp_path: Path, row: bytes, reason: str) -> None:
    path = tmp_path / "dump.csv"
    first = b"1," + b"First row and long enough that the bad row lies past the binary sniff. " * 130
    path.write_bytes(b"id,text\n" + first + b"\n" + row + b"\n3,Third row.\n")
    docs, failures = read([path], Limits(max_document_chars=20_000, max_file_bytes=64 * 1024))
    assert [d.id for d in docs] == ["1", "3"]
    (failure,) = failures
    assert failure.origin == f"{path}:3" and failure.reason.startswith(reason)


def test_ingest_hostile_csv_unterminated_quote_ends(tmp_path: Path) -> None:
    path = tmp_path / "dump.csv"
    path.write_text('id,text\n1,First row.\n2,"never closed\n3,Third row.\n')
    docs, failures = read([path])
    assert [d.id for d in docs] == ["1", "2"]  # the csv module takes the rest as the field
    assert failures == []


def test_ingest_hostile_dump_is_streamed_not_capped(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    with open(path, "w", encoding="utf-8") as handle:
        for n in range(3_000):  # 270 kB: over the 64 kB file limit, every record under it
            handle.write(json.dumps({"id": str(n), "text": f"Record {n} about Siversk and Lyman."}) + "\n")
    docs, failures = read([path])
    assert failures == [] and len(docs) == 3_000


# -- encodings -----------------------------------------------------------------------------


@pytest.mark.parametrize("codec", ["utf-8-sig", "utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_ingest_hostile_bom_encodings_are_decoded(tmp_path: Path, codec: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE, "utf-32-be": codecs.BOM_UTF32_BE}.get(codec, b"")
    text = "Les forces ukrainiennes ont repoussé un assaut près de Lyman."
    (tmp_path / "a.txt").write_bytes(bom + text.encode(codec))
    (tmp_path / "b.jsonl").write_bytes(bom + (json.dumps({"id": "j", "text": text}) + "\n").encode(codec))
    (tmp_path / "c.csv").write_bytes(bom + f'id,text\r\nc,"{text}"\r\n'.encode(codec))
    docs, failures = read([tmp_path])
    assert failures == []
    assert [d.text for d in docs] == [text] * 3


def test_ingest_hostile_utf16_without_bom_is_called_binary(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("No mark here.".encode("utf-16-le"))
    assert read([tmp_path])[1] == [InputFailure(str(tmp_path / "a.txt"), "binary file")]


def test_ingest_hostile_bad_utf16_fails_its_line_only(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    good = (json.dumps({"id": "g", "text": GOOD}) + "\n").encode("utf-16-le")
    bad = "x\n".encode("utf-16-le").replace(b"x\x00", b"\x00\xd8")  # a lone high surrogate
    path.write_bytes(codecs.BOM_UTF16_LE + good + bad + good)
    docs, failures = read([path])
    assert [d.id for d in docs] == ["g", "g"]
    assert failures == [InputFailure(f"{path}:2", f"not UTF-16-LE text (bad bytes at offset {2 + len(good)})")]


# -- fuzzing -------------------------------------------------------------------------------

SUFFIXES = sorted(READERS)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2_000), suffix=st.sampled_from(SUFFIXES))
def test_ingest_fuzz_any_bytes_give_documents_or_one_line_failures(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    items = list(read_paths([path], limits=SMALL))
    for item in items:
        assert isinstance(item, Document | InputFailure)
        if isinstance(item, InputFailure):
            assert item.origin.startswith(str(path)) and item.reason
            assert not item.reason.startswith("unexpected error"), item.reason
        else:
            assert item.text.strip() and len(item.text) <= SMALL.max_document_chars


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.one_of(
    st.dictionaries(st.sampled_from(["id", "text", "url", "published", "title", "lang", "outlet"]),
                    json_values, max_size=5),
    json_values,
), min_size=1, max_size=6))
def test_ingest_fuzz_jsonl_every_line_accounted_for(tmp_path: Path, records: list[object]) -> None:
    path = tmp_path / "fuzz.jsonl"
    lines = [json.dumps(r) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_paths([path], limits=SMALL))
    origins = [i.origin for i in items]
    assert origins == [f"{path}:{n}" for n in range(1, len(lines) + 1)]
    for item in items:
        if isinstance(item, InputFailure):
            assert not item.reason.startswith("unexpected error"), item.reason


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(st.text(max_size=30), min_size=2, max_size=2), min_size=1, max_size=6))
def test_ingest_fuzz_csv_rows_round_trip(tmp_path: Path, rows: list[list[str]]) -> None:
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["id", "text"])
    writer.writerows(rows)
    path = tmp_path / "fuzz.csv"
    path.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
    items = list(read_paths([path], limits=SMALL))
    for item in items:
        if isinstance(item, InputFailure):
            assert not item.reason.startswith("unexpected error"), item.reason
    kept = [r for r in rows if any(c.strip() for c in r) and "\x00" not in "".join(r)]
    read_rows = [i for i in items if isinstance(i, Document)]
    assert len(read_rows) <= len(kept)

