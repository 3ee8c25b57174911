"""Contract of the TaskQueue port: one set of assertions for Cloud Tasks and the in-process queue.

The Cloud Tasks adapter runs against the gcloud-tasks-emulator, which differs from Cloud Tasks
in ways these tests state where they meet them (EMULATOR_* reasons below).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from email.message import Message
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import grpc
import pytest
from google.cloud import tasks_v2
from google.cloud.tasks_v2.services.cloud_tasks.transports import CloudTasksGrpcTransport

from infra.standins.cloud_tasks import cloud_tasks_emulator
from infra.standins.process import StandinUnavailable
from shared.adapters.tasks_cloud import CloudTasksQueue
from shared.adapters.tasks_http import task_id
from shared.adapters.tasks_inprocess import InProcessTaskQueue
from shared.ports import TaskQueue
from shared.records import DeadLetter
from tests.conftest import standin_missing

T = TypeVar("T")

PROJECT = "demo-parentpath"
LOCATION = "northamerica-northeast1"
MAX_ATTEMPTS = 3
MIN_BACKOFF_S = 0.05
MAX_BACKOFF_S = 0.2
DEADLINE_S = 10.0

EMULATOR_NO_DEDUP = (
    "gcloud-tasks-emulator 0.6.2 accepts a second task with a used name and delivers both; "
    "Cloud Tasks answers AlreadyExists"
)
EMULATOR_NO_DEAD_LETTER = (
    "gcloud-tasks-emulator 0.6.2 ignores the queue's max_attempts (it retries for ever unless "
    "started with -r) and has no dead letter, nor does Cloud Tasks itself"
)


def wait_until(predicate: Callable[[], T | None], what: str, timeout_s: float = DEADLINE_S) -> T:
    deadline = time.monotonic() + timeout_s
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout_s} s waiting for {what}")
        time.sleep(0.02)


# --------------------------------------------------------------------------- the target


@dataclass(frozen=True)
class Delivery:
    method: str
    path: str
    headers: Message  # case-insensitive, as HTTP headers are
    body: bytes
    at: float  # time.monotonic() on arrival

    def json(self) -> Any:
        return json.loads(self.body)

    def header_int(self, name: str) -> int:
        return int(self.headers[name])


class Receiver:
    """Stands in for the functions: records every request; can fail the first N for a path."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._deliveries: list[Delivery] = []
        self._failures: dict[str, int] = {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                fail = receiver._record(
                    Delivery("POST", self.path, self.headers, body, time.monotonic())
                )
                answer = b"boom" if fail else b"ok"
                self.send_response(500 if fail else 200)
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        # A short poll interval: shutdown() waits for one, and every test stops a receiver.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def fail_first(self, path: str, times: int) -> None:
        with self._lock:
            self._failures[path] = times

    def deliveries(self, path: str | None = None) -> list[Delivery]:
        with self._lock:
            return [d for d in self._deliveries if path is None or d.path == path]

    def wait_for(self, path: str, count: int) -> list[Delivery]:
        def arrived() -> list[Delivery] | None:
            got = self.deliveries(path)
            return got if len(got) >= count else None

        return wait_until(arrived, f"{count} deliveries to {path}")

    def _record(self, delivery: Delivery) -> bool:
        with self._lock:
            self._deliveries.append(delivery)
            left = self._failures.get(delivery.path, 0)
            if left > 0:
                self._failures[delivery.path] = left - 1
            return left > 0

    def __enter__(self) -> Receiver:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with Receiver() as r:
        yield r


# --------------------------------------------------------------------------- the adapters


@dataclass
class Emulator:
    host: str
    admin: tasks_v2.CloudTasksClient

    def settle(self, queue_path: str, receiver: Receiver) -> None:
        # The emulator has no idle signal: wait until it lists no task, then until no delivery
        # has arrived for a couple of its 0.1 s dispatch loops, so that a task it has just taken
        # off the list is delivered too.
        wait_until(lambda: not list(self.admin.list_tasks(parent=queue_path)), "an empty queue")
        last_change = [len(receiver.deliveries()), time.monotonic()]

        def quiet() -> bool:
            count, now = len(receiver.deliveries()), time.monotonic()
            if count != last_change[0]:
                last_change[:] = [count, now]
            return now - last_change[1] >= 0.25

        wait_until(quiet, "deliveries to stop")


@pytest.fixture(scope="module")
def emulator(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Emulator]:
    log_dir: Path = tmp_path_factory.mktemp("cloud-tasks")
    with contextlib.ExitStack() as stack:
        try:
            host = stack.enter_context(cloud_tasks_emulator(log_dir))
        except StandinUnavailable as exc:
            standin_missing("Cloud Tasks emulator", exc)
        channel = grpc.insecure_channel(host)
        admin = tasks_v2.CloudTasksClient(transport=CloudTasksGrpcTransport(channel=channel))
        stack.callback(admin.transport.close)
        yield Emulator(host, admin)


@dataclass
class Harness:
    kind: str
    queue: TaskQueue
    queue_name: str
    settle: Callable[[], None]  # returns once the queue has nothing left to deliver
    dead_letters: list[DeadLetter]


@pytest.fixture(params=["inprocess", pytest.param("cloudtasks", marks=pytest.mark.emulator)])
def harness(request: pytest.FixtureRequest, receiver: Receiver) -> Iterator[Harness]:
    # A queue per test: the emulator keeps state across tests, and retries for ever.
    queue_name = f"contract-{uuid.uuid4().hex[:12]}"
    dead_letters: list[DeadLetter] = []
    if request.param == "inprocess":
        inprocess = InProcessTaskQueue(
            target_base_url=receiver.url,
            on_dead_letter=dead_letters.append,
            queue=queue_name,
            max_attempts=MAX_ATTEMPTS,
            min_backoff_s=MIN_BACKOFF_S,
            max_backoff_s=MAX_BACKOFF_S,
        )

        def settle_inprocess() -> None:
            assert inprocess.wait_idle(DEADLINE_S), "the in-process queue did not go idle"

        with inprocess:
            yield Harness("inprocess", inprocess, queue_name, settle_inprocess, dead_letters)
        return

    emulator: Emulator = request.getfixturevalue("emulator")
    cloud = CloudTasksQueue(
        project=PROJECT,
        location=LOCATION,
        queue=queue_name,
        target_base_url=receiver.url,
        service_account_email=f"tasks@{PROJECT}.iam.gserviceaccount.com",
        emulator_host=emulator.host,
        max_attempts=MAX_ATTEMPTS,
        min_backoff_s=MIN_BACKOFF_S,
        max_backoff_s=MAX_BACKOFF_S,
    )
    with cloud:
        cloud.ensure_queue()
        try:
            yield Harness(
                "cloudtasks",
                cloud,
                queue_name,
                lambda: emulator.settle(cloud.queue_path, receiver),
                dead_letters,
            )
        finally:
            emulator.admin.delete_queue(name=cloud.queue_path)


# --------------------------------------------------------------------------- the contract


def test_posts_the_json_payload_to_the_function_path(harness: Harness, receiver: Receiver) -> None:
    payload = {"newsletter_id": "n-1", "note": "café ☕", "grades": [0, 3]}

    assert harness.queue.enqueue("parse_newsletter", payload) is True

    [delivery] = receiver.wait_for("/parse_newsletter", 1)
    assert delivery.method == "POST"
    assert delivery.headers["Content-Type"].split(";")[0].strip() == "application/json"
    assert delivery.json() == payload
    assert delivery.header_int("X-CloudTasks-TaskRetryCount") == 0
    assert delivery.header_int("X-CloudTasks-TaskExecutionCount") == 0
    assert delivery.headers["X-CloudTasks-TaskName"]
    # Cloud Tasks and the in-process queue send the queue's id, the emulator its full path.
    assert delivery.headers["X-CloudTasks-QueueName"].rsplit("/", 1)[-1] == harness.queue_name
    assert [d.path for d in receiver.deliveries()] == ["/parse_newsletter"]


def test_a_failing_answer_is_retried_until_it_succeeds(
    harness: Harness, receiver: Receiver
) -> None:
    receiver.fail_first("/send_digest", 2)

    assert harness.queue.enqueue("send_digest", {"digest_id": "d-1"}, task_name="digest-d-1")

    receiver.wait_for("/send_digest", 3)
    harness.settle()
    deliveries = receiver.deliveries("/send_digest")
    assert [d.header_int("X-CloudTasks-TaskRetryCount") for d in deliveries] == [0, 1, 2]
    assert all(d.json() == {"digest_id": "d-1"} for d in deliveries)
    # A name already in Cloud Tasks' alphabet is kept as it is.
    assert {d.headers["X-CloudTasks-TaskName"] for d in deliveries} == {"digest-d-1"}


def test_a_task_name_is_used_once(
    harness: Harness, receiver: Receiver, request: pytest.FixtureRequest
) -> None:
    if harness.kind == "cloudtasks":
        request.applymarker(pytest.mark.xfail(strict=True, reason=EMULATOR_NO_DEDUP))
    # Outside Cloud Tasks' alphabet, so the adapters hash it.
    name = "digest:sample-school/2026-W10/+15551234567"

    assert harness.queue.enqueue("send_digest", {"n": 1}, task_name=name) is True
    assert harness.queue.enqueue("send_digest", {"n": 2}, task_name=name) is False

    receiver.wait_for("/send_digest", 1)
    harness.settle()
    # Still refused once delivered (Cloud Tasks keeps a used name for about an hour at least).
    assert harness.queue.enqueue("send_digest", {"n": 3}, task_name=name) is False
    harness.settle()
    [delivery] = receiver.deliveries("/send_digest")
    assert delivery.json() == {"n": 1}
    assert delivery.headers["X-CloudTasks-TaskName"] == task_id(name)


def test_a_delayed_task_waits_for_its_time(harness: Harness, receiver: Receiver) -> None:
    enqueued_at = time.monotonic()

    assert harness.queue.enqueue("send_reminder", {"card_id": "c-1"}, delay_s=1.0) is True

    [delivery] = receiver.wait_for("/send_reminder", 1)
    # A little slack: the emulator compares the schedule with its own wall clock.
    assert delivery.at - enqueued_at >= 0.95


def test_a_task_is_dead_lettered_after_its_last_attempt(
    harness: Harness, receiver: Receiver
) -> None:
    if harness.kind == "cloudtasks":
        pytest.skip(EMULATOR_NO_DEAD_LETTER)
    receiver.fail_first("/parse_newsletter", 1_000)
    payload = {"newsletter_id": "n-9"}

    assert harness.queue.enqueue("parse_newsletter", payload, task_name="parse-n-9")

    harness.settle()
    deliveries = receiver.deliveries("/parse_newsletter")
    assert len(deliveries) == MAX_ATTEMPTS
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(deliveries)]
    assert gaps[0] >= MIN_BACKOFF_S
    assert gaps[1] >= 2 * MIN_BACKOFF_S
    [dead] = harness.dead_letters
    assert dead.id == "parse-n-9"
    assert dead.queue == harness.queue_name
    assert dead.target == "parse_newsletter"
    assert dead.payload == payload
    assert dead.attempts == MAX_ATTEMPTS
    assert dead.last_error.startswith("HTTP 500")
    assert dead.at.utcoffset() == timedelta(0)


@pytest.mark.emulator
def test_a_target_with_a_queue_of_its_own_is_dispatched_from_that_queue(
    emulator: Emulator, receiver: Receiver
) -> None:
    default_queue = f"contract-{uuid.uuid4().hex[:12]}"
    own_queue = f"{default_queue}-indexing"
    common = {
        "project": PROJECT,
        "location": LOCATION,
        "target_base_url": receiver.url,
        "emulator_host": emulator.host,
    }
    for name in (default_queue, own_queue):
        with CloudTasksQueue(queue=name, **common) as creator:
            creator.ensure_queue()
    with CloudTasksQueue(
        queue=default_queue, queue_by_target={"index_items": own_queue}, **common
    ) as queue:
        assert queue.enqueue("index_items", {"newsletter_id": "n-1"}, task_name="index-n-1")
        assert queue.enqueue("target_item", {"item_id": "i-1"})

        [indexed] = receiver.wait_for("/index_items", 1)
        [targeted] = receiver.wait_for("/target_item", 1)

    # Cloud Tasks sends the queue's short name, the emulator its full path.
    assert indexed.headers["X-CloudTasks-QueueName"].rsplit("/", 1)[-1] == own_queue
    assert targeted.headers["X-CloudTasks-QueueName"].rsplit("/", 1)[-1] == default_queue
