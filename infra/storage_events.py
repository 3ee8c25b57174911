"""The CloudEvent that Cloud Storage raises when an object is finalized, for a stored blob."""

from __future__ import annotations

import json

from shared.ports import BlobInfo

FINALIZED = "google.cloud.storage.object.v1.finalized"


def finalized_event(blob: BlobInfo) -> tuple[dict[str, str], bytes]:
    """Headers and body of the event in CloudEvents' binary HTTP mode, as Eventarc sends it."""
    data = {
        "bucket": blob.bucket,
        "name": blob.name,
        "generation": blob.generation,
        "metageneration": "1",
        "size": str(blob.size_bytes),
        "contentType": blob.content_type,
        "timeCreated": blob.updated_at.isoformat(),
        "updated": blob.updated_at.isoformat(),
    }
    headers = {
        "ce-id": f"{blob.bucket}/{blob.name}/{blob.generation}",
        "ce-specversion": "1.0",
        "ce-type": FINALIZED,
        "ce-source": f"//storage.googleapis.com/projects/_/buckets/{blob.bucket}",
        "ce-subject": f"objects/{blob.name}",
        "ce-time": blob.updated_at.isoformat(),
        "Content-Type": "application/json",
    }
    return headers, json.dumps(data).encode()
