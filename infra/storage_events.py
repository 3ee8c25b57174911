"""The CloudEvent that Cloud Storage raises when an object is finalized, for a stored blob."""

from __future__ import annotations

import json
from datetime import datetime

from shared.ports import BlobInfo

FINALIZED = "google.cloud.storage.object.v1.finalized"


def finalized_event(
    blob: BlobInfo, created_at: datetime | None = None
) -> tuple[dict[str, str], bytes]:
    """Headers and body of the event in CloudEvents' binary HTTP mode, as Eventarc sends it.

    `created_at` is when the object landed in the bucket (the blob's own stamp by default): the
    local stack and tests pass their Clock's time so the upload happens when they say it does.
    """
    stamped = (created_at or blob.updated_at).isoformat()
    data = {
        "bucket": blob.bucket,
        "name": blob.name,
        "generation": blob.generation,
        "metageneration": "1",
        "size": str(blob.size_bytes),
        "contentType": blob.content_type,
        "timeCreated": stamped,
        "updated": stamped,
    }
    headers = {
        "ce-id": f"{blob.bucket}/{blob.name}/{blob.generation}",
        "ce-specversion": "1.0",
        "ce-type": FINALIZED,
        "ce-source": f"//storage.googleapis.com/projects/_/buckets/{blob.bucket}",
        "ce-subject": f"objects/{blob.name}",
        "ce-time": stamped,
        "Content-Type": "application/json",
    }
    return headers, json.dumps(data).encode()
