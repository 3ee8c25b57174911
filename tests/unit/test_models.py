"""Domain models validate untrusted input and give retry-safe ids."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from pydantic import ValidationError

from shared.models import Card, Item, ItemCategory, Newsletter, Parent, School

NOW = datetime(2026, 10, 2, 15, 0, tzinfo=UTC)


def school(**overrides: object) -> School:
    fields: dict[str, object] = {
        "id": "maple",
        "name": "Maple Grove",
        "timezone": "America/Vancouver",
        "grades_offered": [5, 0, 1, 1],
    }
    return School.model_validate({**fields, **overrides})


def test_phone_numbers_are_normalised_to_e164() -> None:
    parent = Parent(id="p1", school_id="maple", name="A", phone="+1 (604) 555-0123")
    assert parent.phone == "+16045550123"


@pytest.mark.parametrize("phone", ["604-555-0123", "+1 555", "call me", "+999 1234567"])
def test_invalid_or_regionless_phones_are_refused(phone: str) -> None:
    with pytest.raises(ValidationError):
        Parent(id="p1", school_id="maple", name="A", phone=phone)


def test_school_timezone_must_exist_and_grades_are_sorted_unique() -> None:
    assert school().grades_offered == [0, 1, 5]
    with pytest.raises(ValidationError, match="unknown IANA timezone"):
        school(timezone="America/Atlantis")


def test_activity_slugs_are_validated() -> None:
    with pytest.raises(ValidationError, match="not a slug"):
        school(activities=[{"slug": "Basket Ball", "name": "Basketball"}])


def test_ids_are_deterministic_for_retries() -> None:
    assert Newsletter.id_for("b", "s/x.pdf", "7") == Newsletter.id_for("b", "s/x.pdf", "7")
    assert Newsletter.id_for("b", "s/x.pdf", "7") != Newsletter.id_for("b", "s/x.pdf", "8")
    assert Card.id_for("p1", "i1") != Card.id_for("p1", "i2")
    # The separator keeps ("ab","c") and ("a","bc") apart.
    assert Card.id_for("ab", "c") != Card.id_for("a", "bc")


def item(**overrides: object) -> Item:
    fields: dict[str, object] = {
        "id": "i1",
        "school_id": "maple",
        "newsletter_id": "n1",
        "title": "Winter break",
        "category": ItemCategory.CLOSURE,
        "confidence": 0.9,
        "created_at": NOW,
        "updated_at": NOW,
    }
    return Item.model_validate({**fields, **overrides})


def test_item_range_must_be_ordered() -> None:
    assert item(start_date=date(2026, 12, 21), end_date=date(2027, 1, 1)).end_date
    with pytest.raises(ValidationError, match="end_date is before start_date"):
        item(start_date=date(2026, 12, 21), end_date=date(2026, 12, 1))


def test_all_grades_means_every_grade_the_school_offers() -> None:
    assert item(grades="all").grades_within(school()) == [0, 1, 5]
    assert item(grades=[1]).grades_within(school()) == [1]


def test_documents_round_trip_through_json() -> None:
    original = item(start_date=date(2026, 10, 20), grades=[0, 1])
    document = original.to_document()
    assert document["start_date"] == "2026-10-20"
    assert Item.from_document(document) == original


def test_unknown_fields_are_refused_at_the_edge() -> None:
    with pytest.raises(ValidationError):
        item(injected="<script>")


def test_an_extracted_item_and_a_stored_item_share_one_definition_of_their_content() -> None:
    from shared.extraction.schema import ExtractedItem
    from shared.models import ItemContent

    assert issubclass(ExtractedItem, ItemContent) and issubclass(Item, ItemContent)
    too_long = {"title": "x" * 201, "category": "event", "confidence": 0.5}
    with pytest.raises(ValidationError, match="at most 200 characters"):
        ExtractedItem.model_validate(too_long)
    # The stored item is stricter in one way only: it names activities by slug.
    extracted = ExtractedItem(
        title="Chess", category=ItemCategory.EVENT, confidence=0.5, activities=["Chess Club"]
    )
    with pytest.raises(ValidationError, match="not a slug"):
        Item.model_validate(
            {
                **extracted.model_dump(),
                "id": "i",
                "school_id": "s",
                "newsletter_id": "n",
                "created_at": NOW,
                "updated_at": NOW,
            }
        )
