"""Loading a roster is idempotent and refuses inconsistent ones."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.models import Subscription
from shared.repository import Repositories
from shared.services.roster import SchoolRoster, load_roster, subscriptions_of


def test_loading_twice_updates_and_duplicates_nothing(
    repos: Repositories, sample_roster: SchoolRoster
) -> None:
    counts = load_roster(sample_roster, repos)
    assert load_roster(sample_roster, repos) == counts
    assert repos.parents.count() == counts["parents"] == len(sample_roster.parents)
    assert repos.children.count() == counts["children"]
    assert repos.subscriptions.count() == counts["subscriptions"]


def test_parents_learn_their_children(repos: Repositories, sample_roster: SchoolRoster) -> None:
    load_roster(sample_roster, repos)
    for child in sample_roster.children:
        for parent_id in child.parent_ids:
            parent = repos.parents.get(parent_id)
            assert parent is not None and child.id in parent.child_ids


def test_subscriptions_come_from_children_and_parents(sample_roster: SchoolRoster) -> None:
    subscriptions = subscriptions_of(sample_roster)
    expected = {(p.id, a, None) for p in sample_roster.parents for a in p.activities} | {
        (pid, a, c.id) for c in sample_roster.children for pid in c.parent_ids for a in c.activities
    }
    assert {(s.parent_id, s.activity, s.child_id) for s in subscriptions} == expected
    assert all(
        s.id == Subscription.id_for(s.parent_id, s.activity, s.child_id) for s in subscriptions
    )


def test_a_child_in_a_grade_the_school_lacks_is_refused(sample_roster: SchoolRoster) -> None:
    document = sample_roster.model_dump(mode="json")
    document["children"][0]["grade"] = 9
    with pytest.raises(ValidationError, match="grade 9 is not offered"):
        SchoolRoster.model_validate(document)


def test_unknown_activities_and_parents_are_refused(sample_roster: SchoolRoster) -> None:
    document = sample_roster.model_dump(mode="json")
    document["children"][0]["activities"] = ["quidditch"]
    with pytest.raises(ValidationError, match="unknown activities"):
        SchoolRoster.model_validate(document)
    document = sample_roster.model_dump(mode="json")
    document["children"][0]["parent_ids"] = ["ghost"]
    with pytest.raises(ValidationError, match="names a parent not in the roster"):
        SchoolRoster.model_validate(document)
