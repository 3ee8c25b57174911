"""Parsing a recorded newsletter: extraction, fallback, the confidence gate and the fan-out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from shared.adapters.blob_local import LocalFolderBlobStore
from shared.adapters.clock import FixedClock
from shared.errors import ExtractorFailed, NeedsTranscription, TransientError, UnreadableDocument
from shared.extraction.schema import ExtractedItem, ExtractionContext, ExtractionResult
from shared.extraction.sniff import MediaType
from shared.models import ItemStatus, Newsletter, NewsletterStatus
from shared.repository import Repositories
from shared.services.ingest import StorageUpload, record_upload
from shared.services.parse import ParseDependencies, parse_recorded_newsletter
from shared.services.roster import SchoolRoster, load_roster
from tests.fakes import RecordingQueue

PDF = b"%PDF-1.7\n..."


def item(title: str, confidence: float = 0.9, **fields: Any) -> ExtractedItem:
    return ExtractedItem(title=title, category="event", confidence=confidence, **fields)


@dataclass
class ScriptedExtractor:
    """Answers each call with the next scripted outcome: a result or an exception."""

    name: str
    outcomes: list[ExtractionResult | Exception]
    calls: list[tuple[MediaType, ExtractionContext]] = field(default_factory=list)

    def extract(
        self, document: bytes, media_type: MediaType, context: ExtractionContext
    ) -> ExtractionResult:
        self.calls.append((media_type, context))
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def result(*items: ExtractedItem, name: str = "offline", **fields: Any) -> ExtractionResult:
    return ExtractionResult(items=list(items), extractor=name, **fields)


@pytest.fixture
def school(repos: Repositories, sample_roster: SchoolRoster) -> SchoolRoster:
    load_roster(sample_roster, repos)
    return sample_roster


@pytest.fixture
def blobs(tmp_path: Path) -> LocalFolderBlobStore:
    return LocalFolderBlobStore(tmp_path / "bucket", "newsletters")


def deps(
    repos: Repositories,
    blobs: LocalFolderBlobStore,
    clock: FixedClock,
    primary: ScriptedExtractor,
    fallback: ScriptedExtractor | None = None,
    queue: RecordingQueue | None = None,
) -> ParseDependencies:
    return ParseDependencies(
        repos=repos,
        blobs=blobs,
        tasks=queue or RecordingQueue(),
        clock=clock,
        extractor=primary,
        fallback=fallback or primary,
        max_upload_bytes=1_000_000,
        attempts_before_fallback=2,
    )


def upload(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, data: bytes
) -> Newsletter:
    blob = blobs.write("sample-school/week-40.pdf", data, "application/pdf")
    newsletter, _ = record_upload(
        StorageUpload(
            bucket=blob.bucket,
            name=blob.name,
            generation=blob.generation,
            size=blob.size_bytes,
            content_type="application/pdf",
            time_created="2026-10-02T06:30:00Z",
        ),
        repos,
        clock,
        default_school_id="sample-school",
        max_upload_bytes=1_000_000,
    )
    return newsletter


def test_items_are_stored_for_review_and_one_index_task_is_queued(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    newsletter = upload(repos, blobs, clock, PDF)
    extractor = ScriptedExtractor(
        "offline",
        [
            result(
                item("Picture day", start_date=date(2026, 10, 8)), item("Pie sale"), tokens_used=0
            )
        ],
    )
    queue = RecordingQueue()

    parsed = parse_recorded_newsletter(
        newsletter, deps(repos, blobs, clock, extractor, queue=queue)
    )

    assert parsed.status is NewsletterStatus.PARSED
    assert parsed.extractor == "offline"
    items = repos.items.get_many(parsed.item_ids)
    assert sorted(i.title for i in items.values()) == ["Picture day", "Pie sale"]
    assert {i.status for i in items.values()} == {ItemStatus.PENDING_REVIEW}
    assert queue.tasks == [
        ("index_items", {"newsletter_id": newsletter.id}, f"index-{newsletter.id}")
    ]
    media_type, context = extractor.calls[0]
    assert media_type is MediaType.PDF
    # Uploaded 06:30 UTC on Oct 2 is still Oct 1 in Vancouver: the school's day counts.
    assert context.issued_on == date(2026, 10, 1)
    assert context.grades_offered == [0, 1, 2, 3, 4, 5]
    assert "basketball" in context.activity_slugs


def test_a_parsed_newsletter_is_not_parsed_again(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    newsletter = upload(repos, blobs, clock, PDF)
    extractor = ScriptedExtractor("offline", [result(item("Picture day"))])
    dependencies = deps(repos, blobs, clock, extractor)
    first = parse_recorded_newsletter(newsletter, dependencies)
    again = parse_recorded_newsletter(first, dependencies)
    assert again == first
    assert len(extractor.calls) == 1
    assert repos.items.count() == 1


def test_confident_items_are_auto_approved_and_targeted_when_the_school_allows(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    repos.schools.put(school.school.model_copy(update={"auto_approve_threshold": 0.8}))
    newsletter = upload(repos, blobs, clock, PDF)
    extractor = ScriptedExtractor("offline", [result(item("Sure", 0.85), item("Unsure", 0.5))])
    queue = RecordingQueue()
    parsed = parse_recorded_newsletter(
        newsletter, deps(repos, blobs, clock, extractor, queue=queue)
    )
    by_title = {i.title: i for i in repos.items.get_many(parsed.item_ids).values()}
    assert by_title["Sure"].status is ItemStatus.APPROVED
    assert by_title["Unsure"].status is ItemStatus.PENDING_REVIEW
    targeted = [payload for target, payload, _ in queue.tasks if target == "target_item"]
    assert targeted == [{"item_id": by_title["Sure"].id}]


def test_nothing_is_auto_approved_by_default(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    newsletter = upload(repos, blobs, clock, PDF)
    extractor = ScriptedExtractor("offline", [result(item("Certain", 1.0))])
    queue = RecordingQueue()
    parse_recorded_newsletter(newsletter, deps(repos, blobs, clock, extractor, queue=queue))
    assert queue.targets() == ["index_items"]


def test_items_that_do_not_fit_the_school_are_fixed_or_left_out_with_a_note(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    newsletter = upload(repos, blobs, clock, PDF)
    extractor = ScriptedExtractor(
        "offline",
        [
            result(
                item("Grade 11 grad photos", grades=[11]),
                item("Gr 4-6 swim", grades=[4, 5, 6], activities=["swimming", "choir"]),
                item("Ancient bake sale", start_date=date(2019, 5, 1)),
            )
        ],
    )
    parsed = parse_recorded_newsletter(newsletter, deps(repos, blobs, clock, extractor))
    by_title = {i.title: i for i in repos.items.get_many(parsed.item_ids).values()}
    assert set(by_title) == {"Grade 11 grad photos", "Gr 4-6 swim"}
    assert by_title["Grade 11 grad photos"].grades == "all"
    assert by_title["Grade 11 grad photos"].confidence <= 0.3
    assert by_title["Gr 4-6 swim"].grades == [4, 5]
    assert by_title["Gr 4-6 swim"].activities == ["choir"]
    assert any("Ancient bake sale" in note for note in parsed.notes)
    assert any("swimming" in note for note in parsed.notes)


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04 a zip file", "not a type ParentPath reads"),
        (b"\x00" * 64, "not a type ParentPath reads"),
    ],
)
def test_bytes_of_an_unsupported_type_fail_with_a_reason_whatever_the_name_says(
    repos: Repositories,
    blobs: LocalFolderBlobStore,
    clock: FixedClock,
    school: SchoolRoster,
    data: bytes,
    reason: str,
) -> None:
    newsletter = upload(repos, blobs, clock, data)
    extractor = ScriptedExtractor("offline", [])
    failed = parse_recorded_newsletter(newsletter, deps(repos, blobs, clock, extractor))
    assert failed.status is NewsletterStatus.FAILED
    assert reason in (failed.failure_reason or "")
    assert "application/pdf" in (failed.failure_reason or "")
    assert extractor.calls == []
    assert blobs.stat("sample-school/week-40.pdf") is not None  # the original stays


def test_an_unreadable_document_fails_with_the_extractors_reason(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    newsletter = upload(repos, blobs, clock, PDF)
    extractor = ScriptedExtractor("offline", [UnreadableDocument("The PDF is password-protected.")])
    failed = parse_recorded_newsletter(newsletter, deps(repos, blobs, clock, extractor))
    assert failed.status is NewsletterStatus.FAILED
    assert failed.failure_reason == "The PDF is password-protected."
    assert repos.newsletters.get(newsletter.id) == failed


def test_audio_nobody_can_transcribe_waits_for_a_transcription_backend(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    newsletter = upload(repos, blobs, clock, b"OggS\x00\x02" + b"\x00" * 64)
    extractor = ScriptedExtractor("offline", [NeedsTranscription("No speech backend here.")])
    waiting = parse_recorded_newsletter(newsletter, deps(repos, blobs, clock, extractor))
    assert waiting.status is NewsletterStatus.WAITING_TRANSCRIPTION
    assert waiting.content_type == "audio/ogg"
    assert extractor.calls[0][0] is MediaType.OGG


def test_when_gemini_gives_up_the_offline_extractor_reads_it_and_the_newsletter_says_so(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    newsletter = upload(repos, blobs, clock, PDF)
    gemini = ScriptedExtractor("gemini", [ExtractorFailed("the answer was not valid JSON")])
    offline = ScriptedExtractor("offline", [result(item("Picture day"))])
    parsed = parse_recorded_newsletter(newsletter, deps(repos, blobs, clock, gemini, offline))
    assert parsed.status is NewsletterStatus.PARSED
    assert parsed.extractor == "offline"
    assert "gemini could not read it" in parsed.notes[0]


def test_transient_failures_raise_for_redelivery_then_fall_back_after_enough_attempts(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    newsletter = upload(repos, blobs, clock, PDF)
    gemini = ScriptedExtractor("gemini", [TransientError("429"), TransientError("429")])
    offline = ScriptedExtractor("offline", [result(item("Picture day"))])
    dependencies = deps(repos, blobs, clock, gemini, offline)

    with pytest.raises(TransientError):
        parse_recorded_newsletter(newsletter, dependencies)
    stored = repos.newsletters.get(newsletter.id)
    assert stored is not None and stored.status is NewsletterStatus.PARSING

    parsed = parse_recorded_newsletter(stored, dependencies)  # the redelivery
    assert parsed.status is NewsletterStatus.PARSED
    assert parsed.extractor == "offline"
    assert parsed.parse_attempts == 2
    assert "kept failing over 2 attempts" in parsed.notes[0]


def test_a_retry_after_a_crash_rewrites_items_without_leaving_strays(
    repos: Repositories, blobs: LocalFolderBlobStore, clock: FixedClock, school: SchoolRoster
) -> None:
    newsletter = upload(repos, blobs, clock, PDF)
    first = ScriptedExtractor("offline", [result(item("A"), item("B"), item("C"))])
    queue = RecordingQueue()

    class QueueDown(RecordingQueue):
        def enqueue(self, *args: Any, **kwargs: Any) -> bool:
            raise TransientError("queue unavailable")

    with pytest.raises(TransientError):
        parse_recorded_newsletter(newsletter, deps(repos, blobs, clock, first, queue=QueueDown()))
    assert repos.items.count() == 3

    stored = repos.newsletters.get(newsletter.id)
    assert stored is not None
    second = ScriptedExtractor("offline", [result(item("A"), item("B"))])
    parsed = parse_recorded_newsletter(stored, deps(repos, blobs, clock, second, queue=queue))
    assert parsed.status is NewsletterStatus.PARSED
    assert repos.items.count() == 2
    assert queue.targets() == ["index_items"]
