"""Hostile-input campaign: bad files, odd names and hostile requests, handled or not.

Every file case runs a real `frontwatch extract --jsonl` process on the hostile input(s)
(files, or the addresses of a hostile web server this script runs on the loopback)
plus one good article, under a 3 GiB address-space limit and a time limit. A case is
*handled* when the process ends in time with status 0 or 1, prints no traceback, every
stderr line is one line naming an input (control characters escaped), the good article's
claim is on stdout, and the case's own check holds (e.g. a long article still gives
claims, an external entity is not expanded).

Every API case sends one request to a real `frontwatch serve` on 127.0.0.1 (a fresh SQLite
store, an editor token) and is handled when the answer is the one the API promises (401
before the body, 413, 422 for out-of-range integers, 400 for a foreign Host, 409 for a
conflicting id, nosniff), never a 5xx, and the server still answers afterwards.

    python bench/hostile_inputs.py                     # every case, a summary line at the end
    python bench/hostile_inputs.py --only csv --verbose
    python bench/hostile_inputs.py --pythonpath /path/to/other/checkout   # another version

Linux only (FIFOs, /dev/zero, unix sockets). Nothing leaves loopback; it stops by itself.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
from checkout import free_port, frontwatch, wait_ready

GOOD = "Russia's Defence Ministry said on Tuesday that its forces had captured Toretsk.\n"
PARAGRAPH = ("Russian units pushed toward Pokrovsk on Monday, the regional governor said. "
             "Ukrainian soldiers still hold two districts of Toretsk, a brigade spokesman told reporters.")
MEMORY_LIMIT = 3 * 2**30
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f\u2028\u2029\u202a-\u202e]")


@dataclass
class Outcome:
    handled: bool
    why: str


FileCase = Callable[[Path], list[str]]
"""Makes its files under a folder; returns the paths to pass to extract."""

FILE_CASES: dict[str, tuple[FileCase, Callable[[str, str], str | None], int]] = {}


def file_case(name: str, *, check: Callable[[str, str], str | None] = lambda out, err: None,
              timeout: int = 90) -> Callable[[FileCase], FileCase]:
    def register(make: FileCase) -> FileCase:
        FILE_CASES[name] = (make, check, timeout)
        return make
    return register


def write(path: Path, data: str | bytes) -> str:
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return str(path)


def jsonl(*records: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def needs(text: str) -> Callable[[str, str], str | None]:
    return lambda out, err: None if text in out else f"stdout lacks {text!r}"


def warns(text: str) -> Callable[[str, str], str | None]:
    return lambda out, err: None if text in err else f"stderr lacks {text!r}"


# -- size ----------------------------------------------------------------------------------

@file_case("txt 1.2M characters, many paragraphs", check=needs('"kind"'), timeout=300)
def _(d: Path) -> list[str]:
    return [write(d / "long.txt", "\n\n".join([PARAGRAPH] * 7_000))]


@file_case("txt 5 MB on a single line", check=needs('"kind"'), timeout=300)
def _(d: Path) -> list[str]:
    return [write(d / "line.txt", (PARAGRAPH + " ") * 29_000)]


@file_case("txt 50 MB")
def _(d: Path) -> list[str]:
    return [write(d / "huge.txt", (PARAGRAPH + "\n") * 310_000)]


@file_case("sparse file claiming 100 GB")
def _(d: Path) -> list[str]:
    with open(d / "sparse.txt", "wb") as handle:
        handle.truncate(100 * 2**30)
    return [str(d / "sparse.txt")]


@file_case("jsonl field of 2,000,000 characters", check=needs('"kind"'), timeout=300)
def _(d: Path) -> list[str]:
    return [write(d / "big.jsonl", jsonl({"id": "big", "text": (PARAGRAPH + " ") * 11_500}))]


@file_case("jsonl line of 30 MB then good records")
def _(d: Path) -> list[str]:
    return [write(d / "fat.jsonl", jsonl({"text": "x" * 30_000_000}, {"id": "after", "text": GOOD}))]


@file_case("html 9 MB of script")
def _(d: Path) -> list[str]:
    return [write(d / "page.html", "<html><body><script>" + "var a=1;" * 1_100_000
                  + "</script><p>" + PARAGRAPH + "</p></body></html>")]


@file_case("rss feed with 5,000 entries")
def _(d: Path) -> list[str]:
    items = "".join(f"<item><title>t{n}</title><description>{PARAGRAPH}</description></item>"
                    for n in range(5_000))
    return [write(d / "many.rss", f"<rss><channel><title>T</title>{items}</channel></rss>")]


@file_case("10,000 small files in one folder", timeout=300)
def _(d: Path) -> list[str]:
    folder = d / "many"
    folder.mkdir()
    for n in range(10_000):
        write(folder / f"{n:05d}.xml", "<rss>")
    return [str(folder)]


# -- files that are not files --------------------------------------------------------------

@file_case("FIFO named .txt in a folder")
def _(d: Path) -> list[str]:
    (d / "in").mkdir()
    os.mkfifo(d / "in" / "pipe.txt")
    return [str(d / "in")]


@file_case("FIFO named on the command line")
def _(d: Path) -> list[str]:
    os.mkfifo(d / "pipe.txt")
    return [str(d / "pipe.txt")]


for _device in ("/dev/zero", "/dev/urandom", "/dev/null"):
    @file_case(f".txt link to {_device} in a folder")
    def _(d: Path, device: str = _device) -> list[str]:
        (d / "in").mkdir()
        (d / "in" / "dev.txt").symlink_to(device)
        return [str(d / "in")]

    @file_case(f".txt link to {_device} on the command line")
    def _(d: Path, device: str = _device) -> list[str]:
        (d / "dev.txt").symlink_to(device)
        return [str(d / "dev.txt")]


@file_case("unix socket named .txt")
def _(d: Path) -> list[str]:
    (d / "in").mkdir()
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(d / "in" / "sock.txt"))
    return [str(d / "in")]


@file_case("folder with a link to itself and to its parent")
def _(d: Path) -> list[str]:
    (d / "in").mkdir()
    (d / "in" / "self").symlink_to(d / "in")
    (d / "in" / "up").symlink_to(d)
    write(d / "in" / "a.txt", PARAGRAPH)
    return [str(d / "in")]


@file_case("two file links pointing at each other")
def _(d: Path) -> list[str]:
    (d / "a.txt").symlink_to(d / "b.txt")
    (d / "b.txt").symlink_to(d / "a.txt")
    return [str(d / "a.txt")]


@file_case("dangling link")
def _(d: Path) -> list[str]:
    (d / "in").mkdir()
    (d / "in" / "gone.txt").symlink_to(d / "nowhere.txt")
    return [str(d / "in")]


@file_case("folder tree 1,100 levels deep")
def _(d: Path) -> list[str]:
    folder = str(d / "deep")
    os.mkdir(folder)
    for _ in range(1_100):
        folder += "/d"
        os.mkdir(folder)
    write(Path(folder) / "a.txt", PARAGRAPH)
    return [str(d / "deep")]


@file_case("missing file named on the command line")
def _(d: Path) -> list[str]:
    return [str(d / "missing.txt")]


@file_case("unreadable file named on the command line (mode 000)")
def _(d: Path) -> list[str]:
    path = write(d / "locked.txt", "")
    os.chmod(path, 0)
    return [path]


@file_case("unreadable folder (mode 000)")
def _(d: Path) -> list[str]:
    (d / "locked").mkdir()
    write(d / "locked" / "a.txt", "")
    os.chmod(d / "locked", 0)
    return [str(d / "locked")]


@file_case("folder named like a .txt file")
def _(d: Path) -> list[str]:
    (d / "dir.txt").mkdir()
    write(d / "dir.txt" / "inner.txt", PARAGRAPH)
    return [str(d / "dir.txt")]


@file_case("unknown suffix named on the command line")
def _(d: Path) -> list[str]:
    return [write(d / "report.pdf", b"%PDF-1.4")]


# -- JSONL ---------------------------------------------------------------------------------

@file_case("jsonl nested 100,000 deep")
def _(d: Path) -> list[str]:
    return [write(d / "deep.jsonl", "[" * 100_000 + "]" * 100_000 + "\n" + jsonl({"text": GOOD}))]


@file_case("jsonl integer of 10,000 digits")
def _(d: Path) -> list[str]:
    return [write(d / "int.jsonl", '{"text": "x", "n": ' + "9" * 10_000 + "}\n")]


@file_case("jsonl lone surrogate in text")
def _(d: Path) -> list[str]:
    return [write(d / "sur.jsonl", '{"text": "half \\ud800 pair"}\n')]


@file_case("jsonl NUL in text")
def _(d: Path) -> list[str]:
    return [write(d / "nul.jsonl", jsonl({"text": "before\u0000after " + PARAGRAPH}))]


@file_case("jsonl bad UTF-8 in one line")
def _(d: Path) -> list[str]:
    return [write(d / "bad.jsonl", b'{"text": "caf\xe9"}\n' + jsonl({"text": PARAGRAPH}).encode())]


@file_case("jsonl UTF-16 with BOM", check=needs("Pokrovsk"))
def _(d: Path) -> list[str]:
    return [write(d / "wide.jsonl", codecs.BOM_UTF16_LE + jsonl({"text": PARAGRAPH}).encode("utf-16-le"))]


@file_case("jsonl UTF-16 without BOM")
def _(d: Path) -> list[str]:
    return [write(d / "nobom.jsonl", jsonl({"text": PARAGRAPH}).encode("utf-16-le"))]


@file_case("jsonl of a million blank lines")
def _(d: Path) -> list[str]:
    return [write(d / "blank.jsonl", "\n" * 1_000_000 + jsonl({"text": PARAGRAPH}))]


@file_case("jsonl wrong types (list text, dict id, number url)")
def _(d: Path) -> list[str]:
    return [write(d / "types.jsonl", jsonl({"text": ["a"]}, {"text": "x", "id": {"a": 1}},
                                            {"text": "y", "url": 5}))]


@file_case("jsonl CRLF endings, no final newline", check=needs("Pokrovsk"))
def _(d: Path) -> list[str]:
    return [write(d / "crlf.jsonl", json.dumps({"text": PARAGRAPH}) + "\r\n" + json.dumps({"text": GOOD}))]


# -- CSV -----------------------------------------------------------------------------------

@file_case("csv field of 200,000 characters, rows after it", check=needs('"doc": "3"'))
def _(d: Path) -> list[str]:
    return [write(d / "wide.csv", f'id,text\n1,"{"word " * 40_000}"\n2,x\n3,"{GOOD.strip()}"\n')]


@file_case("csv unterminated quote")
def _(d: Path) -> list[str]:
    return [write(d / "quote.csv", 'id,text\n1,"never closed\n2,more\n')]


@file_case("csv NUL byte after the first 8 kB")
def _(d: Path) -> list[str]:
    return [write(d / "nul.csv", b"id,text\n1," + b"pad " * 2_500 + b"\n2,a\x00b\n")]


@file_case("csv bad UTF-8 in one row", check=needs('"doc": "3"'))
def _(d: Path) -> list[str]:
    return [write(d / "bad.csv", b"id,text\n2,caf\xe9\n3," + GOOD.encode())]


@file_case("csv UTF-16 with BOM", check=needs("Pokrovsk"))
def _(d: Path) -> list[str]:
    return [write(d / "wide.csv", f'id,text\n1,"{PARAGRAPH}"\n'.encode("utf-16"))]


@file_case("csv UTF-8 BOM header", check=needs("Pokrovsk"))
def _(d: Path) -> list[str]:
    return [write(d / "bom.csv", ("\ufeffid,text\n1," + PARAGRAPH.replace(",", "") + "\n").encode())]


@file_case("csv header only")
def _(d: Path) -> list[str]:
    return [write(d / "head.csv", "id,text\n")]


@file_case("csv with 5,000 columns")
def _(d: Path) -> list[str]:
    columns = ",".join(f"c{n}" for n in range(5_000))
    return [write(d / "cols.csv", f"{columns},text\n" + "," * 5_000 + "x\n")]


# -- text and HTML -------------------------------------------------------------------------

for _codec, _bom in (("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE),
                     ("utf-32-le", codecs.BOM_UTF32_LE), ("utf-32-be", codecs.BOM_UTF32_BE)):
    @file_case(f"txt {_codec} with BOM", check=needs("Pokrovsk"))
    def _(d: Path, codec: str = _codec, bom: bytes = _bom) -> list[str]:
        return [write(d / "wide.txt", bom + PARAGRAPH.encode(codec))]


@file_case("txt UTF-16 without BOM")
def _(d: Path) -> list[str]:
    return [write(d / "nobom.txt", PARAGRAPH.encode("utf-16-le"))]


@file_case("txt bad UTF-8")
def _(d: Path) -> list[str]:
    return [write(d / "latin1.txt", PARAGRAPH.encode("latin-1") + b"\xe9\xe8")]


@file_case("txt empty and whitespace-only")
def _(d: Path) -> list[str]:
    return [write(d / "empty.txt", ""), write(d / "blank.txt", " \n\t\n")]


@file_case("txt that is a PNG")
def _(d: Path) -> list[str]:
    return [write(d / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))]


@file_case("html nested 100,000 divs")
def _(d: Path) -> list[str]:
    return [write(d / "deep.html", "<html><body>" + "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000
                  + "</body></html>")]


@file_case("html UTF-16 with BOM", check=needs("Pokrovsk"))
def _(d: Path) -> list[str]:
    page = f"<html><body><article><p>{PARAGRAPH}</p></article></body></html>"
    return [write(d / "wide.html", page.encode("utf-16"))]


@file_case("html with no text")
def _(d: Path) -> list[str]:
    return [write(d / "empty.html", "<html><head><title>x</title></head><body></body></html>")]


# -- feeds ---------------------------------------------------------------------------------

@file_case("rss billion laughs")
def _(d: Path) -> list[str]:
    entities = '<!ENTITY a "lol">' + "".join(
        f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">' for n in range(9))
    return [write(d / "laughs.rss", f'<?xml version="1.0"?><!DOCTYPE rss [{entities}]>'
                  "<rss><channel><item><description>&j;</description></item></channel></rss>")]


@file_case("rss external entity (XXE) to /etc/passwd",
           check=lambda out, err: "root:" in out and "XXE expanded" or None)
def _(d: Path) -> list[str]:
    return [write(d / "xxe.rss", '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                  f"<rss><channel><item><description>&x; {PARAGRAPH}</description></item></channel></rss>")]


@file_case("rss truncated XML")
def _(d: Path) -> list[str]:
    return [write(d / "cut.rss", "<rss><channel><item><description>Half")]


@file_case("atom entry of 2,000,000 characters", check=needs('"kind"'), timeout=300)
def _(d: Path) -> list[str]:
    body = (PARAGRAPH + " ") * 11_500
    return [write(d / "long.atom", '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
                  f"<entry><title>e</title><content>{body}</content></entry></feed>")]


# -- pages fetched by URL ------------------------------------------------------------------
# A server on the loopback, in this process, answers the way a hostile or broken site would;
# each case is a .urls list of its addresses.

_BOMB: list[bytes] = []


def _gzip_bomb() -> bytes:
    """1 GiB of zeros, gzip-compressed to about 1 MB on the wire."""
    if not _BOMB:
        packer = zlib.compressobj(9, zlib.DEFLATED, 31)
        zeros = bytes(2**20)
        _BOMB.append(b"".join(packer.compress(zeros) for _ in range(1024)) + packer.flush())
    return _BOMB[0]


class _Hostile(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _head(self, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()

    def do_GET(self) -> None:
        try:
            if self.path == "/bomb":
                body = _gzip_bomb()
                self._head("text/html", {"Content-Encoding": "gzip", "Content-Length": str(len(body))})
                self.wfile.write(body)
            elif self.path == "/endless":
                self._head("text/plain")
                while True:
                    self.wfile.write(b"Pokrovsk " * 8192)
            elif self.path == "/loop":
                self.send_response(301)
                self.send_header("Location", "/loop")
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif self.path == "/png-as-html":
                self._head("text/html; charset=utf-8")
                self.wfile.write(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
            elif self.path == "/html-as-feed":
                self._head("application/rss+xml")
                self.wfile.write(b"<html><body><p>" + PARAGRAPH.encode() + b"</p></body></html>")
            elif self.path == "/charset":
                self._head("text/plain; charset=x-no-such-codec")
                self.wfile.write(GOOD.encode())
        except (BrokenPipeError, ConnectionResetError):
            pass


_SERVER: list[str] = []


def _site() -> str:
    if not _SERVER:
        httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Hostile)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        _SERVER.append(f"http://127.0.0.1:{httpd.server_address[1]}")
    return _SERVER[0]


for _label, _path, _check in (
        ("gzip bomb (1 GiB of zeros in 1 MB)", "/bomb", warns("larger than")),
        ("endless body without a length", "/endless", warns("larger than")),
        ("redirect loop", "/loop", warns("more than 5 redirects")),
        ("binary served as HTML", "/png-as-html", warns("no article text")),
        ("HTML served as a feed", "/html-as-feed", needs("Pokrovsk")),
        ("text in an unknown charset", "/charset", warns("x-no-such-codec"))):
    @file_case(f"url {_label}", check=_check)
    def _(d: Path, path: str = _path) -> list[str]:
        return [write(d / "pages.urls", _site() + path + "\n")]


# -- names ---------------------------------------------------------------------------------

for _label, _name in (("newline", "evil\nError: forged line.txt"), ("ANSI escape", "red\x1b[31m\x1b[2J.txt"),
                      ("bidi override", "report\u202etxt.exe.txt"), ("carriage return", "a\rb.txt"),
                      ("255 bytes", "n" * 251 + ".txt")):
    @file_case(f"bad file with a {_label} in its name")
    def _(d: Path, name: str = _name) -> list[str]:
        return [write(d / name, b"")]


# -- running -------------------------------------------------------------------------------

def run_file_case(name: str, pythonpath: str, verbose: bool) -> Outcome:
    make, check, timeout = FILE_CASES[name]
    folder = Path(tempfile.mkdtemp(prefix="hostile-"))
    try:
        (folder / "case").mkdir()
        try:
            paths = make(folder / "case")
        except OSError as exc:
            return Outcome(False, f"could not make the case here ({exc})")
        good = write(folder / "good.txt", GOOD)
        outcome = _extract(folder, [*paths, good], pythonpath, timeout, check)
    finally:
        # chmod and rm, not shutil: they handle mode-000 entries and trees deeper than
        # Python's recursion limit.
        subprocess.run(["chmod", "-R", "u+rwx", str(folder)], check=False)
        subprocess.run(["rm", "-rf", str(folder)], check=False)
    if verbose:
        print(f"   {name}: {outcome.why}", file=sys.stderr)
    return outcome


def _extract(folder: Path, paths: list[str], pythonpath: str, timeout: int,
             check: Callable[[str, str], str | None]) -> Outcome:
    out_path, err_path = folder / "stdout", folder / "stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        process = subprocess.Popen(
            frontwatch(pythonpath, "extract", "--jsonl", *paths),
            stdout=out, stderr=err, stdin=subprocess.DEVNULL,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT)))
        try:
            status = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            return Outcome(False, f"still running after {timeout} s (killed)")
    stdout = out_path.read_text("utf-8", "replace")
    stderr = err_path.read_text("utf-8", "replace")
    if status not in (0, 1):
        return Outcome(False, f"exit status {status}: {_last(stderr)}")
    if "Traceback" in stderr:
        return Outcome(False, f"traceback: {_last(stderr)}")
    for line in stderr.splitlines():
        if CONTROL.search(line):
            return Outcome(False, f"raw control character in {line!r}")
        if not line.startswith(str(folder)) and not line.startswith("no pipeline for language"):
            return Outcome(False, f"stderr line names no input: {line[:120]!r}")
    if f'"doc": "{folder}/good.txt"' not in stdout:
        return Outcome(False, "the good article of the batch gave no claim")
    problem = check(stdout, stderr)
    if problem:
        return Outcome(False, problem)
    return Outcome(True, f"exit {status}; " + (_last(stderr) or "no message"))


def _last(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[-1][:160] if lines else ""


# -- API -----------------------------------------------------------------------------------

BIG = 2**63


@dataclass
class Api:
    url: str
    editor: dict[str, str]

    def send(self, method: str, path: str, **kwargs: object) -> httpx.Response:
        return httpx.request(method, self.url + path, timeout=60, **kwargs)  # type: ignore[arg-type]


ApiCase = Callable[[Api], str | None]
"""Sends its request(s); returns None when handled, else what went wrong."""

API_CASES: dict[str, ApiCase] = {}


def api_case(name: str) -> Callable[[ApiCase], ApiCase]:
    def register(case: ApiCase) -> ApiCase:
        API_CASES[name] = case
        return case
    return register


def expect(response: httpx.Response, status: int) -> str | None:
    if response.status_code != status:
        return f"got {response.status_code}, wanted {status}: {response.text[:120]}"
    return None


def chunks(size: int) -> object:
    block = b"a" * (1 << 20)
    yield b'{"text": "'
    for _ in range(size >> 20):
        yield block
    yield b'"}'


@api_case("100 MB POST without a token is 401")
def _(api: Api) -> str | None:
    return expect(api.send("POST", "/api/documents", content=chunks(100 << 20),
                           headers={"Content-Type": "application/json", "Content-Length": str((100 << 20) + 12)}),
                  401)


@api_case("malformed JSON without a token is 401")
def _(api: Api) -> str | None:
    return expect(api.send("POST", "/api/documents", content=b'{"text": ',
                           headers={"Content-Type": "application/json"}), 401)


@api_case("100 MB POST with a token is 413")
def _(api: Api) -> str | None:
    try:
        response = api.send("POST", "/api/documents", content=chunks(100 << 20),
                            headers={**api.editor, "Content-Type": "application/json",
                                     "Content-Length": str((100 << 20) + 12)})
    except httpx.HTTPError as exc:
        return f"connection ended without an answer ({type(exc).__name__})"
    return expect(response, 413)


@api_case("chunked 20 MB POST with a token is 413")
def _(api: Api) -> str | None:
    try:
        response = api.send("POST", "/api/documents", content=chunks(20 << 20),
                            headers={**api.editor, "Content-Type": "application/json"})
    except httpx.HTTPError as exc:
        return f"connection ended without an answer ({type(exc).__name__})"
    return expect(response, 413)


@api_case("1,000,001-character text is refused, not extracted")
def _(api: Api) -> str | None:
    response = api.send("POST", "/api/documents", json={"text": "a " * 500_000 + "b"}, headers=api.editor)
    return None if response.status_code in (413, 422) else f"got {response.status_code}"


for _path in (f"/api/claims?place={BIG}", f"/api/places/{BIG}", f"/api/places/{2**64}/timeline",
              "/api/claims?limit=" + "9" * 40, "/api/claims?cursor=YzE6OTIyMzM3MjAzNjg1NDc3NTgwOA"):
    @api_case(f"GET {_path[:60]} is 422")
    def _(api: Api, path: str = _path) -> str | None:
        return expect(api.send("GET", path), 422)


@api_case(f"review of claim {BIG} is 422")
def _(api: Api) -> str | None:
    return expect(api.send("POST", f"/api/claims/{BIG}/review", json={"action": "accept"},
                           headers=api.editor), 422)


@api_case("correction to place 2^63 is 422")
def _(api: Api) -> str | None:
    return expect(api.send("POST", "/api/claims/1/review", headers=api.editor,
                           json={"action": "correct", "correction": {"place": BIG}}), 422)


@api_case("same id, other text is 409")
def _(api: Api) -> str | None:
    first = api.send("POST", "/api/documents", headers=api.editor, json={"id": "w1", "text": GOOD})
    if first.status_code >= 300:
        return f"first post got {first.status_code}"
    return expect(api.send("POST", "/api/documents", headers=api.editor,
                           json={"id": "w1", "text": PARAGRAPH}), 409)


@api_case("lone surrogate in posted text is 422")
def _(api: Api) -> str | None:
    return expect(api.send("POST", "/api/documents", content=b'{"text": "x \\ud800 y"}',
                           headers={**api.editor, "Content-Type": "application/json"}), 422)


@api_case("JSON nested 50,000 deep is a 4xx")
def _(api: Api) -> str | None:
    response = api.send("POST", "/api/documents", content=b"[" * 50_000 + b"]" * 50_000,
                        headers={**api.editor, "Content-Type": "application/json"})
    return None if 400 <= response.status_code < 500 else f"got {response.status_code}"


@api_case("foreign Host header is 400 (DNS rebinding)")
def _(api: Api) -> str | None:
    return expect(api.send("GET", "/api/places", headers={"Host": "rebound.attacker.test"}), 400)


@api_case("responses say nosniff")
def _(api: Api) -> str | None:
    for path in ("/", "/api/places", "/static/app.js", "/api/nowhere"):
        if api.send("GET", path).headers.get("x-content-type-options") != "nosniff":
            return f"no nosniff on {path}"
    return None


@api_case("NUL in a document id is 404")
def _(api: Api) -> str | None:
    return expect(api.send("GET", "/api/documents/%00"), 404)


@api_case("10,000-character document id is 404")
def _(api: Api) -> str | None:
    return expect(api.send("GET", "/api/documents/" + "a" * 10_000), 404)


def run_api_cases(pythonpath: str, only: str, verbose: bool) -> dict[str, Outcome]:
    selected = {k: v for k, v in API_CASES.items() if only.lower() in f"api: {k}".lower()}
    if not selected:
        return {}
    with tempfile.TemporaryDirectory(prefix="hostile-api-") as tmp:
        db = str(Path(tmp) / "api.db")
        token = subprocess.run(frontwatch(pythonpath, "token", "create", "--role", "editor", "--db", db),
                               capture_output=True, text=True, check=True).stdout.strip()
        port = free_port()
        server = subprocess.Popen(frontwatch(pythonpath, "serve", "--db", db, "--port", str(port),
                                             "--log-level", "critical"),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        api = Api(f"http://127.0.0.1:{port}", {"Authorization": f"Bearer {token}"})
        results: dict[str, Outcome] = {}
        try:
            wait_ready(api.url, server)
            for name, case in selected.items():
                try:
                    problem = case(api)
                except httpx.HTTPError as exc:
                    problem = f"{type(exc).__name__}: {exc}"
                if problem is None and api.send("GET", "/api/places").status_code != 200:
                    problem = "the server stopped answering"
                results[name] = Outcome(problem is None, problem or "as promised")
                if verbose:
                    print(f"   {name}: {results[name].why}", file=sys.stderr)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="run the cases whose name contains this")
    parser.add_argument("--pythonpath", default="", help="run frontwatch from this checkout instead")
    parser.add_argument("--verbose", action="store_true", help="say why, case by case")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    results: dict[str, Outcome] = {}
    for name in FILE_CASES:
        if args.only.lower() in f"file: {name}".lower():
            results[f"file: {name}"] = run_file_case(name, args.pythonpath, args.verbose)
            print(f"{'ok  ' if results[f'file: {name}'].handled else 'FAIL'} file: {name}", flush=True)
    for name, outcome in run_api_cases(args.pythonpath, args.only, args.verbose).items():
        results[f"api: {name}"] = outcome
        print(f"{'ok  ' if outcome.handled else 'FAIL'} api: {name}", flush=True)
    handled = sum(o.handled for o in results.values())
    if args.json:
        print(json.dumps({"handled": handled, "tried": len(results),
                          "failed": {k: o.why for k, o in results.items() if not o.handled}}))
    else:
        for name, outcome in results.items():
            if not outcome.handled:
                print(f"  {name}: {outcome.why}")
        print(f"handled {handled} / tried {len(results)}")
    return 0 if handled == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
