"""In-process TaskQueue for the local stack: Cloud Tasks' HTTP semantics on worker threads."""

from __future__ import annotations

import heapq
import itertools
import json
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self

import httpx

from shared.adapters.clock import SystemClock
from shared.adapters.tasks_http import task_body, task_headers, task_id, task_url
from shared.ports import Clock
from shared.records import DeadLetter

logger = logging.getLogger(__name__)

# Cloud Tasks doubles the backoff at most 16 times by default; the cap also keeps 2**n finite.
_MAX_DOUBLINGS = 16
# What a dead letter keeps of a failing answer's body: enough to see why, not a whole page.
_ERROR_BODY_CHARS = 500


@dataclass(order=True)
class _Task:
    due: float  # time.monotonic() of the next attempt
    seq: int  # first come, first served among tasks due at the same moment
    id: str = field(compare=False)
    target: str = field(compare=False)
    url: str = field(compare=False)
    body: bytes = field(compare=False)
    eta: float = field(compare=False)  # the same moment in seconds since the epoch, for headers
    attempts: int = field(default=0, compare=False)
    # Answers below 500, which Cloud Tasks counts in X-CloudTasks-TaskExecutionCount.
    responses: int = field(default=0, compare=False)
    previous_status: int | None = field(default=None, compare=False)


class InProcessTaskQueue:
    """POSTs tasks to the functions from background threads, retrying like a Cloud Tasks queue.

    Tasks live in memory only: those still queued when the queue closes are dropped (and
    counted in a warning). Tasks enqueued before `start()` wait for it.
    """

    def __init__(
        self,
        *,
        target_base_url: str,
        on_dead_letter: Callable[[DeadLetter], None],
        queue: str = "parentpath",
        max_attempts: int = 5,
        min_backoff_s: float = 1.0,
        max_backoff_s: float = 60.0,
        workers: int = 4,
        request_timeout_s: float = 600.0,
        clock: Clock | None = None,
    ) -> None:
        if max_attempts < 1 or workers < 1:
            raise ValueError("max_attempts and workers must be at least 1")
        if not 0 < min_backoff_s <= max_backoff_s:
            raise ValueError("backoffs must satisfy 0 < min_backoff_s <= max_backoff_s")
        self._target_base_url = target_base_url
        self._on_dead_letter = on_dead_letter
        self._clock = clock or SystemClock()
        self._queue = queue
        self._max_attempts = max_attempts
        self._min_backoff_s = min_backoff_s
        self._max_backoff_s = max_backoff_s
        self._workers = workers
        # 600 s is Cloud Tasks' default dispatch deadline for HTTP tasks.
        self._timeout = httpx.Timeout(request_timeout_s, connect=5.0)

        self._cond = threading.Condition()
        self._heap: list[_Task] = []
        self._seq = itertools.count()
        self._used_ids: set[str] = set()
        self._in_flight = 0
        self._started = False
        self._closed = False
        self._threads: list[threading.Thread] = []
        self._client: httpx.Client | None = None

    # ------------------------------------------------------------------ the port

    def enqueue(
        self,
        target: str,
        payload: dict[str, Any],
        *,
        task_name: str | None = None,
        delay_s: float = 0.0,
    ) -> bool:
        url = task_url(self._target_base_url, target)
        body = task_body(payload)
        tid = task_id(task_name) if task_name is not None else uuid.uuid4().hex
        delay = max(0.0, delay_s)
        with self._cond:
            if self._closed:
                raise RuntimeError("the task queue is closed")
            if tid in self._used_ids:
                return False
            self._used_ids.add(tid)
            task = _Task(
                due=time.monotonic() + delay,
                seq=next(self._seq),
                id=tid,
                target=target,
                url=url,
                body=body,
                eta=self._clock.now().timestamp() + delay,
            )
            heapq.heappush(self._heap, task)
            # Waiters of wait_idle share the condition, so wake everyone, not just one.
            self._cond.notify_all()
        return True

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> None:
        with self._cond:
            if self._closed:
                raise RuntimeError("the task queue is closed")
            if self._started:
                return
            self._started = True
            self._client = httpx.Client(
                timeout=self._timeout,
                follow_redirects=False,
                headers={"User-Agent": "Google-Cloud-Tasks"},
            )
            for n in range(self._workers):
                thread = threading.Thread(
                    target=self._work, name=f"tasks-{self._queue}-{n}", daemon=True
                )
                self._threads.append(thread)
                thread.start()

    def close(self, timeout_s: float = 5.0) -> None:
        """Stop taking tasks, let requests in flight finish (up to timeout_s), drop the rest."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            self._cond.notify_all()
        deadline = time.monotonic() + timeout_s
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        if self._client is not None:
            self._client.close()
        with self._cond:
            dropped = len(self._heap)
        if dropped:
            logger.warning(
                "task queue closed with tasks pending",
                extra={"queue": self._queue, "pending": dropped},
            )

    def wait_idle(self, timeout_s: float) -> bool:
        """True once nothing is queued or in flight; False if that did not happen in time."""
        with self._cond:
            return self._cond.wait_for(
                lambda: not self._heap and self._in_flight == 0, timeout=timeout_s
            )

    def __enter__(self) -> Self:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ dispatch

    def _work(self) -> None:
        while True:
            with self._cond:
                task = self._next_due()
                if task is None:
                    return
                self._in_flight += 1
            try:
                self._attempt(task)
            except Exception:
                # A worker that dies silently would stall the queue; keep it alive and loud.
                logger.exception(
                    "task dispatch crashed", extra={"task_name": task.id, "target": task.target}
                )
            finally:
                with self._cond:
                    self._in_flight -= 1
                    self._cond.notify_all()

    def _next_due(self) -> _Task | None:
        """Wait (holding the condition) for the earliest task to fall due; None once closed."""
        while not self._closed:
            now = time.monotonic()
            if self._heap and self._heap[0].due <= now:
                return heapq.heappop(self._heap)
            self._cond.wait(self._heap[0].due - now if self._heap else None)
        return None

    def _attempt(self, task: _Task) -> None:
        assert self._client is not None
        attempt = task.attempts + 1
        log_fields: dict[str, Any] = {
            "queue": self._queue,
            "task_name": task.id,
            "target": task.target,
            "attempt": attempt,
        }
        status: int | None = None
        try:
            response = self._client.post(task.url, content=task.body, headers=self._headers(task))
        except httpx.HTTPError as exc:
            # Transport errors carry no payload, so their text is safe to log.
            error = f"{type(exc).__name__}: {exc}"
            log_fields["error"] = error
        else:
            status = response.status_code
            log_fields["status_code"] = status
            if response.is_success:
                logger.debug("task delivered", extra=log_fields)
                return
            # The answer's body can echo personal data: it goes to the dead letter, never a log.
            text = response.text[:_ERROR_BODY_CHARS].strip()
            error = f"HTTP {status}: {text}" if text else f"HTTP {status}"

        task.attempts = attempt
        task.previous_status = status
        if status is not None and status < 500:
            task.responses += 1

        if attempt < self._max_attempts:
            delay = self._backoff_s(attempt)
            logger.warning("task failed", extra={**log_fields, "retry_in_s": delay})
            with self._cond:
                task.due = time.monotonic() + delay
                task.eta = self._clock.now().timestamp() + delay
                task.seq = next(self._seq)
                heapq.heappush(self._heap, task)
                self._cond.notify_all()
            return

        logger.error("task dead-lettered", extra=log_fields)
        dead = DeadLetter(
            id=task.id,
            queue=self._queue,
            target=task.target,
            payload=json.loads(task.body),
            attempts=attempt,
            last_error=error,
            at=self._clock.now(),
        )
        try:
            self._on_dead_letter(dead)
        except Exception:
            logger.exception("dead-letter callback failed", extra=log_fields)

    def _headers(self, task: _Task) -> dict[str, str]:
        """Cloud Tasks' request headers, so functions read the attempt the same way everywhere."""
        headers = task_headers()
        headers.update(
            {
                "X-CloudTasks-QueueName": self._queue,
                "X-CloudTasks-TaskName": task.id,
                "X-CloudTasks-TaskRetryCount": str(task.attempts),
                "X-CloudTasks-TaskExecutionCount": str(task.responses),
                "X-CloudTasks-TaskETA": f"{task.eta:.6f}",
            }
        )
        if task.previous_status is not None:
            headers["X-CloudTasks-TaskPreviousResponse"] = str(task.previous_status)
        return headers

    def _backoff_s(self, failed_attempts: int) -> float:
        doublings = min(failed_attempts - 1, _MAX_DOUBLINGS)
        return float(min(self._max_backoff_s, self._min_backoff_s * 2**doublings))
