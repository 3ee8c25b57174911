"""A day named by its number alone ("on the 15th"), read in the month the writer is speaking
of."""

from __future__ import annotations

import re
from datetime import date, timedelta

from shared.extraction.dates import (
    MONTH_NAME,
    DateMention,
    find_dates,
    month_number,
    resolve_year,
)

# "the Talent Show on the 15th": a day of the month in view, when nothing else follows the
# ordinal that it could count ("the 5th grade", "the 100th day").
_BARE_ORDINAL_DAY = re.compile(
    r"\bthe\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    r"(?=\s*(?:[.,;:!?)]|$|\s+(?:at|from|and|to|through|until|in|-|–|—)\s))",
    re.I,
)
_MONTH_ALONE = re.compile(rf"\b(?:in|of|for|this|next)\s+(?P<mon>{MONTH_NAME})\b(?!\s*\d)", re.I)


def month_in_view(text: str, anchor: date) -> date | None:
    """The month a text last speaks of ("May 7", "in May"): its first day, or the day named."""
    dates = find_dates(text, anchor)
    months = list(_MONTH_ALONE.finditer(text))
    if months and (not dates or months[-1].start() > dates[-1].start):
        number = month_number(months[-1].group("mon"))
        value = resolve_year(number, 1, anchor.replace(day=1)) if number else None
        if value is not None:
            return value
    return dates[-1].value if dates else None


def ordinal_days(text: str, anchor: date, in_view: date | None) -> list[DateMention]:
    """ "on the 15th": that day of the month in view, or else the next such day from the
    anchor."""
    found = []
    for match in _BARE_ORDINAL_DAY.finditer(text):
        day = int(match.group("day"))
        month = in_view or (anchor if day >= anchor.day else _next_month(anchor))
        try:
            value = month.replace(day=day)
        except ValueError:
            continue
        found.append(DateMention(match.start(), match.end(), value, False))
    return found


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)
