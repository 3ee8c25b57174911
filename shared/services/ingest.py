"""Ingest: turn a finalized upload in the newsletter bucket into one Newsletter record."""

from __future__ import annotations

import logging
from datetime import datetime

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shared.models import Newsletter, NewsletterStatus
from shared.ports import Clock
from shared.repository import Repositories

logger = logging.getLogger(__name__)


class StorageUpload(BaseModel):
    """One object generation finalized in the newsletter bucket, whichever event announced it.

    The wire format (Cloud Storage's CloudEvent) is read by shared.adapters.storage_events.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    bucket: str = Field(min_length=1)
    name: str = Field(min_length=1, max_length=1024)
    generation: str = Field(min_length=1)
    size: int = Field(ge=0)
    content_type: str | None = None
    time_created: AwareDatetime | None = None


def school_id_for_object(object_name: str, default_school_id: str) -> str:
    """Uploads are filed as SCHOOL_ID/anything; a bare file name belongs to the default school."""
    head, separator, _ = object_name.partition("/")
    return head if separator and head else default_school_id


def record_upload(
    upload: StorageUpload,
    repos: Repositories,
    clock: Clock,
    *,
    default_school_id: str,
    max_upload_bytes: int,
) -> tuple[Newsletter, bool]:
    """The Newsletter for this object generation, and whether this call created it.

    The id derives from bucket, object and generation, so a redelivered event finds the record
    it made the first time and creates nothing new. Inputs that can never be parsed end as a
    `failed` newsletter with a reason for the admins; the object itself stays in the bucket.
    """
    newsletter_id = Newsletter.id_for(upload.bucket, upload.name, upload.generation)
    existing = repos.newsletters.get(newsletter_id)
    if existing is not None:
        return existing, False

    school_id = school_id_for_object(upload.name, default_school_id)
    failure = _reason_it_cannot_be_parsed(upload, repos, school_id, max_upload_bytes)
    uploaded_at: datetime = upload.time_created or clock.now()
    newsletter = Newsletter(
        id=newsletter_id,
        school_id=school_id,
        bucket=upload.bucket,
        object_name=upload.name,
        generation=upload.generation,
        content_type=upload.content_type,
        size_bytes=upload.size,
        status=NewsletterStatus.FAILED if failure else NewsletterStatus.RECEIVED,
        failure_reason=failure,
        uploaded_at=uploaded_at,
    )
    created = repos.newsletters.create(newsletter)
    if not created:  # a concurrent delivery of the same event won the race
        stored = repos.newsletters.get(newsletter_id)
        return (stored or newsletter), False
    logger.info(
        "newsletter recorded",
        extra={"newsletter_id": newsletter_id, "school_id": school_id, "status": newsletter.status},
    )
    return newsletter, True


def _reason_it_cannot_be_parsed(
    upload: StorageUpload, repos: Repositories, school_id: str, max_upload_bytes: int
) -> str | None:
    if upload.size == 0:
        return "The file is empty."
    if upload.size > max_upload_bytes:
        return too_large_reason(upload.size, max_upload_bytes)
    if repos.schools.get(school_id) is None:
        return f"No school with id {school_id!r}: upload into a folder named after the school."
    return None


def too_large_reason(size_bytes: int, max_upload_bytes: int) -> str:
    return (
        f"The file is {size_bytes / 1_048_576:.1f} MB; the limit is "
        f"{max_upload_bytes / 1_048_576:.1f} MB. Split it or compress it and upload again."
    )
