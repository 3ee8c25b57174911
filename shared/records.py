"""What was sent, received and done: digests, messages, tickets, the audit trail, dead
letters, admins' login links, and webhook updates we keep but do not act on.

Split from shared.models (the school, its items and each parent's cards), whose base model,
ids and state checks these share.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import AwareDatetime, Field

from shared.models import AdminEmail, DomainModel, LanguageCode, check_move, stable_id


class DigestStatus(StrEnum):
    BUILT = "built"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"


class Digest(DomainModel):
    id: str
    school_id: str
    parent_id: str
    week_of: date
    language: LanguageCode
    card_ids: list[str] = Field(default_factory=list)
    status: DigestStatus = DigestStatus.BUILT
    message_id: str | None = None
    created_at: AwareDatetime
    kind: Literal["weekly", "alert"] = "weekly"
    channel: Literal["whatsapp", "sms", "outbox"] | None = None
    body: str | None = Field(
        default=None, description="The full text, kept to be sent when a template is answered."
    )
    send_started_at: AwareDatetime | None = None
    sent_at: AwareDatetime | None = None
    error: str | None = None

    @staticmethod
    def id_for(parent_id: str, week_of: date) -> str:
        return stable_id("digest", parent_id, week_of.isoformat())

    def begin_sending(self, at: datetime) -> Digest:
        """Claimed by one sender (the intent recorded before anything is sent)."""
        check_move(self.status, DigestStatus.SENDING, f"digest {self.id}")
        return self._changed(status=DigestStatus.SENDING, send_started_at=at)

    def release(self) -> Digest:
        """Handed back after a failure worth retrying: the retry may send."""
        check_move(self.status, DigestStatus.BUILT, f"digest {self.id}")
        return self._changed(status=DigestStatus.BUILT, send_started_at=None)

    def mark_sent(
        self,
        *,
        channel: Literal["whatsapp", "sms", "outbox"] | None,
        at: datetime,
        message_id: str | None = None,
        unconfirmed: str | None = None,
    ) -> Digest:
        """Handed to the messenger; `unconfirmed` says why delivery cannot be confirmed."""
        check_move(self.status, DigestStatus.SENT, f"digest {self.id}")
        return self._changed(
            status=DigestStatus.SENT,
            channel=channel,
            sent_at=at,
            message_id=message_id or self.message_id,
            error=unconfirmed,
        )

    def mark_failed(
        self, channel: Literal["whatsapp", "sms", "outbox"] | None, error: str
    ) -> Digest:
        """Refused for good: no retry can change it."""
        check_move(self.status, DigestStatus.FAILED, f"digest {self.id}")
        return self._changed(status=DigestStatus.FAILED, channel=channel, error=error[:500])

    @staticmethod
    def id_for_alert(parent_id: str, day: date) -> str:
        return stable_id("alert", parent_id, day.isoformat())


class MessageStatus(StrEnum):
    RECEIVED = "received"
    QUEUED = "queued"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"


class Message(DomainModel):
    id: str
    school_id: str
    parent_id: str | None
    direction: Literal["inbound", "outbound"]
    channel: Literal["whatsapp", "sms", "outbox"]
    provider_message_id: str | None = None
    body: str = Field(max_length=4096)
    status: MessageStatus
    error: str | None = None
    created_at: AwareDatetime
    updated_at: AwareDatetime
    digest_id: str | None = None
    kind: str | None = Field(
        default=None, max_length=80, description="The provider's message type (text, audio...)."
    )
    intent: str | None = Field(default=None, max_length=40, description="What a reply asked.")
    in_reply_to: str | None = Field(
        default=None, description="For our answers: the id of the inbound Message answered."
    )
    handled_at: AwareDatetime | None = Field(
        default=None, description="When an inbound message was fully acted on (never twice)."
    )

    @staticmethod
    def id_for_inbound(provider_message_id: str) -> str:
        return stable_id("inbound", provider_message_id)

    @staticmethod
    def id_for_outbound(digest_id: str, part: int) -> str:
        return stable_id("outbound", digest_id, str(part))

    @staticmethod
    def id_for_reply(inbound_message_id: str) -> str:
        """Our one answer to an inbound message: a redelivery can never send a second."""
        return stable_id("reply", inbound_message_id)

    def can_advance_to(self, status: MessageStatus) -> bool:
        """False for a status report that arrives late (WhatsApp may send "sent" after "read")."""
        from shared.lifecycle import can_move

        return can_move(self.status, status)

    def advance(self, status: MessageStatus, at: datetime, error: str | None = None) -> Message:
        """An outbound message's delivery moved on (sent, delivered, read or failed)."""
        check_move(self.status, status, f"message {self.id}")
        return self._changed(status=status, error=error, updated_at=at)

    def sent_as(
        self,
        provider_message_id: str,
        channel: Literal["whatsapp", "sms", "outbox"],
        at: datetime,
    ) -> Message:
        """The provider accepted it under its own id (which its delivery statuses carry)."""
        check_move(self.status, MessageStatus.SENT, f"message {self.id}")
        return self._changed(
            status=MessageStatus.SENT,
            provider_message_id=provider_message_id,
            channel=channel,
            updated_at=at,
        )


class TicketStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


class Ticket(DomainModel):
    """A parent's report that something is wrong, for staff to look at."""

    id: str
    school_id: str
    parent_id: str
    item_id: str | None = None
    message_id: str
    text: str = Field(max_length=4096)
    kind: Literal["error_report", "unanswered_question"] = "error_report"
    status: TicketStatus = TicketStatus.OPEN
    created_at: AwareDatetime
    resolved_at: AwareDatetime | None = None


class AuditEvent(DomainModel):
    id: str
    school_id: str
    actor: str = Field(min_length=1, max_length=200)
    action: str = Field(min_length=1, max_length=80)
    subject_kind: str
    subject_id: str
    changes: dict[str, Any] = Field(default_factory=dict)
    at: AwareDatetime


class AdminLoginLink(DomainModel):
    """A one-time sign-in link for the admin page where no IAP stands in front (local runs).

    Only a hash of the link's secret is stored; using the link marks it used.
    """

    id: str = Field(description="SHA-256 of the link's secret.")
    email: AdminEmail
    school_id: str
    expires_at: AwareDatetime
    used_at: AwareDatetime | None = None


class DeadLetter(DomainModel):
    """A task that failed on its last attempt, kept for staff to inspect and replay."""

    id: str
    queue: str
    target: str
    payload: dict[str, Any]
    attempts: int = Field(ge=1)
    last_error: str
    at: AwareDatetime


# What Item.edit may change: the content (not the extractor's confidence), never identity,
# status or provenance.


class IgnoredUpdate(DomainModel):
    """A webhook update we received and do not act on, kept with its kind (never a 500)."""

    id: str
    kind: str = Field(max_length=80)
    reason: str = Field(max_length=200)
    provider_message_id: str | None = None
    received_at: AwareDatetime

    @staticmethod
    def id_for(kind: str, provider_message_id: str | None, received_at: str) -> str:
        return stable_id("ignored", kind, provider_message_id or received_at)


class UnknownSender(DomainModel):
    """Someone who wrote to us and matches no parent, known only by a pseudonym of their id.

    It is what rate-limits our one polite answer to them.
    """

    id: str
    first_seen_at: AwareDatetime
    last_answered_at: AwareDatetime | None = None
    messages: int = Field(default=0, ge=0)

    @staticmethod
    def id_for(identity: str) -> str:
        return stable_id("unknown-sender", identity)
