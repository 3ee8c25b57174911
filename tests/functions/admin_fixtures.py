"""Two schools, each with an admin, items, a newsletter and a ticket: the admin page's world."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from flask.testing import FlaskClient

from infra.local_stack import seed_sample_school
from shared.models import Item, ItemCategory, ItemSource, Newsletter, NewsletterStatus, School
from shared.records import Ticket
from shared.wiring import Container

AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
SAMPLE = "sample-school"
OTHER = "other-school"
SAMPLE_ADMIN = "admin@maple-grove.example"
OTHER_ADMIN = "head@other.example"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def item(item_id: str, school_id: str, confidence: float = 0.5, **fields: object) -> Item:
    values: dict[str, object] = {
        "id": item_id,
        "school_id": school_id,
        "newsletter_id": f"nl-{school_id}",
        "title": f"Item {item_id}",
        "category": ItemCategory.EVENT,
        "grades": [3],
        "confidence": confidence,
        "created_at": AT,
        "updated_at": AT,
        **fields,
    }
    return Item.model_validate(values)


def seed_two_schools(container: Container) -> None:
    seed_sample_school(container)
    repos = container.repos
    repos.schools.put(
        School(
            id=OTHER,
            name="Other School",
            timezone="America/Toronto",
            grades_offered=[3, 4],
            admin_emails=[OTHER_ADMIN],
        )
    )
    for school_id in (SAMPLE, OTHER):
        repos.newsletters.put(
            Newsletter(
                id=f"nl-{school_id}",
                school_id=school_id,
                bucket="b",
                object_name=f"{school_id}/weekly.pdf",
                generation="1",
                size_bytes=10,
                status=NewsletterStatus.FAILED,
                failure_reason="The file is empty.",
                uploaded_at=AT,
            )
        )
        repos.tickets.put(
            Ticket(
                id=f"ticket-{school_id}",
                school_id=school_id,
                parent_id="p01",
                item_id=f"{school_id}-1",
                message_id="m1",
                text="That date is wrong",
                created_at=AT,
            )
        )
    repos.items.put_many(
        [
            item(
                f"{SAMPLE}-1",
                SAMPLE,
                0.42,
                title="Picture day",
                start_date="2026-10-09",
                source=ItemSource(page=1, text="Picture day is Friday, October 9."),
            ),
            item(f"{SAMPLE}-2", SAMPLE, 0.91, title="Book fair"),
            item(f"{OTHER}-1", OTHER, 0.3, title="Other school's secret"),
        ]
    )


def csrf_from(client: FlaskClient, path: str, **kwargs: object) -> str:
    page = client.get(path, **kwargs)  # type: ignore[arg-type]
    assert page.status_code == 200, page.get_data(as_text=True)
    found = CSRF.search(page.get_data(as_text=True))
    assert found is not None
    return found.group(1)
