"""WhatsApp Cloud API webhooks: the signature check and Meta's payloads as pydantic models.

Meta signs every POST with `X-Hub-Signature-256: sha256=HEX`, the HMAC-SHA256 of the raw body
keyed with the app secret; `verify_signature` checks it over the bytes, in constant time, before
anything is parsed. The models follow Meta's webhook references (messages of every type,
statuses, errors, system messages, contacts with `wa_id` and/or the business-scoped `user_id`)
and accept fields they do not name, because Meta adds fields without notice and a refused
delivery makes Meta retry and, in the end, disable the subscription. `events_from_body` turns a
verified body into the domain's inbound events.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from shared.services.inbound import (
    DeliveryStatus,
    IdentityChange,
    IgnoredUpdate,
    InboundEvent,
    IncomingMessage,
    Sender,
)

SIGNATURE_HEADER = "X-Hub-Signature-256"
_SIGNATURE_PREFIX = "sha256="
_WA_ID = re.compile(r"^\+?\d{7,15}$")
# {ISO 3166 alpha-2}.{up to 128 alphanumerics}, optionally ENT. for a parent BSUID.
_BSUID = re.compile(r"^[A-Z]{2}\.(ENT\.)?[A-Za-z0-9]{1,128}$")


def sign(body: bytes, app_secret: str) -> str:
    """The header value Meta sends for this body (tests, the benchmark, the local stack)."""
    digest = hmac.new(app_secret.encode(), body, hashlib.sha256).hexdigest()
    return _SIGNATURE_PREFIX + digest


def verify_signature(body: bytes, header: str | None, app_secret: str) -> bool:
    """True only when the header is Meta's HMAC-SHA256 of exactly these bytes."""
    if not header or not app_secret or not header.startswith(_SIGNATURE_PREFIX):
        return False
    return hmac.compare_digest(sign(body, app_secret).encode(), header.strip().encode())


class _Lenient(BaseModel):
    model_config = ConfigDict(extra="allow", populate_by_name=True)


class Profile(_Lenient):
    name: str | None = None
    username: str | None = None


class Contact(_Lenient):
    """The sender as Meta identifies them: phone (`wa_id`), BSUID (`user_id`), or both."""

    wa_id: str | None = None
    user_id: str | None = None
    parent_user_id: str | None = None
    profile: Profile | None = None


class Text(_Lenient):
    body: str = ""


class Media(_Lenient):
    id: str | None = None
    mime_type: str | None = None
    caption: str | None = None
    voice: bool = False


class ReplyChoice(_Lenient):
    id: str = ""
    title: str = ""
    description: str | None = None


class Interactive(_Lenient):
    type: str
    button_reply: ReplyChoice | None = None
    list_reply: ReplyChoice | None = None


class QuickReplyButton(_Lenient):
    payload: str | None = None
    text: str = ""


class Context(_Lenient):
    id: str | None = None
    forwarded: bool = False


class ErrorDetail(_Lenient):
    code: int | None = None
    title: str | None = None
    message: str | None = None


class SystemNotice(_Lenient):
    """`user_changed_number` carries the new `wa_id`; `user_changed_user_id` the new BSUID."""

    type: str | None = None
    body: str | None = None
    wa_id: str | None = None
    user_id: str | None = None
    parent_user_id: str | None = None
    previous_user_id: str | None = None


class WhatsAppMessage(_Lenient):
    id: str
    type: str = "unknown"
    timestamp: str | int | None = None
    from_: str | None = Field(default=None, alias="from")
    from_user_id: str | None = None
    context: Context | None = None
    text: Text | None = None
    audio: Media | None = None
    image: Media | None = None
    video: Media | None = None
    document: Media | None = None
    interactive: Interactive | None = None
    button: QuickReplyButton | None = None
    system: SystemNotice | None = None
    errors: list[ErrorDetail] = Field(default_factory=list)


class Status(_Lenient):
    id: str
    status: str
    timestamp: str | int | None = None
    recipient_id: str | None = None
    recipient_user_id: str | None = None
    recipient_type: str | None = None
    errors: list[ErrorDetail] = Field(default_factory=list)


class ChangeValue(_Lenient):
    messaging_product: str | None = None
    contacts: list[Contact] = Field(default_factory=list)
    messages: list[WhatsAppMessage] = Field(default_factory=list)
    statuses: list[Status] = Field(default_factory=list)
    errors: list[ErrorDetail] = Field(default_factory=list)


class Change(_Lenient):
    field: str
    value: dict[str, Any] = Field(default_factory=dict)


class Entry(_Lenient):
    id: str | None = None
    changes: list[Change] = Field(default_factory=list)

    @field_validator("id", mode="before")
    @classmethod
    def _id_as_text(cls, value: object) -> object:
        return str(value) if isinstance(value, int) else value


class WebhookBody(_Lenient):
    object: str
    entry: list[Entry] = Field(default_factory=list)


def phone_from_wa_id(wa_id: str | None) -> str | None:
    """`16045550123` -> `+16045550123`; anything not shaped like a phone number -> None."""
    if not wa_id or not _WA_ID.match(wa_id.strip()):
        return None
    return "+" + wa_id.strip().lstrip("+")


def user_id_from(value: str | None) -> str | None:
    return value if value and _BSUID.match(value) else None


def _when(timestamp: str | int | None) -> datetime:
    try:
        return datetime.fromtimestamp(int(timestamp or 0), UTC)
    except (TypeError, ValueError, OverflowError):
        return datetime.fromtimestamp(0, UTC)


def events_from_body(body: bytes) -> list[InboundEvent]:
    """Every event a (verified) body carries; what cannot be read becomes an IgnoredUpdate."""
    try:
        webhook = WebhookBody.model_validate_json(body)
    except ValidationError:
        return [IgnoredUpdate(kind="unreadable", reason="not a WhatsApp webhook body")]
    if webhook.object != "whatsapp_business_account":
        return [IgnoredUpdate(kind=f"object:{webhook.object}"[:80], reason="not WhatsApp")]
    events: list[InboundEvent] = []
    for entry in webhook.entry:
        for change in entry.changes:
            events.extend(_events_of_change(change))
    return events


def _events_of_change(change: Change) -> list[InboundEvent]:
    if change.field != "messages":
        return [IgnoredUpdate(kind=f"field:{change.field}"[:80], reason="not acted on")]
    try:
        value = ChangeValue.model_validate(change.value)
    except ValidationError:
        return [IgnoredUpdate(kind="messages:unreadable", reason="payload does not validate")]
    senders = _senders_by_wa_id(value.contacts)
    events: list[InboundEvent] = []
    for message in value.messages:
        events.append(_event_of_message(message, senders))
    for status in value.statuses:
        events.append(_event_of_status(status))
    if value.errors and not value.messages and not value.statuses:
        codes = ",".join(str(e.code) for e in value.errors)
        events.append(IgnoredUpdate(kind="errors", reason=f"webhook errors {codes}"[:200]))
    return events


def _senders_by_wa_id(contacts: list[Contact]) -> dict[str | None, Sender]:
    senders: dict[str | None, Sender] = {}
    for contact in contacts:
        sender = Sender(phone_from_wa_id(contact.wa_id), user_id_from(contact.user_id))
        senders[contact.wa_id] = sender
        senders.setdefault(None, sender)
    return senders


def _sender_of(message: WhatsAppMessage, senders: dict[str | None, Sender]) -> Sender:
    # One contact per change in practice; keyed by wa_id when Meta gives one.
    contact = senders.get(message.from_) or senders.get(None)
    phone = phone_from_wa_id(message.from_) or (contact.phone_e164 if contact else None)
    user_id = user_id_from(message.from_user_id) or (contact.user_id if contact else None)
    if user_id is None and message.from_ and user_id_from(message.from_):
        user_id = message.from_  # a username-only user: `from` carries the BSUID
    return Sender(phone, user_id)


def _event_of_message(message: WhatsAppMessage, senders: dict[str | None, Sender]) -> InboundEvent:
    sender = _sender_of(message, senders)
    at = _when(message.timestamp)
    context_id = message.context.id if message.context else None
    if message.type == "system" and message.system is not None:
        return _identity_change(message, message.system, sender, at)
    if message.type == "text" and message.text is not None:
        return IncomingMessage(
            message.id, sender, "text", at, text=message.text.body, context_message_id=context_id
        )
    if message.type == "interactive" and message.interactive is not None:
        choice = message.interactive.button_reply or message.interactive.list_reply
        if choice is not None:
            return IncomingMessage(
                message.id,
                sender,
                message.interactive.type,
                at,
                text=choice.title,
                reply_id=choice.id,
                context_message_id=context_id,
            )
    if message.type == "button" and message.button is not None:
        return IncomingMessage(
            message.id,
            sender,
            "button",
            at,
            text=message.button.text,
            reply_id=message.button.payload,
            context_message_id=context_id,
        )
    if message.type == "audio" and message.audio is not None and message.audio.id:
        return IncomingMessage(
            message.id,
            sender,
            "audio",
            at,
            media_id=message.audio.id,
            is_voice=message.audio.voice,
            context_message_id=context_id,
        )
    # Every other message is still a message from a person: the replies service records it
    # and says it was not acted on.
    media = message.image or message.video or message.document
    kind = (
        message.type
        if message.interactive is None
        else f"{message.type}:{message.interactive.type}"
    )
    return IncomingMessage(
        message.id,
        sender,
        kind[:80],
        at,
        text=media.caption if media else None,
        context_message_id=context_id,
    )


def _identity_change(
    message: WhatsAppMessage, notice: SystemNotice, sender: Sender, at: datetime
) -> InboundEvent:
    if notice.type == "user_changed_number":
        current = Sender(phone_from_wa_id(notice.wa_id), user_id_from(notice.user_id))
    elif notice.type == "user_changed_user_id":
        previous_user_id = user_id_from(notice.previous_user_id) or sender.user_id
        sender = Sender(sender.phone_e164, previous_user_id)
        current = Sender(
            phone_from_wa_id(notice.wa_id) or sender.phone_e164, user_id_from(notice.user_id)
        )
    else:
        kind = f"system:{notice.type or 'unknown'}"[:80]
        return IgnoredUpdate(kind, "system message not acted on", message.id, sender)
    if not current.known:
        return IgnoredUpdate(f"system:{notice.type}", "no new identity given", message.id, sender)
    return IdentityChange(message.id, notice.type, sender, current, at)


def _event_of_status(status: Status) -> InboundEvent:
    recipient = Sender(
        phone_from_wa_id(status.recipient_id), user_id_from(status.recipient_user_id)
    )
    error = status.errors[0] if status.errors else None
    title = (error.title or error.message) if error else None
    return DeliveryStatus(
        provider_message_id=status.id,
        status=status.status,
        at=_when(status.timestamp),
        recipient=recipient,
        error_code=error.code if error else None,
        error_title=title[:200] if title else None,
    )
