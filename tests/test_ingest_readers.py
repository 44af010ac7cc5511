"""Each ingest format, read from the invented files in tests/data/ingest."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontwatch.errors import InputError
from frontwatch.ingest import (
    READERS,
    document_from_text,
    read_document,
    read_paths,
    register_reader,
    text_id,
)
from frontwatch.records import Document, InputFailure, PartialDate


@pytest.fixture
def ingest_dir(data_dir: Path) -> Path:
    return data_dir / "ingest"


def split(items: object) -> tuple[list[Document], list[InputFailure]]:
    docs: list[Document] = []
    failures: list[InputFailure] = []
    for item in items:  # type: ignore[attr-defined]
        (docs if isinstance(item, Document) else failures).append(item)
    return docs, failures


@pytest.mark.parametrize(
    ("name", "published", "precision", "start"),
    [
        ("date_day.txt", PartialDate(2024, 11, 5), "day", "Ukrainian forces said on Tuesday"),
        ("date_month.txt", PartialDate(2025, 2), "month", "Les troupes russes ont avancé"),
        ("date_year.txt", PartialDate(2024), "year", "A year of fighting"),
        ("no_date.txt", None, None, "No date line here:"),
    ],
)
def test_ingest_txt_date_line_precision(
    ingest_dir: Path, name: str, published: PartialDate | None, precision: str | None, start: str
) -> None:
    (doc,) = read_document(ingest_dir / name)
    assert doc.published == published
    assert (doc.published.precision if doc.published else None) == precision
    assert doc.text.startswith(start)
    assert "date 20" not in doc.text
    assert doc.origin == str(ingest_dir / name)
    assert doc.id == text_id(doc.text)


def test_ingest_txt_date_followed_by_text_on_same_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2025-02 La Russie a revendiqué vendredi Toretsk.\n\nSuite.\n")
    (doc,) = read_document(path)
    assert doc.published == PartialDate(2025, 2)
    assert doc.text == "La Russie a revendiqué vendredi Toretsk.\n\nSuite."


def test_ingest_txt_date_word_inside_text_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The date 2024 was set for the talks.\n")
    (doc,) = read_document(path)
    assert doc.published is None
    assert doc.text == "The date 2024 was set for the talks."


def test_ingest_html_main_text_and_metadata(ingest_dir: Path) -> None:
    (doc,) = read_document(ingest_dir / "article.html")
    assert "repoussé deux assauts russes près de Siversk" in doc.text
    assert "Accueil" not in doc.text
    assert "©" not in doc.text
    assert doc.title == "Combats près de Siversk"
    assert doc.url == "https://courrier-est.example/2024/09/12/siversk"
    assert doc.outlet == "Le Courrier de l'Est"
    assert doc.published == PartialDate(2024, 9, 12)
    assert doc.published.precision == "day"


def test_ingest_jsonl_good_records_survive_a_broken_line(ingest_dir: Path) -> None:
    path = ingest_dir / "dump_broken.jsonl"
    docs, failures = split(read_paths([path]))
    assert [d.origin for d in docs] == [f"{path}:1", f"{path}:3"]
    first, third = docs
    assert first.id == "t-001"
    assert first.url == "https://wire.example/t-001"
    assert first.published == PartialDate(2024, 6, 2)
    assert (first.title, first.lang, first.outlet) == (
        "Advance near Ocheretyne",
        "en",
        "Example Wire",
    )
    assert third.id == text_id(third.text)
    assert third.published == PartialDate(2024, 7, 15)
    assert failures == [
        InputFailure(f"{path}:2", "invalid JSON (Expecting ',' delimiter at column 34)")
    ]


def test_ingest_csv_records_multiline_text_and_line_numbers(ingest_dir: Path) -> None:
    path = ingest_dir / "dump.csv"
    docs, failures = split(read_paths([path]))
    assert [d.origin for d in docs] == [f"{path}:2", f"{path}:6"]
    assert docs[0].id == "c-001"
    assert docs[0].published == PartialDate(2024, 5)
    assert docs[0].text.endswith(
        "entered Vovchansk, the regional governor said.\n\nFighting "
        "continued in the north of the town."
    )
    assert docs[1].id == text_id(docs[1].text)
    assert docs[1].published == PartialDate(2024)
    assert docs[1].url is None and docs[1].lang is None
    assert failures == [InputFailure(f"{path}:5", "bad published date '2024-13-01'")]


def test_ingest_rss_entries_with_html_stripped(ingest_dir: Path) -> None:
    path = ingest_dir / "feed.rss"
    docs, failures = split(read_paths([path]))
    lyman, kostiantynivka = docs
    assert lyman.text == (
        "Les forces ukrainiennes ont repoussé des assauts près de Lyman, selon l'état-major."
        "\n\nLes combats continuent au nord."
    )
    assert lyman.url == "https://dispatches.example/lyman"
    assert lyman.title == "Assauts repoussés près de Lyman"
    assert lyman.outlet == "Test Dispatches"
    assert lyman.lang == "fr"
    # the entry's own calendar day, not the UTC one (23:30 at -05:00 is already the 3rd in UTC)
    assert lyman.published == PartialDate(2024, 12, 2)
    assert lyman.origin == f"{path}#1"
    assert kostiantynivka.text == "Selon ISW, les forces russes avancent vers Kostiantynivka."
    assert failures == [InputFailure(f"{path}#3", "entry has no text")]


def test_ingest_atom_entry(ingest_dir: Path) -> None:
    (doc,) = read_document(ingest_dir / "feed.atom")
    assert doc.text == (
        "Russia's Defence Ministry said its troops had captured Kostiantynopil."
        "\n\nUkraine did not comment."
    )
    assert doc.url == "https://atom.example/kostiantynopil"
    assert doc.published == PartialDate(2025, 3, 9)
    assert doc.outlet == "Atom Test Wire"


def test_ingest_folder_is_walked_sorted_skipping_hidden_and_unknown(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed article.")
    (tmp_path / "a.txt").write_text("Alpha article.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / ".hidden.txt").write_text("Hidden article.")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "c.txt").write_text("Inside a hidden folder.")
    (tmp_path / "C.TXT").write_text("Upper-case suffix.")
    docs, failures = split(read_paths([tmp_path]))
    assert failures == []
    assert [Path(d.origin).relative_to(tmp_path).as_posix() for d in docs] == [
        "C.TXT",
        "a.txt",
        "b/z.txt",
    ]
    assert [d.text for d in split(read_paths([tmp_path]))[0]] == [d.text for d in docs]


def test_ingest_named_file_with_unknown_suffix_fails(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_bytes(b"%PDF-1.4")
    (failure,) = read_paths([path])
    assert isinstance(failure, InputFailure)
    assert failure.origin == str(path)
    assert failure.reason.startswith("unsupported file type '.pdf' (expected .atom, .csv,")


def test_ingest_read_document_raises_naming_the_file(ingest_dir: Path) -> None:
    path = ingest_dir / "dump_broken.jsonl"
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(info.value) == f"{path}:2: invalid JSON (Expecting ',' delimiter at column 34)"
    assert info.value.origin == f"{path}:2"


def test_ingest_document_from_text() -> None:
    doc = document_from_text(
        "Russian forces entered Toretsk.  \r\n\r\n\r\nFighting continues.\r\n",
        url="https://x.example/1",
        published="2025-02-07T10:00:00+01:00",
        lang="EN-gb",
        origin="api",
    )
    assert doc.text == "Russian forces entered Toretsk.\n\nFighting continues."
    assert doc.id == text_id(doc.text)
    assert doc.published == PartialDate(2025, 2, 7)
    assert doc.lang == "en"
    assert doc.origin == "api"
    assert document_from_text("Some text.", id="given").id == "given"
    assert document_from_text("Some text.", published=PartialDate(2024)).published == PartialDate(
        2024
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"text": "   \n"}, "api: empty text"),
        ({"text": "x", "published": "2025-02-30"}, "api: bad published date '2025-02-30'"),
    ],
)
def test_ingest_document_from_text_errors(kwargs: dict[str, str], message: str) -> None:
    text = kwargs.pop("text")
    with pytest.raises(InputError, match=f"^{message}$"):
        document_from_text(text, origin="api", **kwargs)


def test_ingest_register_reader(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(READERS, ".md", READERS[".txt"])
    register_reader(".MD", READERS[".txt"])
    path = tmp_path / "a.md"
    path.write_text("Markdown article.")
    assert [d.text for d in read_document(path)] == ["Markdown article."]
    with pytest.raises(ValueError):
        register_reader("md", READERS[".txt"])
