"""Titles in the labellers' form: the name of the thing, cut from the clause that dates it
(the subject, the noun phrase before the date, the request, the thing falling due).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from shared.extraction.audience import grades_in
from shared.extraction.candidates import content_words
from shared.extraction.dates import ENGLISH_WEEKDAY_NAMES, DateMention
from shared.extraction.lexicon import (
    ARRIVES,
    AUDIENCE,
    COMES_BACK,
    DATE_IS,
    DETERMINER,
    DISCOURSE,
    DUE_NOUN,
    DUE_VERB,
    EVENT_NP,
    GENERIC_WORDS,
    HAND_OVER,
    HOSTED,
    LABEL_PREFIX,
    LEADING_FILLER,
    NEEDED_AT_SCHOOL,
    NP_BREAK,
    OBJECT_END,
    PARENTHETICAL,
    SALE_WORDS,
    STRANDED_PREPOSITION,
    SUBJECT_VERB,
    WEB_ADDRESS,
)
from shared.extraction.segments import latin_share, reads_as_english, sentences_of
from shared.extraction.times import strip_times


def english_part(text: str) -> str:
    """A bilingual text's sentences in English (or in the main Latin-script language)."""
    return " ".join(t for t in sentences_of(text) if reads_as_english(t)) or text


def tidy_title(text: str) -> str:
    text = LABEL_PREFIX.sub("", text)
    # "Art Club / 美术社": a bilingual heading keeps its Latin-script half.
    halves = [h for h in re.split(r"\s+/\s+", text) if h.strip()]
    if len(halves) > 1 and any(latin_share(h) > 0.5 for h in halves):
        text = " / ".join(h for h in halves if latin_share(h) > 0.5)
    text = WEB_ADDRESS.sub("", text)  # "Sign up at school.example.org": where, not what
    text = text.replace("—", "-").replace("–", "-")
    text = re.sub(r"\s+-\s+$|^\s*[-:|,;]\s*|[\s,;:|-]+$", "", text.strip())
    text = re.sub(r"\s{2,}", " ", text).strip(" .,;:!?|@")
    # "PTA meetings this year": when, said again after the dates were read off.
    text = re.sub(
        r"\s+(?:this|next)\s+(?:year|month|term|semester|week|spring|fall|winter)$",
        "",
        text,
        flags=re.I,
    )
    # "Appreciation Breakfast on", once its date was read off: the preposition is left over.
    text = re.sub(r"(?:\s+(?:on|at|from|by|the|and|of|for|with|to))+$", "", text, flags=re.I)
    text = re.sub(r"^[^\w($]+\s*", "", text)  # OCR reads bullets and shapes as "@", "©"
    # SHOUTED words read better in title case; short ones are acronyms (RSVP, PAC).
    if sum(1 for w in text.split() if w.isupper() and len(w) > 4) >= 2:
        text = " ".join(w.capitalize() if w.isupper() and len(w) > 4 else w for w in text.split())
    return text[:1].upper() + text[1:] if text else text


def without_asides(text: str) -> str:
    """Parentheticals dropped unless they name an audience ("(K–2)", "(Grades 3–5)")."""
    return PARENTHETICAL.sub(lambda m: f" ({m.group(1)})" if grades_in(m.group(1)) else "", text)


def remove_spans(text: str, spans: Sequence[tuple[int, int]]) -> str:
    for start, end in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return text


_DUE_THING = re.compile(
    r"\b((?:[\w-]+\s+)?(?:orders?|forms?|slips?|fees?|payments?|registration|sign[- ]?ups?|"
    r"deposits?|pledges?|rsvps?|tickets?|stubs?))\s+(?:are\s+|is\s+)?(?:due|close[sd]?)\b"
    r"|\b(sign[- ]?up|register|order|pre-?register|rsvp|book|apply)\b",
    re.I,
)


def with_due_phrase(name: str, clause: str, mention: DateMention | None) -> str:
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
        return tidy_title(f"{name} {thing} due")
    if re.match(r"order\b", found.group(2), re.I):
        # "Pre-order by Tuesday" under "Soup & bun lunches: $5": pre-orders fall due.
        pre = "pre-" if re.search(r"\bpre-?\s*$", before[: found.start(2)], re.I) else ""
        return tidy_title(f"{topic_name(name) or name} {pre}orders due")
    return tidy_title(f"{name} {found.group(2).lower()}")


# A subject that only points at a thing named elsewhere: "we", "it", "which", "those
# staying after school".
_POINTING_WORD = re.compile(r"^(?:which|who|that|those|these)\b", re.I)
_PRONOUN_SUBJECT = re.compile(rf"\b(?:we|us|you|i|they|it|there)\b|{_POINTING_WORD.pattern}", re.I)


def pronoun_led(text: str) -> bool:
    return bool(_PRONOUN_SUBJECT.match(LEADING_FILLER.sub("", text.strip(" -–—:|*"))))


# "Another big event this spring is the Science Fair": the subject only describes it.
_DESCRIBED_THING = re.compile(
    r"^[^,.;]{0,50}?\b(?:event|thing|activity|highlight|reminder|date)s?\b"
    r"(?:\s+(?:in|of|for|this|next)(?:\s+\w+){1,2})?\s+(?:is|will be)\s+(?:the|a|an|our)\s+"
    r"(?P<np>[^,.;!?]+)",
    re.I,
)


def _bare_subject(subject: str) -> str:
    """ "After a long month of tests, Reading Week": the subject follows the comma; "On
    <date> the first Science Fair": the preposition lost its date to the date mention."""
    subject = subject.rsplit(",", 1)[-1].strip(" ,")
    return DETERMINER.sub("", STRANDED_PREPOSITION.sub("", subject))


# "With conferences on <dates>, the month will fly by": the thing dated is the one named
# after "with", not the subject of the sentence.
_WITH_THING_ON = re.compile(
    r"^with\s+(?P<np>(?:[\w'’-]+\s+){0,4}?[\w'’-]+)\s+(?:on|this|next)\b", re.I
)


# "A few reminders: our Math Night is ...", "Reminder: Early dismissal <date>": a label
# before the sentence, which names the thing.
LIST_LEAD_IN = re.compile(
    r"^\W*(?:(?:(?:a few|some|two|three|several|quick|friendly|important)\s+)?"
    r"(?:reminders?|notes?|dates?|updates?|things?|announcements?)"
    r"|important|attention|save the date|mark your calendars?)(?:\s*[:!]|\s+[-–—])\s*",
    re.I,
)
# "If your child turns five this year, <the thing> opens on ...": the condition is who it is
# for; the main clause names the thing.
_CONDITION_FIRST = re.compile(r"^(?:if|when|since|because|as|once)\b[^,]{0,80},\s*", re.I)


# "Tuesday, Wednesday and Thursday (<dates>) are Minimum Days to allow ...": days named by
# their weekdays are the date, and what they are said to be is the thing.
_DAYS_ARE = re.compile(
    rf"^(?:(?:{ENGLISH_WEEKDAY_NAMES})\.?(?:\s*,\s*|\s*,?\s*(?:and|&)\s+|\s+))+"
    r"(?:is|are|will\s+be)\s+(?:(?:a|an|the)\s+)?(?P<np>[^,.;!]+?)"
    r"(?=\s+(?:to|and|but|so|for|when|because|with)\b|[,.;!]|$)",
    re.I,
)


def subject_of(bare: str) -> str | None:
    text = LEADING_FILLER.sub("", without_asides(bare).strip())
    text = _CONDITION_FIRST.sub("", LIST_LEAD_IN.sub("", text))
    days_are = _DAYS_ARE.match(text)
    if days_are and 1 <= len(days_are.group("np").split()) <= 6:
        return tidy_title(days_are.group("np"))
    with_thing = _WITH_THING_ON.match(text)
    if with_thing and content_words(with_thing.group("np")):
        return tidy_title(with_thing.group("np"))
    date_is = DATE_IS.match(text) or _DESCRIBED_THING.match(text)
    if date_is:
        return tidy_title(date_is.group("np"))
    if re.match(r"^there (?:is|will be) no school\b", text, re.I):
        reason = re.search(r"\bfor\s+([A-Z][\w' -]+)", text)
        return tidy_title(f"No school - {reason.group(1)}" if reason else "No school")
    match = SUBJECT_VERB.match(text)
    if not match or HOSTED.match(text):
        return None  # "Room 4's class will be on a field trip": the trip is what is had
    subject = _bare_subject(match.group("subject"))
    words = subject.split()
    if not 1 <= len(words) <= 8 or _PRONOUN_SUBJECT.search(subject):
        return None
    if re.search(r"\bthat$", subject, re.I):
        return None  # "... please remember that <date> is ...": the date is the subject
    if not content_words(AUDIENCE.sub(" ", subject)):
        return None  # "Our first graders are off to ...": who goes, not what happens
    return tidy_title(subject)


def named_after_date(clause: str, mention: DateMention | None) -> str | None:
    """What a date is said to be: "<date> is a Staff Day" gives "Staff Day"."""
    if mention is None:
        return None
    found = re.match(
        r"^\s*,?\s*(?:is|are|will\s+(?:now\s+|still\s+|also\s+)?be)\s+(?:now\s+|still\s+|also\s+)?"
        r"(?:(?:a|an|the|our)\s+)?"
        r"(?P<np>[^,.;]+?)"
        r"(?=\s+(?:and|but|so|for|when)\b|[,.;!]|$)",
        clause[mention.end :],
        re.I,
    )
    name = strip_times(found.group("np")) if found else ""
    if not 1 <= len(name.split()) <= 6:
        return None
    return tidy_title(name)


def deadline_of(name: str, clause: str) -> str:
    """The cut-off of a thing just named: "Bagel Lunch Orders" gives "Bagel Lunch Orders
    deadline"; "Bagel Lunch" ordered "before 6 pm on Monday" gives "Bagel Lunch orders
    deadline"."""
    name = re.sub(r"\s*\(.*$", "", name).strip()
    thing = ""
    if re.search(r"\border", clause, re.I) and not re.search(r"\border", name, re.I):
        thing = " orders"
    return tidy_title(f"{name}{thing} deadline")


def pick_up_title(heading: str, bare: str) -> str:
    """ "Collect your wreath on Monday after 3" under "Wreath Fundraiser" reads
    "Wreath pick-up"; with no heading, what is picked up names it."""
    name = " ".join(SALE_WORDS.sub(" ", heading).split())
    if not content_words(name):
        text = LEADING_FILLER.sub("", without_asides(bare).strip())
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
        name = DETERMINER.sub("", found.group("np").strip()) if found else ""
        if not 1 <= len(name.split()) <= 5:
            name = ""
    return tidy_title(f"{name} pick-up") if name else "Pick-up"


# "This Monday we are travelling to the Science Centre!": who goes says nothing, where is
# the thing. The place is named (capitalised), so "going to need" or "off to a good start"
# is no trip.
_GOING_TO_PLACE = re.compile(
    r"^(?:(?:on|this|next)\s+)?(?:we|the class|our class|the students|students|they)\s+"
    r"(?:will\s+be|are|'re|will)\s+"
    r"(?:heading|headed|head|going|go|off|travel(?:l)?ing|travel)\s+(?:off\s+)?to\s+"
    r"(?P<place>(?:the\s+)?(?-i:[A-Z])[\w'’.-]*(?:\s+(?-i:[A-Z])[\w'’.-]*){0,4})",
    re.I,
)


def trip_to_place(bare: str) -> str | None:
    trip = _GOING_TO_PLACE.match(LEADING_FILLER.sub("", without_asides(bare).strip()))
    return tidy_title(f"Trip to {trip.group('place')}") if trip else None


# "Chess Club is back!", "Family Swim returns!": a sentence that only announces a thing's
# name, the sentence after it saying when ("Wednesday mornings, starting <date>").
_ANNOUNCED = re.compile(
    r"^(?P<np>(?:[\w'’&/-]+\s+){0,5}?[\w'’&/-]+)\s+"
    r"(?:(?:is|are)\s+(?:back|here|returning|starting\s+up)|returns|starts\s+up)\s*[!.]$",
    re.I,
)


def announced_name(sentence: str) -> str | None:
    announced = _ANNOUNCED.match(LEADING_FILLER.sub("", sentence.strip(" •*-–")))
    if not announced or _PRONOUN_SUBJECT.match(announced.group("np")):
        return None
    return tidy_title(announced.group("np"))


def audience_doing(bare: str) -> str | None:
    """A sentence whose subject is only its audience names the thing by what they do:
    "Our grade 2 classes will ride to the Harbour Aquarium on ..." gives
    "Grade 2 classes ride to the Harbour Aquarium"."""
    text = LEADING_FILLER.sub("", without_asides(bare).strip())
    match = SUBJECT_VERB.match(text)
    if not match:
        return None
    subject = _bare_subject(match.group("subject"))
    if content_words(AUDIENCE.sub(" ", subject)) or not 1 <= len(subject.split()) <= 6:
        return None
    if _PRONOUN_SUBJECT.search(subject):
        return None
    rest = text[match.end("subject") :]
    rest = re.split(
        r"[,;:!?]|\s{2,}|\.(?:\s|$)|\s+(?:on|from|this|next|by|during|starting|beginning|until)\b",
        rest,
        maxsplit=1,
    )[0]
    rest = re.sub(r"^\s*(?:will|are|is|shall)\s+(?:be\s+)?", " ", rest, flags=re.I).strip()
    if not content_words(AUDIENCE.sub(" ", rest)) or len(f"{subject} {rest}".split()) > 12:
        return None
    return tidy_title(f"{subject} {rest}")


def noun_phrase_before(clause: str, mention: DateMention | None) -> str | None:
    """The last noun phrase before the date: "... for the apple orchard field trip on
    <date>" gives "apple orchard field trip"."""
    if mention is None:
        return None
    before = re.sub(
        r"\s+(?:on\s+)?(?:the\s+)?(?:morning|afternoon|evening|night)\s+of\s*$",
        "",
        clause[: mention.start].rstrip(" ,"),
        flags=re.I,
    )
    # "... to the Festival of Seeds, which has been moved to <date>": the thing the
    # relative clause is about.
    before = re.sub(
        r",?\s+(?:which|that)\s+(?:has|have|had)?\s*(?:been|is|are|was|will be)\s+\w+\s+"
        r"(?:to|for|until|till)\s*$",
        "",
        before,
        flags=re.I,
    )
    before = re.sub(r"\s+(?:on|is|are|will be|starting|from)\s*$", "", before)
    breaks = list(NP_BREAK.finditer(before))
    if len(breaks) >= 2 and breaks[-1].group().strip().lower() == "of":
        breaks.pop()  # "Festival of Seeds": "of" joins one name
    phrase = before[breaks[-1].end() :] if breaks else before
    phrase = LIST_LEAD_IN.sub("", phrase.strip())  # "Reminder: Early dismissal <date>"
    words = phrase.split()
    if not 1 <= len(words) <= 6 or _POINTING_WORD.match(phrase):
        return None
    return tidy_title(phrase)


FINITE_VERB = re.compile(r"\b(?:is|are|must|should|will|was|were)\s+\w", re.I)


def generic(title: str) -> bool:
    """A title made only of words that name no thing: a time, a weekday, "Both nights"."""
    words = re.findall(r"[^\W\d_]+", title.lower())
    return not [w for w in words if w not in GENERIC_WORDS]


def event_in(text: str) -> str | None:
    """The nearest event named in a sentence: "... after the Diwali concert on ..."."""
    found = EVENT_NP.search(without_asides(text))
    if not found:
        return None
    name = DETERMINER.sub("", found.group("np").strip())
    return tidy_title(name) if not generic(name) else None


def topic_name(text: str) -> str:
    """A heading or notice name as the topic of what falls due: no audience, no price."""
    text = PARENTHETICAL.sub(" ", text)
    text = re.sub(r"\s*:\s*(?:\$|\d).*$|\$\s?\d+(?:\.\d\d)?", " ", text)
    text = re.sub(
        r"\b(?:volunteers?|helpers|chaperones?)(?:\s+(?:needed|wanted))?\b", " ", text, flags=re.I
    )
    text = tidy_title(" ".join(text.split()))
    if DISCOURSE.match(text) or generic(text) or not content_words(AUDIENCE.sub(" ", text)):
        return ""
    return text


def _thing(obj: str) -> str:
    """An object handed over, without its articles and adjectives: "the signed permission
    form" gives "permission form"."""
    obj = OBJECT_END.split(without_asides(obj), maxsplit=1)[0]
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


def canonical_deadline(before: str, topic: str, volunteering: bool) -> str | None:
    """What falls due, titled the way people write it: "<topic> <thing> due",
    "<topic> orders due", "<topic> registration closes", "RSVP for <topic>"."""
    before = LEADING_FILLER.sub("", without_asides(before).strip())
    before = re.sub(r"^[^\w$]*", "", before)
    verb = DUE_VERB.match(before)
    if verb:
        word = re.sub(r"[- ]", "", verb.group("verb").lower())
        if word == "book":
            return None
        if word == "rsvp":
            return tidy_title(f"RSVP for {topic}" if topic else "RSVP")
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
        return tidy_title(f"{topic} {suffix}" if topic else suffix)
    handed = HAND_OVER.match(before)
    needed = NEEDED_AT_SCHOOL.search(before)
    back = COMES_BACK.match(before)
    arrives = ARRIVES.match(before)
    if arrives and not handed:
        thing = _thing(DETERMINER.sub("", arrives.group("obj").strip()))
        return tidy_title(f"{_join_topic(topic, thing)} due") if thing else None
    if handed:
        thing = _thing(handed.group("obj"))
        if thing and not re.search(r"[^\W\d_]", thing):
            thing = "payment"  # "pay $22"
        elif not DUE_NOUN.search(thing):
            return None  # "Send an empty shoebox": the request itself is the title
    elif needed:
        return (
            tidy_title(f"{_thing(needed.group('obj'))} due")
            if _thing(needed.group("obj"))
            else None
        )
    elif back:
        thing = _thing(DETERMINER.sub("", back.group("obj").strip()))
        if not DUE_NOUN.search(thing):
            return None
    else:
        return None
    if not thing or generic(thing):
        return None
    return tidy_title(f"{_join_topic(topic, thing)} due")
