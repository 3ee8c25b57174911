"""Pydantic models of the domain: what the store keeps and what services pass around.

Ids are deterministic wherever a retry could otherwise create a duplicate: a newsletter's id
derives from its bucket, object and generation; a card's from its parent and item; an inbound
message's from its WhatsApp id. Models validate untrusted input at the edge; inside the domain,
code trusts their types.
"""

from __future__ import annotations

import hashlib
from datetime import date, time
from enum import StrEnum
from typing import Annotated, Any, Literal, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import phonenumbers
from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

PRE_K = -1
KINDERGARTEN = 0
SUPPORTED_LANGUAGES = ("en", "pa", "tl", "zh")


def stable_id(*parts: str) -> str:
    """A short id that is the same every time for the same parts (retries never duplicate)."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).hexdigest()
    return digest[:32]


def _e164(value: str) -> str:
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"not an E.164 phone number: {exc}") from None
    if not phonenumbers.is_valid_number(parsed):
        raise ValueError("not a valid phone number")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _timezone(value: str) -> str:
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown IANA timezone: {value!r}") from None
    return value


def _slug(value: str) -> str:
    if not value or not all(c.islower() or c.isdigit() or c == "-" for c in value):
        raise ValueError(f"not a slug (lower-case letters, digits, '-'): {value!r}")
    return value


PhoneE164 = Annotated[str, AfterValidator(_e164)]
TimezoneName = Annotated[str, AfterValidator(_timezone)]
Slug = Annotated[str, AfterValidator(_slug)]
Grade = Annotated[int, Field(ge=PRE_K, le=12)]
LanguageCode = Literal["en", "pa", "tl", "zh"]


class DomainModel(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    def to_document(self) -> dict[str, Any]:
        """The JSON-safe form every store keeps (dates as ISO strings, enums as values)."""
        return self.model_dump(mode="json")

    @classmethod
    def from_document(cls, document: dict[str, Any]) -> Self:
        return cls.model_validate(document)


class Activity(DomainModel):
    slug: Slug
    name: str = Field(min_length=1, max_length=80)
    synonyms: list[str] = Field(default_factory=list)


class School(DomainModel):
    id: Slug
    name: str = Field(min_length=1, max_length=200)
    timezone: TimezoneName
    region: str = Field(default="CA", min_length=2, max_length=2, description="Phone region.")
    grades_offered: list[Grade] = Field(min_length=1)
    activities: list[Activity] = Field(default_factory=list)
    default_language: LanguageCode = "en"
    auto_approve_threshold: float | None = Field(
        default=None, ge=0, le=1, description="Items at or above it skip review; None = off."
    )

    @field_validator("grades_offered")
    @classmethod
    def _sorted_unique(cls, grades: list[int]) -> list[int]:
        return sorted(set(grades))

    @property
    def activity_slugs(self) -> set[str]:
        return {a.slug for a in self.activities}


class NewsletterStatus(StrEnum):
    RECEIVED = "received"
    PARSING = "parsing"
    PARSED = "parsed"
    FAILED = "failed"
    WAITING_TRANSCRIPTION = "waiting_transcription"


class Newsletter(DomainModel):
    id: str
    school_id: str
    bucket: str
    object_name: str
    generation: str
    content_type: str | None = None
    size_bytes: int = Field(ge=0)
    status: NewsletterStatus = NewsletterStatus.RECEIVED
    failure_reason: str | None = None
    uploaded_at: AwareDatetime
    issued_on: date | None = None
    extractor: str | None = None
    item_ids: list[str] = Field(default_factory=list)
    tokens_used: int = Field(default=0, ge=0)
    parse_attempts: int = Field(default=0, ge=0)
    notes: list[str] = Field(
        default_factory=list, description="Plain-language remarks for admins about the parse."
    )

    @staticmethod
    def id_for(bucket: str, object_name: str, generation: str) -> str:
        return stable_id("newsletter", bucket, object_name, generation)


class ItemCategory(StrEnum):
    EVENT = "event"
    DEADLINE = "deadline"
    CLOSURE = "closure"
    MEETING = "meeting"
    FUNDRAISER = "fundraiser"
    VOLUNTEER = "volunteer"
    ANNOUNCEMENT = "announcement"


class ItemAction(StrEnum):
    SIGN = "sign"
    BRING = "bring"
    PAY = "pay"
    REGISTER = "register"
    RSVP = "rsvp"
    VOLUNTEER = "volunteer"


class ItemStatus(StrEnum):
    PENDING_REVIEW = "pending_review"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


class Item(DomainModel):
    id: str
    school_id: str
    newsletter_id: str
    title: str = Field(min_length=1, max_length=200)
    details: str = Field(default="", max_length=2000)
    category: ItemCategory
    start_date: date | None = None
    end_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    grades: Literal["all"] | list[Grade] = "all"
    activities: list[Slug] = Field(default_factory=list)
    action_required: bool = False
    action: ItemAction | None = None
    location: str | None = Field(default=None, max_length=200)
    recurrence: str | None = Field(default=None, max_length=200)
    confidence: float = Field(ge=0, le=1)
    status: ItemStatus = ItemStatus.PENDING_REVIEW
    created_at: AwareDatetime
    updated_at: AwareDatetime
    possible_duplicate_of: str | None = Field(
        default=None, description="An earlier item this one may repeat, for an admin to confirm."
    )

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Item:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        return self

    def grades_within(self, school: School) -> list[int]:
        """The item's grades as a list, 'all' meaning every grade the school offers."""
        return list(school.grades_offered) if self.grades == "all" else list(self.grades)


class ConsentState(StrEnum):
    PENDING = "pending"
    OPTED_IN = "opted_in"
    OPTED_OUT = "opted_out"


class Parent(DomainModel):
    id: str
    school_id: str
    name: str = Field(min_length=1, max_length=200)
    phone: PhoneE164
    language: LanguageCode = "en"
    consent: ConsentState = ConsentState.OPTED_IN
    consent_changed_at: AwareDatetime | None = None
    whatsapp_user_id: str | None = Field(
        default=None, max_length=128, description="WhatsApp's business-scoped user id (BSUID)."
    )
    whatsapp_reachable: bool = True
    child_ids: list[str] = Field(default_factory=list)
    activities: list[Slug] = Field(
        default_factory=list, description="Activities the parent follows for the family."
    )

    @property
    def can_be_messaged(self) -> bool:
        return self.consent is ConsentState.OPTED_IN


class Child(DomainModel):
    id: str
    school_id: str
    name: str = Field(min_length=1, max_length=200)
    grade: Grade
    parent_ids: list[str] = Field(default_factory=list)
    activities: list[Slug] = Field(default_factory=list)


class Subscription(DomainModel):
    """One parent following one activity (for the family or for one child)."""

    id: str
    school_id: str
    parent_id: str
    activity: Slug
    child_id: str | None = None
    source: Literal["roster", "admin", "whatsapp"] = "roster"

    @staticmethod
    def id_for(parent_id: str, activity: str, child_id: str | None) -> str:
        return stable_id("subscription", parent_id, activity, child_id or "")


class CardStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    DONE = "done"
    RETRACTED = "retracted"


class Card(DomainModel):
    """One item as one parent sees it: the unit that is numbered in a digest and marked done."""

    id: str
    school_id: str
    parent_id: str
    item_id: str
    status: CardStatus = CardStatus.PENDING
    digest_id: str | None = None
    number: int | None = Field(default=None, ge=1)
    created_at: AwareDatetime
    done_at: AwareDatetime | None = None

    @staticmethod
    def id_for(parent_id: str, item_id: str) -> str:
        return stable_id("card", parent_id, item_id)


class DigestStatus(StrEnum):
    BUILT = "built"
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

    @staticmethod
    def id_for(parent_id: str, week_of: date) -> str:
        return stable_id("digest", parent_id, week_of.isoformat())


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

    @staticmethod
    def id_for_inbound(provider_message_id: str) -> str:
        return stable_id("inbound", provider_message_id)


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


class DeadLetter(DomainModel):
    """A task that failed on its last attempt, kept for staff to inspect and replay."""

    id: str
    queue: str
    target: str
    payload: dict[str, Any]
    attempts: int = Field(ge=1)
    last_error: str
    at: AwareDatetime
