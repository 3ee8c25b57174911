"""The admin page's other use cases: uploads and their fate, families' reach, tickets, outbox."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from shared.errors import BadInput, NotFound
from shared.models import ConsentState, Item, ItemStatus, Newsletter, NewsletterStatus, Parent
from shared.ports import BlobInfo, BlobStore, Clock, FieldFilter
from shared.records import Message, Ticket, TicketStatus
from shared.repository import Repositories
from shared.services.ingest import too_large_reason
from shared.services.parse import ParseDependencies, parse_recorded_newsletter
from shared.services.review import record_audit

RERUNNABLE = frozenset({NewsletterStatus.FAILED, NewsletterStatus.WAITING_TRANSCRIPTION})
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_UPLOAD_STAMP = re.compile(r"^\d{8}T\d{12}Z-")

# --------------------------------------------------------------------------- newsletters


@dataclass(frozen=True)
class NewsletterRow:
    newsletter: Newsletter
    items_by_status: dict[str, int]

    @property
    def can_rerun(self) -> bool:
        return self.newsletter.status in RERUNNABLE

    @property
    def in_progress(self) -> bool:
        return self.newsletter.status in (NewsletterStatus.RECEIVED, NewsletterStatus.PARSING)

    @property
    def file_name(self) -> str:
        """The name staff gave the file, without the school folder and our upload stamp."""
        return _UPLOAD_STAMP.sub("", self.newsletter.object_name.rsplit("/", 1)[-1])


def newsletters_of(school_id: str, repos: Repositories, limit: int = 50) -> list[NewsletterRow]:
    """The school's latest uploads, newest first, with how many items each gave, by status."""
    newsletters = repos.newsletters.find(
        FieldFilter("school_id", "==", school_id),
        order_by="uploaded_at",
        descending=True,
        limit=limit,
    )
    rows = []
    for newsletter in newsletters:
        items = repos.items.find(FieldFilter("newsletter_id", "==", newsletter.id))
        counts = Counter(i.status.value for i in items if i.school_id == school_id)
        rows.append(NewsletterRow(newsletter, dict(counts)))
    return rows


def upload_name(school_id: str, filename: str, clock: Clock) -> str:
    """SCHOOL_ID/UTC-STAMP-NAME: filed under the school (as ingest expects), never overwriting."""
    stem = _UNSAFE_NAME.sub("-", filename.rsplit("/", 1)[-1].rsplit("\\", 1)[-1]).strip("-.")
    stamp = clock.now().strftime("%Y%m%dT%H%M%S%fZ")
    return f"{school_id}/{stamp}-{stem[:120] or 'newsletter'}"


def upload_newsletter(
    school_id: str,
    filename: str,
    data: bytes,
    content_type: str | None,
    blobs: BlobStore,
    clock: Clock,
    max_upload_bytes: int,
) -> BlobInfo:
    """Put an upload into the bucket, where the finalize event hands it to parse_newsletter."""
    if not data:
        raise BadInput("The file is empty.")
    if len(data) > max_upload_bytes:
        raise BadInput(too_large_reason(len(data), max_upload_bytes))
    return blobs.write(
        upload_name(school_id, filename, clock), data, content_type or None, if_absent=True
    )


def rerun_newsletter(
    actor: str, school_id: str, newsletter_id: str, deps: ParseDependencies
) -> Newsletter:
    """Extract a failed (or waiting) newsletter again, now: a fixed bug or a new key may help.

    Parsed newsletters are not re-run: their items may be reviewed already, and a re-run would
    put them back in the queue.
    """
    newsletter = deps.repos.newsletters.get(newsletter_id)
    if newsletter is None or newsletter.school_id != school_id:
        raise NotFound("no such newsletter in this school")
    if newsletter.status not in RERUNNABLE:
        raise BadInput("only a failed or waiting newsletter can be extracted again")
    record_audit(
        deps.repos,
        deps.clock,
        actor=actor,
        school_id=school_id,
        action="newsletter.rerun",
        subject_kind="newsletter",
        subject_id=newsletter.id,
        changes={
            "before": {"status": newsletter.status.value, "failure": newsletter.failure_reason},
            "after": {"status": NewsletterStatus.RECEIVED.value},
        },
    )
    received = newsletter.model_copy(
        update={"status": NewsletterStatus.RECEIVED, "failure_reason": None}
    )
    deps.repos.newsletters.put(received)
    return parse_recorded_newsletter(received, deps)


# --------------------------------------------------------------------------- families


def masked_phone(phone_e164: str) -> str:
    """Enough to tell two families apart on the phone, not enough to call them."""
    return "•••" + phone_e164[-3:]


@dataclass(frozen=True)
class FamilyRow:
    parent: Parent
    children: int

    @property
    def phone(self) -> str:
        return masked_phone(self.parent.phone)

    @property
    def reachable(self) -> bool:
        return self.parent.can_be_messaged and self.parent.whatsapp_reachable


FAMILIES_LISTED = 300


@dataclass(frozen=True)
class Reach:
    families: list[FamilyRow]  # the first FAMILIES_LISTED by name; the counts cover all
    total: int
    opted_in: int
    opted_out: int
    pending: int
    unreachable: int
    by_language: dict[str, int]


def reach_of(school_id: str, repos: Repositories) -> Reach:
    parents = sorted(
        repos.parents.scan(FieldFilter("school_id", "==", school_id)), key=lambda p: p.name
    )
    consent = Counter(p.consent for p in parents)
    rows = [FamilyRow(p, len(p.child_ids)) for p in parents]
    return Reach(
        families=rows[:FAMILIES_LISTED],
        total=len(rows),
        opted_in=consent[ConsentState.OPTED_IN],
        opted_out=consent[ConsentState.OPTED_OUT],
        pending=consent[ConsentState.PENDING],
        unreachable=sum(not r.parent.whatsapp_reachable for r in rows),
        by_language=dict(sorted(Counter(p.language for p in parents).items())),
    )


# --------------------------------------------------------------------------- tickets


@dataclass(frozen=True)
class TicketRow:
    ticket: Ticket
    item: Item | None
    parent_name: str | None


def tickets_of(school_id: str, repos: Repositories, limit: int = 200) -> list[TicketRow]:
    """Open tickets first, then resolved ones, newest first within each."""
    tickets = repos.tickets.find(
        FieldFilter("school_id", "==", school_id),
        order_by="created_at",
        descending=True,
        limit=limit,
    )
    items = repos.items.get_many(sorted({t.item_id for t in tickets if t.item_id}))
    parents = repos.parents.get_many(sorted({t.parent_id for t in tickets}))
    rows = [
        TicketRow(
            ticket,
            items.get(ticket.item_id) if ticket.item_id else None,
            parents[ticket.parent_id].name if ticket.parent_id in parents else None,
        )
        for ticket in tickets
    ]
    return sorted(rows, key=lambda r: r.ticket.status is not TicketStatus.OPEN)


def resolve_ticket(
    actor: str, school_id: str, ticket_id: str, repos: Repositories, clock: Clock
) -> Ticket:
    ticket = repos.tickets.get(ticket_id)
    if ticket is None or ticket.school_id != school_id:
        raise NotFound("no such ticket in this school")
    if ticket.status is TicketStatus.RESOLVED:
        return ticket
    now = clock.now()
    resolved = ticket.model_copy(update={"status": TicketStatus.RESOLVED, "resolved_at": now})
    record_audit(
        repos,
        clock,
        actor=actor,
        school_id=school_id,
        action="ticket.resolved",
        subject_kind="ticket",
        subject_id=ticket.id,
        changes={"before": {"status": ticket.status.value}, "after": {"status": "resolved"}},
    )
    repos.tickets.put(resolved)
    return resolved


def pending_items_of(school_id: str, repos: Repositories) -> int:
    return repos.items.count(
        FieldFilter("school_id", "==", school_id),
        FieldFilter("status", "==", ItemStatus.PENDING_REVIEW.value),
    )


# --------------------------------------------------------------------------- outbox


def outbox_of(school_id: str, repos: Repositories, limit: int = 100) -> list[Message]:
    """Messages the local outbox 'sent' for this school, newest first."""
    return repos.messages.find(
        FieldFilter("school_id", "==", school_id),
        FieldFilter("channel", "==", "outbox"),
        order_by="created_at",
        descending=True,
        limit=limit,
    )
