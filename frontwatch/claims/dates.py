"""Dates in the text, resolved against the publication date with their precision.

"fin juillet 2024" -> 2024-07, "vendredi" -> the last Friday on or before publication
(when publication is known to the day), "il y a deux mois" -> publication minus two
months, "l'été dernier" -> last year.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from frontwatch.claims.lexicon import DateLexicon
from frontwatch.claims.scan import pattern_matches
from frontwatch.records import PartialDate


@dataclass(frozen=True, slots=True)
class DateMention:
    start: int
    end: int
    date: PartialDate


def _shift_months(date: PartialDate, months: int) -> PartialDate:
    month = (date.month or 1) - 1 - months
    year = date.year + month // 12
    return PartialDate(year, month % 12 + 1)


def _month_year(month: int, published: PartialDate | None) -> int | None:
    if published is None:
        return None
    if published.month is not None and month > published.month:
        return published.year - 1
    return published.year


def resolve(groups: dict[str, str | None], lex: DateLexicon,
            published: PartialDate | None) -> PartialDate | None:
    """One matched date expression -> a PartialDate, or None when it needs an unknown anchor."""
    year_word = groups.get("year")
    year = int(year_word) if year_word else None
    month_word = (groups.get("month") or "").lower()
    if month_word:
        month = lex.months[month_word]
        year = year or _month_year(month, published)
        if year is None:
            return None
        day_word = groups.get("day")
        if day_word:
            day = 1 if day_word == "1er" else int(day_word)
            if day > calendar.monthrange(year, month)[1]:
                return None
            return PartialDate(year, month, day)
        return PartialDate(year, month)
    if year is not None:
        return PartialDate(year)
    if published is None:
        return None
    weekday = groups.get("weekday")
    if weekday:
        if published.day is None:
            return published
        anchor = published.first_day()
        back = (anchor.weekday() - lex.weekdays[weekday.lower()]) % 7
        return PartialDate.from_date(anchor - dt.timedelta(days=back))
    unit_word = groups.get("unit")
    if unit_word:
        n_word = (groups.get("n") or "1").lower()
        n = int(n_word) if n_word.isdigit() else lex.numbers.get(n_word, 1)
        unit = lex.units[unit_word.lower()]
        if unit == "year":
            return PartialDate(published.year - n)
        if unit == "month":
            return _shift_months(published, n) if published.month else PartialDate(published.year)
        days = n * (7 if unit == "week" else 1)
        if published.day is None:
            return published
        return PartialDate.from_date(published.first_day() - dt.timedelta(days=days))
    if groups.get("season"):
        return PartialDate(published.year - 1)
    if groups.get("yesterday"):
        if published.day is None:
            return published
        return PartialDate.from_date(published.first_day() - dt.timedelta(days=1))
    if groups.get("today"):
        return published
    if groups.get("lastweek"):
        if published.day is None:
            return published
        shifted = published.first_day() - dt.timedelta(days=7)
        return PartialDate(shifted.year, shifted.month)
    if groups.get("lastmonth"):
        return _shift_months(published, 1) if published.month else PartialDate(published.year)
    if groups.get("lastyear"):
        return PartialDate(published.year - 1)
    return None


def find_dates(text: str, lex: DateLexicon, published: PartialDate | None,
               offset: int = 0) -> list[DateMention]:
    """Every resolvable date expression in `text`, longest first where they overlap."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for matches in pattern_matches(lex.patterns, text):
        for match in matches:
            start, end = match.span()
            if any(s < end and start < e for s, e in taken):
                continue
            groups = match.groupdict()
            month = (groups.get("month") or "").lower()
            if (month in lex.ambiguous_months and not groups.get("year") and not groups.get("day")
                    and not text[match.start("month"):match.start("month") + 1].isupper()):
                continue
            date = resolve(groups, lex, published)
            if date is not None:
                found.append(DateMention(start + offset, end + offset, date))
                taken.append((start, end))
    return sorted(found, key=lambda d: d.start)
