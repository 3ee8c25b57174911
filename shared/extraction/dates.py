"""Dates, date ranges, times and weekly recurrences as newsletters write them.

English is the main language; month and weekday names in Tagalog, Punjabi (Gurmukhi) and
Chinese are known too, so that a notice written only in one of those still yields dates.
Dates without a year resolve within the school year around an anchor (the issue date).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

_ENGLISH_MONTHS = [
    ("january", "jan"),
    ("february", "feb"),
    ("march", "mar"),
    ("april", "apr"),
    ("may", "may"),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sept", "sep"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
]
_TAGALOG_MONTHS = [
    ("enero",),
    ("pebrero", "febrero"),
    ("marso",),
    ("abril",),
    ("mayo",),
    ("hunyo", "junio"),
    ("hulyo", "julio"),
    ("agosto",),
    ("setyembre", "septiyembre"),
    ("oktubre",),
    ("nobyembre",),
    ("disyembre",),
]
# Gurmukhi as PDFs hand it back (see _gurmukhi_key): marks that text layers reorder or drop
# are ignored when names are compared.
_PUNJABI_MONTHS = [
    ("ਜਨਵਰੀ",),
    ("ਫ਼ਰਵਰੀ", "ਫਰਵਰੀ"),
    ("ਮਾਰਚ",),
    ("ਅਪ੍ਰੈਲ", "ਅਪਰੈਲ"),
    ("ਮਈ",),
    ("ਜੂਨ",),
    ("ਜੁਲਾਈ",),
    ("ਅਗਸਤ",),
    ("ਸਤੰਬਰ",),
    ("ਅਕਤੂਬਰ",),
    ("ਨਵੰਬਰ",),
    ("ਦਸੰਬਰ",),
]
ENGLISH_WEEKDAYS = [
    ("monday", "mon"),
    ("tuesday", "tues", "tue"),
    ("wednesday", "wed"),
    ("thursday", "thurs", "thur", "thu"),
    ("friday", "fri"),
    ("saturday", "sat"),
    ("sunday", "sun"),
]
_TAGALOG_WEEKDAYS = [
    ("lunes",),
    ("martes",),
    ("miyerkules", "miyerkoles"),
    ("huwebes",),
    ("biyernes",),
    ("sabado",),
    ("linggo",),
]
_PUNJABI_WEEKDAYS = [
    ("ਸੋਮਵਾਰ",),
    ("ਮੰਗਲਵਾਰ",),
    ("ਬੁੱਧਵਾਰ", "ਬੁਧਵਾਰ"),
    ("ਵੀਰਵਾਰ",),
    ("ਸ਼ੁੱਕਰਵਾਰ", "ਸ਼ੁਕਰਵਾਰ"),
    ("ਸ਼ਨੀਵਾਰ",),
    ("ਐਤਵਾਰ",),
]
RRULE_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_GURMUKHI_MARKS = re.compile("[\u0a3c\u0a3f\u0a4d\u0a02\u0a70\u0a71\u0a01]")


def _gurmukhi_key(word: str) -> str:
    """Gurmukhi without the marks that text layers move (sihari) or drop (nasals, halant)."""
    return _GURMUKHI_MARKS.sub("", word).replace("ਸ਼", "ਸ").replace("ਫ਼", "ਫ")


def _index(groups: list[tuple[str, ...]]) -> dict[str, int]:
    return {name: number for number, names in enumerate(groups) for name in names}


MONTHS: dict[str, int] = {
    name: n + 1
    for groups in (_ENGLISH_MONTHS, _TAGALOG_MONTHS)
    for name, n in _index(groups).items()
}
WEEKDAYS: dict[str, int] = {
    name: n
    for groups in (ENGLISH_WEEKDAYS, _TAGALOG_WEEKDAYS)
    for name, n in _index(groups).items()
}
_PUNJABI_MONTH_KEYS = {_gurmukhi_key(k): v + 1 for k, v in _index(_PUNJABI_MONTHS).items()}
_PUNJABI_WEEKDAY_KEYS = {_gurmukhi_key(k): v for k, v in _index(_PUNJABI_WEEKDAYS).items()}


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_GURMUKHI_WORD = r"[\u0a00-\u0a7f]+"
# A long month name typed with a slip ("Septmenber", "Feburary"): its first three letters and
# a few more; month_number() accepts it only within one edit of the name (so that
# Spanish "noviembre", two edits away, stays a word).
_MISTYPED_MONTH = r"\b(?:jan|feb|aug|sep|oct|nov|dec)[a-z]{3,9}\b"
_MONTH = rf"(?:\b(?:{_alternation(list(MONTHS))})\b\.?|{_MISTYPED_MONTH}|{_GURMUKHI_WORD})"
MONTH_NAME = _MONTH  # a month's name in any of the languages read
_WEEKDAY = rf"(?:\b(?:{_alternation(list(WEEKDAYS))})\b\.?|{_GURMUKHI_WORD})"
# "Friday, 6/7", "Wed. - 6/12": a weekday before its date, then a comma, space or dash.
_AFTER_WEEKDAY = r"(?:,?\s+|\s*[-–—]\s*)"
_DAY = r"(?<![\d:$.])(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d|:\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"

_MONTH_DAY = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}){_AFTER_WEEKDAY})?(?P<mon>{_MONTH})\s+{_DAY}(?:,?\s+{_YEAR})?",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}){_AFTER_WEEKDAY})?"
    r"(?:(?<![\d:$.])(?P<first>\d{1,2})(?:st|nd|rd|th)?\s*[-–—]\s*)?"  # "25–29 Jan"
    rf"{_DAY}\s+(?:de\s+|ng\s+|of\s+)?(?P<mon>{_MONTH})(?:,?\s+{_YEAR})?",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    rf"(?:(?P<wd>{_WEEKDAY}){_AFTER_WEEKDAY})?"
    r"(?<![\d/$.])(?P<mon>\d{1,2})/(?P<day>\d{1,2})(?:/(?P<year>\d{4}|\d{2}))?(?![\d/])",
    re.IGNORECASE,
)
_NOT_A_DATE_BEFORE = re.compile(
    r"\b(?:gr|grades?|gds?|div|divisions?|rooms?|rm|k|page|p|pg|no|ratio|score)\.?\s*$", re.I
)


def _not_a_numeric_date(text: str, match: re.Match[str]) -> bool:
    """ "Gr 7/8", "Div 3/4", "Room 1/2" name grades and rooms; "... <site>.org  1/3" at the
    end of a footer is a page number."""
    before = text[: match.start()]
    if _NOT_A_DATE_BEFORE.search(before):
        return True
    page_number = (
        not match.group("wd")
        and not match.group("year")
        and not text[match.end() :].strip()
        and int(match.group("mon")) <= int(match.group("day")) <= 20
        and bool(re.search(r"[|·•]|\.(?:org|com|ca|net)\b", before))
    )
    return page_number


# "Friday the 20th": the month is the first one from the anchor where that day is that weekday.
_WEEKDAY_THE_DAY = re.compile(
    rf"(?P<wd>\b(?:{_alternation(list(WEEKDAYS))})\b\.?),?\s+the\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
_CHINESE = re.compile(
    r"(?:(?P<year>\d{4})\s*年\s*)?(?P<mon>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*[日号]"
)
# "March 15-26": a second day of the same month right after a date.
_SAME_MONTH_END = re.compile(
    r"\s*(?:[-–—]|to|through|thru|until|till)\s*(\d{1,2})(?:st|nd|rd|th)?(?![\d/]|:\d)"
    r"(?!\s*(?:am|pm|a\.m|p\.m))",
    re.I,
)
_NEXT_DAY_PAIR = re.compile(
    r"\s*(?:,\s*and|and|&|,)\s*(\d{1,2})(?:st|nd|rd|th)?(?![\d/]|:\d)"
    r"(?!\s*(?:am|pm|a\.m|p\.m))",
    re.I,
)
_RANGE_JOINER = re.compile(
    r"^\s*(?:[-–—]|to|through|thru|until|till|ਤੋਂ|ਤ|hanggang|至|到)\s*$", re.IGNORECASE
)
_PAIR_JOINER = re.compile(r"^\s*(?:and|&|y|at|和|及)\s*$", re.IGNORECASE)
ENGLISH_WEEKDAY_NAMES = _alternation([n for g in ENGLISH_WEEKDAYS for n in g])


def month_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in MONTHS:
        return MONTHS[word]
    if word.isascii():
        return _mistyped_month(word)
    return _PUNJABI_MONTH_KEYS.get(_gurmukhi_key(word))


def _mistyped_month(word: str) -> int | None:
    """The English month a word is a slip of, if it is one edit from one long name."""
    close = [
        number
        for number, (name, *_) in enumerate(_ENGLISH_MONTHS, start=1)
        if len(name) >= 6 and name[:3] == word[:3] and _edits(word, name) <= 1
    ]
    return close[0] if len(close) == 1 else None


def _edits(a: str, b: str) -> int:
    """Levenshtein distance, a swap of two neighbours counting as one edit."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            cost = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cost = min(cost, previous2[j - 2] + 1)
            current.append(cost)
        previous2, previous = previous, current
    return previous[-1]


def weekday_number(word: str) -> int | None:
    word = word.lower().rstrip(".")
    if word in WEEKDAYS:
        return WEEKDAYS[word]
    return _PUNJABI_WEEKDAY_KEYS.get(_gurmukhi_key(word))


@dataclass(frozen=True)
class DateMention:
    """A calendar date found in text, with where it was and whether its year was written."""

    start: int
    end: int
    value: date
    year_given: bool
    end_value: date | None = None  # the last day, when the mention is a range


def resolve_year(month: int, day: int, anchor: date, weekday: int | None = None) -> date | None:
    """The date of `month`/`day` within the school year around `anchor`.

    A month well before the anchor's belongs to the next calendar year (a December notice
    speaking of January), one well after to the previous; a written weekday breaks ties.
    """
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    window = [c for c in candidates if -100 <= (c - anchor).days <= 330]
    if weekday is not None:
        matching = [c for c in window or candidates if c.weekday() == weekday]
        if matching:
            window = matching
    pool = window or candidates
    # A calendar issued in July speaks of the school year it opens: its March is next March.
    return min(
        pool,
        key=lambda c: (school_year(c) != school_year(anchor), abs((c - anchor).days)),
    )


def school_year(day: date) -> int:
    """The calendar year a school year starts in (it turns over in July)."""
    return day.year if day.month >= 7 else day.year - 1


def _mention(
    match: re.Match[str], anchor: date, *, numeric_month: bool = False
) -> DateMention | None:
    groups = match.groupdict()
    month = int(groups["mon"]) if numeric_month else month_number(groups["mon"])
    weekday = weekday_number(groups["wd"]) if groups.get("wd") else None
    if groups.get("wd") and weekday is None:
        return None  # a Gurmukhi word that is no weekday sits where a weekday would
    if month is None or not 1 <= month <= 12:
        return None
    day = int(groups["day"])
    year_text = groups.get("year")
    if year_text:
        year = int(year_text) + (2000 if len(year_text) == 2 else 0)
        try:
            value: date | None = date(year, month, day)
        except ValueError:
            return None
    else:
        value = resolve_year(month, day, anchor, weekday)
    if value is None:
        return None
    first = groups.get("first")
    if first and 1 <= int(first) < value.day:
        return DateMention(
            match.start(), match.end(), value.replace(day=int(first)), bool(year_text), value
        )
    return DateMention(match.start(), match.end(), value, bool(year_text))


def find_dates(text: str, anchor: date) -> list[DateMention]:
    """Every date in the text, in order, with ranges ("Dec 22 – Jan 2", "April 6-17") joined."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    # "Monday-Friday, November 13-17": the days of the week only restate the range.
    spans = {m.end(): m.start() for m in _WEEKDAY_SPAN.finditer(text)}
    text = _WEEKDAY_SPAN.sub(lambda m: " " * len(m.group(0)), text)
    for pattern, numeric in (
        (_MONTH_DAY, False),
        (_DAY_MONTH, False),
        (_CHINESE, True),
        (_NUMERIC, True),
    ):
        for match in pattern.finditer(text):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            if pattern is _NUMERIC and _not_a_numeric_date(text, match):
                continue
            mention = _mention(match, anchor, numeric_month=numeric)
            if mention is None:
                continue
            tail = _SAME_MONTH_END.match(text, mention.end)
            # "June 10 and 11", "Mar 10, 11, 12": days running are one span.
            day, pair = mention.value.day, _NEXT_DAY_PAIR.match(text, mention.end)
            while pair and not numeric and int(pair.group(1)) == day + 1:
                tail, day = pair, day + 1
                pair = _NEXT_DAY_PAIR.match(text, pair.end())
            if tail and not numeric and int(tail.group(1)) > mention.value.day:
                try:
                    last = mention.value.replace(day=int(tail.group(1)))
                    mention = DateMention(
                        mention.start, tail.end(), mention.value, mention.year_given, last
                    )
                except ValueError:
                    pass
            found.append(mention)
            taken.append((mention.start, mention.end))
            # "May 17th and 19th", "February 14, 16 and 21st" (not days running): more days
            # of the same month, each later than the one before.
            other = (
                None if numeric or mention.end_value else _NEXT_DAY_PAIR.match(text, mention.end)
            )
            previous_day = mention.value
            while other and int(other.group(1)) > previous_day.day:
                try:
                    previous_day = previous_day.replace(day=int(other.group(1)))
                except ValueError:
                    break
                found.append(
                    DateMention(other.start(1), other.end(), previous_day, mention.year_given)
                )
                taken.append((other.start(1), other.end()))
                other = _NEXT_DAY_PAIR.match(text, other.end())
    for match in _WEEKDAY_THE_DAY.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        value = _weekday_and_day(match, anchor)
        if value is not None:
            found.append(DateMention(match.start(), match.end(), value, False))
            taken.append((match.start(), match.end()))
    found = [replace(m, start=spans.get(m.start, m.start)) for m in found]
    found.sort(key=lambda m: m.start)
    return _join_ranges(text, found)


def _weekday_and_day(match: re.Match[str], anchor: date) -> date | None:
    weekday = weekday_number(match.group("wd"))
    day = int(match.group("day"))
    if weekday is None:
        return None
    year, month = anchor.year, anchor.month
    for _ in range(12):
        try:
            candidate = date(year, month, day)
        except ValueError:
            candidate = None
        if candidate is not None and candidate >= anchor and candidate.weekday() == weekday:
            return candidate
        month, year = (1, year + 1) if month == 12 else (month + 1, year)
    return None


_CLOCK_TEXT = r"(?:\d{1,2}(?::\d\d)?(?:\s*[ap]\.?\s?m\.?|[ap](?![a-z]))?|noon|midnight)"
# A time written out in full: "11:25", "6 pm", "7:30 a.m.".
_FULL_CLOCK = r"(?:\d{1,2}:\d\d(?:\s*[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)"
# What separates an entry's date (and time) from its name: "<date> – ", "<date>, 6 pm: ",
# or, after a full time, a space before a capital ("<date> 11:25 a.m. Early Dismissal").
ENTRY_LEAD = re.compile(
    rf"^\s*,?\s*(?:(?:(?:at\s+|@\s*)?{_CLOCK_TEXT}(?:\s*(?:[-–—]|to)\s*{_CLOCK_TEXT})?\s*)?"
    r"(?:[-–—:|]|\s[-–—]\s)"
    rf"|(?:at\s+|@\s*)?{_FULL_CLOCK}(?:\s*(?:[-–—]|to)\s*{_FULL_CLOCK})?\s+(?-i:(?=[A-Z]))(?![ap]\.?\s?m\b))"
    # What follows is a name, an aside, or a grade's ordinal ("- 8th grade picnic").
    r"\s*(?=[^\W\d_]|\(|\d{1,2}(?:st|nd|rd|th)\s)",
    re.IGNORECASE,
)


_WEEKDAY_SPAN = re.compile(
    rf"\b(?:{ENGLISH_WEEKDAY_NAMES})\.?\s*[-–]\s*(?:{ENGLISH_WEEKDAY_NAMES})\.?,?\s+(?=[A-Z\d])",
    re.I,
)
_NAME_AFTER_DATE = re.compile(
    r"^\s+(?:[A-Z][a-z'’]+|[A-Z0-9]{2,}|\d(?:st|nd|rd|th))\b(?!\s*[,.:]?$)"
)
_LEAD_TIME = re.compile(
    rf"\s*,?\s*(?:(?:at|@|from)\s+)?{_CLOCK_TEXT}(?:\s*(?:[-–—]|to)\s*{_CLOCK_TEXT})?"
    r"(?![\w:])",
    re.IGNORECASE,
)


def leading_date_end(text: str, anchor: date) -> int | None:
    """Where a date (and the time written with it) that opens the text ends, or None when
    the text does not open with a date: "Tuesday, April 7, 6:00pm-7:30pm" ends at its end."""
    mentions = find_dates(text, anchor)
    if not mentions or mentions[0].start > 3:
        return None
    end = mentions[0].end
    clock = _LEAD_TIME.match(text, end)
    if (
        clock
        and re.search(r"\d|noon", clock.group(0))
        and (re.search(r"[ap]\.?\s?m\b|:\d\d|[ap]\b|noon|@|\bat\b", clock.group(0), re.I))
    ):
        end = clock.end()
    return end


_BRACKETED_WEEKDAY = re.compile(rf"^\s*\((?:{ENGLISH_WEEKDAY_NAMES})\.?\)", re.I)


def starts_with_date(text: str, anchor: date) -> bool:
    """Whether a line opens with a date and then its entry: "Wed. <date> — Hearing screening"."""
    mentions = find_dates(text, anchor)
    if not mentions or mentions[0].start > 3:
        return False
    # "Aug 14 (Mon) Picture Day": a calendar's weekday, in brackets after its date.
    rest = _BRACKETED_WEEKDAY.sub("", text[mentions[0].end :], count=1)
    # A printed calendar sets the name straight after the date: "Nov. 20 PTO Meeting".
    return bool(ENTRY_LEAD.match(rest) or _NAME_AFTER_DATE.match(rest))


def _join_ranges(text: str, mentions: list[DateMention]) -> list[DateMention]:
    joined: list[DateMention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        between = text[previous.end : mention.start] if previous is not None else ""
        if (
            previous is not None
            and previous.end_value is None
            and mention.value > previous.value
            and (
                _RANGE_JOINER.match(between)
                # "Monday, <date> and Tuesday, <next day>": two days in a row.
                or (_PAIR_JOINER.match(between) and (mention.value - previous.value).days == 1)
            )
        ):
            last = mention.value
            if not mention.year_given and (last - previous.value).days > 300:
                last = last.replace(year=last.year - 1)
            joined[-1] = DateMention(
                previous.start, mention.end, previous.value, previous.year_given, last
            )
        else:
            joined.append(mention)
    return joined


# --------------------------------------------------------------------------- recurrence

_ALL_WEEKDAY_NAMES = _alternation([n for g in ENGLISH_WEEKDAYS for n in g[:1]])
_RECURRING = re.compile(
    rf"\b(?:every|each)\s+(?P<every>(?:{_ALL_WEEKDAY_NAMES})(?:\s*(?:,|and|&|or)\s*(?:{_ALL_WEEKDAY_NAMES}))*)\b"
    rf"|\b(?P<plural>(?:{_ALL_WEEKDAY_NAMES})s(?:\s*(?:,|and|&)\s*(?:{_ALL_WEEKDAY_NAMES})s)*)\b"
    # "on Tues/Thurs": a timetable's days, written short.
    rf"|\b(?P<slashed>(?:{ENGLISH_WEEKDAY_NAMES})\.?(?:\s*/\s*(?:{ENGLISH_WEEKDAY_NAMES})\b\.?)+)",
    re.IGNORECASE,
)


def weekly_days(text: str) -> list[int]:
    """The weekdays of a weekly recurrence ("every Thursday", "Mondays and Wednesdays")."""
    match = _RECURRING.search(text)
    if not match:
        return []
    names = re.findall(rf"\b(?:{ENGLISH_WEEKDAY_NAMES})", match.group(0), flags=re.IGNORECASE)
    return sorted({WEEKDAYS[n.lower()] for n in names if n.lower() in WEEKDAYS})


def weekly_rrule(days: list[int], until: date | None = None) -> str:
    rule = "FREQ=WEEKLY;BYDAY=" + ",".join(RRULE_DAYS[d] for d in days)
    return rule + (f";UNTIL={until:%Y%m%d}" if until else "")


def next_weekday_on_or_after(start: date, days: list[int]) -> date:
    return min(start + timedelta(days=(d - start.weekday()) % 7) for d in days)
