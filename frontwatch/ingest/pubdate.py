"""Publication dates an article does not state: the date in its URL.

News sites put the day of publication in their paths (`/2025/02/07/title`,
`/2025-02-07-title`, `/20250207/`, `/2025/02/`). Without a publication date, a claim whose
sentence names no day cannot be placed on the timeline, so a date found there is worth
having. The reader's own metadata wins over it, unless the metadata gives only the month
(or the year) the URL's day falls in: then the URL says which day of it.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from frontwatch.records import PartialDate

# Separated parts (/2025/02/07, 2025-02-07, 2025_02_07) or eight digits in a row; never
# inside a longer run of digits (an article id).
_SEPARATED = re.compile(
    r"(?<![0-9])((?:19|20)\d{2})[/_.-](0?[1-9]|1[0-2])(?:[/_.-](0?[1-9]|[12]\d|3[01]))?(?![0-9])"
)
_COMPACT = re.compile(r"(?<![0-9])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?![0-9])")


def date_from_url(url: str | None) -> PartialDate | None:
    """The publication date in a URL's path, to the day or the month; None when it has none.

    >>> str(date_from_url("https://example.org/news/2025/02/07/toretsk"))
    '2025-02-07'
    """
    if not url:
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    for pattern in (_SEPARATED, _COMPACT):
        for match in pattern.finditer(path):
            year, month, day = match.groups()
            try:
                return PartialDate(int(year), int(month), int(day) if day else None)
            except ValueError:
                continue
    return None


def publication_date(given: PartialDate | None, url: str | None) -> PartialDate | None:
    """The publication date: the metadata's, made precise by the URL's where that is a day
    of the metadata's month or year ("2023-04" and `/2023/04/03/` give 2023-04-03: "on
    Thursday" then resolves to a day, not to the month); the URL's where there is none."""
    if given is not None and given.precision == "day":
        return given
    from_url = date_from_url(url)
    if given is None:
        return from_url
    if from_url is None or _rank(from_url) <= _rank(given) or from_url.truncate(given.precision) != given:
        return given
    return from_url


def _rank(date: PartialDate) -> int:
    return ("year", "month", "day").index(date.precision)
