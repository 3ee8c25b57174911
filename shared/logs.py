"""Structured JSON logs in the shape Cloud Logging reads, with personal data never in clear."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
from datetime import UTC, datetime
from typing import Any

# Phone numbers as they reach us: E.164 (+16045550123), WhatsApp ids (16045550123) and
# North American shapes (604-555-0123, (604) 555 0123). IP addresses and dates do not match.
_PHONE = re.compile(
    r"\+\d[\d\s().-]{6,}\d"
    r"|(?<![\w.])\d{10,15}(?![\w.])"
    r"|(?<![\w.])\(?\d{3}\)?[\s.-]?\d{3}[\s.-]\d{4}(?![\w.])"
)
# LogRecord attributes that are not ours to emit as fields.
_RESERVED = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}
# Fields whose values are personal by nature: only a pseudonym is ever written.
SENSITIVE_FIELDS = frozenset({"phone", "name", "child_name", "parent_name", "body", "text"})


def pseudonym(value: str) -> str:
    """A stable, non-reversible tag so that log lines about one person can be correlated."""
    return "anon:" + hashlib.sha256(value.encode()).hexdigest()[:12]


def redact(text: str) -> str:
    """Mask anything shaped like a phone number, keeping the last two digits for support."""
    return _PHONE.sub(lambda m: "***" + re.sub(r"\D", "", m.group())[-2:], text)


def _scrub(key: str, value: Any) -> Any:
    if key in SENSITIVE_FIELDS and value is not None:
        return pseudonym(str(value))
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: _scrub(k, v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(key, v) for v in value]
    return value


class CloudLoggingFormatter(logging.Formatter):
    """One JSON object per line: severity, message, time, logger, trace and any `extra` fields."""

    def __init__(self, project: str | None = None) -> None:
        super().__init__()
        self._project = project

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "severity": record.levelname,
            "message": redact(record.getMessage()),
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(),
            "logger": record.name,
        }
        for key, value in vars(record).items():
            if key not in _RESERVED and not key.startswith("_"):
                entry[key] = _scrub(key, value)
        trace = entry.pop("trace_id", None)
        if trace and self._project:
            entry["logging.googleapis.com/trace"] = f"projects/{self._project}/traces/{trace}"
        elif trace:
            entry["trace_id"] = trace
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        return json.dumps(entry, default=str, ensure_ascii=False)


def trace_id_from_header(header: str | None) -> str | None:
    """The trace id of an `X-Cloud-Trace-Context: TRACE/SPAN;o=1` header."""
    if not header:
        return None
    return header.split("/", 1)[0] or None


def configure_logging(level: str = "INFO", project: str | None = None) -> None:
    """Route every logger to stdout as JSON lines (idempotent: safe on every cold start)."""
    root = logging.getLogger()
    if any(isinstance(h.formatter, CloudLoggingFormatter) for h in root.handlers):
        root.setLevel(level)
        return
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(CloudLoggingFormatter(project))
    root.handlers = [handler]
    root.setLevel(level)
