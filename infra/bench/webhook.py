"""Benchmark of the WhatsApp webhook over loopback HTTP: 100 parents replying at once.

The real entry point (main.py's whatsapp_webhook through functions-framework) is served by a
threaded WSGI server on 127.0.0.1 over the embedded store. 100 simulated parents, each with a
sent digest of five cards, post signed bodies as Meta does: DONE n, questions about their
items, and delivery statuses of the answers they were sent, each parent pausing 1-3 s between
updates (about 50 requests a second in all: a whole district answering its digest at once). The
messenger is a stand-in that answers at once (nothing leaves the machine), and questions are
matched by a stand-in index that knows each question's item, so what is measured is the
webhook itself: signature, parsing, dedupe, identity, classification, store and answer.
"""

from __future__ import annotations

import json
import logging
import random
import statistics
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

import functions_framework
import httpx
from werkzeug.serving import make_server

from shared.adapters.whatsapp_inbound import SIGNATURE_HEADER, sign
from shared.models import Card, CardStatus, Item, ItemCategory, ItemStatus, Parent, School
from shared.ports import ItemMatch, Recipient, SentMessage, TemplateMessage
from shared.records import Digest, DigestStatus
from shared.settings import Settings
from shared.wiring import Container, use_container

PARENTS = 100
ITEMS = ["Pumpkin patch field trip", "Picture day", "Hot lunch order", "Book fair", "Choir concert"]
QUESTIONS = ["when is the {}?", "where is the {} held", "{} kinne vaje aa?", "{}几点开始？"]
SECRET = "bench-app-secret"
SCHOOL_ID = "bench-school"
SEED = 20261002
# Seconds a parent waits between two updates (uniform). Without a pause, 100 clients in this
# one process measure how fast Python can serve them, not how the webhook answers parents.
THINK_S = (1.0, 3.0)
MAIN = str(Path(__file__).resolve().parents[2] / "main.py")


@dataclass
class InstantMessenger:
    """Accepts every send at once and remembers the ids it gave, for status updates."""

    ids_by_phone: dict[str, list[str]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _count: int = 0

    channel: Literal["whatsapp", "sms", "outbox"] = "whatsapp"

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
        phone_e164 = recipient.phone_e164 or recipient.whatsapp_user_id or ""
        with self._lock:
            self._count += 1
            provider_id = f"wamid.bench-out-{self._count}"
            self.ids_by_phone.setdefault(phone_e164, []).append(provider_id)
        return SentMessage(provider_message_id=provider_id, channel="whatsapp")

    def latest_id(self, phone: str) -> str | None:
        with self._lock:
            ids = self.ids_by_phone.get(phone)
            return ids[-1] if ids else None


class KnownAnswers:
    """An ItemSearch that finds the item whose title a question contains."""

    def search(self, school_id: str, text: str, **_: Any) -> list[ItemMatch]:
        lowered = text.lower()
        return [
            ItemMatch(f"item-{n}", 1.0, "title")
            for n, title in enumerate(ITEMS)
            if title.lower() in lowered
        ]

    def similar(self, item_id: str, limit: int = 5) -> list[ItemMatch]:
        return []


def _phone(n: int) -> str:
    return f"+1604555{1000 + n:04d}"


def _seed(container: Container) -> None:
    now = container.clock.now()
    repos = container.repos
    repos.schools.put(
        School(id=SCHOOL_ID, name="Bench School", timezone="America/Vancouver", grades_offered=[0])
    )
    items = [
        Item(
            id=f"item-{n}",
            school_id=SCHOOL_ID,
            newsletter_id="bench",
            title=title,
            category=ItemCategory.EVENT,
            start_date=date(2026, 10, 20 + n),
            confidence=0.9,
            status=ItemStatus.APPROVED,
            created_at=now,
            updated_at=now,
        )
        for n, title in enumerate(ITEMS)
    ]
    repos.items.put_many(items)
    for p in range(PARENTS):
        parent = Parent(id=f"bp{p}", school_id=SCHOOL_ID, name=f"Parent {p}", phone=_phone(p))
        cards = [
            Card(
                id=Card.id_for(parent.id, item.id),
                school_id=SCHOOL_ID,
                parent_id=parent.id,
                item_id=item.id,
                status=CardStatus.SENT,
                number=number,
                digest_id=f"digest-{p}",
                created_at=now,
            )
            for number, item in enumerate(items, start=1)
        ]
        repos.parents.put(parent)
        repos.cards.put_many(cards)
        repos.digests.put(
            Digest(
                id=f"digest-{p}",
                school_id=SCHOOL_ID,
                parent_id=parent.id,
                week_of=date(2026, 9, 28),
                language="en",
                card_ids=[c.id for c in cards],
                status=DigestStatus.SENT,
                created_at=now,
            )
        )


def _envelope(value: dict[str, Any]) -> dict[str, Any]:
    value = {"messaging_product": "whatsapp", "metadata": {"phone_number_id": "1"}, **value}
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "1", "changes": [{"field": "messages", "value": value}]}],
    }


def _text_body(phone: str, message_id: str, text: str) -> dict[str, Any]:
    wa_id = phone.lstrip("+")
    return _envelope(
        {
            "contacts": [{"wa_id": wa_id, "profile": {"name": "Parent"}}],
            "messages": [
                {
                    "from": wa_id,
                    "id": message_id,
                    "timestamp": str(int(time.time())),
                    "type": "text",
                    "text": {"body": text},
                }
            ],
        }
    )


def _status_body(phone: str, provider_id: str, status: str) -> dict[str, Any]:
    return _envelope(
        {
            "statuses": [
                {
                    "id": provider_id,
                    "status": status,
                    "timestamp": str(int(time.time())),
                    "recipient_id": phone.lstrip("+"),
                }
            ]
        }
    )


def _simulate_parent(
    n: int,
    url: str,
    deadline: float,
    messenger: InstantMessenger,
    latencies: list[float],
    errors: list[str],
) -> None:
    rng = random.Random(SEED + n)
    phone = _phone(n)
    with httpx.Client(timeout=30.0) as client:
        sent = 0
        while time.perf_counter() < deadline:
            sent += 1
            roll = rng.random()
            provider_id = messenger.latest_id(phone)
            if roll < 0.3 and provider_id is not None:
                body = _status_body(phone, provider_id, rng.choice(["delivered", "read"]))
            elif roll < 0.65:
                body = _text_body(phone, f"wamid.bench-{n}-{sent}", f"done {rng.randint(1, 6)}")
            else:
                question = rng.choice(QUESTIONS).format(rng.choice(ITEMS).lower())
                body = _text_body(phone, f"wamid.bench-{n}-{sent}", question)
            raw = json.dumps(body).encode()
            headers = {SIGNATURE_HEADER: sign(raw, SECRET), "Content-Type": "application/json"}
            started = time.perf_counter()
            try:
                response = client.post(url, content=raw, headers=headers)
                ok = response.status_code == 200
                reason = f"HTTP {response.status_code}"
            except httpx.HTTPError as exc:
                ok, reason = False, type(exc).__name__
            latencies.append((time.perf_counter() - started) * 1000)
            if not ok:
                errors.append(reason)
            time.sleep(min(rng.uniform(*THINK_S), max(0.0, deadline - time.perf_counter())))


def _percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return round(values[0], 2) if values else 0.0
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 2)


def run(seconds: float = 60.0) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-webhook-") as folder:
        settings = Settings(data_dir=Path(folder), whatsapp_app_secret=SECRET, log_level="WARNING")
        messenger = InstantMessenger()
        container = Container(settings, messenger=messenger, item_search=KnownAnswers())
        _seed(container)
        use_container(container)
        app = functions_framework.create_app("whatsapp_webhook", MAIN)
        # Loading main.py configures logging; one line per request would time the terminal,
        # and stdout carries the figures.
        logging.getLogger().setLevel(logging.WARNING)
        server = make_server("127.0.0.1", 0, app, threaded=True)
        serving = threading.Thread(target=server.serve_forever, daemon=True)
        serving.start()
        url = f"http://127.0.0.1:{server.server_port}/"
        latencies: list[float] = []
        errors: list[str] = []
        deadline = time.perf_counter() + seconds
        parents = [
            threading.Thread(
                target=_simulate_parent, args=(n, url, deadline, messenger, latencies, errors)
            )
            for n in range(PARENTS)
        ]
        started = time.perf_counter()
        for parent in parents:
            parent.start()
        for parent in parents:
            parent.join()
        elapsed = time.perf_counter() - started
        server.shutdown()
        use_container(None)
        container.close()
    return {
        "p50_ms": _percentile(latencies, 50),
        "p95_ms": _percentile(latencies, 95),
        "p99_ms": _percentile(latencies, 99),
        "requests": len(latencies),
        "errors": len(errors),
        "parents": PARENTS,
        "seconds": round(elapsed, 1),
        "requests_per_s": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
    }
