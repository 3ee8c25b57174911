"""Segments turned into items: one candidate per dated clause, then one item per thing.

A newsletter tells the same thing several times (the principal's letter, the calendar list,
the club's own section). Candidates carry how structured their source is; duplicates fold
into the most structured mention, which keeps its title and gains the others' details.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta

from shared.extraction.dates import (
    ENTRY_LEAD,
    DateMention,
    find_dates,
    find_times,
    next_weekday_on_or_after,
    relative_weekday_dates,
    strip_times,
    weekly_days,
    weekly_rrule,
)
from shared.extraction.rules import (
    Grades,
    action_in,
    activities_in,
    asks_family,
    category_of,
    division_grades,
    grades_in,
    grades_in_cell,
    location_in,
    within_school,
)
from shared.extraction.schema import ExtractedItem, ExtractionContext
from shared.extraction.segments import Segment, latin_share, reads_as_english, sentences_of
from shared.models import PRE_K, ItemAction, ItemCategory

# How much a mention is trusted, by where it stands: a table row or list entry says one
# thing plainly; a section paragraph less so; a letter retells and abbreviates.
_ROW, _LISTED, _SECTION, _LETTER = 3, 2, 1, 0
_BASE_CONFIDENCE = {_ROW: 0.9, _LISTED: 0.85, _SECTION: 0.75, _LETTER: 0.6}

_DUE_CUE = re.compile(
    r"\b(?:by|before|due(?: on| by)?|deadline(?: is)?|no later than|closes?(?: on)?|until)"
    # "by noon on Friday", "by 3 pm, Friday"
    r"(?:\s+(?:noon|midnight|end of day|\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m\.?)?)(?:,|\s+on)?)?"
    r"\s*(?:[a-z]+\.?,?\s*)?$",
    re.I,
)
_NOT_AN_ITEM = re.compile(
    r"\b(?:resumes?|reopens?|re-opens?|back to school|return to school|returns? to class)\b"
    # The day school is open again after a closure is no item: "classes start again on ...".
    r"|\b(?:classes|class|school|students) (?:(?:starts?|begins?) again|are back|is back)\b"
    r"|\bsee (?:you|everyone)(?: all)? (?:on|back)\b|\bwelcome back\b"
    # A rain (or alternate) date is where a thing moves if need be, not a thing of its own.
    r"|\bif it (?:rains|is raining|snows)\b|\b(?:in (?:the )?(?:case|event) of|if there is)\s+"
    r"(?:rain|bad weather|snow)\b|\b(?:rain|weather|alternate|backup|back-up) dates?\b"
    r"|\bif the weather\b",
    re.I,
)
# A sentence that thanks or congratulates looks back: "Thank you for making X (Jan 25-29) ...".
_THANKS = re.compile(
    r"^\W*(?:thank you|thanks|many thanks|a (?:huge|big|special) thank|congratulations|"
    r"kudos|shout-?outs?)\b",
    re.I,
)
# A call for helpers: "We are looking for three parent volunteers", "Volunteers needed".
_VOLUNTEER_CALL = re.compile(
    r"\b(?:looking for|need|needs|needed|seeking|wanted|asking for|recruiting)\b[^.!?]*"
    r"\b(?:volunteers?|helpers|chaperones?|adults|parents?|grown-?ups|drivers)\b"
    r"|\b(?:volunteers?|helpers|chaperones?)\s+(?:needed|wanted)\b",
    re.I,
)
# A day named by reference to a thing already dated: "that morning", "on fair day".
_DAY_REFERENCE = re.compile(
    r"\b(?:that|the same) (?:day|morning|afternoon|evening|night)\b"
    r"|\bfor the (?:day|morning|afternoon|evening|walk|trip|outing)\b"
    r"|\bon (?:the )?(?P<name>[A-Za-z]+)[- ]day\b",
    re.I,
)
# "Please send them with your child": what "them" stands for is named the sentence before.
_PRONOUN_OBJECT = re.compile(
    r"\b(?:send|bring|return|drop off|drop|donate|pack|label|deliver|hand in|sign|fill in|"
    r"fill out|complete)\s+"
    r"(them|it|these|those|one(?=\s+(?:with|to|in|for|along|each|per)\b|\s*[.,;!]|\s*$))\b",
    re.I,
)
_ANTECEDENT = re.compile(
    r"\b(?:collecting|collect|need|needs|needing|looking for|asking for|gathering|accepting|"
    r"saving|requesting|donations? of|hoping for)\s+(?:some\s+|any\s+|your\s+|the\s+)?"
    r"(?P<np>[^.;:!?()]+?)"
    r"(?=\s+(?:for|to|from|by|at|in|on|so|because|that|which|this|before|until)\b|[.;:!?(]|$)",
    re.I,
)
# "every family should have received a student information verification form": the last
# thing named that falls due, for a later "sign it and send it back".
_DUE_THING_NAMED = re.compile(
    r"\b(?:a|an|the|your|their|this|our|each|every)\s+(?P<np>(?:[\w'’-]+\s+){0,4}?"
    r"(?:forms?|slips?|waivers?|agreements?|applications?|surveys?|questionnaires?|"
    r"consents?|envelopes?|logs?|cards?))\b",
    re.I,
)
_VOLUNTEER_WORD = re.compile(r"\bvolunteers?\b|\bhelpers\b|\bchaperones?\b", re.I)
_PICKED_UP = re.compile(r"\b(?:picked|pick)[- ]?up\b", re.I)
_SALE_WORDS = re.compile(
    r"\b(?:fundraiser|fundraising|sale|orders?|order form|drive|campaign|pre-?orders?)\b", re.I
)
_PUBLICATION = re.compile(
    r"\b(?:published|posted|sent home|issued|dated|issue\s+\d+|week of|volume|vol\.|"
    r"(?:flyer|newsletter|bulletin|notice|memo|issue) date)\b",
    re.I,
)
_ISSUE_NAME = re.compile(r"\b(?:news|newsletter|bulletin|memo|notes|update|digest)\b", re.I)
_PARENTHETICAL = re.compile(r"\s*\(([^()]*)\)")
_LABEL_PREFIX = re.compile(r"^\s*(?:when|where|date|time|what|who)\s*:\s*", re.I)
_LEADING_FILLER = re.compile(
    r"^(?:(?:finally|also|and|but|so|plus|next|then|reminder|remember|please note|note|"
    # Discourse openers name nothing: "Please also remember that ...", "Don't forget: ...".
    r"(?:please\s+)?(?:also\s+)?(?:remember|note|keep in mind)(?:\s+that)?|"
    r"(?:a\s+|just\s+a\s+|as\s+a\s+)?(?:friendly\s+|quick\s+)?reminder(?:\s+that)?|"
    r"don['’]t forget(?:\s+that)?|do not forget(?:\s+that)?|mark your calendars?|"
    r"save the date|heads up|good news|important|attention|"
    r"if you (?:can|are able to|would like to|want to) (?:help|volunteer|join(?: us)?)|"
    r"can you help\??)[,:!]?\s+)+",
    re.I,
)
# A notice that opens with one of these has no name of its own.
_DISCOURSE = re.compile(
    r"^\W*(?:please|remember|reminder|note|don['’]t forget|do not forget|mark your calendars?|"
    r"save the date|heads up|good news|important|attention|if you|can you|could you|"
    r"would you|we need|we are|we're|did you know|looking back|new to)\b",
    re.I,
)
# Words that name no thing: a title made only of them is a fragment ("Both nights",
# "During class time", "Anything left after", "Flyer date").
_GENERIC_TEXT = (
    "a an the and or of to for in on at by with from is are be will our your their this that "
    "these those both each every all any anything everything nothing something anyone "
    "everyone left after before during until till class classes time times day days night "
    "nights morning mornings afternoon afternoons evening evenings week weeks date dates "
    "flyer newsletter bulletin issue am pm a m p noon midnight also please remember note "
    "then there it its they them we us you i starting beginning from through to back again "
    "classroom teacher teachers office students families parents child children "
    "monday mondays tuesday tuesdays wednesday wednesdays thursday thursdays friday fridays "
    "saturday saturdays sunday sundays mon tue tues wed thu thur thurs fri sat sun "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec today tomorrow next coming upcoming"
)
_GENERIC_WORDS = frozenset(_GENERIC_TEXT.split())
# The thing an event is: the nearest event noun phrase after "at/for/after the".
_EVENT_NOUN = (
    r"(?:trip|fair|day|night|evening|assembly|concert|club|team|camp|meet|dance|lunch|"
    r"fundraiser|sale|workshop|swap|challenge|tournament|show|festival|clinic|screening|"
    r"lessons?|practices?|tryouts?|party|carnival|breakfast|tea|celebration|walk|game|"
    r"musical|showcase|social|picnic|potluck|drive|program|programme|course|conferences?|"
    r"interviews?|session|parade|ceremony|play|performance|tour|visit|race|run|"
    r"sing-along|exhibit|exhibition|market|auction|gala|clean-?up|outing)"
)
_EVENT_NP = re.compile(
    r"\b(?:at|after|for|before|during|to|from|with)\s+(?:the|our|this year's|this|next week's)\s+"
    rf"(?P<np>(?:[\w'’&/-]+\s+){{0,5}}?{_EVENT_NOUN})\b",
    re.I,
)
# What falls due, named by the verb that asks for it: "Pre-order by ...", "Reply by ...".
_DUE_VERB = re.compile(
    r"^(?:please\s+)?(?:be sure to\s+|remember to\s+|make sure to\s+)?"
    r"(?P<verb>pre-?order|order|register|sign[- ]?up|rsvp|reply|respond|book)\b",
    re.I,
)
# An object handed over: "return the signed permission form to ...", "send $5 ...".
_HAND_OVER = re.compile(
    r"^(?:please\s+)?(?:be sure to\s+|remember to\s+|make sure to\s+)?"
    r"(?:sign and return|fill out and return|complete and return|return|send in|send|submit|"
    r"hand in|turn in|bring in|bring|drop off|pay|complete)\s+(?P<obj>.+)$",
    re.I,
)
# "each child needs a bag of 100 things at school by ...", "logs come back to ... on ...".
_NEEDED_AT_SCHOOL = re.compile(
    r"\b(?:needs?|should bring|must bring|will need)\s+(?P<obj>.+?)\s+"
    r"(?:at|to|in)\s+(?:school|class|the classroom)\b",
    re.I,
)
# "Display boards should come to school by ...": whatever must arrive falls due.
_ARRIVES = re.compile(
    r"^(?P<obj>.+?)\s+(?:should|must|need to|needs to|have to|has to)\s+"
    r"(?:come|be brought|be sent|arrive|be dropped off|be handed in)\s+"
    r"(?:in\s+)?(?:to|at|in)\s+(?:school|class|the school|the classroom|the office)\b",
    re.I,
)
# Where a request starts inside a longer clause: "There are only 16 spots, so please register".
_REQUEST_START = re.compile(
    r"(?:,\s*|\s+[-—–]\s+|\bso\s+|\band\s+|\bthen\s+)(?=(?:please\s+)?(?:pre-?order|order|"
    r"register|sign[- ]?up|rsvp|reply|respond|sign and return|return|send|submit|hand in|"
    r"turn in|bring|drop off|pay)\b)",
    re.I,
)
_COMES_BACK = re.compile(
    r"^(?P<obj>.+?)\s+(?:come|comes|go|goes|are|is|must be|should be|need to be)\s+"
    r"(?:back|returned|handed in|collected|submitted|sent back)\b",
    re.I,
)
_DUE_NOUN = re.compile(
    r"\b(?:forms?|slips?|waivers?|fees?|payments?|deposits?|balances?|tickets?|logs?|"
    r"orders?|pre-?orders?|registrations?|sign-?ups?|rsvps?|books?|stubs?|pledges?|"
    r"agreements?|envelopes?|cheques?|applications?|surveys?|questionnaires?|"
    r"report cards?|consents?)\b",
    re.I,
)
_OBJECT_END = re.compile(
    r"\s+(?:back|to|with|at|by|on|in|through|via|before|no later than|so|because|that|which)\b"
    r"|[,;(]",
    re.I,
)
_PAST_TENSE = re.compile(
    r"\b(?:was|were|had|did|went|came|brought|took|won|ran|sold|gave|made|held|raised|"
    r"ended|finished|collected|cycled|filled|enjoyed|visited|attended|joined|celebrated|"
    r"hosted|performed|competed|participated|completed|wrapped up|welcomed)\b",
    re.I,
)
_DETERMINER = re.compile(r"^(?:our|the|this|this year's|a|an|your|their|all)\s+", re.I)
_SUBJECT_VERB = re.compile(
    # "The track meet is on Friday": a "meet" followed by its verb is the thing, not a verb.
    r"^(?P<subject>.+?)\s+(?:is|are|will|runs?|"
    r"meets?(?!\s+(?:is|are|was|will|takes?|starts?|begins?|runs?|has)\b)|"
    r"takes? place|returns?|starts?|begins?|opens?|"
    r"happens?|kicks? off|continues?|goes|go|has|have|heads?|is held|are held)\b",
    re.I,
)
_DATE_IS = re.compile(r"^\s*(?:is|will be)\s+(?:a|an|the|our)?\s*(?P<np>[^,.;]+)", re.I)
_NP_BREAK = re.compile(r"\b(?:the|for|to|our|a|an|of|at|with|from|in)\s+", re.I)
_AUDIENCE = re.compile(
    r"\b(?:grades?|gr|kinder\w*|students?|classes|class|families|parents|children|kids|"
    r"\d{1,2}(?:st|nd|rd|th)?s?|k|and|&|all|primary|intermediate|incoming|new|our|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|graders?)\b",
    re.I,
)
_STOPWORD_TEXT = (
    "a an the and or of to for in on at by with from is are be will our your their this that "
    "please all we us you it as its into after before during than then so no not per each"
)
_STOPWORDS = frozenset(_STOPWORD_TEXT.split())


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
        if (w not in _STOPWORDS and not w.isdigit()) or (len(w) == 1 and w.isdigit())
    }


_ACTION_VERB = re.compile(
    r"^(?:sign[- ]?up|register|book|order|return|send|submit|pay|apply|complete|fill out|reply)\b",
    re.I,
)
_WEB_ADDRESS = re.compile(
    r"\s*\b(?:at|on|via|through|to)?\s*(?:https?://|www\.)?[\w.-]+\.(?:org|com|ca|net|edu|gov)"
    r"(?:/\S*)?|\s*\b(?:at|to)?\s*[\w.+-]+@[\w.-]+"
    r"|\s*\b(?:on|through|via|at)\s+(?:the|our)\s+(?:[\w-]+\s+){0,2}"
    r"(?:website|web site|portal|page|app|site)\b|\s+online\b",
    re.I,
)


# Words of when, not of what: "Sunny Days Ahead" and "a hat every day" share no subject.
_WHEN_WORDS = frozenset({"day", "week", "month", "every", "daily", "today", "morning", "ahead"})

# "Students will be dismissed early, at noon, that day": an early dismissal on a day named
# in an earlier sentence.
_DISMISSED = re.compile(
    r"\b(?:students|classes|school)\b[^.;!?]{0,30}\b(?:dismissed|dismissal|let out|ends?)\b"
    r"[^.;!?]{0,30}\b(?:early|at noon|at 1[12](?::\d\d)?\s*(?:a\.?m\.?|p\.?m\.?|noon)?)\b"
    r"|\bearly dismissal\b",
    re.I,
)


# "PRO D DAY  We have a Pro D Day on ...": an entry led by its name in capitals.
_SHOUTED_NAME = re.compile(
    r"^((?:[A-Z0-9][A-Z0-9&'’/.-]*\s+){0,7}[A-Z][A-Z0-9&'’/.-]*[A-Z])\s+(?=[A-Z][a-z])"
)


def _english_part(text: str) -> str:
    """A bilingual text's sentences in English (or in the main Latin-script language)."""
    return " ".join(t for t in sentences_of(text) if reads_as_english(t)) or text


def _tidy_title(text: str) -> str:
    text = _LABEL_PREFIX.sub("", text)
    # "Chess Club / 国际象棋社": a bilingual heading keeps its Latin-script half.
    halves = [h for h in re.split(r"\s+/\s+", text) if h.strip()]
    if len(halves) > 1 and any(latin_share(h) > 0.5 for h in halves):
        text = " / ".join(h for h in halves if latin_share(h) > 0.5)
    text = _WEB_ADDRESS.sub("", text)  # "Sign up at school.example.org": where, not what
    text = text.replace("—", "-").replace("–", "-")
    text = re.sub(r"\s+-\s+$|^\s*[-:|,;]\s*|[\s,;:|-]+$", "", text.strip())
    text = re.sub(r"\s{2,}", " ", text).strip(" .,;:!?|@")
    text = re.sub(r"^[^\w($]+\s*", "", text)  # OCR reads bullets and shapes as "@", "©"
    # SHOUTED words read better in title case; short ones are acronyms (RSVP, PAC).
    if sum(1 for w in text.split() if w.isupper() and len(w) > 4) >= 2:
        text = " ".join(w.capitalize() if w.isupper() and len(w) > 4 else w for w in text.split())
    return text[:1].upper() + text[1:] if text else text


def _without_asides(text: str) -> str:
    """Parentheticals dropped unless they name an audience ("(K–2)", "(Grades 3–5)")."""
    return _PARENTHETICAL.sub(lambda m: f" ({m.group(1)})" if grades_in(m.group(1)) else "", text)


def _remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


def _closed(text: str) -> str:
    """The text with what is inside parentheses blanked out (same length), so that a split
    on "," or ";" keeps "(primary at 1:15; intermediate at 6:30)" whole."""
    depth, out = 0, []
    for char in text:
        depth += char == "("
        out.append("_" if depth and char != "(" and char != ")" else char)
        depth -= char == ")" and depth > 0
    return "".join(out)


def _outside_parentheses(text: str, separator: str) -> list[str]:
    closed, parts, start = _closed(text), [], 0
    for index, char in enumerate(closed):
        if char == separator:
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


_TIMED_TAIL = re.compile(r"\b(?:at|@)\s*\d{1,2}(?::\d\d)?\b|\d:\d\d")


def _two_things(part: str) -> list[str]:
    """ "End of Grading Period/High School Early Release at 12:40": two things of one day,
    the second with its own time; "Student Holiday/Professional Development" is one."""
    halves = part.split("/")
    if len(halves) != 2 or not _TIMED_TAIL.search(halves[1]) or _TIMED_TAIL.search(halves[0]):
        return [part]
    if min(len(halves[0].split()), len(halves[1].split())) < 2:
        return [part]
    return halves


def _lead_phrase(text: str) -> str:
    """The name at the start of a list entry or table cell, before its details."""
    text = _without_asides(text)
    first = (sentences_of(text) or [text])[0]  # "Gr. 2/3 library exchange. Please ..."
    head = re.split(r",|;|\.$| - | – | — ", _closed(first), maxsplit=1)[0]
    head = first[: len(head)]
    label = re.search(r":(?!\d)", head)  # "Label: details", not a clock time
    if label:
        before, after = head[: label.start()], head[label.end() :]
        if re.search(r"\d", after) or not after.strip():
            head = before
    return _tidy_title(strip_times(head))


@dataclass(frozen=True)
class DocumentFacts:
    """What the whole document says about itself."""

    anchor: date
    main_title: str
    document_date: date | None = None
    divisions: dict[int, list[int]] = field(default_factory=dict)  # "Div 3" -> [3, 4]


class CandidateBuilder:
    """Candidates from one document's segments."""

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

    # ------------------------------------------------------------------ entry point

    def add(self, segment: Segment) -> None:
        if segment.distractor:
            return
        before = len(self.candidates)
        if segment.kind == "row":
            self._add_row(segment)
        else:
            self._add_text(segment)
        if len(self.candidates) == before and segment.kind != "row":
            self._add_undated(segment)
        self._last_text = segment.text

    # ------------------------------------------------------------------ table rows

    def _add_row(self, segment: Segment) -> None:
        roles = _column_roles(segment)
        cells = dict(zip(roles, segment.cells, strict=False))
        # "Day | Date" columns: "Thu" and "14 Jan" read together.
        date_text = " ".join(c for r, c in zip(roles, segment.cells, strict=False) if r == "date")
        event = cells.get("event", "") or segment.text
        mentions = find_dates(date_text, self.facts.anchor) or find_dates(event, self.facts.anchor)
        if not mentions:
            return
        mention = mentions[0]
        title = _lead_phrase(event) or _tidy_title(event)
        start_time, end_time = (
            find_times(cells.get("time", "")) if "time" in cells else (None, None)
        )
        if start_time is None and "time" not in cells:
            start_time, end_time = find_times(_remove_spans(event, []))
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
            priority=_ROW,
            due_cue=bool(paid or re.search(r"\bdue\b|\bdeadline\b", event, re.I)),
        )

    # ------------------------------------------------------------------ list entries, paragraphs

    def _add_text(self, segment: Segment) -> None:
        if _PUBLICATION.search(segment.text) and len(segment.text) < 160:
            return
        if _ISSUE_NAME.search(segment.text) and len(segment.text.split()) <= 8:
            return  # the issue's own name and week: "Kindergarten News April 23-26"
        mentions = find_dates(segment.text, self.facts.anchor)
        lead = mentions[0] if mentions and mentions[0].start <= 3 else None
        if segment.kind == "listed" and lead is not None:
            self._add_dated_entry(segment, lead)
            return
        notice_title = self._notice_title(segment)
        self._segment_name = notice_title or ""
        self._segment_titles = []
        sentences = sentences_of(segment.text)
        self._previous_sentence = ""
        first = len(self.candidates)
        for position, sentence in enumerate(sentences):
            following = sentences[position + 1] if position + 1 < len(sentences) else ""
            if _THANKS.match(sentence):
                continue
            clauses = _clauses(sentence, self.facts.anchor)
            self._several_clauses = len(clauses) > 1
            self._sentence = sentence
            self._sentence_title = ""
            before = len(self.candidates)
            for clause in clauses:
                if self._add_clause(segment, clause, sentence, following, notice_title):
                    # A notice's cut-off leaves its name for the thing itself: "Costume Swap
                    # - bring costumes by Friday, Oct 16. On Thursday, Oct 22, ...".
                    if self.candidates[-1].category != ItemCategory.DEADLINE:
                        notice_title = None
                    self._sentence_title = self.candidates[-1].title
                    self._segment_titles.append(self._sentence_title)
            self._add_volunteer_call(segment, sentence, self.candidates[before:])
            self._add_early_dismissal(segment, sentence, first)
            self._previous_sentence = sentence

    def _add_volunteer_call(
        self, segment: Segment, sentence: str, own: Sequence[Candidate]
    ) -> None:
        """A call for volunteers dated only by reference to a thing already named: "We are
        looking for three parent volunteers to walk with us that morning", "One-hour shifts on
        fair day" under "We need 30 volunteers!"."""
        # The call may stand above as a heading or as a short line of its own.
        above = self._last_text if len(self._last_text) <= 80 else ""
        topic = segment.heading if segment.heading_role == "topic" else ""
        asking = f"{topic} {above} {sentence}"
        if not _VOLUNTEER_CALL.search(asking) or segment.in_letter:
            return
        reference = _DAY_REFERENCE.search(sentence)
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
        title = _tidy_title(f"{name} {_helpers_named(sentence)} needed")
        self._add_call_for(
            referent,
            title,
            segment,
            sentence,
            priority=min(referent.priority, _SECTION),
            words=content_words(f"{name} volunteers {sentence}"),
        )
        self._segments_by_section.setdefault(segment.section, set()).add(segment.order)

    def _add_flyer_call(self, segment: Segment, sentence: str) -> None:
        """A flyer's undated call for helpers is for the flyer's own event: "We need set-up
        helpers at 5:30 pm" on a movie-night flyer reads "<event> set-up helpers needed"."""
        if find_dates(segment.text, self.facts.anchor) or segment.in_letter:
            return
        main = [
            c
            for c in self.candidates
            if c.title == self.facts.main_title and c.start is not None and c.latin
        ]
        if not main or any(c.category == ItemCategory.VOLUNTEER for c in self.candidates):
            return
        helpers = re.search(
            r"\b(?P<kind>[a-z][\w-]*\s+)?(?P<who>volunteers|helpers|chaperones)\b", sentence, re.I
        )
        kind = (helpers.group("kind") or "").strip() if helpers else ""
        if kind.lower() in ("more", "some", "parent", "adult", "extra", "few", "the", "any", "and"):
            kind = ""
        who = f"{kind} {helpers.group('who').lower()}" if helpers else "volunteers"
        referent = main[0]
        title = _tidy_title(f"{referent.title} {who.strip()} needed")
        self._add_call_for(
            referent,
            title,
            segment,
            sentence,
            priority=_SECTION,
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
            )
        )

    def _add_dated_entry(self, segment: Segment, lead: DateMention) -> None:
        """A list entry led by its date: "Fri, Oct 30 – Halloween costume parade, 9:00 am;
        Halloween Family Dance, 6–8 pm" names two things on that day."""
        after = segment.text[lead.end :]
        prefix = ENTRY_LEAD.match(after)
        lead_times = find_times(prefix.group(0)) if prefix else (None, None)
        body = after[prefix.end() :] if prefix else re.sub(r"^\s*[-–—:|,]\s*", "", after)
        # The first sentence names the thing (or, split by ";", the things); the rest details it.
        sentences = sentences_of(body) or [body]
        rest = " ".join(sentences[1:])
        parts = [p for p in _outside_parentheses(sentences[0], ";") if p.strip()]
        parts = [piece for part in parts for piece in _two_things(part)]
        for part in parts:
            title = _lead_phrase(part)
            if not title and len(parts) == 1 and segment.heading_role == "topic":
                # "Camp registration opens" above "Monday, Feb 22 at 9:00 am at <site>":
                # the entry only says when and where; its heading names the thing.
                title = _tidy_title(_without_asides(segment.heading))
                part = f"{segment.heading} {part}"
            if not title:
                continue
            times = find_times(part)
            if times[0] is None:
                # The rest's time, unless it is a cut-off ("Orders are due by noon").
                cut_off = re.search(r"\b(?:due|by|before|deadline|close)", rest, re.I)
                times = lead_times if lead_times[0] or cut_off else find_times(rest)
            self._emit(
                segment,
                title=title,
                mention=lead,
                clause=part,
                sentence=f"{part} {rest}",
                times=times,
                stated_grades=grades_in(part),
                days=weekly_days(f"{part} {rest}"),
                priority=_LISTED,
                due_cue=False,
            )

        # "Tues. Nov. 3 - Picture retake day. ... this is also the last day to return the
        # signed field trip permission form": a later sentence's cut-off on the same day.
        for sentence in sentences[1:]:
            last_day = re.search(r"\blast day to\s+(?P<act>[^.;!?]+)", sentence, re.I)
            if not last_day or find_dates(sentence, self.facts.anchor):
                continue
            due_title = _canonical_deadline(last_day.group("act"), "", False)
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
                    priority=_LISTED,
                    due_cue=True,
                )

    def _add_early_dismissal(self, segment: Segment, sentence: str, first: int) -> None:
        """ "Parent-Teacher Conferences - Thursday, February 11. Students will be dismissed
        early, at 12:00 pm, that day.": school closes early on the day just named."""
        if not _DISMISSED.search(sentence) or find_dates(sentence, self.facts.anchor):
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
            priority=_LISTED if segment.kind == "listed" else _SECTION,
            due_cue=False,
        )

    def _notice_title(self, segment: Segment) -> str | None:
        """The name a notice starts with: "Winter Food Bank Drive — Monday, ...",
        "Primary Choir (K–2): Tuesdays ..."."""
        match = re.match(r"^(.{3,80}?)(?:\s+[—–-]\s+|:\s+)", segment.text) or _SHOUTED_NAME.match(
            segment.text
        )
        if (
            not match
            or _LABEL_PREFIX.match(segment.text)
            or find_dates(match.group(1), self.facts.anchor)
        ):
            return None
        title = _tidy_title(_without_asides(match.group(1)))
        if _DISCOURSE.match(title) or _generic(title):
            return None  # "Mark your calendars: ...", "Can You Help After the Assembly?"
        if not content_words(_AUDIENCE.sub(" ", title)):
            return None  # "Grade 4 families: ..." addresses readers, it names no thing
        if _FINITE_VERB.search(title):
            return None  # "Hats are required - please ...": a sentence, not a notice's name
        return title if 1 <= len(title.split()) <= 10 else None

    def _resolve_pronoun(self, segment: Segment, clause: str) -> str:
        """ "Please send them with your child" after "We are collecting clean, empty yogurt
        containers" reads "Please send clean, empty yogurt containers with your child"."""
        found = _PRONOUN_OBJECT.search(clause)
        if not found:
            return clause
        # The thing is named earlier in the sentence ("We need egg cartons - please send one")
        # or in the one before.
        antecedent = _ANTECEDENT.search(clause[: found.start()]) or _ANTECEDENT.search(
            self._previous_sentence
        )
        phrase = antecedent.group("np").strip() if antecedent else ""
        if not phrase and found.group(1).lower() == "it":
            named = list(_DUE_THING_NAMED.finditer(self._previous_sentence))
            phrase = named[-1].group("np") if named else ""
        phrase = re.sub(r",(?=\s)", "", phrase)  # "clean, empty egg cartons"
        if not phrase or not 1 <= len(phrase.split()) <= 6:
            heading = segment.heading if segment.heading_role == "topic" else ""
            phrase = _without_asides(heading).strip() if latin_share(heading) > 0.5 else ""
        if not phrase:
            return clause
        return _PRONOUN_OBJECT.sub(lambda m: m.group(0)[: m.start(1) - m.start()] + phrase, clause)

    def _add_clause(
        self,
        segment: Segment,
        clause: str,
        sentence: str,
        following: str,
        notice_title: str | None,
    ) -> bool:
        """Adds the clause's candidate, if it has one; says whether it did."""
        if _NOT_AN_ITEM.search(clause):
            return False
        clause = self._resolve_pronoun(segment, clause)
        mentions = find_dates(clause, self.facts.anchor) or relative_weekday_dates(
            clause, self.facts.anchor
        )
        outside = [m for m in mentions if not _inside_parentheses(clause, m)]
        mentions = outside or mentions
        days = weekly_days(clause)
        if not mentions and not (days and notice_title):
            return False
        mention = mentions[0] if mentions else None
        due_cue = mention is not None and bool(_DUE_CUE.search(clause[: mention.start]))
        spans = [(m.start, m.end) for m in mentions]
        bare = strip_times(_remove_spans(clause, spans))
        priority = (
            _LETTER if segment.in_letter else _LISTED if segment.kind == "listed" else _SECTION
        )
        title, weak = self._clause_title(segment, clause, bare, mention, notice_title, due_cue)
        action_text = sentence
        if re.match(r"^(?:please|students|players|families|parents|children)\b", following, re.I):
            action_text += " " + following
        last = mentions[-1] if len(mentions) > 1 and days else None
        times = find_times(_remove_spans(clause, spans))
        if due_cue and mention is not None:
            # A cut-off's time is the one stated with it ("by noon on Friday", "close ... at
            # 11:59 pm"), not an event's hours mentioned before it.
            cue = _DUE_CUE.search(clause[: mention.start])
            offset = cue.start() if cue else 0
            tail_spans = [(a - offset, b - offset) for a, b in spans if a >= offset]
            times = find_times(_remove_spans(clause[offset:], tail_spans))
        if times[0] is None and following and not find_dates(following, self.facts.anchor):
            # "Wednesday, February 24 is Pink Shirt Day. The assembly is at 9:00 a.m."
            times = find_times(following)
        grades = grades_in(title) or grades_in(clause)
        if grades_in(clause) == [PRE_K]:
            grades = [PRE_K]  # "Incoming Kindergarten families" under "Kindergarten Orientation"
        if grades is None and segment.heading_role == "topic":
            # A notice about one thing says whom it is for anywhere: "Open to Grades 2–7."
            grades = grades_in(_english_part(segment.text))
        return self._emit(
            segment,
            title=title,
            mention=mention,
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
            named = _named_after_date(clause, mention) if self._several_clauses else None
            if named and not due_cue:
                # "Long Weekend: No School — Friday, February 12 is a Pro-D Day and Monday,
                # February 15 is Family Day": each date names its own thing.
                return _tidy_title(f"{named} - {notice_title}"), False
            title = _with_due_phrase(notice_title, clause, mention) if due_cue else notice_title
            return title, False
        subject = _subject(bare)
        heading = _tidy_title(_without_asides(segment.heading))
        if latin_share(heading) <= 0.5 < latin_share(clause):
            heading = ""  # a masthead in another script names no English notice
        topic = segment.heading_role == "topic" and bool(heading)
        call = not due_cue and _VOLUNTEER_CALL.search(self._sentence or clause)
        event = _event_in(clause) if call else None
        if event and not _VOLUNTEER_WORD.search(heading if topic else ""):
            # "We need parents to pour lemonade after the Spring Concert on ...".
            self._titled_sections.add(segment.section)
            return _tidy_title(f"{event} volunteers needed"), False
        asked = f"{self._previous_sentence} {self._sentence}"
        wanted = _helpers_named(asked)
        helper_noun = wanted.split()[-1].rstrip("s")
        if (
            not due_cue
            and _VOLUNTEER_CALL.search(asked)
            and re.search(rf"\b{re.escape(helper_noun)}s?\b", clause, re.I)
        ):
            # "We need 10 parent judges! Judges arrive at 5:00 pm on March 4.": the call.
            name = (_topic_name(heading) if topic else "") or self.facts.main_title
            if name and not _VOLUNTEER_WORD.search(name):
                self._titled_sections.add(segment.section)
                return _tidy_title(f"{name} {wanted} needed"), False
        if topic and segment.section not in self._titled_sections:
            self._titled_sections.add(segment.section)
            helpers = _VOLUNTEER_WORD.search(heading) and not _VOLUNTEER_WORD.search(subject or "")
            if helpers and not due_cue:
                return heading, False  # "Sports Day Helpers": the call, not the event
            if (
                subject
                and content_words(subject) & content_words(heading)
                # "Coders meet ..." under "Coding Club": a subject that adds nothing to the
                # heading is a shorter way of naming it.
                and content_words(subject) - content_words(heading)
                and not due_cue
            ):
                return subject, False
            if not (due_cue and subject and content_words(subject) & content_words(heading)):
                return _with_due_phrase(heading, clause, mention) if due_cue else heading, False
        if due_cue:
            title = self._deadline_title(clause, mention, segment)
            if not content_words(title) and self._sentence_title:
                # "Order pizza for Friday, Feb 26 ... before 8 pm on Sunday, Feb 21".
                return _deadline_of(self._sentence_title, self._sentence), False
            return title, False
        if _PICKED_UP.search(clause):
            return _pick_up_title(heading if topic else "", bare), False
        before = clause[: mention.start] if mention else clause
        if _COMES_BACK.match(_LEADING_FILLER.sub("", before.strip())):
            # "logs come back to the classroom teacher on Friday": a thing falling due.
            canonical = _canonical_deadline(
                before, self._deadline_topic(segment, self._sentence), False
            )
            if canonical:
                return canonical, False
        found = subject or _audience_doing(bare) or _noun_phrase_before(clause, mention)
        weak = not found
        title = found or _tidy_title(" ".join(_without_asides(bare).split()[:8]))
        if _generic(title) or _DISCOURSE.match(title) or (subject and _generic(subject)):
            # "Mondays to Thursdays, 9:00 - 11:30 a.m." names no thing: the line above may.
            title = self._name_above() or ""
            weak = True
        if title and segment.heading_role == "grade" and grades_in(title) is None:
            title = f"{heading} {title[:1].lower()}{title[1:]}"
        if (
            title
            and _VOLUNTEER_CALL.search(self._sentence or clause)
            and not _VOLUNTEER_WORD.search(title)
        ):
            event = _event_in(clause) or _event_in(self._sentence)
            if event:
                return _tidy_title(f"{event} volunteers needed"), False
        return title, weak

    def _name_above(self) -> str:
        """The name a short line just above gives: "StrongStart for ages 0-5 is back!"."""
        if not self._last_text or len(self._last_text) > 100:
            return ""
        last = (sentences_of(self._last_text) or [""])[-1]
        if find_dates(last, self.facts.anchor):
            return ""
        subject = _subject(last)
        return subject if subject and not _generic(subject) else ""

    def _deadline_title(
        self, clause: str, mention: DateMention | None, segment: Segment | None = None
    ) -> str:
        topic = ""
        if segment is not None and segment.heading_role == "topic":
            topic = _tidy_title(_without_asides(segment.heading))
            if latin_share(topic) <= 0.5 or not content_words(_AUDIENCE.sub(" ", topic)):
                topic = ""
        before = clause[: mention.start] if mention else clause
        before = _LEADING_FILLER.sub("", _without_asides(before).strip())
        before = re.sub(r"^[^\w]*(?:please\s+)?", "", before, flags=re.I)
        due = re.match(r"^(?P<what>.+?)\s+(?:is|are)\s+(?:due|payable)\b", before, re.I)
        returned = re.match(r"^(?P<what>.+?)\s+(?:must|should|need to) be\s+\w+", before, re.I)
        closes = re.match(r"^(?P<what>.+?\s+(?:close|closes|closing))\b", before, re.I)
        if due or returned:
            found = due or returned
            assert found is not None
            # "Tickets are $40 per student and must be paid": the thing is "Tickets".
            what = re.split(r"\s+(?:is|are)\s+", found.group("what"), maxsplit=1)[0]
            what = _DETERMINER.sub("", what)
            named = content_words(re.sub(r"\$\s?\d+(?:\.\d\d)?", " ", what))
            if topic and len(named) <= 1 and not named & content_words(topic):
                what = f"{topic} {what[:1].lower()}{what[1:]}"  # "Grade 8 Farewell tickets"
            return _tidy_title(what + " due")
        if closes:
            return _tidy_title(closes.group("what"))
        if re.match(r"^rsvp\b", before, re.I):
            event = topic or self.facts.main_title
            return _tidy_title(f"RSVP for {event}" if event else "RSVP")
        topic_name = self._deadline_topic(segment, self._sentence)
        tails = [before[m.end() :] for m in _REQUEST_START.finditer(before)]
        for tail in (before, *tails):
            canonical = _canonical_deadline(tail, topic_name, self._volunteering())
            if canonical:
                return canonical
        request = _request_title(
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
        title = _tidy_title(" ".join(strip_times(cut).split()[:9]))
        # "Sign up on the PAC website" under "Spring Carnival Volunteers": say what for.
        verb = _ACTION_VERB.match(title)
        bare = verb is not None and len(content_words(title)) <= 2
        if verb and topic and bare and not content_words(title) & content_words(topic):
            return _tidy_title(f"{topic} {verb.group(0).lower()}")
        return title

    def _volunteering(self) -> bool:
        """The sentence, or the one before, asks for helpers."""
        return bool(
            _VOLUNTEER_CALL.search(f"{self._previous_sentence} {self._sentence}")
            or re.search(r"\bif you can help\b|\bcan you help\b", self._sentence, re.I)
        )

    def _deadline_topic(self, segment: Segment | None, sentence: str) -> str:
        """What a thing falling due belongs to: the event the sentence names, else the
        notice's or section's name, else the thing named just before, else the flyer's."""
        options = [_event_in(sentence) or "", _topic_name(self._segment_name)]
        if segment is not None and segment.heading_role == "topic":
            heading = segment.heading if latin_share(segment.heading) > 0.5 else ""
            options.append(_topic_name(heading))
        options += [
            _topic_name(t)
            for t in reversed(self._segment_titles)
            if not re.search(r"\b(?:due|deadline|closes?|rsvp)\b", t, re.I)
        ]
        if any(c.title == self.facts.main_title for c in self.candidates):
            options.append(_topic_name(self.facts.main_title))  # a flyer's own event
        return next((o for o in options if o), "")

    # ------------------------------------------------------------------ undated notices

    def _add_undated(self, segment: Segment) -> None:
        """A titled notice that asks something of families but names no date; or the time
        of the date just before ("Saturday, December 5" then "11 a.m.–3 p.m. | gym")."""
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
        request = _request_title(segment.text)
        if request and (not notice_title or not _ACTION_VERB_TITLE.match(notice_title)):
            # "Sunny Days Ahead — please send a hat ...": the request names the item, unless
            # the notice's own name is about what is asked ("Warm Clothes for Outdoor Recess -
            # ... please send a warm coat").
            shared = content_words(notice_title or "") & content_words(request)
            if notice_title is None or not shared - _WHEN_WORDS:
                notice_title = request
            else:
                request = notice_title
        # "Please bring a snack to share" under an event's own section belongs to that event.
        previous = next(
            (c for c in reversed(self.candidates) if c.order[0] < segment.order),
            None,
        )
        belongs = (
            previous is not None
            and previous.category == ItemCategory.EVENT
            and self._same_section(previous, segment)
        )
        # A list entry's name, or a paragraph's own request ("One everyday request: ...
        # please send a pair of indoor shoes"), is an undated item.
        if notice_title and (segment.kind == "listed" or (notice_title == request and not belongs)):
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
                    priority=_LISTED,
                    order=(segment.order, 0),
                    details=segment.text[:2000],
                    latin=reads_as_english(segment.text),
                    words=content_words(segment.text),
                    title_words=content_words(notice_title),
                )
            )
            return
        if previous is not None and belongs:
            previous.action_required = True
            previous.action = previous.action or action

    def _same_section(self, candidate: Candidate, segment: Segment) -> bool:
        return candidate.order[0] in self._segments_by_section.get(segment.section, set())

    # ------------------------------------------------------------------ one candidate

    def _grades(self, segment: Segment, stated: Grades | None, text: str = "") -> Grades | None:
        offered = self.context.grades_offered
        if stated is None and self.facts.divisions:
            stated = division_grades(text, self.facts.divisions)
        return within_school(stated, offered) or within_school(segment.heading_grades, offered)

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
            " | ".join(segment.cells) if segment.kind == "row" else _english_part(segment.text)
        )
        if segment.in_letter:
            paragraph = sentence
        required, action = asks_family(
            category,
            title,
            sentence,
            paragraph,
            has_date=lambda text: bool(find_dates(text, self.facts.anchor)),
        )
        if mention and mention.year_given and mention.value == self.facts.document_date:
            return False  # the dateline: the issue's own date, written in full
        if start is not None and start <= self.facts.anchor and _PAST_TENSE.search(clause):
            return False  # a recap: "140 students cycled in for Bike to School Week (May 25-28)"
        if _generic(title):
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
                    segment, stated_grades, " ".join((title, clause, *segment.cells))
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
            )
        )
        return True


def _column_roles(segment: Segment) -> list[str]:
    """What each table column holds, from its header or, failing that, its contents."""
    roles = []
    for index, cell in enumerate(segment.cells):
        name = segment.header[index] if index < len(segment.header) else ""
        if re.search(r"date|when|day", name):
            roles.append("date")
        elif re.search(r"grade|who|for|audience", name):
            roles.append("grades")
        elif re.search(r"time", name):
            roles.append("time")
        elif re.search(r"event|what|activity|item|description|details", name):
            roles.append("event")
        elif not name and find_dates(cell, date(2000, 1, 1)) and "date" not in roles:
            roles.append("date")
        elif (
            not name
            and re.fullmatch(r"[\d:\s–—-]+(?:[ap]\.?m\.?)?.*", cell)
            and "time" not in roles
        ):
            roles.append("time")
        elif "event" not in roles:
            roles.append("event")
        else:
            roles.append(f"other{index}")
    return roles


def _inside_parentheses(text: str, mention: DateMention) -> bool:
    return text.rfind("(", 0, mention.start) > text.rfind(")", 0, mention.start)


def _clauses(sentence: str, anchor: date) -> list[str]:
    """A sentence split where it moves from one dated thing to another."""
    clauses = []
    for part in sentence.split(";"):
        mentions = [m for m in find_dates(part, anchor) if not _inside_parentheses(part, m)]
        if len(mentions) < 2 or weekly_days(part):
            clauses.append(part)
            continue
        start = 0
        for previous, current in itertools.pairwise(mentions):
            between = part[previous.end : current.start]
            joint = list(re.finditer(r",\s*(?:and|so|while|but|then)\s+|\s+and\s+|\.\s+", between))
            # "Order pizza for Friday, Feb 26 ... before 8:00 pm on Sunday, Feb 21": the thing
            # and its cut-off are two dated things.
            cut_off = list(re.finditer(r"\s+(?=(?:before|by|no later than|due)\b)", between, re.I))
            if joint:
                cut = previous.end + joint[-1].start()
                clauses.append(part[start:cut])
                start = previous.end + joint[-1].end()
            elif cut_off and not previous.end_value:
                cut = previous.end + cut_off[-1].start()
                clauses.append(part[start:cut])
                start = previous.end + cut_off[-1].end()
        clauses.append(part[start:])
    return [c.strip() for c in clauses if c.strip()]


_DUE_THING = re.compile(
    r"\b((?:[\w-]+\s+)?(?:orders?|forms?|slips?|fees?|payments?|registration|sign[- ]?ups?|"
    r"deposits?|pledges?|rsvps?|tickets?|stubs?))\s+(?:are\s+|is\s+)?(?:due|close[sd]?)\b"
    r"|\b(sign[- ]?up|register|order|pre-?register|rsvp|book|apply)\b",
    re.I,
)


def _with_due_phrase(name: str, clause: str, mention: DateMention | None) -> str:
    """A notice's name with what falls due: "Poinsettias" + "orders due Wednesday, Nov. 25"
    reads "Poinsettias orders due"; "Volunteers Needed" + "Sign up by Fri." reads
    "Volunteers Needed sign up"."""
    before = clause[: mention.start] if mention else clause
    found = _DUE_THING.search(before)
    if not found:
        return name
    if found.group(1):
        thing = found.group(1).lower()
        if content_words(thing) <= content_words(name):
            return name
        return _tidy_title(f"{name} {thing} due")
    if re.match(r"order\b", found.group(2), re.I):
        # "Pre-order by Monday" under "Pizza & popcorn combos: $6": pre-orders fall due.
        pre = "pre-" if re.search(r"\bpre-?\s*$", before[: found.start(2)], re.I) else ""
        return _tidy_title(f"{_topic_name(name) or name} {pre}orders due")
    return _tidy_title(f"{name} {found.group(2).lower()}")


def _subject(bare: str) -> str | None:
    text = _LEADING_FILLER.sub("", _without_asides(bare).strip())
    date_is = _DATE_IS.match(text)
    if date_is:
        return _tidy_title(date_is.group("np"))
    if re.match(r"^there (?:is|will be) no school\b", text, re.I):
        reason = re.search(r"\bfor\s+([A-Z][\w' -]+)", text)
        return _tidy_title(f"No school - {reason.group(1)}" if reason else "No school")
    match = _SUBJECT_VERB.match(text)
    if not match:
        return None
    # "After two busy weeks of concerts, Spring Break runs ...": the subject follows the comma.
    subject = _DETERMINER.sub("", match.group("subject").rsplit(",", 1)[-1].strip(" ,"))
    words = subject.split()
    if not 1 <= len(words) <= 8 or re.search(r"\b(?:we|you|i|they|it|there)\b", subject, re.I):
        return None
    if not content_words(_AUDIENCE.sub(" ", subject)):
        return None  # "Our kindergarteners are heading to ...": who goes, not what happens
    return _tidy_title(subject)


def _named_after_date(clause: str, mention: DateMention | None) -> str | None:
    """What a date is said to be: "Friday, February 12 is a Pro-D Day" gives "Pro-D Day"."""
    if mention is None:
        return None
    found = re.match(
        r"^\s*,?\s*(?:is|will be)\s+(?:a|an|the|our)?\s*(?P<np>[^,.;]+?)"
        r"(?=\s+(?:and|but|so|for|when)\b|[,.;!]|$)",
        clause[mention.end :],
        re.I,
    )
    if not found or not 1 <= len(found.group("np").split()) <= 6:
        return None
    return _tidy_title(found.group("np"))


def _deadline_of(name: str, clause: str) -> str:
    """The cut-off of a thing just named: "Pizza Lunch Orders" gives "Pizza Lunch Orders
    deadline"; "Pizza Lunch" ordered "before 8 pm on Sunday" gives "Pizza Lunch orders
    deadline"."""
    name = re.sub(r"\s*\(.*$", "", name).strip()
    thing = ""
    if re.search(r"\border", clause, re.I) and not re.search(r"\border", name, re.I):
        thing = " orders"
    return _tidy_title(f"{name}{thing} deadline")


def _pick_up_title(heading: str, bare: str) -> str:
    """ "Plants can be picked up on Thursday" under "Poinsettia Fundraiser" reads
    "Poinsettia pick-up"; with no heading, what is picked up names it."""
    name = " ".join(_SALE_WORDS.sub(" ", heading).split())
    if not content_words(name):
        text = _LEADING_FILLER.sub("", _without_asides(bare).strip())
        passive = re.match(
            r"^(?P<np>.+?)\s+(?:can|will|may|must|should|are to)\s+be\s+picked\s+up\b", text, re.I
        )
        active = re.search(
            r"\bpick[- ]?up\s+(?:your|the|their|all)?\s*(?P<np>[^,.;]+?)"
            r"(?=\s+(?:at|from|in|on|between|after|before|by)\b|[,.;]|$)",
            text,
            re.I,
        )
        found = passive or active
        name = _DETERMINER.sub("", found.group("np").strip()) if found else ""
        if not 1 <= len(name.split()) <= 5:
            name = ""
    return _tidy_title(f"{name} pick-up") if name else "Pick-up"


def _audience_doing(bare: str) -> str | None:
    """A sentence whose subject is only its audience names the thing by what they do:
    "Our kindergarten classes will walk to Lakeport Fire Hall No. 3 on ..." gives
    "Kindergarten classes walk to Lakeport Fire Hall No. 3"."""
    text = _LEADING_FILLER.sub("", _without_asides(bare).strip())
    match = _SUBJECT_VERB.match(text)
    if not match:
        return None
    subject = _DETERMINER.sub("", match.group("subject").rsplit(",", 1)[-1].strip(" ,"))
    if content_words(_AUDIENCE.sub(" ", subject)) or not 1 <= len(subject.split()) <= 6:
        return None
    if re.search(r"\b(?:we|you|i|they|it|there)\b", subject, re.I):
        return None
    rest = text[match.end("subject") :]
    rest = re.split(
        r"[,;:!?]|\s{2,}|\.(?:\s|$)|\s+(?:on|from|this|next|by|during|starting|beginning|until)\b",
        rest,
        maxsplit=1,
    )[0]
    rest = re.sub(r"^\s*(?:will|are|is|shall)\s+(?:be\s+)?", " ", rest, flags=re.I).strip()
    if not content_words(_AUDIENCE.sub(" ", rest)) or len(f"{subject} {rest}".split()) > 12:
        return None
    return _tidy_title(f"{subject} {rest}")


def _noun_phrase_before(clause: str, mention: DateMention | None) -> str | None:
    """The last noun phrase before the date: "... for the pumpkin patch field trip on
    Tuesday, October 20" gives "pumpkin patch field trip"."""
    if mention is None:
        return None
    before = re.sub(
        r"\s+(?:on\s+)?(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s*$",
        "",
        clause[: mention.start].rstrip(" ,"),
        flags=re.I,
    )
    before = re.sub(r"\s+(?:on|is|are|will be|starting|from)\s*$", "", before)
    breaks = list(_NP_BREAK.finditer(before))
    phrase = before[breaks[-1].end() :] if breaks else before
    words = phrase.split()
    if not 1 <= len(words) <= 6:
        return None
    return _tidy_title(phrase)


_FINITE_VERB = re.compile(r"\b(?:is|are|must|should|will|was|were)\s+\w", re.I)
_ACTION_VERB_TITLE = re.compile(
    r"^(?:send|bring|label|pack|wear|return|pick up|sign|register|order|book|pay|complete)\b",
    re.I,
)
_REQUEST = re.compile(r"\bplease\s+(?P<act>(?:send|bring|pack|label)\s+[^.;!?]+)", re.I)


def _request_title(text: str) -> str:
    """An undated request as its own title: "please send a pair of indoor shoes (labelled
    ...) that can stay at school" gives "Send a pair of indoor shoes"."""
    found = _REQUEST.search(_english_part(text))
    if not found:
        return ""
    act = _without_asides(found.group("act"))
    act = re.sub(r"\s+(?:with|for)\s+(?:your|their|each)\s+(?:child|children|kids?)\b", "", act)
    act = re.split(r"\s+(?:that|which|so|because|if|when)\b|,", act, maxsplit=1)[0]
    words = act.split()
    # "please bring your own": an object of pronouns alone names no thing to ask for.
    named = [w for w in re.findall(r"[^\W\d_]+", act.lower())[1:] if w not in _PRONOUN_WORDS]
    if not [w for w in named if w not in _GENERIC_WORDS]:
        return ""
    return _tidy_title(act) if 2 <= len(words) <= 12 else ""


_PRONOUN_TEXT = "own one ones some any extra spare more another yours mine"
_PRONOUN_WORDS = frozenset(_PRONOUN_TEXT.split())


_KIND_OF_HELPER = re.compile(
    r"\b(?:parent|adult|grown-?up|family)\s+(?P<who>(?!volunteers|helpers)[a-z]+(?:ers|ors|ones|s))\b",
    re.I,
)


def _helpers_named(sentence: str) -> str:
    """The helpers a call asks for: "six parent walkers" gives "parent walkers"; plain
    "volunteers" otherwise."""
    found = _KIND_OF_HELPER.search(sentence)
    if found and found.group("who").lower() not in ("parents", "families", "adults", "others"):
        return found.group(0).lower()
    return "volunteers"


def _generic(title: str) -> bool:
    """A title made only of words that name no thing: a time, a weekday, "Both nights"."""
    words = re.findall(r"[^\W\d_]+", title.lower())
    return not [w for w in words if w not in _GENERIC_WORDS]


def _event_in(text: str) -> str | None:
    """The nearest event named in a sentence: "... after the Vaisakhi assembly on ..."."""
    found = _EVENT_NP.search(_without_asides(text))
    if not found:
        return None
    name = _DETERMINER.sub("", found.group("np").strip())
    return _tidy_title(name) if not _generic(name) else None


def _topic_name(text: str) -> str:
    """A heading or notice name as the topic of what falls due: no audience, no price."""
    text = _PARENTHETICAL.sub(" ", text)
    text = re.sub(r"\s*:\s*(?:\$|\d).*$|\$\s?\d+(?:\.\d\d)?", " ", text)
    text = re.sub(
        r"\b(?:volunteers?|helpers|chaperones?)(?:\s+(?:needed|wanted))?\b", " ", text, flags=re.I
    )
    text = _tidy_title(" ".join(text.split()))
    if _DISCOURSE.match(text) or _generic(text) or not content_words(_AUDIENCE.sub(" ", text)):
        return ""
    return text


def _thing(obj: str) -> str:
    """An object handed over, without its articles and adjectives: "the signed permission
    form" gives "permission form"."""
    obj = _OBJECT_END.split(_without_asides(obj), maxsplit=1)[0]
    obj = re.sub(
        r"^(?:(?:the|a|an|your|their|his|her|our|child's|child’s|signed|completed|"
        r"filled-out|filled out|any|all|each|every|one|exactly)\s+)+",
        "",
        obj.strip(),
        flags=re.I,
    )
    words = obj.split()
    return " ".join(words) if 1 <= len(words) <= 8 else ""


def _join_topic(topic: str, thing: str) -> str:
    if not topic or content_words(thing) & content_words(topic):
        return thing
    return f"{topic} {thing[:1].lower()}{thing[1:]}"


def _canonical_deadline(before: str, topic: str, volunteering: bool) -> str | None:
    """What falls due, titled the way people write it: "<topic> <thing> due",
    "<topic> orders due", "<topic> registration closes", "RSVP for <topic>"."""
    before = _LEADING_FILLER.sub("", _without_asides(before).strip())
    before = re.sub(r"^[^\w$]*", "", before)
    verb = _DUE_VERB.match(before)
    if verb:
        word = re.sub(r"[- ]", "", verb.group("verb").lower())
        if word == "book":
            return None
        if word == "rsvp":
            return _tidy_title(f"RSVP for {topic}" if topic else "RSVP")
        suffix = {
            "preorder": "pre-orders due",
            "order": "orders due",
            "register": "registration closes",
            "signup": "sign-up deadline",
            "reply": "reply deadline",
            "respond": "reply deadline",
        }[word]
        if volunteering and word in ("signup", "register", "reply", "respond"):
            suffix = "volunteer " + (
                "reply deadline" if word in ("reply", "respond") else "sign-up deadline"
            )
        return _tidy_title(f"{topic} {suffix}" if topic else suffix)
    handed = _HAND_OVER.match(before)
    needed = _NEEDED_AT_SCHOOL.search(before)
    back = _COMES_BACK.match(before)
    arrives = _ARRIVES.match(before)
    if arrives and not handed:
        thing = _thing(_DETERMINER.sub("", arrives.group("obj").strip()))
        return _tidy_title(f"{_join_topic(topic, thing)} due") if thing else None
    if handed:
        thing = _thing(handed.group("obj"))
        if thing and not re.search(r"[^\W\d_]", thing):
            thing = "payment"  # "pay $22"
        elif not _DUE_NOUN.search(thing):
            return None  # "Send an empty shoebox": the request itself is the title
    elif needed:
        return (
            _tidy_title(f"{_thing(needed.group('obj'))} due")
            if _thing(needed.group("obj"))
            else None
        )
    elif back:
        thing = _thing(_DETERMINER.sub("", back.group("obj").strip()))
        if not _DUE_NOUN.search(thing):
            return None
    else:
        return None
    if not thing or _generic(thing):
        return None
    return _tidy_title(f"{_join_topic(topic, thing)} due")


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
    if kept.start != other.start or kept.start is None or kept.priority <= other.priority:
        return 0.0
    if kept.end and other.end and kept.end != other.end:
        return 0.0
    if kept.start_time and other.start_time and kept.start_time != other.start_time:
        return 0.0
    # A letter's wording says little about the kind of item; a section's says more.
    if other.priority != _LETTER and _COMPATIBLE[kept.category] != _COMPATIBLE[other.category]:
        return 0.0
    similarity = _similarity(kept, other)
    if kept.category == other.category == ItemCategory.DEADLINE:
        # Two cut-offs on one day about the same paper ("forms due" and "return the form").
        shared = (kept.title_words & other.title_words) - {"due", "deadli", "close"}
        if shared:
            return max(similarity, 0.5)
    return similarity


def _fold(kept: Candidate, other: Candidate) -> None:
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
            _fold(best[1], candidate)
        else:
            kept.append(replace(candidate, words=set(candidate.words)))
    return sorted(kept, key=lambda c: c.order)


def to_items(candidates: Sequence[Candidate], anchor: date) -> list[ExtractedItem]:
    """The final items: future or current things only, in document order, with confidence."""
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
        confidence = _BASE_CONFIDENCE[c.priority] + 0.05 * min(c.corroborations, 2)
        if c.grades is None:
            confidence -= 0.15
        if c.weak_title:
            confidence -= 0.15
        if c.start is None:
            confidence -= 0.1
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
            )
        )
    return items
