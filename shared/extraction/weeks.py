"""Days a document names by weekday, month day or week rather than by date: what the builder
remembers of the week and the month the writer is speaking of."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from shared.extraction.asked_titles import ACTION_VERB_TITLE
from shared.extraction.dates import ENGLISH_WEEKDAY_NAMES, ENTRY_LEAD, DateMention, find_dates
from shared.extraction.month_days import month_in_view
from shared.extraction.relative_days import (
    WEEKDAY_AHEAD,
    opens_with_weekday,
    relative_weekday_dates,
    speaks_of_next_week,
    week_after_break,
)
from shared.extraction.segments import Segment
from shared.extraction.state import BuilderState
from shared.extraction.titles import tidy_title

# "Kindness Week", "our Student Council's Spirit Week": the name of the week whose days the
# lines after it go through. "Next week" and "this week" say when, not what.
_WEEK_NAME = re.compile(r"\b(?P<name>(?:[A-Z][\w'’&.-]*\s+){1,4}Week)\b")
_NOT_A_NAME = re.compile(r"^(?:Next|This|Last|The|That|Each|Every|One|A)\b")
_SAID_AHEAD = re.compile(rf"(?:{WEEKDAY_AHEAD})\s", re.I)
_THE_FOLLOWING = re.compile(rf"\bthe following\s+(?:{ENGLISH_WEEKDAY_NAMES})\b", re.I)
# "... on <date>, <date> and <date>. Each of those days is an early dismissal day.": the
# days of the sentence before, and what each of them is.
_THOSE_DAYS = re.compile(
    r"\b(?:(?:each|all|any|both)\s+of\s+)?(?:those|these|the\s+same)\s+(?:days|dates)\s+"
    r"(?:are|is|will\s+be)\s+(?:also\s+)?(?:(?:a|an|the)\s+)?(?P<np>[^,.;!?]+)",
    re.I,
)


def names_days_said_before(text: str) -> re.Match[str] | None:
    return _THOSE_DAYS.search(text)


class DaysInView(BuilderState):
    """The week just named and the month in view, and the weekdays read against them."""

    def _note_days_in_view(self, segment: Segment) -> None:
        week = self._week_after(segment)
        if week != self._week_named:
            self._week_title = _week_name(segment.text) or _week_name(segment.heading)
        self._week_named = week
        self._month_seen = month_in_view(segment.text, self.facts.anchor) or self._month_seen

    def _days_said_before(self, clause: str) -> tuple[list[DateMention], str]:
        """The days of the sentence before that a dateless clause speaks of, and their name."""
        those = names_days_said_before(clause)
        if not those or not self._previous_sentence:
            return [], ""
        days = find_dates(self._previous_sentence, self.facts.anchor)
        if len(days) < 2 or any(m.end_value for m in days):
            return [], ""  # "those days" are several days, each named
        return days, tidy_title(re.sub(r"\b(day|date)s\b", r"\1", those.group("np")))

    def _weekday_lead(self, segment: Segment) -> DateMention | None:
        """ "-Tuesday – Team Jersey Day – wear ...": a list line led by a weekday and a dash
        is that day's entry, the week being the one just named or the next."""
        if not opens_with_weekday(segment.text):
            return None
        days = self._weekdays_in(segment, segment.text)
        if not days or days[0].start > 3 or not ENTRY_LEAD.match(segment.text[days[0].end :]):
            return None
        return days[0]

    def _of_the_named_week(self, title: str) -> str:
        """ "Tuesday- Superheroes" under "our Book Week, the week of 3/15": one day of that
        week, named with it ("Book Week: Superheroes")."""
        name = self._week_title if self._week_named else ""
        # A day's own name ("Twins", "Pajama Day"), not what to do on it ("Wear blue"),
        # which reads on its own.
        is_a_days_name = len(title.split()) <= 5 and not ACTION_VERB_TITLE.match(title)
        if not name or "week" in title.lower() or not is_a_days_name:
            return title
        return f"{name}: {title}"

    def _weekdays_in(self, segment: Segment, text: str) -> list[DateMention]:
        """Weekdays named alone in a segment's text: days of the week just named while the
        lines go by weekday, else the next ones from the issue (next week's once the writer
        has spoken of next week: "Next week ..." then "On Friday ...")."""
        week = self._week_named if opens_with_weekday(segment.text) else None
        next_week = speaks_of_next_week(f"{self._last_text} {segment.text}")
        anchor = week - timedelta(days=1) if week else self.facts.anchor
        last_day = self.candidates[-1].start if self.candidates else None
        if _THE_FOLLOWING.search(text) and last_day and last_day > anchor:
            # "On Friday ... The following Tuesday we ...": the Tuesday after that Friday.
            anchor, next_week = last_day, False
        days = relative_weekday_dates(text, anchor, next_week=next_week and not week)
        today = self.facts.day_of_issue
        if today is None or week or next_week:
            return days
        # A bulletin for one day ("Thursday, <date>" on its masthead) means that day by its
        # weekday alone; "next Thursday" still means the one a week on.
        a_week_on = today + timedelta(days=7)
        return [
            replace(m, value=today)
            if m.value == a_week_on and not _SAID_AHEAD.match(text, m.start)
            else m
            for m in days
        ]

    def _month_before(self, segment: Segment, clause: str) -> date | None:
        """The month the writer is speaking of when a clause says only "on the 15th"."""
        at = segment.text.find(clause)
        before = segment.text[:at] if at > 0 else ""
        return month_in_view(before, self.facts.anchor) or self._month_seen

    def _week_after(self, segment: Segment) -> date | None:
        week = [
            m.value
            for m in find_dates(segment.text, self.facts.anchor)
            if m.end_value and 2 <= (m.end_value - m.value).days <= 6
        ]
        if week:
            return week[-1]
        after_break = week_after_break(segment.text, self.facts.anchor)
        if after_break:
            return after_break
        return self._week_named if opens_with_weekday(segment.text) else None


def _week_name(text: str) -> str:
    for match in _WEEK_NAME.finditer(text):
        name = match.group("name")
        if not _NOT_A_NAME.match(name):
            return name
    return ""
