"""The Gemini extractor: a newsletter (PDF, image or voice note) in, validated items out.

Gemini reads the document itself (multimodal), answers JSON in the shape of `WireExtraction`
(structured output), and every item is converted into an `ExtractedItem`: one item that cannot
be represented (not in the schema, an impossible date) is dropped with a logged reason, never
the whole document. Checking the items against the school (grades, activities, far dates,
repeats) is not done here: the parse service applies `shared.extraction.validation` to every
extractor's output.

Failure contract (see `Extractor`): 429/5xx and network errors are retried with exponential
backoff and jitter, then raise TransientError (the event is redelivered); a refused request
(400/401/403/404), a blocked or empty answer, or output that stays malformed raise
ExtractorFailed, and the caller falls back to the offline extractor. Logs carry counts, codes
and reasons, never document text.
"""

from __future__ import annotations

import io
import json
import logging
import math
import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from datetime import time as clock_time
from functools import partial
from typing import Any, Literal, TypeVar

import httpx
import httpx2
from google import genai
from google.genai import errors as genai_errors
from google.genai import types
from pydantic import BaseModel, Field, ValidationError

from shared.errors import ExtractorFailed, TransientError, UnreadableDocument
from shared.extraction.schema import ExtractedItem, ExtractionContext, ExtractionResult
from shared.extraction.sniff import MediaType
from shared.models import KINDERGARTEN, PRE_K, ItemAction, ItemCategory
from shared.settings import Settings

logger = logging.getLogger(__name__)

T = TypeVar("T")

DEFAULT_MODEL = "gemini-2.5-flash"
# Answers to 429 (quota) and 5xx are worth another try; 408 is the gateway's timeout.
RETRYABLE_CODES = frozenset({408, 429, 500, 502, 503, 504})
# google-genai sends through httpx2 by default and httpx when asked; either may raise.
TRANSPORT_ERRORS: tuple[type[Exception], ...] = (httpx.TransportError, httpx2.TransportError)
_CALL_ERRORS: tuple[type[Exception], ...] = (genai_errors.APIError, *TRANSPORT_ERRORS)
# Failures without an HTTP error code that a retry may fix: the network, and a 200 whose body
# is not JSON (a proxy's error page), which generate_content reports as a bare JSONDecodeError
# and other calls as UnknownApiResponseError.
_FLAKY_ERRORS: tuple[type[Exception], ...] = (
    *TRANSPORT_ERRORS,
    genai_errors.UnknownApiResponseError,
    json.JSONDecodeError,
)
# Candidates that end for these reasons carry no usable answer.
_FINISHED_OK = frozenset({"STOP", "FINISH_REASON_UNSPECIFIED"})
# Sampling temperature of the requests that follow a malformed answer.
RETRY_TEMPERATURE = 0.4


# --------------------------------------------------------------------------- the wire schema
# What Gemini is asked to answer (sent as response_schema). Gemini's schema language is a
# subset of OpenAPI: plain strings for dates and times, nullable fields, enums of strings.


class WireItem(BaseModel):
    """One parent-relevant item found in the document."""

    # This docstring and the field descriptions are sent to Gemini as the response schema.

    title: str = Field(description="Short, specific title, in English when the text has it.")
    details: str = Field(
        default="", description="One or two sentences a parent needs: what, cost, what to bring."
    )
    category: ItemCategory
    start_date: str | None = Field(
        default=None, description="YYYY-MM-DD: the date, the first occurrence, or the due date."
    )
    end_date: str | None = Field(
        default=None, description="YYYY-MM-DD, inclusive last day of a multi-day range only."
    )
    start_time: str | None = Field(default=None, description="HH:MM, 24-hour, local time.")
    end_time: str | None = Field(default=None, description="HH:MM, 24-hour, local time.")
    all_grades: bool = Field(description="True for whole-school items.")
    grades: list[int] = Field(
        description="Grades named when all_grades is false: Pre-K -1, K 0, Grade 1 1, ..."
    )
    activities: list[str] = Field(
        default_factory=list, description="Slugs from the school's activity catalog only."
    )
    action_required: bool = Field(
        default=False, description="True when the family must do, bring, sign, pay or register."
    )
    action: ItemAction | None = None
    location: str | None = None
    recurrence: str | None = Field(
        default=None, description="RRULE without prefix, e.g. FREQ=WEEKLY;BYDAY=TH, else null."
    )
    confidence: float = Field(description="0 to 1: how sure the item and its date are right.")


class WireExtraction(BaseModel):
    """Every parent-relevant item in the document, and the date printed on it."""

    issued_on: str | None = Field(
        default=None, description="YYYY-MM-DD date printed on the document itself, else null."
    )
    items: list[WireItem]


# --------------------------------------------------------------------------- the prompt

SYSTEM_INSTRUCTION = """\
You read school newsletters, flyers and voice notes for parents and list every item a parent \
may need to act on or plan around, as JSON in the response schema.

Items: events, deadlines, closures (no school, early dismissal), meetings, fundraisers, \
volunteer requests, and announcements that ask families to do something.
Not items: recaps of past events, thank-yous, mottos, bell times, office hours, "Did you know?" \
facts, and vague future mentions without a date (for example "the regional challenge in May").

Rules:
1. One item per thing. An event mentioned in several places (principal's note, calendar, a \
section) is listed once, with the most complete details.
2. Every explicit due date ("due", "return by", "orders close", "RSVP by") is its own \
"deadline" item, even when it belongs to an event: "Field trip Oct 20" is one item and \
"Permission slip and $8 due Oct 14" another. When a thing's only date is its due date, that \
date is its start_date. A stated cut-off time goes in start_time.
3. Recurring items: start_date is the first occurrence, end_date is null, recurrence is an \
RRULE without the "RRULE:" prefix (FREQ=WEEKLY;BYDAY=TH), with UNTIL=YYYYMMDD when a last \
occurrence is stated. The times are those of one occurrence.
4. Multi-day ranges (breaks, drives): start_date and end_date are both inclusive; end_date is \
the last day of the range, not the day school reopens. Single-day items have end_date null.
5. Dates are YYYY-MM-DD. A date written without a year lies in the school year around the \
document's date (given below). Relative dates ("next Friday") count from the document's date. \
Weekday names must agree with the dates you give.
6. Times are HH:MM, 24-hour, the school's local time. "1:00-2:15 pm" is start_time 13:00 and \
end_time 14:15; "7:00 pm" fills start_time only; no stated time is null.
7. Grades: all_grades true (grades []) for whole-school items or when the text says all; \
otherwise all_grades false and grades lists the grades the text names as numbers: Pre-K -1, \
Kindergarten 0, Grade 1 1, and so on. Incoming kindergarteners (registration for next \
September) are Pre-K, -1.
8. activities: only slugs from the school's activity catalog, for an item about that club or \
team (a band and choir concert gets both; a whole-school concert gets none). Never invent one.
9. action_required is true only when the text asks the family to do, bring, sign, pay, book, \
register, pick up or volunteer; attending an optional event does not count. action names the \
main thing asked, or null.
10. A notice written in two languages is one item, titled in English.
11. confidence is between 0 and 1: lower it when a date, grade or time is uncertain.
12. issued_on is the date printed on the document itself, or null.
Use only what the document says."""

_MEDIA_INSTRUCTIONS = {
    "pdf": "The attached file is the newsletter (PDF).",
    "image": "The attached image is the newsletter, a flyer or a photo of a notice.",
    "audio": (
        "The attached file is an audio recording (a voice note or announcement). First "
        "transcribe it in full for yourself, then extract the items from what is said, with "
        "the same rules. Do not output the transcript."
    ),
}


def _grade_label(grade: int) -> str:
    if grade == PRE_K:
        return "Pre-K (-1)"
    if grade == KINDERGARTEN:
        return "Kindergarten (0)"
    return f"Grade {grade} ({grade})"


def school_year_of(day: date) -> tuple[int, int]:
    """The school year (first and second calendar year) a day falls in; it turns on August 1."""
    first = day.year if day.month >= 8 else day.year - 1
    return first, first + 1


def build_prompt(context: ExtractionContext, media_type: MediaType) -> str:
    """The user turn: what we know about the school, then what the attachment is."""
    issued = context.issued_on
    first, second = school_year_of(issued)
    where_from = (
        "the date of the document"
        if context.issued_on_is_known
        else "the upload date; if the document shows its own date, use that instead"
    )
    lines = [
        f"School: {context.school_name or '(unnamed)'}",
        f"Timezone: {context.timezone} (every time is local to the school)",
        f"Document date: {issued.strftime('%A')} {issued.isoformat()} ({where_from})",
        f"School year: {first}-{second}. A date without a year falls between "
        f"{date(first, 8, 1).isoformat()} and {date(second, 7, 31).isoformat()}, unless the "
        "text clearly means the next school year.",
        "Grades offered: " + ", ".join(_grade_label(g) for g in sorted(context.grades_offered)),
    ]
    if context.activities:
        lines.append("Activity catalog (slug: name; also called):")
        for activity in context.activities:
            also = f"; also called {', '.join(activity.synonyms)}" if activity.synonyms else ""
            lines.append(f"- {activity.slug}: {activity.name}{also}")
    else:
        lines.append("Activity catalog: empty (activities is always []).")
    kind = "audio" if media_type.is_audio else "image" if media_type.is_image else "pdf"
    lines.append(_MEDIA_INSTRUCTIONS[kind])
    return "\n".join(lines)


# --------------------------------------------------------------------------- item conversion


@dataclass(frozen=True)
class Dropped:
    """An item (or part of one) left out, with the reason, for logs (reason) and admins."""

    index: int
    reason: str
    title: str = ""


@dataclass
class Conversion:
    items: list[ExtractedItem] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)  # whole items
    trimmed: list[Dropped] = field(default_factory=list)  # a time or recurrence of one


_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::\d{2})?")
_RRULE = re.compile(r"FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;[A-Z]+=[A-Z0-9,+\-]+)*")


class _Reject(ValueError):
    """This item cannot be kept (the message is the reason, free of document text)."""


def _parse_date(value: str | None, what: str) -> date | None:
    if value is None or not value.strip():
        return None
    value = value.strip()
    if not _DATE.fullmatch(value):
        raise _Reject(f"{what} is not YYYY-MM-DD")  # the value may be document text
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise _Reject(f"{what} {value!r} is not a calendar date") from None
    return day


def _parse_time(value: str | None) -> clock_time | None:
    """A time, or None when there is none; ValueError when it is not a time of day."""
    if value is None or not value.strip():
        return None
    match = _TIME.fullmatch(value.strip())
    if match is None:
        raise ValueError("not HH:MM")  # the value may be document text
    return clock_time(int(match[1]), int(match[2]))


def _normalize_recurrence(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    rule = value.strip().upper().removeprefix("RRULE:")
    if not _RRULE.fullmatch(rule):
        raise ValueError("recurrence is not an RRULE")
    return rule


def _activity_lookup(context: ExtractionContext) -> dict[str, str]:
    """Slugs, names and synonyms (case-insensitive) to slugs: Gemini sometimes writes a name."""
    lookup: dict[str, str] = {}
    for activity in context.activities:
        for alias in (activity.name, *activity.synonyms):
            lookup.setdefault(alias.strip().lower(), activity.slug)
    for activity in context.activities:
        lookup[activity.slug] = activity.slug  # a slug always wins over another's synonym
    return lookup


def _clamp_confidence(value: float) -> float:
    if math.isnan(value):
        return 0.0
    return min(1.0, max(0.0, value))


def convert_items(raw_items: Sequence[Any], context: ExtractionContext) -> Conversion:
    """Convert every item Gemini returned into an `ExtractedItem`, keeping what converts.

    Whole items are dropped only when they cannot be represented: not matching the wire
    schema, no title, a date that is not a YYYY-MM-DD calendar date, or an end before the
    start. Parts are dropped, the item kept, for a time that is not a time or a recurrence
    that is not an RRULE. The school's policy (grades, activities, far dates, repeats) is
    `shared.extraction.validation`'s, applied after every extractor; `context` is used here
    only to map activity names and synonyms to slugs.
    """
    result = Conversion()
    lookup = _activity_lookup(context)
    for index, raw in enumerate(raw_items):
        try:
            wire = WireItem.model_validate(raw)
        except ValidationError as exc:
            fields = sorted({".".join(str(p) for p in e["loc"]) or "item" for e in exc.errors()})
            result.dropped.append(Dropped(index, f"not in the schema ({', '.join(fields)})"))
            continue
        title = " ".join(wire.title.split())[:200]
        if not title:
            result.dropped.append(Dropped(index, "no title"))
            continue
        try:
            item = _to_extracted(index, wire, title, lookup, result.trimmed)
        except _Reject as exc:
            result.dropped.append(Dropped(index, str(exc), title))
            continue
        except ValidationError as exc:  # a field the domain model bounds (e.g. too long)
            fields = sorted({".".join(str(p) for p in e["loc"]) for e in exc.errors()})
            result.dropped.append(Dropped(index, f"invalid {', '.join(fields)}", title))
            continue
        result.items.append(item)
    return result


def _to_extracted(
    index: int,
    wire: WireItem,
    title: str,
    lookup: dict[str, str],
    trimmed: list[Dropped],
) -> ExtractedItem:
    start = _parse_date(wire.start_date, "start_date")
    end = _parse_date(wire.end_date, "end_date")
    if start is None and end is not None:
        start, end = end, None  # a lone end date is the item's date (a due date, usually)
    if start is not None and end is not None and end < start:
        raise _Reject(f"end_date {end.isoformat()} is before start_date {start.isoformat()}")
    if end == start:
        end = None

    times: list[clock_time | None] = []
    for what, value in (("start_time", wire.start_time), ("end_time", wire.end_time)):
        try:
            times.append(_parse_time(value))
        except ValueError as exc:
            trimmed.append(Dropped(index, f"{what} dropped: {exc}", title))
            times.append(None)
    start_time, end_time = times

    try:
        recurrence = _normalize_recurrence(wire.recurrence)
    except ValueError as exc:
        trimmed.append(Dropped(index, str(exc), title))
        recurrence = None
    if recurrence is not None and end is not None:
        # The convention: a recurring item's last occurrence lives in the rule, not end_date.
        if "UNTIL=" not in recurrence:
            recurrence += f";UNTIL={end.strftime('%Y%m%d')}"
        end = None

    activities: list[str] = []
    for name in wire.activities:
        # An unknown name passes through unchanged: validation removes it and says so.
        slug = lookup.get(name.strip().lower(), name.strip())
        if slug and slug not in activities:
            activities.append(slug)

    return ExtractedItem(
        title=title,
        details=wire.details.strip()[:2000],
        category=wire.category,
        start_date=start,
        end_date=end,
        start_time=start_time,
        end_time=end_time,
        grades=_grades(wire),
        activities=activities,
        action_required=wire.action_required or wire.action is not None,
        action=wire.action,
        location=(wire.location or "").strip()[:200] or None,
        recurrence=recurrence,
        confidence=_clamp_confidence(wire.confidence),
    )


def _grades(wire: WireItem) -> Literal["all"] | list[int]:
    """The grades named, sorted; "all" for whole-school items, or when none are named.

    Whether the school offers them is validation's business, not the wire format's.
    """
    if wire.all_grades or not wire.grades:
        return "all"
    return sorted(set(wire.grades))


# --------------------------------------------------------------------------- rate limit


class RateLimiter:
    """At most `per_minute` acquisitions in any 60 s window, shared by every thread.

    Each caller reserves its slot under the lock and sleeps outside it, so concurrent
    callers queue in order without holding each other up. The clock and sleep are injected so
    tests run instantly.
    """

    def __init__(
        self,
        per_minute: int,
        *,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        window_s: float = 60.0,
    ) -> None:
        if per_minute < 1:
            raise ValueError("per_minute must be at least 1")
        self._per_minute = per_minute
        self._clock = clock
        self._sleep = sleep
        self._window_s = window_s
        self._slots: deque[float] = deque()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Wait for a slot; returns how long this caller waited (seconds)."""
        with self._lock:
            now = self._clock()
            while self._slots and self._slots[0] <= now - self._window_s:
                self._slots.popleft()
            start = now
            if len(self._slots) >= self._per_minute:
                start = max(now, self._slots.popleft() + self._window_s)
            self._slots.append(start)
        wait = start - now
        if wait > 0:
            self._sleep(wait)
        return wait


# --------------------------------------------------------------------------- the adapter


class _MalformedOutput(Exception):
    """The answer was not the JSON asked for; another try may do better."""


@dataclass
class _Attempts:
    calls: int = 0
    tokens: int = 0


class GeminiExtractor:
    """Extractor on the google-genai client (Gemini Developer API, api-key auth)."""

    name = "gemini"

    def __init__(
        self,
        client_factory: Callable[[], genai.Client],
        *,
        model: str = DEFAULT_MODEL,
        max_attempts: int = 5,
        malformed_attempts: int = 3,
        requests_per_minute: int = 15,
        inline_max_bytes: int = 18 * 1024 * 1024,
        backoff_initial_s: float = 2.0,
        backoff_max_s: float = 30.0,
        file_poll_interval_s: float = 2.0,
        file_poll_max: int = 30,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        jitter: Callable[[], float] = random.random,
        limiter: RateLimiter | None = None,
    ) -> None:
        if max_attempts < 1 or malformed_attempts < 1:
            raise ValueError("attempts must be at least 1")
        self._client_factory = client_factory
        self._client: genai.Client | None = None
        self._client_lock = threading.Lock()
        self.model = model
        self._max_attempts = max_attempts
        self._malformed_attempts = malformed_attempts
        self._inline_max_bytes = inline_max_bytes
        self._backoff_initial_s = backoff_initial_s
        self._backoff_max_s = backoff_max_s
        self._file_poll_interval_s = file_poll_interval_s
        self._file_poll_max = file_poll_max
        self._sleep = sleep
        self._jitter = jitter
        self._limiter = limiter or RateLimiter(requests_per_minute, clock=clock, sleep=sleep)

    @classmethod
    def from_settings(
        cls,
        settings: Settings,
        *,
        request_timeout_s: float | None = None,
        api_version: str | None = None,
        **overrides: Any,
    ) -> GeminiExtractor:
        """The extractor production uses; the client is built on the first document.

        api_version None keeps google-genai's choice: "v1" in 3.6.1, or what the
        GOOGLE_GENAI_API_VERSION environment variable names ("beta" means "v1beta").
        """
        api_key = settings.gemini_api_key
        if not api_key:
            raise ValueError("GEMINI_API_KEY is not set")
        base_url = settings.gemini_base_url
        api_version = api_version or settings.gemini_api_version
        timeout_s = request_timeout_s or settings.gemini_timeout_s

        def client_factory() -> genai.Client:
            # Timeouts always set: a hung request must not eat the function's whole timeout.
            options = types.HttpOptions(timeout=int(timeout_s * 1000))
            if base_url:
                options.base_url = base_url
            if api_version:
                options.api_version = api_version
            return genai.Client(api_key=api_key, http_options=options)

        kwargs: dict[str, Any] = {
            "model": settings.gemini_model,
            "max_attempts": settings.gemini_max_attempts,
            "requests_per_minute": settings.gemini_requests_per_minute,
            "inline_max_bytes": settings.gemini_inline_max_bytes,
        }
        kwargs.update(overrides)
        return cls(client_factory, **kwargs)

    # -- the port

    def extract(
        self, document: bytes, media_type: MediaType, context: ExtractionContext
    ) -> ExtractionResult:
        if not document:
            raise UnreadableDocument("The file is empty.")
        client = self._get_client()
        attempts = _Attempts()
        uploaded: types.File | None = None
        path = "inline" if len(document) <= self._inline_max_bytes else "file_api"
        try:
            if path == "inline":
                part = types.Part.from_bytes(data=document, mime_type=media_type.value)
            else:
                uploaded = self._upload(client, document, media_type)
                if not uploaded.uri:
                    raise ExtractorFailed("the Gemini File API returned no file URI")
                part = types.Part.from_uri(
                    file_uri=uploaded.uri, mime_type=uploaded.mime_type or media_type.value
                )
            wire = self._generate(client, part, build_prompt(context, media_type), attempts)
        finally:
            if uploaded is not None:
                self._delete_quietly(client, uploaded)
        conversion = convert_items(wire.get("items", []), context)
        issued_on = self._document_date(wire.get("issued_on"))
        self._log_outcome(conversion, attempts, path, media_type)
        return ExtractionResult(
            items=conversion.items,
            extractor=self.name,
            issued_on=issued_on,
            tokens_used=attempts.tokens,
            notes=_notes_for_admins(conversion),
        )

    # -- the client

    def _get_client(self) -> genai.Client:
        with self._client_lock:
            if self._client is None:
                self._client = self._client_factory()
            return self._client

    # -- generate, with retries

    def _generate(
        self, client: genai.Client, part: types.Part, prompt: str, attempts: _Attempts
    ) -> dict[str, Any]:
        config = types.GenerateContentConfig(
            system_instruction=SYSTEM_INSTRUCTION,
            response_mime_type="application/json",
            response_schema=WireExtraction,
            temperature=0.0,
            # No tools are offered; disabling function calling also keeps its log lines out.
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
        )
        # The document first, then what we know about the school (Gemini's advice for files).
        contents = [types.Content(role="user", parts=[part, types.Part.from_text(text=prompt)])]

        def call(config: types.GenerateContentConfig) -> types.GenerateContentResponse:
            self._limiter.acquire()  # every request counts, retries included
            attempts.calls += 1
            return client.models.generate_content(
                model=self.model, contents=contents, config=config
            )

        malformed = 0
        while True:
            if malformed == 1:
                # At temperature 0 the same request tends to get the same bad answer.
                config = config.model_copy(update={"temperature": RETRY_TEMPERATURE})
            response = self._with_retries(partial(call, config), "generate_content")
            if response.usage_metadata and response.usage_metadata.total_token_count:
                attempts.tokens += response.usage_metadata.total_token_count
            try:
                return _read_answer(response)
            except _MalformedOutput as exc:
                malformed += 1
                logger.warning(
                    "gemini answer malformed",
                    extra={"extractor": self.name, "reason": str(exc), "malformed": malformed},
                )
                if malformed >= self._malformed_attempts:
                    raise ExtractorFailed(
                        f"Gemini's answer was not the JSON asked for after {malformed} "
                        f"attempts ({exc})"
                    ) from exc

    def _with_retries(self, operation: Callable[[], T], what: str) -> T:
        """Run operation, retrying 429/5xx and network errors with backoff and jitter."""
        failures = 0
        while True:
            try:
                return operation()
            except genai_errors.APIError as exc:
                reason = f"{exc.code} {exc.status or ''}".strip()
                if exc.code not in RETRYABLE_CODES:
                    # Google's message says what was wrong (bad key, unsupported file...);
                    # it describes the request, not the document's text.
                    message = (exc.message or "")[:300]
                    logger.error(
                        "gemini refused the request",
                        extra={
                            "extractor": self.name,
                            "call": what,
                            "code": exc.code,
                            "reason": message,
                        },
                    )
                    raise ExtractorFailed(f"Gemini refused {what}: {reason}: {message}") from exc
                failures += 1
                hint = _retry_delay_hint(exc)
                error: Exception = exc
            except _FLAKY_ERRORS as exc:
                failures += 1
                hint = None
                reason = type(exc).__name__
                error = exc
            if failures >= self._max_attempts:
                logger.warning(
                    "gemini still failing, giving up for now",
                    extra={
                        "extractor": self.name,
                        "call": what,
                        "reason": reason,
                        "attempts": failures,
                    },
                )
                raise TransientError(
                    f"Gemini {what} failed {failures} times (last: {reason})"
                ) from error
            delay = self._backoff_s(failures, hint)
            logger.info(
                "gemini call failed, retrying",
                extra={
                    "extractor": self.name,
                    "call": what,
                    "reason": reason,
                    "attempt": failures,
                    "delay_s": round(delay, 2),
                },
            )
            self._sleep(delay)

    def _backoff_s(self, failures: int, hint_s: float | None) -> float:
        """Exponential backoff with 'equal jitter', never shorter than the server asked."""
        ceiling = min(self._backoff_max_s, self._backoff_initial_s * 2.0 ** (failures - 1))
        delay = ceiling / 2 + self._jitter() * ceiling / 2
        if hint_s is not None:
            delay = max(delay, min(hint_s, self._backoff_max_s))
        return delay

    # -- the File API

    def _upload(self, client: genai.Client, document: bytes, media_type: MediaType) -> types.File:
        config = types.UploadFileConfig(mime_type=media_type.value, display_name="newsletter")

        def upload() -> types.File:
            return client.files.upload(file=io.BytesIO(document), config=config)

        try:
            uploaded = self._with_retries(upload, "files.upload")
        except (KeyError, ValueError) as exc:
            # The client raises these when the resumable protocol goes wrong (no upload URL,
            # upload never finalized); another try would meet the same server.
            raise ExtractorFailed(f"the Gemini File API upload did not complete: {exc}") from exc
        logger.info(
            "gemini file uploaded",
            extra={"extractor": self.name, "file": uploaded.name, "size": len(document)},
        )
        try:
            return self._wait_until_active(client, uploaded)
        except BaseException:
            self._delete_quietly(client, uploaded)
            raise

    def _wait_until_active(self, client: genai.Client, uploaded: types.File) -> types.File:
        current = uploaded
        for _ in range(self._file_poll_max):
            state = current.state.value if current.state else "ACTIVE"
            if state == "ACTIVE":
                return current
            if state == "FAILED":
                raise ExtractorFailed("Gemini could not process the uploaded file")
            self._sleep(self._file_poll_interval_s)
            name = current.name or ""
            current = self._with_retries(partial(client.files.get, name=name), "files.get")
        raise TransientError("the uploaded file was still processing; try again later")

    def _delete_quietly(self, client: genai.Client, uploaded: types.File) -> None:
        """Delete an uploaded file; failing that it expires by itself after 48 hours."""
        if not uploaded.name:
            return
        try:
            client.files.delete(name=uploaded.name)
        except _CALL_ERRORS as exc:
            logger.warning(
                "gemini file not deleted (it expires in 48 h)",
                extra={"extractor": self.name, "file": uploaded.name, "reason": type(exc).__name__},
            )

    # -- results

    def _document_date(self, value: Any) -> date | None:
        if not isinstance(value, str):
            return None
        try:
            return _parse_date(value, "issued_on")
        except _Reject:
            return None

    def _log_outcome(
        self, conversion: Conversion, attempts: _Attempts, path: str, media_type: MediaType
    ) -> None:
        for dropped in conversion.dropped:
            logger.warning(
                "gemini item dropped",
                extra={
                    "extractor": self.name,
                    "item_index": dropped.index,
                    "reason": dropped.reason,
                },
            )
        for trimmed in conversion.trimmed:
            logger.info(
                "gemini item trimmed",
                extra={
                    "extractor": self.name,
                    "item_index": trimmed.index,
                    "reason": trimmed.reason,
                },
            )
        logger.info(
            "gemini extraction done",
            extra={
                "extractor": self.name,
                "model": self.model,
                "media_type": media_type.value,
                "upload": path,
                "items": len(conversion.items),
                "dropped": len(conversion.dropped),
                "calls": attempts.calls,
                "tokens_used": attempts.tokens,
            },
        )


def _read_answer(response: types.GenerateContentResponse) -> dict[str, Any]:
    """The JSON object of the first candidate; ExtractorFailed when there is no answer."""
    feedback = response.prompt_feedback
    if feedback is not None and feedback.block_reason is not None:
        raise ExtractorFailed(f"Gemini blocked the document ({_enum_name(feedback.block_reason)})")
    if not response.candidates:
        raise ExtractorFailed("Gemini returned no candidate")
    candidate = response.candidates[0]
    finish = _enum_name(candidate.finish_reason) if candidate.finish_reason else "STOP"
    if finish == "MAX_TOKENS":
        raise ExtractorFailed("Gemini's answer was cut off (MAX_TOKENS)")
    if finish not in _FINISHED_OK:
        raise ExtractorFailed(f"Gemini stopped without an answer ({finish})")
    parts = candidate.content.parts if candidate.content and candidate.content.parts else []
    text = "".join(p.text for p in parts if p.text and not p.thought)
    if not text.strip():
        raise ExtractorFailed("Gemini returned an empty answer")
    try:
        answer = json.loads(text)
    except ValueError:
        raise _MalformedOutput("not JSON") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("items"), list):
        raise _MalformedOutput("no list of items")
    items: list[Any] = answer["items"]
    if items and not any(_fits_schema(raw) for raw in items):
        raise _MalformedOutput("no item fits the schema")
    return answer


def _fits_schema(raw: Any) -> bool:
    try:
        WireItem.model_validate(raw)
    except ValidationError:
        return False
    return True


def _enum_name(value: Any) -> str:
    return str(getattr(value, "value", value))


def _retry_delay_hint(exc: genai_errors.APIError) -> float | None:
    """The delay a 429 asks for (google.rpc.RetryInfo), in seconds, when it names one."""
    details = exc.details.get("error", {}).get("details") if isinstance(exc.details, dict) else None
    for detail in details or []:
        if not isinstance(detail, dict) or not str(detail.get("@type", "")).endswith("RetryInfo"):
            continue
        match = re.fullmatch(r"(\d+(?:\.\d+)?)s", str(detail.get("retryDelay", "")))
        if match:
            return float(match[1])
    return None


def _notes_for_admins(conversion: Conversion) -> list[str]:
    """Plain-language remarks shown to the admins who uploaded the document."""
    notes = [
        f'Left out "{d.title}": {d.reason}.'
        if d.title
        else f"Left out item {d.index + 1}: {d.reason}."
        for d in conversion.dropped
    ]
    notes.extend(f'Changed "{t.title}": {t.reason}.' for t in conversion.trimmed)
    return notes


__all__ = [
    "DEFAULT_MODEL",
    "GeminiExtractor",
    "RateLimiter",
    "WireExtraction",
    "WireItem",
    "build_prompt",
    "convert_items",
]
