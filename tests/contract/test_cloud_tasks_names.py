"""The Cloud Tasks adapter maps the service's answers the way idempotent fan-out relies on.

The emulator does not de-duplicate task names, so this runs the adapter against a small gRPC
server that speaks the real `google.cloud.tasks.v2.CloudTasks` protocol and answers as Cloud
Tasks documents: ALREADY_EXISTS for a name used before, RESOURCE_EXHAUSTED when over quota.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent import futures
from typing import Any

import grpc
import pytest
from google.cloud import tasks_v2

from shared.adapters.tasks_cloud import CloudTasksQueue
from shared.adapters.tasks_http import task_id
from shared.errors import TransientError

QUEUE = "projects/demo/locations/here/queues/q"


class CloudTasksDouble:
    """CreateTask as Cloud Tasks answers it: a task name is taken once, for good."""

    def __init__(self) -> None:
        self.names: list[str] = []
        self.exhausted = False
        self._lock = threading.Lock()

    def create_task(
        self, request: tasks_v2.CreateTaskRequest, context: grpc.ServicerContext
    ) -> Any:
        if self.exhausted:
            context.abort(grpc.StatusCode.RESOURCE_EXHAUSTED, "Quota exceeded")
        with self._lock:
            if request.task.name and request.task.name in self.names:
                context.abort(grpc.StatusCode.ALREADY_EXISTS, "Requested entity already exists")
            self.names.append(request.task.name)
        return tasks_v2.Task(name=request.task.name or f"{request.parent}/tasks/generated")


@pytest.fixture
def service() -> Iterator[tuple[CloudTasksDouble, str]]:
    double = CloudTasksDouble()
    handler = grpc.method_handlers_generic_handler(
        "google.cloud.tasks.v2.CloudTasks",
        {
            "CreateTask": grpc.unary_unary_rpc_method_handler(
                double.create_task,
                request_deserializer=tasks_v2.CreateTaskRequest.deserialize,
                response_serializer=tasks_v2.Task.serialize,
            )
        },
    )
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    server.add_generic_rpc_handlers((handler,))
    port = server.add_insecure_port("127.0.0.1:0")
    server.start()
    try:
        yield double, f"127.0.0.1:{port}"
    finally:
        server.stop(grace=None)


def queue_on(host: str) -> CloudTasksQueue:
    project, location, queue = QUEUE.split("/")[1::2]
    return CloudTasksQueue(
        project=project,
        location=location,
        queue=queue,
        target_base_url="http://functions.test",
        emulator_host=host,
    )


def test_a_used_task_name_reads_as_already_queued(service: tuple[CloudTasksDouble, str]) -> None:
    double, host = service
    with queue_on(host) as queue:
        assert queue.enqueue("target_item", {"item_id": "i1"}, task_name="target-i1") is True
        assert queue.enqueue("target_item", {"item_id": "i1"}, task_name="target-i1") is False
        assert queue.enqueue("target_item", {"item_id": "i2"}, task_name="target-i2") is True
    assert double.names == [
        f"{QUEUE}/tasks/{task_id('target-i1')}",
        f"{QUEUE}/tasks/{task_id('target-i2')}",
    ]


def test_unnamed_tasks_are_never_refused(service: tuple[CloudTasksDouble, str]) -> None:
    double, host = service
    with queue_on(host) as queue:
        assert queue.enqueue("index_items", {"n": 1}) is True
        assert queue.enqueue("index_items", {"n": 1}) is True
    assert double.names == ["", ""]


def test_an_exhausted_quota_is_a_transient_error(service: tuple[CloudTasksDouble, str]) -> None:
    double, host = service
    double.exhausted = True
    with queue_on(host) as queue, pytest.raises(TransientError, match="did not take the task"):
        queue.enqueue("index_items", {"n": 1}, task_name="index-n1")
