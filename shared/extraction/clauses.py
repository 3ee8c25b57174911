"""A sentence cut into its dated things, and the lead-in that announces them.

"Here is the whole month at a glance: the fun run is on <date>, the bake sale on <date>"
names two things; the words before the colon only announce them. A notice's own name
before a colon ("Open House: <date> and <date>") is short and is followed by the date
itself, so it stays.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date

from shared.extraction.dates import DateMention, find_dates, weekly_days
from shared.extraction.relative_days import relative_weekday_dates

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


def inside_parentheses(text: str, mention: DateMention) -> bool:
    return text.rfind("(", 0, mention.start) > text.rfind(")", 0, mention.start)


_MOVED_TO = re.compile(
    r"\b(?:moved|rescheduled|postponed|changed|pushed back)\s+(?:to|until)\s*$", re.I
)
_MOVED_FROM = re.compile(r"\b(?:moved|rescheduled|postponed|changed)\s+from\s*$", re.I)


def after_a_move(clause: str, mentions: Sequence[DateMention]) -> list[DateMention]:
    """ "The early dismissal on <date> has been moved to <new date>", "... moved from <date>
    and is now on <new date>": the new date only."""
    if len(mentions) >= 2 and (
        _MOVED_TO.search(clause[mentions[0].end : mentions[1].start])
        or _MOVED_FROM.search(clause[: mentions[0].start])
    ):
        return list(mentions[1:])
    return list(mentions)


_LIST_JOINT = re.compile(r"^\s*(?:,|;|&|and|,\s*and)\s*$", re.I)


def a_list_of_days(clause: str, mentions: Sequence[DateMention]) -> bool:
    """Three or more dates set one after another with only commas and "and" between:
    one thing on each day ("The dates are 9/20, 11/1 and 2/7")."""
    return len(mentions) >= 3 and all(
        _LIST_JOINT.match(clause[a.end : b.start]) for a, b in itertools.pairwise(mentions)
    )


# "... moved from <date> and is now on <date>": one subject, one thing.
_SAME_SUBJECT_GOES_ON = re.compile(
    r"^\s*,?\s*and\s+(?:will|is|are|has|have|was|were)\b[^,;.]*$", re.I
)
_SAID_TO_BE = re.compile(r"\s*(?:is|will be)\b", re.I)
_RANGE_GOES_ON = re.compile(
    r"^\s*,?\s*and\s+(?:runs|lasts|continues|goes(?:\s+on)?)\s+(?:until|till|to|through|thru)\s*$",
    re.I,
)
# A run-on list of things, one after another with only a comma between: ", the choir
# sings on <date>". What follows the comma is words of a new thing, not the date's detail
# ("<date>, at 6 pm", "<date>, in the gym").
_NEW_SUBJECT = re.compile(
    r",\s+(?!(?:at|from|in|on|by|until|to|for|with|from|starting|beginning|or|and)\b|\d)"
    r"(?=[^,()]*\s[^,()]*$)",
    re.I,
)


def _day_mentions(text: str, anchor: date) -> list[DateMention]:
    """Written dates, and weekdays named alone where no written date overlaps them: "a math
    test on Friday, and the third graders ... on Friday" names two dated things."""
    written = find_dates(text, anchor)
    named = [
        m
        for m in relative_weekday_dates(text, anchor)
        if not any(w.start < m.end and m.start < w.end for w in written)
    ]
    return sorted([*written, *named], key=lambda m: m.start)


def clauses_of(sentence: str, anchor: date) -> list[str]:
    """A sentence split where it moves from one dated thing to another."""
    clauses = []
    for part in sentence.split(";"):
        part = without_lead_in(part, anchor)
        mentions = [m for m in _day_mentions(part, anchor) if not inside_parentheses(part, m)]
        if len(mentions) < 2 or weekly_days(part) or a_list_of_days(part, mentions):
            clauses.append(part)
            continue
        start = 0
        for previous, current in itertools.pairwise(mentions):
            between = part[previous.end : current.start]
            joint = list(
                re.finditer(
                    r",\s*(?:and|so|while|but|then)\s+|\s+(?:and|while|whereas)\s+|\.\s+"
                    # "Grades 5 & 6: <dates>, Grades 7 & 8: <dates>": one group's days each.
                    r"|,\s*(?=(?:grades?|gr\.?|kindergarten)\s+[\dk][^:]{0,14}:)",
                    between,
                    re.I,
                )
            )
            # "Order bagels for <date> ... before 6:00 pm on <earlier date>": the thing
            # and its cut-off are two dated things.
            cut_off = list(re.finditer(r"\s+(?=(?:before|by|no later than|due)\b)", between, re.I))
            if not joint and re.search(r",\s*$", between) and _SAID_TO_BE.match(part, current.end):
                # "Monday is Pajama Day, Tuesday is Hat Day": one day's thing each.
                joint = list(re.finditer(r",\s*$", between))
            if _RANGE_GOES_ON.match(between) or _SAME_SUBJECT_GOES_ON.match(between):
                continue  # "opens on <date> and runs until <date>": one thing's first and last day
            comma = _NEW_SUBJECT.search(between)
            if joint:
                cut = previous.end + joint[-1].start()
                clauses.append(part[start:cut])
                start = previous.end + joint[-1].end()
            elif cut_off and not previous.end_value:
                cut = previous.end + cut_off[-1].start()
                clauses.append(part[start:cut])
                start = previous.end + cut_off[-1].end()
            elif comma:
                cut = previous.end + comma.start()
                clauses.append(part[start:cut])
                start = previous.end + comma.end()
        clauses.append(part[start:])
    return [c.strip() for c in clauses if c.strip()]
