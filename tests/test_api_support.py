"""Invented articles and hand-built extractions behind the API and browser tests.

The articles are written for these tests. Claims are built by hand (sentence offsets found
in the text) so the tests do not depend on the extractor's models.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from frontwatch.ingest import document_from_text
from frontwatch.records import Claim, Document, Extraction, PartialDate, Place, Source
from frontwatch.store import Store

TORETSK = Place(709354, "Toretsk", 48.39477, 37.8478, "Donetsk Oblast", "UA", "PPL", 30914)
VUHLEDAR = Place(690823, "Vuhledar", 47.77973, 37.24999, "Donetsk Oblast", "UA", "PPLA3", 14144)
KURAKHOVE = Place(695357, "Kurakhove", 47.9847, 37.28069, "Donetsk Oblast", "UA", "PPLA3", 18220)
CHASIV_YAR = Place(710915, "Chasiv Yar", 48.58768, 37.83409, "Donetsk Oblast", "UA", "PPLA3",
                   12250)
POKROVSK = Place(704422, "Pokrovsk", 48.28014, 37.17706, "Donetsk Oblast", "UA", "PPLA2", 60127)
SIVERSK = Place(694403, "Siversk", 48.86476, 38.09683, "Donetsk Oblast", "UA", "PPLA3", 10875)

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=2">'

TORETSK_TEXT = (
    # Flag emoji are astral characters: offsets in code points must still land right.
    "Moscow claims Toretsk \U0001F1F7\U0001F1FA, "
    "Kyiv says the fight goes on \U0001F1FA\U0001F1E6\n\n"
    "The Russian Ministry of Defence said on Friday that its troops had taken full control of "
    "Toretsk, a mining town north of Donetsk. "
    "A spokesman for Ukraine's 100th Mechanised Brigade denied that Toretsk had fallen and said "
    "his soldiers still held positions in the town's western districts. "
    "Neither account could be checked on the ground."
)
TORETSK_RU = ("The Russian Ministry of Defence said on Friday that its troops had taken full "
              "control of Toretsk, a mining town north of Donetsk.")
TORETSK_UA = ("A spokesman for Ukraine's 100th Mechanised Brigade denied that Toretsk had fallen "
              "and said his soldiers still held positions in the town's western districts.")

TORETSK_EARLY_TEXT = (
    "Street fighting reaches Toretsk\n\n"
    "Analysts at the Institute for the Study of War reported fighting in the centre of Toretsk "
    "on Wednesday. Residents who left the town described constant shelling."
)
TORETSK_EARLY = ("Analysts at the Institute for the Study of War reported fighting in the centre "
                 "of Toretsk on Wednesday.")

VUHLEDAR_TEXT = (
    "Vuhledar abandoned after two years of siege\n\n"
    "Russia's defence ministry announced that Vuhledar had been captured. "
    "The next day Ukraine's Khortytsia group of forces confirmed that its units had withdrawn "
    "from Vuhledar to avoid encirclement."
)
VUHLEDAR_RU = "Russia's defence ministry announced that Vuhledar had been captured."
VUHLEDAR_UA = ("The next day Ukraine's Khortytsia group of forces confirmed that its units had "
               "withdrawn from Vuhledar to avoid encirclement.")

KURAKHOVE_TEXT = (
    "Kurakhove: Moscow announces capture\n\n"
    "The Russian defence ministry claimed the capture of Kurakhove on Monday, a town on the "
    "reservoir of the same name. Kyiv did not comment."
)
KURAKHOVE_RU = ("The Russian defence ministry claimed the capture of Kurakhove on Monday, a town "
                "on the reservoir of the same name.")

CHASIV_TEXT = (
    "Canal line holds at Chasiv Yar\n\n"
    "Ukraine's General Staff said its forces had repelled several Russian assaults on Chasiv Yar "
    "during the night. The canal district remained the focus of the fighting."
)
CHASIV_UA = ("Ukraine's General Staff said its forces had repelled several Russian assaults on "
             "Chasiv Yar during the night.")

POKROVSK_TEXT = (
    "Rumours and fighting around Pokrovsk\n\n"
    "Heavy fighting was reported on the southern edge of Pokrovsk on Sunday, according to the "
    "regional military administration. "
    f"A message shared on a local channel read {XSS_SCRIPT} and {XSS_IMG} before moderators "
    "removed it. Officials asked residents to ignore such posts."
)
POKROVSK_FIGHT = ("Heavy fighting was reported on the southern edge of Pokrovsk on Sunday, "
                  "according to the regional military administration.")

SIVERSK_TEXT = (
    "Quiet week at Siversk\n\n"
    "Russian military bloggers wrote that assault groups had entered the eastern outskirts of "
    "Siversk. Ukrainian officers in the sector dismissed the reports."
)
SIVERSK_RU = ("Russian military bloggers wrote that assault groups had entered the eastern "
              "outskirts of Siversk.")


@dataclass(frozen=True)
class Said:
    """One claim to build: the sentence that says it and what it says."""

    sentence: str
    place: Place
    kind: str
    actor: str
    stance: str
    source: str
    side: str
    date: str


ARTICLES: tuple[tuple[str, str, str, tuple[Said, ...]], ...] = (
    # (text, published, url, claims)
    (TORETSK_EARLY_TEXT, "2024-11-20", "https://news.example.org/toretsk-fighting", (
        Said(TORETSK_EARLY, TORETSK, "fighting", "RU", "asserts", "ISW", "third", "2024-11-20"),
    )),
    (VUHLEDAR_TEXT, "2024-10-02", "https://news.example.org/vuhledar", (
        Said(VUHLEDAR_RU, VUHLEDAR, "capture", "RU", "asserts", "Russian Ministry of Defence",
             "RU", "2024-10-01"),
        Said(VUHLEDAR_UA, VUHLEDAR, "capture", "RU", "asserts", "Khortytsia group of forces",
             "UA", "2024-10-02"),
    )),
    (CHASIV_TEXT, "2024-12-03", "https://news.example.org/chasiv-yar", (
        Said(CHASIV_UA, CHASIV_YAR, "repelled", "RU", "asserts", "General Staff of Ukraine",
             "UA", "2024-12-03"),
    )),
    (POKROVSK_TEXT, "2024-12-15", "javascript:window.__xss=3", (
        Said(POKROVSK_FIGHT, POKROVSK, "fighting", "RU", "asserts", "narrator", "third",
             "2024-12-15"),
    )),
    (KURAKHOVE_TEXT, "2025-01-06", "https://news.example.org/kurakhove", (
        Said(KURAKHOVE_RU, KURAKHOVE, "capture", "RU", "asserts", "Russian Ministry of Defence",
             "RU", "2025-01-06"),
    )),
    (SIVERSK_TEXT, "2025-01-20", "https://news.example.org/siversk", (
        Said(SIVERSK_RU, SIVERSK, "presence", "RU", "asserts", "Russian milbloggers", "RU",
             "2025-01-20"),
    )),
    (TORETSK_TEXT, "2025-02-07", "https://news.example.org/toretsk-claims", (
        Said(TORETSK_RU, TORETSK, "capture", "RU", "asserts", "Russian Ministry of Defence", "RU",
             "2025-02-07"),
        Said(TORETSK_UA, TORETSK, "capture", "RU", "denies", "100th Mechanised Brigade", "UA",
             "2025-02-07"),
    )),
)


def build_claim(doc: Document, said: Said) -> Claim:
    start = doc.text.index(said.sentence)
    mention = doc.text.index(said.place.name, start)
    return Claim(
        doc=doc.id,
        place=said.place,
        place_mention=said.place.name,
        kind=said.kind,
        actor=said.actor,  # type: ignore[arg-type]
        stance=said.stance,  # type: ignore[arg-type]
        source=Source(said.source, said.side),  # type: ignore[arg-type]
        date=PartialDate.parse(said.date),
        evidence=said.sentence,
        evidence_start=start,
        evidence_end=start + len(said.sentence),
        confidence=0.9,
        mention_start=mention,
        mention_end=mention + len(said.place.name),
    )


def extractions() -> list[Extraction]:
    found = []
    for text, published, url, said in ARTICLES:
        doc = document_from_text(text, url=url, published=published, lang="en",
                                 title=text.split("\n", 1)[0], outlet="Example News")
        found.append(Extraction(doc, claims=tuple(build_claim(doc, s) for s in said),
                                extractor_version="hand-built"))
    return found


def fill(store: Store) -> None:
    for extraction in extractions():
        store.add_extraction(extraction)


class FakeExtractor:
    """Stands in for the spaCy extractor: one fighting claim per 'fighting in <place>'."""

    places = {p.name: p for p in (TORETSK, VUHLEDAR, KURAKHOVE, CHASIV_YAR, POKROVSK, SIVERSK)}

    def extract(self, documents: list[Document]) -> Iterator[Extraction]:
        for doc in documents:
            claims = []
            for name, place in self.places.items():
                phrase = f"fighting in {name}"
                at = doc.text.find(phrase)
                if at >= 0:
                    end = doc.text.find(".", at) + 1 or len(doc.text)
                    start = doc.text.rfind(". ", 0, at)
                    start = start + 2 if start >= 0 else 0
                    said = Said(doc.text[start:end], place, "fighting", "RU", "asserts",
                                "narrator", "third", str(doc.published or "2025-03-01"))
                    claims.append(build_claim(doc, said))
            yield Extraction(doc, claims=tuple(claims), extractor_version="fake-1")


@pytest.fixture
def filled_store(tmp_path: Path) -> Iterator[Store]:
    """A SQLite store in tmp_path holding every invented article above."""
    store = Store.open(str(tmp_path / "api.db"))
    fill(store)
    yield store
    store.close()


@asynccontextmanager
async def serving(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client on `app` in process, its lifespan run, as a browser on localhost."""
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with app.router.lifespan_context(app), httpx.AsyncClient(
        transport=transport, base_url="http://localhost"
    ) as http:
        yield http


def bearer(store: Store, role: str) -> dict[str, str]:
    """Headers carrying a new token of `role`."""
    return {"Authorization": f"Bearer {store.create_token(role)}"}
