"""The newsletter bucket on Google Cloud Storage (a `BlobStore` adapter)."""

from __future__ import annotations

import contextlib
import mimetypes
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

import requests
from google.api_core import exceptions as gexc
from google.auth import exceptions as auth_exc
from google.cloud import storage
from google.cloud.storage import exceptions as storage_exc

from shared.errors import BlobExists, BlobNotFound, TransientError
from shared.ports import BlobInfo

# google-cloud-storage has already retried these with backoff by the time they reach us (for
# the calls it deems idempotent), so what is left is for the caller's own retry (a 5xx answer).
_TRANSIENT: tuple[type[BaseException], ...] = (
    gexc.TooManyRequests,
    gexc.InternalServerError,
    gexc.BadGateway,
    gexc.ServiceUnavailable,
    gexc.GatewayTimeout,
    gexc.RetryError,
    requests.ConnectionError,
    requests.Timeout,
    auth_exc.TransportError,
    storage_exc.DataCorruption,
)


def _default_client() -> Any:
    return storage.Client()


class GcsBlobStore:
    """One bucket, reached through a client made on first use and kept for the instance."""

    def __init__(self, bucket_name: str, client_factory: Callable[[], Any] = _default_client):
        self._bucket_name = bucket_name
        self._client_factory = client_factory
        self._client: Any = None
        # Functions may serve concurrent requests on threads; one client is enough for all.
        self._client_lock = threading.Lock()

    @property
    def bucket(self) -> str:
        return self._bucket_name

    def write(
        self,
        name: str,
        data: bytes,
        content_type: str | None = None,
        *,
        if_absent: bool = False,
    ) -> BlobInfo:
        blob = self._bucket_ref().blob(name)
        # Without a type the client would label every upload octet-stream; guessing from the
        # name keeps both adapters answering the same for "x.pdf".
        resolved_type = content_type or mimetypes.guess_type(name)[0]
        with self._translated(name):
            # A retried conditional upload whose first attempt landed answers 412 as well: a
            # rare false BlobExists, which is the safe side for "never overwrite".
            blob.upload_from_string(
                data,
                content_type=resolved_type,
                if_generation_match=0 if if_absent else None,
            )
        return self._info(blob)

    def read(self, name: str) -> bytes:
        with self._translated(name):
            return bytes(self._bucket_ref().blob(name).download_as_bytes())

    def stat(self, name: str) -> BlobInfo | None:
        with self._translated(name):
            blob = self._bucket_ref().get_blob(name)
        return None if blob is None else self._info(blob)

    def list(self, prefix: str = "") -> list[BlobInfo]:
        with self._translated(prefix):
            # The iterator pages lazily, so the requests happen inside the translation.
            infos = [
                self._info(blob)
                for blob in self._client_once().list_blobs(self._bucket_name, prefix=prefix or None)
            ]
        return sorted(infos, key=lambda info: info.name)

    def set_metadata(self, name: str, metadata: dict[str, str]) -> BlobInfo:
        blob = self._bucket_ref().blob(name)
        # PATCH merges custom metadata key by key on the server, so no read-modify-write race.
        blob.metadata = dict(metadata)
        with self._translated(name):
            blob.patch()
        return self._info(blob)

    def delete(self, name: str) -> None:
        # A retried delete whose first attempt landed answers 404; both mean "gone".
        with contextlib.suppress(BlobNotFound), self._translated(name):
            self._bucket_ref().blob(name).delete()

    # ------------------------------------------------------------------ internals

    def _client_once(self) -> Any:
        if self._client is None:
            with self._client_lock:
                if self._client is None:
                    self._client = self._client_factory()
        return self._client

    def _bucket_ref(self) -> Any:
        # A local handle only: no request is made until an object is touched.
        return self._client_once().bucket(self._bucket_name)

    @contextlib.contextmanager
    def _translated(self, name: str) -> Iterator[None]:
        where = f"gs://{self._bucket_name}/{name}"
        try:
            yield
        except gexc.NotFound as exc:
            raise BlobNotFound(f"{where} not found") from exc
        except gexc.PreconditionFailed as exc:
            raise BlobExists(f"{where} exists already") from exc
        except _TRANSIENT as exc:
            raise TransientError(f"Cloud Storage failed on {where}: {exc}") from exc

    def _info(self, blob: Any) -> BlobInfo:
        updated = blob.updated
        return BlobInfo(
            bucket=self._bucket_name,
            name=str(blob.name),
            generation=str(blob.generation),
            size_bytes=int(blob.size or 0),
            content_type=blob.content_type,
            updated_at=updated if isinstance(updated, datetime) else datetime.now(UTC),
            metadata={str(k): str(v) for k, v in (blob.metadata or {}).items()},
        )
