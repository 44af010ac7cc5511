"""`frontwatch extract --jsonl --with-documents` output, written and read back.

A document line carries what the claim lines leave out and a store needs: the article
itself, the extractor version, the full gazetteer records of its places, its resolved
mentions, and per claim (in the order of its claim lines) the mention span and the
unrounded confidence. It comes before the claim lines of its document, so a file is read
one document at a time, however large it is.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from frontwatch.errors import InputError
from frontwatch.records import (
    Claim,
    Document,
    Extraction,
    InputFailure,
    PartialDate,
    Place,
    PlaceMention,
    Source,
)

LOAD_HINT = "write it with: frontwatch extract --jsonl --with-documents"


def document_line(name: str, extraction: Extraction) -> dict[str, object]:
    """The `"type": "document"` object of an extraction whose claim lines name `name`."""
    doc = extraction.document
    places = {p.geonameid: p for p in [m.place for m in extraction.mentions]
              + [c.place for c in extraction.claims]}
    return {
        "type": "document",
        "doc": name,
        **dataclasses.asdict(doc),
        "published": str(doc.published) if doc.published else None,
        "extractor_version": extraction.extractor_version,
        "places": [dataclasses.asdict(places[i]) for i in sorted(places)],
        "mentions": [
            {"start": m.start, "end": m.end, "text": m.text, "geonameid": m.place.geonameid,
             "score": m.score, "how": m.how}
            for m in extraction.mentions
        ],
        "claims": [
            {"mention_start": c.mention_start, "mention_end": c.mention_end,
             "confidence": c.confidence}
            for c in extraction.claims
        ],
    }


class _Open:
    """A document line read, waiting for its claim lines."""

    def __init__(self, where: str, line: dict[str, Any]) -> None:
        self.where = where
        self.line = line
        self.claims: list[dict[str, Any]] = []
        self.broken: str | None = None


def read_extractions(path: str) -> Iterator[Extraction | InputFailure]:
    """The extractions of a `--with-documents` file, one per document line, in file order;
    an unreadable line, or a document whose lines do not add up, is one `InputFailure` and
    the rest of the file is still read."""
    try:
        handle = Path(path).open("rb")
    except OSError as exc:
        yield InputFailure(path, exc.strerror or str(exc))
        return
    current: _Open | None = None
    with handle:
        for number, raw in enumerate(handle, 1):
            where = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                obj = json.loads(raw.decode("utf-8"))
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
            except (UnicodeDecodeError, ValueError) as exc:
                yield InputFailure(where, f"not a JSON line ({exc})")
                if current is not None and current.broken is None:
                    current.broken = f"line {number} of its claims cannot be read"
                continue
            kind = obj.get("type")
            if kind == "document":
                if current is not None:
                    yield _finish(current)
                current = _Open(where, obj)
            elif kind == "claim":
                if current is None or obj.get("doc") != current.line.get("doc"):
                    yield InputFailure(where, f"claim of {obj.get('doc')!r} has no document "
                                              f"line before it ({LOAD_HINT})")
                else:
                    current.claims.append(obj)
            elif kind != "mention":
                yield InputFailure(where, f"unknown line type {kind!r}")
    if current is not None:
        yield _finish(current)


def _finish(pending: _Open) -> Extraction | InputFailure:
    name = str(pending.line.get("doc") or pending.where)
    if pending.broken is not None:
        return InputFailure(pending.where, f"document {name}: {pending.broken}")
    try:
        return _extraction(pending.line, pending.claims)
    except InputError as exc:
        return InputFailure(pending.where, f"document {name}: {exc.reason}")
    except (KeyError, TypeError, ValueError) as exc:
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        return InputFailure(pending.where, f"document {name}: {detail}")


def _extraction(line: dict[str, Any], claim_lines: list[dict[str, Any]]) -> Extraction:
    places = {int(p["geonameid"]): Place(int(p["geonameid"]), str(p["name"]), float(p["lat"]),
                                         float(p["lon"]), str(p["admin1"]), str(p["country"]),
                                         str(p["feature"]), int(p["population"]))
              for p in line["places"]}
    text = str(line["text"])
    published = line.get("published")
    document = Document(
        id=str(line["id"]), text=text, origin=str(line.get("origin") or ""),
        url=line.get("url"), title=line.get("title"), outlet=line.get("outlet"),
        lang=line.get("lang"), published=PartialDate.parse(published) if published else None,
    )
    extras = line["claims"]
    if len(extras) != len(claim_lines):
        raise InputError("", f"{len(claim_lines)} claim lines follow its document line, "
                             f"which lists {len(extras)}")
    mentions = tuple(
        PlaceMention(int(m["start"]), int(m["end"]), str(m["text"]), _place(places, m["geonameid"]),
                     float(m["score"]), str(m["how"]))
        for m in line["mentions"]
    )
    claims = []
    for obj, extra in zip(claim_lines, extras, strict=True):
        start, end = int(obj["evidence_start"]), int(obj["evidence_end"])
        if text[start:end] != obj["evidence"]:
            raise InputError("", f"evidence at {start}:{end} is not the text there")
        claims.append(Claim(
            doc=document.id, place=_place(places, obj["place"]["geonameid"]),
            place_mention=str(obj["place_mention"]), kind=str(obj["kind"]), actor=obj["actor"],
            stance=obj["stance"], source=Source(str(obj["source"]["name"]), obj["source"]["side"]),
            date=PartialDate.parse(obj["date"]) if obj["date"] else None,
            evidence=obj["evidence"], evidence_start=start, evidence_end=end,
            confidence=float(extra["confidence"]), mention_start=int(extra["mention_start"]),
            mention_end=int(extra["mention_end"]),
            date_inferred=obj.get("date_inferred") is True,
        ))
    return Extraction(document, mentions, tuple(claims), str(line["extractor_version"]))


def _place(places: dict[int, Place], geonameid: object) -> Place:
    try:
        return places[int(str(geonameid))]
    except (KeyError, ValueError) as exc:
        raise InputError("", f"place {geonameid} is not among its document's places") from exc
