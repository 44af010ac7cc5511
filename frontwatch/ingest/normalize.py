"""Text normalization and content ids.

The stored text is the normalized text, so character offsets computed by later stages stay
valid, and the id (sha256 of that text) does not change when a file is re-saved with other
line endings or trailing spaces: re-ingesting the same article is a no-op.
"""

from __future__ import annotations

import hashlib
import unicodedata


def normalize_text(text: str) -> str:
    """NFC, one kind of newline, no trailing spaces, at most one blank line in a row."""
    text = unicodedata.normalize("NFC", text).lstrip("\ufeff")
    lines: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        if not line and (not lines or not lines[-1]):
            continue
        lines.append(line)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def text_id(text: str) -> str:
    """The sha256 hex digest of the normalized text: the default document id."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def normalize_lang(value: str | None) -> str | None:
    """'fr-FR' or 'FR' -> 'fr'; empty -> None (dumps and feeds write language tags freely)."""
    if not value:
        return None
    primary = value.strip().replace("_", "-").split("-", 1)[0].lower()
    return primary or None
