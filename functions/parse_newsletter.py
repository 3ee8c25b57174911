"""Storage-triggered function: each upload to the bucket becomes a Newsletter and its items."""

from __future__ import annotations

import logging

import functions_framework
from cloudevents.http.event import CloudEvent
from pydantic import ValidationError

from shared.adapters.storage_events import upload_from_event_data
from shared.services.ingest import record_upload
from shared.services.parse import parse_recorded_newsletter
from shared.wiring import get_container

logger = logging.getLogger(__name__)


@functions_framework.cloud_event
def parse_newsletter(event: CloudEvent) -> None:
    """Returning acknowledges the event; raising (transient failures only) has it redelivered."""
    try:
        upload = upload_from_event_data(event.data)
    except ValidationError as exc:
        logger.error(
            "storage event rejected: not an object-finalized payload",
            extra={"event_id": event["id"], "errors": exc.errors(include_input=False)},
        )
        return
    container = get_container()
    newsletter, _ = record_upload(
        upload,
        container.repos,
        container.clock,
        default_school_id=container.settings.default_school_id,
        max_upload_bytes=container.settings.max_upload_bytes,
    )
    parse_recorded_newsletter(newsletter, container.parse_dependencies)
