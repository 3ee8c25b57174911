"""What goes into an extractor and what comes out, whichever backend does the work.

`ExtractedItem` carries the fields of the evaluation label schema (../shared/eval/README.md)
plus what the product needs besides (details, the action asked, a confidence). It is untrusted
until `items_fit_for_school` (validation.py) has checked it against the school: LLM output and
OCR rules can both invent grades a school does not have or activities it does not run.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from shared.models import Activity, Grade, ItemContent, ItemSource, School, TimezoneName


class ExtractionContext(BaseModel):
    """What an extractor knows about the school before it reads the document."""

    model_config = ConfigDict(frozen=True)

    school_name: str = ""
    issued_on: date = Field(
        description="The document's date when known, else the upload date in the school's "
        "timezone; dates without a year resolve within the school year around it."
    )
    issued_on_is_known: bool = Field(
        default=False,
        description="True when issued_on came from the document or its labels; an extractor "
        "that finds the document's own date may prefer it when this is False.",
    )
    timezone: TimezoneName
    grades_offered: list[Grade] = Field(min_length=1)
    activities: list[Activity] = Field(default_factory=list)

    @classmethod
    def for_school(
        cls, school: School, issued_on: date, *, issued_on_is_known: bool = False
    ) -> ExtractionContext:
        return cls(
            school_name=school.name,
            issued_on=issued_on,
            issued_on_is_known=issued_on_is_known,
            timezone=school.timezone,
            grades_offered=school.grades_offered,
            activities=school.activities,
        )

    @classmethod
    def from_labels(cls, labels: dict[str, Any]) -> ExtractionContext:
        """The context a labels file gives (its items are ignored): slugs become activities."""
        return cls(
            school_name=labels.get("school", ""),
            issued_on=labels["issued_on"],
            issued_on_is_known=True,
            timezone=labels["timezone"],
            grades_offered=labels["grades_offered"],
            activities=[
                Activity(slug=slug, name=slug.replace("-", " "))
                for slug in labels.get("activities_catalog", [])
            ],
        )

    @property
    def activity_slugs(self) -> set[str]:
        return {a.slug for a in self.activities}


class ExtractedItem(ItemContent):
    """One parent-relevant thing found in a newsletter, in the label schema's terms.

    Its fields and their constraints are the Item's (shared.models.ItemContent).
    """

    model_config = ConfigDict(extra="ignore")

    source: ItemSource | None = Field(
        default=None, description="The page and the words the item was read from."
    )

    def to_label(self) -> dict[str, Any]:
        """The item as the evaluation label schema writes it."""
        grades: Literal["all"] | list[int] = (
            "all" if self.grades == "all" else sorted(set(self.grades))
        )
        return {
            "title": self.title,
            "category": self.category.value,
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "end_date": self.end_date.isoformat() if self.end_date else None,
            "start_time": self.start_time.strftime("%H:%M") if self.start_time else None,
            "end_time": self.end_time.strftime("%H:%M") if self.end_time else None,
            "grades": grades,
            "activities": sorted(set(self.activities)),
            "action_required": self.action_required,
            "location": self.location,
            "recurrence": self.recurrence,
            "confidence": round(self.confidence, 3),
        }


class ExtractionResult(BaseModel):
    """Everything one extractor run produced for one document."""

    items: list[ExtractedItem]
    extractor: str = Field(description="Which backend produced the items, e.g. 'offline'.")
    issued_on: date | None = Field(default=None, description="The date the document carries.")
    tokens_used: int = Field(default=0, ge=0)
    notes: list[str] = Field(
        default_factory=list, description="Plain-language remarks for admins (e.g. OCR used)."
    )
