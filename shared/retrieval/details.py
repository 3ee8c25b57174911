"""Details of an item a parent may ask about (where, how much, what to wear, parking, ...).

A question about one detail of an event that exists ("is there parking at the fair?") is not
answered by the event alone when its newsletter never states that detail. Each kind below lists
how a question asks for it, in English, Punjabi (Gurmukhi and romanised), Tagalog (and
Taglish) and Chinese, and how an item's text states it (mostly English, the language schools
write in, with the other three for the schools that write in them). When a question asks is
read from its dates (`shared.retrieval.when`), never here: every dated item states when.

Forms follow the lexicon's rules (`shared.retrieval.lexicon`): Latin forms match whole words,
Gurmukhi forms from a word's start, Chinese anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from shared.retrieval.terms import forms_pattern, normalise


def _forms(text: str) -> tuple[str, ...]:
    return tuple(f.strip() for f in text.split("|") if f.strip())


@dataclass(frozen=True)
class DetailKind:
    key: str
    asked: tuple[str, ...]
    said: tuple[str, ...]
    # What an item's text may hold that states the detail beyond words: an amount, an email.
    said_pattern: str = ""
    _asked: re.Pattern[str] | None = field(init=False, repr=False, compare=False)
    _said: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_asked", forms_pattern(self.asked))
        said = forms_pattern(self.said)
        if self.said_pattern:
            joined = "|".join(p for p in (said.pattern if said else "", self.said_pattern) if p)
            said = re.compile(joined)
        object.__setattr__(self, "_said", said)

    def is_asked(self, normal_question: str) -> bool:
        return bool(self._asked and self._asked.search(normal_question))

    def is_said(self, normal_text: str) -> bool:
        return bool(self._said and self._said.search(normal_text))


def _kind(key: str, asked: str, said: str, said_pattern: str = "") -> DetailKind:
    return DetailKind(key, _forms(asked), _forms(said), said_pattern)


_MONEY = r"\$\s?\d|\d\s?(?:dollars?|元|块|ਡਾਲਰ)|(?<![a-z])(?:free|no cost|no charge)(?![a-z])"
_EMAIL_OR_PHONE = r"[a-z0-9._-]+@[a-z0-9.-]+|\d{3}[-. ]\d{4}"
_WEB = r"[a-z0-9-]+\.(?:org|com|ca|net|edu)(?![a-z])"
# A field is a place; a field trip or a field day is not.
_FIELD = r"(?<![a-z])field(?!\s+(?:trip|day))(?![a-z])"

# Things worn, which say what to wear and what to bring.
_CLOTHES = (
    "costume|clothes|clothing|uniform|pajama|pajamas|pj|pjs|jersey|shirt|t-shirt|sweater|"
    "hoodie|hat|hats|cap|shoes|boots|socks|gloves|mittens|scarf|jacket|coat|raincoat|pants|"
    "splash pants|snow pants|shorts|helmet|toque|sunglasses|sunscreen|spirit wear"
)

DETAIL_KINDS: tuple[DetailKind, ...] = (
    _kind(
        "place",
        "where|whereabouts|location|venue|address|which room|what room|saan|nasaan|saang|"
        "哪里|在哪|哪儿|地点|什么地方|地址|ਕਿੱਥੇ|ਕਿਥੇ|ਕਿੱਥੋਂ|ਜਗ੍ਹਾ|ਕਿਹੜੀ ਥਾਂ|ਪਤਾ ਕੀ|"
        "kithe|kitthe|kithey|kidhar",
        "gym|gymnasium|library|room|hall|theatre|theater|auditorium|cafeteria|lunchroom|"
        "classroom|lab|park|arena|stadium|centre|center|foyer|lobby|playground|portable|"
        "office|doors|entrance|church|pool|rink|court|courts|online|zoom|video|virtual|"
        "website|app|portal|street|road|avenue|lane|"
        "体育馆|图书馆|礼堂|教室|操场|网上|ਜਿਮ|ਲਾਇਬ੍ਰੇਰੀ|ਹਾਲ|ਮੈਦਾਨ|ਕਮਰੇ",
        f"{_FIELD}|{_WEB}",
    ),
    _kind(
        "cost",
        "how much|cost|costs|price|prices|charge|is it free|free ba|what's the fee|what is the fee|"
        "magkano|presyo|libre|bayad ba|多少钱|价格|收费|免费|费用多少|几块|要钱|"
        "ਕਿੰਨੇ ਦੀ|ਕਿੰਨੇ ਦਾ|ਕਿੰਨੇ ਪੈਸੇ|ਕੀਮਤ|ਕਿੰਨੀ ਫੀਸ|ਫੀਸ ਕਿੰਨੀ|ਮੁਫ਼ਤ|ਮੁਫਤ|"
        "kinne di|kinne da|kinne paise|kinni fees|fees kinni|kinni fee|fee kinni|kimat|mufat",
        "free|no cost|no charge|libre|免费|ਮੁਫ਼ਤ|ਮੁਫਤ",
        _MONEY,
    ),
    _kind(
        "wear",
        "wear|wearing|dress|dress code|dressed|costume|costumes|clothes|clothing|uniform|attire|"
        "outfit|isusuot|susuotin|suot|damit|uniporme|穿什么|要穿|穿的|穿着|着装|服装|衣服|校服|"
        "ਪਹਿਨ|ਪਾ ਕੇ|ਕੱਪੜੇ|ਕਪੜੇ|ਡਰੈੱਸ|ਵਰਦੀ|pehn*|kapde|kapre",
        f"wear|dress|dressed|dress up|colours|colors|穿|服装|ਕੱਪੜੇ|ਪਹਿਨ|{_CLOTHES}",
    ),
    _kind(
        "bring",
        "bring|pack|what to send|what do i send|what should i send|what do we send|need to send|"
        "magdala|dadalhin|dalhin|ipapadala|ipadala|dala|带什么|要带|需要带|带上|准备什么|要准备|"
        "ਲੈ ਕੇ ਆ|ਲੈ ਕੇ ਜਾ|ਲਿਆਉਣ|ਲਿਆਉਣਾ|ਨਾਲ ਕੀ|ਕੀ ਭੇਜ|lai ke|leke|ki bhej*",
        "bring|send|pack|packed|provide|provided|lunch|snack|snacks|water bottle|bottle|"
        "blanket|chair|towel|swimsuit|form|forms|slip|waiver|money|bag|donations|"
        f"带|ਲੈ ਕੇ|ਲਿਆ|ਭੇਜ|{_CLOTHES}",
        _MONEY,
    ),
    _kind(
        "parking",
        "parking|park the car|park my car|where to park|where can i park|where do i park|"
        "where should i park|where can we park|paradahan|pumarada|magpark|mag-park|"
        "停车|泊车|车位|ਪਾਰਕਿੰਗ|ਗੱਡੀ ਖੜ੍ਹੀ|ਗੱਡੀ ਕਿੱਥੇ",
        "parking|park in|park on|park at|paradahan|停车|车位|ਪਾਰਕਿੰਗ",
    ),
    _kind(
        "food",
        "food|lunch|snack|snacks|eat|eating|meal|meals|dinner|breakfast|refreshments|drinks|"
        "pagkain|tanghalian|baon|meryenda|kakain|kumain|吃|午餐|午饭|饭|零食|食物|点心|"
        "ਖਾਣਾ|ਖਾਣੇ|ਖਾਣ|ਲੰਚ|ਨਾਸ਼ਤਾ|khana|khaana",
        "food|lunch|lunches|snack|snacks|meal|meals|dinner|breakfast|refreshments|drinks|pizza|"
        "popcorn|treats|bbq|barbecue|pancake|pancakes|potluck|hot dog|hot dogs|pakoras|fruit|"
        "freezie|freezies|cookie|cookies|bake sale|吃|午餐|饭|ਖਾਣ|ਲੰਚ",
    ),
    _kind(
        "contact",
        "who do i contact|who to contact|who should i contact|who can i contact|contact|"
        "who do i call|who should i call|who do i ask|who do i talk to|who can i ask|"
        "phone number|email address|sino ang kokontakin|sino ang tatawagan|"
        "sino ang kakausapin|kanino|kokontakin|tatawagan|makikipag-ugnayan|"
        "联系|联系人|找谁|问谁|电话|邮箱|ਸੰਪਰਕ|ਕਿਸ ਨਾਲ ਗੱਲ|ਕਿਸ ਨੂੰ ਫ਼ੋਨ|ਕਿਸ ਨੂੰ ਫੋਨ|"
        "ਫ਼ੋਨ ਨੰਬਰ|ਫੋਨ ਨੰਬਰ|kis nal gal|kis nu phone",
        "call|phone|email|e-mail|contact|office|teacher|coach|text|message|"
        "联系|电话|ਫ਼ੋਨ|ਫੋਨ|ਦਫ਼ਤਰ|ਦਫਤਰ",
        _EMAIL_OR_PHONE,
    ),
    _kind(
        "transport",
        "bus|buses|busing|school bus|transport|transportation|carpool|car pool|"
        "how do they get there|how will they get there|sasakyan|sasakay|bus ba|"
        "校车|巴士|大巴|坐车|交通|怎么去|ਬੱਸ|ਬਸ ਜਾ|ਆਵਾਜਾਈ|bus jaugi|bus jayegi",
        "bus|buses|busing|drive|driving|drivers|carpool|walk|walking|van|transit|"
        "transportation|校车|巴士|ਬੱਸ",
    ),
    _kind(
        "childcare",
        "childcare|child care|daycare|day care|babysitting|babysitter|babysit|siblings|"
        "younger kids|younger ones|toddler|toddlers|mag-aalaga|magbabantay|bantay|yaya|"
        "托儿|看孩子|照看孩子|照顾孩子|托管|ਬੱਚਿਆਂ ਦੀ ਦੇਖਭਾਲ|ਦੇਖਭਾਲ|ਬੇਬੀਸਿਟ",
        "childcare|child care|care|babysitting|babysitters|daycare|siblings|toddlers|"
        "little ones|托儿|托管|ਦੇਖਭਾਲ",
    ),
)

# Asking when: a dated item answers that part of a question whatever details it leaves unsaid.
_WHEN_ASKED = forms_pattern(
    _forms(
        "when|whens|what day|which day|what days|which days|what date|what time|by when|"
        "how long|this week|next week|this weekend|this month|next month|"
        "kailan|kelan|anong araw|anong oras|ilang araw|hanggang kailan|"
        "ngayong linggo|sa susunod na linggo|这周|本周|下周|下个月|ਇਸ ਹਫ਼ਤੇ|ਅਗਲੇ ਹਫ਼ਤੇ|"
        "什么时候|哪天|哪一天|几号|几点|周几|星期几|礼拜几|多久|截止|"
        "ਕਦੋਂ|ਕਿਹੜੇ ਦਿਨ|ਕਿਹੜੀ ਤਰੀਕ|ਕਿੰਨੀ ਤਰੀਕ|ਕਿੰਨੇ ਵਜੇ|ਤਰੀਕ|"
        "kado|kadon|kehde din|kehdi tarikh|kinne vaje"
    )
)
# Words that hold a detail's word without asking for it: lunchtime is when, not food.
_NOT_ASKED = forms_pattern(
    _forms(
        "lunchtime|lunch time|lunch hour|at lunch|during lunch|lunch recess|tuwing lunch|pag lunch|"
        "午饭时间|午餐时间|午休|ਲੰਚ ਟਾਈਮ|ਲੰਚ ਵੇਲੇ"
    )
)
# An asked detail that another asked one already covers: where to park is about parking.
_COVERED_BY = {"place": "parking"}
_KINDS = {k.key: k for k in DETAIL_KINDS}


def details_asked(question: str) -> tuple[str, ...]:
    """The details the question asks about, in the order of `DETAIL_KINDS`."""
    normal = normalise(question)
    if _NOT_ASKED is not None:
        normal = _NOT_ASKED.sub(" ", normal)
    asked = [k.key for k in DETAIL_KINDS if k.is_asked(normal)]
    return tuple(k for k in asked if _COVERED_BY.get(k) not in asked)


def asks_when(question: str) -> bool:
    """Whether the question asks when (a day, a time, a cut-off), in words."""
    return bool(_WHEN_ASKED and _WHEN_ASKED.search(normalise(question)))


def details_unsaid(
    asked: Sequence[str],
    *,
    title: str,
    details: str = "",
    location: str | None = None,
    action: str | None = None,
) -> tuple[str, ...]:
    """Which of the asked details the item's own text does not state."""
    if not asked:
        return ()
    normal = normalise(" ".join(filter(None, [title, details, location])))
    unsaid = []
    for key in asked:
        if key == "place" and location:
            continue
        if key == "bring" and action == "bring":
            continue
        if not _KINDS[key].is_said(normal):
            unsaid.append(key)
    return tuple(unsaid)
