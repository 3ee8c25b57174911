"""WhatsApp Cloud API media download over httpx, in Graph API's two steps.

GET {base}/{version}/{media-id} with the bearer token answers
`{"messaging_product", "url", "mime_type", "sha256", "file_size", "id"}`; the `url` (valid
for about five minutes) is then fetched with the same token for the bytes. Outages and rate
limits (5xx, 429) are TransientError so the task retries; any other 4xx, and media over the
size cap, are permanent (MediaUnavailable).
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shared.errors import BadInput, TransientError


class MediaUnavailable(BadInput):
    """The media cannot be fetched for good (unknown or expired id, too large, bad token)."""


class MediaInfo(BaseModel):
    model_config = ConfigDict(extra="ignore")

    url: str = Field(min_length=1)
    mime_type: str = Field(min_length=1)
    file_size: int | None = None


@dataclass(frozen=True)
class FetchedMedia:
    content: bytes
    mime_type: str


class WhatsAppMediaFetcher:
    def __init__(
        self,
        client: httpx.Client,
        *,
        base_url: str,
        api_version: str,
        access_token: str,
        max_bytes: int,
    ) -> None:
        self._client = client
        self._base = f"{base_url.rstrip('/')}/{api_version}"
        self._headers = {"Authorization": f"Bearer {access_token}"}
        self._max_bytes = max_bytes

    def fetch(self, media_id: str) -> FetchedMedia:
        info = self._info(media_id)
        if info.file_size is not None and info.file_size > self._max_bytes:
            raise MediaUnavailable(f"media is {info.file_size} bytes, over {self._max_bytes}")
        content = bytearray()
        try:
            with self._client.stream("GET", info.url, headers=self._headers) as response:
                _raise_for_status(response)
                for chunk in response.iter_bytes():
                    content.extend(chunk)
                    if len(content) > self._max_bytes:
                        raise MediaUnavailable(f"media is over {self._max_bytes} bytes")
        except httpx.TransportError as exc:
            raise TransientError(f"media download failed: {type(exc).__name__}") from exc
        return FetchedMedia(bytes(content), info.mime_type)

    def _info(self, media_id: str) -> MediaInfo:
        if not media_id.isalnum():
            raise MediaUnavailable("media id is not a Graph API id")
        try:
            response = self._client.get(f"{self._base}/{media_id}", headers=self._headers)
        except httpx.TransportError as exc:
            raise TransientError(f"media lookup failed: {type(exc).__name__}") from exc
        _raise_for_status(response)
        try:
            return MediaInfo.model_validate_json(response.content)
        except ValidationError as exc:
            raise MediaUnavailable("media lookup answered an unexpected body") from exc


def _raise_for_status(response: httpx.Response) -> None:
    if response.status_code == 429 or response.status_code >= 500:
        raise TransientError(f"WhatsApp media answered {response.status_code}")
    if response.status_code >= 400:
        raise MediaUnavailable(f"WhatsApp media answered {response.status_code}")
