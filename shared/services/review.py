"""Review: staff look at extracted items, fix them, and approve or reject what goes to families.

Every change is an AuditEvent with the fields before and after. Approving queues targeting
(cards for the item's audience); an edit queues re-indexing and re-targeting, so a changed
grade or date reaches the right parents; a rejection queues targeting too, which retracts any
card not yet sent. Task names carry the audit event's id: each change queues its own work once.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from pydantic import ConfigDict, Field, model_validator

from shared.errors import BadInput, NotFound
from shared.models import (
    CardStatus,
    Item,
    ItemAction,
    ItemCategory,
    ItemContent,
    ItemStatus,
    Newsletter,
    School,
    Slug,
)
from shared.ports import Clock, FieldFilter, ItemMatch, ItemSearch, TaskQueue
from shared.records import AuditEvent
from shared.repository import Repositories
from shared.services.parse import INDEX_TARGET, TARGETING_TARGET
from shared.services.targeting import AudiencePreview, preview_audience

QUEUE_PAGE_SIZE = 50
MAX_REASON = 500
EDITABLE_FIELDS = (
    "title",
    "details",
    "category",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "grades",
    "activities",
    "action_required",
    "action",
    "location",
)


class ItemEdit(ItemContent):
    """What a reviewer may change on an item (untrusted form input, validated here), with the
    item's own field definitions (shared.models.ItemContent)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    activities: list[Slug] = Field(default_factory=list)
    # The form has no confidence: an edited item keeps the extractor's (EDITABLE_FIELDS).
    confidence: float = Field(default=1.0, ge=0, le=1)

    @model_validator(mode="after")
    def _consistent(self) -> ItemEdit:
        if self.grades != "all" and not self.grades:
            raise ValueError("choose at least one grade, or all grades")
        if self.action is not None:
            self.action_required = True
        return self


@dataclass(frozen=True)
class SimilarItem:
    match: ItemMatch
    item: Item


@dataclass(frozen=True)
class QueueEntry:
    item: Item
    preview: AudiencePreview
    possible_duplicate: Item | None


@dataclass(frozen=True)
class ReviewQueue:
    entries: list[QueueEntry]
    pending_total: int
    next_after: str | None
    similar_available: bool


@dataclass(frozen=True)
class ItemReview:
    item: Item
    school: School
    newsletter: Newsletter | None
    preview: AudiencePreview
    similar: list[SimilarItem]
    possible_duplicate: Item | None
    similar_available: bool
    live_cards: int
    history: list[AuditEvent]


@dataclass(frozen=True)
class BulkResult:
    approved: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def _jsonable(value: Any) -> Any:
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, ItemCategory | ItemAction | ItemStatus):
        return value.value
    return value


class ReviewService:
    """The review use cases for one deployment; every call names the school it acts for."""

    def __init__(
        self,
        repos: Repositories,
        tasks: TaskQueue,
        clock: Clock,
        search: ItemSearch | None,
    ) -> None:
        self._repos = repos
        self._tasks = tasks
        self._clock = clock
        self._search = search

    # ------------------------------------------------------------------ reading

    def school(self, school_id: str) -> School:
        school = self._repos.schools.get(school_id)
        if school is None:
            raise NotFound(f"school {school_id!r} does not exist")
        return school

    def item(self, school_id: str, item_id: str) -> Item:
        """The item, only if it belongs to this school (another school's id is not found)."""
        item = self._repos.items.get(item_id)
        if item is None or item.school_id != school_id:
            raise NotFound("no such item in this school")
        return item

    def queue(
        self, school_id: str, *, after: str | None = None, page_size: int = QUEUE_PAGE_SIZE
    ) -> ReviewQueue:
        """Pending items, lowest confidence first, a page at a time."""
        filters = (
            FieldFilter("school_id", "==", school_id),
            FieldFilter("status", "==", ItemStatus.PENDING_REVIEW.value),
        )
        if after is not None:
            self.item(school_id, after)  # a cursor from another school is refused
        page = self._repos.items.find(
            *filters, order_by="confidence", limit=page_size + 1, start_after_id=after
        )
        more = len(page) > page_size
        page = page[:page_size]
        # The index marks possible duplicates when it embeds an item (shared.services.duplicates):
        # one read for the page, no search per item.
        duplicates = self._repos.items.get_many(
            [i.possible_duplicate_of for i in page if i.possible_duplicate_of]
        )
        # Items with the same grades and activities reach the same families: one preview each.
        previews: dict[tuple[object, ...], AudiencePreview] = {}
        entries = []
        for item in page:
            key = (
                item.grades if item.grades == "all" else tuple(sorted(item.grades)),
                tuple(sorted(item.activities)),
            )
            if key not in previews:
                previews[key] = preview_audience(item, self._repos)
            entries.append(
                QueueEntry(
                    item=item,
                    preview=previews[key],
                    possible_duplicate=self._duplicate_of(item, duplicates),
                )
            )
        return ReviewQueue(
            entries=entries,
            pending_total=self._repos.items.count(*filters),
            next_after=page[-1].id if more and page else None,
            similar_available=self._search is not None,
        )

    def review(self, school_id: str, item_id: str) -> ItemReview:
        item = self.item(school_id, item_id)
        similar = self._similar(item, limit=5)
        cards = self._repos.cards.find(FieldFilter("item_id", "==", item.id))
        return ItemReview(
            item=item,
            school=self.school(school_id),
            newsletter=self._repos.newsletters.get(item.newsletter_id),
            preview=preview_audience(item, self._repos),
            similar=similar,
            possible_duplicate=self._duplicate_of(
                item, self._repos.items.get_many([item.possible_duplicate_of or ""])
            ),
            similar_available=self._search is not None,
            live_cards=sum(c.status is not CardStatus.RETRACTED for c in cards),
            history=self._repos.audit_events.find(
                FieldFilter("subject_id", "==", item.id), order_by="at", descending=True
            ),
        )

    def _similar(self, item: Item, limit: int) -> list[SimilarItem]:
        if self._search is None:
            return []
        matches = [m for m in self._search.similar(item.id, limit=limit) if m.item_id != item.id]
        found = self._repos.items.get_many([m.item_id for m in matches])
        return [
            SimilarItem(match, found[match.item_id])
            for match in matches
            if match.item_id in found and found[match.item_id].school_id == item.school_id
        ]

    @staticmethod
    def _duplicate_of(item: Item, known: dict[str, Item]) -> Item | None:
        duplicate = known.get(item.possible_duplicate_of or "")
        return (
            duplicate if duplicate is not None and duplicate.school_id == item.school_id else None
        )

    # ------------------------------------------------------------------ changing

    def approve(self, actor: str, school_id: str, item_id: str) -> Item:
        item = self.item(school_id, item_id)
        if item.status is ItemStatus.APPROVED:
            return item
        approved, event = self._change(actor, item, "item.approved", item.approve)
        self._propagate(approved, event)
        return approved

    def reject(self, actor: str, school_id: str, item_id: str, reason: str) -> Item:
        reason = reason.strip()
        if not reason:
            raise BadInput("say why the item is rejected")
        if len(reason) > MAX_REASON:
            raise BadInput(f"the reason is longer than {MAX_REASON} characters")
        item = self.item(school_id, item_id)
        if item.status is ItemStatus.REJECTED:
            return item
        # Rejecting an item already approved takes it back from parents (a withdrawal).
        move = item.withdraw if item.status is ItemStatus.APPROVED else item.reject
        rejected, event = self._change(actor, item, "item.rejected", move, reason=reason)
        self._propagate(rejected, event)  # retracts cards not sent yet, leaves the index
        return rejected

    def edit(self, actor: str, school_id: str, item_id: str, edit: ItemEdit) -> Item:
        item = self.item(school_id, item_id)
        school = self.school(school_id)
        if edit.grades != "all":
            unknown_grades = set(edit.grades) - set(school.grades_offered)
            if unknown_grades:
                raise BadInput(f"the school offers no grade {sorted(unknown_grades)}")
        unknown = set(edit.activities) - school.activity_slugs
        if unknown:
            raise BadInput(f"the school has no activity {sorted(unknown)}")
        changes = {
            name: getattr(edit, name)
            for name in EDITABLE_FIELDS
            if getattr(edit, name) != getattr(item, name)
        }
        if not changes:
            return item
        try:
            edited, event = self._change(
                actor, item, "item.edited", lambda now: item.edit(changes, now)
            )
        except ValueError as exc:  # the edited item as a whole is not valid
            raise BadInput(str(exc)) from None
        self._propagate(edited, event)
        return edited

    def bulk_approve(self, actor: str, school_id: str, item_ids: list[str]) -> BulkResult:
        """Approve each selected item; any id not of this school refuses the whole batch."""
        items = [self.item(school_id, item_id) for item_id in dict.fromkeys(item_ids)]
        result = BulkResult()
        for item in items:
            if item.status is ItemStatus.APPROVED:
                result.unchanged.append(item.id)
            else:
                self.approve(actor, school_id, item.id)
                result.approved.append(item.id)
        return result

    def _change(
        self,
        actor: str,
        item: Item,
        action: str,
        move: Callable[[datetime], Item],
        reason: str | None = None,
    ) -> tuple[Item, AuditEvent]:
        """`move` is the item's own transition (approve, reject, edit), validated there."""
        now = self._clock.now()
        updated = move(now)
        changes = [
            name
            for name in Item.model_fields
            if name != "updated_at" and getattr(item, name) != getattr(updated, name)
        ]
        audit: dict[str, Any] = {
            "before": {name: _jsonable(getattr(item, name)) for name in changes},
            "after": {name: _jsonable(getattr(updated, name)) for name in changes},
        }
        if reason is not None:
            audit["reason"] = reason
        event = record_audit(
            self._repos,
            self._clock,
            actor=actor,
            school_id=item.school_id,
            action=action,
            subject_kind="item",
            subject_id=item.id,
            changes=audit,
        )
        # The audit event first: an item change never lands without its record.
        self._repos.items.put(updated)
        return updated, event

    def _propagate(self, item: Item, event: AuditEvent) -> None:
        """Every change reaches the index (what parents' questions find, and only approved
        items) and targeting (who gets a card), once per change."""
        self._tasks.enqueue(
            INDEX_TARGET, {"item_id": item.id}, task_name=f"index-{item.id}-{event.id}"
        )
        self._tasks.enqueue(
            TARGETING_TARGET, {"item_id": item.id}, task_name=f"target-{item.id}-{event.id}"
        )


def audit_trail(school_id: str, repos: Repositories, limit: int = 200) -> list[AuditEvent]:
    """The school's latest changes, newest first."""
    return repos.audit_events.find(
        FieldFilter("school_id", "==", school_id), order_by="at", descending=True, limit=limit
    )


def record_audit(
    repos: Repositories,
    clock: Clock,
    *,
    actor: str,
    school_id: str,
    action: str,
    subject_kind: str,
    subject_id: str,
    changes: dict[str, Any],
) -> AuditEvent:
    """Keep who changed what: `changes` holds "before" and "after" (and any "reason")."""
    event = AuditEvent(
        id=uuid.uuid4().hex,
        school_id=school_id,
        actor=actor,
        action=action,
        subject_kind=subject_kind,
        subject_id=subject_id,
        changes=changes,
        at=clock.now(),
    )
    repos.audit_events.put(event)
    return event
