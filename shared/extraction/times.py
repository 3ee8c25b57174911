"""Clock times in newsletters: "6:30pm", "7:30p", "3–7 p.m.", "noon", "from 9 until 2:30",
with the morning or afternoon guessed from school hours when it is not written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

_CLOCK = (
    # "7:30p" and "6p" as typed in a hurry: a letter alone, set against the digits.
    r"(?:(\d{1,2}):(\d{2})(\s*[ap]\.?\s?m\.?|[ap](?![a-z]))?|(\d{1,2})(\s*[ap]\.?\s?m\.?|[ap](?![a-z]))"
    r"|(noon|midnight)"
    # a bare hour that starts a range: the "4" of "4–8 p.m."
    r"|(\d{1,2})(?=\s*(?:[-–—]|to)\s*\d{1,2}(?::\d\d)?\s*[ap]\.?\s?m\b"
    # ... or of "from 9 until 2:30", whose end is a clock time
    r"|\s*(?:[-–—]|to|until|till)\s*\d{1,2}:\d\d\b))"
)
_ROOM_BEFORE = re.compile(r"\b(?:room|rm|div|division|gr|grade|portable|class)\.?\s*$", re.I)
_CLOCK_RE = re.compile(rf"(?<![\d:/$])(?:{_CLOCK})(?![\d/])", re.IGNORECASE)
_TIME_RANGE_JOINER = re.compile(r"^\s*(?:[-–—]|to|until|till|and)\s*$", re.IGNORECASE)
_END_TIME_CUE = re.compile(r"\b(?:return\w*|until|till|ends?|ending|finish\w*|back)\b[^.;]*$", re.I)


@dataclass(frozen=True)
class _Clock:
    start: int
    end: int
    hour: int
    minute: int
    meridiem: str | None  # "am", "pm" or None when unwritten


def _clocks(text: str) -> list[_Clock]:
    clocks = []
    for m in _CLOCK_RE.finditer(text):
        if m.group(6):
            word = m.group(6).lower()
            clocks.append(_Clock(m.start(), m.end(), 12 if word == "noon" else 0, 0, "fixed"))
            continue
        hour = int(m.group(1) or m.group(4) or m.group(7))
        minute = int(m.group(2) or 0)
        suffix = "".join((m.group(3) or m.group(5) or "").lower().replace(".", "").split())
        if suffix in ("a", "p") and _ROOM_BEFORE.search(text[: m.start()]):
            continue  # "Room 5a", "Div 3p": a room or a class, not a time
        suffix = {"a": "am", "p": "pm"}.get(suffix, suffix)
        if hour > 23 or minute > 59:
            continue
        clocks.append(_Clock(m.start(), m.end(), hour, minute, suffix or None))
    return clocks


def _to_time(clock: _Clock, meridiem: str | None) -> time:
    hour = clock.hour
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return time(hour, clock.minute)


def _guess_meridiem(clock: _Clock) -> str | None:
    # School hours: a bare 12:00-6:59 is afternoon, 7:00-11:59 morning.
    if clock.hour >= 13 or clock.meridiem == "fixed" or clock.hour == 0:
        return None
    return "pm" if 1 <= clock.hour <= 6 or clock.hour == 12 else "am"


def _beside(clock: _Clock, clocks: list[_Clock]) -> str | None:
    """ "at about 7:15 (after the meeting at 6:30 pm)": a bare hour takes the half of day of
    a marked hour near it in the same text."""
    if clock.hour > 12:
        return None
    near = [
        other.meridiem
        for other in clocks
        if other is not clock
        and other.meridiem in ("am", "pm")
        and abs(other.hour % 12 - clock.hour % 12) <= 2
    ]
    return near[0] if near else None


def find_times(text: str) -> tuple[time | None, time | None]:
    """The start and end time an event text states ("3:30–4:45 pm", "7 pm", "noon")."""
    clocks = _clocks(text)
    if not clocks:
        return None, None
    first = clocks[0]
    second = clocks[1] if len(clocks) > 1 else None
    is_range = second is not None and bool(
        _TIME_RANGE_JOINER.match(text[first.end : second.start])
        or _END_TIME_CUE.search(text[first.end : second.start])
    )
    if second is None or not is_range:
        meridiem = first.meridiem if first.meridiem != "fixed" else None
        return _to_time(first, meridiem or _beside(first, clocks) or _guess_meridiem(first)), None
    end_meridiem = second.meridiem if second.meridiem != "fixed" else None
    end_meridiem = end_meridiem or _guess_meridiem(second)
    end = _to_time(second, end_meridiem)
    if first.meridiem and first.meridiem != "fixed":
        start = _to_time(first, first.meridiem)
    elif second.meridiem is None and first.meridiem is None:
        # "5:30-7:00", neither half marked: each is guessed, and the end follows the start.
        start = _to_time(first, _guess_meridiem(first))
        if end <= start and _to_time(second, "pm") > start:
            end = _to_time(second, "pm")
    else:
        # "10:30–12:30 pm" starts in the morning; "2:00–3:30 pm" in the afternoon.
        start = _to_time(first, end_meridiem)
        if start > end:
            start = _to_time(first, "am")
    return start, end


# The part of the day said with a clock time in the other languages ("ਸ਼ਾਮ 6:30 ਵਜੇ",
# "晚上6:30", "6:30 ng gabi"): it goes with the time, not with the title.
_DAY_PART_BEFORE = r"(?:(?:ਸ਼ਾਮ|ਸਵੇਰੇ|ਦੁਪਹਿਰ|ਰਾਤ)\s*|(?:早上|上午|中午|下午|晚上)\s*)?"
_DAY_PART_AFTER = r"(?:\s*ਵਜੇ|\s+ng\s+(?:umaga|tanghali|hapon|gabi)\b)?"


def strip_times(text: str) -> str:
    """The text without clock times or time ranges (for titles)."""
    text = re.sub(
        rf"(?:\b(?:from|at|by)\s+)?{_DAY_PART_BEFORE}{_CLOCK}"
        rf"(?:\s*(?:[-–—]|to|until)\s*{_CLOCK})?{_DAY_PART_AFTER}",
        " ",
        text,
        flags=re.I,
    )
    return re.sub(r"\s{2,}", " ", text)
