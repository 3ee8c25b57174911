"""Dates and times as each parent's locale writes them (CLDR through Babel), weekday included."""

from __future__ import annotations

import re
from datetime import date, time
from functools import cache

from babel.dates import format_date as babel_format_date
from babel.dates import format_interval, format_time

from shared.models import LanguageCode
from shared.rendering.catalogs import locale_for


@cache
def _day_pattern(language: LanguageCode, full_weekday: bool) -> str:
    """The locale's own month-day-weekday pattern ("Monday, Oct 5", "10月5日星期一").

    CLDR's skeleton MMMEd gives the locale's order and punctuation with an abbreviated weekday;
    widening E to EEEE keeps both and spells the weekday out, which reads better to families
    still learning the language.
    """
    pattern = str(locale_for(language).datetime_skeletons["MMMEd"])
    return re.sub(r"E+", "EEEE", pattern) if full_weekday else pattern


def format_day(day: date, language: LanguageCode, *, full_weekday: bool = True) -> str:
    return babel_format_date(day, _day_pattern(language, full_weekday), locale=locale_for(language))


def format_days(
    start: date, end: date | None, language: LanguageCode, *, full_weekday: bool = True
) -> str:
    if end is None or end == start:
        return format_day(start, language, full_weekday=full_weekday)
    return format_interval(start, end, "MMMEd", locale=locale_for(language))


def format_times(start: time, end: time | None, language: LanguageCode) -> str:
    locale = locale_for(language)
    if end is None or end == start:
        return format_time(start, "short", locale=locale)
    # The locale's own clock: 24-hour where its short time pattern uses H.
    skeleton = "Hm" if "H" in str(locale.time_formats["short"]) else "hm"
    return format_interval(start, end, skeleton, locale=locale)
