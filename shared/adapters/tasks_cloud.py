"""Cloud Tasks adapter of the TaskQueue port (HTTP tasks with OIDC tokens in production)."""

from __future__ import annotations

import threading
from datetime import timedelta
from types import TracebackType
from typing import Any, Self

import grpc
from google.api_core import exceptions as google_exceptions
from google.cloud import tasks_v2
from google.cloud.tasks_v2.services.cloud_tasks.transports import CloudTasksGrpcTransport

from shared.adapters.clock import SystemClock
from shared.adapters.tasks_http import task_body, task_headers, task_id, task_url
from shared.errors import TransientError
from shared.ports import Clock
from shared.settings import Settings

_TRANSIENT = (
    google_exceptions.ServiceUnavailable,
    google_exceptions.DeadlineExceeded,
    google_exceptions.ResourceExhausted,
)


# ---------------------------------------------------------------- the adapter


class CloudTasksQueue:
    """Creates HTTP tasks on one Cloud Tasks queue; retries and backoff are the queue's own."""

    def __init__(
        self,
        *,
        project: str,
        location: str,
        queue: str,
        target_base_url: str,
        queue_by_target: dict[str, str] | None = None,
        service_account_email: str | None = None,
        emulator_host: str | None = None,
        max_attempts: int = 5,
        min_backoff_s: float = 1.0,
        max_backoff_s: float = 60.0,
        clock: Clock | None = None,
    ) -> None:
        self._project = project
        self._clock = clock or SystemClock()
        self._location = location
        self._queue = queue
        self._target_base_url = target_base_url
        self._service_account_email = service_account_email
        self._emulator_host = emulator_host
        self._max_attempts = max_attempts
        self._min_backoff_s = min_backoff_s
        self._max_backoff_s = max_backoff_s
        self._queue_path = self._path_of(queue)
        self._queue_by_target = dict(queue_by_target or {})
        self._client: tasks_v2.CloudTasksClient | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings: Settings, clock: Clock | None = None) -> CloudTasksQueue:
        return cls(
            project=settings.google_cloud_project,
            location=settings.tasks_location,
            queue=settings.tasks_queue,
            target_base_url=settings.tasks_target_base_url,
            queue_by_target=settings.tasks_queue_by_target,
            service_account_email=settings.tasks_service_account_email,
            emulator_host=settings.tasks_emulator_host,
            max_attempts=settings.task_max_attempts,
            min_backoff_s=settings.task_min_backoff_s,
            max_backoff_s=settings.task_max_backoff_s,
            clock=clock,
        )

    @property
    def queue_path(self) -> str:
        return self._queue_path

    def queue_path_for(self, target: str) -> str:
        """The queue a task for `target` goes to: its own if configured, else the default."""
        queue = self._queue_by_target.get(target)
        return self._queue_path if queue is None else self._path_of(queue)

    def _path_of(self, queue: str) -> str:
        return f"projects/{self._project}/locations/{self._location}/queues/{queue}"

    def enqueue(
        self,
        target: str,
        payload: dict[str, Any],
        *,
        task_name: str | None = None,
        delay_s: float = 0.0,
    ) -> bool:
        url = task_url(self._target_base_url, target)
        http_request = tasks_v2.HttpRequest(
            http_method=tasks_v2.HttpMethod.POST,
            url=url,
            headers=task_headers(),
            body=task_body(payload),
        )
        if self._service_account_email:
            http_request.oidc_token = tasks_v2.OidcToken(
                service_account_email=self._service_account_email,
                # Cloud Run (and so every Cloud Function) accepts a token addressed to the
                # function's own URL; one addressed to the shared base URL is refused.
                audience=url,
            )
        task = tasks_v2.Task(http_request=http_request)
        queue_path = self.queue_path_for(target)
        if task_name is not None:
            task.name = f"{queue_path}/tasks/{task_id(task_name)}"
        if delay_s > 0:
            task.schedule_time = self._clock.now() + timedelta(seconds=delay_s)
        try:
            self._tasks().create_task(parent=queue_path, task=task)
        except google_exceptions.AlreadyExists:
            return False
        except _TRANSIENT as exc:
            raise TransientError(f"Cloud Tasks did not take the task: {exc.message}") from exc
        return True

    def ensure_queue(self) -> None:
        """Create the queue with our retry policy unless it exists (Terraform owns production's)."""
        queue = tasks_v2.Queue(
            name=self._queue_path,
            retry_config=tasks_v2.RetryConfig(
                max_attempts=self._max_attempts,
                min_backoff=timedelta(seconds=self._min_backoff_s),
                max_backoff=timedelta(seconds=self._max_backoff_s),
            ),
        )
        parent = f"projects/{self._project}/locations/{self._location}"
        try:
            self._tasks().create_queue(parent=parent, queue=queue)
        except google_exceptions.AlreadyExists:
            pass
        except _TRANSIENT as exc:
            raise TransientError(f"Cloud Tasks did not create the queue: {exc.message}") from exc

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                # The generated transport's close() carries no annotations.
                self._client.transport.close()  # type: ignore[no-untyped-call]
                self._client = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _tasks(self) -> tasks_v2.CloudTasksClient:
        # One client per instance, made on first use: importing must not open channels, and
        # function instances serve requests on several threads.
        with self._lock:
            if self._client is None:
                if self._emulator_host:
                    channel = grpc.insecure_channel(self._emulator_host)
                    transport = CloudTasksGrpcTransport(channel=channel)
                    self._client = tasks_v2.CloudTasksClient(transport=transport)
                else:
                    self._client = tasks_v2.CloudTasksClient()
            return self._client
