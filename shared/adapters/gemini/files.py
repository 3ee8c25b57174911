"""The Gemini File API: upload a document too large to send inline, wait until it is ACTIVE,
delete it when done (failing that it expires by itself after 48 hours).

Gemini refuses a generateContent request that names a file which is not ACTIVE yet
(400 FAILED_PRECONDITION), so the upload is polled until it is.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass

from google.genai import types

from shared.adapters.gemini.client import CALL_ERRORS, GeminiClient
from shared.errors import ExtractorFailed, TransientError

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FilePolling:
    """How often, and how many times, an upload still PROCESSING is looked at again."""

    interval_s: float = 2.0
    max_polls: int = 30


def upload(
    gemini: GeminiClient,
    data: bytes,
    mime_type: str,
    *,
    deadline: float,
    polling: FilePolling,
) -> types.File:
    """Upload `data` and return the file once ACTIVE; ExtractorFailed when Gemini cannot
    process it, TransientError when it is still processing after the last poll."""
    config = types.UploadFileConfig(mime_type=mime_type, display_name="newsletter")
    try:
        uploaded = gemini.call(
            lambda client: client.files.upload(file=io.BytesIO(data), config=config),
            "files.upload",
            deadline=deadline,
            rate_limited=False,
        )
    except (KeyError, ValueError) as exc:
        # The client raises these when the resumable protocol goes wrong (no upload URL,
        # upload never finalized); another try would meet the same server.
        raise ExtractorFailed(f"the Gemini File API upload did not complete: {exc}") from exc
    logger.info("gemini file uploaded", extra={"file": uploaded.name, "size": len(data)})
    try:
        active = _wait_until_active(gemini, uploaded, deadline, polling)
    except BaseException:
        delete_quietly(gemini, uploaded)
        raise
    if not active.uri:
        delete_quietly(gemini, active)
        raise ExtractorFailed("the Gemini File API returned no file URI")
    return active


def _wait_until_active(
    gemini: GeminiClient, uploaded: types.File, deadline: float, polling: FilePolling
) -> types.File:
    current = uploaded
    name = uploaded.name or ""
    for _ in range(polling.max_polls):
        state = current.state.value if current.state else "ACTIVE"
        if state == "ACTIVE":
            return current
        if state == "FAILED":
            raise ExtractorFailed("Gemini could not process the uploaded file")
        gemini.sleep(polling.interval_s)
        current = gemini.call(
            lambda client: client.files.get(name=name),
            "files.get",
            deadline=deadline,
            rate_limited=False,
        )
    raise TransientError("the uploaded file was still processing; try again later")


def delete_quietly(gemini: GeminiClient, uploaded: types.File) -> None:
    """Delete an uploaded file; failing that it expires by itself after 48 hours."""
    if not uploaded.name:
        return
    try:
        gemini.client.files.delete(name=uploaded.name)
    except CALL_ERRORS as exc:
        logger.warning(
            "gemini file not deleted (it expires in 48 h)",
            extra={"file": uploaded.name, "reason": type(exc).__name__},
        )
