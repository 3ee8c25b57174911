"""The replies use case: act on what the WhatsApp webhook received, once, and answer.

Each inbound message is claimed by a transactional create keyed on its WhatsApp id
(Message.id_for_inbound), so redeliveries and concurrent deliveries act once; a claim whose
work died is taken over after a lease. Our answer has an id derived from the inbound one, so it
is sent at most once too. Statuses move outbound messages forward only. Everything is a
Message linked to the parent; logs carry ids and outcomes, never phone numbers, BSUIDs or text.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from shared.errors import TransientError, VoiceLanguageUnheard
from shared.models import ConsentState, Parent
from shared.ports import (
    Clock,
    FieldFilter,
    ItemSearch,
    Messenger,
    Recipient,
    StoreTransaction,
    TaskQueue,
    VoiceTranscriber,
)
from shared.records import IgnoredUpdate as IgnoredUpdateRecord
from shared.records import Message, MessageStatus, UnknownSender
from shared.repository import Repositories
from shared.services import reply_texts
from shared.services.identity import IdentityNotMoved, move_identity, recognise
from shared.services.inbound import (
    DeliveryStatus,
    IdentityChange,
    IgnoredUpdate,
    InboundEvent,
    IncomingMessage,
    Sender,
)
from shared.services.intents import (
    Classification,
    Intent,
    classify,
    classify_reply_id,
    detect_language,
)
from shared.services.reply_actions import ActionContext, act, order_by_latest_digest

logger = logging.getLogger(__name__)

# The Cloud Tasks target that answers voice notes (functions/whatsapp_replies.py).
REPLIES_TASK_TARGET = "whatsapp_replies"
# Message types we act on; any other is recorded as a Message and as ignored.
TEXT_KINDS = frozenset({"text", "button_reply", "list_reply", "button"})
# Failures that say this person cannot be reached on WhatsApp at all (not "try later"):
# 131026 message undeliverable (no WhatsApp, old app, terms not accepted), 131021 recipient is
# the sender.
PERMANENT_FAILURES = frozenset({131026, 131021})
_STATUS_BY_NAME = {
    "sent": MessageStatus.SENT,
    "delivered": MessageStatus.DELIVERED,
    "read": MessageStatus.READ,
    "played": MessageStatus.READ,
    "failed": MessageStatus.FAILED,
}
# Opted-out parents are answered only to what concerns their consent.
_ANSWERED_WHEN_OPTED_OUT = frozenset(
    {Intent.START, Intent.STOP, Intent.HELP, Intent.CHANGE_LANGUAGE}
)


@dataclass
class ReplyDependencies:
    repos: Repositories
    messenger: Messenger
    search: ItemSearch
    clock: Clock
    # Slow work (a voice note's transcription) goes to a task; None does it inline.
    tasks: TaskQueue | None = None
    transcriber: VoiceTranscriber | None = None
    unknown_sender_answer_every: timedelta = timedelta(days=7)
    claim_lease: timedelta = timedelta(seconds=60)


@dataclass
class WebhookOutcome:
    """What one delivery did, counted by outcome (for the response and the log line)."""

    counts: Counter[str] = field(default_factory=Counter)

    def add(self, outcome: str) -> None:
        self.counts[outcome] += 1

    def as_json(self) -> dict[str, Any]:
        return dict(sorted(self.counts.items()))


def handle_events(events: list[InboundEvent], deps: ReplyDependencies) -> WebhookOutcome:
    """Act on every event of one delivery. A TransientError propagates (the delivery is
    answered 5xx and Meta redelivers it); any other failure of one event is recorded and the
    rest still run, because a delivery refused for good would be retried until Meta gives up."""
    outcome = WebhookOutcome()
    for event in events:
        try:
            outcome.add(_handle_event(event, deps))
        except TransientError:
            raise
        except Exception as exc:
            logger.exception("webhook event failed", extra={"event": type(event).__name__})
            message_id = getattr(event, "provider_message_id", None)
            kind = f"error:{type(event).__name__}"
            record_ignored(IgnoredUpdate(kind, type(exc).__name__, message_id), deps)
            outcome.add("failed")
    logger.info("webhook handled", extra={"outcomes": outcome.as_json()})
    return outcome


def _handle_event(event: InboundEvent, deps: ReplyDependencies) -> str:
    if isinstance(event, IncomingMessage):
        return handle_message(event, deps)
    if isinstance(event, DeliveryStatus):
        return apply_status(event, deps)
    if isinstance(event, IdentityChange):
        return apply_identity_change(event, deps)
    record_ignored(event, deps)
    return "ignored"


def record_ignored(event: IgnoredUpdate, deps: ReplyDependencies) -> None:
    now = deps.clock.now()
    deps.repos.ignored_updates.put(
        IgnoredUpdateRecord(
            id=IgnoredUpdateRecord.id_for(event.kind, event.provider_message_id, now.isoformat()),
            kind=event.kind,
            reason=event.reason,
            provider_message_id=event.provider_message_id,
            received_at=now,
        )
    )


# --------------------------------------------------------------------------- inbound messages


def _claim(deps: ReplyDependencies, message: Message) -> bool:
    """True when this delivery is the one to act on the message (created it, or took over a
    claim whose lease ran out unhandled)."""
    now = deps.clock.now()

    def work(tx: StoreTransaction) -> bool:
        existing = tx.get("messages", message.id)
        if existing is None:
            tx.set("messages", message.id, message.to_document())
            return True
        stored = Message.from_document(existing)
        if stored.handled_at is not None or now - stored.updated_at < deps.claim_lease:
            return False
        tx.set("messages", message.id, stored.model_copy(update={"updated_at": now}).to_document())
        return True

    return deps.repos.store.run_transaction(work)


def handle_message(event: IncomingMessage, deps: ReplyDependencies) -> str:
    parents = order_by_latest_digest(deps.repos, recognise(deps.repos, event.sender))
    now = deps.clock.now()
    parent = parents[0] if parents else None
    inbound = Message(
        id=Message.id_for_inbound(event.provider_message_id),
        school_id=parent.school_id if parent else "",
        parent_id=parent.id if parent else None,
        direction="inbound",
        channel="whatsapp",
        provider_message_id=event.provider_message_id,
        body=(event.text or "")[:4096],
        status=MessageStatus.RECEIVED,
        kind=event.kind,
        created_at=now,
        updated_at=now,
    )
    if not _claim(deps, inbound):
        return "duplicate"
    try:
        if parent is None:
            return _answer_unknown_sender(event, inbound, deps)
        return _answer_parent(event, inbound, parents, deps)
    except Exception:
        # Give the claim back so that Meta's redelivery acts on the message (never lost).
        released = inbound.model_copy(update={"updated_at": inbound.updated_at - deps.claim_lease})
        deps.repos.messages.put(released)
        raise


def _finish(
    deps: ReplyDependencies, inbound: Message, intent: str, answer: Message | None = None
) -> None:
    """Mark the inbound message handled, with our answer's outcome in the same write."""
    now = deps.clock.now()
    handled = inbound.model_copy(update={"intent": intent, "handled_at": now, "updated_at": now})
    deps.repos.messages.put_many([handled, *([answer] if answer else [])])


def _classification(event: IncomingMessage) -> Classification:
    if event.reply_id:
        return classify_reply_id(event.reply_id, event.text)
    return classify(event.text or "")


def _answer_parent(
    event: IncomingMessage, inbound: Message, parents: list[Parent], deps: ReplyDependencies
) -> str:
    parent = parents[0]
    if not parent.whatsapp_reachable:
        # They wrote to us: WhatsApp reaches them again.
        for record in parents:
            deps.repos.parents.put(record.model_copy(update={"whatsapp_reachable": True}))
        parents = [p.model_copy(update={"whatsapp_reachable": True}) for p in parents]
        parent = parents[0]
    if event.kind == "audio" and event.media_id:
        # Transcribing takes longer than Meta waits for an answer: a task does it.
        if deps.tasks is not None:
            payload = {"message_id": inbound.id, "media_id": event.media_id}
            deps.tasks.enqueue(REPLIES_TASK_TARGET, payload, task_name=f"voice-{inbound.id}")
            _finish(deps, inbound, "voice_note")
            return "voice_note_queued"
        answer, heard = _answer_voice(deps, inbound, parents, event.media_id)
        _finish(deps, heard, heard.intent or "voice_note", answer)
        return "voice_note"
    if event.kind not in TEXT_KINDS:
        record_ignored(
            IgnoredUpdate(
                f"message:{event.kind}", "message type not acted on", event.provider_message_id
            ),
            deps,
        )
        _finish(deps, inbound, "ignored")
        return "ignored"
    classification = _classification(event)
    answer = _send_reply(
        deps, inbound, parent, _answer_text(deps, inbound, parents, classification, event.text)
    )
    _finish(deps, inbound, str(classification.intent), answer)
    logger.info(
        "reply handled",
        extra={"message_id": inbound.id, "intent": str(classification.intent), "kind": event.kind},
    )
    return str(classification.intent)


def _answer_text(
    deps: ReplyDependencies,
    inbound: Message,
    parents: list[Parent],
    classification: Classification,
    text: str | None,
) -> str:
    """What we answer to what a parent wrote (or said, once transcribed)."""
    parent = parents[0]
    if (
        parent.consent is ConsentState.OPTED_OUT
        and classification.intent not in _ANSWERED_WHEN_OPTED_OUT
    ):
        return reply_texts.text("opted_out", parent.language)
    context = ActionContext(deps.repos, deps.search, deps.clock, parents, inbound, text or "")
    return act(context, classification)


def _answer_voice(
    deps: ReplyDependencies, inbound: Message, parents: list[Parent], media_id: str
) -> tuple[Message | None, Message]:
    """Our answer to a voice note, and the inbound message as it now reads: with the
    transcript as its text and the intent read in it, or with the error that kept it from
    being heard (the parent is then asked, politely, to type). TransientError propagates:
    the media or the speech backend may work on the task's next attempt."""
    parent = parents[0]
    if deps.transcriber is None:
        # No transcription is configured: say so rather than guess.
        reply = reply_texts.text("voice_unavailable", parent.language)
        return _send_reply(deps, inbound, parent, reply), inbound
    try:
        transcript = deps.transcriber.transcribe(media_id, parent.language)
    except TransientError:
        raise
    except Exception as exc:
        # Recorded on the message (the reason names the failure, not the parent).
        error = f"voice note not transcribed: {type(exc).__name__}: {exc}"[:500]
        logger.warning(
            "voice note not transcribed",
            extra={"message_id": inbound.id, "error": type(exc).__name__},
        )
        unheard = "voice_unavailable" if isinstance(exc, VoiceLanguageUnheard) else None
        reply = reply_texts.text(unheard or "voice_unreadable", parent.language)
        failed = inbound.model_copy(update={"error": error, "intent": "voice_unreadable"})
        return _send_reply(deps, inbound, parent, reply), failed
    classification = classify(transcript)
    heard = inbound.model_copy(
        update={"body": transcript[:4096], "intent": str(classification.intent)}
    )
    reply = _answer_text(deps, heard, parents, classification, transcript)
    logger.info(
        "voice note answered",
        extra={"message_id": inbound.id, "intent": str(classification.intent)},
    )
    return _send_reply(deps, heard, parent, reply), heard


def answer_voice_note(message_id: str, media_id: str, deps: ReplyDependencies) -> str:
    """The replies task: transcribe a voice note and answer it as if it were text (once)."""
    inbound = deps.repos.messages.get(message_id)
    if inbound is None or inbound.parent_id is None:
        return "unknown_message"
    if deps.repos.messages.get(Message.id_for_reply(inbound.id)) is not None:
        return "duplicate"
    parent = deps.repos.parents.get(inbound.parent_id)
    if parent is None:
        return "unknown_message"
    others = recognise(deps.repos, Sender(parent.phone, parent.whatsapp_user_id))
    parents = [parent, *(p for p in others if p.id != parent.id)]
    answer, heard = _answer_voice(deps, inbound, parents, media_id)
    heard = heard.model_copy(update={"updated_at": deps.clock.now()})
    deps.repos.messages.put_many([heard, *([answer] if answer else [])])
    return "voice_note_unreadable" if heard.error else "voice_note"


def _answer_unknown_sender(
    event: IncomingMessage, inbound: Message, deps: ReplyDependencies
) -> str:
    """One polite answer that reveals nothing, then silence until the interval has passed."""
    identity = event.sender.user_id or event.sender.phone_e164
    if identity is None:
        _finish(deps, inbound, "unknown_sender")
        return "unknown_sender"
    now = deps.clock.now()
    sender_id = UnknownSender.id_for(identity)

    def work(tx: StoreTransaction) -> bool:
        existing = tx.get("unknown_senders", sender_id)
        record = (
            UnknownSender.from_document(existing)
            if existing
            else UnknownSender(id=sender_id, first_seen_at=now)
        )
        due = record.last_answered_at is None or (
            now - record.last_answered_at >= deps.unknown_sender_answer_every
        )
        update: dict[str, object] = {"messages": record.messages + 1}
        if due:
            update["last_answered_at"] = now
        tx.set("unknown_senders", sender_id, record.model_copy(update=update).to_document())
        return due

    due = deps.repos.store.run_transaction(work)
    answer = None
    if due:
        language = detect_language(event.text or "")
        body = reply_texts.text("unknown_sender", language)
        answer = _send(deps, inbound, None, event.sender, body)
    _finish(deps, inbound, "unknown_sender", answer)
    logger.info("unknown sender", extra={"message_id": inbound.id, "answered": due})
    return "unknown_sender"


def _send_reply(
    deps: ReplyDependencies, inbound: Message, parent: Parent, body: str
) -> Message | None:
    # Replies go by phone where we have one, else by BSUID.
    return _send(deps, inbound, parent, Sender(parent.phone, parent.whatsapp_user_id), body)


def _send(
    deps: ReplyDependencies,
    inbound: Message,
    parent: Parent | None,
    recipient: Sender,
    body: str,
) -> Message | None:
    """Send our one answer to `inbound` and return it as sent or failed, for the caller to
    store; None when it was sent before (a redelivered or retried inbound never sends twice)."""
    now = deps.clock.now()
    outbound = Message(
        id=Message.id_for_reply(inbound.id),
        school_id=parent.school_id if parent else "",
        parent_id=parent.id if parent else None,
        direction="outbound",
        channel="whatsapp",
        body=body[:4096],
        status=MessageStatus.QUEUED,
        in_reply_to=inbound.id,
        created_at=now,
        updated_at=now,
    )
    if not deps.repos.messages.create(outbound):
        return None
    try:
        # The phone wins when we have both (Recipient says so); else WhatsApp's BSUID.
        sent = deps.messenger.send(
            Recipient(phone_e164=recipient.phone_e164, whatsapp_user_id=recipient.user_id),
            body,
            reference=outbound.id,
        )
    except Exception as exc:
        logger.warning(
            "reply not sent", extra={"message_id": outbound.id, "error": type(exc).__name__}
        )
        return outbound.advance(MessageStatus.FAILED, deps.clock.now(), type(exc).__name__)
    return outbound.sent_as(sent.provider_message_id, sent.channel, deps.clock.now())


# --------------------------------------------------------------------------- statuses


def apply_status(event: DeliveryStatus, deps: ReplyDependencies) -> str:
    status = _STATUS_BY_NAME.get(event.status)
    if status is None:
        record_ignored(
            IgnoredUpdate(
                f"status:{event.status}"[:80], "status not tracked", event.provider_message_id
            ),
            deps,
        )
        return "ignored"
    found = deps.repos.messages.find(
        FieldFilter("provider_message_id", "==", event.provider_message_id), limit=2
    )
    outbound = next((m for m in found if m.direction == "outbound"), None)
    if outbound is None:
        record_ignored(
            IgnoredUpdate(
                "status:unknown_message",
                "no outbound message has this id",
                event.provider_message_id,
            ),
            deps,
        )
        return "ignored"
    now = deps.clock.now()
    error = f"{event.error_code}: {event.error_title or ''}".strip() if event.error_code else None

    def work(tx: StoreTransaction) -> bool:
        current = tx.get("messages", outbound.id)
        if current is None:
            return False
        message = Message.from_document(current)
        if not message.can_advance_to(status):
            return False
        advanced = message.advance(status, now, error[:500] if error else message.error)
        tx.set("messages", message.id, advanced.to_document())
        return True

    moved = deps.repos.store.run_transaction(work)
    if moved and status is MessageStatus.FAILED and event.error_code in PERMANENT_FAILURES:
        _mark_unreachable(deps, outbound.parent_id)
    return "status" if moved else "status_stale"


def _mark_unreachable(deps: ReplyDependencies, parent_id: str | None) -> None:
    parent = deps.repos.parents.get(parent_id) if parent_id else None
    if parent is not None and parent.whatsapp_reachable:
        deps.repos.parents.put(parent.model_copy(update={"whatsapp_reachable": False}))
        logger.warning("parent unreachable on WhatsApp", extra={"parent_id": parent.id})


# --------------------------------------------------------------------------- identity


def apply_identity_change(event: IdentityChange, deps: ReplyDependencies) -> str:
    try:
        move_identity(deps.repos, deps.clock, event)
    except IdentityNotMoved as exc:
        record_ignored(
            IgnoredUpdate(f"system:{event.kind}", str(exc), event.provider_message_id), deps
        )
        return "ignored"
    return "identity_changed"
