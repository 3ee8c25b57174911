"""Segments turned into candidates: table rows, dated list entries and the dated clauses of
paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, time

from shared.extraction.asks import RequestsAndCalls
from shared.extraction.audience import Grades, activities_in, grades_in, grades_in_cell
from shared.extraction.candidates import LETTER, LISTED, ROW, SECTION, Candidate, content_words
from shared.extraction.clauses import a_list_of_days, after_a_move, clauses_of, inside_parentheses
from shared.extraction.dates import (
    ENTRY_LEAD,
    DateMention,
    find_dates,
    next_weekday_on_or_after,
    weekly_days,
    weekly_rrule,
)
from shared.extraction.entry_parts import column_roles, lead_phrase, outside_parentheses, two_things
from shared.extraction.languages import in_other_language, tidy_native_title
from shared.extraction.lexicon import (
    DISMISSED,
    DUE_CUE,
    ISSUE_NAME,
    NOT_AN_ITEM,
    PAST_TENSE,
    PUBLICATION,
    PUBLICATION_CUE,
    RESUMES,
    THANKS,
)
from shared.extraction.month_days import ordinal_days
from shared.extraction.relative_days import relative_weekday_dates
from shared.extraction.rules import asks_family, category_of, location_in
from shared.extraction.segments import Segment, reads_as_english, sentences_of
from shared.extraction.spans import runs_until
from shared.extraction.times import find_times, strip_times
from shared.extraction.titles import (
    canonical_deadline,
    english_part,
    generic,
    remove_spans,
    tidy_title,
    without_asides,
)
from shared.extraction.weeks import DaysInView, names_days_said_before
from shared.models import PRE_K, ItemCategory

# A later part of an entry that names no thing of its own: a second sitting ("for ..."),
# or what will be handed out there.
_DETAIL_PART = re.compile(
    r"^\W*(?:[\d:.apm\s–-]*(?:to|-|–)?[\d:.apm\s]*)?(?:for|with|and)\b"
    r"|^[^.]*\b(?:will|can) be (?:provided|given|sent|handed|available|shared)\b",
    re.I,
)


_NOTHING = re.compile(r"^\W*(?:none|n/?a|nothing(?: scheduled)?|no (?:meetings|games))\W*$", re.I)
_HANDED_IN_BY = re.compile(r"(?:by|before|due|deadline|no later than)\b", re.I)


class CandidateBuilder(RequestsAndCalls, DaysInView):
    """Candidates from one document's segments."""

    # ------------------------------------------------------------------ entry point

    def add(self, segment: Segment) -> None:
        if segment.distractor:
            return
        if _NOTHING.match(segment.text):
            # "Games Scheduled Today" over "None": a daily list's label, and nothing in it.
            self.candidates = [c for c in self.candidates if c.details != self._last_text]
            return
        before = len(self.candidates)
        if segment.kind == "row":
            if not self._last_row:
                self._table_caption = self._last_text  # a table's first row: the line above
            self._add_row(segment)
        else:
            self._add_text(segment)
        if len(self.candidates) == before and segment.kind != "row":
            self._add_undated(segment)
        self._last_text, self._last_row = segment.text, segment.kind == "row"
        self._note_days_in_view(segment)

    # ------------------------------------------------------------------ table rows

    def _add_row(self, segment: Segment) -> None:
        roles = column_roles(segment)
        cells = dict(zip(roles, segment.cells, strict=False))
        # "Day | Date" columns: "Thu" and "14 Jan" read together.
        date_text = " ".join(c for r, c in zip(roles, segment.cells, strict=False) if r == "date")
        event = cells.get("event", "") or self._table_thing(segment) or segment.text
        mentions = find_dates(date_text, self.facts.anchor) or find_dates(event, self.facts.anchor)
        if not mentions:
            return
        mention = mentions[0]
        title = lead_phrase(event) or tidy_title(event)
        start_time, end_time = (
            find_times(cells.get("time", "")) if "time" in cells else (None, None)
        )
        if start_time is None and "time" not in cells:
            start_time, end_time = find_times(remove_spans(event, []))
        grades = grades_in_cell(cells["grades"]) if cells.get("grades") else None
        days = weekly_days(date_text + " " + event)
        paid = re.search(
            r"\b(?:must|should|need to) be (?:paid|returned|submitted|signed|handed in)\b",
            event,
            re.I,
        )
        if paid:
            title = self._deadline_title(event, None)
        self._emit(
            segment,
            title=title,
            mention=mention,
            clause=event,
            sentence=event,
            times=(start_time, end_time),
            stated_grades=grades if grades is not None else grades_in(title),
            days=days,
            priority=ROW,
            due_cue=bool(paid or re.search(r"\bdue\b|\bdeadline\b", event, re.I)),
        )

    # ------------------------------------------------------------------ list entries, paragraphs

    def _about_the_issue(self, text: str) -> bool:
        """ "Posted: <date>", "Newsletter date <date>": the document's own date. "<date> -
        Report cards issued" is about reports, named before the verb. "Issue 9", "Week of" and
        "Vol." name the issue wherever they stand."""
        cue = PUBLICATION.search(text)
        if not cue or len(text) >= 160:
            return False
        if not PUBLICATION_CUE.fullmatch(cue.group()):
            return True
        before = remove_spans(
            text[: cue.start()],
            [(m.start, m.end) for m in find_dates(text[: cue.start()], self.facts.anchor)],
        )
        return len(content_words(before)) <= 1 or bool(ISSUE_NAME.search(before))

    def _add_text(self, segment: Segment) -> None:
        if self._about_the_issue(segment.text):
            return
        if ISSUE_NAME.search(segment.text) and len(segment.text.split()) <= 8:
            return  # the issue's own name and week: "<Class> News, <week>"
        mentions = find_dates(segment.text, self.facts.anchor)
        lead = mentions[0] if mentions and mentions[0].start <= 3 else None
        by_weekday = False
        if segment.kind == "listed" and lead is None:
            lead = self._weekday_lead(segment)
            by_weekday = lead is not None
        if segment.kind == "listed" and lead is not None:
            self._add_dated_entry(segment, lead, by_weekday=by_weekday)
            return
        notice_title = self._notice_title(segment)
        self._segment_name = notice_title or ""
        self._segment_titles = []
        sentences = sentences_of(segment.text)
        self._previous_sentence = ""
        first = len(self.candidates)
        for position, sentence in enumerate(sentences):
            following = sentences[position + 1] if position + 1 < len(sentences) else ""
            if THANKS.match(sentence):
                continue
            clauses = clauses_of(sentence, self.facts.anchor)
            self._several_clauses = len(clauses) > 1
            self._sentence = sentence
            self._sentence_title = ""
            before = len(self.candidates)
            named = False
            for clause in clauses:
                if self._add_clause(segment, clause, sentence, following, notice_title):
                    named = named or self.candidates[-1].category != ItemCategory.DEADLINE
                    self._sentence_title = self.candidates[-1].title
                    self._segment_titles.append(self._sentence_title)
            if named:
                # The notice's name holds for each date of its sentence ("Open House:
                # Tuesday, 4/6 and Thursday, 4/8"); a cut-off leaves it for the thing itself
                # ("Costume Swap - bring costumes by <date>. On <later date>, ...").
                notice_title = None
            self._add_volunteer_call(segment, sentence, self.candidates[before:])
            self._add_early_dismissal(segment, sentence, first)
            self._previous_sentence = sentence

    def _add_dated_entry(
        self, segment: Segment, lead: DateMention, *, by_weekday: bool = False
    ) -> None:
        """A list entry led by its date: "Thu, <date> – Lantern walk, 5:00 pm;
        Soup supper, 6–7 pm" names two things on that day. One led by a weekday alone is a
        day of the week just named."""
        after = segment.text[lead.end :]
        prefix = ENTRY_LEAD.match(after)
        lead_times = find_times(prefix.group(0)) if prefix else (None, None)
        body = after[prefix.end() :] if prefix else re.sub(r"^\s*[-–—:|,]\s*", "", after)
        # The first sentence names the thing (or, split by ";", the things); the rest details it.
        sentences = sentences_of(body) or [body]
        rest = " ".join(sentences[1:])
        first = len(self.candidates)
        parts = [p for p in outside_parentheses(sentences[0], ";") if p.strip()]
        parts = [piece for part in parts for piece in two_things(part)]
        for number, part in enumerate(parts):
            if number and _DETAIL_PART.match(part):
                continue  # "...; 5:15 pm for the second group", "...; maps will be sent home"
            if RESUMES.search(part):
                continue  # "<date> - Classes resume": the day after a closure
            part, until = runs_until(part, self.facts.anchor)
            mention = replace(lead, end_value=until) if until and not lead.end_value else lead
            title = lead_phrase(part)
            if (
                len(parts) == 1
                and segment.heading_role == "topic"
                and (not title or _refers_to(part, segment.heading))
            ):
                # "Swim lessons sign-up opens" above "<weekday>, <date> at 8:00 am at <site>":
                # the entry only says when and where; its heading names the thing.
                title = tidy_title(without_asides(segment.heading))
                part = f"{segment.heading} {part}"
            if not title:
                continue
            if by_weekday:
                title = self._of_the_named_week(title)
            times = find_times(part)
            if times[0] is None:
                # The rest's time, unless it is a cut-off ("forms close at noon").
                cut_off = re.search(r"\b(?:due|by|before|deadline|close)", rest, re.I)
                times = lead_times if lead_times[0] or cut_off else find_times(rest)
            self._emit(
                segment,
                title=title,
                mention=mention,
                clause=part,
                sentence=f"{part} {rest}",
                times=times,
                stated_grades=grades_in(part),
                days=weekly_days(f"{part} {rest}"),
                priority=LISTED,
                due_cue=False,
            )

        self._add_entry_cut_offs(segment, sentences[1:])
        for sentence in sentences[1:]:
            self._add_volunteer_call(segment, sentence, [])
            self._add_early_dismissal(segment, sentence, first)

        # "<date> - Hearing screening. ... that is the last day to hand in the
        # museum visit consent slip": a later sentence's cut-off on the same day.
        for sentence in sentences[1:]:
            last_day = re.search(r"\blast day to\s+(?P<act>[^.;!?]+)", sentence, re.I)
            if not last_day or find_dates(sentence, self.facts.anchor):
                continue
            due_title = canonical_deadline(last_day.group("act"), "", False)
            if due_title:
                self._emit(
                    segment,
                    title=due_title,
                    mention=lead,
                    clause=sentence,
                    sentence=sentence,
                    times=(None, None),
                    stated_grades=grades_in(sentence),
                    days=[],
                    priority=LISTED,
                    due_cue=True,
                )

    def _add_entry_cut_offs(self, segment: Segment, details: list[str]) -> None:
        """ "<date> - Zoo trip: ... Please return the signed slip by <earlier date>.": a
        cut-off of its own in the entry's details is an item of its own."""
        own = [c.title for c in self.candidates if c.order[0] == segment.order]
        self._segment_name, self._segment_titles = "", own
        self._several_clauses = False
        for number, sentence in enumerate(details):
            mentions = find_dates(sentence, self.facts.anchor)
            cues = [DUE_CUE.search(sentence[: m.start]) for m in mentions]
            if not any(cue and _HANDED_IN_BY.match(cue.group(0)) for cue in cues):
                continue  # "practices run until <date>" is no cut-off
            self._sentence, self._sentence_title = sentence, ""
            self._previous_sentence = details[number - 1] if number else ""
            for clause in clauses_of(sentence, self.facts.anchor):
                self._add_clause(segment, clause, sentence, "", None)

    def _add_early_dismissal(self, segment: Segment, sentence: str, first: int) -> None:
        """ "Family interviews - <date>. Classes let out early, at 1:00 pm, on
        that day.": school closes early on the day just named."""
        if not DISMISSED.search(sentence) or find_dates(sentence, self.facts.anchor):
            return
        dated = [c for c in self.candidates[first:] if c.start is not None]
        if not dated or dated[-1].category == ItemCategory.CLOSURE:
            return
        day = dated[-1].start
        assert day is not None
        self._emit(
            segment,
            title="Early dismissal",
            mention=DateMention(0, 0, day, False),
            clause=sentence,
            sentence=sentence,
            times=find_times(sentence),
            stated_grades=None,
            days=[],
            priority=LISTED if segment.kind == "listed" else SECTION,
            due_cue=False,
        )

    def _add_clause(
        self,
        segment: Segment,
        clause: str,
        sentence: str,
        following: str,
        notice_title: str | None,
    ) -> bool:
        """Adds the clause's candidate, if it has one; says whether it did."""
        if NOT_AN_ITEM.search(clause):
            return False
        clause = self._resolve_pronoun(segment, clause)
        written = find_dates(clause, self.facts.anchor)
        mentions = (
            written
            or self._weekdays_in(segment, clause)
            or ordinal_days(clause, self.facts.anchor, self._month_before(segment, clause))
        )
        outside = [m for m in mentions if not inside_parentheses(clause, m)]
        mentions = outside or mentions
        every_date, mentions = mentions, after_a_move(clause, mentions)
        said_before, named = ([], "") if mentions else self._days_said_before(clause)
        days = weekly_days(clause)
        if not (mentions or said_before) and not (days and notice_title):
            return False
        mention = mentions[0] if mentions else None
        due_cue = mention is not None and bool(DUE_CUE.search(clause[: mention.start]))
        spans = [(m.start, m.end) for m in every_date]
        bare = strip_times(remove_spans(clause, spans))
        priority = LETTER if segment.in_letter else LISTED if segment.kind == "listed" else SECTION
        title, weak = self._clause_title(segment, clause, bare, mention, notice_title, due_cue)
        if said_before:
            title, weak, mentions = named, False, said_before
        if not written and self._weekday_lead(segment):
            title = self._of_the_named_week(title)
        action_text = sentence
        if re.match(r"^(?:please|students|players|families|parents|children)\b", following, re.I):
            action_text += " " + following
        last = mentions[-1] if len(mentions) > 1 and days else None
        times = find_times(remove_spans(clause, spans))
        if due_cue and mention is not None:
            # A cut-off's time is the one stated with it ("by 10 am on Monday", "close ... at
            # 11:59 pm"), not an event's hours mentioned before it.
            cue = DUE_CUE.search(clause[: mention.start])
            offset = cue.start() if cue else 0
            tail_spans = [(a - offset, b - offset) for a, b in spans if a >= offset]
            times = find_times(remove_spans(clause[offset:], tail_spans))
        if (
            times[0] is None
            and following
            and not find_dates(following, self.facts.anchor)
            and not relative_weekday_dates(following, self.facts.anchor)
            and not names_days_said_before(following)  # its time is what it names
        ):
            # "<date> is Orange Hat Day. The gathering starts at 10:30 a.m."
            times = find_times(following)
        grades = grades_in(title) or grades_in(clause)
        if grades_in(clause) == [PRE_K]:
            grades = [PRE_K]  # "Incoming Kindergarten families" under a welcome evening's heading
        if grades is None and segment.heading_role == "topic":
            # A notice about one thing says whom it is for anywhere: "For Grades 3 to 6 only."
            grades = grades_in(english_part(segment.text))
        # "The dates are 9/20, 11/1 and 2/7": one thing on each day of a list.
        several = said_before or (not days and a_list_of_days(clause, mentions))
        listed = mentions if several else [mention]
        emitted = [
            self._emit(
                segment,
                title=title,
                mention=each,
                clause=clause,
                sentence=action_text,
                times=times,
                stated_grades=grades,
                days=days,
                priority=priority,
                due_cue=due_cue,
                until=last.value if last else None,
                weak_title=weak,
            )
            for each in listed
        ]
        return any(emitted)

    def _emit(
        self,
        segment: Segment,
        *,
        title: str,
        mention: DateMention | None,
        clause: str,
        sentence: str,
        times: tuple[time | None, time | None],
        stated_grades: Grades | None,
        days: list[int],
        priority: int,
        due_cue: bool,
        until: date | None = None,
        weak_title: bool = False,
    ) -> bool:
        if in_other_language(title):
            title = tidy_native_title(title)
        if not title:
            return False
        start = mention.value if mention else None
        end = mention.end_value if mention else None
        recurrence = None
        if days:
            if until is None and end is not None:
                until = end
            end = None
            if start is None:
                start = next_weekday_on_or_after(self.facts.anchor, days)
            recurrence = weekly_rrule(days, until)
        topic = segment.heading if segment.heading_role == "topic" else ""
        category = category_of(title, clause, due_date_cue=due_cue, dated=start is not None)
        paragraph = (
            " | ".join(segment.cells) if segment.kind == "row" else english_part(segment.text)
        )
        if segment.in_letter:
            paragraph = sentence
        required, action = asks_family(
            category,
            title,
            sentence,
            paragraph,
            has_date=lambda text: bool(find_dates(text, self.facts.anchor)),
            calendar_line=segment.kind in ("listed", "row"),
        )
        if mention and mention.year_given and mention.value == self.facts.document_date:
            return False  # the dateline: the issue's own date, written in full
        if start is not None and start <= self.facts.anchor and PAST_TENSE.search(clause):
            return False  # a recap: "90 riders pedalled in for Ride Your Bike Week (<dates>)"
        if generic(title):
            return False
        location = location_in(clause) or location_in(sentence)
        self._segments_by_section.setdefault(segment.section, set()).add(segment.order)
        activities = activities_in(f"{title} {clause}", self.context.activities) or activities_in(
            topic, self.context.activities
        )
        self.candidates.append(
            Candidate(
                title=title[:200],
                category=category,
                start=start,
                end=end,
                start_time=times[0],
                end_time=times[1],
                grades=self._grades(
                    segment, stated_grades, " ".join((title, clause, *segment.cells)), category
                ),
                activities=set(activities),
                action=action,
                action_required=required,
                location=location,
                recurrence=recurrence,
                priority=priority,
                order=(segment.order, len(self.candidates)),
                details=(segment.text if segment.kind != "row" else " | ".join(segment.cells))[
                    :2000
                ],
                latin=reads_as_english(f"{title} {clause}"),
                weak_title=weak_title,
                words=content_words(f"{title} {strip_times(sentence)} {topic}"),
                title_words=content_words(title),
                page=segment.page,
                source_text=_source_text(segment, sentence),
            )
        )
        return True


def _refers_to(part: str, heading: str) -> bool:
    """ "<date> - the supper starts at 6:30" under "Harvest Supper": the entry speaks of
    the thing its heading names, by a word of that name."""
    subject = re.match(r"\s*(?:the|our|this|this year's)\s+(?P<noun>[^\W\d_]+)", part, re.I)
    return subject is not None and bool(
        content_words(subject.group("noun")) & content_words(heading)
    )


def _source_text(segment: Segment, sentence: str) -> str:
    """The words an item was read from: a table row's cells, a list entry whole (its date
    included), a paragraph's sentence."""
    if segment.kind == "row":
        return " | ".join(segment.cells)
    return segment.text if segment.kind == "listed" else sentence
