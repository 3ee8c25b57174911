"""When a question is about: dates, weekdays and months written in English, Tagalog, Punjabi
(Gurmukhi and romanised) or Chinese, resolved against the moment it is asked.

"Oct 23", "23 October", "10/23", "the 23rd", "12月4号", "4 ਦਸੰਬਰ", "sa Lunes", "this Friday",
"下周五", "ਅਗਲੇ ਸ਼ੁੱਕਰਵਾਰ", "三月", "sa April". A date without a year is the occurrence closest to
now, a little in favour of the future: parents ask about what is coming.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from shared.retrieval.terms import normalise

_MONTHS: dict[int, tuple[str, ...]] = {
    1: ("january", "jan", "enero", "ਜਨਵਰੀ"),
    2: ("february", "feb", "pebrero", "febrero", "ਫਰਵਰੀ"),
    3: ("march", "mar", "marso", "ਮਾਰਚ"),
    4: ("april", "apr", "abril", "ਅਪ੍ਰੈਲ", "ਅਪਰੈਲ"),
    5: ("may", "mayo", "ਮਈ"),
    6: ("june", "jun", "hunyo", "ਜੂਨ"),
    7: ("july", "jul", "hulyo", "ਜੁਲਾਈ"),
    8: ("august", "aug", "agosto", "ਅਗਸਤ"),
    9: ("september", "sept", "sep", "setyembre", "ਸਤੰਬਰ"),
    10: ("october", "oct", "oktubre", "ਅਕਤੂਬਰ"),
    11: ("november", "nov", "nobyembre", "ਨਵੰਬਰ"),
    12: ("december", "dec", "disyembre", "ਦਸੰਬਰ"),
}
_WEEKDAYS: dict[int, tuple[str, ...]] = {
    0: ("monday", "mon", "lunes", "ਸੋਮਵਾਰ", "somvar", "somvaar"),
    1: ("tuesday", "tues", "tue", "martes", "ਮੰਗਲਵਾਰ", "mangalvar", "mangalvaar"),
    2: ("wednesday", "wed", "miyerkules", "ਬੁੱਧਵਾਰ", "ਬੁਧਵਾਰ", "budhvar", "budhvaar"),
    3: ("thursday", "thurs", "thu", "huwebes", "ਵੀਰਵਾਰ", "veervar", "veervaar", "virvar"),
    4: ("friday", "fri", "biyernes", "ਸ਼ੁੱਕਰਵਾਰ", "ਸੁਕਰਵਾਰ", "shukarvar", "shukkarvar"),
    5: ("saturday", "sat", "sabado", "ਸ਼ਨੀਵਾਰ", "shanivar", "shanivaar"),
    6: ("sunday", "sun", "linggo", "ਐਤਵਾਰ", "aitvar", "etvar"),
}
_HAN_DIGITS = {
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_HAN_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
_GURMUKHI_DIGITS = str.maketrans("੦੧੨੩੪੫੬੭੮੯", "0123456789")


def _alternation(words: dict[int, tuple[str, ...]]) -> tuple[str, dict[str, int]]:
    lookup = {normalise(w): n for n, forms in words.items() for w in forms}
    alternatives = sorted(lookup, key=len, reverse=True)
    return "|".join(re.escape(w) for w in alternatives), lookup


_MONTH_ALT, _MONTH_OF = _alternation(_MONTHS)
_WEEKDAY_ALT, _WEEKDAY_OF = _alternation(_WEEKDAYS)
_B = r"(?<![a-z0-9\u0a00-\u0a7f])"  # a word starts here
_E = r"(?![a-z\u0a00-\u0a7f])"  # and ends here
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"

_MONTH_DAY = re.compile(rf"{_B}({_MONTH_ALT})\.?{_E}\s*,?\s*{_DAY}(?!\d)(?!\s*(?:am|pm|:))")
_DAY_MONTH = re.compile(rf"(?<!\d){_DAY}\s*(?:of\s+|ng\s+)?({_MONTH_ALT}){_E}")
_NUMERIC = re.compile(r"(?<![\d/])(1[0-2]|0?[1-9])/([12]\d|3[01]|0?[1-9])(?![\d/])")
_HAN_DATE = re.compile(
    r"(\d{1,2}|十[一二]?|[一二三四五六七八九])月(?:份)?(?:(\d{1,2}|[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])[日号號])?"
)
_HAN_DAY_ONLY = re.compile(r"(?<![月\d])(\d{1,2})[日号號]")
_ORDINAL_DAY = re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b")
_MONTH_ONLY = re.compile(
    rf"{_B}(?:in|sa|this|next|ngayong|ng|on|during)\s+({_MONTH_ALT}){_E}|{_B}({_MONTH_ALT}){_E}\s*(?:wal|ਵਿ|ਦੇ|ਦੀ|ਚ)"
)
_WEEKDAY = re.compile(rf"{_B}({_WEEKDAY_ALT}){_E}")
_HAN_WEEKDAY = re.compile(r"(下|这|这个|本|上)?(?:个)?(?:星期|礼拜|周)([一二三四五六日天])")
_THIS = re.compile(rf"{_B}(this|ngayong|ngayon|is|iss|ਇਸ|ਇਹ)\s+({_WEEKDAY_ALT}){_E}")
_NEXT = re.compile(
    rf"{_B}(next|susunod na|sa susunod na|agle|agla|ਅਗਲੇ|ਅਗਲਾ|ਅਗਲੀ)\s+({_WEEKDAY_ALT}){_E}"
)
_TODAY = re.compile(rf"{_B}(today|tonight|ngayong araw|ngayon|aaj|ਅੱਜ|ਅਜ){_E}|今天|今晚")
_TOMORROW = re.compile(rf"{_B}(tomorrow|bukas|kal|ਕੱਲ੍ਹ|ਕਲ੍ਹ|ਕਲ){_E}|明天")


@dataclass(frozen=True)
class AskedWhen:
    """What a question says about when: exact dates, weekdays (0 = Monday), months."""

    dates: tuple[date, ...] = ()
    weekdays: frozenset[int] = field(default_factory=frozenset)
    months: frozenset[int] = field(default_factory=frozenset)

    def __bool__(self) -> bool:
        return bool(self.dates or self.weekdays or self.months)


def _han_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_HAN_DIGITS.get(tens, 1) if tens else 1) * 10 + (
            _HAN_DIGITS.get(ones, 0) if ones else 0
        )
    return _HAN_DIGITS.get(text, 0)


def resolve_month_day(month: int, day: int, today: date) -> date | None:
    """The occurrence of month/day closest to today, a past one counting half again as far."""
    best: tuple[float, date] | None = None
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        distance = (candidate - today).days
        cost = distance if distance >= 0 else -1.5 * distance
        if best is None or cost < best[0]:
            best = (cost, candidate)
    return best[1] if best else None


def _day_of_coming_month(day: int, today: date) -> date | None:
    """ "The 23rd": this month's if it is still ahead (or today), else next month's."""
    for offset in (0, 1):
        month = (today.month - 1 + offset) % 12 + 1
        year = today.year + (today.month - 1 + offset) // 12
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _coming(weekday: int, today: date, *, skip_this_week: bool = False) -> date:
    ahead = (weekday - today.weekday()) % 7
    if skip_this_week:
        ahead = ahead + 7 if ahead == 0 or ahead <= 6 - today.weekday() else ahead
    return today + timedelta(days=ahead)


def asked_when(text: str, today: date) -> AskedWhen:
    """Dates, weekdays and months the question names, read in all four languages."""
    normal = normalise(text).translate(_GURMUKHI_DIGITS)
    dates: list[date] = []
    spans: list[tuple[int, int]] = []

    def taken(span: tuple[int, int]) -> bool:
        return any(a < span[1] and span[0] < b for a, b in spans)

    def add(found: date | None, span: tuple[int, int]) -> None:
        if found is not None:
            dates.append(found)
            spans.append(span)

    for m in _MONTH_DAY.finditer(normal):
        add(resolve_month_day(_MONTH_OF[m.group(1)], int(m.group(2)), today), m.span())
    for m in _DAY_MONTH.finditer(normal):
        add(resolve_month_day(_MONTH_OF[m.group(2)], int(m.group(1)), today), m.span())
    for m in _NUMERIC.finditer(normal):
        add(resolve_month_day(int(m.group(1)), int(m.group(2)), today), m.span())
    months: set[int] = set()
    for m in _HAN_DATE.finditer(normal):
        month = _han_number(m.group(1))
        if not 1 <= month <= 12:
            continue
        if m.group(2):
            add(resolve_month_day(month, _han_number(m.group(2)), today), m.span())
        else:
            months.add(month)
    for m in _HAN_DAY_ONLY.finditer(normal):
        add(_day_of_coming_month(int(m.group(1)), today), m.span())
    for m in _ORDINAL_DAY.finditer(normal):
        if not taken(m.span()):
            add(_day_of_coming_month(int(m.group(1)), today), m.span())

    weekdays: set[int] = set()
    for m in _THIS.finditer(normal):
        add(_coming(_WEEKDAY_OF[m.group(2)], today), m.span())
    for m in _NEXT.finditer(normal):
        add(_coming(_WEEKDAY_OF[m.group(2)], today, skip_this_week=True), m.span())
    for m in _HAN_WEEKDAY.finditer(normal):
        weekday = _HAN_WEEKDAYS[m.group(2)]
        if m.group(1) in ("这", "这个", "本"):
            add(_coming(weekday, today), m.span())
        elif m.group(1) == "下":
            add(_coming(weekday, today, skip_this_week=True), m.span())
        else:
            weekdays.add(weekday)
    for m in _WEEKDAY.finditer(normal):
        if not taken(m.span()):
            weekdays.add(_WEEKDAY_OF[m.group(1)])
    if _TODAY.search(normal):
        dates.append(today)
    if _TOMORROW.search(normal):
        dates.append(today + timedelta(days=1))
    for m in _MONTH_ONLY.finditer(normal):
        if not taken(m.span()):
            months.add(_MONTH_OF[m.group(1) or m.group(2)])
    # A weekday said beside a full date ("Friday, March 12") adds nothing the date does not.
    if dates:
        weekdays -= {d.weekday() for d in dates}
    return AskedWhen(tuple(sorted(set(dates))), frozenset(weekdays), frozenset(months))
