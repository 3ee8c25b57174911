"""Card writes that race each other, made atomic: every service that changes a card's state
after targeting created it (the digest sender, the WhatsApp webhook, admins) goes through here.

Each helper reads the cards again inside one store transaction and moves them with the model's
own transitions (`Card.mark_sent`, `Card.mark_done`), so a retargeting, a digest being sent and
a parent's DONE landing at the same moment never overwrite one another. Targeting itself does
the same for its batches (`shared.services.targeting`). The helpers are idempotent: a retried
send or a redelivered DONE writes nothing new.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from shared.errors import BadInput, NotFound
from shared.lifecycle import can_move
from shared.models import Card, CardStatus
from shared.ports import FieldFilter
from shared.records import Digest
from shared.repository import Repositories, UnitOfWork

# Firestore takes at most 500 writes in one transaction; a digest is far shorter.
MAX_CARDS_PER_DIGEST = 400


@dataclass(frozen=True)
class CardsSent:
    """What `mark_sent` did: `sent` in digest order; `skipped` are ids it left as they were."""

    sent: list[Card]
    # Cards that were retracted, done or deleted after the digest was built.
    skipped: list[str]


@dataclass(frozen=True)
class CardDone:
    card: Card
    # False when the card was done already (a redelivered "DONE 2"): nothing was written.
    changed: bool


def mark_sent(repos: Repositories, digest_id: str, card_ids: Sequence[str]) -> CardsSent:
    """Mark a digest's cards sent, numbered in order: card n is `card_ids[n-1]`.

    One transaction. A card already sent as the same number of the same digest is left alone
    (a retried send); a card that can no longer be sent keeps its state and is listed in
    `skipped`, its number unused, so the numbers the parent sees still match the digest.
    """
    if len(card_ids) > MAX_CARDS_PER_DIGEST:
        raise BadInput(f"a digest holds at most {MAX_CARDS_PER_DIGEST} cards")
    if len(set(card_ids)) != len(card_ids):
        raise BadInput("a digest lists each card once")

    def work(unit: UnitOfWork) -> CardsSent:
        stored = unit.get_many(repos.cards, list(card_ids))
        sent: list[Card] = []
        skipped: list[str] = []
        writes: list[Card] = []
        for number, card_id in enumerate(card_ids, start=1):
            card = stored.get(card_id)
            if card is None or not can_move(card.status, CardStatus.SENT):
                skipped.append(card_id)
                continue
            if card.status is CardStatus.SENT and (card.digest_id, card.number) == (
                digest_id,
                number,
            ):
                sent.append(card)
                continue
            moved = card.mark_sent(digest_id, number)
            writes.append(moved)
            sent.append(moved)
        unit.put_many(repos.cards, writes)
        return CardsSent(sent=sent, skipped=skipped)

    return repos.atomically(work)


def mark_done(repos: Repositories, card_id: str, *, parent_id: str, at: datetime) -> CardDone:
    """The parent `parent_id` completed the card, in one transaction.

    NotFound when there is no such card or it is another parent's (nothing is revealed about
    it); IllegalTransition when it was never sent or was retracted.
    """

    def work(unit: UnitOfWork) -> CardDone:
        card = unit.get(repos.cards, card_id)
        if card is None or card.parent_id != parent_id:
            raise NotFound(f"card {card_id} does not exist")
        if card.status is CardStatus.DONE:
            return CardDone(card=card, changed=False)
        done = card.mark_done(at)
        unit.put(repos.cards, done)
        return CardDone(card=done, changed=True)

    return repos.atomically(work)


def latest_digest(repos: Repositories, parent_id: str) -> Digest | None:
    """The parent's latest sent digest (or alert): its numbering is what "DONE 2" means."""
    sent = repos.digests.find(
        FieldFilter("parent_id", "==", parent_id), FieldFilter("status", "==", "sent")
    )
    return max(sent, key=lambda d: (d.sent_at or d.created_at, d.week_of), default=None)
