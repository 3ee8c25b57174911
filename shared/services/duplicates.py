"""Duplicates: a new item that repeats an earlier one of its school is marked for an admin.

The same fundraiser comes back in three newsletters. A new item is a possible duplicate of its
nearest earlier neighbour in the same school when all of these hold:
- they are close in meaning (cosine at least `MIN_COSINE`; e5 puts unrelated school items at
  0.75 to 0.9, so the bar sits high);
- they say mostly the same things (at least `MIN_SHARED_TERMS` of their terms in common, which
  tells "basketball games" from "basketball practice", both 0.96 in meaning);
- they fall on the same dates (the same event on another date is another event);
- their audiences meet (a grade 3 trip does not repeat a grade 7 trip).
Both bars are calibrated on the labelled pairs of tests/unit/test_duplicates.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from shared.models import Item, School
from shared.ports import VectorHit, VectorPoint
from shared.repository import Repositories

if TYPE_CHECKING:
    from shared.services.indexing import ItemIndex

MIN_COSINE = 0.93
MIN_SHARED_TERMS = 0.5
_NEIGHBOURS = 8


def _word_terms(terms: Sequence[str]) -> set[str]:
    # Words and concepts; skeletons repeat the words, asks say little about sameness.
    return {t for t in terms if t[:2] in ("w:", "c:", "a:")}


def same_thing(new: dict[str, Any], earlier: dict[str, Any], cosine: float) -> bool:
    """Whether two items' payloads (and their cosine) look like one thing said twice."""
    if cosine < MIN_COSINE:
        return False
    if (new.get("start_date"), new.get("end_date")) != (
        earlier.get("start_date"),
        earlier.get("end_date"),
    ):
        return False
    if not set(new.get("grades", ())) & set(earlier.get("grades", ())):
        return False
    a, b = _word_terms(new.get("terms", ())), _word_terms(earlier.get("terms", ()))
    return bool(a and b) and len(a & b) / len(a | b) >= MIN_SHARED_TERMS


def _earlier(candidate: Item, item: Item) -> bool:
    return (candidate.created_at, candidate.id) < (item.created_at, item.id)


def mark_possible_duplicates(
    items: Sequence[Item],
    points: Sequence[VectorPoint],
    school: School,
    index: ItemIndex,
    repos: Repositories,
) -> int:
    """Set `possible_duplicate_of` on each item that repeats an earlier item of another
    newsletter (or clear a mark that no longer holds); returns how many are marked."""
    by_id = {p.id: p for p in points}
    marked = 0
    changed: list[Item] = []
    for item in items:
        point = by_id.get(item.id)
        if point is None:
            continue
        hits: list[VectorHit] = [
            h
            for h in index.neighbours(item, school, _NEIGHBOURS, vector=point.vector)
            if h.payload.get("newsletter_id") != item.newsletter_id
            and same_thing(point.payload, h.payload, h.score)
        ]
        earlier = repos.items.get_many([h.id for h in hits])
        original = next(
            (h.id for h in hits if h.id in earlier and _earlier(earlier[h.id], item)), None
        )
        marked += original is not None
        if original != item.possible_duplicate_of:
            changed.append(item.model_copy(update={"possible_duplicate_of": original}))
    repos.items.put_many(changed)
    return marked
