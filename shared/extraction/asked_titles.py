"""Titles of what a family is asked to do or to help with: "Pack a spare set of mittens",
"Wear red", "Book Fair helpers needed"."""

from __future__ import annotations

import re

from shared.extraction.lexicon import GENERIC_WORDS, HELPER_PLURALS, LEADING_FILLER
from shared.extraction.titles import english_part, tidy_title, without_asides

ACTION_VERB_TITLE = re.compile(
    r"^(?:send|bring|label|pack|wear|return|pick up|sign|register|order|book|pay|complete)\b",
    re.I,
)
# Where an asked action's object ends: its purpose ("to show ...", "so that ..."), a quote
# or a clause break.
_ACTION_OBJECT_END = re.compile(
    r"\s+(?:to|so|because|in order to|and then|if|when)\s+|\s*[\"“”(,;:.!?]", re.I
)


_MODAL = re.compile(r"\b(?:must|need to|needs to|have to|has to|should|please)\s+", re.I)


def asked_action(bare: str) -> str | None:
    """ "wear red to show your team spirit" gives "Wear red": the thing asked, without why."""
    text = LEADING_FILLER.sub("", bare.strip(" -–—:|"))
    # "Keep the reader a week and must return it ...": the act after the modal.
    modal = list(_MODAL.finditer(text))
    if modal:
        text = text[modal[-1].end() :]
    if not ACTION_VERB_TITLE.match(text):
        return None
    act = _ACTION_OBJECT_END.split(text, maxsplit=1)[0]
    return tidy_title(act) if 2 <= len(act.split()) <= 8 else None


_REQUEST = re.compile(
    r"\b(?:please|(?:it is|it['’]s) important to|remember to|be sure to|make sure to|"
    r"don['’]t forget to)\s+"
    r"(?P<act>(?:send|bring|pack|label|return|complete|fill (?:out|in)|book|sign|turn in|"
    r"hand in|submit|drop off)\s+[^.;!?]+)",
    re.I,
)


def request_title(text: str) -> str:
    """An undated request as its own title: "please pack a spare set of mittens (with a
    name ...) that can stay in class" gives "Pack a spare set of mittens"."""
    found = _REQUEST.search(english_part(text))
    if not found:
        return ""
    act = without_asides(found.group("act"))
    act = re.sub(r"\s+(?:with|for)\s+(?:your|their|each)\s+(?:child|children|kids?)\b", "", act)
    act = re.split(
        r"\s+(?:that|which|so|because|if|when|and (?:please|also|then))\b|,", act, maxsplit=1
    )[0]
    words = act.split()
    # "please pack some extra": an object of pronouns alone names no thing to ask for.
    named = [w for w in re.findall(r"[^\W\d_]+", act.lower())[1:] if w not in _PRONOUN_WORDS]
    if not [w for w in named if w not in GENERIC_WORDS]:
        return ""
    return tidy_title(act) if 2 <= len(words) <= 12 else ""


_PRONOUN_TEXT = "own one ones some any extra spare more another yours mine"
_PRONOUN_WORDS = frozenset(_PRONOUN_TEXT.split())


_KIND_OF_HELPER = re.compile(
    r"\b(?:parent|adult|grown-?up|family)\s+(?P<who>(?!volunteers|helpers)[a-z]+(?:ers|ors|ones|s))\b",
    re.I,
)
# "ticket volunteers", "a face-paint and games crew": the job named before the helpers.
_ROLE_OF_HELPER = re.compile(
    r"\b(?P<role>[a-z]+(?:-[a-z]+)?(?:\s+(?:and|&)\s+[a-z]+(?:-[a-z]+)?)?)\s+"
    rf"(?P<who>{HELPER_PLURALS}|crew)\b",
    re.I,
)
_NOT_A_ROLE_TEXT = (
    "more some the a an any few extra parent adult and our your two three four five six "
    "several many additional enthusiastic lots of new need needs needed"
)
_NOT_A_ROLE = frozenset(_NOT_A_ROLE_TEXT.split())


def helpers_named(sentence: str) -> str:
    """The helpers a call asks for: "four parent drivers" gives "parent drivers",
    "ticket volunteers for the door" gives "ticket volunteers"; plain "volunteers"
    otherwise."""
    found = _KIND_OF_HELPER.search(sentence)
    if found and found.group("who").lower() not in ("parents", "families", "adults", "others"):
        return found.group(0).lower()
    role = _ROLE_OF_HELPER.search(sentence)
    words = role.group("role").lower().split() if role else []
    if role and words[0] not in _NOT_A_ROLE and words[-1] not in _NOT_A_ROLE:
        return role.group(0).lower()
    plain = re.search(rf"\b(?:{HELPER_PLURALS})\b", sentence, re.I)
    return plain.group(0).lower() if plain else "volunteers"
