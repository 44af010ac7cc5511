"""Publication dates an article does not state: the date in its URL.

News sites put the day of publication in their paths (`/2025/02/07/title`,
`/2025-02-07-title`, `/20250207/`, `/2025/02/`). Without a publication date, a claim whose
sentence names no day cannot be placed on the timeline, so a date found there is worth
having; the reader's own metadata always wins over it.
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
