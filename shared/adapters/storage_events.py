"""Cloud Storage's CloudEvent wire format, read at the edge into the domain's StorageUpload."""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, ConfigDict, Field

from shared.services.ingest import StorageUpload

OBJECT_FINALIZED = "google.cloud.storage.object.v1.finalized"


class ObjectFinalizedData(StorageUpload):
    """The data of a `google.cloud.storage.object.v1.finalized` CloudEvent (untrusted input).

    Cloud Storage's object resource in JSON: camelCase names, the size as a decimal string,
    and many more fields than an upload needs. The constraints are StorageUpload's.
    """

    model_config = ConfigDict(extra="ignore", frozen=True)

    content_type: str | None = Field(default=None, alias="contentType")
    time_created: AwareDatetime | None = Field(default=None, alias="timeCreated")

    def to_upload(self) -> StorageUpload:
        return StorageUpload.model_validate(self.model_dump())


def upload_from_event_data(data: Any) -> StorageUpload:
    """The upload an object-finalized event announces; ValidationError for anything else."""
    return ObjectFinalizedData.model_validate(data).to_upload()
