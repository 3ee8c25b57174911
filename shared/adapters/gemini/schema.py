"""The answer Gemini is asked for (sent as `response_schema`) and read back into.

Gemini's schema language is a subset of OpenAPI: plain strings for dates and times, nullable
fields, enums of strings; no `$ref`, no `additionalProperties`. google-genai turns these
pydantic models into that subset (Optional fields become `nullable`), and the stand-in refuses
any keyword outside it, as Gemini does.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from shared.models import ItemAction, ItemCategory


class WireItem(BaseModel):
    """One parent-relevant item found in the document."""

    # This docstring and the field descriptions are sent to Gemini as the response schema.

    title: str = Field(description="Short, specific title, in English when the text has it.")
    details: str = Field(
        default="", description="One or two sentences a parent needs: what, cost, what to bring."
    )
    category: ItemCategory
    start_date: str | None = Field(
        default=None, description="YYYY-MM-DD: the date, the first occurrence, or the due date."
    )
    end_date: str | None = Field(
        default=None, description="YYYY-MM-DD, inclusive last day of a multi-day range only."
    )
    start_time: str | None = Field(default=None, description="HH:MM, 24-hour, local time.")
    end_time: str | None = Field(default=None, description="HH:MM, 24-hour, local time.")
    all_grades: bool = Field(description="True for whole-school items.")
    grades: list[int] = Field(
        description="Grades named when all_grades is false: Pre-K -1, K 0, Grade 1 1, ..."
    )
    activities: list[str] = Field(
        default_factory=list, description="Slugs from the school's activity catalog only."
    )
    action_required: bool = Field(
        default=False, description="True when the family must do, bring, sign, pay or register."
    )
    action: ItemAction | None = None
    location: str | None = None
    recurrence: str | None = Field(
        default=None, description="RRULE without prefix, e.g. FREQ=WEEKLY;BYDAY=TH, else null."
    )
    confidence: float = Field(description="0 to 1: how sure the item and its date are right.")


class WireExtraction(BaseModel):
    """Every parent-relevant item in the document, and the date printed on it."""

    issued_on: str | None = Field(
        default=None, description="YYYY-MM-DD date printed on the document itself, else null."
    )
    items: list[WireItem]
