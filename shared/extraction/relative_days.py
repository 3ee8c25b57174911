"""Days named from the issue date: "tomorrow", "this Friday", "next Tuesday", and a weekday
that opens a sentence alone ("On Wednesday we ...")."""

from __future__ import annotations

import re
from datetime import date, timedelta

from shared.extraction.dates import (
    ENGLISH_WEEKDAY_NAMES,
    ENGLISH_WEEKDAYS,
    WEEKDAYS,
    DateMention,
    weekday_number,
)
from shared.extraction.lexicon import PAST_TENSE

# The words that set a weekday ahead of the issue: "next Tuesday", "this coming Friday".
WEEKDAY_AHEAD = r"next|this|coming|this coming|the following"
_RELATIVE_WEEKDAY = re.compile(
    rf"\b(?P<rel>{WEEKDAY_AHEAD})\s+(?P<wd>{ENGLISH_WEEKDAY_NAMES})\b"
    # "this Thursday" is one day; "this Thursday and Friday" names two.
    r"(?!s\b|\s*(?:,|and|&)\s*\w+days?\b)",
    re.IGNORECASE,
)
_FULL_WEEKDAY_NAMES = "|".join(g[0].capitalize() for g in ENGLISH_WEEKDAYS)
# A weekday that opens a sentence alone ("On Wednesday we ...", "Monday is ..."): it is
# what the sentence is dated by; one said in passing later ("... find out on Monday") is
# rarely the thing's own day. Capitalised, in full, not a plural nor a possessive, and
# not the start of a written date (which find_dates reads).
# A list-like opener may come first: "Second, Monday is ...", "Finally, on Friday ...".
# Later in a sentence, a weekday with its hour is a thing's own day: "... on Tuesday at 2 pm".
_BARE_WEEKDAY = re.compile(
    r"(?:(?:^|(?<=[.!?]\s))\s*"
    r"(?:(?:First|Second|Third|Fourth|Next|Then|Also|Finally|Lastly|Plus|And|Now)\b,?\s+)?"
    rf"(?:[Oo]n\s+)?(?P<wd>{_FULL_WEEKDAY_NAMES})\b"
    r"|\bon\s+(?P<timed>" + _FULL_WEEKDAY_NAMES + r")(?=\s+(?:at|from)\s+\d{1,2}(?::\d\d)?\b)"
    # "Don't forget that Wednesday is a late start day."; "Monday is Pajama Day, Tuesday is
    # Hat Day and Friday is Jersey Day": each weekday said to be a thing.
    r"|(?:\bthat\s+|,\s*|\band\s+)(?P<said>" + _FULL_WEEKDAY_NAMES + r")(?=\s+(?:is|will be)\b)"
    # "For parents, on Tuesday, the Booster Club will meet.": the day set before its clause.
    r"|(?<=,\s)on\s+(?P<fronted>" + _FULL_WEEKDAY_NAMES + r")(?=\s*,))"
    r"(?!s\b|['’]s\b|\s*,?\s*(?:\d|[A-Z][a-z]{2,}\.?\s+\d))"
)
# "There is no school on Friday.", "The spelling test will be on Friday as well.": a weekday
# that closes a clause (or has only why, where or when after it) is the day of the thing the
# clause names, unless the writer speaks of themselves ("We will let you know on Monday") or
# of what is past.
_CLOSING_WEEKDAY = re.compile(
    rf"\bon\s+(?P<wd>{_FULL_WEEKDAY_NAMES})\b"
    r"(?=\s*(?:[.!;]|,\s+(?:and|but|so)\b|\s+as well\b|$)"
    # "... a PJ Day on Thursday to support the team": what follows says why, where or when.
    r"|\s+(?:to|for|in|at|after|before|during|from|with)\b)"
)
# "Report cards go home Thursday.", "forms are due by Friday", "no school Monday in honour
# of ...": the same, without "on", after a word of the clause. After "every" or "last" a
# weekday is a habit or the past.
_CLOSING_BARE_WEEKDAY = re.compile(
    rf"(?<=[a-z]\s)(?P<wd>{_FULL_WEEKDAY_NAMES})\b(?!s\b|['’]s\b)"
    rf"(?!\s*(?:,|to|through|thru|and|or|-|–)\s*(?:{_FULL_WEEKDAY_NAMES}))"
    r"(?=\s*(?:[.!;]|,\s+(?:and|but|so)\b|$)"
    r"|\s+(?:to|for|in|at|after|before|during|from|with|morning|afternoon|evening|night)\b)"
)
_HABIT_OR_PAST = re.compile(
    r"\b(?:every|each|last|past|previous|on|you)\s+$"
    # "Tuesday to Friday mornings", "Wednesday, Thursday and Friday": a span or a list of
    # weekdays is a timetable; "Good Friday", "Easter Monday" are holidays' names.
    rf"|\b(?:{_FULL_WEEKDAY_NAMES})\s*(?:,|to|through|thru|and|or|-|–)\s*$"
    r"|(?-i:[A-Z])[\w'’]*\s+$",
    re.I,
)
_SPEAKER_LED = re.compile(r"^\W*(?:we|i|you|they|he|she)\b", re.I)
# "Families will hear on Monday which room ...": when something is learnt, not done.
_LEARNT = re.compile(r"\b(?:find out|hear|learn|be told|know)\b", re.I)
_NEXT_WEEK = re.compile(r"\bnext week\b", re.IGNORECASE)
# "during the week following spring vacation", "the week we come back from winter break": a
# newsletter that dates a week by a break it does not date is written just before that break.
_WEEK_AFTER_BREAK = re.compile(
    r"\bthe week (?:after|following) (?:the |our )?(?:[a-z]+ )?(?:break|vacation|holidays?)\b"
    r"|\bthe week (?:we|students|everyone) (?:return|come back|are back) from (?:the |our )?"
    r"(?:[a-z]+ )?(?:break|vacation|holidays?)\b",
    re.I,
)
# Days named from the issue date: "Tomorrow is Mismatched Sock Day", "tonight's recital".
_RELATIVE_DAY = re.compile(
    r"\b(?P<rel>tomorrow|today|tonight|this (?:evening|afternoon))(?:['’]s)?\b", re.I
)


def relative_weekday_dates(
    text: str, anchor: date, *, next_week: bool = False
) -> list[DateMention]:
    """ "next Tuesday", "this Friday", "on Thursday": the first such weekday after the
    anchor (the issue date); "tomorrow", "tonight": the day after it, or the day itself.

    With `next_week` (the writer has just spoken of next week) a weekday named alone is
    the one of the calendar week after the anchor's."""
    mentions = [
        DateMention(
            match.start(),
            match.end(),
            anchor + timedelta(days=1 if match.group("rel").lower() == "tomorrow" else 0),
            False,
        )
        for match in _RELATIVE_DAY.finditer(text)
    ]
    for match in _RELATIVE_WEEKDAY.finditer(text):
        weekday = weekday_number(match.group("wd"))
        if weekday is None:
            continue
        ahead = (weekday - anchor.weekday()) % 7 or 7
        mentions.append(
            DateMention(match.start(), match.end(), anchor + timedelta(days=ahead), False)
        )
    taken = [(m.start, m.end) for m in mentions]
    monday_after = anchor + timedelta(days=7 - anchor.weekday())
    for start, end, name in _bare_weekdays(text):
        if any(a < end and start < b for a, b in taken):
            continue
        weekday = WEEKDAYS[name.lower()]
        if next_week:
            value = monday_after + timedelta(days=weekday)
        else:
            value = anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
        mentions.append(DateMention(start, end, value, False))
        taken.append((start, end))
    return sorted(mentions, key=lambda m: m.start)


def _bare_weekdays(text: str) -> list[tuple[int, int, str]]:
    """Weekdays named alone that date their sentence: (start, end, name)."""
    found = []
    for match in _BARE_WEEKDAY.finditer(text):
        group = next(name for name in ("wd", "timed", "said", "fronted") if match.group(name))
        found.append((match.start(group), match.end(), match.group(group)))
    closing = [
        *_CLOSING_WEEKDAY.finditer(text),
        *(
            m
            for m in _CLOSING_BARE_WEEKDAY.finditer(text)
            if not _HABIT_OR_PAST.search(text[: m.start()])
        ),
    ]
    for match in closing:
        sentence = re.split(r"(?<=[.!?])\s+", text[: match.start()])[-1]
        clause = re.split(r",\s+(?:and|but|so)\s+", sentence)[-1]
        said_in_passing = _SPEAKER_LED.match(clause) or _LEARNT.search(clause)
        # "A colour a day: red, blue, ... and green on Friday": a day of a list's week.
        listed = ":" in sentence and "," in sentence.rsplit(":", 1)[1]
        if said_in_passing or PAST_TENSE.search(clause) or listed:
            continue
        found.append((match.start("wd"), match.end(), match.group("wd")))
    return found


def week_after_break(text: str, anchor: date) -> date | None:
    """The Monday of the week after an undated break: the break is the calendar week after
    the issue's."""
    if not _WEEK_AFTER_BREAK.search(text):
        return None
    return anchor + timedelta(days=14 - anchor.weekday())


def speaks_of_next_week(text: str) -> bool:
    return bool(_NEXT_WEEK.search(text))


def opens_with_weekday(text: str) -> bool:
    """ "Monday - wear red", "Tuesday: pizza lunch": a line led by a weekday named alone."""
    return bool(re.match(rf"^\W*(?:{_FULL_WEEKDAY_NAMES})\b(?!s\b|['’]s\b)", text))
