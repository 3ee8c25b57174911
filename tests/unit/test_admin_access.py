"""Who administers which school, and one-time sign-in links."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shared.adapters.clock import FixedClock
from shared.errors import NotAuthenticated, NotAuthorised
from shared.repository import Repositories
from shared.services.admin_access import admin_for, issue_login_link, redeem_login_link
from shared.services.roster import SchoolRoster, load_roster

ADMIN = "admin@maple-grove.example"


@pytest.fixture
def loaded(repos: Repositories, sample_roster: SchoolRoster) -> Repositories:
    load_roster(sample_roster, repos)
    return repos


def test_an_admin_is_found_whatever_the_case_of_the_email(loaded: Repositories) -> None:
    assert admin_for("Admin@Maple-Grove.Example", loaded).school_ids == ("sample-school",)
    with pytest.raises(NotAuthorised):
        admin_for("someone@else.example", loaded)


def test_a_link_is_only_issued_to_an_admin_of_the_school(
    loaded: Repositories, clock: FixedClock
) -> None:
    with pytest.raises(NotAuthorised):
        issue_login_link("someone@else.example", "sample-school", loaded, clock, timedelta(1))


def test_only_a_hash_of_the_link_is_stored_and_it_works_once(
    loaded: Repositories, clock: FixedClock
) -> None:
    secret = issue_login_link(ADMIN, "sample-school", loaded, clock, timedelta(minutes=5))
    (stored,) = loaded.admin_login_links.find()
    assert secret not in str(stored.to_document())
    assert redeem_login_link(secret, loaded, clock).email == ADMIN
    with pytest.raises(NotAuthenticated, match="used already"):
        redeem_login_link(secret, loaded, clock)


def test_a_late_link_is_refused(loaded: Repositories, clock: FixedClock) -> None:
    secret = issue_login_link(ADMIN, "sample-school", loaded, clock, timedelta(minutes=5))
    clock.advance(timedelta(minutes=5))
    with pytest.raises(NotAuthenticated, match="expired"):
        redeem_login_link(secret, loaded, clock)


def test_a_link_stops_working_when_its_admin_is_removed(
    loaded: Repositories, clock: FixedClock
) -> None:
    secret = issue_login_link(ADMIN, "sample-school", loaded, clock, timedelta(minutes=5))
    school = loaded.schools.get("sample-school")
    assert school is not None
    loaded.schools.put(school.model_copy(update={"admin_emails": []}))
    with pytest.raises(NotAuthorised):
        redeem_login_link(secret, loaded, clock)
