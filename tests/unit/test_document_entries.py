"""The document model: paragraphs by leading, run-on lines, date lines and their titles,
per-audience lines, school-year dates and relative days.

Every text here is written for these tests; none comes from an evaluation document.
"""

from __future__ import annotations

from datetime import date

import pytest

from shared.extraction.dates import (
    find_dates,
    leading_date_end,
    resolve_year,
    weekly_days,
)
from shared.extraction.entries import regroup_entries
from shared.extraction.layout import Block, TextLine, build_blocks
from shared.extraction.relative_days import relative_weekday_dates
from shared.extraction.segments import names_school

ISSUED = date(2027, 3, 5)  # a Friday


def _lines(*rows: tuple[str, float]) -> list[TextLine]:
    return [TextLine(text, 10.0, False, 1, top, top + 10.0, 40.0, region="r") for text, top in rows]


# A wrapped paragraph first, so that the page's leading (13.5) is known; the lines below
# it are 16.5 apart, one paragraph each, as a web page saved as a PDF sets them.
_INTRO = (
    ("Here is what is coming up at school over the next few weeks for", -60.0),
    ("every class, with the times where we have them, so please keep", -46.5),
    ("this note on the fridge.", -33.0),
)


def _texts(lines: list[TextLine]) -> list[str]:
    blocks = build_blocks([*_lines(*_INTRO), *lines])[1:]
    regrouped = regroup_entries(blocks, lambda text: leading_date_end(text, ISSUED))
    return [block.text for block in regrouped]


def test_a_gap_wider_than_the_leading_starts_a_paragraph() -> None:
    # Wrapped lines 13.5 apart; paragraphs 16.5 apart with no blank line between them.
    lines = _lines(
        ("Our garden volunteers will plant bulbs along the front walk", 0.0),
        ("before the first frost.", 13.5),
        ("The library is collecting picture books for a sister school", 30.0),
        ("overseas.", 43.5),
    )
    assert _texts(lines) == [
        "Our garden volunteers will plant bulbs along the front walk before the first frost.",
        "The library is collecting picture books for a sister school overseas.",
    ]


def test_a_date_line_names_the_title_lines_under_it() -> None:
    lines = _lines(
        ("Thursday, March 18, 6:00pm-7:30pm", 0.0),
        ("Science Fair Judging", 16.5),
        ("Bake Sale in the Lobby", 33.0),
        ("Friday, March 19 - Walk to School Day", 49.5),
    )
    texts = _texts(lines)
    assert texts[0] == "Thursday, March 18, 6:00pm-7:30pm - Science Fair Judging"
    assert texts[1] == "Thursday, March 18, 6:00pm-7:30pm - Bake Sale in the Lobby"
    assert texts[2] == "Friday, March 19 - Walk to School Day"


def test_a_line_that_stops_mid_phrase_runs_on_into_the_next() -> None:
    lines = _lines(
        ("Saturday, April 10 @", 0.0),
        ("6:30p - Spring Gala at the Community Hall (adults", 16.5),
        ("only) in the main room", 33.0),
    )
    assert _texts(lines) == [
        "Saturday, April 10 @ 6:30p - Spring Gala at the Community Hall (adults only) "
        "in the main room"
    ]


def test_a_label_ending_in_a_dash_stays_apart_from_the_dated_line_under_it() -> None:
    lines = _lines(
        ("Coming up at the school –", 0.0),
        ("Monday, March 15 - Library Book Swap", 16.5),
        ("Tuesday, March 16 - Choir Concert", 33.0),
    )
    texts = _texts(lines)
    assert "Monday, March 15 - Library Book Swap" in texts
    assert not any(text.startswith("Coming up") and "March 15" in text for text in texts)


def test_an_aside_in_parentheses_does_not_make_a_title_line_prose() -> None:
    lines = _lines(
        ("Wednesday, March 17", 0.0),
        ("Crazy Hair Day (for the classes that sold the most raffle tickets) - hats allowed", 16.5),
        ("Spelling Bee Finals", 33.0),
    )
    texts = _texts(lines)
    assert texts[0].startswith("Wednesday, March 17 - Crazy Hair Day")
    assert texts[1] == "Wednesday, March 17 - Spelling Bee Finals"


def test_one_entry_per_audience_line() -> None:
    lines = _lines(
        ("April 16 Late Start", 0.0),
        ("Primary — 9:45 AM", 16.5),
        ("Secondary — 10:15 AM", 33.0),
    )
    assert _texts(lines) == [
        "April 16 - Late Start (Primary) 9:45 AM",
        "April 16 - Late Start (Secondary) 10:15 AM",
    ]


def test_dates_followed_by_a_colon_and_day_pairs() -> None:
    (mention,) = find_dates("Tuesday, March 16: Kite Day", ISSUED)
    assert mention.value == date(2027, 3, 16)
    (pair,) = find_dates("Monday, March 22 and Tuesday, March 23: no school", ISSUED)
    assert (pair.value, pair.end_value) == (date(2027, 3, 22), date(2027, 3, 23))
    assert len(find_dates("March 8 and March 15: skating", ISSUED)) == 2
    # A clock time is not a day: "at 9:30".
    assert find_dates("March 9:30 am", ISSUED) == []


def test_a_calendar_issued_in_july_speaks_of_the_coming_school_year() -> None:
    assert resolve_year(3, 29, date(2026, 7, 6)) == date(2027, 3, 29)
    assert resolve_year(9, 8, date(2027, 6, 10)) == date(2027, 9, 8)
    assert resolve_year(1, 12, date(2026, 12, 4)) == date(2027, 1, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomorrow is Crazy Sock Day", date(2027, 3, 6)),
        ("The choir sings tonight", date(2027, 3, 5)),
        ("this Wednesday we plant seeds", date(2027, 3, 10)),
        ("next Monday is a Pro-D day", date(2027, 3, 8)),
    ],
)
def test_relative_days_resolve_from_the_issue_date(text: str, expected: date) -> None:
    assert [m.value for m in relative_weekday_dates(text, ISSUED)] == [expected]


@pytest.mark.parametrize(
    ("text", "next_week", "expected"),
    [
        ("On Thursday we will plant the garden beds.", False, [date(2027, 3, 11)]),
        ("Wednesday is the last day to order yearbooks.", False, [date(2027, 3, 10)]),
        # Once the writer speaks of next week, a weekday alone is that week's: from a
        # Friday's issue the coming Friday, either way.
        ("On Friday the gym is closed for repairs.", True, [date(2027, 3, 12)]),
        # Said in passing, possessive, plural or opening a written date: not a bare weekday.
        ("The class will hear back on Monday about the play.", False, []),
        ("Monday's assembly was a delight.", False, []),
        ("Tuesdays are library days.", False, []),
    ],
)
def test_a_weekday_opening_a_sentence_dates_it(
    text: str, next_week: bool, expected: list[date]
) -> None:
    found = relative_weekday_dates(text, ISSUED, next_week=next_week)
    assert [m.value for m in found] == expected


def test_after_next_week_is_mentioned_a_weekday_alone_skips_this_week() -> None:
    wednesday = date(2027, 3, 3)
    text = "On Friday the gym is closed for repairs."
    assert [m.value for m in relative_weekday_dates(text, wednesday)] == [date(2027, 3, 5)]
    following = relative_weekday_dates(text, wednesday, next_week=True)
    assert [m.value for m in following] == [date(2027, 3, 12)]


def test_short_timetable_days_recur() -> None:
    assert weekly_days("Swimming continues on Mon/Wed in the pool") == [0, 2]


@pytest.mark.parametrize(
    ("heading", "school", "expected"),
    [
        ("Birchwood Elementary School", "Birchwood Elementary School", True),
        ("Birchwood School - Grade 3 Notes", "Birchwood School", True),
        ("Birchwood Family Fun Fair", "Birchwood Elementary School", False),
        ("Spring Concert", "Birchwood Elementary School", False),
        ("Birchwood Elementary", "", False),
    ],
)
def test_a_heading_naming_the_school_is_the_masthead(
    heading: str, school: str, expected: bool
) -> None:
    assert names_school(heading, school) is expected


# Notices written wholly in one language, for these tests.
_WHOLLY = {
    "zh": [
        ("家长通讯", True),
        ("3月12日（星期五）学校放假，不上课。", False),
        ("3月18日（星期四）晚上6:30在体育馆举行春季音乐会。", False),
        ("请在3月15日前交回实地考察同意书。", False),
    ],
    "tl": [
        ("Balita para sa mga Magulang", True),
        ("Biyernes, Marso 12: Walang pasok.", False),
        ("Huwebes, Marso 18, 6:30 ng gabi: Konsiyerto sa gym.", False),
        ("Ibalik ang permission slip bago ang Marso 15.", False),
    ],
    "pa": [
        ("ਮਾਪਿਆਂ ਲਈ ਖ਼ਬਰਾਂ", True),
        ("12 ਮਾਰਚ (ਸ਼ੁੱਕਰਵਾਰ): ਸਕੂਲ ਬੰਦ ਰਹੇਗਾ।", False),
        ("18 ਮਾਰਚ ਸ਼ਾਮ 6:30 ਵਜੇ: ਜਿਮ ਵਿੱਚ ਬਸੰਤ ਸੰਗੀਤ ਸਮਾਰੋਹ।", False),
        ("15 ਮਾਰਚ ਤੱਕ ਸਹਿਮਤੀ ਫਾਰਮ ਵਾਪਸ ਕਰੋ।", False),
    ],
}
_EXPECTED_TITLES = {
    "zh": ["学校放假，不上课", "体育馆举行春季音乐会", "交回实地考察同意书"],
    "tl": ["Walang pasok", "Konsiyerto sa gym", "Ibalik ang permission slip"],
    "pa": ["ਸਕੂਲ ਬੰਦ ਰਹੇਗਾ", "ਜਿਮ ਵਿੱਚ ਬਸੰਤ ਸੰਗੀਤ ਸਮਾਰੋਹ", "ਸਹਿਮਤੀ ਫਾਰਮ ਵਾਪਸ ਕਰੋ"],
}


@pytest.mark.parametrize("language", sorted(_WHOLLY))
def test_a_newsletter_wholly_in_another_language_is_read_in_it(language: str) -> None:
    from shared.extraction.schema import ExtractionContext
    from shared.extraction.sniff import MediaType
    from shared.models import ItemCategory
    from tests.unit.test_extraction_rules import _TypedExtractor

    context = ExtractionContext(
        issued_on=ISSUED,
        issued_on_is_known=True,
        timezone="America/Vancouver",
        grades_offered=list(range(8)),
    )
    items = _TypedExtractor(_WHOLLY[language]).extract(b"", MediaType.PDF, context).items
    assert [i.title for i in items] == _EXPECTED_TITLES[language]
    assert [i.start_date for i in items] == [date(2027, 3, d) for d in (12, 18, 15)]
    assert [i.category for i in items] == [
        ItemCategory.CLOSURE,
        ItemCategory.EVENT,
        ItemCategory.DEADLINE,
    ]
    assert [i.action_required for i in items] == [False, False, True]
    assert items[1].start_time is not None and items[1].start_time.hour == 18


def _block(kind: str, text: str, **flags: bool) -> Block:
    return Block(kind, text, 10.0, 1, **flags)  # type: ignore[arg-type]


def _regrouped(blocks: list[Block]) -> list[tuple[str, str, bool]]:
    out = regroup_entries(blocks, lambda text: leading_date_end(text, ISSUED))
    return [(block.kind, block.text, block.listed) for block in out]


def test_a_date_line_over_a_bold_title_makes_that_title_its_entry() -> None:
    blocks = [
        _block("heading", "Upcoming in April"),
        _block("text", "Monday, April 12", titled=True),
        _block("heading", "Kite Flying Afternoon"),
        _block("text", "Bring a kite if you have one; we will lend the rest."),
        _block("text", "Wednesday, April 14"),
        _block("heading", "Book Swap Table"),
        _block("text", "Trade a book you have read for one you have not."),
    ]
    assert _regrouped(blocks) == [
        ("heading", "Upcoming in April", False),
        ("text", "Monday, April 12 - Kite Flying Afternoon", True),
        ("text", "Bring a kite if you have one; we will lend the rest.", False),
        ("text", "Wednesday, April 14 - Book Swap Table", True),
        ("text", "Trade a book you have read for one you have not.", False),
    ]


@pytest.mark.parametrize(
    "blocks",
    [
        # A flyer's title, then its date, then its venue set large over the street address.
        [
            _block("heading", "Spring Kite Festival"),
            _block("text", "Monday, April 12"),
            _block("heading", "Hilltop Park"),
        ],
        [
            _block("text", "Monday, April 12"),
            _block("heading", "Maple Hall Gym"),
            _block("text", "410 Birch Avenue, Eastfield"),
        ],
        # A time set large under the date is the date's detail.
        [_block("text", "Monday, April 12"), _block("heading", "4 PM - 6 PM rain or shine")],
    ],
)
def test_a_heading_under_a_date_stays_a_heading_when_it_is_no_title(
    blocks: list[Block],
) -> None:
    assert [kind for kind, _, _ in _regrouped(blocks)] == [b.kind for b in blocks]


def test_an_announcing_phrase_before_a_colon_is_no_things_name() -> None:
    from shared.extraction.clauses import without_lead_in

    announced = (
        "Below is the whole month for busy households: the kite fair runs on Monday, "
        "April 12 and the soup supper is on Friday, April 16"
    )
    assert without_lead_in(announced, ISSUED) == (
        "the kite fair runs on Monday, April 12 and the soup supper is on Friday, April 16"
    )
    # A notice's own name stays, and so does a short label or one dated thing.
    for kept in (
        "Kite Fair: Monday, April 12 and Friday, April 16",
        "Remember: the kite fair runs on Monday, April 12 and Friday, April 16",
        "Below is the whole month for busy households: the kite fair is on Monday, April 12",
    ):
        assert without_lead_in(kept, ISSUED) == kept


def test_a_run_on_list_comes_apart_at_commas_but_a_range_stays_whole() -> None:
    from shared.extraction.clauses import clauses_of

    run_on = (
        "The kite fair opens on Monday, April 12 and runs until Wednesday, April 14, "
        "the soup supper is Friday, April 16 at 6 pm, the choir sings on Monday, April 19"
    )
    assert clauses_of(run_on, ISSUED) == [
        "The kite fair opens on Monday, April 12 and runs until Wednesday, April 14",
        "the soup supper is Friday, April 16 at 6 pm",
        "the choir sings on Monday, April 19",
    ]
    # A date's detail after a comma is no new thing.
    detail = "Picture retakes are on Monday, April 12, in the library, and on Friday, April 16"
    assert len(clauses_of(detail, ISSUED)) == 2
