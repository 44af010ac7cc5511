"""Articles fetched over HTTP(S): a URL given on the command line, or a `.urls` list file.

A fetched page goes through the reader its content type calls for (HTML page, RSS/Atom
feed, plain text), under the same limits as a file: a body over `max_file_bytes` is
refused while it streams in, never held whole. A URL that fails (bad address, no answer
within `fetch_timeout`, a body still coming after ten times that, an HTTP error, an unknown
content type) is one failure naming it, and the rest of the list goes on. Nothing is
fetched but what the user named: links in the pages are not followed, and a redirect is
followed only to another http(s) address.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from frontwatch import __version__
from frontwatch.errors import InputError
from frontwatch.ingest.feeds import documents_from_feed
from frontwatch.ingest.html import document_from_html
from frontwatch.ingest.limits import DEFAULT_LIMITS, Limits
from frontwatch.ingest.source import decode_text, make_document, read_bytes, too_big
from frontwatch.records import Document, InputFailure

MAX_REDIRECTS = 5
WHOLE_PAGE_TIMEOUTS = 10
"""The whole body must arrive within this many `fetch_timeout`s: a server that sends a byte
now and then never trips the timeout between two reads."""
USER_AGENT = f"frontwatch/{__version__}"
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                         "application/xml", "text/xml"})
_FEED_START = re.compile(rb"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
_HTML_START = re.compile(rb"\A\s*(?:<!doctype html|<html\b|<head\b|<body\b)", re.I)


def is_url(item: str) -> bool:
    """An http(s) address rather than a path (the only schemes fetched)."""
    return item[:8].lower().startswith(("http://", "https://"))


@dataclass(frozen=True, slots=True)
class Page:
    """What a server answered: the address after redirects, the media type and the body."""

    url: str
    media_type: str
    charset: str | None
    body: bytes


def _check_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise InputError(url, "not an http(s) URL")
    if not parts.hostname:
        raise InputError(url, "URL has no host")


def fetch(url: str, limits: Limits = DEFAULT_LIMITS, client: httpx.Client | None = None) -> Page:
    """GET one address within the limits; InputError with a one-line reason otherwise."""
    _check_address(url)
    own = client is None
    session = client or _client(limits)
    try:
        with session.stream("GET", url) as response:
            if response.status_code >= 400:
                raise InputError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
            declared = response.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limits.max_file_bytes:
                raise InputError(url, too_big(int(declared), limits))
            body = bytearray()
            deadline = time.monotonic() + WHOLE_PAGE_TIMEOUTS * limits.fetch_timeout
            for chunk in response.iter_bytes():
                body += chunk
                if time.monotonic() > deadline:
                    raise InputError(url, f"page not complete within {WHOLE_PAGE_TIMEOUTS * limits.fetch_timeout:g} s "
                                          "(FRONTWATCH_FETCH_TIMEOUT raises the limit)")
                if len(body) > limits.max_file_bytes:
                    raise InputError(url, too_big(None, limits))
            media, _, params = response.headers.get("content-type", "").partition(";")
            charset = _charset(params)
            return Page(str(response.url), media.strip().lower(), charset, bytes(body))
    except httpx.TooManyRedirects as exc:
        raise InputError(url, f"more than {MAX_REDIRECTS} redirects") from exc
    except httpx.TimeoutException as exc:
        raise InputError(url, f"no answer within {limits.fetch_timeout:g} s "
                              "(FRONTWATCH_FETCH_TIMEOUT raises the limit)") from exc
    except httpx.UnsupportedProtocol as exc:
        raise InputError(url, "redirected to an address that is not http(s)") from exc
    except httpx.HTTPError as exc:
        raise InputError(url, f"cannot fetch ({_reason(exc)})") from exc
    finally:
        if own:
            session.close()


def _client(limits: Limits) -> httpx.Client:
    return httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS,
                        timeout=httpx.Timeout(limits.fetch_timeout),
                        headers={"User-Agent": USER_AGENT})


def _charset(params: str) -> str | None:
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip('"').lower()
    return None


def _reason(exc: httpx.HTTPError) -> str:
    """The innermost cause on one line ("Name or service not known", "Connection refused")."""
    cause: BaseException = exc
    for _ in range(8):
        inner = cause.__cause__ or cause.__context__
        if inner is None:
            break
        cause = inner
    text = str(cause).strip().splitlines()
    return text[0] if text else type(exc).__name__


def documents_from_page(page: Page, origin: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | InputFailure]:
    """The article (or a feed's articles) in a fetched page, read as its type says."""
    kind = _kind(page)
    if kind == "html":
        yield document_from_html(page.body, origin=origin, url=page.url, max_chars=limits.max_document_chars)
    elif kind == "feed":
        yield from documents_from_feed(page.body, origin, limits)
    elif kind == "text":
        yield make_document(_plain_text(page, origin), url=page.url, origin=origin,
                            max_chars=limits.max_document_chars)
    else:
        raise InputError(origin, f"unsupported content type '{page.media_type or 'none'}' "
                                 "(expected an HTML page, an RSS/Atom feed or plain text)")


def _kind(page: Page) -> str | None:
    """The reader for a page: its declared type, except that a page declared as XML that
    opens as HTML is read as the HTML it is (servers mislabel pages more than feeds)."""
    if page.media_type in _HTML_TYPES:
        return "html"
    if page.media_type in _FEED_TYPES:
        return "html" if _HTML_START.match(page.body[:2048]) else "feed"
    if page.media_type == "text/plain":
        return "text"
    if page.media_type in ("", "application/octet-stream"):
        head = page.body[:2048]
        if _FEED_START.match(head):
            return "feed"
        if _HTML_START.match(head):
            return "html"
    return None


def _plain_text(page: Page, origin: str) -> str:
    if not page.body.strip():
        raise InputError(origin, "empty page")
    if page.charset and page.charset not in ("utf-8", "utf8"):
        try:
            return page.body.decode(page.charset)
        except (LookupError, UnicodeDecodeError) as exc:
            raise InputError(origin, f"not {page.charset} text as the server says") from exc
    return decode_text(page.body, origin)


def read_urls(urls: Iterable[tuple[str, str]], limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | InputFailure]:
    """Fetch each (origin, url) in turn on one connection pool; a failure stops only its URL."""
    with _client(limits) as client:
        for origin, url in urls:
            try:
                page = fetch(url, limits, client)
                yield from documents_from_page(page, url, limits)
            except InputError as exc:
                where = origin if origin == url else f"{origin} ({url})"
                yield InputFailure(where, exc.reason)


def read_url_list(path: Path, limits: Limits = DEFAULT_LIMITS) -> Iterator[Document | InputFailure]:
    """A `.urls` file: one address per line; blank lines and lines opening with '#' are skipped."""
    origin = str(path)
    listed = []
    for number, line in enumerate(decode_text(read_bytes(path, limits), origin).splitlines(), start=1):
        item = line.strip().lstrip("\ufeff")
        if item and not item.startswith("#"):
            listed.append((f"{origin}:{number}", item))
    if not listed:
        raise InputError(origin, "no URL in the list")
    yield from read_urls(listed, limits)


__all__ = ["Page", "documents_from_page", "fetch", "is_url", "read_url_list", "read_urls"]
