"""Word rules for one item's fields: category, action, location (audience: `audience`).

The lexicons are general knowledge about school newsletters, never about one school: the
school's own activity catalogue comes from the extraction context.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from shared.extraction.languages import action_in_language, category_in, in_other_language
from shared.extraction.lexicon import GENERIC_WORDS, HELPER_WORD, PARENTHETICAL
from shared.models import ItemAction, ItemCategory

# --------------------------------------------------------------------------- category

_CLOSURE = re.compile(
    r"\bno school\b|\bschool (?:is )?closed\b|\bclosed\b|"
    r"\b(?:spring|winter|summer|fall|mid-?winter|"
    r"christmas|holiday|reading|march|easter) break\b|\bpro[- ]?d\b|"
    r"\bprofessional development day\b|"
    r"\b(?:spring|winter|fall|summer|thanksgiving|mid-?winter|february|april) recess\b|"
    # A holiday named as such, not a holiday shop or concert: "Lunar New Year holiday".
    r"\bholidays?(?=\s*(?:$|[(/-]|for\b|begins\b|starts\b))|"
    r"\bnon-instructional\b|\bearly dismissal\b|\bstat(?:utory)? holiday\b|\bschool closure\b|"
    # Public holidays close schools.
    r"\bthanksgiving\b|\beaster monday\b|\bgood friday\b|\bfamily day\b|\bremembrance day\b|"
    r"\bvictoria day\b|\blabou?r day\b|\bcanada day\b|\bchristmas day\b|\bboxing day\b|"
    r"\bnew year'?s day\b|\btruth and reconciliation day\b|\bmemorial day\b|\bpresidents'? day\b"
    # A day without classes, by what the staff do or what the school calls it.
    r"|\b(?:student|district|school|public|bank|national|state|civic) holidays?\b"
    r"|\b(?:school|spring|winter|summer|february|april|mid-?term) vacation\b|\bno classes\b"
    r"|\bearly release\b|\bminimum days?\b|\bhalf[- ]day\b|\bnot in session\b|\bdismissal days?\b"
    r"|\b(?:teacher|staff) (?:work|planning|exchange) days?\b|\bstaff development\b"
    r"|\bprofessional (?:development|learning)\b|\bpd day\b|\b(?:pupil|student)[- ]?free\b",
    re.I,
)
_DEADLINE = re.compile(
    r"\bdue\b|\bdeadline\b|\blast day to\b|\bclos(?:e|es|ing)\b|\brsvp\b|\bsubmit\b|\bapply by\b"
    r"|\b(?:sales|orders|sign-?ups?) end\b",
    re.I,
)
_VOLUNTEER = re.compile(
    r"\bvolunteer|\bchaperones?\b|\bhelpers? (?:needed|wanted)\b"
    # A notice headed "Track Meet Helpers" asks for helpers.
    r"|\b(?:parent |adult )?helpers\s*!?$"
    # "Art Show parent hosts needed", "parent drivers wanted".
    r"|\b(?:parent|adult|family) [a-z]+s (?:needed|wanted)\b",
    re.I,
)
_FUNDRAISER = re.compile(
    r"\bfundrais|\bbake (?:sale|table)\b|"
    r"\b(?:food|book|clothing|toy|coat|bottle) drive\b|\bdrive\b|"
    r"\braffle\b|"
    r"\bwalk-?a-?thon\b|\bread-?a-?thon\b|\bfun run\b|\bsale\b|\bauction\b|"
    r"\bplant sale\b|\bgala\b|\bsilent auction\b|\bdonations?\b"
    # Sales and sponsored challenges that raise money for the school.
    r"|\b\w+-a-thon\b|\bbook fair\b|\bspirit night\b"
    r"|\bbenefit\b|\bpledges?\b",
    re.I,
)
_MEETING = re.compile(
    r"\bmeetings?\b|\bconferences?\b|\binterviews?\b|\bcourse selection\b|"
    r"\binfo(?:rmation)? (?:night|session|evening|morning)\b|"
    # "Coffee chat with the Head", "Parent coffee morning": a meeting with the school.
    r"\bcoffee (?:with|morning|chat)\b|\bparent coffee\b|"
    r"\bcurriculum night\b|\bparent night\b|\bagm\b|\btown hall\b|"
    r"\bcouncil\b|\bworkshops? for (?:parents|families)\b|\bparent (?:workshop|education)\b|"
    r"\borientation\b|\bwelcome (?:night|evening)\b|\btransition (?:night|evening|meeting)\b|"
    r"\binformation evening\b|"
    # "Screen time talk for parents": a session for the adults.
    r"\b(?:evening|night|session|talk|presentation) for (?:parents|families)\b",
    re.I,
)
_PICK_UP = re.compile(r"\bpick[- ]?up\b", re.I)
_OPENS = re.compile(r"\bopens?\b|\bnow open\b|\bbegins\b", re.I)
_REGISTRATION = re.compile(
    r"\bregistration\b|\benrol|\bbookings?\b|\bsign-?ups?\b|\borders?\b|\bapplications?\b", re.I
)


# A change of the school's state that no one attends: a day made a school day, reports
# going home, a list posted, a term beginning.
_STATUS = re.compile(
    r"\bregular (?:school )?day\b"
    r"|\b(?:is|are|be|becomes?|now|full)\s+(?:a\s+)?(?:full\s+)?school days?\b|^school days?$"
    r"|\b(?:go(?:es)?|sent|comes?) home\b|\bposted\b|\bgrading period\b"
    r"|\b(?:semester|term|quarter|trimester)\s+(?:\d\s+)?(?:begins|starts|ends)\b"
    r"|\bstays? open\b|\bcancell?ed\b|\breport cards?\b(?!\s+(?:night|conference))"
    r"|\bend of (?:the )?(?:\w+ )?(?:nine weeks|grading period|quarter|term|semester)\b"
    r"|\b(?:possible|make-?up) snow days?\b",
    re.I,
)
# A holiday's name in an event's title ("Canada Day picnic") does not close school.
_GATHERING = re.compile(
    r"\b(?:assembly|ceremony|concert|celebration|party|parade|service|lunch|breakfast|"
    r"dinner|potluck|dance|fair|performance|feast|craft|spirit day|dress[- ]up)\b",
    re.I,
)
_SHUT = re.compile(r"\bno school\b|\bclosed\b|\bclosure\b|\bbreak\b|\bpro[- ]?d\b", re.I)


def _closes(title: str) -> bool:
    if not _CLOSURE.search(title) or _DEADLINE.search(title):
        return False
    return not _GATHERING.search(title) or bool(_SHUT.search(title))


_ORDERS = re.compile(r"\borders?\b", re.I)
# Money raised for the school: what makes a sale or an order form a fundraiser.
_RAISES = re.compile(
    r"\bfundrais|\bsale\b|\bprofits?\b|\bproceeds\b|\bmoney raised\b|\braises? money\b", re.I
)
_UNIT_PRICE = re.compile(
    r"\$\s?\d+(?:\.\d\d)?\s*(?:each|apiece|per (?:item|box|pie|plant|bag))\b", re.I
)


def category_of(title: str, clause: str, *, due_date_cue: bool, dated: bool) -> ItemCategory:
    """The kind of item, from its title first and the sentence it came from second.

    `due_date_cue` says the item's date is a cut-off ("by Monday, <date>").
    """
    if _REGISTRATION.search(title) and _OPENS.search(clause):
        # "Winter Break camp registration opens": the sign-up opening, whatever it is for.
        return ItemCategory.ANNOUNCEMENT
    if _closes(title):
        return ItemCategory.CLOSURE
    if _LOST_FOUND.search(title):
        return ItemCategory.ANNOUNCEMENT  # "Lost property table": a reminder to look
    if _ORDERS.search(title) and (
        _UNIT_PRICE.search(clause) or _RAISES.search(f"{title} {clause}")
    ):
        return ItemCategory.FUNDRAISER  # "Poinsettias: $15 each — orders due": a sale
    if _DEADLINE.search(title):
        return ItemCategory.DEADLINE
    if _PICK_UP.search(title):
        return ItemCategory.EVENT
    if _VOLUNTEER.search(title):
        # Helpers for a fair or sale are asked to volunteer, by a sign-up deadline if dated so.
        return ItemCategory.DEADLINE if due_date_cue else ItemCategory.VOLUNTEER
    if _FUNDRAISER.search(title):
        return ItemCategory.FUNDRAISER
    if due_date_cue:
        return ItemCategory.DEADLINE
    if _STATUS.search(title):
        return ItemCategory.ANNOUNCEMENT
    if _MEETING.search(title):
        return ItemCategory.MEETING
    if _CLOSURE.search(PARENTHETICAL.sub(" ", clause)) and not _GATHERING.search(title):
        return ItemCategory.CLOSURE
    if _VOLUNTEER.search(clause) and re.search(r"\bneed|\bhelp\b", clause, re.I):
        return ItemCategory.VOLUNTEER
    if dated and _RAISES.search(clause):
        return ItemCategory.FUNDRAISER  # "every dollar supports the Grade 6 camp"
    if in_other_language(title):
        native = category_in(f"{title} {clause}")
        if native is not None:
            return native
    return ItemCategory.EVENT if dated else ItemCategory.ANNOUNCEMENT


# --------------------------------------------------------------------------- action

# A request that something is not needed is no request.
_NEGATED = re.compile(
    r"\bno (?:sign[- ]?up|registration|audition|need|cost|charge|rsvp)\b[^.;!]*"
    r"|\bnot (?:required|needed)\b"
    r"|\b(?:nothing|no need) to\b[^.;!]*",
    re.I,
)
_ACTIONS: tuple[tuple[ItemAction, re.Pattern[str]], ...] = (
    (
        ItemAction.SIGN,
        re.compile(
            r"\bsigned\b|\bsign (?:the|and|a|your)\b|\bpermission (?:slip|form)s?\b|\bconsent form"
            # "please complete the online survey", "please fill out the health form"
            r"|\bplease (?:complete|fill (?:in|out)) (?:the|your|this|an?|our)\b",
            re.I,
        ),
    ),
    (
        ItemAction.PAY,
        re.compile(
            r"\bpay\b|\bpayment\b|\$\s?\d|\bfees?\b|\bschoolcash\b"
            r"|\border\b(?! forms?)|\borders close\b",
            re.I,
        ),
    ),
    (
        ItemAction.REGISTER,
        re.compile(
            r"\bregist(?:er|ration)\b|\bsign[- ]?up\b|\benrol|\bbook (?:a|your|an|online)\b"
            r"|\bapply\b",
            re.I,
        ),
    ),
    (ItemAction.RSVP, re.compile(r"\brsvp\b|\blet us know if\b|\breply\b", re.I)),
    (
        ItemAction.VOLUNTEER,
        re.compile(r"\bvolunteers? (?:needed|wanted)\b|\bwe need \d+|\bif you can help\b", re.I),
    ),
    (
        ItemAction.BRING,
        re.compile(
            r"\bbring\b|\bpack (?:a|your|their)\b"
            r"|\bplease (?:send|return|pick|write|label|wear|dress)\b"
            r"|\bpick[- ]?up\b|\b(?:players|students|children|participants) (?:need|must)\b"
            r"|\bmust be returned\b|\breturn (?:the|your|all|a|signed)\b"
            r"|\b(?:important|remember|sure|forget) to (?:return|send|bring|pack)\b"
            r"|\bdrop[- ]?off\b|\bdonate\b"
            # A sentence that opens with the request: "Pack a reusable water bottle every day."
            r"|(?:^|[.!?]\s+)(?:just\s+|simply\s+)?(?:send|pack|label|wear|donate)\s+"
            r"(?:a|an|the|your|their|gently|\w+s)\b"
            # "Send them in any day": the things were named in an earlier sentence.
            r"|\bsend (?:them|it|these|those) in\b",
            re.I,
        ),
    ),
)


def action_in(text: str) -> ItemAction | None:
    """What the text asks the family to do, if anything."""
    text = _NEGATED.sub(" ", text)
    for action, pattern in _ACTIONS:
        if pattern.search(text):
            return action
    return action_in_language(text) if in_other_language(text) else None


# Taking part in these needs something from home: a form, a fee, a sign-up, gear.
_TAKES_PART = re.compile(
    r"\b(?:field trip|trip|camp|outdoor (?:ed|education|school)|tryouts?|practices?|lessons|"
    r"meet|tournament|festival|pick[- ]?up|potluck|clean-?up)\b",
    re.I,
)
# Booking a time is part of every conference or interview.
_BOOKED = re.compile(r"\bconferences?\b|\binterviews?\b|\bpotluck\b", re.I)
# A fundraiser asks the family for something when it collects orders, pledges or goods;
# a sale, a shop or a spirit night is there to drop in on.
_CONTRIBUTION = re.compile(
    r"\borders?\b|\bpre-?orders?\b|\bpledges?\b|\bforms?\b|\bdrive\b|\bcollection\b", re.I
)
_LOST_FOUND = re.compile(r"\blost (?:and|&) found\b|\bunclaimed\b", re.I)
# A sentence led by its own audience ("Grades 1-3: ...") is about something else.
_OWN_AUDIENCE = re.compile(r"^\W*(?:grades?|gr\.?|kindergarten|k)\s*[\dk][^:]{0,12}:", re.I)
# Joining these is gated by a sign-up or a fee, even when the cut-off is an item of its own.
_ENROLLED = re.compile(r"\b(?:club|team|lessons|program|course|challenge)\b", re.I)
# "If you own one", "if you would rather not": an offer or an opt-out, not a request.
_OPTIONAL = re.compile(r"\bif you\b|\bif your child\b|\boptional\b", re.I)
# Paying at the door or by donation is part of attending, not a request.
_LOOSE_PAY = re.compile(r"\$\s?\d+(?:\.\d\d)?\s*(?:at the door|by donation|each|per)\b", re.I)


def asks_family(
    category: ItemCategory,
    title: str,
    sentence: str,
    paragraph: str,
    has_date: Callable[[str], bool] = lambda _: False,
    *,
    calendar_line: bool = False,
) -> tuple[bool, ItemAction | None]:
    """Whether an item asks the family to do something, and the action when one is named.

    A closure never does; a deadline or a call for volunteers always does. A meeting does
    when a time must be booked, a sale or drive when it is not a fair to drop in on. An event
    does when its sentence or paragraph asks something (an ask for helpers belongs to the
    volunteer item), or when taking part needs a form, a fee or gear (a trip, a meet, lessons).
    """
    if category == ItemCategory.CLOSURE:
        return False, None
    if category in (ItemCategory.DEADLINE, ItemCategory.VOLUNTEER):
        action = action_in(sentence)
        if action is None and category == ItemCategory.VOLUNTEER:
            action = ItemAction.VOLUNTEER
        return True, action
    own = None if HELPER_WORD.search(sentence) else action_in(_LOOSE_PAY.sub(" ", sentence))
    # A calendar line (a list entry, a table row) that only names the thing asks nothing;
    # the gear, form or booking a trip or a conference needs is asked where the school
    # writes about it.
    bare = calendar_line and _only_names(title, paragraph)
    if category == ItemCategory.MEETING:
        return own is not None or (bool(_BOOKED.search(title)) and not bare), own
    if category == ItemCategory.FUNDRAISER:
        return own is not None or bool(_CONTRIBUTION.search(title)), own
    if _LOST_FOUND.search(f"{title} {sentence}"):
        return True, ItemAction.BRING
    if own is not None:
        return True, own
    if category == ItemCategory.EVENT and _TAKES_PART.search(title) and not bare:
        return True, None
    for other in _sentences(paragraph):
        if other in sentence or HELPER_WORD.search(other) or _OWN_AUDIENCE.search(other):
            continue
        if _OPTIONAL.search(other) or (has_date(other) and not _ENROLLED.search(title)):
            # An offer, or a cut-off of its own ("Sign up by May 21"): its own item asks.
            continue
        action = action_in(_LOOSE_PAY.sub(" ", other))
        if action is not None:
            return True, action
    return False, None


def _only_names(title: str, paragraph: str) -> bool:
    """The paragraph is the title and its date and time, nothing more."""
    named = set(re.findall(r"[^\W\d_]+", title.lower()))
    rest = [
        w
        for w in re.findall(r"[^\W\d_]+", paragraph.lower())
        if w not in named and w not in GENERIC_WORDS and w not in ("st", "nd", "rd", "th")
    ]
    return len(rest) <= 1


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\s+\|\s+", text) if s.strip()]


# --------------------------------------------------------------------------- location

_PLACE_WORDS = (
    r"gym(?:nasium)?|library(?: learning commons)?|music room|cafeteria|multipurpose room|"
    r"front (?:office|foyer|doors)|office|auditorium|playground|field|courtyard|theatre"
)
_LOCATION = re.compile(
    rf"\b(?:in|at)\s+(?:the\s+)?((?i:(?:room|rm\.?|portable)\s*\d+\w*|(?:{_PLACE_WORDS})\b)"
    r"(?: and online)?"
    r"|[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|and|&))*\s+(?:Centre|Center|Farm|Park|Hall|Arena|"
    r"Pool|Library|Gym|School|Theatre|Church|Museum|Field|Room|Mountain)\b|Mount\s+[A-Z]\w+)",
)
_WHERE = re.compile(r"\bwhere:\s*([^|\n]+)", re.I)


def location_in(text: str) -> str | None:
    where = _WHERE.search(text)
    if where:
        return where.group(1).strip(" .,;")[:200]
    match = _LOCATION.search(text)
    if not match:
        return None
    place = match.group(1).strip(" .,;")
    return place[:1].upper() + place[1:]
