"""Place names to places, for the command line and the API alike.

Wherever a place is asked for, its GeoNames id or any name the resolver knows will do
(Toretsk, Dzerjinsk, Торецьк): places the store has claims about come first, then the
gazetteer's transliteration-blind search. A name nobody knows gets the closest known
names back ("did you mean ...").
"""

from __future__ import annotations

import difflib
import logging
from collections.abc import Iterable
from typing import Any

from frontwatch.errors import FrontwatchError, InputError
from frontwatch.records import Place
from frontwatch.store import Store

log = logging.getLogger(__name__)

SUGGESTIONS = 3


def gazetteer() -> Any:
    """The packaged gazetteer, or None where it cannot be loaded (the lookup then only knows
    the store's places)."""
    try:
        from frontwatch.places import Gazetteer

        return Gazetteer.load()
    except (ImportError, FrontwatchError) as exc:
        log.warning("gazetteer unavailable: %s", exc)
        return None


def is_place_id(text: str) -> bool:
    """A GeoNames id, or the negative id of a settlement the gazetteer lacks ("-1482...")."""
    return text.removeprefix("-").isdigit()


def resolve_place(store: Store, text: str, *, names: Any = None) -> Place:
    """A place from a GeoNames id or a name, preferring places the store has claims about.

    `names` is the gazetteer (loaded here when None). InputError, with the closest known
    names, when nothing matches.
    """
    value = text.strip()
    found = names if names is not None else gazetteer()
    if is_place_id(value):
        place = store.place(int(value)) or (found.get(int(value)) if found else None)
        if place is None:
            raise InputError(value, "unknown geonameid (not in the store or the gazetteer)")
        return place
    stored = store.places_named(value)
    counts = store.claim_counts(p.geonameid for p in stored)
    if stored and counts.get(stored[0].geonameid, 0) > 0:
        return stored[0]
    matches: list[Place] = list(found.search(value)) if found is not None and value else []
    if matches:
        counts = store.claim_counts(p.geonameid for p in matches)
        with_claims = [p for p in matches if counts.get(p.geonameid, 0) > 0]
        return (with_claims or matches)[0]
    if stored:
        return stored[0]
    close = did_you_mean(value, store_names(store), found)
    hint = f"; did you mean {', '.join(close)}?" if close else ""
    raise InputError(value, f"unknown place{hint} (try another spelling or its GeoNames id)")


def store_names(store: Store) -> list[str]:
    """Names of the places the store knows (the likeliest meant)."""
    return store.place_names()


def did_you_mean(text: str, preferred: Iterable[str], names: Any = None) -> list[str]:
    """Up to three known names close to `text`: the store's places first, then the
    gazetteer's names that start with the same letter."""
    wanted = text.strip().casefold()
    if not wanted:
        return []
    pool: dict[str, str] = {}
    for name in preferred:
        pool.setdefault(name.casefold(), name)
    close = difflib.get_close_matches(wanted, list(pool), n=SUGGESTIONS, cutoff=0.75)
    if len(close) < SUGGESTIONS and names is not None:
        more = {p.name.casefold(): p.name for p in names if p.name[:1].casefold() == wanted[0]}
        for key, name in more.items():
            pool.setdefault(key, name)
        extra = difflib.get_close_matches(wanted, list(more), n=SUGGESTIONS, cutoff=0.75)
        close += [k for k in extra if k not in close]
    return [pool[k] for k in close[:SUGGESTIONS]]
