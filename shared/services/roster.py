"""Rosters: load a school with its families, children and subscriptions, idempotently."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from pydantic import BaseModel, ConfigDict, model_validator

from shared.models import Child, Parent, School, Subscription
from shared.ports import FieldFilter
from shared.repository import Repositories

Record = TypeVar("Record", Parent, Child)
# Called as on_progress(done, total) while records are written.
ProgressCallback = Callable[[int, int], None]
# One Firestore batch holds at most 500 writes; a chunk of that size is one round trip.
WRITE_CHUNK = 500


class SchoolRoster(BaseModel):
    """A whole school at once: the shape importers produce and the local sample ships in."""

    model_config = ConfigDict(extra="forbid")

    school: School
    parents: list[Parent]
    children: list[Child]

    @model_validator(mode="after")
    def _consistent(self) -> SchoolRoster:
        parent_ids = {p.id for p in self.parents}
        for child in self.children:
            if child.grade not in self.school.grades_offered:
                raise ValueError(f"child {child.id}: grade {child.grade} is not offered")
            if not set(child.parent_ids) <= parent_ids:
                raise ValueError(f"child {child.id}: names a parent not in the roster")
        known = self.school.activity_slugs
        people: list[Parent | Child] = [*self.parents, *self.children]
        for person in people:
            unknown = set(person.activities) - known
            if unknown:
                raise ValueError(f"{person.id}: unknown activities {sorted(unknown)}")
            if person.school_id != self.school.id:
                raise ValueError(f"{person.id}: belongs to another school")
        return self


def subscriptions_of(roster: SchoolRoster) -> list[Subscription]:
    """A parent follows what they chose for the family and what each of their children does."""
    return _family_subscriptions(roster.parents) + _child_subscriptions(roster.children)


def _family_subscriptions(parents: Sequence[Parent]) -> list[Subscription]:
    return [
        Subscription(
            id=Subscription.id_for(parent.id, activity, None),
            school_id=parent.school_id,
            parent_id=parent.id,
            activity=activity,
        )
        for parent in parents
        for activity in parent.activities
    ]


def _child_subscriptions(children: Sequence[Child]) -> list[Subscription]:
    return [
        Subscription(
            id=Subscription.id_for(parent_id, activity, child.id),
            school_id=child.school_id,
            parent_id=parent_id,
            activity=activity,
            child_id=child.id,
        )
        for child in children
        for parent_id in child.parent_ids
        for activity in child.activities
    ]


def load_roster(
    roster: SchoolRoster, repos: Repositories, on_progress: ProgressCallback | None = None
) -> dict[str, int]:
    """Write the school and its families; loading it again updates every record and duplicates
    none."""
    repos.schools.put(roster.school)
    return save_families(roster, repos, on_progress)


def save_families(
    roster: SchoolRoster, repos: Repositories, on_progress: ProgressCallback | None = None
) -> dict[str, int]:
    """Write the roster's parents, children and their subscriptions, a chunk at a time.

    What the roster does not own survives a reload: a parent's consent is theirs to change,
    links and family activities added elsewhere are kept (a roster adds links, it never cuts
    them), and a child's activities are the roster's, so roster subscriptions to activities a
    child dropped are removed.
    """
    children_by_parent: dict[str, set[str]] = {}
    for child in roster.children:
        for parent_id in child.parent_ids:
            children_by_parent.setdefault(parent_id, set()).add(child.id)
    total = len(roster.parents) + len(roster.children)
    done = subscriptions = 0
    for parent_batch in _chunks(roster.parents):
        stored = repos.parents.get_many([p.id for p in parent_batch])
        parents = [_merged_parent(p, stored.get(p.id), children_by_parent) for p in parent_batch]
        family = _family_subscriptions(parents)
        repos.parents.put_many(parents)
        repos.subscriptions.put_many(family)
        subscriptions += len(family)
        done += len(parent_batch)
        if on_progress:
            on_progress(done, total)
    roster_subscriptions = _roster_subscriptions_by_child(repos, roster.school.id)
    for child_batch in _chunks(roster.children):
        stored_children = repos.children.get_many([c.id for c in child_batch])
        children = [_merged_child(c, stored_children.get(c.id)) for c in child_batch]
        of_children = _child_subscriptions(children)
        repos.children.put_many(children)
        repos.subscriptions.put_many(of_children)
        kept = {s.id for s in of_children}
        for child in children:
            for stale in roster_subscriptions.get(child.id, set()) - kept:
                repos.subscriptions.delete(stale)
        subscriptions += len(of_children)
        done += len(child_batch)
        if on_progress:
            on_progress(done, total)
    return {
        "parents": len(roster.parents),
        "children": len(roster.children),
        "subscriptions": subscriptions,
    }


def _chunks(records: Sequence[Record]) -> Iterator[Sequence[Record]]:
    for start in range(0, len(records), WRITE_CHUNK):
        yield records[start : start + WRITE_CHUNK]


def _merged_parent(
    parent: Parent, stored: Parent | None, children_by_parent: dict[str, set[str]]
) -> Parent:
    child_ids = set(parent.child_ids) | children_by_parent.get(parent.id, set())
    if stored is None:
        return parent.model_copy(update={"child_ids": sorted(child_ids)})
    return parent.model_copy(
        update={
            "consent": stored.consent,
            "consent_changed_at": stored.consent_changed_at,
            "child_ids": sorted(child_ids | set(stored.child_ids)),
            "activities": sorted(set(parent.activities) | set(stored.activities)),
        }
    )


def _merged_child(child: Child, stored: Child | None) -> Child:
    if stored is None:
        return child
    return child.model_copy(
        update={"parent_ids": sorted(set(child.parent_ids) | set(stored.parent_ids))}
    )


def _roster_subscriptions_by_child(repos: Repositories, school_id: str) -> dict[str, set[str]]:
    by_child: dict[str, set[str]] = {}
    # Source is filtered here rather than in the query, which then needs no composite index.
    for subscription in repos.subscriptions.scan(FieldFilter("school_id", "==", school_id)):
        if subscription.source == "roster" and subscription.child_id is not None:
            by_child.setdefault(subscription.child_id, set()).add(subscription.id)
    return by_child
