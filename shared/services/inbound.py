"""What a messaging webhook tells the domain, in the domain's words (no provider wire format).

The WhatsApp adapter turns Meta's payloads into these; the replies service acts on them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Sender:
    """Who wrote or received a message: a phone number, a business-scoped user id, or both."""

    phone_e164: str | None = None
    user_id: str | None = None

    @property
    def known(self) -> bool:
        return bool(self.phone_e164 or self.user_id)


@dataclass(frozen=True)
class IncomingMessage:
    """A message a person sent us. `kind` is the provider's message type (text, audio, ...)."""

    provider_message_id: str
    sender: Sender
    kind: str
    sent_at: datetime
    text: str | None = None
    # The id of a button or list row of one of our own messages that the person tapped.
    reply_id: str | None = None
    # The id of one of our messages this one answers (WhatsApp's "context").
    context_message_id: str | None = None
    # A voice note or other media to fetch (transcription happens in a task, never inline).
    media_id: str | None = None
    is_voice: bool = False


@dataclass(frozen=True)
class DeliveryStatus:
    """The provider's news about one of our outbound messages."""

    provider_message_id: str
    status: str
    at: datetime
    recipient: Sender
    error_code: int | None = None
    error_title: str | None = None


@dataclass(frozen=True)
class IdentityChange:
    """A person's phone number or business-scoped user id changed (a WhatsApp system message)."""

    provider_message_id: str
    kind: str  # "user_changed_number" | "user_changed_user_id"
    previous: Sender
    current: Sender
    at: datetime


@dataclass(frozen=True)
class IgnoredUpdate:
    """Something the webhook received and does not act on, kept with its kind for the record."""

    kind: str
    reason: str
    provider_message_id: str | None = None
    sender: Sender | None = None


InboundEvent = IncomingMessage | DeliveryStatus | IdentityChange | IgnoredUpdate
