"""Every upload becomes exactly one Newsletter; what can never be parsed says why."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from shared.adapters.clock import FixedClock
from shared.adapters.storage_events import ObjectFinalizedData
from shared.models import NewsletterStatus
from shared.repository import Repositories
from shared.services.ingest import StorageUpload, record_upload, school_id_for_object
from shared.services.roster import SchoolRoster, load_roster


def upload(
    name: str = "sample-school/week-40.pdf", size: int = 7976, gen: str = "1"
) -> StorageUpload:
    return ObjectFinalizedData.model_validate(
        {
            "bucket": "newsletters",
            "name": name,
            "generation": gen,
            "size": str(size),  # Cloud Storage sends sizes as strings
            "contentType": "application/pdf",
            "timeCreated": "2026-10-02T16:00:00Z",
        }
    ).to_upload()


@pytest.fixture
def school_loaded(repos: Repositories, sample_roster: SchoolRoster) -> Repositories:
    load_roster(sample_roster, repos)
    return repos


def record(repos: Repositories, clock: FixedClock, item: StorageUpload, limit: int = 10_000_000):
    return record_upload(
        item, repos, clock, default_school_id="sample-school", max_upload_bytes=limit
    )


def test_an_upload_becomes_a_received_newsletter(
    school_loaded: Repositories, clock: FixedClock
) -> None:
    newsletter, created = record(school_loaded, clock, upload())
    assert created
    assert newsletter.status is NewsletterStatus.RECEIVED
    assert newsletter.school_id == "sample-school"
    assert newsletter.uploaded_at.isoformat() == "2026-10-02T16:00:00+00:00"
    assert school_loaded.newsletters.get(newsletter.id) == newsletter


def test_a_redelivered_event_creates_nothing_new(
    school_loaded: Repositories, clock: FixedClock
) -> None:
    first, _ = record(school_loaded, clock, upload())
    again, created = record(school_loaded, clock, upload())
    assert (again, created) == (first, False)
    assert school_loaded.newsletters.count() == 1


def test_a_new_generation_of_the_same_object_is_a_new_newsletter(
    school_loaded: Repositories, clock: FixedClock
) -> None:
    record(school_loaded, clock, upload(gen="1"))
    record(school_loaded, clock, upload(gen="2"))
    assert school_loaded.newsletters.count() == 2


@pytest.mark.parametrize(
    ("item", "reason"),
    [
        (upload(size=0), "The file is empty."),
        (upload(size=30 * 1_048_576), "The file is 30.0 MB; the limit is 9.5 MB"),
        (upload(name="atlantis/x.pdf"), "No school with id 'atlantis'"),
    ],
)
def test_unparseable_uploads_fail_with_a_reason(
    school_loaded: Repositories, clock: FixedClock, item: StorageUpload, reason: str
) -> None:
    newsletter, created = record(school_loaded, clock, item)
    assert created
    assert newsletter.status is NewsletterStatus.FAILED
    assert newsletter.failure_reason is not None
    assert newsletter.failure_reason.startswith(reason)


def test_upload_time_falls_back_to_the_clock(
    school_loaded: Repositories, clock: FixedClock
) -> None:
    bare = StorageUpload(bucket="b", name="x.pdf", generation="1", size=10)
    newsletter, _ = record(school_loaded, clock, bare)
    assert newsletter.uploaded_at == clock.now()


def test_school_is_the_first_folder_of_the_object_name() -> None:
    assert school_id_for_object("maple/2026/oct.pdf", "d") == "maple"
    assert school_id_for_object("oct.pdf", "d") == "d"
    assert school_id_for_object("/oct.pdf", "d") == "d"


def test_malformed_event_data_is_refused() -> None:
    with pytest.raises(ValidationError):
        ObjectFinalizedData.model_validate({"bucket": "b", "name": "x.pdf", "size": "-4"})
