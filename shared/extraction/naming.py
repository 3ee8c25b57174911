"""The title of a dated clause, from the notice, heading or sentence around it."""

from __future__ import annotations

import re

from shared.extraction.asked_titles import asked_action, helpers_named, request_title
from shared.extraction.audience import grades_in
from shared.extraction.candidates import content_words
from shared.extraction.clauses import without_lead_in
from shared.extraction.dates import DateMention, find_dates
from shared.extraction.lexicon import (
    ACTION_VERB,
    ANTECEDENT,
    AUDIENCE,
    COMES_BACK,
    DETERMINER,
    DISCOURSE,
    DUE_THING_NAMED,
    GENERIC_WORDS,
    HELPER_WORD,
    HOSTED,
    HOSTED_END,
    HOSTED_NOT_A_THING,
    LABEL_PREFIX,
    LEADING_FILLER,
    LIST_LABEL,
    PICKED_UP,
    PRONOUN_OBJECT,
    REQUEST_START,
    SHOUTED_NAME,
    VOLUNTEER_CALL,
)
from shared.extraction.rules import category_of
from shared.extraction.segments import Segment, latin_share, sentences_of
from shared.extraction.state import BuilderState
from shared.extraction.times import strip_times
from shared.extraction.titles import (
    FINITE_VERB,
    LIST_LEAD_IN,
    announced_name,
    audience_doing,
    canonical_deadline,
    deadline_of,
    event_in,
    generic,
    named_after_date,
    noun_phrase_before,
    pick_up_title,
    pronoun_led,
    subject_of,
    tidy_title,
    topic_name,
    trip_to_place,
    with_due_phrase,
    without_asides,
)
from shared.models import ItemCategory

# A clause led by the group it is for: "Grades 7 & 8: <dates>".
_GROUP_LABEL = re.compile(r"^\W*((?:grades?|gr\.?|kindergarten)\s*[\dk][^:]{0,14}):", re.I)


# Words many names share that say nothing of which thing is meant.
_COMMON_NAME_WORDS = content_words(" ".join(GENERIC_WORDS)) | content_words("event")
_CLOSED_WORDS = content_words("no school closed closure")


def _names_a_break(heading: str) -> bool:
    """A closure's heading that says more than that school is closed."""
    closure = category_of(heading, heading, due_date_cue=False, dated=True)
    return closure == ItemCategory.CLOSURE and bool(content_words(heading) - _CLOSED_WORDS)


class ClauseNaming(BuilderState):
    """Titles of dated clauses."""

    def _notice_title(self, segment: Segment) -> str | None:
        """The name a notice starts with: "Mitten Collection — Tuesday, ...",
        "Junior Band (Gr 4–5): Wednesdays ..."."""
        match = re.match(
            r"^(.{3,80}?)(?:\s+[—–-]\s+|(?<=[a-z])[—–-]\s+|:\s+)", segment.text
        ) or SHOUTED_NAME.match(segment.text)
        if (
            not match
            or LABEL_PREFIX.match(segment.text)
            or LIST_LEAD_IN.match(segment.text)  # "A few reminders: ..." names nothing
            or find_dates(match.group(1), self.facts.anchor)
            or without_lead_in(segment.text, self.facts.anchor) != segment.text
        ):
            return None
        title = tidy_title(without_asides(match.group(1)))
        if DISCOURSE.match(title) or generic(title):
            return None  # "Mark your calendars: ...", "Free to Help on Friday?"
        if not content_words(AUDIENCE.sub(" ", title)):
            return None  # "Grade 4 families: ..." addresses readers, it names no thing
        if FINITE_VERB.search(title):
            return None  # "Hats are required - please ...": a sentence, not a notice's name
        return title if 1 <= len(title.split()) <= 10 else None

    def _resolve_pronoun(self, segment: Segment, clause: str) -> str:
        """ "Please pack them in a bag" after "Our class is saving clean, empty jam jars" reads
        "Please pack clean, empty jam jars in a bag"."""
        found = PRONOUN_OBJECT.search(clause)
        if not found:
            return clause
        # The thing is named earlier in the sentence ("We need egg cartons - please send one")
        # or in the one before.
        antecedent = ANTECEDENT.search(clause[: found.start()]) or ANTECEDENT.search(
            self._previous_sentence
        )
        phrase = antecedent.group("np").strip() if antecedent else ""
        if not phrase and found.group(1).lower() == "it":
            named = list(DUE_THING_NAMED.finditer(self._previous_sentence))
            phrase = named[-1].group("np") if named else ""
        phrase = re.sub(r",(?=\s)", "", phrase)  # "clean, empty jam jars"
        if not phrase or not 1 <= len(phrase.split()) <= 6:
            heading = segment.heading if segment.heading_role == "topic" else ""
            phrase = without_asides(heading).strip() if latin_share(heading) > 0.5 else ""
        if not phrase:
            return clause
        return PRONOUN_OBJECT.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + phrase, clause)

    def _clause_title(
        self,
        segment: Segment,
        clause: str,
        bare: str,
        mention: DateMention | None,
        notice_title: str | None,
        due_cue: bool,
    ) -> tuple[str, bool]:
        if notice_title:
            named = named_after_date(clause, mention) if self._several_clauses else None
            if named and not due_cue:
                # "Four-Day Weekend — <date> is a staff day and <date> is a civic
                # holiday": each date names its own thing.
                if self._sentence_title:
                    return tidy_title(named), False  # the notice is named once, first
                return tidy_title(f"{named} - {notice_title}"), False
            title = with_due_phrase(notice_title, clause, mention) if due_cue else notice_title
            group = _GROUP_LABEL.match(clause)
            if group and self._sentence_title:
                # "..., Grades 7 & 8: <dates>": the notice's thing for that group.
                title = tidy_title(f"{title}, {group.group(1)}")
            return title, False
        subject = subject_of(bare)
        heading = tidy_title(without_asides(segment.heading))
        if latin_share(heading) <= 0.5 < latin_share(clause):
            heading = ""  # a masthead in another script names no English notice
        topic = segment.heading_role == "topic" and bool(heading)
        call = not due_cue and VOLUNTEER_CALL.search(self._sentence or clause)
        event = event_in(clause) if call else None
        if event and not HELPER_WORD.search(heading if topic else ""):
            # "We need adults to serve cocoa after the Band Recital on ...".
            self._titled_sections.add(segment.section)
            return tidy_title(f"{event} volunteers needed"), False
        asked = f"{self._previous_sentence} {self._sentence}"
        wanted = helpers_named(asked)
        helper_noun = wanted.split()[-1].rstrip("s")
        if (
            not due_cue
            and VOLUNTEER_CALL.search(asked)
            and re.search(rf"\b{re.escape(helper_noun)}s?\b", clause, re.I)
        ):
            # "Six parent timers wanted! Timers arrive at 4:00 pm on <date>.": the call.
            name = (topic_name(heading) if topic else "") or self.facts.main_title
            if name and not HELPER_WORD.search(name):
                self._titled_sections.add(segment.section)
                return tidy_title(f"{name} {wanted} needed"), False
        if topic and segment.section not in self._titled_sections:
            self._titled_sections.add(segment.section)
            helpers = HELPER_WORD.search(heading) and not HELPER_WORD.search(subject or "")
            if helpers and not due_cue:
                return heading, False  # "Track Meet Helpers": the call, not the event
            if (
                subject
                # "The Grade 5 Science Fair opens ..." under "Science Fair": the subject names
                # the heading's thing more closely. Sharing "day" or "event" is no sign of it
                # ("a staff development day" under "Staff Day - No Classes").
                and (content_words(subject) & content_words(heading)) - _COMMON_NAME_WORDS
                # "Gardeners meet ..." under "Garden Group": a subject that adds nothing to the
                # heading is a shorter way of naming it.
                and content_words(subject) - content_words(heading)
                and not due_cue
                # A closure's heading that names the break ("Spring Long Weekend - School
                # Closed") is its name; the sentence only says there is no school.
                and not _names_a_break(heading)
            ):
                return subject, False
            if not (due_cue and subject and content_words(subject) & content_words(heading)):
                return with_due_phrase(heading, clause, mention) if due_cue else heading, False
        if due_cue:
            title = self._deadline_title(clause, mention, segment)
            if not content_words(title) and self._sentence_title:
                # "Order bagels for <date> ... before 6 pm on <earlier date>".
                return deadline_of(self._sentence_title, self._sentence), False
            return title, False
        if PICKED_UP.search(clause):
            return pick_up_title(heading if topic else "", bare), False
        before = clause[: mention.start] if mention else clause
        if COMES_BACK.match(LEADING_FILLER.sub("", before.strip())):
            # "charts go back to the homeroom teacher on Monday": a thing falling due.
            canonical = canonical_deadline(
                before, self._deadline_topic(segment, self._sentence), False
            )
            if canonical:
                return canonical, False
        ahead = clause[: mention.start].rstrip() if mention else ""
        # "Because of the snow days, <date> is now a school day", "please remember that <date>
        # is a staff day": the date leads its clause.
        leads = mention is not None and (
            not ahead
            or ahead.endswith(",")
            or bool(re.search(r"\bthat$|^\W*(?:this|next|on|this coming)$", ahead, re.I))
        )
        found = (
            subject
            or (named_after_date(clause, mention) if leads else None)
            or hosted_thing(bare)
            or trip_to_place(bare)
            or audience_doing(bare)
            or asked_action(bare)
            or announced_name(self._previous_sentence)
            or noun_phrase_before(clause, mention)
        )
        weak = not found
        title = found or tidy_title(" ".join(without_asides(bare).split()[:8]))
        if not found and pronoun_led(bare):
            title = ""  # "Those staying late today ...": a detail of a thing above
        if generic(title) and LIST_LABEL.search(title):
            title = ""  # "Today's Meetings": the label of a list, whatever stands above it
        elif generic(title) or DISCOURSE.match(title) or (subject and generic(subject)):
            # "Tuesdays and Fridays, 8:30 - 10:00 a.m." names no thing: the line above may.
            title = self._name_above() or ""
            weak = True
        if title and segment.heading_role == "grade" and grades_in(title) is None:
            title = f"{heading} {title[:1].lower()}{title[1:]}"
        if (
            title
            and VOLUNTEER_CALL.search(self._sentence or clause)
            and not HELPER_WORD.search(title)
        ):
            event = event_in(clause) or event_in(self._sentence)
            if event:
                return tidy_title(f"{event} volunteers needed"), False
        return title, weak

    def _name_above(self) -> str:
        """The name a short line just above gives: "Toddler Time for ages 1-4 returns!"."""
        if not self._last_text or len(self._last_text) > 100:
            return ""
        last = (sentences_of(self._last_text) or [""])[-1]
        if find_dates(last, self.facts.anchor):
            return ""
        subject = subject_of(last)
        if subject and not generic(subject):
            return subject
        # A name set on a line of its own, in body type ("Winter Lantern Walk" then "This
        # Friday! Bring a blanket."): a few words, no verb, no full stop.
        words = last.split()
        if (
            1 <= len(words) <= 8
            and not re.search(r"[.!?,;]$", last.strip())
            and not FINITE_VERB.search(last)
            and sum(w[:1].isupper() or w[:1].isdigit() for w in words) >= len(words) / 2
            and not generic(last)
            and not DISCOURSE.match(last)
        ):
            return tidy_title(last)
        return ""

    def _deadline_title(
        self, clause: str, mention: DateMention | None, segment: Segment | None = None
    ) -> str:
        topic = ""
        if segment is not None and segment.heading_role == "topic":
            topic = tidy_title(without_asides(segment.heading))
            if latin_share(topic) <= 0.5 or not content_words(AUDIENCE.sub(" ", topic)):
                topic = ""
        before = clause[: mention.start] if mention else clause
        before = LEADING_FILLER.sub("", without_asides(before).strip())
        before = re.sub(r"^[^\w]*(?:please\s+)?", "", before, flags=re.I)
        due = re.match(r"^(?P<what>.+?)\s+(?:is|are)\s+(?:due|payable)\b", before, re.I)
        returned = re.match(r"^(?P<what>.+?)\s+(?:must|should|need to) be\s+\w+", before, re.I)
        closes = re.match(r"^(?P<what>.+?\s+(?:close|closes|closing))\b", before, re.I)
        if due or returned:
            found = due or returned
            assert found is not None
            # "Passes are $25 per child and must be paid": the thing is "Passes".
            what = re.split(r"\s+(?:is|are)\s+", found.group("what"), maxsplit=1)[0]
            what = DETERMINER.sub("", what)
            named = content_words(re.sub(r"\$\s?\d+(?:\.\d\d)?", " ", what))
            if topic and len(named) <= 1 and not named & content_words(topic):
                what = f"{topic} {what[:1].lower()}{what[1:]}"  # "Grade 7 Dance tickets"
            return tidy_title(what + " due")
        if closes:
            return tidy_title(closes.group("what"))
        if re.match(r"^rsvp\b", before, re.I):
            event = topic or self.facts.main_title
            return tidy_title(f"RSVP for {event}" if event else "RSVP")
        topic_name = self._deadline_topic(segment, self._sentence)
        tails = [before[m.end() :] for m in REQUEST_START.finditer(before)]
        for tail in (before, *tails):
            canonical = canonical_deadline(tail, topic_name, self._volunteering())
            if canonical:
                return canonical
        request = request_title(
            re.sub(r"\s+(?:by|before|no later than|until|on)\s*$", "", before, flags=re.I)
        )
        if request:
            return request  # "We need egg cartons - please send egg cartons": the request
        cut = re.split(
            r"\s+(?:by|before|no later than|until)"
            r"(?:\s+(?:noon|midnight|\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)(?:,|\s+on)?)?"
            r"\s*(?:[A-Za-z]+\.?,?\s*)?$",
            before,
        )[0]
        title = tidy_title(" ".join(strip_times(cut).split()[:9]))
        # "Sign up on the parents' portal" under "Fall Fair Helpers": say what for.
        verb = ACTION_VERB.match(title)
        bare = verb is not None and len(content_words(title)) <= 2
        if verb and topic and bare and not content_words(title) & content_words(topic):
            return tidy_title(f"{topic} {verb.group(0).lower()}")
        return title

    def _volunteering(self) -> bool:
        """The sentence, or the one before, asks for helpers."""
        return bool(
            VOLUNTEER_CALL.search(f"{self._previous_sentence} {self._sentence}")
            or re.search(r"\bif you can help\b|\bcan you help\b", self._sentence, re.I)
        )

    def _deadline_topic(self, segment: Segment | None, sentence: str) -> str:
        """What a thing falling due belongs to: the event the sentence names, else the
        notice's or section's name, else the thing named just before, else the flyer's."""
        options = [event_in(sentence) or "", topic_name(self._segment_name)]
        if segment is not None and segment.heading_role == "topic":
            heading = segment.heading if latin_share(segment.heading) > 0.5 else ""
            options.append(topic_name(heading))
        options += [
            topic_name(t)
            for t in reversed(self._segment_titles)
            if not re.search(r"\b(?:due|deadline|closes?|rsvp)\b", t, re.I)
        ]
        if any(c.title == self.facts.main_title for c in self.candidates):
            options.append(topic_name(self.facts.main_title))  # a flyer's own event
        return next((o for o in options if o), "")


def hosted_thing(bare: str) -> str | None:
    """What a sentence says is had or held once its date is taken out: "(Tomorrow) we'll
    have our Mismatched Sock Day for all grades" gives "Mismatched Sock Day"."""
    text = LEADING_FILLER.sub("", without_asides(bare).strip())
    text = re.sub(r"^(?:on|this|next|coming)?\s*,?\s*", "", text, flags=re.I)
    found = HOSTED.match(text)
    if not found:
        return None
    phrase = HOSTED_END.split(found.group("np"), maxsplit=1)[0].strip()
    if HOSTED_NOT_A_THING.match(phrase) or not 1 <= len(phrase.split()) <= 8:
        return None
    if generic(phrase) or not content_words(AUDIENCE.sub(" ", phrase)):
        return None
    return tidy_title(phrase)
