"""The audience of an item equals a brute-force oracle, over random rosters, on every store."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.models import (
    SUPPORTED_LANGUAGES,
    Child,
    ConsentState,
    Item,
    ItemCategory,
    ItemStatus,
    Parent,
    Subscription,
)
from shared.ports import DocumentStore
from shared.repository import Repositories
from shared.services.targeting import audience_for_item

SCHOOLS = ("maple", "oak")
ACTIVITIES = ("chess", "choir", "robotics")
GRADES = range(-1, 5)  # few grades, so that random children and items often meet
AT = "2026-10-01T09:00:00+00:00"


@dataclass(frozen=True)
class StoreUnderTest:
    fresh: Callable[[], DocumentStore]  # an empty store, called once per example
    max_examples: int  # the emulator takes ~0.1 s an example, SQLite a few milliseconds


@dataclass(frozen=True)
class Roster:
    parents: list[Parent]
    children: list[Child]
    subscriptions: list[Subscription]


@st.composite
def rosters(draw: st.DrawFn) -> Roster:
    parents = [
        Parent(
            id=f"p{n}",
            school_id=draw(st.sampled_from(SCHOOLS)),
            name=f"Parent {n}",
            phone=f"+1604555{n:04d}",
            language=draw(st.sampled_from(SUPPORTED_LANGUAGES)),
            consent=draw(st.sampled_from(ConsentState)),
        )
        for n in range(draw(st.integers(0, 8)))
    ]
    # "ghost" is a parent a child names but the store does not hold.
    parent_ids = [p.id for p in parents] + ["ghost"]
    children = [
        Child(
            id=f"c{n}",
            school_id=draw(st.sampled_from(SCHOOLS)),
            name=f"Child {n}",
            grade=draw(st.sampled_from(GRADES)),
            parent_ids=draw(st.lists(st.sampled_from(parent_ids), max_size=2, unique=True)),
        )
        for n in range(draw(st.integers(0, 10)))
    ]
    subscriptions: dict[str, Subscription] = {}
    for p in parents:
        own = [c.id for c in children if p.id in c.parent_ids]
        # Mostly for the family or one's own children (twice as likely), now and then another's.
        for_whom = [None, *own, *own, *(c.id for c in children)]
        for activity, child_id in draw(
            st.lists(st.tuples(st.sampled_from(ACTIVITIES), st.sampled_from(for_whom)), max_size=2)
        ):
            sid = Subscription.id_for(p.id, activity, child_id)
            subscriptions[sid] = Subscription(
                id=sid, school_id=p.school_id, parent_id=p.id, activity=activity, child_id=child_id
            )
    return Roster(parents, children, list(subscriptions.values()))


items = st.builds(
    lambda school, grades, activities: Item.model_validate(
        {
            "id": "item-1",
            "school_id": school,
            "newsletter_id": "nl-1",
            "title": "Random item",
            "category": ItemCategory.EVENT,
            "grades": grades,
            "activities": activities,
            "confidence": 0.9,
            "status": ItemStatus.APPROVED,
            "created_at": AT,
            "updated_at": AT,
        }
    ),
    st.sampled_from(SCHOOLS),
    st.one_of(st.just("all"), st.lists(st.sampled_from(GRADES), max_size=3)),
    st.lists(st.sampled_from(ACTIVITIES), max_size=2, unique=True),
)


def oracle_links(item: Item, roster: Roster) -> set[tuple[str, str]]:
    """Every (parent, child) pair through which the item reaches a parent, checked one by one."""
    links = set()
    for child in roster.children:
        for parent in roster.parents:
            if parent.id not in child.parent_ids:
                continue
            in_grades = item.grades == "all" or child.grade in item.grades
            follows = not item.activities or any(
                s.parent_id == parent.id
                and s.school_id == item.school_id
                and s.activity in item.activities
                and (s.child_id is None or s.child_id == child.id)
                for s in roster.subscriptions
            )
            if (
                child.school_id == item.school_id
                and parent.school_id == item.school_id
                and parent.consent == ConsentState.OPTED_IN
                and in_grades
                and follows
            ):
                links.add((parent.id, child.id))
    return links


@pytest.fixture(params=["sqlite", "firestore"])
def store_under_test(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[StoreUnderTest]:
    """An empty store for each example: a new SQLite file, or the emulator wiped."""
    if request.param == "sqlite":
        files = (tmp_path / f"example-{n}.sqlite3" for n in itertools.count())
        yield StoreUnderTest(lambda: SqliteDocumentStore(next(files)), max_examples=300)
        return
    from google.cloud import firestore

    from infra.standins.firestore import PROJECT, wipe
    from shared.adapters.store_firestore import FirestoreDocumentStore

    host = request.getfixturevalue("firestore_emulator_host")
    store = FirestoreDocumentStore(lambda: firestore.Client(project=PROJECT))

    def wiped() -> DocumentStore:
        wipe(host)
        return store

    yield StoreUnderTest(wiped, max_examples=100)


def test_the_audience_is_exactly_the_oracles(store_under_test: StoreUnderTest) -> None:
    # Settings are per store, so the property is declared inside the test that knows which.
    @settings(max_examples=store_under_test.max_examples, deadline=None)
    @given(roster=rosters(), item=items)
    def audience_matches_oracle(roster: Roster, item: Item) -> None:
        repos = Repositories(store_under_test.fresh())
        repos.parents.put_many(roster.parents)
        repos.children.put_many(roster.children)
        repos.subscriptions.put_many(roster.subscriptions)

        audience = audience_for_item(item, repos)

        expected = oracle_links(item, roster)
        assert audience.links == expected
        assert set(audience.parents) == {parent_id for parent_id, _ in expected}
        assert set(audience.children) == {child_id for _, child_id in expected}

    audience_matches_oracle()
