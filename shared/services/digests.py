"""Weekly digests: which parents get one when (build), and getting each one out once (send).

`build_digests` runs on every scheduler tick: a school whose local digest moment has come
(its weekday and time, in its timezone, DST included) fans out one `send_digest` task per
opted-in, reachable parent with unsent cards in the window; task names carry the parent and
the school week, so a second tick that week queues nothing. The same tick queues a one-item
alert for an urgent card approved after the weekly run (one alert a day per parent at most).

`send_digest` numbers the parent's cards 1..N in reading order and records the Digest with
that numbering *before* sending (the intent, keyed on the digest id), claims it, sends, records
each Message with its provider id, marks the Digest sent and its cards sent. Redelivered, it
sends nothing twice; a provider 5xx releases the claim so the retry sends; a crash between
sending and recording is found by the claim it left behind and is finished without sending
again (at most once: a family never gets the same digest twice).

The state changes are small functions here (`_claim`, `_release`, `_finish`, `_mark_cards`)
so that they can move onto the models' transition methods without touching the flow.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel, ConfigDict, Field

from shared.errors import DeliveryDeferred, DeliveryRejected, NeedsTemplate, RecipientUnreachable
from shared.models import (
    Card,
    CardStatus,
    ConsentState,
    Digest,
    DigestStatus,
    DomainModel,
    Item,
    ItemCategory,
    ItemStatus,
    LanguageCode,
    Message,
    MessageStatus,
    Parent,
    School,
    stable_id,
)
from shared.ports import (
    Clock,
    FieldFilter,
    Messenger,
    Recipient,
    SentMessage,
    StoreTransaction,
    TaskQueue,
    TemplateMessage,
    Translator,
)
from shared.rendering.digest import (
    DigestContent,
    DigestLine,
    arrange,
    due_date,
    is_task,
    render_sms,
    render_whatsapp,
    split_for_whatsapp,
)
from shared.repository import Collection, Repositories
from shared.services.calendar import CalendarLinks, is_dated

logger = logging.getLogger(__name__)

SEND_DIGEST = "send_digest"
TRANSLATIONS = "translations"
CUSTOMER_SERVICE_WINDOW = timedelta(hours=24)
# A claim older than this is a sender that died, not one still at work.
SEND_LEASE = timedelta(minutes=10)
# A tick this long after the digest moment still sends it (the scheduler ticks hourly).
CATCH_UP = timedelta(hours=24)
# No alert this close to the weekly digest: it will carry the urgent item anyway.
ALERT_QUIET_BEFORE_DIGEST = timedelta(hours=12)


@dataclass(frozen=True)
class DigestDependencies:
    repos: Repositories
    tasks: TaskQueue
    clock: Clock
    whatsapp: Messenger
    sms: Messenger | None
    translator: Translator
    links: CalendarLinks
    window_days: int = 14
    urgent_hours: int = 48
    sms_segment_budget: int = 6
    template_languages: dict[str, str] = field(default_factory=dict)


# --------------------------------------------------------------------------- schedule


def digest_moment(school: School, now: datetime) -> datetime:
    """The school's latest weekly digest moment at or before `now`, as an aware datetime.

    Computed on the local calendar, so 17:00 on Sunday stays 17:00 local across a DST change.
    """
    tz = ZoneInfo(school.timezone)
    local = now.astimezone(tz)
    day = local.date() - timedelta(days=(local.weekday() - school.digest_weekday) % 7)
    moment = datetime.combine(day, school.digest_time, tzinfo=tz)
    if moment > now:
        moment = datetime.combine(day - timedelta(days=7), school.digest_time, tzinfo=tz)
    return moment


def _next_moment(school: School, moment: datetime) -> datetime:
    tz = ZoneInfo(school.timezone)
    return datetime.combine(moment.date() + timedelta(days=7), school.digest_time, tzinfo=tz)


def in_window(item: Item, today: date, window_days: int) -> bool:
    """Due or happening between today and `window_days` ahead; undated items always (they
    are news, newly approved, since their card was never sent)."""
    if item.start_date is None:
        return True
    last = item.end_date or item.start_date
    return last >= today and item.start_date <= today + timedelta(days=window_days)


def is_urgent(item: Item, now: datetime, today: date, urgent_hours: int) -> bool:
    """A closure today or tomorrow, or something due within `urgent_hours`."""
    if item.start_date is None:
        return False
    if item.category is ItemCategory.CLOSURE:
        return today <= item.start_date <= today + timedelta(days=1)
    if is_task(item):
        due = due_date(item)
        return due is not None and today <= due <= (now + timedelta(hours=urgent_hours)).date()
    return False


class _ReachParent(DomainModel):
    """The fields of a stored Parent that the fan-out reads (no phone validation per parent)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str
    consent: ConsentState
    whatsapp_reachable: bool = True
    sms_reachable: bool = True


@dataclass
class BuildResult:
    schools_due: int = 0
    enqueued: int = 0
    already_queued: int = 0
    alerts_enqueued: int = 0
    skipped_unreachable: int = 0


def _task_name(*parts: str) -> str:
    return f"{parts[0]}-{stable_id(*parts)}"


def build_digests(deps: DigestDependencies, *, ignore_schedule: bool = False) -> BuildResult:
    """Queue the digests (and urgent alerts) that are due now; idempotent per school week."""
    now = deps.clock.now()
    result = BuildResult()
    for school in deps.repos.schools.scan():
        moment = digest_moment(school, now)
        today = now.astimezone(ZoneInfo(school.timezone)).date()
        week_of = moment.date()
        weekly_due = ignore_schedule or now - moment < CATCH_UP
        pending = deps.repos.cards.find(
            FieldFilter("school_id", "==", school.id), FieldFilter("status", "==", "pending")
        )
        if not pending:
            continue
        items = deps.repos.items.get_many(sorted({c.item_id for c in pending}))
        sendable = [
            c
            for c in pending
            if (item := items.get(c.item_id)) is not None
            and item.status is ItemStatus.APPROVED
            and in_window(item, today, deps.window_days)
        ]
        parents = Collection(deps.repos.store, deps.repos.parents.name, _ReachParent).get_many(
            sorted({c.parent_id for c in sendable})
        )
        reachable = {
            pid
            for pid, p in parents.items()
            if p.consent is ConsentState.OPTED_IN
            and (p.whatsapp_reachable or (p.sms_reachable and deps.sms is not None))
        }
        result.skipped_unreachable += len({c.parent_id for c in sendable} - reachable)
        if weekly_due:
            result.schools_due += 1
            for parent_id in sorted({c.parent_id for c in sendable} & reachable):
                queued = deps.tasks.enqueue(
                    SEND_DIGEST,
                    {"parent_id": parent_id, "kind": "weekly", "on": week_of.isoformat()},
                    task_name=_task_name("digest", school.id, week_of.isoformat(), parent_id),
                )
                result.enqueued += queued
                result.already_queued += not queued
        urgent: dict[str, Card] = {}
        for card in sorted(sendable, key=lambda c: c.created_at):
            item = items[card.item_id]
            if (
                card.parent_id in reachable
                and card.created_at > moment
                and is_urgent(item, now, today, deps.urgent_hours)
            ):
                urgent.setdefault(card.parent_id, card)
        if weekly_due or _next_moment(school, moment) - now < ALERT_QUIET_BEFORE_DIGEST:
            continue  # the weekly digest, queued now or soon, carries them
        for parent_id, card in sorted(urgent.items()):
            queued = deps.tasks.enqueue(
                SEND_DIGEST,
                {
                    "parent_id": parent_id,
                    "kind": "alert",
                    "on": today.isoformat(),
                    "card_id": card.id,
                },
                task_name=_task_name("alert", parent_id, today.isoformat()),
            )
            result.alerts_enqueued += queued
    return result


# --------------------------------------------------------------------------- send


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
    sent = repos.digests.find(
        FieldFilter("parent_id", "==", parent_id), FieldFilter("status", "==", "sent")
    )
    latest = max(sent, key=lambda d: d.sent_at or d.created_at, default=None)
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
    content = _content(
        deps, parent, school, digest_id, card_ids, len(earlier), by_card, today, now, task.kind
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


def _content(
    deps: DigestDependencies,
    parent: Parent,
    school: School,
    digest_id: str,
    card_ids: Sequence[str],
    first_new: int,
    items_by_card: dict[str, Item],
    today: date,
    now: datetime,
    kind: Literal["weekly", "alert"],
) -> DigestContent:
    lines = []
    untranslated = False
    for number, card_id in enumerate(card_ids, start=1):
        if number <= first_new:
            continue
        item = items_by_card[card_id]
        title, details, translated = _shown_text(deps, item, school, parent.language)
        untranslated = untranslated or not translated
        section = arrange([item], today)[0][0]
        lines.append(
            DigestLine(
                number=number,
                section=section,
                item=item,
                title=title,
                details=details,
                calendar_url=deps.links.item_url(item.id, now) if is_dated(item) else None,
            )
        )
    return DigestContent(
        language=parent.language,
        first_name=parent.name,
        school_name=school.name,
        lines=lines,
        untranslated_from=school.default_language if untranslated else None,
        kind=kind,
    )


def _shown_text(
    deps: DigestDependencies, item: Item, school: School, language: LanguageCode
) -> tuple[str, str, bool]:
    """Title and details in the parent's language, from the per-item cache when there is one;
    the third value says whether they are in that language."""
    if language == school.default_language:
        return item.title, item.details, True
    if not deps.translator.translates:
        return item.title, item.details, False
    fingerprint = hashlib.sha256(f"{item.title}\x1f{item.details}".encode()).hexdigest()[:16]
    key = stable_id("translation", item.id, language, fingerprint, deps.translator.name)
    cached = deps.repos.store.get(TRANSLATIONS, key)
    if cached is not None:
        return str(cached["title"]), str(cached["details"]), True
    title = deps.translator.translate(item.title, language)
    details = deps.translator.translate(item.details, language) if item.details else ""
    deps.repos.store.set(
        TRANSLATIONS,
        key,
        {"item_id": item.id, "language": language, "title": title, "details": details},
    )
    return title, details, True


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
    claimed = digest.model_copy(update={"status": DigestStatus.SENDING, "send_started_at": now})
    tx.set(repos.digests.name, digest_id, claimed.to_document())
    return _Claim(claimed, digest.status)


def _release(repos: Repositories, digest: Digest) -> None:
    """SENDING -> BUILT after a failure worth retrying: the retry may send."""
    repos.digests.put(
        digest.model_copy(update={"status": DigestStatus.BUILT, "send_started_at": None})
    )


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
    done = digest.model_copy(
        update={
            "status": DigestStatus.SENT,
            "channel": channel,
            "sent_at": now,
            "message_id": message_id or digest.message_id,
            "error": "delivery unconfirmed: the sender stopped between sending and recording"
            if unconfirmed
            else None,
        }
    )
    repos.digests.put(done)
    return done


def _fail(repos: Repositories, digest: Digest, channel: str | None, error: str) -> Digest:
    """SENDING -> FAILED, for a refusal no retry can change."""
    failed = digest.model_copy(
        update={"status": DigestStatus.FAILED, "channel": channel, "error": error[:500]}
    )
    repos.digests.put(failed)
    return failed


def _mark_cards(repos: Repositories, digest: Digest) -> None:
    """Pending cards of the digest -> SENT with their number (done or retracted stay so)."""
    numbers = {card_id: n for n, card_id in enumerate(digest.card_ids, start=1)}

    def work(tx: StoreTransaction) -> None:
        documents = {cid: tx.get(repos.cards.name, cid) for cid in numbers}
        for card_id, document in documents.items():
            if document is None:
                continue
            card = Card.from_document(document)
            if card.status is CardStatus.PENDING:
                sent = card.model_copy(
                    update={
                        "status": CardStatus.SENT,
                        "digest_id": digest.id,
                        "number": numbers[card_id],
                    }
                )
                tx.set(repos.cards.name, card_id, sent.to_document())
            elif card.status is not CardStatus.RETRACTED and card.number != numbers[card_id]:
                # Renumbered for this digest, so "DONE n" means what this digest says.
                tx.set(
                    repos.cards.name,
                    card_id,
                    card.model_copy(
                        update={"digest_id": digest.id, "number": numbers[card_id]}
                    ).to_document(),
                )

    repos.store.run_transaction(work)


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
    title = _shown_text(deps, first, school, parent.language)[0] if first else ""
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


def sms_content(
    deps: DigestDependencies, parent: Parent, digest: Digest, now: datetime
) -> DigestContent:
    """The digest's content again from its stored numbering, for the SMS rendering."""
    repos = deps.repos
    school = repos.schools.get(digest.school_id)
    assert school is not None
    cards = repos.cards.get_many(digest.card_ids)
    items = repos.items.get_many(sorted({c.item_id for c in cards.values()}))
    by_card = {cid: items[c.item_id] for cid, c in cards.items() if c.item_id in items}
    first_new = 0
    if digest.kind == "alert":
        first_new = len(digest.card_ids) - 1
    today = now.astimezone(ZoneInfo(school.timezone)).date()
    return _content(
        deps,
        parent,
        school,
        digest.id,
        digest.card_ids,
        first_new,
        by_card,
        today,
        now,
        digest.kind,
    )
