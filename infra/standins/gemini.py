"""Gemini API stand-in: a local HTTP server that answers the REST paths google-genai calls,
as strictly as the real API.

It speaks the Gemini Developer API as `genai.Client(api_key=..., http_options=
types.HttpOptions(base_url=server.base_url))` reaches it (google-genai 3.6.1):

- `POST /{version}/models/{model}:generateContent` answers the next canned response queued
  with `reply()`, or what the next queued answerer (a function of the request) writes, for
  answers that depend on what was asked (a translation of the texts sent); an empty queue
  answers 500 so a test that forgot one fails loudly. Before
  that it refuses, with the real error bodies (`infra.standins.gemini_rules`), what Gemini
  refuses: a part whose MIME type Gemini does not document, a `responseSchema` keyword outside
  Gemini's Schema, a file that is gone (403) or not ACTIVE (400 FAILED_PRECONDITION).
- the File API's resumable upload: `POST /upload/{version}/files` (command "start") answers
  an `X-Goog-Upload-URL`; `POST` of the bytes to that URL with "upload, finalize" answers
  `{"file": {...}}` with `X-Goog-Upload-Status: final`.
- `GET /{version}/files/{id}` and `DELETE /{version}/files/{id}`.

Answers are built like Gemini's: `usageMetadata` carries `thoughtsTokenCount` when the model
thought (and `totalTokenCount` includes it); 429s can carry `RetryInfo` and a `QuotaFailure`
(`quota_reply`); DEADLINE_EXCEEDED is a 504 given only when a reply's `processing_s` outlasts
the deadline the client sent in `X-Server-Timeout`, as the real API does.

Routes are a table (`Route`): another module adds its own endpoints with `add_route` (for
example `:batchEmbedContents`) without editing this one. Every request is recorded so tests
can assert what the client sent. The version segment is whatever the client uses (v1 by
default, v1beta with GOOGLE_GENAI_API_VERSION=beta); both are accepted. google-genai 3.6.1
writes some fields inside parts in proto spelling (`mime_type`, `file_uri`) and inline data in
URL-safe base64, as the API allows; `RecordedRequest.media()` reads either form.

Limits: the answers are written by the tests, so they test our wiring of the official client,
not Gemini's reading; `responseJsonSchema` is passed unchecked; request size and quotas are
not enforced (quota answers are scripted).
"""

from __future__ import annotations

import base64
import itertools
import json
import re
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any
from urllib.parse import parse_qs, urlsplit

from infra.standins.gemini_answers import (
    PER_DAY_QUOTA,
    PER_MINUTE_QUOTA,
    CannedResponse,
    blocked_reply,
    error_reply,
    json_reply,
    quota_reply,
    text_reply,
    usage,
)
from infra.standins.gemini_rules import (
    error_body,
    field_of,
    parts_of,
    unsupported_media,
    unsupported_schema,
)

_GENERATE = re.compile(r"^/(?P<version>v1[a-z0-9]*)/models/(?P<model>[^/:]+):generateContent$")
_UPLOAD = re.compile(r"^/upload/(?P<version>v1[a-z0-9]*)/files$")
_FILE = re.compile(r"^/(?P<version>v1[a-z0-9]*)/files/(?P<file_id>[a-z0-9-]+)$")

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
                            mime_type=field_of(blob, "mimeType"),
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
                            mime_type=field_of(ref, "mimeType"),
                            uri=field_of(ref, "fileUri"),
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


RouteHandler = Callable[[RecordedRequest, re.Match[str]], CannedResponse]
# A generateContent answer: canned, or written from the request it answers.
Reply = CannedResponse | Callable[[RecordedRequest], CannedResponse]


@dataclass(frozen=True)
class Route:
    """One endpoint: requests with this method whose path matches go to the handler."""

    method: str
    pattern: re.Pattern[str]
    handler: RouteHandler


class FakeGemini:
    """The stand-in, as a context manager: `with FakeGemini() as gemini: gemini.base_url`.

    Endpoints are `Route`s tried in order; `add_route` adds one (another module's endpoint).
    Scripting: `reply(...)` queues generateContent answers (used in order);
    `upload_state` is the state a finished upload reports ("ACTIVE", "PROCESSING", "FAILED")
    and `processing_polls` how many `files.get` calls still see PROCESSING before ACTIVE;
    `fail_upload_start` queues answers for the upload's start request (e.g. a 503).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._replies: deque[Reply] = deque()
        self._upload_start_failures: deque[CannedResponse] = deque()
        self._requests: list[RecordedRequest] = []
        self._files: dict[str, StoredFile] = {}
        self._ids = itertools.count(1)
        self.deleted_files: list[str] = []
        self.upload_state = "ACTIVE"
        self.processing_polls = 0
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._routes: list[Route] = [
            Route("POST", _GENERATE, self._generate),
            Route("POST", _UPLOAD, self._upload),
            Route("GET", _FILE, self._get_file),
            Route("DELETE", _FILE, self._delete_file),
        ]

    def add_route(self, method: str, pattern: str | re.Pattern[str], handler: RouteHandler) -> None:
        """Answer `method` requests whose path matches `pattern` with `handler`; routes added
        later are tried after the built-in ones."""
        with self._lock:
            self._routes.append(Route(method.upper(), re.compile(pattern), handler))

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

    def reply(self, *responses: Reply) -> None:
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
        with self._lock:
            routes = list(self._routes)
        for route in routes:
            if route.method == request.method and (match := route.pattern.match(request.path)):
                return route.handler(request, match)
        return error_reply(404, f"fake Gemini has no route {request.method} {request.path}")

    def _generate(self, request: RecordedRequest, match: re.Match[str]) -> CannedResponse:
        try:
            body = request.json()
        except ValueError:
            return error_reply(400, "Invalid JSON payload received.")
        if not isinstance(body, dict) or not body.get("contents"):
            return error_reply(400, "* GenerateContentRequest.contents: contents is not specified")
        refusal = unsupported_schema(body) or unsupported_media(body) or self._unusable_file(body)
        if refusal is not None:
            return CannedResponse(refusal["error"]["code"], refusal)
        with self._lock:
            reply = self._replies.popleft() if self._replies else None
        if reply is None:
            return error_reply(500, "fake Gemini: no canned response queued")
        if callable(reply):
            reply = reply(request)
        deadline = request.headers.get("x-server-timeout")
        if reply.processing_s and deadline and reply.processing_s > float(deadline):
            return error_reply(504, "Deadline expired before operation could complete.")
        return reply

    def _unusable_file(self, body: Mapping[str, Any]) -> dict[str, Any] | None:
        """As Gemini does: a part naming a file nobody holds any more, or one not ACTIVE yet,
        is refused."""
        for _c, _p, part in parts_of(body):
            ref = field_of(part, "fileData")
            uri = field_of(ref, "fileUri") if isinstance(ref, Mapping) else None
            if uri is None:
                continue
            file_id = str(uri).rsplit("/", 1)[-1]
            with self._lock:
                stored = self._files.get(file_id)
            if stored is None:
                return error_body(
                    403,
                    f"You do not have permission to access the File {file_id} or it may not exist.",
                )
            if stored.state != "ACTIVE":
                return error_body(
                    400,
                    f"The File {file_id} is not in an ACTIVE state and usage is not allowed.",
                    status="FAILED_PRECONDITION",
                )
        return None

    def _upload(self, request: RecordedRequest, match: re.Match[str]) -> CannedResponse:
        if "upload_id" in request.query:
            return self._upload_bytes(request, match["version"])
        return self._upload_start(request, match["version"])

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

    def _get_file(self, request: RecordedRequest, match: re.Match[str]) -> CannedResponse:
        file_id, version = match["file_id"], match["version"]
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

    def _delete_file(self, request: RecordedRequest, match: re.Match[str]) -> CannedResponse:
        file_id = match["file_id"]
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


__all__ = [  # the answers are built in gemini_answers; tests take them from here
    "PER_DAY_QUOTA",
    "PER_MINUTE_QUOTA",
    "CannedResponse",
    "FakeGemini",
    "Media",
    "RecordedRequest",
    "Reply",
    "Route",
    "blocked_reply",
    "error_reply",
    "json_reply",
    "quota_reply",
    "text_reply",
    "usage",
]
