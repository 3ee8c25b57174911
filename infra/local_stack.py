"""The whole system in one local process, on the embedded defaults.

Every Cloud Function is served under /NAME exactly as functions-framework serves it in the
cloud; a folder stands in for the bucket and raises the same finalize CloudEvent when a file
lands there; the in-process queue POSTs tasks to the functions as Cloud Tasks would.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import flask
import functions_framework
import httpx
from werkzeug.middleware.dispatcher import DispatcherMiddleware
from werkzeug.serving import make_server

from infra.storage_events import finalized_event
from shared.adapters.clock import OffsetClock
from shared.logs import configure_logging
from shared.ports import BlobStore, Clock, Query
from shared.ports import FieldFilter as F
from shared.services.admin_access import issue_login_link
from shared.services.roster import SchoolRoster, load_roster
from shared.settings import Settings
from shared.wiring import Container, use_container

logger = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_ROSTER = Path(__file__).resolve().parent / "sample" / "school.json"
FUNCTION_NAMES = (
    "parse_newsletter",
    "index_items",
    "target_item",
    "build_digests",
    "send_digest",
    "whatsapp_webhook",
    "whatsapp_replies",
    "admin",
)


def seed_sample_school(container: Container) -> bool:
    """Load the sample school on first start, so a newcomer sees something real."""
    if container.repos.schools.count() > 0:
        return False
    roster = SchoolRoster.model_validate_json(SAMPLE_ROSTER.read_text(encoding="utf-8"))
    load_roster(roster, container.repos)
    return True


class InboxWatcher:
    """Raises the finalize CloudEvent for each new object generation in the local bucket.

    A file copied in by hand may still be growing: an object is announced only once its
    generation and size held still for one whole poll. A delivery that fails is tried again on
    the next poll, as Eventarc retries; parse_newsletter is idempotent per generation.
    """

    def __init__(
        self, blobs: BlobStore, clock: Clock, function_url: str, poll_s: float = 1.0
    ) -> None:
        self._blobs = blobs
        self._clock = clock
        self._function_url = function_url
        self._poll_s = poll_s
        self._pending: dict[str, tuple[str, int]] = {}
        self._announced: set[tuple[str, str]] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="inbox-watcher", daemon=True)
        self._client = httpx.Client(timeout=httpx.Timeout(600.0, connect=5.0))

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=10)
        self._client.close()

    def _run(self) -> None:
        while not self._stop.wait(self._poll_s):
            try:
                self.poll_once()
            except Exception:
                logger.exception("inbox poll failed")

    def poll_once(self) -> int:
        """Announce every settled, unannounced object; returns how many were delivered."""
        delivered = 0
        for blob in self._blobs.list():
            key = (blob.name, blob.generation)
            if key in self._announced:
                continue
            if self._pending.get(blob.name) != (blob.generation, blob.size_bytes):
                self._pending[blob.name] = (blob.generation, blob.size_bytes)
                continue
            # The watcher sees the object land now, by the stack's clock (not the file's mtime),
            # so a stack started with a fixed clock uploads at that time.
            headers, body = finalized_event(blob, created_at=self._clock.now())
            response = self._client.post(self._function_url, headers=headers, content=body)
            if response.is_success:
                self._announced.add(key)
                self._pending.pop(blob.name, None)
                delivered += 1
            else:
                logger.warning(
                    "finalize event not accepted; will retry",
                    extra={"object": blob.name, "status": response.status_code},
                )
        return delivered


def build_app(container: Container, base_url: str) -> DispatcherMiddleware:
    """One WSGI app: the local pages at / and each function at /NAME."""
    local = flask.Flask("parentpath-local")
    forward = httpx.Client(timeout=httpx.Timeout(600.0, connect=5.0))

    @local.get("/health")
    def health() -> flask.Response:
        return flask.jsonify(
            status="ok",
            store=container.settings.store_backend,
            blobs=container.settings.blob_backend,
            tasks=container.settings.tasks_backend,
            vectors=container.settings.vector_backend,
        )

    @local.get("/")
    def index() -> flask.Response:
        return flask.jsonify(
            inbox=str(container.settings.resolved_local_bucket_dir.resolve()),
            functions={name: f"{base_url}/{name}" for name in FUNCTION_NAMES},
            newsletters=f"{base_url}/_local/newsletters",
            items=f"{base_url}/_local/items?newsletter_id=ID",
            dead_letters=f"{base_url}/_local/dead-letters",
            tick_digests=f"POST {base_url}/_local/tick-digests",
            outbox=f"{base_url}/_local/outbox?format=text",
        )

    @local.get("/_local/newsletters")
    def newsletters() -> flask.Response:
        found = container.repos.newsletters.find(order_by="uploaded_at", descending=True, limit=50)
        return flask.jsonify([n.to_document() for n in found])

    @local.get("/_local/items")
    def items() -> flask.Response:
        newsletter_id = flask.request.args.get("newsletter_id")
        filters = [F("newsletter_id", "==", newsletter_id)] if newsletter_id else []
        found = container.repos.items.find(*filters, order_by="created_at", limit=200)
        return flask.jsonify([i.to_document() for i in found])

    @local.get("/_local/dead-letters")
    def dead_letters() -> flask.Response:
        found = container.repos.dead_letters.find(order_by="at", descending=True, limit=50)
        return flask.jsonify([d.to_document() for d in found])

    @local.get("/_local/outbox")
    def outbox() -> flask.Response:
        # What the messenger would have sent, newest first; ?to=+1604... for one family.
        from shared.adapters.messenger_outbox import OUTBOX_COLLECTION

        to = flask.request.args.get("to")
        filters = [F("to", "==", to)] if to else []
        found = container.store.query(
            Query(OUTBOX_COLLECTION, filters, order_by="at", descending=True, limit=200)
        )
        if flask.request.args.get("format") == "text":
            text = "\n\n".join(f"--- to {m['to']} ({m['stands_for']})\n{m['body']}" for m in found)
            return flask.make_response(text, 200, {"Content-Type": "text/plain; charset=utf-8"})
        return flask.jsonify(found)

    @local.post("/_local/tick-digests")
    def tick_digests() -> flask.Response:
        # What Cloud Scheduler does hourly (an authenticated POST to build_digests), except that
        # the local tick sends this week's digests now rather than at the schools' digest time.
        answer = forward.post(
            f"{base_url}/build_digests", json={"source": "local-tick", "ignore_schedule": True}
        )
        return flask.make_response(
            answer.content, answer.status_code, {"Content-Type": "application/json"}
        )

    source = str(REPO_ROOT / "main.py")
    mounts: dict[str, Any] = {
        f"/{name}": _served_at_root(functions_framework.create_app(name, source))
        for name in FUNCTION_NAMES
    }
    return DispatcherMiddleware(local, mounts)


def _served_at_root(app: Any) -> Any:
    """A function deployed alone answers at its URL's root: /NAME must not redirect to /NAME/."""

    def wsgi(environ: dict[str, Any], start_response: Any) -> Any:
        if not environ.get("PATH_INFO"):
            environ["PATH_INFO"] = "/"
        return app(environ, start_response)

    return wsgi


@dataclass
class LocalStack:
    container: Container
    base_url: str
    watcher: InboxWatcher
    server: Any

    def serve_forever(self) -> None:
        self.watcher.start()
        try:
            self.server.serve_forever()
        finally:
            self.close()

    def close(self) -> None:
        self.watcher.stop()
        self.server.server_close()
        self.container.close()


def create_local_stack(
    host: str = "127.0.0.1", port: int | None = None, clock: Clock | None = None
) -> LocalStack:
    """The stack on this machine; `clock` fixes "now" for tests (the system clock otherwise)."""
    port = port if port is not None else int(os.environ.get("PORT", "8080"))
    # Bind first, so a port of 0 (tests) is known before the queue needs the base URL.
    server = make_server(host, port, app=_placeholder, threaded=True)
    base_url = f"http://{host}:{server.server_port}"
    # Locally no IAP stands in front of the admin page: one-time links sign admins in,
    # unless the environment asks for IAP explicitly.
    admin_auth = {} if "ADMIN_AUTH" in os.environ else {"admin_auth": "login_link"}
    settings = Settings(tasks_target_base_url=base_url, **admin_auth)
    if settings.store_backend != "sqlite" or settings.blob_backend != "local":
        logger.warning("the local stack is running on cloud backends, as the settings ask")
    if clock is None and settings.local_clock_start is not None:
        clock = OffsetClock(settings.local_clock_start)
    container = Container(settings) if clock is None else Container(settings, clock=clock)
    use_container(container)
    container.settings.resolved_local_bucket_dir.mkdir(parents=True, exist_ok=True)
    seed_sample_school(container)
    server.app = build_app(container, base_url)
    watcher = InboxWatcher(container.blobs, container.clock, f"{base_url}/parse_newsletter")
    return LocalStack(container, base_url, watcher, server)


def admin_login_url(stack: LocalStack, school_id: str | None = None) -> str | None:
    """A one-time sign-in link to the admin page for the (sample) school's first admin."""
    container = stack.container
    if container.settings.admin_auth != "login_link":
        return None
    school = container.repos.schools.get(school_id or container.settings.default_school_id)
    if school is None or not school.admin_emails:
        return None
    secret = issue_login_link(
        school.admin_emails[0],
        school.id,
        container.repos,
        container.clock,
        timedelta(seconds=container.settings.admin_login_link_ttl_s),
    )
    return f"{stack.base_url}/admin/login?token={secret}"


def _admin_banner_line(stack: LocalStack) -> str:
    if stack.container.settings.admin_auth != "login_link":
        return ""
    login_url = admin_login_url(stack)
    if login_url is None:
        return "  admin page:   no sign-in link: the school lists no admin_emails\n"
    ttl_min = stack.container.settings.admin_login_link_ttl_s // 60
    return (
        f"  admin page:   {login_url}\n"
        f"                (a one-time sign-in link, valid {ttl_min} min)\n"
    )


def _placeholder(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("503 Service Unavailable", [("Content-Type", "application/json")])
    return [json.dumps({"error": "starting"}).encode()]


def main() -> None:
    stack = create_local_stack(os.environ.get("HOST", "127.0.0.1"))
    configure_logging(stack.container.settings.log_level)
    # One line per request and per task dispatch drowns what matters on a terminal.
    for chatty in ("werkzeug", "httpx"):
        logging.getLogger(chatty).setLevel(logging.WARNING)
    inbox = stack.container.settings.resolved_local_bucket_dir.resolve()
    admin_line = _admin_banner_line(stack)
    clock_start = stack.container.settings.local_clock_start
    clock_line = (
        f"  clock:        started at {clock_start.isoformat()} and runs on "
        "(LOCAL_CLOCK_START; empty for the real time)\n"
        if clock_start is not None
        else ""
    )
    print(
        f"ParentPath local stack on {stack.base_url}\n"
        f"  health:       {stack.base_url}/health\n"
        f"  overview:     {stack.base_url}/\n"
        f"{clock_line}"
        f"{admin_line}"
        f"  newsletters:  {stack.base_url}/_local/newsletters\n"
        f"  items:        {stack.base_url}/_local/items\n"
        f"  outbox:       {stack.base_url}/_local/outbox?format=text\n"
        f"  drop PDFs, images or voice notes into {inbox}/ (a sub-folder per school id,\n"
        f"  or straight in for the sample school)\n"
        f"  Ctrl-C stops it; state stays in {stack.container.settings.data_dir.resolve()}/",
        flush=True,
    )
    with contextlib.suppress(KeyboardInterrupt):
        stack.serve_forever()


if __name__ == "__main__":
    main()
