"""Review on the embedded store, with a fake of the search port for similar items."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import pytest

from shared.adapters.clock import FixedClock
from shared.errors import BadInput, NotFound
from shared.models import Item, ItemCategory, ItemStatus
from shared.ports import ItemMatch
from shared.repository import Repositories
from shared.services.review import ItemEdit, ReviewService
from shared.services.roster import SchoolRoster, load_roster
from tests.fakes import RecordingQueue

AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


@dataclass
class FakeItemSearch:
    """ItemSearch answering `similar` from a table: item id -> matches, best first."""

    table: dict[str, list[ItemMatch]] = field(default_factory=dict)
    calls: list[str] = field(default_factory=list)

    def search(
        self,
        school_id: str,
        text: str,
        *,
        now: datetime,
        parent_id: str | None = None,
        grades: Sequence[int] | None = None,
        limit: int = 5,
    ) -> list[ItemMatch]:
        return []

    def similar(self, item_id: str, limit: int = 5) -> list[ItemMatch]:
        self.calls.append(item_id)
        return self.table.get(item_id, [])[:limit]


def an_item(
    item_id: str, confidence: float, school_id: str = "sample-school", **kw: object
) -> Item:
    return Item.model_validate(
        {
            "id": item_id,
            "school_id": school_id,
            "newsletter_id": "nl",
            "title": f"Item {item_id}",
            "category": ItemCategory.EVENT,
            "grades": [3],
            "confidence": confidence,
            "created_at": AT,
            "updated_at": AT,
            **kw,
        }
    )


@pytest.fixture
def loaded(repos: Repositories, sample_roster: SchoolRoster) -> Repositories:
    load_roster(sample_roster, repos)
    return repos


@pytest.fixture
def search() -> FakeItemSearch:
    return FakeItemSearch()


@pytest.fixture
def service(loaded: Repositories, clock: FixedClock, search: FakeItemSearch) -> ReviewService:
    return ReviewService(loaded, RecordingQueue(), clock, search)


def test_the_queue_pages_pending_items_lowest_confidence_first(
    service: ReviewService, loaded: Repositories
) -> None:
    loaded.items.put_many(
        [an_item(f"i{n}", confidence=n / 10) for n in (7, 2, 9, 4)]
        + [an_item("done", 0.1, status=ItemStatus.APPROVED)]
    )
    first = service.queue("sample-school", page_size=3)
    assert [e.item.id for e in first.entries] == ["i2", "i4", "i7"]
    assert first.pending_total == 4
    assert first.next_after == "i7"
    rest = service.queue("sample-school", after=first.next_after, page_size=3)
    assert [e.item.id for e in rest.entries] == ["i9"]
    assert rest.next_after is None


def test_the_duplicate_the_index_marked_is_shown_with_the_similar_items(
    service: ReviewService, loaded: Repositories, search: FakeItemSearch
) -> None:
    new = an_item("new", 0.5).model_copy(update={"possible_duplicate_of": "old"})
    loaded.items.put_many([new, an_item("old", 0.9), an_item("near", 0.9)])
    search.table["new"] = [ItemMatch("old", 0.95, "same title"), ItemMatch("near", 0.7, "x")]
    (entry,) = [e for e in service.queue("sample-school").entries if e.item.id == "new"]
    assert entry.possible_duplicate is not None and entry.possible_duplicate.id == "old"
    assert search.calls == []  # the queue reads the marks; it runs no search per item
    review = service.review("sample-school", "new")
    assert review.possible_duplicate is not None and review.possible_duplicate.id == "old"
    assert [s.item.id for s in review.similar] == ["old", "near"]


def test_a_similar_item_is_no_duplicate_unless_the_index_marked_it(
    service: ReviewService, loaded: Repositories, search: FakeItemSearch
) -> None:
    loaded.items.put_many([an_item("new", 0.5), an_item("near", 0.9)])
    search.table["new"] = [ItemMatch("near", 0.99, "x")]
    review = service.review("sample-school", "new")
    assert review.possible_duplicate is None
    assert [s.item.id for s in review.similar] == ["near"]


def test_similar_items_of_another_school_are_never_shown(
    service: ReviewService, loaded: Repositories, search: FakeItemSearch
) -> None:
    loaded.items.put_many([an_item("new", 0.5), an_item("theirs", 0.9, school_id="other")])
    search.table["new"] = [ItemMatch("theirs", 0.99, "x")]
    review = service.review("sample-school", "new")
    assert review.similar == [] and review.possible_duplicate is None


def test_without_a_search_service_the_page_says_so(loaded: Repositories, clock: FixedClock) -> None:
    service = ReviewService(loaded, RecordingQueue(), clock, None)
    loaded.items.put(an_item("new", 0.5))
    assert service.review("sample-school", "new").similar_available is False


def test_the_preview_counts_the_audience(service: ReviewService, loaded: Repositories) -> None:
    loaded.items.put(an_item("g3", 0.5))
    preview = service.review("sample-school", "g3").preview
    assert (preview.parents, preview.children) == (2, 2)


def test_an_edit_must_stay_within_the_schools_grades_and_activities(
    service: ReviewService, loaded: Repositories
) -> None:
    loaded.items.put(an_item("i", 0.5))
    with pytest.raises(BadInput, match="grade"):
        service.edit(
            "a@x.org", "sample-school", "i", ItemEdit(title="t", category="event", grades=[9])
        )
    with pytest.raises(BadInput, match="activity"):
        service.edit(
            "a@x.org",
            "sample-school",
            "i",
            ItemEdit(title="t", category="event", activities=["polo"]),
        )


def test_an_edit_with_an_end_before_the_start_is_refused() -> None:
    with pytest.raises(ValueError, match="before"):
        ItemEdit(title="t", category="event", start_date="2026-10-09", end_date="2026-10-01")


def test_another_schools_item_is_not_found(service: ReviewService, loaded: Repositories) -> None:
    loaded.items.put(an_item("theirs", 0.5, school_id="other"))
    with pytest.raises(NotFound):
        service.approve("a@x.org", "sample-school", "theirs")
    stored = loaded.items.get("theirs")
    assert stored is not None and stored.status is ItemStatus.PENDING_REVIEW
