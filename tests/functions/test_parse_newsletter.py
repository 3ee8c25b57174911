"""parse_newsletter end to end: a CloudEvent through functions-framework, the object in
fake-gcs-server, the embedded store, the offline extractor; every kind of bad input."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable
from typing import Any

import functions_framework
import pytest
from pypdf import PdfWriter

from infra.storage_events import finalized_event
from shared.adapters.blob_gcs import GcsBlobStore
from shared.models import ItemStatus, Newsletter, NewsletterStatus
from shared.wiring import Container
from tests.fakes import TEST_NOW, RecordingQueue
from tests.functions.conftest import MAIN, REPO_ROOT

SAMPLES = REPO_ROOT / "infra" / "sample" / "newsletters"


@pytest.fixture
def bucket(gcs_client_factory: Callable[[], Any]) -> GcsBlobStore:
    name = f"nl-{uuid.uuid4().hex[:12]}"
    gcs_client_factory().create_bucket(name)
    return GcsBlobStore(name, gcs_client_factory)


@pytest.fixture
def queue(container: Container, bucket: GcsBlobStore) -> RecordingQueue:
    """The function reads the GCS emulator's bucket and queues into a recorder."""
    recording = RecordingQueue()
    container.__dict__["blobs"] = bucket
    container.__dict__["tasks"] = recording
    return recording


def upload_and_deliver(bucket: GcsBlobStore, name: str, data: bytes, content_type: str) -> int:
    blob = bucket.write(f"sample-school/{name}", data, content_type)
    headers, body = finalized_event(blob, created_at=TEST_NOW)
    client = functions_framework.create_app("parse_newsletter", MAIN).test_client()
    return client.post("/", headers=headers, data=body).status_code


def only_newsletter(container: Container) -> Newsletter:
    (newsletter,) = container.repos.newsletters.find()
    return newsletter


def pdf_bytes(pages: int = 1, password: str | None = None) -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=612, height=792)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_newsletter_pdf_becomes_items_waiting_for_review(
    container: Container, bucket: GcsBlobStore, queue: RecordingQueue
) -> None:
    source = SAMPLES / "maple-grove-weekly.pdf"
    assert upload_and_deliver(bucket, "weekly.pdf", source.read_bytes(), "application/pdf") == 200

    newsletter = only_newsletter(container)
    assert newsletter.status is NewsletterStatus.PARSED, newsletter.failure_reason
    assert newsletter.extractor == "offline"
    assert newsletter.content_type == "application/pdf"
    items = list(container.repos.items.get_many(newsletter.item_ids).values())
    assert len(items) >= 15
    assert all(i.status is ItemStatus.PENDING_REVIEW for i in items)
    assert all(i.school_id == "sample-school" for i in items)
    assert queue.targets() == ["index_items"]
    assert any("basketball" in i.activities for i in items)


def test_a_redelivered_event_creates_no_second_newsletter_or_items(
    container: Container, bucket: GcsBlobStore, queue: RecordingQueue
) -> None:
    source = SAMPLES / "sunnyside-kinder-flyer.pdf"
    blob = bucket.write("sample-school/flyer.pdf", source.read_bytes(), "application/pdf")
    headers, body = finalized_event(blob, created_at=TEST_NOW)
    client = functions_framework.create_app("parse_newsletter", MAIN).test_client()
    assert client.post("/", headers=headers, data=body).status_code == 200
    items_after_first = container.repos.items.count()
    assert client.post("/", headers=headers, data=body).status_code == 200
    assert container.repos.newsletters.count() == 1
    assert container.repos.items.count() == items_after_first > 0
    assert queue.targets() == ["index_items"]


@pytest.mark.parametrize(
    ("name", "data", "content_type", "reason"),
    [
        ("empty.pdf", b"", "application/pdf", "The file is empty."),
        ("corrupt.pdf", b"%PDF-1.7\n" + bytes(range(256)) * 20, "application/pdf", "PDF"),
        ("locked.pdf", pdf_bytes(password="s3cret"), "application/pdf", "password"),
        ("nothing.pdf", pdf_bytes(pages=0), "application/pdf", "no pages"),
        ("budget.xlsx.pdf", b"PK\x03\x04" + b"\0" * 200, "application/pdf", "not a type"),
        ("flyer.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 200, "image/png", "image"),
    ],
)
def test_bad_input_ends_as_a_failed_newsletter_with_a_reason_and_the_file_kept(
    container: Container,
    bucket: GcsBlobStore,
    queue: RecordingQueue,
    name: str,
    data: bytes,
    content_type: str,
    reason: str,
) -> None:
    assert upload_and_deliver(bucket, name, data, content_type) == 200  # never retried
    newsletter = only_newsletter(container)
    assert newsletter.status is NewsletterStatus.FAILED
    assert reason.lower() in (newsletter.failure_reason or "").lower()
    assert bucket.stat(f"sample-school/{name}") is not None  # nothing is lost
    assert container.repos.items.count() == 0
    assert queue.tasks == []


def test_a_huge_file_fails_before_it_is_read(
    container: Container, bucket: GcsBlobStore, queue: RecordingQueue
) -> None:
    data = b"%PDF-1.7\n" + b"\0" * 1_200_000
    assert upload_and_deliver(bucket, "scan.pdf", data, "application/pdf") == 200
    newsletter = only_newsletter(container)
    assert newsletter.status is NewsletterStatus.FAILED
    assert "the limit is 1.0 MB" in (newsletter.failure_reason or "")
    assert bucket.stat("sample-school/scan.pdf") is not None


def test_an_english_voice_note_is_transcribed_into_items(
    container: Container, bucket: GcsBlobStore, queue: RecordingQueue
) -> None:
    note = REPO_ROOT / "infra" / "sample" / "voice" / "principal-reminders.ogg"
    assert upload_and_deliver(bucket, "note.ogg", note.read_bytes(), "audio/ogg") == 200
    newsletter = only_newsletter(container)
    assert newsletter.status is NewsletterStatus.PARSED, newsletter.failure_reason
    assert newsletter.content_type == "audio/ogg"
    assert len(newsletter.item_ids) >= 3
    assert "English-only" in newsletter.notes[0]


def test_damaged_audio_fails_with_a_reason(
    container: Container, bucket: GcsBlobStore, queue: RecordingQueue
) -> None:
    ogg = b"OggS\x00\x02" + b"\0" * 22 + b"\x13OpusHead" + b"\0" * 200
    assert upload_and_deliver(bucket, "note.ogg", ogg, "audio/ogg") == 200
    newsletter = only_newsletter(container)
    assert newsletter.status is NewsletterStatus.FAILED
    assert "voice note could not be played" in (newsletter.failure_reason or "")


def test_a_malformed_event_is_acknowledged_and_records_nothing(container: Container) -> None:
    headers = {
        "ce-id": "1",
        "ce-specversion": "1.0",
        "ce-type": "google.cloud.storage.object.v1.finalized",
        "ce-source": "//storage.googleapis.com/projects/_/buckets/x",
        "Content-Type": "application/json",
    }
    client = functions_framework.create_app("parse_newsletter", MAIN).test_client()
    response = client.post("/", headers=headers, json={"name": "x.pdf"})
    assert response.status_code == 200  # never retried: it can never succeed
    assert container.repos.newsletters.count() == 0
