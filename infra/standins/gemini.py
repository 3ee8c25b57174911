"""Gemini API stand-in: a local HTTP server that answers the REST paths google-genai calls.

It speaks the Gemini Developer API as `genai.Client(api_key=..., http_options=
types.HttpOptions(base_url=server.base_url))` reaches it (google-genai 3.6.1):

- `POST /{version}/models/{model}:generateContent` answers the next canned response queued
  with `reply()`; an empty queue answers 500 so a test that forgot one fails loudly.
- the File API's resumable upload: `POST /upload/{version}/files` (command "start") answers
  an `X-Goog-Upload-URL`; `POST` of the bytes to that URL with "upload, finalize" answers
  `{"file": {...}}` with `X-Goog-Upload-Status: final`.
- `GET /{version}/files/{id}` and `DELETE /{version}/files/{id}`.

Errors use Google's shape, `{"error": {"code": 429, "message": ..., "status":
"RESOURCE_EXHAUSTED"}}`. Every request is recorded so tests can assert what the client sent.
The version segment is whatever the client uses (v1 by default, v1beta with
GOOGLE_GENAI_API_VERSION=beta); both are accepted. google-genai 3.6.1 writes some fields inside
parts in proto spelling (`mime_type`, `file_uri`) and inline data in URL-safe base64, as the API
allows; `RecordedRequest.media()` reads either form.

Limits: the answers are written by the tests, so they test our wiring of the official client,
not Gemini's reading; the server does not check the responseSchema against Gemini's schema
subset, nor enforce Gemini's request-size limit or quotas.
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

_STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    408: "DEADLINE_EXCEEDED",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    502: "UNAVAILABLE",
    503: "UNAVAILABLE",
    504: "DEADLINE_EXCEEDED",
}
_GENERATE = re.compile(r"^/(?P<version>v1[a-z0-9]*)/models/(?P<model>[^/:]+):generateContent$")
_UPLOAD = re.compile(r"^/upload/(?P<version>v1[a-z0-9]*)/files$")
_FILE = re.compile(r"^/(?P<version>v1[a-z0-9]*)/files/(?P<file_id>[a-z0-9-]+)$")


# --------------------------------------------------------------------------- canned answers


@dataclass(frozen=True)
class CannedResponse:
    """One answer the server gives: a status, a JSON body (or raw bytes) and extra headers."""

    status: int
    body: Any
    headers: Mapping[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # wait before answering (to exercise client timeouts)

    def encoded(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body).encode()


def usage(prompt_tokens: int = 1200, output_tokens: int = 300) -> dict[str, int]:
    return {
        "promptTokenCount": prompt_tokens,
        "candidatesTokenCount": output_tokens,
        "totalTokenCount": prompt_tokens + output_tokens,
    }


def text_reply(
    text: str,
    *,
    finish_reason: str = "STOP",
    prompt_tokens: int = 1200,
    output_tokens: int = 300,
) -> CannedResponse:
    """A generateContent answer whose one candidate says `text`."""
    return CannedResponse(
        200,
        {
            "candidates": [
                {
                    "content": {"role": "model", "parts": [{"text": text}]},
                    "finishReason": finish_reason,
                    "index": 0,
                }
            ],
            "usageMetadata": usage(prompt_tokens, output_tokens),
            "modelVersion": "gemini-2.5-flash",
        },
    )


def json_reply(payload: Any, **kwargs: Any) -> CannedResponse:
    """A generateContent answer whose text is `payload` as JSON (structured output)."""
    return text_reply(json.dumps(payload), **kwargs)


def blocked_reply(block_reason: str = "SAFETY") -> CannedResponse:
    """The prompt itself was blocked: no candidates, only promptFeedback."""
    return CannedResponse(
        200,
        {"promptFeedback": {"blockReason": block_reason}, "usageMetadata": usage(800, 0)},
    )


def error_reply(
    code: int, message: str | None = None, *, retry_delay_s: int | None = None
) -> CannedResponse:
    """An error as Google's APIs answer it; 429s may carry a RetryInfo detail."""
    error: dict[str, Any] = {
        "code": code,
        "message": message or f"fake Gemini answered {code}",
        "status": _STATUS_NAMES.get(code, "UNKNOWN"),
    }
    if retry_delay_s is not None:
        error["details"] = [
            {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": f"{retry_delay_s}s"}
        ]
    return CannedResponse(code, {"error": error})


# --------------------------------------------------------------------------- what was received


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str  # without the query string
    query: dict[str, list[str]]
    headers: dict[str, str]  # keys lower-cased
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def is_generate(self) -> bool:
        return self.method == "POST" and _GENERATE.match(self.path) is not None

    @property
    def model(self) -> str | None:
        match = _GENERATE.match(self.path)
        return match["model"] if match else None

    def prompt_text(self) -> str:
        """Every text the request carries (system instruction and user parts), joined."""
        body = self.json()
        texts = [
            part.get("text", "") for part in body.get("systemInstruction", {}).get("parts", [])
        ]
        for content in body.get("contents", []):
            texts.extend(part.get("text", "") for part in content.get("parts", []))
        return "\n".join(t for t in texts if t)

    def media(self) -> list[Media]:
        """The inline and file parts of a generateContent request, in order."""
        found: list[Media] = []
        for content in self.json().get("contents", []):
            for part in content.get("parts", []):
                if "inlineData" in part:
                    blob = part["inlineData"]
                    found.append(
                        Media(
                            kind="inline",
                            mime_type=_either(blob, "mimeType"),
                            # google-genai sends the URL-safe alphabet; the API takes both.
                            data=base64.urlsafe_b64decode(
                                str(blob.get("data", "")).replace("+", "-").replace("/", "_")
                            ),
                        )
                    )
                elif "fileData" in part:
                    ref = part["fileData"]
                    found.append(
                        Media(
                            kind="file",
                            mime_type=_either(ref, "mimeType"),
                            uri=_either(ref, "fileUri"),
                        )
                    )
        return found


@dataclass(frozen=True)
class Media:
    """A document part as sent: inline bytes, or a reference to an uploaded file."""

    kind: str  # "inline" or "file"
    mime_type: str | None
    data: bytes | None = None
    uri: str | None = None


def _either(message: Mapping[str, Any], camel: str) -> Any:
    """A field by its JSON name or its proto name: the API takes both, and google-genai 3.6.1
    sends `mime_type` and `file_uri` inside parts while sending camelCase elsewhere."""
    snake = re.sub(r"(?<!^)(?=[A-Z])", "_", camel).lower()
    return message.get(camel, message.get(snake))


@dataclass
class StoredFile:
    file_id: str
    display_name: str | None
    mime_type: str
    declared_size: int
    data: bytearray = field(default_factory=bytearray)
    state: str = "PROCESSING"
    processing_polls_left: int = 0
    created_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def name(self) -> str:
        return f"files/{self.file_id}"

    def resource(self, base_url: str, version: str) -> dict[str, Any]:
        stamp = self.created_at.isoformat().replace("+00:00", "Z")
        return {
            "name": self.name,
            **({"displayName": self.display_name} if self.display_name else {}),
            "mimeType": self.mime_type,
            "sizeBytes": str(len(self.data)),
            "createTime": stamp,
            "updateTime": stamp,
            "expirationTime": (self.created_at + timedelta(hours=48))
            .isoformat()
            .replace("+00:00", "Z"),
            "sha256Hash": base64.b64encode(bytes(32)).decode(),
            "uri": f"{base_url}/{version}/{self.name}",
            "state": self.state,
            "source": "UPLOADED",
        }


# --------------------------------------------------------------------------- the server


class FakeGemini:
    """The stand-in, as a context manager: `with FakeGemini() as gemini: gemini.base_url`.

    Scripting: `reply(...)` queues generateContent answers (used in order);
    `upload_state` is the state a finished upload reports ("ACTIVE", "PROCESSING", "FAILED")
    and `processing_polls` how many `files.get` calls still see PROCESSING before ACTIVE;
    `fail_upload_start` queues answers for the upload's start request (e.g. a 503).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._replies: deque[CannedResponse] = deque()
        self._upload_start_failures: deque[CannedResponse] = deque()
        self._requests: list[RecordedRequest] = []
        self._files: dict[str, StoredFile] = {}
        self._ids = itertools.count(1)
        self.deleted_files: list[str] = []
        self.upload_state = "ACTIVE"
        self.processing_polls = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle

    def __enter__(self) -> FakeGemini:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        handler = type("Handler", (_Handler,), {"fake": self})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        # A short poll interval makes stop() quick (the default half second adds up in tests).
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.02,), name="fake-gemini", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake Gemini server is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    # -- scripting

    def reply(self, *responses: CannedResponse) -> None:
        with self._lock:
            self._replies.extend(responses)

    def fail_upload_start(self, *responses: CannedResponse) -> None:
        with self._lock:
            self._upload_start_failures.extend(responses)

    @property
    def pending_replies(self) -> int:
        with self._lock:
            return len(self._replies)

    # -- inspection

    @property
    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)

    @property
    def generate_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.is_generate]

    @property
    def files(self) -> dict[str, StoredFile]:
        """Uploaded files not deleted yet, by name ("files/ID")."""
        with self._lock:
            return {f.name: f for f in self._files.values()}

    # -- request handling (called from the handler threads)

    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _answer(self, request: RecordedRequest) -> CannedResponse:
        if request.method == "POST" and (match := _GENERATE.match(request.path)):
            return self._generate(request, match["version"])
        if request.method == "POST" and (match := _UPLOAD.match(request.path)):
            if "upload_id" in request.query:
                return self._upload_bytes(request, match["version"])
            return self._upload_start(request, match["version"])
        if match := _FILE.match(request.path):
            if request.method == "GET":
                return self._get_file(match["file_id"], match["version"])
            if request.method == "DELETE":
                return self._delete_file(match["file_id"])
        return error_reply(404, f"fake Gemini has no route {request.method} {request.path}")

    def _generate(self, request: RecordedRequest, version: str) -> CannedResponse:
        try:
            body = request.json()
        except ValueError:
            return error_reply(400, "Invalid JSON payload received.")
        if not body.get("contents"):
            return error_reply(400, "* GenerateContentRequest.contents: contents is not specified")
        # As Gemini does: a request that names a file nobody holds any more is refused.
        for content in body["contents"]:
            for part in content.get("parts", []):
                uri = _either(part.get("fileData", {}), "fileUri")
                if uri is None:
                    continue
                file_id = uri.rsplit("/", 1)[-1]
                with self._lock:
                    stored = self._files.get(file_id)
                if stored is None:
                    return error_reply(
                        403,
                        f"You do not have permission to access the File {file_id} "
                        "or it may not exist.",
                    )
                if stored.state != "ACTIVE":
                    return error_reply(
                        400,
                        f"The File {file_id} is not in an ACTIVE state and usage is not allowed.",
                    )
        with self._lock:
            if self._replies:
                return self._replies.popleft()
        return error_reply(500, "fake Gemini: no canned response queued")

    def _upload_start(self, request: RecordedRequest, version: str) -> CannedResponse:
        with self._lock:
            if self._upload_start_failures:
                return self._upload_start_failures.popleft()
        headers = request.headers
        if headers.get("x-goog-upload-protocol") != "resumable" or (
            headers.get("x-goog-upload-command") != "start"
        ):
            return error_reply(400, "expected a resumable upload start")
        try:
            declared = int(headers["x-goog-upload-header-content-length"])
            mime_type = headers["x-goog-upload-header-content-type"]
        except (KeyError, ValueError):
            return error_reply(400, "missing X-Goog-Upload-Header-Content-Length/-Type")
        try:
            metadata = request.json().get("file", {}) if request.body else {}
        except ValueError:
            return error_reply(400, "Invalid JSON payload received.")
        file_id = f"fake{next(self._ids):06d}"
        stored = StoredFile(
            file_id=file_id,
            # The client sends proto field names (display_name); the API takes either spelling.
            display_name=metadata.get("displayName", metadata.get("display_name")),
            mime_type=mime_type,
            declared_size=declared,
        )
        with self._lock:
            self._files[file_id] = stored
        upload_url = (
            f"{self.base_url}/upload/{version}/files?upload_id={file_id}&upload_protocol=resumable"
        )
        return CannedResponse(
            200, b"", {"X-Goog-Upload-URL": upload_url, "X-Goog-Upload-Status": "active"}
        )

    def _upload_bytes(self, request: RecordedRequest, version: str) -> CannedResponse:
        file_id = request.query["upload_id"][0]
        with self._lock:
            stored = self._files.get(file_id)
        final = {"X-Goog-Upload-Status": "final"}
        if stored is None:
            return CannedResponse(404, error_reply(404, "no such upload").body, final)
        command = {c.strip() for c in request.headers.get("x-goog-upload-command", "").split(",")}
        offset = int(request.headers.get("x-goog-upload-offset", "-1"))
        if "upload" not in command or offset != len(stored.data):
            return CannedResponse(400, error_reply(400, "bad upload offset").body, final)
        stored.data.extend(request.body)
        if "finalize" not in command:
            return CannedResponse(200, b"", {"X-Goog-Upload-Status": "active"})
        if len(stored.data) != stored.declared_size:
            return CannedResponse(400, error_reply(400, "size mismatch").body, final)
        stored.state = self.upload_state
        stored.processing_polls_left = self.processing_polls
        return CannedResponse(200, {"file": stored.resource(self.base_url, version)}, final)

    def _get_file(self, file_id: str, version: str) -> CannedResponse:
        with self._lock:
            stored = self._files.get(file_id)
            if stored is None:
                return error_reply(403, f"You do not have permission to access the File {file_id}")
            if stored.state == "PROCESSING":
                if stored.processing_polls_left > 0:
                    stored.processing_polls_left -= 1
                else:
                    stored.state = "ACTIVE"
            return CannedResponse(200, stored.resource(self.base_url, version))

    def _delete_file(self, file_id: str) -> CannedResponse:
        with self._lock:
            stored = self._files.pop(file_id, None)
            if stored is None:
                return error_reply(403, f"You do not have permission to access the File {file_id}")
            self.deleted_files.append(stored.name)
        return CannedResponse(200, {})


class _Handler(BaseHTTPRequestHandler):
    fake: FakeGemini  # set on the subclass FakeGemini.start makes

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def _handle(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        url = urlsplit(self.path)
        request = RecordedRequest(
            method=self.command,
            path=url.path,
            query=parse_qs(url.query),
            headers={k.lower(): v for k, v in self.headers.items()},
            body=body,
        )
        self.fake._record(request)
        answer = self.fake._answer(request)
        if answer.delay_s:
            time.sleep(answer.delay_s)
        payload = answer.encoded()
        self.send_response(answer.status)
        if payload:
            self.send_header("Content-Type", "application/json; charset=UTF-8")
        self.send_header("Content-Length", str(len(payload)))
        for name, value in answer.headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # tests read `requests`, not stderr
