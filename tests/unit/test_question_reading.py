"""Reading a question before searching: dates, weekdays, months, grades, terms in 4 languages."""

from __future__ import annotations

from datetime import date

import pytest

from shared.retrieval.terms import Vocabulary, activity_names, gurmukhi_skeleton, latin_skeleton
from shared.retrieval.when import asked_when
from shared.services.search import grades_named

FRIDAY = date(2026, 10, 2)  # asked on a Friday
TUESDAY = date(2026, 10, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("is there school on Oct 23?", date(2026, 10, 23)),
        ("23 October no school?", date(2026, 10, 23)),
        ("pasok ba sa Oktubre 23", date(2026, 10, 23)),
        ("10/23 school?", date(2026, 10, 23)),
        ("10月23号学校开门吗", date(2026, 10, 23)),
        ("十二月四日有活动吗", date(2026, 12, 4)),
        ("4 ਦਸੰਬਰ ਨੂੰ ਸਕੂਲ?", date(2026, 12, 4)),
        ("੪ ਦਸੰਬਰ ਨੂੰ?", date(2026, 12, 4)),
        ("the 23rd?", date(2026, 10, 23)),
        # Without a year, the occurrence closest to now, the future a little favoured.
        ("march 12 early dismissal?", date(2027, 3, 12)),
        ("what happened on sept 28", date(2026, 9, 28)),
    ],
)
def test_dates_in_four_languages(text: str, expected: date) -> None:
    assert asked_when(text, FRIDAY).dates == (expected,)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("this Friday", date(2026, 10, 9)),
        ("next friday", date(2026, 10, 16)),
        ("这周五", date(2026, 10, 9)),
        ("下周五", date(2026, 10, 16)),
        ("ngayong Biyernes", date(2026, 10, 9)),
        ("ਇਸ ਸ਼ੁੱਕਰਵਾਰ", date(2026, 10, 9)),
        ("ਅਗਲੇ ਸ਼ੁੱਕਰਵਾਰ", date(2026, 10, 16)),
        ("tomorrow", date(2026, 10, 7)),
        ("明天", date(2026, 10, 7)),
        ("bukas", date(2026, 10, 7)),
    ],
)
def test_relative_days_are_read_against_when_asked(text: str, expected: date) -> None:
    assert asked_when(text, TUESDAY).dates == (expected,)


@pytest.mark.parametrize(
    ("text", "weekday"),
    [("sa Lunes", 0), ("Monday", 0), ("星期一", 0), ("周三", 2), ("ਸੋਮਵਾਰ", 0), ("somvar nu", 0)],
)
def test_a_weekday_alone(text: str, weekday: int) -> None:
    when = asked_when(text, TUESDAY)
    assert when.weekdays == {weekday} and when.dates == ()


@pytest.mark.parametrize(
    ("text", "month"), [("sa April", 4), ("三月的家长会", 3), ("in december", 12)]
)
def test_a_month_alone(text: str, month: int) -> None:
    when = asked_when(text, TUESDAY)
    assert when.months == {month} and when.dates == ()


def test_may_the_tagalog_word_is_not_a_month() -> None:
    assert not asked_when("May pasok ba bukas?", TUESDAY).months
    assert asked_when("May pasok po ba sa Oct 12, Lunes?", TUESDAY).dates == (date(2026, 10, 12),)


def test_times_and_grades_are_not_dates() -> None:
    assert not asked_when("grade 8 night at 7:30 pm", TUESDAY)


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("my son's in gr 5", {5}),
        ("Grade 7 anak ko", {7}),
        ("孩子四年级", {4}),
        ("ਮੇਰੀ ਕੁੜੀ ਚੌਥੀ ਜਮਾਤ ਵਿੱਚ ਹੈ", {4}),
        ("my kid is in K", {0}),
        ("3rd grade swim", {3}),
        ("sign her up for kindergarten", {0, -1}),
        ("born in 2022, when can she start", {-1}),
        ("when is the concert", set()),
    ],
)
def test_grades_named(text: str, grades: set[int]) -> None:
    assert grades_named(text, TUESDAY) == grades


VOCABULARY = Vocabulary(activity_names(["basketball", "chess"], {"chess": ["chess team"]}))


@pytest.mark.parametrize(
    ("text", "term"),
    [
        ("no school on friday?", "c:closure"),
        ("放假吗", "c:closure"),
        ("ਛੁੱਟੀ ਹੈ?", "c:closure"),
        ("walang pasok?", "c:closure"),
        ("when r school pics", "c:picture-day"),
        ("hoops practice", "a:basketball"),
        ("篮球什么时候", "a:basketball"),
        ("ਸ਼ਤਰੰਜ ਕਲੱਬ", "a:chess"),
        ("the chess team", "a:chess"),
        ("magkano po", "q:money"),
        ("多少钱", "q:money"),
        ("by when?", "q:deadline"),
        ("sign her up", "c:registration"),
    ],
)
def test_concepts_meet_across_languages(text: str, term: str) -> None:
    assert term in VOCABULARY.terms(text, asks=True)


def test_a_short_latin_form_matches_whole_words_only() -> None:
    assert "c:kindergarten" not in VOCABULARY.terms("kids soccer")


def test_english_loanwords_in_gurmukhi_meet_their_english_spelling() -> None:
    for gurmukhi, english in [("ਕਾਰਨੀਵਲ", "carnival"), ("ਡੈਂਟਲ", "dental"), ("ਕੋਡਿੰਗ", "coding")]:
        assert gurmukhi_skeleton(gurmukhi) == latin_skeleton(english)
