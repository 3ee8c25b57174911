"""Targeting: who an approved item reaches, the cards that carry it to them, and the preview.

Who an item reaches, exactly. A parent is reached through a child when all of these hold:
- the child belongs to the item's school and its grade is one of the item's grades (any grade
  when the item says "all");
- the child names the parent among its `parent_ids`, and the parent, of the same school, has
  opted in;
- when the item names activities, the parent follows one of them at that school, either for
  the family (a subscription without a child) or for this very child. A subscription for
  another child does not count: a chess note for grade 3 is not for the parent whose only
  chess player is in grade 5.
The audience is every parent reached through some child, and those children.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import ClassVar, TypeVar

from shared.errors import NotFound, TransientError
from shared.models import Card, CardStatus, ConsentState, Item, ItemStatus, LanguageCode
from shared.ports import Clock, Document, FieldFilter, Query
from shared.repository import Repositories, UnitOfWork

GroupKey = TypeVar("GroupKey", int, str)


# An audience is read for a whole school at once (25,000 records for a district), so its records
# are small: only the fields targeting reads are fetched (a projection), into slotted records
# built straight from documents that validated models wrote. Whole Parents would validate every
# phone number again (about 30 µs each), and every extra object is one more for the cycle
# collector to walk while the audience is built.


@dataclass(frozen=True, slots=True)
class AudienceParent:
    """The fields of a stored Parent that targeting reads."""

    FIELDS: ClassVar[tuple[str, ...]] = ("id", "school_id", "language", "consent")

    id: str
    school_id: str
    language: LanguageCode
    consent: ConsentState

    @classmethod
    def from_document(cls, document: Document) -> AudienceParent:
        return cls(
            document["id"],
            document["school_id"],
            document["language"],
            ConsentState(document["consent"]),
        )


@dataclass(frozen=True, slots=True)
class AudienceChild:
    """The fields of a stored Child that targeting reads (a name and activities are not)."""

    FIELDS: ClassVar[tuple[str, ...]] = ("id", "grade", "parent_ids")

    id: str
    grade: int
    parent_ids: tuple[str, ...]

    @classmethod
    def from_document(cls, document: Document) -> AudienceChild:
        return cls(document["id"], document["grade"], tuple(document["parent_ids"]))


@dataclass(frozen=True)
class Audience:
    parents: dict[str, AudienceParent]
    children: dict[str, AudienceChild]
    # (parent id, child id): which child each parent is reached through.
    links: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class TargetingResult:
    audience: int
    created: int
    restored: int
    retracted: int


@dataclass(frozen=True)
class AudienceCount:
    parents: int
    children: int


@dataclass(frozen=True)
class AudiencePreview:
    """What an admin sees before approving: how many, in which grades, in which languages.

    A parent with children in two grades counts in both grades; a child whose parents speak
    two languages counts in both languages.
    """

    parents: int
    children: int
    by_grade: dict[int, AudienceCount]
    by_language: dict[str, AudienceCount]


@dataclass(frozen=True)
class _ActivityFollowers:
    """Who follows an item's activities: for the whole family, or for one child."""

    for_family: frozenset[str]  # parent ids
    for_child: frozenset[tuple[str, str]]  # (parent id, child id)

    def follow_for(self, parent_id: str, child_id: str) -> bool:
        return parent_id in self.for_family or (parent_id, child_id) in self.for_child


def _children_in_grades(item: Item, repos: Repositories) -> list[AudienceChild]:
    filters = [FieldFilter("school_id", "==", item.school_id)]
    if item.grades != "all":
        if not item.grades:
            return []
        filters.append(FieldFilter("grade", "in", sorted(set(item.grades))))
    query = Query(repos.children.name, filters, fields=AudienceChild.FIELDS)
    return [AudienceChild.from_document(document) for document in repos.store.query(query)]


def _followers_of_activities(item: Item, repos: Repositories) -> _ActivityFollowers:
    subscriptions = repos.subscriptions.find(
        FieldFilter("school_id", "==", item.school_id),
        FieldFilter("activity", "in", sorted(set(item.activities))),
    )
    return _ActivityFollowers(
        for_family=frozenset(s.parent_id for s in subscriptions if s.child_id is None),
        for_child=frozenset(
            (s.parent_id, s.child_id) for s in subscriptions if s.child_id is not None
        ),
    )


def audience_for_item(item: Item, repos: Repositories) -> Audience:
    """Every parent the item reaches and the children through whom (see the module docstring).

    Reads the children in the item's grades, the subscriptions to its activities (if any),
    and the parents of those children by id; whatever the item's status.
    """
    children = _children_in_grades(item, repos)
    followers = _followers_of_activities(item, repos) if item.activities else None
    candidate_links = [
        (parent_id, child)
        for child in children
        for parent_id in child.parent_ids
        if followers is None or followers.follow_for(parent_id, child.id)
    ]
    candidates = repos.store.get_many(
        repos.parents.name,
        sorted({parent_id for parent_id, _ in candidate_links}),
        fields=AudienceParent.FIELDS,
    )
    parents = {
        parent.id: parent
        for parent in map(AudienceParent.from_document, candidates.values())
        if parent.school_id == item.school_id and parent.consent is ConsentState.OPTED_IN
    }
    links = [(parent_id, child) for parent_id, child in candidate_links if parent_id in parents]
    return Audience(
        parents=parents,
        children={child.id: child for _, child in links},
        links=frozenset((parent_id, child.id) for parent_id, child in links),
    )


# Card writes per transaction: Firestore takes at most 500 writes in one.
CARDS_PER_TRANSACTION = 400


def target_parents_for_item(item_id: str, repos: Repositories, clock: Clock) -> TargetingResult:
    """Bring the item's cards in line with its audience; safe to run any number of times.

    An approved item gets a pending card for every parent of its audience (ids derive from
    parent and item, so nothing is ever created twice) and retracted cards of parents back in
    the audience become pending again. Pending cards of parents no longer in the audience, or
    of an item no longer approved, are retracted. Cards already sent or done stay as they are.
    Cards point at the item rather than copy it, so an edit's new wording needs no card change.

    The cards that may change are chosen from one read, then rewritten in transactions of
    CARDS_PER_TRANSACTION that read each card again: a card the digest sender marked sent or a
    parent marked done in between keeps that state. Each transaction also checks that the item
    is still the one the audience was computed for; if an admin changed it meanwhile, this run
    stops with a TransientError and its retry targets the item as it now is.
    """
    item = repos.items.get(item_id)
    if item is None:
        raise NotFound(f"item {item_id} does not exist")
    statuses = {
        card.parent_id: card.status
        for card in repos.cards.find(FieldFilter("item_id", "==", item.id))
    }
    audience = (
        frozenset(audience_for_item(item, repos).parents)
        if item.status is ItemStatus.APPROVED
        else frozenset()
    )
    may_change = sorted(
        {p for p in audience if statuses.get(p, CardStatus.RETRACTED) is CardStatus.RETRACTED}
        | {
            p
            for p, status in statuses.items()
            if status is CardStatus.PENDING and p not in audience
        }
    )
    now = clock.now()
    created = restored = retracted = 0
    for start in range(0, len(may_change), CARDS_PER_TRANSACTION):
        batch = may_change[start : start + CARDS_PER_TRANSACTION]
        changes = repos.atomically(
            partial(
                _reconcile_cards,
                repos=repos,
                item=item,
                parent_ids=batch,
                audience=audience,
                now=now,
            )
        )
        created += changes.created
        restored += changes.restored
        retracted += changes.retracted
    return TargetingResult(
        audience=len(audience), created=created, restored=restored, retracted=retracted
    )


@dataclass(frozen=True)
class _CardChanges:
    created: int
    restored: int
    retracted: int


def _reconcile_cards(
    work: UnitOfWork,
    *,
    repos: Repositories,
    item: Item,
    parent_ids: list[str],
    audience: frozenset[str],
    now: datetime,
) -> _CardChanges:
    """One transaction: these parents' cards, read again, made to agree with the audience."""
    current = work.get(repos.items, item.id)
    if current is None or (current.status, current.updated_at) != (item.status, item.updated_at):
        raise TransientError(f"item {item.id} changed while its cards were being written")
    card_ids = {Card.id_for(parent_id, item.id): parent_id for parent_id in parent_ids}
    stored = work.get_many(repos.cards, list(card_ids))
    writes: list[Card] = []
    created = restored = retracted = 0
    for card_id, parent_id in card_ids.items():
        card = stored.get(card_id)
        if card is None and parent_id in audience:
            writes.append(
                Card(
                    id=card_id,
                    school_id=item.school_id,
                    parent_id=parent_id,
                    item_id=item.id,
                    created_at=now,
                )
            )
            created += 1
        elif card is not None and card.status is CardStatus.RETRACTED and parent_id in audience:
            writes.append(card.restore())
            restored += 1
        elif card is not None and card.status is CardStatus.PENDING and parent_id not in audience:
            writes.append(card.retract())
            retracted += 1
    work.put_many(repos.cards, writes)
    return _CardChanges(created=created, restored=restored, retracted=retracted)


def _breakdown(
    audience: Audience, key_of: Callable[[AudienceParent, AudienceChild], GroupKey]
) -> dict[GroupKey, AudienceCount]:
    parents: defaultdict[GroupKey, set[str]] = defaultdict(set)
    children: defaultdict[GroupKey, set[str]] = defaultdict(set)
    for parent_id, child_id in audience.links:
        key = key_of(audience.parents[parent_id], audience.children[child_id])
        parents[key].add(parent_id)
        children[key].add(child_id)
    return {
        key: AudienceCount(parents=len(parents[key]), children=len(children[key]))
        for key in sorted(parents)
    }


def preview_audience(item: Item, repos: Repositories) -> AudiencePreview:
    """Who the item would reach if approved now; works for a draft that is not stored yet."""
    audience = audience_for_item(item, repos)
    return AudiencePreview(
        parents=len(audience.parents),
        children=len(audience.children),
        by_grade=_breakdown(audience, lambda _, child: child.grade),
        by_language=_breakdown(audience, lambda parent, _: parent.language),
    )
