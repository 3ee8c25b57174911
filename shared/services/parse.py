"""Parse: read one recorded newsletter, extract its items, gate them, and fan out the work.

The steps are ordered so that a crash or a transient failure anywhere can be redelivered
safely: items have deterministic ids and are written before any task is queued; tasks have
deterministic names; and the newsletter is marked `parsed` only once everything is queued, so a
redelivery of an unfinished parse does the whole thing again rather than skipping the rest.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from shared.errors import (
    BlobNotFound,
    ExtractorFailed,
    NeedsTranscription,
    TransientError,
    UnreadableDocument,
)
from shared.extraction.schema import ExtractedItem, ExtractionContext, ExtractionResult
from shared.extraction.sniff import MediaType, sniff_media_type
from shared.extraction.validation import items_fit_for_school
from shared.models import Item, ItemStatus, Newsletter, NewsletterStatus, School, stable_id
from shared.ports import BlobStore, Clock, Extractor, TaskQueue
from shared.ports import FieldFilter as F
from shared.repository import Repositories
from shared.services.ingest import too_large_reason

logger = logging.getLogger(__name__)

INDEX_TARGET = "index_items"
TARGETING_TARGET = "target_item"
_UNFINISHED = {NewsletterStatus.RECEIVED, NewsletterStatus.PARSING}


@dataclass(frozen=True)
class ParseDependencies:
    repos: Repositories
    blobs: BlobStore
    tasks: TaskQueue
    clock: Clock
    extractor: Extractor
    fallback: Extractor
    max_upload_bytes: int
    attempts_before_fallback: int


def parse_recorded_newsletter(newsletter: Newsletter, deps: ParseDependencies) -> Newsletter:
    """Extract a received newsletter's items; a finished newsletter is returned unchanged."""
    if newsletter.status not in _UNFINISHED:
        return newsletter
    school = deps.repos.schools.get(newsletter.school_id)
    if school is None:
        return _fail(newsletter, f"No school with id {newsletter.school_id!r}.", deps)
    newsletter = newsletter.begin_parse()
    deps.repos.newsletters.put(newsletter)

    try:
        document = deps.blobs.read(newsletter.object_name)
    except BlobNotFound:
        return _fail(newsletter, "The file was removed from the bucket before it was read.", deps)
    if len(document) > deps.max_upload_bytes:
        return _fail(newsletter, too_large_reason(len(document), deps.max_upload_bytes), deps)
    media_type = sniff_media_type(document[:2048])
    if media_type is None:
        return _fail(newsletter, _unsupported_reason(newsletter), deps)

    context = ExtractionContext.for_school(
        school, newsletter.uploaded_at.astimezone(ZoneInfo(school.timezone)).date()
    )
    try:
        result = _extract(document, media_type, context, newsletter, deps)
    except UnreadableDocument as exc:
        return _fail(newsletter, str(exc), deps)
    except NeedsTranscription as exc:
        waiting = newsletter.mark_waiting_transcription(str(exc), media_type.value)
        deps.repos.newsletters.put(waiting)
        return waiting
    return _store_items_and_fan_out(newsletter, school, media_type, context, result, deps)


def _extract(
    document: bytes,
    media_type: MediaType,
    context: ExtractionContext,
    newsletter: Newsletter,
    deps: ParseDependencies,
) -> ExtractionResult:
    primary, fallback = deps.extractor, deps.fallback
    if primary is fallback:
        return primary.extract(document, media_type, context)
    try:
        return primary.extract(document, media_type, context)
    except TransientError:
        if newsletter.parse_attempts < deps.attempts_before_fallback:
            raise
        reason = f"{primary.name} kept failing over {newsletter.parse_attempts} attempts"
    except ExtractorFailed as exc:
        reason = f"{primary.name} could not read it ({exc})"
    logger.warning(
        "extractor fell back",
        extra={"newsletter_id": newsletter.id, "extractor": primary.name, "reason": reason},
    )
    result = fallback.extract(document, media_type, context)
    result.notes.insert(0, f"Read by the {fallback.name} extractor: {reason}.")
    return result


def _store_items_and_fan_out(
    newsletter: Newsletter,
    school: School,
    media_type: MediaType,
    context: ExtractionContext,
    result: ExtractionResult,
    deps: ParseDependencies,
) -> Newsletter:
    checked = items_fit_for_school(result.items, context)
    now = deps.clock.now()
    items = [
        _item_record(newsletter, ordinal, extracted, school, now)
        for ordinal, extracted in enumerate(checked.kept)
    ]
    _remove_items_of_an_earlier_attempt(newsletter, {i.id for i in items}, deps.repos)
    deps.repos.items.put_many(items)

    deps.tasks.enqueue(
        INDEX_TARGET, {"newsletter_id": newsletter.id}, task_name=f"index-{newsletter.id}"
    )
    for item in items:
        if item.status is ItemStatus.APPROVED:
            deps.tasks.enqueue(
                TARGETING_TARGET, {"item_id": item.id}, task_name=f"target-{item.id}-auto"
            )

    parsed = newsletter.mark_parsed(
        content_type=media_type.value,
        extractor=result.extractor,
        issued_on=result.issued_on or context.issued_on,
        item_ids=[i.id for i in items],
        tokens_used=result.tokens_used,
        notes=[*result.notes, *checked.notes],
    )
    deps.repos.newsletters.put(parsed)
    logger.info(
        "newsletter parsed",
        extra={
            "newsletter_id": newsletter.id,
            "extractor": result.extractor,
            "items": len(items),
            "auto_approved": sum(i.status is ItemStatus.APPROVED for i in items),
        },
    )
    return parsed


def _item_record(
    newsletter: Newsletter, ordinal: int, extracted: ExtractedItem, school: School, now: datetime
) -> Item:
    item = Item.model_validate(
        {
            **extracted.model_dump(),
            "id": stable_id("item", newsletter.id, str(ordinal)),
            "school_id": newsletter.school_id,
            "newsletter_id": newsletter.id,
            "created_at": now,
            "updated_at": now,
        }
    )
    threshold = school.auto_approve_threshold
    return item.approve(now) if threshold is not None and item.confidence >= threshold else item


def _remove_items_of_an_earlier_attempt(
    newsletter: Newsletter, keep: set[str], repos: Repositories
) -> None:
    """An attempt cut short may have written items that this attempt no longer finds."""
    if newsletter.parse_attempts <= 1:
        return
    for stale in repos.items.find(F("newsletter_id", "==", newsletter.id)):
        if stale.id not in keep:
            repos.items.delete(stale.id)


def _unsupported_reason(newsletter: Newsletter) -> str:
    declared = f" (it says {newsletter.content_type})" if newsletter.content_type else ""
    return (
        f"This file is not a type ParentPath reads{declared}. Upload a PDF, an image "
        "(PNG, JPEG, WebP) or a voice note (OGG, M4A, MP3, WAV)."
    )


def _fail(newsletter: Newsletter, reason: str, deps: ParseDependencies) -> Newsletter:
    failed = newsletter.mark_failed(reason)
    deps.repos.newsletters.put(failed)
    logger.warning("newsletter failed", extra={"newsletter_id": newsletter.id, "reason": reason})
    return failed
