"""Chapter dates (format 3): ISO 8601 at year, month or day precision, or a range of them.

A timeline places chapters by these, so every writer (``build``, ``add-chapter``,
the editor) and ``validate`` use the one parser here: ``"2016"``, ``"2016-04"``,
``"2017-10-02"``, ``"2011-12/2012-06"``. A range's end may not come before its start.
Anything else (free text, times of day, week dates) is refused rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from story.errors import StoryError

_PART = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class DateError(StoryError):
    """A chapter date that is not ISO 8601 at year, month or day precision."""


def _bounds(part: str, whole: str) -> tuple[dt.date, dt.date]:
    m = _PART.match(part)
    if not m:
        raise DateError(
            f"{whole!r} is not a date like 2016, 2016-04, 2017-10-02 or 2011-12/2012-06"
        )
    year = int(m[1])
    try:
        if m[3]:
            day = dt.date(year, int(m[2]), int(m[3]))
            return day, day
        if m[2]:
            month = int(m[2])
            last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
            return dt.date(year, month, 1), dt.date(year, month, last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        raise DateError(f"{whole!r} names a day or month that does not exist") from None


def date_span(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day ``text`` covers; DateError when it is not a chapter date."""
    if text != text.strip():
        raise DateError(f"{text!r} has spaces around it")
    parts = text.split("/")
    if len(parts) > 2:
        raise DateError(f"{text!r} has more than one '/'")
    first = _bounds(parts[0], text)
    last = _bounds(parts[-1], text)
    if last[1] < first[0]:
        raise DateError(f"{text!r} ends before it starts")
    return first[0], last[1]


def normalize_date(text: str | None) -> str | None:
    """``text`` checked (None or blank stays undated: None); DateError when invalid."""
    if text is None or not text.strip():
        return None
    date_span(text.strip())
    return text.strip()
