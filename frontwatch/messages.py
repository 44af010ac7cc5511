"""Text that goes into a message line: control characters escaped, secrets masked.

A file may be named `a\nERROR: b.txt`, and a database URL carries its password; every
error line, warning and log record the command line shows goes through `safe()` so one
line stays one line and no password reaches a terminal or a log file.
"""

from __future__ import annotations

import logging
import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}

_URL_PASSWORD = re.compile(r"(?P<head>\b[A-Za-z][A-Za-z0-9+.\-]*://[^\s:/@]*:)[^\s@/]*(?P<at>@)")
_KEY_VALUE = re.compile(
    r"(?P<head>\b(?:password|passwd|pwd|secret|token|api_key|apikey|access_token)\s*=\s*)"
    r"(?:'[^']*'|\"[^\"]*\"|[^\s&;,]*[^\s&;,:])",
    re.IGNORECASE,
)
_API_TOKEN = re.compile(r"\bfw_[A-Za-z0-9_\-]{8,}")
MASK = "***"


def printable(text: str) -> str:
    """Control, line-separator and bidi characters as visible escapes (\\n, \\x1b, \\u202e)."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def mask_secrets(text: str) -> str:
    """Passwords in URLs (`scheme://user:***@host`), `password=`-style pairs and API tokens."""
    text = _URL_PASSWORD.sub(rf"\g<head>{MASK}\g<at>", text)
    text = _KEY_VALUE.sub(rf"\g<head>{MASK}", text)
    return _API_TOKEN.sub(f"fw_{MASK}", text)


def safe(text: str) -> str:
    """`text` fit for one message line: secrets masked, control characters escaped."""
    return printable(mask_secrets(text))


class SafeFormatter(logging.Formatter):
    """A log formatter whose message part is `safe()`; a traceback (--debug) is kept as is."""

    def formatMessage(self, record: logging.LogRecord) -> str:
        return safe(super().formatMessage(record))
