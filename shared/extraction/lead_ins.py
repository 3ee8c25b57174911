"""A sentence's lead-in, which introduces the dated things after it but is none of them.

"Here is the whole month at a glance: the fun run is on <date>, the bake sale on <date>"
names two things; the words before the colon only announce them. A notice's own name
before a colon ("Open House: <date> and <date>") is short and is followed by the date
itself, so it stays.
"""

from __future__ import annotations

import re
from datetime import date

from shared.extraction.dates import find_dates

_LEAD_IN_WORDS = 5  # a notice's name is shorter than this; an announcing phrase is not


def without_lead_in(part: str, anchor: date) -> str:
    """The part without an announcing phrase before a colon, when two or more dated things
    follow it in words (not straight after the colon)."""
    colon = part.find(":")
    if colon < 0:
        return part
    head, rest = part[:colon], part[colon + 1 :]
    if len(head.split()) < _LEAD_IN_WORDS or find_dates(head, anchor) or re.search(r"\d", head):
        return part
    mentions = find_dates(rest, anchor)
    if len(mentions) < 2 or mentions[0].start <= 3:
        return part
    return rest.strip()
