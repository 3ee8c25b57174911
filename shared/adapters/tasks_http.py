"""The HTTP-task conventions every TaskQueue adapter shares: URL, body, headers, task ids."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

JSON_CONTENT_TYPE = "application/json"

_SAFE_TASK_ID = re.compile(r"[A-Za-z0-9_-]{1,500}")
_SAFE_TARGET = re.compile(r"[A-Za-z0-9_-]+")


def task_url(base_url: str, target: str) -> str:
    """Where a task for the function `target` is POSTed."""
    # A target is a function name; a slash or query in it would silently reach another URL.
    if not _SAFE_TARGET.fullmatch(target):
        raise ValueError(f"not a function name: {target!r}")
    return f"{base_url.rstrip('/')}/{target}"


def task_body(payload: dict[str, Any]) -> bytes:
    """The JSON body of a task, fixed at enqueue time like Cloud Tasks does."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()


def task_headers() -> dict[str, str]:
    return {"Content-Type": JSON_CONTENT_TYPE}


def task_id(task_name: str) -> str:
    """Our task name as Cloud Tasks accepts it: kept when already valid, else its SHA-256.

    Hashing (rather than replacing bad characters) keeps distinct names distinct, and Cloud
    Tasks recommends hashed ids anyway: sequential prefixes slow its dispatch.
    """
    if _SAFE_TASK_ID.fullmatch(task_name):
        return task_name
    return hashlib.sha256(task_name.encode()).hexdigest()
