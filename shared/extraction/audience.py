"""Whom an item is for: the grades a text names (lists, spans, ordinals, bands, school
levels, a division legend), kept within the school's own grades; and the school's activities
(clubs, teams) it names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Literal

from shared.models import PRE_K, Activity

Grades = Literal["all"] | list[int]

# --------------------------------------------------------------------------- grades

_GRADE_NUMBER = r"(?:K|\d{1,2})"
_JOIN = r"\s*(?:,|&|and|\+|/)\s*"
_SPAN = r"\s*(?:-|–|—|to|through)\s*"
_GRADE_WORD = r"\b(?:grades?|gr\.?|gds?\.?)"
_GRADE_SPAN = re.compile(rf"{_GRADE_WORD}\s*({_GRADE_NUMBER}){_SPAN}(\d{{1,2}})\b", re.I)
_GRADE_LIST = re.compile(rf"{_GRADE_WORD}\s*({_GRADE_NUMBER}(?:{_JOIN}\d{{1,2}}\b)*)", re.I)
_K_SPAN = re.compile(r"(?<![\w-])K\s*(?:-|–|—|to)\s*(\d{1,2})\b")
_ORDINALS = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)((?:\s*(?:,|&|and|\+|/|or)\s*\d{1,2}(?:st|nd|rd|th))*)(?:\s+|-)grade(?:s|rs)?\b",
    re.I,
)
# "6th-8th grade students", "3rd to 5th graders".
_ORDINAL_SPAN = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th){_SPAN}(\d{{1,2}})(?:st|nd|rd|th)(?:\s+|-)grade(?:s|rs)?\b", re.I
)
_KINDERGARTEN = re.compile(r"\bkinder(?:garten(?:ers?)?|s)?\b|\bkindies\b", re.I)
_INCOMING_KINDERGARTEN = re.compile(
    r"\bborn in (?:19|20)\d\d\b|\bpre-?k\b|\bpre-?school(?:ers?)?\b|\bstrongstart\b"
    r"|\bincoming (?:kindergarten|k\b)|\bkindergarten registration\b"
    r"|\bregistration for kindergarten\b"
    r"|\bregister (?:for|in) kindergarten\b",
    re.I,
)
_WHOLE_SCHOOL = re.compile(
    r"\ball (?:grades|students|families|classes|parents|ages)\b|\bwhole[- ]school\b"
    r"|\bschool[- ]wide\b|\beveryone\b|\bevery class\b|^\s*all\s*$",
    re.I,
)
_GRADE_CELL = re.compile(rf"^\s*({_GRADE_NUMBER})(?:(?:{_SPAN}|{_JOIN})(\d{{1,2}}))*\s*$", re.I)


def _grade_value(token: str) -> int:
    return 0 if token.upper() == "K" else int(token)


_NUMBER_WORDS = {
    word: number
    for number, words in enumerate(
        [
            ("one", "first"),
            ("two", "second"),
            ("three", "third"),
            ("four", "fourth"),
            ("five", "fifth"),
            ("six", "sixth"),
            ("seven", "seventh"),
            ("eight", "eighth"),
            ("nine", "ninth"),
            ("ten", "tenth"),
            ("eleven", "eleventh"),
            ("twelve", "twelfth"),
        ],
        start=1,
    )
    for word in words
}
_NUMBER_WORD = re.compile(rf"\b({'|'.join(_NUMBER_WORDS)})\b", re.I)
_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}
# "K/1", "K & 1", "K-1 class": kindergarten joined to a grade without the word "grade".
_K_LIST = re.compile(r"(?<![\w-])K\s*(?:/|&|\+|,|and)\s*(\d{1,2})\b(?!\s*(?:am|pm|[:.]\d))")
# British Columbia's bands: primary K-3, intermediate 4-7 (used only when no grade is named).
_BANDS = (
    (re.compile(r"\bprimary\b(?! (?:school|care|contact|caregiver|language))", re.I), range(0, 4)),
    (re.compile(r"\bintermediate\b", re.I), range(4, 8)),
    # School levels, in a district's or a K-8/K-12 school's notices.
    (re.compile(r"\blower elementary\b", re.I), range(1, 4)),
    (re.compile(r"\bupper elementary\b", re.I), range(4, 8)),
    (re.compile(r"(?<!lower )(?<!upper )\belementary\b(?! school)", re.I), range(0, 6)),
    (re.compile(r"\bmiddle school\b|\bjunior high\b", re.I), range(6, 9)),
    (re.compile(r"\bhigh school\b", re.I), range(9, 13)),
    # A high school's classes by name: the graduating class is grade 12, and so on down
    # (not Ontario's junior and senior kindergarten, nor "junior high" or senior staff).
    (
        re.compile(
            r"\b(?:grads?|graduat(?:es|ion|ing)|seniors|senior class)\b"
            r"|\bsenior(?!\s+(?:kindergarten|k\b|staff|leader\w*|citizens?|cent(?:re|er)|"
            r"admin\w*|management|team))\b",
            re.I,
        ),
        range(12, 13),
    ),
    (
        re.compile(
            r"\bjuniors\b|\bjunior(?!\s+(?:high|kindergarten|k\b|school|kinder\w*))\s+"
            r"(?:class|year|prom|parents|families|students)\b",
            re.I,
        ),
        range(11, 12),
    ),
    (re.compile(r"\bsophomores?\b", re.I), range(10, 11)),
    (re.compile(r"\bfreshm[ae]n\b", re.I), range(9, 10)),
)


def _numbers_in_words(text: str) -> str:
    """ "grade four and five" reads "grade 4 and 5"; "fifth graders" reads "5th graders"."""

    def digits(match: re.Match[str]) -> str:
        word = match.group(1).lower()
        number = _NUMBER_WORDS[word]
        if word.endswith(("st", "nd", "rd", "th")) or word in ("first", "second", "third"):
            return f"{number}{_SUFFIXES.get(number, 'th')}"
        return str(number)

    text = _ORDINAL_GR.sub(r"\1 grade", text)  # "Second Gr. play": the grade, shortened
    if not re.search(r"\bgrade", text, re.I):
        return text
    return _NUMBER_WORD.sub(digits, text)


_ORDINAL_GR = re.compile(
    r"\b(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|"
    r"tenth|eleventh|twelfth)\s+gr\b\.?",
    re.I,
)


_NAME_BEFORE = re.compile(r"\b(?!(?:Lower|Upper|All|The|Our|For|And)\b)[A-Z][\w'’.-]*\s+$")


def _in_a_name(text: str, start: int) -> bool:
    """Whether a school level is part of a school's name: "Fraserview Elementary"."""
    return bool(_NAME_BEFORE.search(text[:start]))


def grades_in(text: str) -> list[int] | Literal["all"] | None:
    """The grades a text names: a sorted list, "all", or None when it names none."""
    if _INCOMING_KINDERGARTEN.search(text) and not _WHOLE_SCHOOL.search(text):
        return [PRE_K]  # but "all grades including preschool" is everyone
    text = _numbers_in_words(text)
    found: set[int] = set()
    consumed = text
    for match in _GRADE_SPAN.finditer(text):
        found.update(range(_grade_value(match.group(1)), int(match.group(2)) + 1))
        consumed = consumed.replace(match.group(0), " ")
    for match in _GRADE_LIST.finditer(consumed):
        found.update(_grade_value(n) for n in re.findall(r"K|\d{1,2}", match.group(1), re.I))
    for match in _K_SPAN.finditer(text):
        found.update(range(0, int(match.group(1)) + 1))
    for match in _ORDINAL_SPAN.finditer(text):
        found.update(range(int(match.group(1)), int(match.group(2)) + 1))
    for match in _ORDINALS.finditer(text):
        found.update(int(n) for n in re.findall(r"\d{1,2}", match.group(0)))
    for match in _K_LIST.finditer(text):
        found.update((0, int(match.group(1))))
    if _KINDERGARTEN.search(text):
        found.add(0)
    if not found:
        for band, grades in _BANDS:
            if any(not _in_a_name(text, m.start()) for m in band.finditer(text)):
                found.update(grades)
    if found:
        return sorted(g for g in found if g <= 12)
    if _WHOLE_SCHOOL.search(text):
        return "all"
    return None


def grades_in_cell(text: str) -> list[int] | Literal["all"] | None:
    """A table's grades column: "6", "7 & 8", "6–8", "K–2", "All"."""
    if _WHOLE_SCHOOL.search(text):
        return "all"
    misread = re.fullmatch(r"\s*(\d)8(\d{1,2})\s*", text)  # OCR reads "7&8" as "788"
    if misread and int(misread.group(1)) < int(misread.group(2)) <= 12:
        return [int(misread.group(1)), int(misread.group(2))]
    match = _GRADE_CELL.match(text)
    if not match:
        return grades_in(text)
    numbers = [_grade_value(n) for n in re.findall(r"K|\d{1,2}", text, re.I)]
    if re.search(_SPAN, text) and len(numbers) == 2:
        return list(range(numbers[0], numbers[1] + 1))
    return sorted(set(numbers))


# "Div 4 Gr 2/3", "Div. 6 (K)", "Division 1: Grades 6/7": a legend of the school's classes.
_DIVISION_ENTRY = re.compile(
    r"\bdiv(?:ision)?\.?\s*(\d{1,2})\s*[:=(–—-]?\s*(?:gr(?:ades?)?\.?\s*)?"
    r"(K|\d{1,2})(?:\s*[/&,-]\s*(\d{1,2}))?\b(?!\s*(?:am|pm|:))",
    re.I,
)
_DIVISION = re.compile(r"\bdiv(?:ision)?\.?\s*(\d{1,2})\b", re.I)


def division_legend(text: str) -> dict[int, list[int]]:
    """The grades of each division, when the document lists two or more of them."""
    legend: dict[int, list[int]] = {}
    for match in _DIVISION_ENTRY.finditer(text):
        first = _grade_value(match.group(2))
        last = int(match.group(3)) if match.group(3) else first
        if first <= last <= 12:
            legend[int(match.group(1))] = sorted({first, last})
    return legend if len(legend) >= 2 else {}


def division_grades(text: str, legend: dict[int, list[int]]) -> list[int] | None:
    """The grades of the divisions ("Div 3") a text names, by the document's legend."""
    found = {g for m in _DIVISION.finditer(text) for g in legend.get(int(m.group(1)), [])}
    return sorted(found) or None


def within_school(grades: Grades | None, offered: Sequence[int]) -> Grades | None:
    """Grades limited to those the school offers; every offered grade reads as "all"."""
    if grades is None or grades == "all":
        return grades
    kept = sorted(set(grades) & set(offered))
    if not kept:
        return class_moving_up(grades, offered)
    return "all" if set(kept) >= set(offered) else kept


def class_moving_up(grades: Sequence[int], offered: Sequence[int]) -> list[int] | None:
    """A middle school's "Grade 9 course night" or "freshman orientation" is for the class
    about to move up to that grade: the school's last one."""
    return [max(offered)] if list(grades) == [max(offered) + 1] else None


# --------------------------------------------------------------------------- activities

# Common names for school activities, keyed by the words a catalogue slug is made of.
_ACTIVITY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "basketball": ("hoops", "b-ball", "bball"),
    "choir": ("chorus", "glee club", "singers"),
    "band": ("concert band", "jazz band", "wind ensemble"),
    "drama": ("theatre", "theater", "musical", "play rehearsal"),
    "robotics": ("lego league", "vex"),
    "track and field": (
        "track & field",
        "track meet",
        "track team",
        "track practice",
        "track practices",
        "cross-country",
    ),
    "soccer": ("football club",),
    "volleyball": ("volley ball",),
    "chess": ("chess club",),
    "swimming": ("swim team", "swim club", "swim lessons", "swim"),
    "art": ("art club",),
    "coding": ("code club", "programming club"),
}


def _normalise(text: str) -> str:
    text = text.lower().replace("&", " and ")
    return " " + re.sub(r"[^\w]+", " ", text) + " "


def activities_in(text: str, catalogue: Iterable[Activity]) -> list[str]:
    """Slugs of the school's activities the text names, by name, slug or synonym."""
    haystack = _normalise(text)
    found = []
    for activity in catalogue:
        base = activity.slug.replace("-", " ")
        names = {base, activity.name, *activity.synonyms, *_ACTIVITY_SYNONYMS.get(base, ())}
        if any(_normalise(name) in haystack for name in names if name.strip()):
            found.append(activity.slug)
    return sorted(found)
