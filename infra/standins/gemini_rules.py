"""What the real Gemini API refuses, and the error bodies it refuses with, for the stand-in.

Each check returns None when the request passes, or the error answer Gemini gives:

- a part whose MIME type Gemini does not document: 400 INVALID_ARGUMENT
  "Unsupported MIME type: audio/mpeg" (the body Google answers, e.g. python-genai issue 744);
- a `responseSchema` keyword outside Gemini's Schema (an OpenAPI subset): 400 INVALID_ARGUMENT
  `Invalid JSON payload received. Unknown name "additionalProperties" at
  'generation_config.response_schema.properties[0].value': Cannot find field.` with a
  google.rpc.BadRequest detail, as Google's JSON-to-proto front end answers; `"type"` given as
  a list gets "Proto field is not repeating, cannot start list.";
- a file that is not ACTIVE: 400 FAILED_PRECONDITION.

Errors have Google's shape, `{"error": {"code", "message", "status", "details"}}`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

# Media Gemini documents (ai.google.dev/gemini-api/docs: image, audio, video and document
# understanding, checked 2026-12-03). audio/mpeg and audio/mp4 are not on the list.
DOCUMENTED_MIME_TYPES = frozenset(
    {
        "application/pdf",
        "image/png",
        "image/jpeg",
        "image/webp",
        "image/heic",
        "image/heif",
        "audio/wav",
        "audio/mp3",
        "audio/aiff",
        "audio/aac",
        "audio/ogg",
        "audio/flac",
        "video/mp4",
        "video/mpeg",
        "video/mov",
        "video/avi",
        "video/x-flv",
        "video/mpg",
        "video/webm",
        "video/wmv",
        "video/3gpp",
        "text/plain",
        "text/html",
        "text/css",
        "text/csv",
        "text/xml",
        "text/rtf",
        "text/md",
        "text/javascript",
        "application/x-javascript",
        "text/x-python",
        "application/x-python",
    }
)

# The fields of Gemini's Schema message, by their JSON and proto spellings (the front end
# takes both). Anything else (`$ref`, `$defs`, `additionalProperties`, `oneOf`, `allOf`,
# `const`...) is an unknown field.
_SCHEMA_FIELDS = {
    "type": "type",
    "format": "format",
    "title": "title",
    "description": "description",
    "nullable": "nullable",
    "enum": "enum",
    "maxItems": "max_items",
    "minItems": "min_items",
    "properties": "properties",
    "required": "required",
    "minProperties": "min_properties",
    "maxProperties": "max_properties",
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
    "example": "example",
    "anyOf": "any_of",
    "propertyOrdering": "property_ordering",
    "default": "default",
    "items": "items",
    "minimum": "minimum",
    "maximum": "maximum",
}
_KNOWN_NAMES = frozenset(_SCHEMA_FIELDS) | frozenset(_SCHEMA_FIELDS.values())
_TYPES = frozenset({"TYPE_UNSPECIFIED", "STRING", "NUMBER", "INTEGER", "BOOLEAN", "ARRAY"})
_TYPES |= {"OBJECT", "NULL"}

_STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    # Gemini answers DEADLINE_EXCEEDED as 504 only, when the request outlives its deadline
    # (X-Server-Timeout); it never answers 408.
    504: "DEADLINE_EXCEEDED",
}


def error_body(
    code: int,
    message: str,
    *,
    status: str | None = None,
    details: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    error: dict[str, Any] = {
        "code": code,
        "message": message,
        "status": status or _STATUS_NAMES.get(code, "UNKNOWN"),
    }
    if details:
        error["details"] = details
    return {"error": error}


def field_of(message: Mapping[str, Any], camel: str) -> Any:
    """A field by its JSON name or its proto name: the API takes both, and google-genai 3.6.1
    sends `mime_type` and `file_uri` inside parts while sending camelCase elsewhere."""
    snake = "".join(f"_{c.lower()}" if c.isupper() else c for c in camel)
    return message.get(camel, message.get(snake))


def parts_of(body: Mapping[str, Any]) -> Iterator[tuple[int, int, Mapping[str, Any]]]:
    for c, content in enumerate(body.get("contents") or []):
        for p, part in enumerate(content.get("parts") or []):
            if isinstance(part, Mapping):
                yield c, p, part


def unsupported_media(body: Mapping[str, Any]) -> dict[str, Any] | None:
    """Gemini's answer to a part whose MIME type it does not read, if any."""
    for _c, _p, part in parts_of(body):
        for key in ("inlineData", "inline_data", "fileData", "file_data"):
            blob = part.get(key)
            if not isinstance(blob, Mapping):
                continue
            mime_type = str(field_of(blob, "mimeType") or "")
            if mime_type not in DOCUMENTED_MIME_TYPES:
                return error_body(400, f"Unsupported MIME type: {mime_type}")
    return None


def unsupported_schema(body: Mapping[str, Any]) -> dict[str, Any] | None:
    """Gemini's answer to a responseSchema with a keyword its Schema does not have, if any."""
    config = field_of(body, "generationConfig") or {}
    schema = field_of(config, "responseSchema") if isinstance(config, Mapping) else None
    if schema is None:
        return None
    problems = list(_schema_problems(schema, "generation_config.response_schema"))
    if not problems:
        return None
    violations = [{"field": path, "description": text} for path, text in problems]
    return error_body(
        400,
        "\n".join(text for _path, text in problems),
        details=[
            {"@type": "type.googleapis.com/google.rpc.BadRequest", "fieldViolations": violations}
        ],
    )


def _schema_problems(schema: Any, path: str) -> Iterator[tuple[str, str]]:
    if not isinstance(schema, Mapping):
        yield path, f"Invalid value at '{path}': Starting an object on a scalar field"
        return
    for name, value in schema.items():
        if name not in _KNOWN_NAMES:
            yield (
                path,
                (
                    f"Invalid JSON payload received. Unknown name \"{name}\" at '{path}': "
                    "Cannot find field."
                ),
            )
            continue
        if name == "type":
            if isinstance(value, list):
                yield (
                    path,
                    (
                        f"Invalid JSON payload received. Unknown name \"type\" at '{path}': "
                        "Proto field is not repeating, cannot start list."
                    ),
                )
            elif str(value).upper() not in _TYPES:
                yield (
                    f"{path}.type",
                    (
                        f"Invalid value at '{path}.type' (type.googleapis.com/"
                        f'google.ai.generativelanguage.v1.Type), "{value}"'
                    ),
                )
        elif name == "properties" and isinstance(value, Mapping):
            for index, child in enumerate(value.values()):
                yield from _schema_problems(child, f"{path}.properties[{index}].value")
        elif name == "items":
            yield from _schema_problems(value, f"{path}.items")
        elif name in ("anyOf", "any_of") and isinstance(value, list):
            for index, child in enumerate(value):
                yield from _schema_problems(child, f"{path}.any_of[{index}]")
