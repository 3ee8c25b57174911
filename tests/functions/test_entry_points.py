"""Every entry point of main.py by name, through functions-framework as Cloud Functions runs it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

import functions_framework
import pytest
from flask.testing import FlaskClient

from infra.local_stack import FUNCTION_NAMES
from infra.storage_events import finalized_event
from shared.adapters.blob_gcs import GcsBlobStore
from shared.models import NewsletterStatus
from shared.ports import BlobInfo
from shared.wiring import Container
from tests.functions.conftest import MAIN

HTTP_FUNCTIONS = [name for name in FUNCTION_NAMES if name != "parse_newsletter"]


def client_for(name: str) -> FlaskClient:
    return functions_framework.create_app(name, MAIN).test_client()


@pytest.mark.parametrize("name", HTTP_FUNCTIONS)
def test_functions_of_later_issues_answer_501_plainly(name: str, container: Container) -> None:
    response = client_for(name).post("/", json={"item_id": "x"})
    assert response.status_code == 501
    assert "not built yet" in response.get_json()["error"]


@pytest.fixture
def bucket(gcs_client_factory: Callable[[], Any]) -> GcsBlobStore:
    name = f"nl-{uuid.uuid4().hex[:12]}"
    gcs_client_factory().create_bucket(name)
    return GcsBlobStore(name, gcs_client_factory)


def post_finalized(blob: BlobInfo) -> int:
    headers, body = finalized_event(blob)
    return client_for("parse_newsletter").post("/", headers=headers, data=body).status_code


def test_an_upload_to_the_bucket_becomes_a_newsletter(
    container: Container, bucket: GcsBlobStore
) -> None:
    blob = bucket.write("sample-school/week-40.pdf", b"%PDF-1.7 ...", "application/pdf")
    assert post_finalized(blob) == 200
    (newsletter,) = container.repos.newsletters.find()
    assert newsletter.status is NewsletterStatus.RECEIVED
    assert (newsletter.bucket, newsletter.object_name) == (bucket.bucket, blob.name)
    assert newsletter.generation == blob.generation
    assert newsletter.size_bytes == blob.size_bytes


def test_a_redelivered_event_creates_no_second_newsletter(
    container: Container, bucket: GcsBlobStore
) -> None:
    blob = bucket.write("sample-school/week-40.pdf", b"%PDF-1.7 ...", "application/pdf")
    assert post_finalized(blob) == 200
    assert post_finalized(blob) == 200
    assert container.repos.newsletters.count() == 1


def test_a_huge_file_is_recorded_as_failed_and_kept(
    container: Container, bucket: GcsBlobStore
) -> None:
    blob = bucket.write("sample-school/scan.pdf", b"%PDF" + b"\0" * 1_200_000, "application/pdf")
    assert post_finalized(blob) == 200
    (newsletter,) = container.repos.newsletters.find()
    assert newsletter.status is NewsletterStatus.FAILED
    assert "the limit is 1.0 MB" in (newsletter.failure_reason or "")
    assert bucket.stat(blob.name) is not None  # nothing is lost


def test_a_malformed_event_is_acknowledged_and_records_nothing(container: Container) -> None:
    headers = {
        "ce-id": "1",
        "ce-specversion": "1.0",
        "ce-type": "google.cloud.storage.object.v1.finalized",
        "ce-source": "//storage.googleapis.com/projects/_/buckets/x",
        "Content-Type": "application/json",
    }
    response = client_for("parse_newsletter").post("/", headers=headers, json={"name": "x.pdf"})
    assert response.status_code == 200  # never retried: it can never succeed
    assert container.repos.newsletters.count() == 0
