"""Subscribing to activities: named as people write them, deterministic ids, idempotent."""

from __future__ import annotations

import pytest

from shared.errors import NotFound
from shared.models import Subscription
from shared.repository import Repositories
from shared.services.roster import SchoolRoster, load_roster
from shared.services.subscriptions import (
    NotTheParentsChild,
    UnknownActivity,
    activity_slug_for,
    subscribe,
    unsubscribe,
)


@pytest.fixture
def loaded(repos: Repositories, sample_roster: SchoolRoster) -> Repositories:
    load_roster(sample_roster, repos)
    return repos


def test_activities_are_found_by_slug_name_or_synonym(sample_roster: SchoolRoster) -> None:
    school = sample_roster.school
    assert activity_slug_for(school, "chess") == "chess"
    assert activity_slug_for(school, "  robotics   CLUB ") == "robotics"
    assert activity_slug_for(school, "Hoops") == "basketball"
    assert activity_slug_for(school, "quidditch") is None


def test_subscribing_for_the_family_is_idempotent(loaded: Repositories) -> None:
    before = loaded.subscriptions.count()
    first = subscribe(loaded, "p01", "Hoops", source="whatsapp")
    again = subscribe(loaded, "p01", "basketball", source="whatsapp")
    assert first == again
    assert first.id == Subscription.id_for("p01", "basketball", None)
    assert loaded.subscriptions.count() == before + 1
    parent = loaded.parents.get("p01")
    assert parent is not None and parent.activities == ["basketball"]


def test_subscribing_for_one_child(loaded: Repositories) -> None:
    subscription = subscribe(loaded, "p01", "choir", child_id="p01c1", source="admin")
    assert subscription.child_id == "p01c1" and subscription.source == "admin"
    assert loaded.subscriptions.get(Subscription.id_for("p01", "choir", "p01c1")) is not None
    parent = loaded.parents.get("p01")
    assert parent is not None and parent.activities == []  # a child's, not the family's
    with pytest.raises(NotTheParentsChild):
        subscribe(loaded, "p01", "choir", child_id="p02c1")


def test_unsubscribing(loaded: Repositories) -> None:
    subscribe(loaded, "p01", "chess")
    assert unsubscribe(loaded, "p01", "Chess Club") is True
    assert unsubscribe(loaded, "p01", "chess") is False
    assert loaded.subscriptions.get(Subscription.id_for("p01", "chess", None)) is None
    parent = loaded.parents.get("p01")
    assert parent is not None and parent.activities == []


def test_unknown_activities_and_parents_are_refused(loaded: Repositories) -> None:
    with pytest.raises(UnknownActivity, match="'quidditch' is not an activity"):
        subscribe(loaded, "p01", "quidditch")
    with pytest.raises(NotFound):
        unsubscribe(loaded, "nobody", "chess")


def test_a_family_subscription_survives_a_roster_reload(
    loaded: Repositories, sample_roster: SchoolRoster
) -> None:
    subscribe(loaded, "p01", "robotics", source="whatsapp")
    load_roster(sample_roster, loaded)
    assert loaded.subscriptions.get(Subscription.id_for("p01", "robotics", None)) is not None
