"""The Gemini extractor: a newsletter (PDF, image or voice note) in, validated items out.

Gemini reads the document itself (multimodal), answers JSON in the shape of `WireExtraction`
(structured output), and every item is converted into an `ExtractedItem`
(`shared.adapters.gemini.conversion`). Checking the items against the school is not done
here: the parse service applies `shared.extraction.validation` to every extractor's output.

Failure contract (see `Extractor`): calls go through the instance's shared `GeminiClient`,
which retries what Google says is worth retrying and raises TransientError (the event is
redelivered) when retries run out or the server asks for a longer wait than the budget left.
A refused request (400/401/403/404), a used-up daily quota, media Gemini does not read, a
blocked or empty answer, or output that stays malformed raise ExtractorFailed, and the caller
falls back to the offline extractor with the reason in the newsletter's notes. Logs carry
counts, codes and reasons, never document text.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from functools import partial
from typing import Any

from google import genai
from google.genai import types

from shared.adapters.gemini import files
from shared.adapters.gemini.client import GeminiClient, TokenUsage
from shared.adapters.gemini.conversion import (
    Conversion,
    convert_items,
    document_date,
    fits_schema,
    notes_for_admins,
)
from shared.adapters.gemini.media import GeminiMedia, MediaNotSupported, media_for_gemini
from shared.adapters.gemini.prompt import SYSTEM_INSTRUCTION, build_prompt
from shared.adapters.gemini.retry import GeminiRefused
from shared.adapters.gemini.schema import WireExtraction
from shared.errors import ExtractorFailed, UnreadableDocument
from shared.extraction.schema import ExtractionContext, ExtractionResult
from shared.extraction.sniff import MediaType
from shared.settings import Settings

logger = logging.getLogger(__name__)

_DEFAULTS = Settings.model_fields  # the constructor's defaults are the settings' defaults
# Candidates that end for these reasons carry a usable answer.
_FINISHED_OK = frozenset({"STOP", "FINISH_REASON_UNSPECIFIED"})


class _MalformedOutput(Exception):
    """The answer was not the JSON asked for; another try may do better."""


@dataclass
class _Attempts:
    calls: int = 0
    tokens: int = 0
    thought_tokens: int = 0

    def count(self, usage: TokenUsage) -> None:
        self.calls += 1
        self.tokens += usage.total
        self.thought_tokens += usage.thoughts


class GeminiExtractor:
    """Extractor on the google-genai client (Gemini Developer API, api-key auth)."""

    name = "gemini"

    def __init__(
        self,
        gemini: GeminiClient,
        *,
        model: str = _DEFAULTS["gemini_model"].default,
        temperature: float | None = _DEFAULTS["gemini_temperature"].default,
        malformed_attempts: int = 3,
        inline_max_bytes: int = _DEFAULTS["gemini_inline_max_bytes"].default,
        file_polling: files.FilePolling | None = None,
    ) -> None:
        if malformed_attempts < 1:
            raise ValueError("malformed_attempts must be at least 1")
        self._gemini = gemini
        self.model = model
        self._temperature = temperature
        self._malformed_attempts = malformed_attempts
        self._inline_max_bytes = inline_max_bytes
        self._file_polling = file_polling or files.FilePolling()

    @property
    def gemini(self) -> GeminiClient:
        """The shared client this extractor calls through."""
        return self._gemini

    @classmethod
    def from_settings(
        cls, settings: Settings, *, gemini: GeminiClient | None = None, **overrides: Any
    ) -> GeminiExtractor:
        """The extractor production uses, on the instance's shared client when given one;
        nothing connects until the first document."""
        kwargs: dict[str, Any] = {
            "model": settings.gemini_model,
            "temperature": settings.gemini_temperature,
            "inline_max_bytes": settings.gemini_inline_max_bytes,
        }
        kwargs.update(overrides)
        return cls(gemini or GeminiClient.from_settings(settings), **kwargs)

    # -- the port

    def extract(
        self, document: bytes, media_type: MediaType, context: ExtractionContext
    ) -> ExtractionResult:
        if not document:
            raise UnreadableDocument("The file is empty.")
        try:
            media = media_for_gemini(document, media_type)
        except MediaNotSupported as exc:
            raise ExtractorFailed(str(exc)) from exc
        deadline = self._gemini.deadline()  # one retry budget for the whole document
        attempts = _Attempts()
        uploaded: types.File | None = None
        path = "inline" if len(media.data) <= self._inline_max_bytes else "file_api"
        try:
            if path == "inline":
                part = types.Part.from_bytes(data=media.data, mime_type=media.mime_type)
            else:
                uploaded = files.upload(
                    self._gemini,
                    media.data,
                    media.mime_type,
                    deadline=deadline,
                    polling=self._file_polling,
                )
                part = types.Part.from_uri(
                    file_uri=uploaded.uri or "", mime_type=uploaded.mime_type or media.mime_type
                )
            wire = self._generate(part, build_prompt(context, media_type), attempts, deadline)
        except GeminiRefused as exc:
            raise ExtractorFailed(str(exc)) from exc
        finally:
            if uploaded is not None:
                files.delete_quietly(self._gemini, uploaded)
        conversion = convert_items(wire.get("items", []), context)
        self._log_outcome(conversion, attempts, path, media)
        return ExtractionResult(
            items=conversion.items,
            extractor=self.name,
            issued_on=document_date(wire.get("issued_on")),
            tokens_used=attempts.tokens,
            notes=notes_for_admins(conversion),
        )

    # -- generate, retrying a malformed answer

    def _generate(
        self, part: types.Part, prompt: str, attempts: _Attempts, deadline: float
    ) -> dict[str, Any]:
        config = types.GenerateContentConfig(
            system_instruction=SYSTEM_INSTRUCTION,
            response_mime_type="application/json",
            response_schema=WireExtraction,
            # Gemini 3 models deprecate sampling parameters: none is sent unless configured.
            temperature=self._temperature,
            # No tools are offered; disabling function calling also keeps its log lines out.
            automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
        )
        # The document first, then what we know about the school (Gemini's advice for files).
        parts = [part, types.Part.from_text(text=prompt)]
        malformed = 0
        while True:
            contents = [types.Content(role="user", parts=parts)]
            response = self._gemini.call(
                partial(self._generate_once, contents=contents, config=config),
                "generate_content",
                deadline=deadline,
            )
            attempts.count(TokenUsage.of(response))
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
                # Asking the same thing again tends to get the same answer (and Gemini 3
                # takes no temperature to vary it): the retry says what went wrong instead.
                parts = [part, types.Part.from_text(text=prompt + _retry_note(str(exc)))]

    def _generate_once(
        self,
        client: genai.Client,
        *,
        contents: list[types.Content],
        config: types.GenerateContentConfig,
    ) -> types.GenerateContentResponse:
        return client.models.generate_content(model=self.model, contents=contents, config=config)

    # -- results

    def _log_outcome(
        self, conversion: Conversion, attempts: _Attempts, path: str, media: GeminiMedia
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
                "media_type": media.mime_type,
                "converted": media.converted,
                "upload": path,
                "items": len(conversion.items),
                "dropped": len(conversion.dropped),
                "calls": attempts.calls,
                "tokens_used": attempts.tokens,
                "thought_tokens": attempts.thought_tokens,
            },
        )


def _retry_note(reason: str) -> str:
    return (
        f"\n\nYour previous answer to this request could not be used ({reason}). Answer again "
        "with one JSON object that follows the response schema exactly, with every item in "
        '"items", and nothing before or after it.'
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
    if items and not any(fits_schema(raw) for raw in items):
        raise _MalformedOutput("no item fits the schema")
    return answer


def _enum_name(value: Any) -> str:
    return str(getattr(value, "value", value))


__all__ = ["GeminiExtractor"]
