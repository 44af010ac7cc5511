"""Articles fetched over HTTP from a real local server: pages, feeds, text, and every way a
fetch fails, each reported on one line naming the list's line and the URL."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontwatch.cli import cli
from frontwatch.ingest import read_paths
from frontwatch.ingest.limits import Limits
from frontwatch.records import Document, InputFailure, PartialDate
from frontwatch.store import Store

PAGE = b"""<!doctype html><html lang="en"><head><title>Front report</title>
<meta property="article:published_time" content="2025-02-07"></head>
<body><article><h1>Front report</h1>
<p>Russian forces captured the village of Vodiane, the Russian Ministry of Defence said.</p>
<p>Ukraine's General Staff denied the claim and said fighting went on near the village.</p>
</article></body></html>"""

FEED = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Front wire</title><language>en</language>
<item><title>One</title><link>https://news.example/2025/03/01/one</link>
<description>Ukrainian troops repelled an assault near Chasiv Yar, the army said.</description></item>
<item><title>Two</title><link>https://news.example/2025/03/02/two</link>
<description>Russian units advanced towards Kostiantynivka, Moscow said.</description></item>
</channel></rss>"""

PLAIN_RU = "Российские войска вошли в Торецк, заявили в Минобороны России.".encode("koi8-r")


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str | None, length: bool = True) -> None:
        self.send_response(status)
        if ctype is not None:
            self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, to: str) -> None:
        self.send_response(302)
        self.send_header("Location", to)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:
        routes = {
            "/article.html": lambda: self._send(200, PAGE, "text/html; charset=utf-8"),
            "/untyped": lambda: self._send(200, PAGE, None),
            "/feed": lambda: self._send(200, FEED, "application/rss+xml"),
            "/page-as-xml": lambda: self._send(200, PAGE, "application/xml"),
            "/plain": lambda: self._send(200, PLAIN_RU, "text/plain; charset=KOI8-R"),
            "/moved": lambda: self._redirect("/article.html"),
            "/loop": lambda: self._redirect("/loop"),
            "/elsewhere": lambda: self._redirect("ftp://files.example/a.txt"),
            "/big": lambda: self._send(200, b"x" * 20_000, "text/plain"),
            "/big-unsized": lambda: self._send(200, b"y" * 20_000, "text/plain", length=False),
            "/image": lambda: self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png"),
            "/empty-page": lambda: self._send(200, b"<html><body></body></html>", "text/html"),
        }
        if self.path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b"z")
                self.wfile.flush()
                time.sleep(0.1)
            return
        if self.path == "/slow":
            time.sleep(3)
            self._send(200, PAGE, "text/html")
        elif self.path in routes:
            routes[self.path]()
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(autouse=True)
def _direct(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local server is reached directly, whatever proxy the machine is set to use."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


LIMITS = Limits(max_document_chars=100_000, max_file_bytes=16_384, fetch_timeout=1)


def _read(items: list[str | Path]) -> tuple[list[Document], list[InputFailure]]:
    out = list(read_paths(items, limits=LIMITS))
    return ([i for i in out if isinstance(i, Document)], [i for i in out if isinstance(i, InputFailure)])


def test_ingest_urls_page_feed_and_text_read_as_their_type(server: str) -> None:
    docs, failures = _read([f"{server}/article.html", f"{server}/feed", f"{server}/plain", f"{server}/untyped",
                            f"{server}/page-as-xml"])
    assert failures == []
    page, one, two, plain, untyped, mislabelled = docs
    assert "\nRussian forces captured the village of Vodiane" in page.text
    assert page.published == PartialDate(2025, 2, 7) and page.url == f"{server}/article.html"
    assert page.origin == f"{server}/article.html"
    assert (one.url, one.published, one.outlet, one.lang) == (
        "https://news.example/2025/03/01/one", PartialDate(2025, 3, 1), "Front wire", "en")
    assert two.origin == f"{server}/feed#2" and "Kostiantynivka" in two.text
    assert plain.text == "Российские войска вошли в Торецк, заявили в Минобороны России."
    assert untyped.id == page.id and mislabelled.id == page.id


def test_ingest_urls_redirect_keeps_the_final_address(server: str) -> None:
    docs, failures = _read([f"{server}/moved"])
    assert failures == [] and docs[0].url == f"{server}/article.html"


def test_ingest_urls_each_failure_is_one_line_naming_the_line_and_url(server: str, tmp_path: Path) -> None:
    listed = tmp_path / "front.urls"
    lines = ["# reports to read", "", f"{server}/article.html", f"{server}/missing", "ftp://files.example/a",
             "not a url", f"{server}/loop", f"{server}/elsewhere", f"{server}/big", f"{server}/big-unsized",
             f"{server}/image", f"{server}/empty-page", f"{server}/slow", "http://127.0.0.1:1/closed",
             f"{server}/feed"]
    listed.write_text("\n".join(lines) + "\n", "utf-8")
    docs, failures = _read([listed])
    assert [d.origin for d in docs] == [f"{server}/article.html", f"{server}/feed#1", f"{server}/feed#2"]
    reasons = {f.origin: f.reason for f in failures}
    where = {n: f"{listed}:{n} ({lines[n - 1]})" for n in range(1, len(lines) + 1)}
    assert reasons[where[4]] == "HTTP 404 Not Found"
    assert reasons[where[5]] == "not an http(s) URL"
    assert reasons[where[6]] == "not an http(s) URL"
    assert reasons[where[7]] == "more than 5 redirects"
    assert reasons[where[8]] == "redirected to an address that is not http(s)"
    assert reasons[where[9]].startswith("larger than 16,384 bytes (20,000)")
    assert reasons[where[10]].startswith("larger than 16,384 bytes;")
    assert reasons[where[11]].startswith("unsupported content type 'image/png'")
    assert reasons[where[12]] == "no article text found in HTML"
    assert reasons[where[13]].startswith("no answer within 1 s")
    assert reasons[where[14]].startswith("cannot fetch (") and "refused" in reasons[where[14]].lower()
    assert len(failures) == 11
    assert all("\n" not in f.reason for f in failures)


def test_ingest_urls_a_page_that_trickles_in_is_cut_off(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("frontwatch.ingest.urls.WHOLE_PAGE_TIMEOUTS", 2)
    docs, failures = _read([f"{server}/drip"])
    assert docs == [] and failures[0].reason.startswith("page not complete within 2 s")


def test_ingest_urls_list_without_addresses_is_refused(tmp_path: Path) -> None:
    listed = tmp_path / "none.urls"
    listed.write_text("# nothing yet\n\n", "utf-8")
    docs, failures = _read([listed])
    assert docs == [] and [(f.origin, f.reason) for f in failures] == [(str(listed), "no URL in the list")]


def test_ingest_urls_fetch_timeout_setting_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    from frontwatch.errors import ConfigError
    from frontwatch.settings import Settings

    monkeypatch.setenv("FRONTWATCH_FETCH_TIMEOUT", "5")
    assert Limits.from_settings(Settings.from_env()).fetch_timeout == 5
    monkeypatch.setenv("FRONTWATCH_FETCH_TIMEOUT", "0")
    with pytest.raises(ConfigError, match="FRONTWATCH_FETCH_TIMEOUT must be at least 1"):
        Settings.from_env()


@pytest.mark.models
def test_ingest_urls_cli_stores_fetched_articles_once(server: str, tmp_path: Path) -> None:
    listed = tmp_path / "front.urls"
    listed.write_text(f"{server}/article.html\n{server}/missing\n", "utf-8")
    db = tmp_path / "front.db"
    runner = CliRunner()
    first = runner.invoke(cli, ["ingest", str(listed), "--db", str(db), "--quiet"])
    assert first.exit_code == 1 and "1 new, 0 unchanged, 0 updated, 1 failed" in first.stdout
    assert f"{listed}:2 ({server}/missing): HTTP 404 Not Found" in first.stderr
    again = runner.invoke(cli, ["ingest", f"{server}/article.html", "--db", str(db), "--quiet"])
    assert again.exit_code == 0 and "0 new, 1 unchanged, 0 updated, 0 failed" in again.stdout
    shown = runner.invoke(cli, ["claims", "--place", "Vodiane", "--db", str(db), "--json"])
    claims = json.loads(shown.stdout)
    with Store.open(str(db)) as store:
        stored = store.document(claims[0]["doc"])
    assert stored is not None and stored.url == f"{server}/article.html"
    assert any(c["kind"] == "capture" and c["actor"] == "RU" for c in claims)
    assert all(stored.text[c["evidence_start"]:c["evidence_end"]] == c["evidence"] for c in claims)
