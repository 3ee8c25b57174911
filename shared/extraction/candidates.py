"""Candidates (one per dated clause) and how they become items: duplicates fold into the
most structured mention, past things drop out, and each item gets its confidence.

A newsletter tells the same thing several times (the principal's letter, the calendar list,
the club's own section). Candidates carry how structured their source is; duplicates fold
into the most structured mention, which keeps its title and gains the others' details.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta

from shared.extraction.audience import Grades
from shared.extraction.lexicon import STOPWORDS
from shared.extraction.schema import ExtractedItem
from shared.models import ItemAction, ItemCategory, ItemSource

# How much a mention is trusted, by where it stands: a table row or list entry says one
# thing plainly; a section paragraph less so; a letter retells and abbreviates.
ROW, LISTED, SECTION, LETTER = 3, 2, 1, 0
_BASE_CONFIDENCE = {ROW: 0.9, LISTED: 0.85, SECTION: 0.75, LETTER: 0.6}


@dataclass
class Candidate:
    title: str
    category: ItemCategory
    start: date | None
    end: date | None
    start_time: time | None
    end_time: time | None
    grades: Grades | None
    activities: set[str]
    action: ItemAction | None
    action_required: bool
    location: str | None
    recurrence: str | None
    priority: int
    order: tuple[int, int]
    details: str
    latin: bool
    weak_title: bool = False
    words: set[str] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)
    corroborations: int = 0
    # Where it was read, for a reviewer: the page and the words the item came from.
    page: int | None = None
    source_text: str = ""


def _stem(word: str) -> str:
    """A crude stem: "registration" and "register" both give "regist"."""
    for suffix in ("ations", "ation", "ings", "ing", "ers", "er", "ies", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    return word[:6]


def content_words(text: str) -> set[str]:
    words = re.sub(r"[\W_]+", " ", text.lower()).split()
    return {
        _stem(w)
        for w in words
        if (w not in STOPWORDS and not w.isdigit()) or (len(w) == 1 and w.isdigit())
    }


@dataclass(frozen=True)
class DocumentFacts:
    """What the whole document says about itself."""

    anchor: date
    main_title: str
    document_date: date | None = None
    divisions: dict[int, list[int]] = field(default_factory=dict)  # "Div 3" -> [3, 4]
    # The masthead names the day it is for ("Thursday, May 4th, 2028" over a daily bulletin):
    # a list line led by that weekday is that day, not the one a week on.
    day_of_issue: date | None = None


# --------------------------------------------------------------------------- de-duplication

_COMPATIBLE = {
    ItemCategory.EVENT: "gathering",
    ItemCategory.MEETING: "gathering",
    ItemCategory.FUNDRAISER: "gathering",
    ItemCategory.ANNOUNCEMENT: "gathering",
    ItemCategory.DEADLINE: "deadline",
    ItemCategory.CLOSURE: "closure",
    ItemCategory.VOLUNTEER: "volunteer",
}


def _covered(part: set[str], whole: set[str]) -> float:
    return len(part & whole) / len(part) if part else 0.0


def _similarity(a: Candidate, b: Candidate) -> float:
    """How much of either one's title the other's text repeats."""
    return max(_covered(a.title_words, b.words), _covered(b.title_words, a.words))


def _same_thing(kept: Candidate, other: Candidate) -> float:
    """How surely a weaker mention repeats a kept candidate (0 when it cannot)."""
    if kept.start != other.start or kept.start is None or kept.priority < other.priority:
        return 0.0
    # Two mentions as strong as each other are one thing only when they name it alike (a
    # section's heading and its paragraph); a list's entries never are.
    if kept.priority == other.priority and (
        kept.priority >= LISTED or kept.title_words != other.title_words or not kept.title_words
    ):
        return 0.0
    if kept.end and other.end and kept.end != other.end:
        return 0.0
    if kept.start_time and other.start_time and kept.start_time != other.start_time:
        return 0.0
    # A letter's wording says little about the kind of item; a section's says more.
    if other.priority != LETTER and _COMPATIBLE[kept.category] != _COMPATIBLE[other.category]:
        return 0.0
    similarity = _similarity(kept, other)
    if kept.category == other.category == ItemCategory.CLOSURE and kept.grades == other.grades:
        # A school closes once a day: "Staff Day - school closed" and "a professional
        # development day" said in the letter are one closure, in whatever words.
        return max(similarity, 0.5)
    if kept.category == other.category == ItemCategory.DEADLINE:
        # Two cut-offs on one day about the same paper ("slips due" and "hand in the slip").
        shared = (kept.title_words & other.title_words) - {"due", "deadli", "close"}
        if shared:
            return max(similarity, 0.5)
    return similarity


def fold_into(kept: Candidate, other: Candidate) -> None:
    """Details of a weaker mention added to the kept one."""
    kept.corroborations += 1
    kept.start_time = kept.start_time or other.start_time
    kept.end_time = kept.end_time or other.end_time
    kept.end = kept.end or other.end
    if kept.grades is None:
        kept.grades = other.grades
    kept.activities = kept.activities or other.activities
    kept.action_required = kept.action_required or other.action_required
    kept.action = kept.action or other.action
    kept.location = kept.location or other.location
    kept.recurrence = kept.recurrence or other.recurrence
    kept.words |= other.words


def fold_duplicates(candidates: Sequence[Candidate], threshold: float = 0.5) -> list[Candidate]:
    """One candidate per thing: weaker mentions fold into the most similar stronger one.

    Two list entries or two rows are never folded together: a list names each thing once.
    """
    kept: list[Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (-c.priority, c.order)):
        scored = [(_same_thing(k, candidate), k) for k in kept]
        best = max(scored, key=lambda pair: pair[0], default=None)
        if best is not None and best[0] >= threshold:
            fold_into(best[1], candidate)
        else:
            kept.append(replace(candidate, words=set(candidate.words)))
    return sorted(kept, key=lambda c: c.order)


def hand_confidence(candidate: Candidate) -> float:
    """The fixed weights' confidence (before clipping): by where the mention stands, its
    corroborations, a stated audience, a clean title and a date."""
    confidence = _BASE_CONFIDENCE[candidate.priority] + 0.05 * min(candidate.corroborations, 2)
    if candidate.grades is None:
        confidence -= 0.15
    if candidate.weak_title:
        confidence -= 0.15
    if candidate.start is None:
        confidence -= 0.1
    return confidence


def to_items(
    candidates: Sequence[Candidate],
    anchor: date,
    confidence_of: Callable[[Candidate], float | None] | None = None,
) -> list[ExtractedItem]:
    """The final items: future or current things only, in document order, with confidence.

    `confidence_of` is a scorer's (shared/extraction/scorer.py): None drops the candidate;
    without one, the hand weights keep every candidate.
    """
    items = []
    latin_present = any(c.latin for c in candidates)
    for c in candidates:
        last = c.end or c.start
        if last is not None and (
            last < anchor or (c.start and c.start > anchor + timedelta(days=400))
        ):
            continue  # a recap of something past, or a date misread
        if latin_present and not c.latin:
            continue  # the translation of a notice already read in English
        confidence = (confidence_of or hand_confidence)(c)
        if confidence is None:
            continue  # the scorer judges it no item for parents
        items.append(
            ExtractedItem(
                title=c.title,
                details=c.details,
                category=c.category,
                start_date=c.start,
                end_date=c.end if c.end and c.start and c.end > c.start else None,
                start_time=c.start_time,
                end_time=c.end_time,
                grades=c.grades or "all",
                activities=sorted(c.activities),
                action_required=c.action_required,
                action=c.action,
                location=c.location,
                recurrence=c.recurrence,
                confidence=max(0.05, min(0.99, confidence)),
                source=_source(c),
            )
        )
    return items


def _source(candidate: Candidate) -> ItemSource | None:
    text = " ".join(candidate.source_text.split())[:2000]
    page = candidate.page if candidate.page and candidate.page >= 1 else None
    return ItemSource(page=page, text=text) if text else None
