"""What a candidate builder remembers while it reads a document's segments in order."""

from __future__ import annotations

import re
from datetime import date

from shared.extraction.audience import Grades, division_grades, grades_in, within_school
from shared.extraction.candidates import Candidate, DocumentFacts
from shared.extraction.entry_parts import caption_name
from shared.extraction.schema import ExtractionContext
from shared.extraction.segments import Segment
from shared.models import ItemCategory

# What a whole school does on one day, whoever writes of it: a class letter's "Monday - no
# school" or a spirit week's dress-up day is not that class's alone.
_SCHOOL_WIDE_OCCASION = re.compile(
    r"\b(?:first|last)\s+day\s+of\s+(?:school|classes|the\s+(?:school\s+)?year)\b"
    r"|\bspirit (?:week|day)\b|\bhomecoming\b|\bfield day\b",
    re.I,
)


class BuilderState:
    """Candidates found so far and the sentence and section being read."""

    def __init__(self, context: ExtractionContext, facts: DocumentFacts) -> None:
        self.context = context
        self.facts = facts
        self.candidates: list[Candidate] = []
        self._titled_sections: set[int] = set()
        self._previous_sentence = ""
        self._sentence_title = ""
        self._several_clauses = False
        self._sentence = ""
        self._last_text = ""
        self._segments_by_section: dict[int, set[int]] = {}
        self._segment_name = ""
        self._segment_titles: list[str] = []
        # The first day of a week the writer has just named ("<date>-<date> is Spirit
        # Week"), while the lines after it go by weekday: "Friday - wear pajamas" is that
        # week's Friday, not the next one after the issue.
        self._week_named: date | None = None
        self._week_title = ""  # that week's name, "Spirit Week", if the writer gave one
        self._month_seen: date | None = None  # the month the text last spoke of
        self._table_caption = ""  # the line above the table being read
        self._last_row = False

    @property
    def _name_grades(self) -> Grades | None:
        name = self.context.school_name
        return grades_in(name) if name else None

    def _table_thing(self, segment: Segment) -> str:
        """What the table being read is of, from the line above it ("Meeting Dates")."""
        names = f"{segment.heading} {self.facts.main_title} {self.context.school_name}"
        return caption_name(self._table_caption, names)

    def _same_section(self, candidate: Candidate, segment: Segment) -> bool:
        return candidate.order[0] in self._segments_by_section.get(segment.section, set())

    # ------------------------------------------------------------------ one candidate

    def _grades(
        self,
        segment: Segment,
        stated: Grades | None,
        text: str = "",
        category: ItemCategory | None = None,
    ) -> Grades | None:
        offered = self.context.grades_offered
        if stated is not None and stated == self._name_grades:
            stated = None  # "Lakeview Kindergarten" names the school, not one class
        if stated is None and self.facts.divisions:
            stated = division_grades(text, self.facts.divisions)
        if stated is None and self._school_wide(text, category):
            return None  # a closure or a school's own day, under a class's heading
        return within_school(stated, offered) or within_school(segment.heading_grades, offered)

    def _school_wide(self, text: str, category: ItemCategory | None) -> bool:
        return (
            category == ItemCategory.CLOSURE
            or bool(_SCHOOL_WIDE_OCCASION.search(text))
            or bool(self._week_named and _SCHOOL_WIDE_OCCASION.search(self._week_title))
        )
