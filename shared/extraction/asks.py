"""Calls for helpers and undated requests: items that ask something of families without a
date of their own, or with the date of a thing named elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from shared.extraction.asked_titles import ACTION_VERB_TITLE, helpers_named, request_title
from shared.extraction.audience import activities_in, grades_in
from shared.extraction.candidates import LISTED, SECTION, Candidate, content_words
from shared.extraction.dates import find_dates
from shared.extraction.lexicon import DAY_REFERENCE, VOLUNTEER_CALL, WHEN_WORDS
from shared.extraction.naming import ClauseNaming
from shared.extraction.rules import action_in, category_of
from shared.extraction.segments import Segment, reads_as_english
from shared.extraction.times import find_times
from shared.extraction.titles import tidy_title
from shared.models import ItemAction, ItemCategory


class RequestsAndCalls(ClauseNaming):
    """Calls for helpers and undated requests."""

    def _add_volunteer_call(
        self, segment: Segment, sentence: str, own: Sequence[Candidate]
    ) -> None:
        """A call for volunteers dated only by reference to a thing already named: "We are
        hoping for two adults to ride the bus with us that day", "Half-day shifts on
        market day" under "Helpers wanted!"."""
        # The call may stand above as a heading or as a short line of its own.
        above = self._last_text if len(self._last_text) <= 80 else ""
        topic = segment.heading if segment.heading_role == "topic" else ""
        asking = f"{topic} {above} {sentence}"
        if not VOLUNTEER_CALL.search(asking) or segment.in_letter:
            return
        reference = DAY_REFERENCE.search(sentence)
        if not reference:
            self._add_flyer_call(segment, sentence)
            return
        named = (reference.group("name") or "").lower()
        dated = [
            c
            for c in self.candidates
            if c.start is not None and c.latin and c.category != ItemCategory.DEADLINE
        ]
        if named and named not in ("the", "that", "this", "same"):
            # "fair day": the thing whose name has that word, the flyer's own event first.
            dated = [c for c in dated if named in c.title.lower()]
            main = [c for c in dated if c.title.lower() in self.facts.main_title.lower()]
            chosen = main or dated
            referent: Candidate | None = chosen[0] if chosen else None
        else:
            # "that morning": the last thing dated in this section.
            same = [c for c in dated if self._same_section(c, segment)]
            referent = same[-1] if same else None
        if referent is None or referent.category == ItemCategory.DEADLINE:
            return
        if any(c.start == referent.start and c.category == ItemCategory.VOLUNTEER for c in own):
            return  # the sentence dates the call itself
        name = re.sub(r"\s*\(.*$", "", referent.title).strip()
        name = re.sub(r"\s+(?:at|in)\s+(?:the\s+)?[A-Z][\w' -]*$", "", name)  # no venue
        # "Grade 2 classes walk to Elm Park for a pond study": the thing is the pond study.
        purpose = re.search(r"\bfor (?:a|an|the|our)\s+(?P<np>(?:[\w'-]+\s*){1,5})$", name)
        name = purpose.group("np").strip() if purpose else name
        title = tidy_title(f"{name} {helpers_named(sentence)} needed")
        self._add_call_for(
            referent,
            title,
            segment,
            sentence,
            priority=min(referent.priority, SECTION),
            words=content_words(f"{name} volunteers {sentence}"),
        )
        self._segments_by_section.setdefault(segment.section, set()).add(segment.order)

    def _add_flyer_call(self, segment: Segment, sentence: str) -> None:
        """A flyer's undated call for helpers is for the flyer's own event: "Clean-up
        crew wanted at 8 pm" on a quiz-night flyer reads "<event> clean-up helpers needed".
        In a section about one dated thing ("Fall Fair - Fri. Oct 2" then "Volunteers are
        still needed."), it is for that thing."""
        if find_dates(segment.text, self.facts.anchor) or segment.in_letter:
            return
        dated = [c for c in self.candidates if c.start is not None and c.latin]
        main = [c for c in dated if c.title == self.facts.main_title]
        if main and not any(c.category == ItemCategory.VOLUNTEER for c in self.candidates):
            referent = main[0]
        else:
            # The section's one dated thing, or the short dated line just above.
            section = [c for c in dated if self._same_section(c, segment)]
            if len({c.title for c in section}) != 1:
                section = [
                    c
                    for c in dated
                    if c.order[0] == segment.order - 1 and len(c.details.split()) <= 10
                ]
            if len({c.title for c in section}) != 1 or any(
                c.category in (ItemCategory.VOLUNTEER, ItemCategory.DEADLINE) for c in section
            ):
                return
            referent = section[0]
        title = tidy_title(f"{referent.title} {helpers_named(sentence)} needed")
        self._add_call_for(
            referent,
            title,
            segment,
            sentence,
            priority=SECTION,
            words=content_words(f"{title} {sentence}"),
        )

    def _add_call_for(
        self,
        referent: Candidate,
        title: str,
        segment: Segment,
        sentence: str,
        *,
        priority: int,
        words: set[str],
    ) -> None:
        """A call for helpers with the day (and, unless it says its own, the time) of the
        thing they help with."""
        times = find_times(sentence)
        self.candidates.append(
            replace(
                referent,
                title=title,
                category=ItemCategory.VOLUNTEER,
                start_time=times[0] or referent.start_time,
                end_time=times[1] if times[0] else referent.end_time,
                action=ItemAction.VOLUNTEER,
                action_required=True,
                recurrence=None,
                priority=priority,
                order=(segment.order, len(self.candidates)),
                details=segment.text[:2000],
                weak_title=False,
                words=words,
                title_words=content_words(title),
                corroborations=0,
                page=segment.page,
                source_text=sentence,
            )
        )

    # ------------------------------------------------------------------ undated notices

    def _add_undated(self, segment: Segment) -> None:
        """A titled notice that asks something of families but names no date; or the time
        of the date just before ("Sunday, <date>" then "10 a.m.–2 p.m. | library")."""
        previous = self.candidates[-1] if self.candidates else None
        times = find_times(segment.text)
        if (
            previous is not None
            and times[0] is not None
            and previous.start_time is None
            and previous.start is not None
            and previous.order[0] >= segment.order - 1
            and segment.kind in ("paragraph", "listed")
        ):
            previous.start_time, previous.end_time = times
        action = action_in(segment.text)
        if action is None or segment.in_letter:
            return
        notice_title = self._notice_title(segment)
        request = request_title(segment.text)
        if request and (not notice_title or not ACTION_VERB_TITLE.match(notice_title)):
            # "<Season> is here — please pack sunscreen ...": the request names the item, unless
            # the notice's own name is about what is asked ("Rain Gear for Recess - ...
            # please pack rubber boots").
            shared = content_words(notice_title or "") & content_words(request)
            if notice_title is None or not shared - WHEN_WORDS:
                notice_title = request
            else:
                request = notice_title
        # "Please bring a folding chair" under an event's own section belongs to that event.
        previous = next(
            (c for c in reversed(self.candidates) if c.order[0] < segment.order),
            None,
        )
        named_lead = notice_title is not None and notice_title != request
        belongs = (
            previous is not None
            and previous.category == ItemCategory.EVENT
            and self._same_section(previous, segment)
            # Under a page's own masthead, the paragraph before is another notice.
            and segment.heading_role != "container"
            # A request led by a name of its own is its own thing.
            and not (named_lead and segment.heading_role != "topic")
        )
        # A list entry's name, a paragraph's own request ("One everyday request: ...
        # please pack a spare pair of socks"), or a paragraph led by its name that asks
        # something ("Rain gear- ... children should pack boots") is an undated item.
        named = named_lead and segment.heading_role != "topic"
        if notice_title and (
            segment.kind == "listed" or ((notice_title == request or named) and not belongs)
        ):
            self.candidates.append(
                Candidate(
                    title=notice_title,
                    category=category_of(
                        notice_title, segment.text, due_date_cue=False, dated=False
                    ),
                    start=None,
                    end=None,
                    start_time=None,
                    end_time=None,
                    grades=self._grades(segment, grades_in(segment.text)),
                    activities=set(activities_in(segment.text, self.context.activities)),
                    action=action,
                    action_required=True,
                    location=None,
                    recurrence=None,
                    priority=LISTED,
                    order=(segment.order, 0),
                    details=segment.text[:2000],
                    latin=reads_as_english(segment.text),
                    words=content_words(segment.text),
                    title_words=content_words(notice_title),
                    page=segment.page,
                    source_text=segment.text,
                )
            )
            return
        if previous is not None and belongs:
            previous.action_required = True
            previous.action = previous.action or action
