"""Public calendar links, served by the admin function for every /calendar/... path.

GET /calendar/i/<token>.ics  one item as an .ics (times in the school's timezone)
GET /calendar/d/<token>      one digest's page: its text, each item's .ics, all of them at once
GET /calendar/d/<token>.ics  every dated item of that digest in one .ics
No login: the signed, expiring token is the permission (see shared.services.calendar).
"""

from __future__ import annotations

import html
import re

import flask

from shared.services.calendar import LinkRejected, ics_for
from shared.wiring import get_container

_URL = re.compile(r"https?://[^\s<>\"]+")


def _not_found(reason: str) -> flask.Response:
    return flask.make_response(reason, 404, {"Content-Type": "text/plain; charset=utf-8"})


def _ics(body: bytes, name: str) -> flask.Response:
    return flask.make_response(
        body,
        200,
        {
            "Content-Type": "text/calendar; charset=utf-8",
            "Content-Disposition": f'attachment; filename="{name}.ics"',
            "Cache-Control": "private, max-age=300",
        },
    )


def handle(request: flask.Request) -> flask.Response:
    if request.method not in ("GET", "HEAD"):
        return flask.make_response("method not allowed", 405, {"Allow": "GET, HEAD"})
    path = request.path
    marker = path.find("/calendar/")
    parts = path[marker + len("/calendar/") :].split("/") if marker >= 0 else []
    if len(parts) != 2 or parts[0] not in ("i", "d"):
        return _not_found("no such calendar link")
    kind, token = parts[0], parts[1]
    wants_ics = token.endswith(".ics")
    token = token.removesuffix(".ics")
    container = get_container()
    now = container.clock.now()
    try:
        subject_id = container.calendar_links.verify("i" if kind == "i" else "d", token, now)
    except LinkRejected as exc:
        return _not_found(str(exc))
    repos = container.repos
    if kind == "i":
        item = repos.items.get(subject_id)
        school = repos.schools.get(item.school_id) if item else None
        if item is None or school is None or not wants_ics:
            return _not_found("this item is no longer available")
        return _ics(ics_for([item], school, now), "event")
    digest = repos.digests.get(subject_id)
    school = repos.schools.get(digest.school_id) if digest else None
    if digest is None or school is None:
        return _not_found("this digest is no longer available")
    cards = repos.cards.get_many(digest.card_ids)
    items = repos.items.get_many(sorted({c.item_id for c in cards.values()}))
    if wants_ics:
        ordered = [
            items[cards[c].item_id]
            for c in digest.card_ids
            if c in cards and cards[c].item_id in items
        ]
        return _ics(ics_for(ordered, school, now), "week")
    return _page(
        digest.body or "",
        container.calendar_links.digest_url(digest.id, now) + ".ics",
        digest.language,
    )


def _page(body: str, all_ics_url: str, language: str) -> flask.Response:
    """The digest's own text, escaped, with its links made clickable."""
    escaped = html.escape(body)
    linked = _URL.sub(lambda m: f'<a href="{m.group(0)}">{m.group(0)}</a>', escaped)
    page = (
        f'<!doctype html><html lang="{html.escape(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>ParentPath</title><style>body{font:16px/1.5 system-ui,sans-serif;margin:1rem;"
        "max-width:40rem}pre{white-space:pre-wrap;font:inherit}</style></head><body>"
        f'<pre>{linked}</pre><p><a href="{html.escape(all_ics_url)}">📅 .ics</a></p>'
        "</body></html>"
    )
    return flask.make_response(
        page,
        200,
        {
            "Content-Type": "text/html; charset=utf-8",
            "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
            "Referrer-Policy": "no-referrer",
        },
    )
