"""Sending one parent's digest (or alert) exactly once.

`send_digest` numbers the parent's cards 1..N in reading order and records the Digest with
that numbering *before* sending (the intent, keyed on the digest id), claims it, sends, records
each Message with its provider id, marks the Digest sent and its cards sent. Redelivered, it
sends nothing twice; a provider 5xx releases the claim so the retry sends; a crash between
sending and recording is found by the claim it left behind and is finished without sending
again (at most once: a family never gets the same digest twice).

The state changes are small functions here (`_claim`, `_release`, `_finish`, `_fail`,
`_mark_cards`) so that they can move onto the models' transition methods without touching
the flow.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

from shared.errors import DeliveryDeferred, DeliveryRejected, NeedsTemplate, RecipientUnreachable
from shared.models import Card, CardStatus, Item, ItemStatus, Parent, School
from shared.ports import (
    FieldFilter,
    Messenger,
    Recipient,
    SentMessage,
    StoreTransaction,
    TemplateMessage,
)
from shared.records import Digest, DigestStatus, Message, MessageStatus
from shared.rendering.digest import (
    arrange,
    is_task,
    render_sms,
    render_whatsapp,
    split_for_whatsapp,
)
from shared.repository import Repositories
from shared.services import cards
from shared.services.digest_content import digest_content, shown_texts, sms_content
from shared.services.digests import DigestDependencies, in_window

logger = logging.getLogger(__name__)

CUSTOMER_SERVICE_WINDOW = timedelta(hours=24)
# A claim older than this is a sender that died, not one still at work.
SEND_LEASE = timedelta(minutes=10)


class SendDigestTask(BaseModel):
    """The payload build_digests queues for send_digest."""

    model_config = ConfigDict(extra="forbid")

    parent_id: str = Field(min_length=1, max_length=200)
    kind: Literal["weekly", "alert"] = "weekly"
    on: date = Field(description="The school week's digest day, or the alert's day.")
    card_id: str | None = Field(default=None, max_length=200)


@dataclass(frozen=True)
class SendOutcome:
    digest_id: str | None
    outcome: Literal[
        "sent", "already_sent", "recovered", "nothing_to_send", "skipped", "failed", "in_progress"
    ]
    channel: str | None = None
    reason: str | None = None
    messages: int = 0


class SendInProgress(DeliveryDeferred):
    """Another delivery of this task holds the claim right now: try again after it."""


def send_digest(deps: DigestDependencies, task: SendDigestTask) -> SendOutcome:
    repos, now = deps.repos, deps.clock.now()
    parent = repos.parents.get(task.parent_id)
    if parent is None:
        return SendOutcome(None, "skipped", reason="unknown parent")
    digest_id = (
        Digest.id_for(parent.id, task.on)
        if task.kind == "weekly"
        else Digest.id_for_alert(parent.id, task.on)
    )
    digest = repos.digests.get(digest_id)
    if digest is not None and digest.status is DigestStatus.SENT:
        _mark_cards(repos, digest)  # a crash after the digest was marked sent left these
        return SendOutcome(digest_id, "already_sent", digest.channel)
    if digest is not None and digest.status is DigestStatus.FAILED:
        return SendOutcome(digest_id, "failed", digest.channel, digest.error)
    if not parent.can_be_messaged:
        return SendOutcome(digest_id, "skipped", reason="opted out")
    channel = _channel_for(parent, deps)
    if channel is None and (digest is None or digest.status is DigestStatus.BUILT):
        return SendOutcome(digest_id, "skipped", reason="unreachable")
    school = repos.schools.get(parent.school_id)
    if school is None:
        return SendOutcome(digest_id, "skipped", reason="unknown school")
    if digest is None:
        digest = _record_intent(deps, parent, school, task, digest_id, now)
        if digest is None:
            return SendOutcome(digest_id, "nothing_to_send")
    claimed = repos.store.run_transaction(lambda tx: _claim(tx, repos, digest_id, now))
    if claimed is None:
        current = repos.digests.get(digest_id)
        if current is not None and current.status is DigestStatus.SENT:
            return SendOutcome(digest_id, "already_sent", current.channel)
        raise SendInProgress("this digest is being sent by another delivery")
    if claimed.previous is DigestStatus.SENDING:
        # A sender died holding the claim: whatever it sent stays sent, nothing goes twice.
        sent = _finish(repos, claimed.digest, claimed.digest.channel, now, unconfirmed=True)
        _mark_cards(repos, sent)
        return SendOutcome(digest_id, "recovered", sent.channel)
    return _deliver(deps, parent, school, claimed.digest, now)


def _channel_for(parent: Parent, deps: DigestDependencies) -> Messenger | None:
    if parent.whatsapp_reachable:
        return deps.whatsapp
    if parent.sms_reachable and deps.sms is not None:
        return deps.sms
    return None


def _recipient(parent: Parent) -> Recipient:
    return Recipient(phone_e164=parent.phone, whatsapp_user_id=parent.whatsapp_user_id)


def _cards_for(
    deps: DigestDependencies, parent: Parent, task: SendDigestTask, today: date
) -> tuple[list[str], list[tuple[Card, Item]]]:
    """(card ids already numbered before these, the new cards with their items)."""
    repos = deps.repos
    if task.kind == "alert":
        card = repos.cards.get(task.card_id or "")
        if card is None or card.parent_id != parent.id or card.status is not CardStatus.PENDING:
            return [], []
        item = repos.items.get(card.item_id)
        if item is None or item.status is not ItemStatus.APPROVED:
            return [], []
        # Keep last digest's numbers meaning what they meant: the alert's card comes after.
        return _latest_numbering(repos, parent.id), [(card, item)]
    cards = repos.cards.find(
        FieldFilter("parent_id", "==", parent.id), FieldFilter("status", "==", "pending")
    )
    items = repos.items.get_many(sorted({c.item_id for c in cards}))
    return [], [
        (card, items[card.item_id])
        for card in cards
        if card.item_id in items
        and items[card.item_id].status is ItemStatus.APPROVED
        and in_window(items[card.item_id], today, deps.window_days)
    ]


def _latest_numbering(repos: Repositories, parent_id: str) -> list[str]:
    latest = cards.latest_digest(repos, parent_id)
    return list(latest.card_ids) if latest else []


def _record_intent(
    deps: DigestDependencies,
    parent: Parent,
    school: School,
    task: SendDigestTask,
    digest_id: str,
    now: datetime,
) -> Digest | None:
    """Number the cards, render, and store the Digest before anything is sent."""
    today = now.astimezone(ZoneInfo(school.timezone)).date()
    earlier, fresh = _cards_for(deps, parent, task, today)
    if not fresh:
        return None
    by_card = {card.id: item for card, item in fresh}
    ordered = arrange([item for _, item in fresh], today)
    card_of_item = {item.id: card for card, item in fresh}
    card_ids = earlier + [card_of_item[item.id].id for _, item in ordered]
    content = digest_content(
        deps, parent, school, card_ids, len(earlier), by_card, today, now, task.kind
    )
    digest = Digest(
        id=digest_id,
        school_id=school.id,
        parent_id=parent.id,
        week_of=task.on,
        language=parent.language,
        card_ids=card_ids,
        kind=task.kind,
        body=render_whatsapp(content),
        created_at=now,
    )
    if not deps.repos.digests.create(digest):
        return deps.repos.digests.get(digest_id)  # a concurrent delivery recorded it first
    return digest


@dataclass(frozen=True)
class _Claim:
    digest: Digest
    previous: DigestStatus


def _claim(
    tx: StoreTransaction, repos: Repositories, digest_id: str, now: datetime
) -> _Claim | None:
    """BUILT -> SENDING (or take over a SENDING whose lease ran out); None when held or done."""
    document = tx.get(repos.digests.name, digest_id)
    if document is None:
        return None
    digest = Digest.from_document(document)
    if digest.status is DigestStatus.SENDING:
        if digest.send_started_at is not None and now - digest.send_started_at < SEND_LEASE:
            return None
    elif digest.status is not DigestStatus.BUILT:
        return None
    claimed = digest.begin_sending(now)
    tx.set(repos.digests.name, digest_id, claimed.to_document())
    return _Claim(claimed, digest.status)


def _release(repos: Repositories, digest: Digest) -> None:
    """SENDING -> BUILT after a failure worth retrying: the retry may send."""
    repos.digests.put(digest.release())


def _finish(
    repos: Repositories,
    digest: Digest,
    channel: Literal["whatsapp", "sms", "outbox"] | None,
    now: datetime,
    *,
    message_id: str | None = None,
    unconfirmed: bool = False,
) -> Digest:
    """SENDING -> SENT."""
    done = digest.mark_sent(
        channel=channel,
        at=now,
        message_id=message_id,
        unconfirmed="delivery unconfirmed: the sender stopped between sending and recording"
        if unconfirmed
        else None,
    )
    repos.digests.put(done)
    return done


def _fail(
    repos: Repositories,
    digest: Digest,
    channel: Literal["whatsapp", "sms", "outbox"] | None,
    error: str,
) -> Digest:
    """SENDING -> FAILED, for a refusal no retry can change."""
    failed = digest.mark_failed(channel, error)
    repos.digests.put(failed)
    return failed


def _mark_cards(repos: Repositories, digest: Digest) -> None:
    """The digest's cards -> SENT with their numbers, in one transaction (shared.services.cards):
    a card done or retracted meanwhile keeps its state and its number stays unused."""
    cards.mark_sent(repos, digest.id, digest.card_ids)


def _in_service_window(repos: Repositories, parent_id: str, now: datetime) -> bool:
    """Has the parent written to us in the last 24 hours (free-form text allowed)?"""
    recent = repos.messages.find(
        FieldFilter("parent_id", "==", parent_id),
        FieldFilter("direction", "==", "inbound"),
        FieldFilter("created_at", ">=", (now - CUSTOMER_SERVICE_WINDOW).isoformat()),
        limit=1,
    )
    return bool(recent)


def _template_for(
    deps: DigestDependencies, parent: Parent, digest: Digest, school: School
) -> TemplateMessage:
    """The template's body: first name, how many items, the first thing to act on."""
    cards = deps.repos.cards.get_many(digest.card_ids)
    items = deps.repos.items.get_many([c.item_id for c in cards.values()])
    ordered = [
        items[cards[cid].item_id]
        for cid in digest.card_ids
        if cid in cards and cards[cid].item_id in items
    ]
    first = next((i for i in ordered if is_task(i)), ordered[0] if ordered else None)
    # The digest's rendering translated (and cached) the items just before.
    title = ""
    if first is not None:
        texts, _ = shown_texts(deps, [first], school, parent.language, cached_only=True)
        title = texts[first.id].title
    return TemplateMessage(
        language=deps.template_languages.get(parent.language, parent.language),
        body_parameters=(parent.name.split(" ")[0], str(len(ordered)), title[:60]),
        quick_reply_payload=f"digest:{digest.id}",
    )


def _record_message(
    repos: Repositories, digest: Digest, part: int, body: str, sent: SentMessage, now: datetime
) -> None:
    repos.messages.put(
        Message(
            id=Message.id_for_outbound(digest.id, part),
            school_id=digest.school_id,
            parent_id=digest.parent_id,
            direction="outbound",
            channel=sent.channel,
            provider_message_id=sent.provider_message_id,
            body=body[:4096],
            status=MessageStatus.SENT,
            created_at=now,
            updated_at=now,
            digest_id=digest.id,
        )
    )


def _deliver(
    deps: DigestDependencies, parent: Parent, school: School, digest: Digest, now: datetime
) -> SendOutcome:
    repos = deps.repos
    try:
        if parent.whatsapp_reachable:
            try:
                count, channel = _send_whatsapp(deps, parent, school, digest, now)
            except RecipientUnreachable as exc:
                logger.warning(
                    "parent unreachable on WhatsApp; falling back to SMS",
                    extra={"digest_id": digest.id, "code": exc.code},
                )
                repos.store.update(repos.parents.name, parent.id, {"whatsapp_reachable": False})
                if not (parent.sms_reachable and deps.sms is not None):
                    _fail(repos, digest, "whatsapp", str(exc))
                    return SendOutcome(digest.id, "failed", "whatsapp", "unreachable")
                count, channel = _send_sms(deps, parent, digest, now)
        else:
            count, channel = _send_sms(deps, parent, digest, now)
    except DeliveryDeferred:
        _release(repos, digest)
        raise
    except RecipientUnreachable as exc:
        repos.store.update(repos.parents.name, parent.id, {"sms_reachable": False})
        _fail(repos, digest, "sms", str(exc))
        return SendOutcome(digest.id, "failed", "sms", "unreachable")
    except DeliveryRejected as exc:
        _fail(repos, digest, None, str(exc))
        logger.error(
            "digest refused by the provider", extra={"digest_id": digest.id, "code": exc.code}
        )
        return SendOutcome(digest.id, "failed", None, str(exc))
    sent = _finish(repos, digest, channel, now, message_id=Message.id_for_outbound(digest.id, 0))
    _mark_cards(repos, sent)
    return SendOutcome(digest.id, "sent", channel, messages=count)


def _send_whatsapp(
    deps: DigestDependencies, parent: Parent, school: School, digest: Digest, now: datetime
) -> tuple[int, Literal["whatsapp", "sms", "outbox"]]:
    repos, messenger = deps.repos, deps.whatsapp
    recipient = _recipient(parent)
    body = digest.body or ""
    if not _in_service_window(repos, parent.id, now):
        return _send_template(deps, parent, school, digest, now), messenger.channel
    parts = split_for_whatsapp(body)
    for part, text in enumerate(parts):
        if repos.messages.get(Message.id_for_outbound(digest.id, part)) is not None:
            continue  # sent by an earlier delivery that failed on a later part
        try:
            sent = messenger.send(
                recipient, text, reference=Message.id_for_outbound(digest.id, part)
            )
        except NeedsTemplate:
            return _send_template(deps, parent, school, digest, now), messenger.channel
        _record_message(repos, digest, part, text, sent, now)
    return len(parts), messenger.channel


def _send_template(
    deps: DigestDependencies, parent: Parent, school: School, digest: Digest, now: datetime
) -> int:
    """Outside the 24-hour window only the template may go; its button brings the full text
    (kept in Digest.body) once the parent taps it and the window opens."""
    reference = Message.id_for_outbound(digest.id, 0)
    if deps.repos.messages.get(reference) is not None:
        return 1
    template = _template_for(deps, parent, digest, school)
    sent = deps.whatsapp.send(
        _recipient(parent), digest.body or "", template=template, reference=reference
    )
    summary = " | ".join(template.body_parameters)
    _record_message(deps.repos, digest, 0, f"[template {template.language}] {summary}", sent, now)
    return 1


def _send_sms(
    deps: DigestDependencies, parent: Parent, digest: Digest, now: datetime
) -> tuple[int, Literal["whatsapp", "sms", "outbox"]]:
    assert deps.sms is not None
    reference = Message.id_for_outbound(digest.id, 0)
    if deps.repos.messages.get(reference) is not None:
        return 1, deps.sms.channel
    rendering = render_sms(
        sms_content(deps, parent, digest, now),
        deps.links.digest_url(digest.id, now),
        deps.sms_segment_budget,
    )
    sent = deps.sms.send(Recipient(phone_e164=parent.phone), rendering.body, reference=reference)
    _record_message(deps.repos, digest, 0, rendering.body, sent, now)
    return 1, deps.sms.channel
