"""Pydantic models of the domain: what the store keeps and what services pass around.

Ids are deterministic wherever a retry could otherwise create a duplicate: a newsletter's id
derives from its bucket, object and generation; a card's from its parent and item; an inbound
message's from its WhatsApp id. Models validate untrusted input at the edge; inside the domain,
code trusts their types.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date, datetime, time
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

from shared.errors import BadInput, IllegalTransition

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


def _email(value: str) -> str:
    local, at, domain = value.strip().partition("@")
    if not at or not local or "." not in domain or any(c.isspace() for c in value.strip()):
        raise ValueError(f"not an email address: {value!r}")
    # IAP reports addresses as the identity provider spells them; compare them case-blind.
    return value.strip().lower()


PhoneE164 = Annotated[str, AfterValidator(_e164)]
AdminEmail = Annotated[str, Field(max_length=254), AfterValidator(_email)]
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

    def _changed(self, **changes: Any) -> Self:
        """A copy with `changes`, validated like new input (model_copy(update=) is not)."""
        return self.model_validate({**self.model_dump(), **changes})


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
    digest_weekday: int = Field(
        default=6, ge=0, le=6, description="Day of the weekly digest, 0 = Monday, 6 = Sunday."
    )
    digest_time: time = Field(
        default=time(17, 0), description="Local time of the weekly digest, school timezone."
    )
    admin_emails: list[AdminEmail] = Field(
        default_factory=list, description="Who may use the admin page for this school."
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

    def begin_parse(self) -> Newsletter:
        """One more attempt at reading the file (a redelivered, unfinished parse counts too)."""
        check_move(self.status, NewsletterStatus.PARSING, f"newsletter {self.id}")
        return self._changed(
            status=NewsletterStatus.PARSING, parse_attempts=self.parse_attempts + 1
        )

    def mark_parsed(
        self,
        *,
        content_type: str,
        extractor: str,
        issued_on: date | None,
        item_ids: list[str],
        tokens_used: int,
        notes: list[str],
    ) -> Newsletter:
        """Read: `tokens_used` are this attempt's, added to those of earlier attempts."""
        check_move(self.status, NewsletterStatus.PARSED, f"newsletter {self.id}")
        return self._changed(
            status=NewsletterStatus.PARSED,
            content_type=content_type,
            extractor=extractor,
            issued_on=issued_on,
            item_ids=item_ids,
            tokens_used=self.tokens_used + tokens_used,
            notes=notes,
            failure_reason=None,
        )

    def mark_failed(self, reason: str) -> Newsletter:
        """It can never be read; `reason` is shown to admins."""
        check_move(self.status, NewsletterStatus.FAILED, f"newsletter {self.id}")
        return self._changed(status=NewsletterStatus.FAILED, failure_reason=reason)

    def mark_waiting_transcription(self, reason: str, content_type: str) -> Newsletter:
        """Audio that no configured backend transcribes; it waits for one."""
        check_move(self.status, NewsletterStatus.WAITING_TRANSCRIPTION, f"newsletter {self.id}")
        return self._changed(
            status=NewsletterStatus.WAITING_TRANSCRIPTION,
            failure_reason=reason,
            content_type=content_type,
        )


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


class ItemSource(DomainModel):
    """Where in the newsletter the extractor read an item, for a reviewer to check it against."""

    page: int | None = Field(default=None, ge=1)
    text: str = Field(min_length=1, max_length=2000)


class ItemContent(BaseModel):
    """What an item says, with its constraints, defined once: an extractor's ExtractedItem
    (shared.extraction.schema) and the stored Item both are one."""

    title: str = Field(min_length=1, max_length=200)
    details: str = Field(default="", max_length=2000)
    category: ItemCategory
    start_date: date | None = None
    end_date: date | None = None
    start_time: time | None = None
    end_time: time | None = None
    grades: Literal["all"] | list[Grade] = "all"
    # Any text here: an extractor may name activities the school lacks (validation drops them).
    activities: list[str] = Field(default_factory=list)
    action_required: bool = False
    action: ItemAction | None = None
    location: str | None = Field(default=None, max_length=200)
    recurrence: str | None = Field(default=None, max_length=200)
    confidence: float = Field(ge=0, le=1)

    @model_validator(mode="after")
    def _range_is_ordered(self) -> Self:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("end_date is before start_date")
        return self


class Item(DomainModel, ItemContent):
    id: str
    school_id: str
    newsletter_id: str
    # Stored items name only the school's activities, by slug.
    activities: list[Slug] = Field(default_factory=list)
    source: ItemSource | None = None
    status: ItemStatus = ItemStatus.PENDING_REVIEW
    created_at: AwareDatetime
    updated_at: AwareDatetime
    possible_duplicate_of: str | None = Field(
        default=None, description="An earlier item this one may repeat, for an admin to confirm."
    )

    def grades_within(self, school: School) -> list[int]:
        """The item's grades as a list, 'all' meaning every grade the school offers."""
        return list(school.grades_offered) if self.grades == "all" else list(self.grades)

    def approve(self, at: datetime) -> Item:
        """Cleared for parents (a rejected or withdrawn item may be approved again)."""
        return self._moved(ItemStatus.APPROVED, at)

    def reject(self, at: datetime) -> Item:
        """Not for parents, decided at review."""
        return self._moved(ItemStatus.REJECTED, at)

    def withdraw(self, at: datetime) -> Item:
        """Taken back after approval: its cards not yet sent are retracted by targeting."""
        return self._moved(ItemStatus.WITHDRAWN, at)

    def edit(self, changes: Mapping[str, Any], at: datetime) -> Item:
        """The item with an admin's corrections, validated; allowed in every status.

        Only the content fields in ITEM_EDITABLE_FIELDS change; the status changes through
        approve/reject/withdraw only. Cards point at the item, so none needs rewriting, but an
        edit of grades or activities changes the audience: queue targeting again.
        """
        refused = sorted(set(changes) - ITEM_EDITABLE_FIELDS)
        if refused:
            raise BadInput(f"item fields that cannot be edited: {', '.join(refused)}")
        return self._changed(**changes, updated_at=at)

    def _moved(self, status: ItemStatus, at: datetime) -> Item:
        check_move(self.status, status, f"item {self.id}")
        return self._changed(status=status, updated_at=at)


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
    sms_reachable: bool = Field(
        default=True, description="False once SMS refused the number for good."
    )
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

    def mark_sent(self, digest_id: str, number: int) -> Card:
        """Sent as card `number` of a digest (a card still open is sent again in a later one)."""
        check_move(self.status, CardStatus.SENT, f"card {self.id}")
        return self._changed(status=CardStatus.SENT, digest_id=digest_id, number=number)

    def mark_done(self, at: datetime) -> Card:
        """The parent says it is done ("DONE 2")."""
        check_move(self.status, CardStatus.DONE, f"card {self.id}")
        return self._changed(status=CardStatus.DONE, done_at=at)

    def retract(self) -> Card:
        """Not sent after all: the parent left the audience or the item was withdrawn."""
        check_move(self.status, CardStatus.RETRACTED, f"card {self.id}")
        return self._changed(status=CardStatus.RETRACTED)

    def restore(self) -> Card:
        """A retracted card whose parent is back in the audience: pending again."""
        check_move(self.status, CardStatus.PENDING, f"card {self.id}")
        return self._changed(status=CardStatus.PENDING)


ITEM_EDITABLE_FIELDS = frozenset(ItemContent.model_fields) - {"confidence"}


def check_move(current: StrEnum, target: StrEnum, subject: str) -> None:
    # Imported here: shared.lifecycle reads the status enums of this module.
    from shared.lifecycle import can_move

    if not can_move(current, target):
        raise IllegalTransition(f"{subject} cannot go from {current.value} to {target.value}")
