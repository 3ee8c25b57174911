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

from shared.extraction.layout import Block
from shared.extraction.rules import Grades, grades_in

SegmentKind = Literal["row", "listed", "paragraph"]
HeadingRole = Literal["topic", "grade", "container", "none"]

# Headings that gather several items rather than name one.
_CONTAINER_WORDS = re.compile(
    r"\b(?:calendar|news|corner|notes?|principal|glance|dates|reminders|upcoming|events|clubs|"
    r"athletics|updates?|highlights|looking ahead|this week|notices|announcements|desk|message|"
    r"bulletin|newsletter|classrooms?|weekly|monthly|at a glance|from the)\b",
    re.I,
)
_GRADE_ONLY = re.compile(
    r"^(?:kindergarten|kinders?|grades?|gr\.?|k|\d{1,2}(?:st|nd|rd|th)?|and|&|to|-|–|—|,|\s|"
    r"primary|intermediate|classes|students)+$",
    re.I,
)
# Boxes and notes that are never items, whatever dates they mention.
_DISTRACTOR = re.compile(
    r"^\s*(?:thank you|thanks|a (?:huge|big|special) thank|congratulations|did you know|"
    r"looking back|in case you missed|recap|our school motto|bell times|office hours)\b"
    r"|\bbell times\b|\boffice (?:hours|open)\b",
    re.I,
)
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


def _role(heading: str, followed_by_heading: bool) -> HeadingRole:
    if not heading:
        return "none"
    if _GRADE_ONLY.match(heading.strip(" !:.")):
        return "grade"
    # A question ("Know a little one born in 2022?") introduces items without naming one.
    if followed_by_heading or _CONTAINER_WORDS.search(heading) or heading.rstrip().endswith("?"):
        return "container"
    return "topic"


def segments_of(blocks: Sequence[Block], is_dated: Callable[[str], bool]) -> list[Segment]:
    """The document's segments in reading order, each with its section context.

    A heading that carries a date ("RSVP by Friday, January 22") is content, not a heading.
    """
    stack: list[tuple[float, str, HeadingRole, Grades | None]] = []
    segments: list[Segment] = []
    section = 0
    in_letter = False
    for index, block in enumerate(blocks):
        if block.kind == "heading" and not is_dated(block.text):
            following = next((b for b in blocks[index + 1 :] if b.text), None)
            followed_by_heading = following is not None and following.kind == "heading"
            while stack and stack[-1][0] <= block.size + 0.5:
                stack.pop()
            heading = block.text.strip()
            stack.append(
                (block.size, heading, _role(heading, followed_by_heading), grades_in(heading))
            )
            section += 1
            in_letter = False
            continue
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
                distractor=bool(_DISTRACTOR.search(block.text) or _DISTRACTOR.search(heading)),
            )
        )
    return segments


_SENTENCE_END = re.compile(r"(?<=[.!?।。！？])\s+(?=[\"'(\u0a00-\u0a7fA-Z0-9])|(?<=[।。！？])")
_ABBREVIATION_END = re.compile(r"\b(?:[ap]\.m|Dr|Mr|Mrs|Ms|St|No|Rm|Gr|e\.g|i\.e|approx)\.$", re.I)


def sentences_of(text: str) -> list[str]:
    parts = _SENTENCE_END.split(text)
    sentences: list[str] = []
    for part in parts:
        if sentences and _ABBREVIATION_END.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {part}"
        elif part.strip():
            sentences.append(part.strip())
    return sentences


def latin_share(text: str) -> float:
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 1.0
    return sum(1 for c in letters if c.isascii()) / len(letters)
