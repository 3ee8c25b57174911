"""Cloud Storage's CloudEvent wire format, read at the edge into the domain's StorageUpload."""

from __future__ import annotations

from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shared.services.ingest import StorageUpload

OBJECT_FINALIZED = "google.cloud.storage.object.v1.finalized"


class ObjectFinalizedData(BaseModel):
    """The data of a `google.cloud.storage.object.v1.finalized` CloudEvent (untrusted input).

    Cloud Storage's object resource in JSON: camelCase names, the size as a decimal string.
    """

    model_config = ConfigDict(extra="ignore")

    bucket: str = Field(min_length=1)
    name: str = Field(min_length=1, max_length=1024)
    generation: str = Field(min_length=1)
    size: int = Field(ge=0)
    content_type: str | None = Field(default=None, alias="contentType")
    time_created: AwareDatetime | None = Field(default=None, alias="timeCreated")

    def to_upload(self) -> StorageUpload:
        return StorageUpload(
            bucket=self.bucket,
            name=self.name,
            generation=self.generation,
            size=self.size,
            content_type=self.content_type,
            time_created=self.time_created,
        )


def upload_from_event_data(data: Any) -> StorageUpload:
    """The upload an object-finalized event announces; ValidationError for anything else."""
    return ObjectFinalizedData.model_validate(data).to_upload()
