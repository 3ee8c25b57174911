"""Blocks grouped into what a reader sees: sections under headings, and their segments.

A segment is one table row, one list entry, or one paragraph, with the context a reader
uses to understand it: the heading it sits under (a topic such as "Fall Pie Fundraiser", a
grade such as "Grade 3", or a container such as "Mark Your Calendar"), the grades that
heading names, and whether it belongs to a letter ("Dear families, ...") that retells items
listed elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from shared.extraction.audience import Grades, grades_in
from shared.extraction.layout import Block

SegmentKind = Literal["row", "listed", "paragraph"]
HeadingRole = Literal["topic", "grade", "container", "none"]

# Headings that gather several items rather than name one.
CONTAINER_WORDS = re.compile(
    r"\b(?:calendar|news|corner|notes?|principal|glance|dates|reminders|upcoming|events|clubs|"
    r"athletics|updates?|highlights|looking ahead|this week|notices|announcements|desk|message|"
    r"bulletin|newsletter|classrooms?|weekly|monthly|at a glance|from the|this week|next week|"
    r"save the dates?|coming up|memo|week ahead|in brief|reminders?|balita|paalala|anunsyo)\b"
    # ... and in Chinese and Punjabi, whose words need no spaces around them.
    r"|通讯|通知|简报|消息|ਖ਼ਬਰਾਂ|ਖਬਰਾਂ|ਸੂਚਨਾ|ਨੋਟਿਸ",
    re.I,
)
# Headings of calendar sections that may carry their dates: "NEXT WEEK · Feb. 8–12".
_DATED_CONTAINER = re.compile(
    r"\b(?:this|next|last|coming) week\b|\bweek (?:of|ahead)\b|\bsave the dates?\b|"
    r"\bcoming up\b|\bmark your calendars?\b|\bimportant dates\b|\bat a glance\b|"
    r"\bcalendar\b|\bupcoming\b|\blooking ahead\b|\bdates to remember\b",
    re.I,
)


def is_dated_content(text: str, is_dated: Callable[[str], bool]) -> bool:
    """Whether a heading-like line is content because it carries a date ("RSVP by Friday,
    January 22"); a calendar section's heading with its dates is still a heading."""
    if not is_dated(text):
        return False
    return not (len(text.split()) <= 10 and _DATED_CONTAINER.search(text))


_GRADE_ONLY = re.compile(
    r"^(?:kindergarten|kinders?|grades?|gr\.?|k|\d{1,2}(?:st|nd|rd|th)?|and|&|to|-|–|—|,|\s|"
    r"primary|intermediate|classes|students)+$",
    re.I,
)
# Boxes and notes that are never items, whatever dates they mention.
_DISTRACTOR = re.compile(
    r"^\s*(?:thank you|thanks|a (?:huge|big|special) thank|congratulations|did you know|"
    r"looking back|in case you missed|recap|our school motto|bell times|office hours)\b"
    r"|\bbell times\b|\boffice (?:hours|open)\b"
    # A menu is served, not announced: "Today's Lunch: ...".
    r"|^\W*(?:today['’]s|tomorrow['’]s|this week['’]s) (?:lunch|breakfast|menu)\b|\blunch menu\b"
    # A bulletin's fixtures: the birthday roll, a word or thought of the day.
    r"|^\W*(?:happy )?birthdays?\s*[:!-]|^\W*(?:word|thought|quote) of:?(?: the)? (?:day|week)\b",
    re.I,
)
# A later sentence that opens on a coming day, or asks for something by a day, turns from
# thanks to what is next.
_TURNS_TO_NEXT = re.compile(
    r"(?:^|(?<=[.!?]\s))\s*(?:tomorrow|tonight|next week|this (?:coming )?(?:week|"
    r"monday|tuesday|wednesday|thursday|friday|saturday)|on (?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday)\b"
    # "... Please get your donations in by Friday.": a cut-off asked after the thanks.
    r"|(?:please|remember to|don['’]t forget to)\b[^.!?]*\b(?:by|before|due)\b)",
    re.I,
)


def _looks_back(text: str) -> bool:
    """A recap, thanks or fixed notice (bell times) with nothing coming after it."""
    found = _DISTRACTOR.search(text)
    if not found:
        return False
    return not _TURNS_TO_NEXT.search(text, found.end())


_LETTER_OPENING = re.compile(r"^\s*(?:dear|hello|hi|greetings)\b", re.I)


@dataclass
class Segment:
    kind: SegmentKind
    text: str
    heading: str
    heading_role: HeadingRole
    heading_grades: Grades | None
    in_letter: bool
    section: int
    order: int
    page: int
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    distractor: bool = False


# A street address: "42 Alder Lane, <town>".
STREET_ADDRESS_TEXT = (
    r"\d{1,6}\s+(?:[A-Z][\w'.-]*\s+){1,4}(?:Way|Street|St|Road|Rd|Avenue|Ave|Drive|Dr|"
    r"Lane|Ln|Boulevard|Blvd|Crescent|Cres|Court|Ct|Place|Pl|Highway|Hwy|Trail|Terrace|"
    r"Parkway|Close|Circle|Row|Square)\b\.?"
)
STREET_ADDRESS = re.compile(rf"^\s*{STREET_ADDRESS_TEXT}")


# Words of a school's name that say what kind of school it is, not which one.
_INSTITUTION_TEXT = (
    "the of and a school schools elementary primary middle high secondary junior senior "
    "community public charter independent district isd usd academy college preparatory prep "
    "montessori kindergarten preschool nursery pta pto pac ptsa lower upper centre center "
    "rural regional county city st saint"
)
_INSTITUTION_WORDS = frozenset(_INSTITUTION_TEXT.split())
_NAME_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# What a heading may name besides the school and still be a masthead: the letter's audience.
_EVENT_WORD = re.compile(
    r"\b(?:fair|night|concert|day|dance|carnival|festival|show|sale|fundraiser|meeting|"
    r"breakfast|lunch|party|celebration|open house|trip|tournament|game|race|walk|run|"
    r"drive|registration|conferences?|workshop|assembly|picnic|gala|auction|market)\b",
    re.I,
)


def names_school(heading: str, school_name: str) -> bool:
    """Whether a heading is the masthead: it names the school ("Birchwood Elementary
    School", "Birchwood School - Grade 3 Notes") and no event of its own."""
    own = {w.lower() for w in _NAME_WORD.findall(school_name)} - _INSTITUTION_WORDS
    words = {w.lower().rstrip("'’s") for w in _NAME_WORD.findall(heading)}
    if not own or not own <= {w.lower() for w in _NAME_WORD.findall(heading)} | words:
        return False
    return not _EVENT_WORD.search(heading)


def _without_name(heading: str, school_name: str) -> str:
    """A masthead without the school's name: "<School> — Mr. Lee's Grade 2" names a class,
    "<Name> Kindergarten" (the school's own name) none."""
    if not school_name:
        return heading
    return re.sub(re.escape(school_name), " ", heading, flags=re.I)


def _role(heading: str, followed_by_heading: bool, school_name: str = "") -> HeadingRole:
    if not heading:
        return "none"
    if names_school(heading, school_name):
        return "container"
    if _GRADE_ONLY.match(heading.strip(" !:.")):
        return "grade"
    # A question ("Does your child start school in the fall?") introduces items without naming one.
    if followed_by_heading or CONTAINER_WORDS.search(heading) or heading.rstrip().endswith("?"):
        return "container"
    return "topic"


def segments_of(
    blocks: Sequence[Block], is_dated: Callable[[str], bool], school_name: str = ""
) -> list[Segment]:
    """The document's segments in reading order, each with its section context.

    A heading that carries a date ("Reply by Monday, <date>") is content, not a heading.
    """
    stack: list[tuple[float, str, HeadingRole, Grades | None]] = []
    segments: list[Segment] = []
    section = 0
    in_letter = False
    for index, block in enumerate(blocks):
        if block.kind == "heading" and not is_dated_content(block.text, is_dated):
            following = next((b for b in blocks[index + 1 :] if b.text), None)
            if following is not None and STREET_ADDRESS.match(following.text):
                continue  # a venue set large above its address ("Heronwood Gym"): no section
            followed_by_heading = following is not None and following.kind == "heading"
            while stack and stack[-1][0] <= block.size + 0.5:
                stack.pop()
            heading = block.text.strip()
            stack.append(
                (
                    block.size,
                    heading,
                    _role(heading, followed_by_heading, school_name),
                    grades_in(_without_name(heading, school_name)),
                )
            )
            section += 1
            in_letter = False
            continue
        if block.titled:
            # A dated heading is an item of its own: it closes the sections of its level.
            while stack and stack[-1][0] <= block.size + 0.5:
                stack.pop()
            section += 1
            in_letter = False
        if block.kind == "text" and _LETTER_OPENING.match(block.text):
            in_letter = True
        heading = stack[-1][1] if stack else ""
        role: HeadingRole = stack[-1][2] if stack else "none"
        context_grades = next((g for _, _, _, g in reversed(stack) if g is not None), None)
        kind: SegmentKind = (
            "row" if block.kind == "row" else "listed" if block.listed else "paragraph"
        )
        segments.append(
            Segment(
                kind=kind,
                text=block.text,
                heading=heading,
                heading_role=role,
                heading_grades=context_grades,
                in_letter=in_letter and kind == "paragraph",
                section=section,
                order=index,
                page=block.page,
                cells=block.cells,
                header=block.header,
                distractor=_looks_back(block.text) or bool(_DISTRACTOR.search(heading)),
            )
        )
    return segments


_SENTENCE_END = re.compile(
    r"(?<=[.!?।。！？])\s*(?=[\u3400-\u9fff])"  # a translation follows: "... a towel. 四、五年级"
    r"|(?<=[.!?।。！？])\s+(?=[\"'(\u0a00-\u0a7fA-Z0-9])|(?<=[।。！？])"
)
_ABBREVIATION_END = re.compile(
    r"\b(?:[ap]\.m|Dr|Mr|Mrs|Ms|St|No|Rm|Gr|Gds?|Div|e\.g|i\.e|approx|vs|"
    # Weekdays and months: "Tues. Nov. 3" is one date, not three sentences.
    r"Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$",
    re.I,
)


_CALENDAR_WORD = re.compile(
    r"^(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b",
    re.I,
)


def sentences_of(text: str) -> list[str]:
    parts = _SENTENCE_END.split(text)
    sentences: list[str] = []
    for part in parts:
        # "... 9:30–10:30 a.m. The $12 fee ..." ends a sentence; "... 4 p.m. Monday" need not.
        clock_end = bool(sentences and re.search(r"\b[ap]\.m\.$", sentences[-1], re.I))
        if clock_end and re.match(r"^[A-Z]", part) and not _CALENDAR_WORD.match(part):
            sentences.append(part.strip())
        elif sentences and _ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {part}"
        elif part.strip():
            sentences.append(part.strip())
    return sentences


def latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if c.isascii()) / len(letters)


# Function words that tell English from Tagalog, the other Latin-script language of notices.
_ENGLISH_WORDS = frozenset(
    [
        "the",
        "and",
        "to",
        "of",
        "for",
        "in",
        "on",
        "is",
        "are",
        "will",
        "your",
        "our",
        "at",
        "be",
        "with",
        "please",
        "by",
        "from",
        "this",
        "all",
        "you",
        "we",
        "they",
        "their",
        "has",
        "have",
        "was",
        "were",
        "can",
        "an",
    ]
)
_TAGALOG_WORDS = frozenset(
    [
        "ang",
        "ng",
        "mga",
        "sa",
        "na",
        "ay",
        "para",
        "ni",
        "kay",
        "mula",
        "hanggang",
        "walang",
        "inyong",
        "ninyo",
        "namin",
        "natin",
        "tayo",
        "lahat",
        "tuwing",
        "ito",
        "iyong",
        "nang",
        "dapat",
        "kung",
        "po",
        "kanilang",
        "bago",
        "pakidala",
    ]
)


def reads_as_english(text: str) -> bool:
    """Whether a notice is in English rather than a translation (Gurmukhi, Han, Tagalog)."""
    if latin_share(text) <= 0.5:
        return False
    words = re.findall(r"[a-z]+", text.lower())
    tagalog = sum(1 for w in words if w in _TAGALOG_WORDS)
    english = sum(1 for w in words if w in _ENGLISH_WORDS)
    return tagalog <= english
