"""The allowed state moves of every model, in one place.

A model's transition methods (`Card.mark_sent`, `Item.approve`, ...) check their move here and
raise IllegalTransition otherwise; docs/architecture.md draws the same tables. A status with no
moves out is final.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from shared.models import CardStatus, ItemStatus, NewsletterStatus
from shared.records import DigestStatus, MessageStatus

ALLOWED_MOVES: dict[type[StrEnum], dict[Any, frozenset[Any]]] = {
    NewsletterStatus: {
        NewsletterStatus.RECEIVED: frozenset({NewsletterStatus.PARSING, NewsletterStatus.FAILED}),
        # PARSING -> PARSING: a redelivered event resumes a parse that was cut short.
        NewsletterStatus.PARSING: frozenset(
            {
                NewsletterStatus.PARSING,
                NewsletterStatus.PARSED,
                NewsletterStatus.FAILED,
                NewsletterStatus.WAITING_TRANSCRIPTION,
            }
        ),
        NewsletterStatus.WAITING_TRANSCRIPTION: frozenset({NewsletterStatus.PARSING}),
        NewsletterStatus.PARSED: frozenset(),
        NewsletterStatus.FAILED: frozenset(),
    },
    ItemStatus: {
        ItemStatus.PENDING_REVIEW: frozenset({ItemStatus.APPROVED, ItemStatus.REJECTED}),
        ItemStatus.APPROVED: frozenset({ItemStatus.WITHDRAWN}),
        ItemStatus.REJECTED: frozenset({ItemStatus.APPROVED}),
        ItemStatus.WITHDRAWN: frozenset({ItemStatus.APPROVED}),
    },
    CardStatus: {
        CardStatus.PENDING: frozenset({CardStatus.SENT, CardStatus.RETRACTED}),
        # SENT -> SENT: a card not done yet is numbered again in the next week's digest.
        CardStatus.SENT: frozenset({CardStatus.SENT, CardStatus.DONE}),
        CardStatus.RETRACTED: frozenset({CardStatus.PENDING}),
        CardStatus.DONE: frozenset(),
    },
    DigestStatus: {
        DigestStatus.BUILT: frozenset({DigestStatus.SENDING}),
        # SENDING -> SENDING: a sender whose lease ran out is taken over; -> BUILT: released
        # after a failure worth retrying, so the retry may send.
        DigestStatus.SENDING: frozenset(
            {DigestStatus.SENDING, DigestStatus.BUILT, DigestStatus.SENT, DigestStatus.FAILED}
        ),
        DigestStatus.FAILED: frozenset(),
        DigestStatus.SENT: frozenset(),
    },
    MessageStatus: {
        MessageStatus.RECEIVED: frozenset(),
        MessageStatus.QUEUED: frozenset(
            {MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED}
        ),
        MessageStatus.SENT: frozenset(
            {MessageStatus.DELIVERED, MessageStatus.READ, MessageStatus.FAILED}
        ),
        MessageStatus.DELIVERED: frozenset({MessageStatus.READ}),
        MessageStatus.READ: frozenset(),
        MessageStatus.FAILED: frozenset(),
    },
}


def can_move(current: StrEnum, target: StrEnum) -> bool:
    """Whether ALLOWED_MOVES lets a model in status `current` go to `target`."""
    # Members of different enums may share a value ("sent"), and StrEnums compare as strings.
    return type(current) is type(target) and target in ALLOWED_MOVES[type(current)][current]
