"""Benchmark of the admin page: the review queue of a school with 500 items waiting.

An elementary school of 600 families (900 children, K-5, four languages) on the embedded
store, 500 pending items of one or two grades or all grades. The figure is the whole request
as an admin's browser makes it, through functions-framework: sign-in check, the queue's page
(the 50 lowest-confidence items, each with its audience preview) and the count of all 500,
rendered to HTML. Similar items are not included: the search service is another issue's.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import functions_framework

from shared.adapters.clock import FixedClock
from shared.models import Child, Item, ItemCategory, Parent, School
from shared.services.admin_access import issue_login_link
from shared.services.review import QUEUE_PAGE_SIZE
from shared.services.roster import SchoolRoster, load_roster
from shared.settings import Settings
from shared.wiring import Container, use_container

FAMILIES = 600
CHILDREN = 900
PENDING = 500
TIMED_RUNS = 7
SCHOOL_ID = "bench-elementary"
ADMIN = "office@bench-elementary.example"
LANGUAGES = ["en", "pa", "zh", "tl"]
NOW = datetime(2026, 10, 2, 16, 30, tzinfo=UTC)
SEED = 20261002
MAIN = str(Path(__file__).resolve().parents[2] / "main.py")


def _school(rng: random.Random) -> SchoolRoster:
    school = School(
        id=SCHOOL_ID,
        name="Bench Elementary",
        timezone="America/Vancouver",
        grades_offered=list(range(0, 6)),
        admin_emails=[ADMIN],
    )
    family_of_child = list(range(FAMILIES)) + rng.choices(range(FAMILIES), k=CHILDREN - FAMILIES)
    children = [
        Child(
            id=f"c{n:04d}",
            school_id=SCHOOL_ID,
            name=f"Child {n}",
            grade=rng.randrange(0, 6),
            parent_ids=[f"p{family:04d}"],
        )
        for n, family in enumerate(family_of_child)
    ]
    child_ids: dict[int, list[str]] = {}
    for n, family in enumerate(family_of_child):
        child_ids.setdefault(family, []).append(f"c{n:04d}")
    parents = [
        Parent(
            id=f"p{f:04d}",
            school_id=SCHOOL_ID,
            name=f"Parent {f}",
            phone=f"+1604555{f:04d}",
            language=rng.choice(LANGUAGES),  # type: ignore[arg-type]
            child_ids=child_ids[f],
        )
        for f in range(FAMILIES)
    ]
    return SchoolRoster(school=school, parents=parents, children=children)


def _items(rng: random.Random) -> list[Item]:
    def grades() -> object:
        roll = rng.random()
        if roll < 0.2:
            return "all"
        return sorted(rng.sample(range(0, 6), 1 if roll < 0.7 else 2))

    return [
        Item.model_validate(
            {
                "id": f"item-{n:04d}",
                "school_id": SCHOOL_ID,
                "newsletter_id": f"nl-{n // 20}",
                "title": f"Item {n}: a field trip, a form, or a hot lunch order",
                "details": "Details as a newsletter gives them, a sentence or two long. " * 2,
                "category": rng.choice(list(ItemCategory)),
                "start_date": (NOW + timedelta(days=rng.randrange(1, 60))).date(),
                "grades": grades(),
                "confidence": round(rng.random(), 3),
                "created_at": NOW,
                "updated_at": NOW,
            }
        )
        for n in range(PENDING)
    ]


def run() -> dict[str, float | int]:
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(data_dir=Path(folder), admin_auth="login_link")
        container = Container(settings, clock=FixedClock(NOW))
        use_container(container)
        try:
            load_roster(_school(rng), container.repos)
            container.repos.items.put_many(_items(rng))
            client = functions_framework.create_app("admin", MAIN).test_client()
            secret = issue_login_link(
                ADMIN, SCHOOL_ID, container.repos, container.clock, timedelta(minutes=5)
            )
            assert client.post("/login", data={"token": secret}).status_code == 303
            path = f"/s/{SCHOOL_ID}/queue"
            warm = client.get(path)  # templates compiled, SQLite pages cached
            assert warm.status_code == 200 and f"{PENDING} items wait" in warm.get_data(True)
            timings = []
            for _ in range(TIMED_RUNS):
                started = time.perf_counter()
                response = client.get(path)
                response.get_data()
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status_code == 200
        finally:
            use_container(None)
            container.close()
    return {
        "review_queue_500_ms": round(statistics.median(timings), 1),
        "review_queue_500_max_ms": round(max(timings), 1),
        "pending_items": PENDING,
        "items_on_page": QUEUE_PAGE_SIZE,
        "families": FAMILIES,
    }
