"""Who a WhatsApp sender is: a parent found by E.164 phone or by business-scoped user id (BSUID).

Rosters give phone numbers; WhatsApp adds a BSUID (and, for people with a username, may send
only that). The first message carrying both stores the pair on the parent, so a later message
with the BSUID alone still finds them. WhatsApp's system messages move an identity: a number
change (which also brings a new BSUID) and a BSUID change update the same parent record, never
create a second one. One person may be a parent at two schools: every record is returned.
"""

from __future__ import annotations

import logging

from pydantic import ValidationError

from shared.models import Parent, stable_id
from shared.ports import Clock, FieldFilter
from shared.records import AuditEvent
from shared.repository import Repositories
from shared.services.inbound import IdentityChange, Sender

logger = logging.getLogger(__name__)


def find_parents(repos: Repositories, sender: Sender) -> list[Parent]:
    """Every parent record of this sender: by BSUID first (it survives a hidden phone number),
    then by phone."""
    if sender.user_id:
        found = repos.parents.find(FieldFilter("whatsapp_user_id", "==", sender.user_id))
        if found:
            return found
    if sender.phone_e164:
        return repos.parents.find(FieldFilter("phone", "==", sender.phone_e164))
    return []


def recognise(repos: Repositories, sender: Sender) -> list[Parent]:
    """The sender's parent records, storing the phone-BSUID pair when this message has both."""
    parents = find_parents(repos, sender)
    if sender.user_id:
        for index, parent in enumerate(parents):
            if parent.whatsapp_user_id != sender.user_id:
                paired = parent.model_copy(update={"whatsapp_user_id": sender.user_id})
                repos.parents.put(paired)
                parents[index] = paired
    return parents


class IdentityNotMoved(Exception):
    """A system message that moves nobody: no parent matches, or the new number is not valid."""


def move_identity(repos: Repositories, clock: Clock, change: IdentityChange) -> list[Parent]:
    """Apply a number or BSUID change to the parent records it concerns (idempotent)."""
    parents = find_parents(repos, change.previous)
    if not parents:
        # A redelivered change finds the parents under their new identity: nothing left to do.
        if find_parents(repos, change.current):
            return []
        raise IdentityNotMoved("no parent has the previous identity")
    update: dict[str, object] = {}
    if change.kind == "user_changed_number":
        if change.current.phone_e164 is None:
            raise IdentityNotMoved("the notice carries no new number")
        update["phone"] = change.current.phone_e164
        # A new number comes with a new BSUID: the old one no longer reaches this person.
        update["whatsapp_user_id"] = change.current.user_id
        update["whatsapp_reachable"] = True
    else:
        if change.current.user_id is None:
            raise IdentityNotMoved("the notice carries no new user id")
        update["whatsapp_user_id"] = change.current.user_id
    moved = []
    for parent in parents:
        try:
            updated = Parent.model_validate({**parent.model_dump(), **update})
        except ValidationError:
            raise IdentityNotMoved("the new number is not a valid phone number") from None
        repos.parents.put(updated)
        repos.audit_events.put(
            AuditEvent(
                id=stable_id("audit", "identity", change.provider_message_id, parent.id),
                school_id=parent.school_id,
                actor="whatsapp",
                action=change.kind,
                subject_kind="parent",
                subject_id=parent.id,
                changes={key: "changed" for key in update},
                at=clock.now(),
            )
        )
        moved.append(updated)
    logger.info("identity moved", extra={"kind": change.kind, "parents": len(moved)})
    return moved
