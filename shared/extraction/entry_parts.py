"""How a list entry or a table row comes apart: its things (split at ";", a spaced slash,
two names joined by "and", a second thing with its own time) and the name that leads each.
"""

from __future__ import annotations

import re
from datetime import date

from shared.extraction.dates import find_dates
from shared.extraction.lexicon import EVENT_NOUN
from shared.extraction.segments import Segment, reads_as_english, sentences_of
from shared.extraction.times import strip_times
from shared.extraction.titles import FINITE_VERB, tidy_title, without_asides


def _closed(text: str) -> str:
    """The text with what is inside parentheses blanked out (same length), so that a split
    on "," or ";" keeps "(juniors at 2:10; seniors at 7:00)" whole."""
    depth, out = 0, []
    for char in text:
        depth += char == "("
        out.append("_" if depth and char != "(" and char != ")" else char)
        depth -= char == ")" and depth > 0
    return "".join(out)


def outside_parentheses(text: str, separator: str) -> list[str]:
    closed, parts, start = _closed(text), [], 0
    for index, char in enumerate(closed):
        if char == separator:
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


_TIMED_TAIL = re.compile(r"\b(?:at|@)\s*\d{1,2}(?::\d\d)?\b|\d:\d\d")


# What a closure's name says it means: "Staff Day / No Classes" is one thing, not two.
_CLOSURE_MEANING = re.compile(
    r"^\s*(?:no\s+(?:school|classes|students)|school\s+(?:is\s+)?closed|closed)\b", re.I
)
# A US bilingual notice's Spanish half ("Noche de Arte") is the same thing, translated.
_SPANISH_WORD = re.compile(r"\b(?:de|del|la|las|los|el|y|para|con|en|día|escuela)\b", re.I)


def _one_language(half: str) -> bool:
    return bool(half.strip()) and reads_as_english(half) and not _SPANISH_WORD.search(half)


# A thing's name: capitalised, a few words, ending in what kind of thing it is ("Field Day",
# "Grade 5 Graduation"). Two of them joined by "and" are two things of one day. Joined by
# "&" they are as often one occasion ("Spring Carnival & Art Festival"), and "PAC meeting
# and holiday potluck", its second half not a name, is one thing with a side to it.
_THING_NAME = re.compile(
    rf"^(?-i:[A-Z])[\w'’/-]*(?:\s+[\w'’/-]+){{0,5}}\s+"
    rf"(?:{EVENT_NOUN}|meeting|orientation|graduation)s?$",
    re.I,
)
_NAMES_JOINED = re.compile(r"\s+and\s+(?=(?-i:[A-Z]))", re.I)


def _two_names(part: str) -> list[str] | None:
    halves = _NAMES_JOINED.split(part)
    if len(halves) != 2:
        return None
    names = [without_asides(half).strip(" .,;:!") for half in halves]
    return halves if all(_THING_NAME.match(name) for name in names) else None


def two_things(part: str) -> list[str]:
    """ "Term Ends/Secondary Late Start at 10:15": two things of one day, the second with
    its own time; "Staff Day/No Classes" is one. A calendar line's spaced slash parts its
    things ("Report cards home / Class picnic"), unless the second half translates the first."""
    spaced = part.split(" / ")
    if (
        len(spaced) > 1
        and all(_one_language(half) for half in spaced)
        and not any(_CLOSURE_MEANING.match(half) for half in spaced[1:])
    ):
        return [piece for half in spaced for piece in two_things(half)]
    # "PTA Meeting (6:00pm) + Meet & Greet (5-6pm)": a calendar adds a second thing with "+";
    # "forms + $40 due" adds what is handed in with the forms.
    added = re.split(r"\s\+\s(?=(?-i:[A-Z]))", part)
    if len(added) > 1:
        return [piece for half in added for piece in two_things(half)]
    named = _two_names(part)
    if named:
        return named
    halves = part.split("/")
    # A bracketed time at the end is the whole line's: "Dance/ Pizza Night (6-8 pm)".
    timed = len(halves) == 2 and _TIMED_TAIL.search(without_asides(halves[1]))
    if not timed or _TIMED_TAIL.search(halves[0]):
        return [part]
    if min(len(halves[0].split()), len(halves[1].split())) < 2:
        return [part]
    return halves


# The dashed part of an entry that names one day of an umbrella event: " - Pajama Day".
_NAMED_PART = re.compile(
    rf"^\s[-–—]\s(?P<name>(?:[A-Z][\w'’&/-]*\s+){{0,3}}(?i:{EVENT_NOUN}))\s*(?:$|[,.;!(])"
)


# The dashed part after "No School": what the day is ("- Teacher In-Service", "- Labour Day").
_CLOSURE_REASON = re.compile(r"^\s*[-–—]\s*(?P<why>(?:[\w'’.&/-]+\s*){1,5}?)\s*(?:$|[,.;!(])")


def lead_phrase(text: str) -> str:
    """The name at the start of a list entry or table cell, before its details."""
    # "<date> is an early dismissal for ...": what the day is.
    text = re.sub(r"^\s*(?:is|are|will be)\s+(?:(?:a|an|the|our)\s+)?", "", without_asides(text))
    first = (sentences_of(text) or [text])[0]  # "Gr. 2/3 library exchange. Please ..."
    head = re.split(r",|;|\.$| - | – | — ", _closed(first), maxsplit=1)[0]
    head = first[: len(head)]
    one_day = _NAMED_PART.match(first[len(head) :])
    reason = _CLOSURE_REASON.match(first[len(head) :])
    if one_day:
        head = f"{head} - {one_day.group('name')}"  # "Spirit Week - Hat Day": which day of it
    elif reason and _CLOSURE_MEANING.match(head):
        head = f"{head} - {reason.group('why')}"  # "No School - Teacher In-Service": why
    # "Green and Gold Day to support our team": the named day, not why it is held.
    head = re.sub(
        r"^((?:[A-Z][\w'’&-]*\s+(?:(?:and|&)\s+)?)+(?:Day|Night|Week))\s+to\s+[a-z].*$", r"\1", head
    )
    label = re.search(r":(?!\d)", head)  # "Label: details", not a clock time
    if label:
        before, after = head[: label.start()], head[label.end() :]
        # "Bike Day: All students are invited to ...": a name, then its sentence.
        told = len(after.split()) >= 5 or FINITE_VERB.search(after)
        # A time before the colon says when, not what: "<evening> 6:30 <o'clock>: Concert".
        named = strip_times(before).strip()
        if re.search(r"\d", after) or not after.strip() or (told and named):
            head = before
    return tidy_title(strip_times(head))


def column_roles(segment: Segment) -> list[str]:
    """What each table column holds, from its header or, failing that, its contents."""
    roles = []
    for index, cell in enumerate(segment.cells):
        name = segment.header[index] if index < len(segment.header) else ""
        if re.search(r"date|when|day", name):
            roles.append("date")
        elif re.search(r"grade|who|for|audience", name):
            roles.append("grades")
        elif re.search(r"time", name):
            roles.append("time")
        elif re.search(r"place|where|location|venue|room", name):
            roles.append("location")
        elif re.search(r"event|what|activity|item|description|details", name):
            roles.append("event")
        elif not name and find_dates(cell, date(2000, 1, 1)) and "date" not in roles:
            roles.append("date")
        elif (
            not name
            and re.fullmatch(r"[\d:\s–—-]+(?:[ap]\.?m\.?)?.*", cell)
            and "time" not in roles
        ):
            roles.append("time")
        elif "event" not in roles:
            roles.append("event")
        else:
            roles.append(f"other{index}")
    return roles


_CAPTION_NOISE = re.compile(
    r"\b(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\b|\b(?:dates?|schedule|calendar|list)\b", re.I
)
_BODY = re.compile(r"\b(?:PTA|PTO|PTSA|PAC|HSA|PTC)\b")


def caption_name(caption: str, main_title: str) -> str:
    """What a table of dates is of, when its rows say only when and where: "2025-2026
    Meeting Dates" on a PTA's page gives "PTA Meeting"."""
    name = tidy_title(_CAPTION_NOISE.sub(" ", caption))
    if not name or len(name.split()) > 4:
        return ""
    body = _BODY.search(main_title)
    if body and not _BODY.search(name):
        name = f"{body.group()} {name}"
    return name
