"""A thing said in two dated halves is one item spanning both days: "<X> begins" on one
day and "<X> ends" on a later one, or "<X> begins ... and runs until <date>" in one entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from shared.extraction.candidates import SECTION, Candidate, content_words, fold_into
from shared.extraction.dates import find_dates
from shared.models import ItemCategory

_BEGINS = re.compile(r"^(?P<name>.+?)\s+(?:begins|starts|kicks off|gets under way)$", re.I)
_ENDS = re.compile(r"^(?P<name>.+?)\s+(?:ends|wraps up|finishes|concludes|is over)$", re.I)
_RUNS_UNTIL = re.compile(
    r"\s+(?:and\s+)?(?:runs|continues|lasts|goes on|is on)\s+(?:until|till|to|through|thru)\s+",
    re.I,
)
_OPENING_VERB = re.compile(r"\s+(?:begins|starts|opens|kicks off)\b.*$", re.I)


def runs_until(part: str, anchor: date) -> tuple[str, date | None]:
    """ "Book swap begins in the hall and runs until <date>": the entry without its run
    ("Book swap") and the day the run ends."""
    found = _RUNS_UNTIL.search(part)
    if not found:
        return part, None
    mentions = find_dates(part[found.end() :], anchor)
    if not mentions or mentions[0].start > 3:
        return part, None
    name = _OPENING_VERB.sub("", part[: found.start()]).strip()
    return name or part[: found.start()], mentions[0].end_value or mentions[0].value


def join_halves(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The beginning and the end of one thing named on two days become one span."""
    dropped: set[int] = set()
    for index, ending in enumerate(candidates):
        ends = _ENDS.match(ending.title)
        if not ends or ending.start is None:
            continue
        name = content_words(ends.group("name"))
        for opening in candidates[:index]:
            begins = _BEGINS.match(opening.title)
            if (
                begins
                and content_words(begins.group("name")) == name
                and opening.start is not None
                and opening.end is None
                and opening.start < ending.start
            ):
                opening.title = begins.group("name")
                opening.title_words = content_words(opening.title)
                opening.end = ending.start
                dropped.add(index)
                break
    return [c for i, c in enumerate(candidates) if i not in dropped]


# "Grad photos (see details below)": the entry points at the notice that tells it again.
_POINTS_BELOW = re.compile(
    r"\b(?:see|more|read|full)\s+(?:the\s+)?(?:details|info(?:rmation)?|more)?\s*below\b"
    r"|\bdetails below\b",
    re.I,
)


def join_restatements(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The same thing said twice becomes one: a list entry that points below and the
    notice below on its day; a notice's title line and the paragraph under it that says it
    again in a sentence (same day, nearly the same words, one or two blocks apart)."""
    dropped: set[int] = set()
    for index, later in enumerate(candidates):
        if later.start is None:
            continue
        for earlier in reversed(candidates[:index]):
            if candidates.index(earlier) in dropped or earlier.start != later.start:
                continue
            if earlier.end and later.end and earlier.end != later.end:
                continue
            if _kind(earlier) != _kind(later):
                continue  # a call for helpers or a cut-off on the day is a thing of its own
            pointed = bool(_POINTS_BELOW.search(earlier.details))
            told_again = (
                earlier.priority == later.priority <= SECTION
                and 0 < later.order[0] - earlier.order[0] <= 2
                and _repeats(earlier, later)
            )
            if pointed or told_again:
                fold_into(earlier, later)
                dropped.add(index)
                break
    return [c for i, c in enumerate(candidates) if i not in dropped]


def _repeats(first: Candidate, second: Candidate) -> bool:
    shorter, longer = sorted((first.title_words, second.title_words), key=len)
    return bool(shorter) and len(shorter & longer) / len(shorter) >= 0.75


_GATHERINGS = {
    ItemCategory.EVENT,
    ItemCategory.MEETING,
    ItemCategory.FUNDRAISER,
    ItemCategory.ANNOUNCEMENT,
}


def _kind(candidate: Candidate) -> str:
    return "gathering" if candidate.category in _GATHERINGS else candidate.category.value
