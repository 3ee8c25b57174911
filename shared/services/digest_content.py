"""A digest's content: its numbered lines, item text in the parent's language, the links."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, datetime
from typing import Literal
from zoneinfo import ZoneInfo

from shared.models import Item, LanguageCode, Parent, School, stable_id
from shared.records import Digest
from shared.rendering.digest import DigestContent, DigestLine, arrange
from shared.services.calendar import is_dated
from shared.services.digests import DigestDependencies

TRANSLATIONS = "translations"


def digest_content(
    deps: DigestDependencies,
    parent: Parent,
    school: School,
    card_ids: Sequence[str],
    first_new: int,
    items_by_card: dict[str, Item],
    today: date,
    now: datetime,
    kind: Literal["weekly", "alert"],
) -> DigestContent:
    """The lines numbered as `card_ids` says, from number `first_new + 1` on (an alert shows
    only its own card after the weekly ones); a card whose item is gone is left out."""
    lines = []
    untranslated = False
    for number, card_id in enumerate(card_ids, start=1):
        item = items_by_card.get(card_id)
        if number <= first_new or item is None:
            continue
        title, details, translated = shown_text(deps, item, school, parent.language)
        untranslated = untranslated or not translated
        section = arrange([item], today)[0][0]
        lines.append(
            DigestLine(
                number=number,
                section=section,
                item=item,
                title=title,
                details=details,
                calendar_url=deps.links.item_url(item.id, now) if is_dated(item) else None,
            )
        )
    return DigestContent(
        language=parent.language,
        first_name=parent.name,
        school_name=school.name,
        lines=lines,
        untranslated_from=school.default_language if untranslated else None,
        kind=kind,
    )


def shown_text(
    deps: DigestDependencies, item: Item, school: School, language: LanguageCode
) -> tuple[str, str, bool]:
    """Title and details in the parent's language, from the per-item cache when there is one;
    the third value says whether they are in that language."""
    if language == school.default_language:
        return item.title, item.details, True
    if not deps.translator.translates:
        return item.title, item.details, False
    fingerprint = hashlib.sha256(f"{item.title}\x1f{item.details}".encode()).hexdigest()[:16]
    key = stable_id("translation", item.id, language, fingerprint, deps.translator.name)
    cached = deps.repos.store.get(TRANSLATIONS, key)
    if cached is not None:
        return str(cached["title"]), str(cached["details"]), True
    title = deps.translator.translate(item.title, language)
    details = deps.translator.translate(item.details, language) if item.details else ""
    deps.repos.store.set(
        TRANSLATIONS,
        key,
        {"item_id": item.id, "language": language, "title": title, "details": details},
    )
    return title, details, True


def sms_content(
    deps: DigestDependencies, parent: Parent, digest: Digest, now: datetime
) -> DigestContent:
    """The digest's content again from its stored numbering, for the SMS rendering."""
    repos = deps.repos
    school = repos.schools.get(digest.school_id)
    assert school is not None
    cards = repos.cards.get_many(digest.card_ids)
    items = repos.items.get_many(sorted({c.item_id for c in cards.values()}))
    by_card = {cid: items[c.item_id] for cid, c in cards.items() if c.item_id in items}
    first_new = 0
    if digest.kind == "alert":
        first_new = len(digest.card_ids) - 1
    today = now.astimezone(ZoneInfo(school.timezone)).date()
    return digest_content(
        deps,
        parent,
        school,
        digest.card_ids,
        first_new,
        by_card,
        today,
        now,
        digest.kind,
    )
