"""Who may use the admin page for which school, and the one-time sign-in links of local runs."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from shared.errors import NotAuthenticated, NotAuthorised, NotFound
from shared.models import School
from shared.ports import Clock, FieldFilter, StoreTransaction
from shared.records import AdminLoginLink
from shared.repository import Repositories


@dataclass(frozen=True)
class Admin:
    """A verified email and the schools it administers (never empty)."""

    email: str
    school_ids: tuple[str, ...]

    def check_school(self, school_id: str) -> None:
        if school_id not in self.school_ids:
            raise NotAuthorised("you are not an admin of this school")


def admin_for(email: str, repos: Repositories) -> Admin:
    """The admin this verified email is; NotAuthorised when no school lists it."""
    normalised = email.strip().lower()
    schools = repos.schools.find(FieldFilter("admin_emails", "array_contains", normalised))
    if not schools:
        raise NotAuthorised(f"{normalised} is not an admin of any school")
    return Admin(normalised, tuple(sorted(s.id for s in schools)))


def _link_id(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue_login_link(
    email: str, school_id: str, repos: Repositories, clock: Clock, ttl: timedelta
) -> str:
    """A fresh secret for a one-time sign-in link; only its hash is stored."""
    school: School | None = repos.schools.get(school_id)
    if school is None:
        raise NotFound(f"school {school_id!r} does not exist")
    normalised = email.strip().lower()
    if normalised not in school.admin_emails:
        raise NotAuthorised(f"{normalised} is not an admin of {school_id}")
    secret = secrets.token_urlsafe(32)
    repos.admin_login_links.put(
        AdminLoginLink(
            id=_link_id(secret),
            email=normalised,
            school_id=school_id,
            expires_at=clock.now() + ttl,
        )
    )
    return secret


def redeem_login_link(secret: str, repos: Repositories, clock: Clock) -> Admin:
    """The admin a link signs in, marking it used: a second use, or a late one, is refused."""
    link_id = _link_id(secret)
    now = clock.now()
    collection = repos.admin_login_links.name

    def redeem(transaction: StoreTransaction) -> AdminLoginLink:
        document = transaction.get(collection, link_id)
        if document is None:
            raise NotAuthenticated("this sign-in link is not valid")
        link = AdminLoginLink.from_document(document)
        if link.used_at is not None:
            raise NotAuthenticated("this sign-in link was used already; ask for a new one")
        if link.expires_at <= now:
            raise NotAuthenticated("this sign-in link has expired; ask for a new one")
        used = link.model_copy(update={"used_at": now})
        transaction.set(collection, link_id, used.to_document())
        return used

    link = repos.store.run_transaction(redeem)
    admin = admin_for(link.email, repos)
    admin.check_school(link.school_id)
    return admin
