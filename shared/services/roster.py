"""Rosters: load a school with its families, children and subscriptions, idempotently."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, model_validator

from shared.models import Child, Parent, School, Subscription
from shared.repository import Repositories


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
    subscriptions = [
        Subscription(
            id=Subscription.id_for(parent.id, activity, None),
            school_id=roster.school.id,
            parent_id=parent.id,
            activity=activity,
        )
        for parent in roster.parents
        for activity in parent.activities
    ]
    subscriptions += [
        Subscription(
            id=Subscription.id_for(parent_id, activity, child.id),
            school_id=roster.school.id,
            parent_id=parent_id,
            activity=activity,
            child_id=child.id,
        )
        for child in roster.children
        for parent_id in child.parent_ids
        for activity in child.activities
    ]
    return subscriptions


def load_roster(roster: SchoolRoster, repos: Repositories) -> dict[str, int]:
    """Write the roster; loading it again updates every record and duplicates none."""
    children_by_parent: dict[str, list[str]] = {}
    for child in roster.children:
        for parent_id in child.parent_ids:
            children_by_parent.setdefault(parent_id, []).append(child.id)
    parents = [
        p.model_copy(
            update={"child_ids": sorted(set(p.child_ids) | set(children_by_parent.get(p.id, [])))}
        )
        for p in roster.parents
    ]
    subscriptions = subscriptions_of(roster)
    repos.schools.put(roster.school)
    repos.parents.put_many(parents)
    repos.children.put_many(roster.children)
    repos.subscriptions.put_many(subscriptions)
    return {
        "parents": len(parents),
        "children": len(roster.children),
        "subscriptions": len(subscriptions),
    }
