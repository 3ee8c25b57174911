"""Each task target may have a queue of its own (TASKS_QUEUE_BY_TARGET), with its own rate."""

from __future__ import annotations

import pytest

from shared.adapters.tasks_cloud import CloudTasksQueue
from shared.settings import Settings


def test_a_target_with_a_queue_of_its_own_goes_there_and_the_others_to_the_default() -> None:
    queue = CloudTasksQueue(
        project="p",
        location="r",
        queue="parentpath",
        target_base_url="https://r-p.cloudfunctions.net",
        queue_by_target={"index_items": "parentpath-indexing"},
    )

    indexing = "projects/p/locations/r/queues/parentpath-indexing"
    assert queue.queue_path_for("index_items") == indexing
    assert queue.queue_path_for("target_item") == "projects/p/locations/r/queues/parentpath"
    assert queue.queue_path == "projects/p/locations/r/queues/parentpath"


def test_the_queues_by_target_are_read_as_json_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TASKS_QUEUE_BY_TARGET", '{"index_items": "parentpath-indexing"}')

    assert Settings().tasks_queue_by_target == {"index_items": "parentpath-indexing"}


def test_the_container_builds_the_cloud_queue_with_the_routes_of_the_settings() -> None:
    from shared.wiring import Container

    settings = Settings(
        tasks_backend="cloudtasks",
        google_cloud_project="p",
        tasks_location="r",
        tasks_queue="parentpath",
        tasks_queue_by_target={"index_items": "parentpath-indexing"},
    )
    container = Container(settings)
    try:
        queue = container.tasks
        assert isinstance(queue, CloudTasksQueue)
        assert queue.queue_path_for("index_items").endswith("/queues/parentpath-indexing")
    finally:
        container.close()
