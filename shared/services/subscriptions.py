"""Activity subscriptions: a parent follows an activity for the whole family or for one child.

The admin page, WhatsApp replies and roster imports all name activities the way people write
them ("Hoops", "chess club"); `activity_slug_for` turns any of those into the catalog's slug.
"""

from __future__ import annotations

from typing import Literal

from shared.errors import BadInput, NotFound
from shared.models import Parent, School, Subscription
from shared.ports import StoreTransaction
from shared.repository import Repositories

SubscriptionSource = Literal["roster", "admin", "whatsapp"]


class UnknownActivity(BadInput):
    """The school's catalog has no activity of that name, slug or synonym."""


class NotTheParentsChild(BadInput):
    """A per-child subscription names a child who is not this parent's."""


def activity_slug_for(school: School, text: str) -> str | None:
    """The slug of the activity `text` names (its slug, name or a synonym, any case), or None."""
    wanted = " ".join(text.split()).casefold()
    for activity in school.activities:
        names = [activity.slug, activity.name, *activity.synonyms]
        if wanted in {" ".join(n.split()).casefold() for n in names}:
            return activity.slug
    return None


def subscribe(
    repos: Repositories,
    parent_id: str,
    activity: str,
    child_id: str | None = None,
    source: SubscriptionSource = "admin",
) -> Subscription:
    """Follow an activity; doing it again changes nothing but the recorded source."""
    parent, slug = _parent_and_slug(repos, parent_id, activity)
    if child_id is not None and child_id not in parent.child_ids:
        raise NotTheParentsChild(f"child {child_id} is not a child of parent {parent_id}")
    subscription = Subscription(
        id=Subscription.id_for(parent_id, slug, child_id),
        school_id=parent.school_id,
        parent_id=parent_id,
        activity=slug,
        child_id=child_id,
        source=source,
    )
    repos.subscriptions.put(subscription)
    if child_id is None:
        _set_family_activity(repos, parent_id, slug, following=True)
    return subscription


def unsubscribe(
    repos: Repositories, parent_id: str, activity: str, child_id: str | None = None
) -> bool:
    """Stop following an activity; False when the parent was not following it."""
    _, slug = _parent_and_slug(repos, parent_id, activity)
    subscription_id = Subscription.id_for(parent_id, slug, child_id)
    existed = repos.subscriptions.get(subscription_id) is not None
    repos.subscriptions.delete(subscription_id)
    if child_id is None:
        _set_family_activity(repos, parent_id, slug, following=False)
    return existed


def _parent_and_slug(repos: Repositories, parent_id: str, activity: str) -> tuple[Parent, str]:
    parent = repos.parents.get(parent_id)
    if parent is None:
        raise NotFound(f"parent {parent_id} does not exist")
    school = repos.schools.get(parent.school_id)
    if school is None:
        raise NotFound(f"school {parent.school_id} does not exist")
    slug = activity_slug_for(school, activity)
    if slug is None:
        raise UnknownActivity(f"{activity!r} is not an activity of {school.name}")
    return parent, slug


def _set_family_activity(
    repos: Repositories, parent_id: str, slug: str, *, following: bool
) -> None:
    """Keep Parent.activities (what roster reloads rebuild family subscriptions from) in step.

    In a transaction, so that a consent change landing at the same moment is not overwritten.
    """
    collection = repos.parents.name

    def work(transaction: StoreTransaction) -> None:
        document = transaction.get(collection, parent_id)
        if document is None:
            raise NotFound(f"parent {parent_id} does not exist")
        activities = set(document.get("activities", []))
        if (slug in activities) != following:
            activities ^= {slug}
            transaction.set(collection, parent_id, {**document, "activities": sorted(activities)})

    repos.store.run_transaction(work)
