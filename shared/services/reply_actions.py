"""What each reply intent does for a known parent, and what we answer (in their language).

done marks a card of the parent's latest digest, help explains, a question is answered from
the school's items this parent may see (ItemSearch), an error report opens a Ticket on the item
meant, stop and start change consent on every record of the person, a language change updates
it. Every action is idempotent for one inbound message: ids derive from that message.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from shared.models import Card, CardStatus, ConsentState, Item, Parent, stable_id
from shared.ports import Clock, ItemSearch
from shared.records import Message, Ticket
from shared.repository import Repositories
from shared.retrieval.details import details_asked, details_unsaid
from shared.services import reply_texts
from shared.services.cards import latest_digest
from shared.services.intents import Classification, Intent

_ANSWER_MATCHES = 3


@dataclass(frozen=True)
class ActionContext:
    repos: Repositories
    search: ItemSearch
    clock: Clock
    parents: Sequence[Parent]  # every record of the person; the first is the one acted for
    inbound: Message
    text: str

    @property
    def parent(self) -> Parent:
        return self.parents[0]


def order_by_latest_digest(repos: Repositories, parents: Sequence[Parent]) -> list[Parent]:
    """A person with records at two schools is answered for the school that wrote last."""

    def latest(parent: Parent) -> float:
        digest = latest_digest(repos, parent.id)
        return digest.created_at.timestamp() if digest else float("-inf")

    return sorted(parents, key=latest, reverse=True) if len(parents) > 1 else list(parents)


def act(context: ActionContext, classification: Classification) -> str:
    """Carry out the intent and return the reply to send, in the parent's language."""
    handlers = {
        Intent.DONE: _done,
        Intent.HELP: lambda c, _: reply_texts.text("help", c.parent.language),
        Intent.QUERY: _answer_question,
        Intent.REPORT_ERROR: _report_error,
        Intent.STOP: _stop,
        Intent.START: _start,
        Intent.CHANGE_LANGUAGE: _change_language,
        Intent.SMALLTALK: _smalltalk,
    }
    return handlers[classification.intent](context, classification)


def _numbered_cards(context: ActionContext) -> list[tuple[int, Card, Item | None]]:
    digest = latest_digest(context.repos, context.parent.id)
    if digest is None:
        return []
    cards = context.repos.cards.get_many(digest.card_ids)
    items = context.repos.items.get_many([c.item_id for c in cards.values()])
    return [
        (number, cards[card_id], items.get(cards[card_id].item_id))
        for number, card_id in enumerate(digest.card_ids, start=1)
        if card_id in cards
    ]


def _title(item: Item | None) -> str:
    return item.title if item else "?"


def _done(context: ActionContext, classification: Classification) -> str:
    language = context.parent.language
    numbered = _numbered_cards(context)
    open_cards = [(n, c, i) for n, c, i in numbered if c.status is not CardStatus.DONE]
    choices = reply_texts.numbered_choices([(n, _title(i)) for n, _, i in open_cards])
    if not numbered:
        return reply_texts.text("nothing_open", language)
    if classification.item_ref is None:
        if len(open_cards) == 1:
            return _mark_done(context, *open_cards[0][1:])
        if not open_cards:
            return reply_texts.text("nothing_open", language)
        return reply_texts.text("done_which", language, choices=choices)
    if len(classification.item_refs) > 1:
        wanted = [(c, i) for n, c, i in numbered if n in classification.item_refs]
        if len(wanted) == len(classification.item_refs):
            return "\n".join(_mark_done(context, card, item) for card, item in wanted)
    match = [(c, i) for n, c, i in numbered if n == classification.item_ref]
    if not match:
        all_choices = choices or reply_texts.numbered_choices(
            [(n, _title(i)) for n, _, i in numbered]
        )
        return reply_texts.text(
            "done_out_of_range", language, count=len(numbered), choices=all_choices
        )
    return _mark_done(context, *match[0])


def _mark_done(context: ActionContext, card: Card, item: Item | None) -> str:
    language = context.parent.language
    if card.status is CardStatus.DONE:
        return reply_texts.text("done_already", language, title=_title(item))
    now = context.clock.now()
    context.repos.cards.put(card.model_copy(update={"status": CardStatus.DONE, "done_at": now}))
    return reply_texts.text("done", language, title=_title(item))


def _item_meant(context: ActionContext, classification: Classification) -> Item | None:
    """The item a reply is about: the number it names in the latest digest, else the best match
    for its words among the items this parent may see."""
    return _item_meant_and_unsaid(context, classification)[0]


def _item_meant_and_unsaid(
    context: ActionContext, classification: Classification
) -> tuple[Item | None, tuple[str, ...]]:
    """The item meant, and the details the text asks about that the item does not state."""
    if classification.item_ref is not None:
        for number, _, item in _numbered_cards(context):
            if number == classification.item_ref:
                return item, _unsaid_by(item, context.text)
    matches = context.search.search(
        context.parent.school_id,
        context.text,
        now=context.clock.now(),
        parent_id=context.parent.id,
        limit=_ANSWER_MATCHES,
    )
    if not matches:
        return None, ()
    return context.repos.items.get(matches[0].item_id), matches[0].unsaid


def _unsaid_by(item: Item | None, question: str) -> tuple[str, ...]:
    if item is None:
        return ()
    return details_unsaid(
        details_asked(question),
        title=item.title,
        details=item.details,
        location=item.location,
        action=item.action,
    )


def _open_ticket(context: ActionContext, kind: str, item: Item | None) -> None:
    ticket = Ticket(
        id=stable_id("ticket", context.inbound.id),
        school_id=context.parent.school_id,
        parent_id=context.parent.id,
        item_id=item.id if item else None,
        message_id=context.inbound.id,
        text=context.text[:4096],
        kind=kind,
        created_at=context.clock.now(),
    )
    context.repos.tickets.create(ticket)


def _answer_question(context: ActionContext, classification: Classification) -> str:
    language = context.parent.language
    item, unsaid = _item_meant_and_unsaid(context, classification)
    if item is None or item.school_id != context.parent.school_id:
        _open_ticket(context, "unanswered_question", None)
        return reply_texts.text("dont_know", language)
    if unsaid:
        # The item exists but its newsletter does not say what was asked: the school is asked.
        _open_ticket(context, "unanswered_question", item)
        return reply_texts.unsaid_answer_for(item, unsaid, language)
    return reply_texts.answer_for(item, language)


def _report_error(context: ActionContext, classification: Classification) -> str:
    item = _item_meant(context, classification)
    _open_ticket(context, "error_report", item)
    language = context.parent.language
    if item is None:
        return reply_texts.text("report", language)
    return reply_texts.text("report_item", language, title=item.title)


def _set_consent(context: ActionContext, consent: ConsentState) -> None:
    now = context.clock.now()
    for parent in context.parents:
        if parent.consent is not consent:
            context.repos.parents.put(
                parent.model_copy(update={"consent": consent, "consent_changed_at": now})
            )


def _stop(context: ActionContext, _: Classification) -> str:
    _set_consent(context, ConsentState.OPTED_OUT)
    return reply_texts.text("stopped", context.parent.language)


def _start(context: ActionContext, _: Classification) -> str:
    _set_consent(context, ConsentState.OPTED_IN)
    return reply_texts.text("started", context.parent.language)


def _change_language(context: ActionContext, classification: Classification) -> str:
    if classification.language is None:
        return reply_texts.text("languages_offered", context.parent.language)
    language = classification.language
    for parent in context.parents:
        if parent.language != language:
            context.repos.parents.put(parent.model_copy(update={"language": language}))
    return reply_texts.text("language_changed", language)


def _smalltalk(context: ActionContext, classification: Classification) -> str:
    key = "smalltalk" if classification.confident else "not_understood"
    return reply_texts.text(key, context.parent.language)
