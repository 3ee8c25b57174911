"""Targeting: who an item reaches, the cards it gets, and the preview admins see."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Literal

import pytest

from shared.adapters.clock import FixedClock
from shared.adapters.store_metered import MeteredDocumentStore
from shared.errors import NotFound
from shared.models import (
    Card,
    CardStatus,
    Child,
    ConsentState,
    Item,
    ItemCategory,
    ItemStatus,
    LanguageCode,
    Parent,
    Subscription,
)
from shared.repository import Repositories
from shared.services.targeting import (
    AudienceCount,
    audience_for_item,
    preview_audience,
    target_parents_for_item,
)

SCHOOL = "maple"
AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)


def parent(
    pid: str,
    *,
    school: str = SCHOOL,
    consent: ConsentState = ConsentState.OPTED_IN,
    language: LanguageCode = "en",
) -> Parent:
    number = sum(map(ord, pid)) % 10_000
    return Parent(
        id=pid,
        school_id=school,
        name=f"Parent {pid}",
        phone=f"+1604555{number:04d}",
        language=language,
        consent=consent,
    )


def child(cid: str, grade: int, *parent_ids: str, school: str = SCHOOL) -> Child:
    return Child(
        id=cid, school_id=school, name=f"Child {cid}", grade=grade, parent_ids=list(parent_ids)
    )


def follows(pid: str, activity: str, child_id: str | None = None) -> Subscription:
    return Subscription(
        id=Subscription.id_for(pid, activity, child_id),
        school_id=SCHOOL,
        parent_id=pid,
        activity=activity,
        child_id=child_id,
    )


def item(
    grades: Literal["all"] | list[int] = "all",
    activities: tuple[str, ...] = (),
    status: ItemStatus = ItemStatus.APPROVED,
    **fields: Any,
) -> Item:
    return Item(
        id=fields.pop("id", "item-1"),
        school_id=fields.pop("school_id", SCHOOL),
        newsletter_id="nl-1",
        title="Picture day",
        category=ItemCategory.EVENT,
        grades=grades,
        activities=list(activities),
        confidence=0.9,
        status=status,
        created_at=AT,
        updated_at=AT,
        **fields,
    )


@pytest.fixture
def school(repos: Repositories) -> Repositories:
    """Five families of Maple, one family of another school, and what they follow."""
    repos.parents.put_many(
        [
            parent("ana", language="pa"),
            parent("ben", language="zh"),
            parent("cy", language="pa"),
            parent("dee", consent=ConsentState.OPTED_OUT),
            parent("eve", consent=ConsentState.PENDING),
            parent("zed", school="oak"),
        ]
    )
    repos.children.put_many(
        [
            child("ana-1", 1, "ana"),
            child("ana-3", 3, "ana"),
            child("ben-3", 3, "ben"),
            child("cy-5", 5, "cy"),
            child("dee-3", 3, "dee"),
            child("eve-3", 3, "eve"),
            child("zed-3", 3, "zed", school="oak"),
        ]
    )
    repos.subscriptions.put_many(
        [
            follows("ben", "chess"),  # for the family
            follows("cy", "chess", "cy-5"),  # for one child
            follows("ana", "choir", "ana-1"),
            follows("dee", "chess"),
        ]
    )
    return repos


def audience_of(repos: Repositories, **fields: Any) -> set[str]:
    return set(audience_for_item(item(**fields), repos).parents)


def cards_by_parent(repos: Repositories) -> dict[str, CardStatus]:
    return {card.parent_id: card.status for card in repos.cards.find()}


def test_an_item_reaches_opted_in_parents_of_children_in_its_grades(school: Repositories) -> None:
    assert audience_of(school, grades=[3]) == {"ana", "ben"}
    assert audience_of(school, grades=[1, 5]) == {"ana", "cy"}
    assert audience_of(school, grades=[7]) == set()
    assert audience_of(school, grades=[]) == set()


def test_all_grades_reach_every_opted_in_parent_of_the_school(school: Repositories) -> None:
    assert audience_of(school, grades="all") == {"ana", "ben", "cy"}


def test_opted_out_and_pending_parents_and_other_schools_are_left_out(
    school: Repositories,
) -> None:
    reached = audience_of(school, grades="all")
    assert not reached & {"dee", "eve", "zed"}
    assert audience_of(school, grades="all", school_id="oak") == {"zed"}


def test_a_family_subscription_counts_for_any_child_in_the_grades(school: Repositories) -> None:
    assert audience_of(school, grades=[3], activities=("chess",)) == {"ben"}


def test_a_child_subscription_counts_only_for_that_child(school: Repositories) -> None:
    assert audience_of(school, grades=[5], activities=("chess",)) == {"cy"}
    # Ana follows choir for her grade-1 child, not for her grade-3 one.
    assert audience_of(school, grades=[1], activities=("choir",)) == {"ana"}
    assert audience_of(school, grades=[3], activities=("choir",)) == set()
    assert audience_of(school, grades="all", activities=("choir", "chess")) == {
        "ana",
        "ben",
        "cy",
    }


def test_the_audience_names_the_children_through_whom_parents_are_reached(
    school: Repositories,
) -> None:
    audience = audience_for_item(item(grades="all", activities=("chess",)), school)
    assert set(audience.children) == {"ben-3", "cy-5"}
    assert audience.links == {("ben", "ben-3"), ("cy", "cy-5")}


def test_a_parent_missing_from_the_store_is_skipped(repos: Repositories) -> None:
    repos.children.put(child("orphan-2", 2, "gone"))
    assert audience_of(repos) == set()


def test_only_approved_items_get_cards(school: Repositories, clock: FixedClock) -> None:
    for status in (ItemStatus.PENDING_REVIEW, ItemStatus.REJECTED, ItemStatus.WITHDRAWN):
        school.items.put(item(status=status))
        result = target_parents_for_item("item-1", school, clock)
        assert (result.audience, result.created) == (0, 0)
    assert school.cards.count() == 0


def test_approval_creates_one_pending_card_per_parent(
    school: Repositories, clock: FixedClock
) -> None:
    school.items.put(item(grades=[3]))
    result = target_parents_for_item("item-1", school, clock)
    assert (result.audience, result.created, result.retracted) == (2, 2, 0)
    cards = school.cards.find()
    assert {c.id for c in cards} == {Card.id_for(p, "item-1") for p in ("ana", "ben")}
    assert all(c.status is CardStatus.PENDING and c.created_at == clock.now() for c in cards)


def test_running_again_creates_nothing_and_writes_nothing(
    school: Repositories, clock: FixedClock
) -> None:
    school.items.put(item())
    target_parents_for_item("item-1", school, clock)
    metered = MeteredDocumentStore(school.store)
    again = target_parents_for_item("item-1", Repositories(metered), clock)
    assert (again.created, again.restored, again.retracted) == (0, 0, 0)
    assert metered.usage.writes == 0
    assert school.cards.count() == 3


def test_withdrawing_retracts_pending_cards_but_never_sent_ones(
    school: Repositories, clock: FixedClock
) -> None:
    school.items.put(item())
    target_parents_for_item("item-1", school, clock)
    sent = school.cards.get(Card.id_for("ben", "item-1"))
    assert sent is not None
    school.cards.put(sent.model_copy(update={"status": CardStatus.SENT}))

    school.items.put(item(status=ItemStatus.WITHDRAWN))
    result = target_parents_for_item("item-1", school, clock)
    assert result.retracted == 2
    assert cards_by_parent(school) == {
        "ana": CardStatus.RETRACTED,
        "ben": CardStatus.SENT,
        "cy": CardStatus.RETRACTED,
    }


def test_an_edit_that_shrinks_the_audience_retracts_and_reapproval_restores(
    school: Repositories, clock: FixedClock
) -> None:
    school.items.put(item())
    target_parents_for_item("item-1", school, clock)

    school.items.put(item(grades=[3]))
    shrunk = target_parents_for_item("item-1", school, clock)
    assert (shrunk.audience, shrunk.created, shrunk.retracted) == (2, 0, 1)
    assert cards_by_parent(school)["cy"] is CardStatus.RETRACTED

    school.items.put(item(grades=[3, 5]))
    widened = target_parents_for_item("item-1", school, clock)
    assert (widened.created, widened.restored, widened.retracted) == (0, 1, 0)
    assert set(cards_by_parent(school).values()) == {CardStatus.PENDING}


def test_a_parent_who_opts_in_later_gets_a_card_on_the_next_run(
    school: Repositories, clock: FixedClock
) -> None:
    school.items.put(item(grades=[3]))
    target_parents_for_item("item-1", school, clock)
    school.parents.put(parent("eve"))
    assert target_parents_for_item("item-1", school, clock).created == 1
    assert cards_by_parent(school)["eve"] is CardStatus.PENDING


def test_an_unknown_item_is_not_found(repos: Repositories, clock: FixedClock) -> None:
    with pytest.raises(NotFound):
        target_parents_for_item("nope", repos, clock)


def test_preview_breaks_the_audience_down_by_grade_and_language(school: Repositories) -> None:
    school.parents.put(parent("fay", language="zh"))
    school.children.put(child("ben-fay-5", 5, "ben", "fay"))
    preview = preview_audience(item(grades=[3, 5], status=ItemStatus.PENDING_REVIEW), school)
    assert (preview.parents, preview.children) == (4, 4)
    # Ben has a child in grade 3 and one in grade 5: he counts in both grades, once in total.
    assert preview.by_grade == {
        3: AudienceCount(parents=2, children=2),
        5: AudienceCount(parents=3, children=2),
    }
    assert preview.by_language == {
        "pa": AudienceCount(parents=2, children=2),
        "zh": AudienceCount(parents=2, children=2),
    }
