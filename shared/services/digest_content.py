"""A digest's content: its numbered lines, item text in the parent's language, the links."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import Literal, NamedTuple
from zoneinfo import ZoneInfo

from shared.models import Item, LanguageCode, Parent, School, stable_id
from shared.ports import Document
from shared.records import Digest
from shared.rendering.digest import DigestContent, DigestLine, arrange
from shared.services.calendar import is_dated
from shared.services.digests import DigestDependencies

logger = logging.getLogger(__name__)

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
    shown = [
        (number, item)
        for number, card_id in enumerate(card_ids, start=1)
        if number > first_new and (item := items_by_card.get(card_id)) is not None
    ]
    texts, translated = shown_texts(deps, [item for _, item in shown], school, parent.language)
    lines = []
    for number, item in shown:
        text = texts[item.id]
        section = arrange([item], today)[0][0]
        lines.append(
            DigestLine(
                number=number,
                section=section,
                item=item,
                title=text.title,
                details=text.details,
                location=text.location,
                calendar_url=deps.links.item_url(item.id, now) if is_dated(item) else None,
            )
        )
    return DigestContent(
        language=parent.language,
        first_name=parent.name,
        school_name=school.name,
        lines=lines,
        untranslated_from=None if translated else school.default_language,
        kind=kind,
    )


class ShownText(NamedTuple):
    """An item's words as a parent reads them ("" for a field the item leaves empty)."""

    title: str
    details: str
    location: str

    @classmethod
    def of(cls, item: Item) -> ShownText:
        return cls(item.title, item.details, item.location or "")


def translation_key(translator_name: str, item: Item, language: LanguageCode) -> str:
    """The cache key of an item's text in one language: an edit of its title, details or
    location changes the fingerprint, so the edited item is translated afresh."""
    source = "\x1f".join(ShownText.of(item))
    fingerprint = hashlib.sha256(source.encode()).hexdigest()[:16]
    return stable_id("translation", item.id, language, fingerprint, translator_name)


def shown_texts(
    deps: DigestDependencies,
    items: Sequence[Item],
    school: School,
    language: LanguageCode,
    *,
    cached_only: bool = False,
) -> tuple[dict[str, ShownText], bool]:
    """Each item's words in the parent's language, by item id, and whether all of them are
    in it. Translations come from the per-item cache in the store; the items it lacks are
    translated in one call and cached (not with `cached_only`: what the digest's rendering
    could not translate is not asked again). A failed translation is not cached: its items
    show their source text (the digest says so) and are tried again next time."""
    texts = {item.id: ShownText.of(item) for item in items}
    if language == school.default_language or not items:
        return texts, True
    if not deps.translator.translates:
        return texts, False
    keys = {item.id: translation_key(deps.translator.name, item, language) for item in items}
    cached = deps.repos.store.get_many(TRANSLATIONS, sorted(set(keys.values())))
    for item_id, key in keys.items():
        if key in cached:
            found = cached[key]
            texts[item_id] = ShownText(
                str(found["title"]), str(found["details"]), str(found.get("location", ""))
            )
    missing = [item for item in items if keys[item.id] not in cached]
    if not missing or cached_only:
        return texts, not missing
    sources = [text for item in missing for text in ShownText.of(item) if text]
    try:
        translated = deps.translator.translate(sources, language)
    except Exception:
        # The port maps its own failures to None; anything else is a bug in a translator,
        # and still must not hold back a family's digest.
        logger.exception("translator raised", extra={"translator": deps.translator.name})
        translated = None
    if translated is None or len(translated) != len(sources):
        return texts, False
    answers = iter(translated)
    fresh: dict[str, Document] = {}
    for item in missing:
        text = ShownText(*(next(answers) if field else "" for field in ShownText.of(item)))
        texts[item.id] = text
        fresh[keys[item.id]] = {"item_id": item.id, "language": language, **text._asdict()}
    deps.repos.store.set_many(TRANSLATIONS, fresh)
    return texts, True


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
