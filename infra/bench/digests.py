"""Benchmark of the weekly digest on the embedded store: the 10,000-family district school.

The district of `bench targeting` (mixed grades, activities, languages and consent) gets a
newsletter's worth of approved items of every shape, targeted exactly. Then, at the school's
digest moment: `build_all_s` is one build_digests tick over the whole school; then every
queued send_digest task runs, to measure one send (p50), the store operations a digest costs
as Firestore bills them, the size of the WhatsApp text and the segments of its SMS rendering.
A third of the parents wrote in the last 24 hours (free-form text), the rest get the
template. The messenger answers at once: the provider's latency is not ours.
"""

from __future__ import annotations

import json
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Literal

from infra.bench import targeting
from infra.bench.targeting import SCHOOL_ID, _load_district
from shared.adapters.clock import FixedClock
from shared.adapters.store_metered import MeteredDocumentStore
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.adapters.translator_identity import IdentityTranslator
from shared.models import Item, ItemAction, ItemCategory, ItemStatus
from shared.ports import Recipient, SentMessage, TemplateMessage
from shared.records import Message, MessageStatus
from shared.rendering.digest import render_sms
from shared.rendering.sms import sms_size
from shared.repository import Repositories
from shared.services.calendar import CalendarLinks
from shared.services.digest_content import sms_content
from shared.services.digest_send import SendDigestTask, send_digest
from shared.services.digests import DigestDependencies, build_digests
from shared.services.targeting import target_parents_for_item

# Sunday 4 October 2026, 17:00 in Vancouver: the district's digest moment.
MOMENT = datetime(2026, 10, 5, 0, 0, tzinfo=UTC)
OPEN_WINDOW_SHARE = 1 / 3
SEED = 20261004


class _Queue:
    """Keeps the queued tasks (names de-duplicate) without running them."""

    def __init__(self) -> None:
        self.tasks: dict[str, dict[str, object]] = {}

    def enqueue(
        self,
        target: str,
        payload: dict[str, object],
        *,
        task_name: str | None = None,
        delay_s: float = 0.0,
    ) -> bool:
        name = task_name or str(len(self.tasks))
        if name in self.tasks:
            return False
        self.tasks[name] = payload
        return True


class _AnsweringMessenger:
    """Accepts every message at once, like a provider with no latency."""

    def __init__(self, channel: Literal["whatsapp", "sms"]) -> None:
        self.channel: Literal["whatsapp", "sms"] = channel
        self.count = 0

    def send_text(self, phone_e164: str, body: str) -> SentMessage:
        return self.send(Recipient(phone_e164=phone_e164), body)

    def send(
        self,
        recipient: Recipient,
        body: str,
        *,
        template: TemplateMessage | None = None,
        reference: str | None = None,
    ) -> SentMessage:
        self.count += 1
        return SentMessage(f"{self.channel}.{self.count}", self.channel, template is not None)


def _items() -> list[Item]:
    at = MOMENT - timedelta(days=2)

    def item(n: int, title: str, category: ItemCategory, **fields: object) -> Item:
        return Item.model_validate(
            {
                "id": f"digest-bench-{n}",
                "school_id": SCHOOL_ID,
                "newsletter_id": "bench",
                "title": title,
                "category": category,
                "confidence": 0.9,
                "status": ItemStatus.APPROVED,
                "created_at": at,
                "updated_at": at,
                **fields,
            }
        )

    return [
        item(
            1,
            "Picture Day",
            ItemCategory.EVENT,
            start_date=date(2026, 10, 7),
            details="Individual photos are taken in the morning.",
        ),
        item(
            2,
            "Thanksgiving Day: school closed",
            ItemCategory.CLOSURE,
            start_date=date(2026, 10, 12),
        ),
        item(
            3,
            "PTA General Meeting",
            ItemCategory.MEETING,
            start_date=date(2026, 10, 13),
            start_time=clock_time(18, 30),
            end_time=clock_time(20, 0),
            location="Library",
        ),
        item(
            4,
            "Field trip permission form and $15 due",
            ItemCategory.DEADLINE,
            start_date=date(2026, 10, 9),
            grades=[4, 5, 6],
            action_required=True,
            action=ItemAction.SIGN,
        ),
        item(
            5,
            "Chess club starts",
            ItemCategory.EVENT,
            start_date=date(2026, 10, 9),
            start_time=clock_time(12, 15),
            end_time=clock_time(12, 45),
            activities=["chess"],
        ),
        item(
            6,
            "Grade 9 course selection closes",
            ItemCategory.DEADLINE,
            start_date=date(2026, 10, 16),
            grades=[8, 9],
            action_required=True,
        ),
        item(
            7,
            "Hot lunch orders are open",
            ItemCategory.ANNOUNCEMENT,
            details="Order online by the end of the month.",
        ),
        item(8, "Winter concert", ItemCategory.EVENT, start_date=date(2026, 12, 10)),
    ]


def _open_windows(repos: Repositories, rng: random.Random) -> None:
    at = MOMENT - timedelta(hours=3)
    parent_ids = [f"p{n:05d}" for n in range(targeting.FAMILIES)]
    repos.messages.put_many(
        [
            Message(
                id=f"in-{pid}",
                school_id=SCHOOL_ID,
                parent_id=pid,
                direction="inbound",
                channel="whatsapp",
                body="Thank you!",
                status=MessageStatus.RECEIVED,
                created_at=at,
                updated_at=at,
            )
            for pid in rng.sample(parent_ids, int(len(parent_ids) * OPEN_WINDOW_SHARE))
        ]
    )


def run() -> dict[str, float | int]:
    rng = random.Random(SEED)
    with tempfile.TemporaryDirectory(prefix="bench-digests-") as folder:
        store = MeteredDocumentStore(SqliteDocumentStore(Path(folder) / "district.sqlite3"))
        repos = Repositories(store)
        _load_district(repos)
        clock = FixedClock(MOMENT - timedelta(days=2))
        for item in _items():
            repos.items.put(item)
            target_parents_for_item(item.id, repos, clock)
        _open_windows(repos, rng)
        clock.advance(MOMENT - clock.now())
        tasks = _Queue()
        deps = DigestDependencies(
            repos=repos,
            tasks=tasks,
            clock=clock,
            whatsapp=_AnsweringMessenger("whatsapp"),
            sms=_AnsweringMessenger("sms"),
            translator=IdentityTranslator(),
            links=CalendarLinks(b"bench", "https://parentpath.example/admin", timedelta(days=45)),
        )
        store.take_usage()
        started = time.perf_counter()
        built = build_digests(deps)
        build_all_s = time.perf_counter() - started
        build_usage = store.take_usage()

        sample = list(tasks.tasks.values())
        send_ms, reads, writes, sizes, segments = [], 0, 0, [], []
        for payload in sample:
            task = SendDigestTask.model_validate(payload)
            started = time.perf_counter()
            outcome = send_digest(deps, task)
            send_ms.append((time.perf_counter() - started) * 1000)
            usage = store.take_usage()
            reads, writes = reads + usage.reads, writes + usage.writes
            digest = repos.digests.get(outcome.digest_id or "")
            parent = repos.parents.get(task.parent_id)
            if digest is None or parent is None:
                continue
            sizes.append(len((digest.body or "").encode()))
            page = deps.links.digest_url(digest.id, clock.now())
            sms = render_sms(
                sms_content(deps, parent, digest, clock.now()), page, deps.sms_segment_budget
            )
            segments.append(sms_size(sms.body).segments)
            store.take_usage()
    return {
        "build_all_s": round(build_all_s, 3),
        "send_p50_ms": round(statistics.median(send_ms), 2),
        "reads_per_digest": round(reads / len(sample), 1),
        "writes_per_digest": round(writes / len(sample), 1),
        "mean_bytes": round(statistics.fmean(sizes)),
        "sms_segments_mean": round(statistics.fmean(segments), 2),
        "digests_queued": built.enqueued,
        "build_reads": build_usage.reads,
        "sent": len(sample),
    }


if __name__ == "__main__":
    print(json.dumps(run()))
