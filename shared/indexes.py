"""The indexes our store queries need, declared once: SQLite builds them, Terraform deploys them.

Each entry is the set of fields one query filters on, equality or `in` first. The SQLite store
turns every entry into an expression index when it opens a file; `firestore_index_definitions`
keeps the entries of two or more fields, which Firestore cannot serve from the single-field
indexes it builds by itself, in the shape `terraform/firestore_indexes.json` holds.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class QueryIndex:
    collection: str
    fields: tuple[str, ...]
    # Newest first: Firestore serves a descending order only from a descending index field.
    last_descending: bool = False

    @property
    def name(self) -> str:
        return "_".join(["ix", self.collection, *self.fields])


QUERY_INDEXES: tuple[QueryIndex, ...] = (
    # The audience of an item: children of a school in the item's grades (or all of them).
    QueryIndex("children", ("school_id", "grade")),
    # Who follows the item's activities at its school.
    QueryIndex("subscriptions", ("school_id", "activity")),
    # The cards an item already has, found again on every retry or re-approval.
    QueryIndex("cards", ("item_id",)),
    # A newsletter's items in the order they were found (review, and a re-parse's clean-up).
    QueryIndex("items", ("newsletter_id", "created_at")),
    # The weekly build: a school's unsent cards; one digest: a parent's unsent cards.
    QueryIndex("cards", ("school_id", "status")),
    # Between digests: a school's unsent cards created since the last one (urgent alerts).
    QueryIndex("cards", ("school_id", "status", "created_at")),
    QueryIndex("cards", ("parent_id", "status")),
    # Whether a parent wrote in the last 24 hours (WhatsApp's customer-service window).
    QueryIndex("messages", ("parent_id", "direction", "created_at")),
    # A parent's sent digests (what "DONE 2" means; an alert numbers after the latest).
    QueryIndex("digests", ("parent_id", "status")),
    # Who wrote to the webhook: a parent by phone or by WhatsApp's business-scoped user id.
    QueryIndex("parents", ("phone",)),
    QueryIndex("parents", ("whatsapp_user_id",)),
    # The outbound message a delivery status is about.
    QueryIndex("messages", ("provider_message_id",)),
    # The admin page: the review queue (lowest confidence first), uploads, tickets, audit trail
    # and outbox of one school, newest first; one item's history.
    QueryIndex("items", ("school_id", "status", "confidence")),
    QueryIndex("newsletters", ("school_id", "uploaded_at"), last_descending=True),
    QueryIndex("tickets", ("school_id", "created_at"), last_descending=True),
    QueryIndex("audit_events", ("school_id", "at"), last_descending=True),
    QueryIndex("audit_events", ("subject_id", "at"), last_descending=True),
    QueryIndex("messages", ("school_id", "channel", "created_at"), last_descending=True),
)


def firestore_index_definitions(
    indexes: tuple[QueryIndex, ...] = QUERY_INDEXES,
) -> list[dict[str, Any]]:
    """Composite indexes as google_firestore_index takes them (attribute names kept as-is).

    Fields are ASCENDING (our filters are == and `in`, which an ascending field serves) but
    for a last field ordered newest first; Firestore appends `__name__` itself, which is the
    order our queries ask for.
    """
    return [
        {
            "collection": index.collection,
            "query_scope": "COLLECTION",
            "fields": [
                {
                    "field_path": field,
                    "order": "DESCENDING"
                    if index.last_descending and position == len(index.fields) - 1
                    else "ASCENDING",
                }
                for position, field in enumerate(index.fields)
            ],
        }
        for index in indexes
        # Firestore refuses a composite index of one field: it indexes single fields itself.
        if len(index.fields) > 1
    ]
