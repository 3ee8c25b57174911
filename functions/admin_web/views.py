"""The admin page's views: each parses its form, calls one service, renders or redirects."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import flask
import werkzeug.exceptions
from pydantic import ValidationError

from functions.admin_web.app import Page, View
from functions.admin_web.security import SESSION_COOKIE, session_cookie
from shared.adapters.roster_files import roster_source_from_upload
from shared.errors import BadInput, NotAuthenticated
from shared.models import Item, ItemAction, ItemCategory
from shared.services.admin_access import redeem_login_link
from shared.services.review import ItemEdit, audit_trail
from shared.services.roster_import import RosterUnreadable
from shared.services.roster_import import import_roster as import_roster_service
from shared.services.school_admin import (
    newsletters_of,
    outbox_of,
    reach_of,
    rerun_newsletter,
    resolve_ticket,
    tickets_of,
    upload_newsletter,
)


def home(page: Page) -> flask.Response:
    assert page.caller is not None
    return page.redirect("queue", school_id=page.caller.admin.school_ids[0])


def login(page: Page) -> flask.Response:
    if page.container.settings.admin_auth != "login_link":
        raise werkzeug.exceptions.NotFound()  # behind IAP, IAP is the only way in
    if page.request.method == "GET":
        return page.render("login.html", token=page.request.args.get("token", ""))
    token = page.request.form.get("token", "")
    if not token:
        raise NotAuthenticated("no sign-in link")
    admin = redeem_login_link(token, page.container.repos, page.container.clock)
    response = flask.redirect(page.url("queue", school_id=admin.school_ids[0]), code=303)
    response.set_cookie(
        SESSION_COOKIE,
        session_cookie(admin, page.container),
        max_age=page.container.settings.admin_session_max_age_s,
        httponly=True,
        secure=page.request.is_secure,
        samesite="Lax",
        path=page.request.script_root or "/",
    )
    return response


def logout(page: Page) -> flask.Response:
    response = flask.redirect(page.url("login"), code=303)
    response.delete_cookie(SESSION_COOKIE, path=page.request.script_root or "/")
    return response


# --------------------------------------------------------------------------- review


def queue(page: Page) -> flask.Response:
    after = page.request.args.get("after") or None
    review_queue = page.container.review.queue(page.school_id, after=after)
    return page.render("queue.html", queue=review_queue, nav="queue")


def item(page: Page, error: str = "", status: int = 200) -> flask.Response:
    review = page.container.review.review(page.school_id, str(page.args["item_id"]))
    # After a refused edit the form shows what was typed, so nothing has to be typed again.
    draft = page.request.form if page.endpoint == "edit" else None
    return page.render(
        "item.html",
        status,
        review=review,
        form=_form_values(review.item, draft),
        nav="queue",
        error=error,
        categories=list(ItemCategory),
        actions=list(ItemAction),
    )


def approve(page: Page) -> flask.Response:
    page.container.review.approve(page.actor, page.school_id, str(page.args["item_id"]))
    return _back(page, "approved")


def reject(page: Page) -> flask.Response:
    reason = page.request.form.get("reason", "")
    try:
        page.container.review.reject(page.actor, page.school_id, str(page.args["item_id"]), reason)
    except BadInput as exc:
        return item(page, error=str(exc), status=400)
    return _back(page, "rejected")


def edit(page: Page) -> flask.Response:
    try:
        changes = ItemEdit.model_validate(_edit_fields(page.request.form))
        page.container.review.edit(page.actor, page.school_id, str(page.args["item_id"]), changes)
    except ValidationError as exc:
        return item(page, error=_validation_message(exc), status=400)
    except BadInput as exc:
        return item(page, error=str(exc), status=400)
    return page.redirect("item", "saved", item_id=page.args["item_id"])


def bulk_approve(page: Page) -> flask.Response:
    selected = page.request.form.getlist("item_id")
    if not selected:
        return page.redirect("queue", "nothing_selected")
    page.container.review.bulk_approve(page.actor, page.school_id, selected)
    return page.redirect("queue", "bulk_approved")


def _back(page: Page, notice: str) -> flask.Response:
    """Back to where the action was taken: the queue, or the item's own page."""
    if page.request.form.get("from") == "item":
        return page.redirect("item", notice, item_id=page.args["item_id"])
    return page.redirect("queue", notice)


def _edit_fields(form: Any) -> dict[str, Any]:
    def optional(name: str) -> str | None:
        value = str(form.get(name, "")).strip()
        return value or None

    grades = form.getlist("grades")
    return {
        "title": form.get("title", ""),
        "details": form.get("details", ""),
        "category": form.get("category", ""),
        "start_date": optional("start_date"),
        "end_date": optional("end_date"),
        "start_time": optional("start_time"),
        "end_time": optional("end_time"),
        "grades": "all" if "all" in grades else [g for g in grades if g],
        "activities": form.getlist("activities"),
        "action_required": form.get("action_required") == "on",
        "action": optional("action"),
        "location": optional("location"),
    }


def _form_values(shown: Item, draft: Any) -> dict[str, Any]:
    """The edit form's fields as text: the item's, or those of a refused submission."""
    if draft is not None:
        return {
            **{name: str(draft.get(name, "")) for name in _TEXT_FIELDS},
            "grades": draft.getlist("grades"),
            "activities": draft.getlist("activities"),
            "action_required": draft.get("action_required") == "on",
        }

    def text(value: Any) -> str:
        if value is None:
            return ""
        if isinstance(value, time):
            return value.strftime("%H:%M")
        if isinstance(value, date):
            return value.isoformat()
        return str(getattr(value, "value", value))

    return {
        **{name: text(getattr(shown, name)) for name in _TEXT_FIELDS},
        "grades": ["all"] if shown.grades == "all" else [str(g) for g in shown.grades],
        "activities": list(shown.activities),
        "action_required": shown.action_required,
    }


_TEXT_FIELDS = (
    "title",
    "details",
    "category",
    "start_date",
    "end_date",
    "start_time",
    "end_time",
    "action",
    "location",
)


def _validation_message(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors(include_input=False, include_url=False):
        where = ".".join(str(part) for part in error["loc"])
        problems.append(f"{where}: {error['msg']}" if where else error["msg"])
    return "; ".join(problems)


# --------------------------------------------------------------------------- the rest


def newsletters(page: Page, error: str = "", status: int = 200) -> flask.Response:
    rows = newsletters_of(page.school_id, page.container.repos)
    return page.render("newsletters.html", status, rows=rows, nav="newsletters", error=error)


def upload(page: Page) -> flask.Response:
    upload_file = page.request.files.get("newsletter")
    if upload_file is None or not upload_file.filename:
        return newsletters(page, error="Choose a file to upload.", status=400)
    settings = page.container.settings
    data = upload_file.stream.read(settings.max_upload_bytes + 1)
    try:
        upload_newsletter(
            page.school_id,
            upload_file.filename,
            data,
            upload_file.mimetype,
            page.container.blobs,
            page.container.clock,
            settings.max_upload_bytes,
        )
    except BadInput as exc:
        return newsletters(page, error=str(exc), status=400)
    return page.redirect("newsletters", "uploaded")


def rerun(page: Page) -> flask.Response:
    rerun_newsletter(
        page.actor,
        page.school_id,
        str(page.args["newsletter_id"]),
        page.container.parse_dependencies,
    )
    return page.redirect("newsletters", "rerun")


def families(page: Page, report: Any = None, error: str = "", status: int = 200) -> flask.Response:
    reach = reach_of(page.school_id, page.container.repos)
    return page.render(
        "families.html", status, reach=reach, report=report, error=error, nav="families"
    )


def import_roster(page: Page) -> flask.Response:
    roster_file = page.request.files.get("roster")
    if roster_file is None or not roster_file.filename:
        return families(page, error="Choose a roster file to import.", status=400)
    data = roster_file.stream.read()
    try:
        source = roster_source_from_upload(roster_file.filename, data)
        report = import_roster_service(source, page.school_id, page.container.repos)
    except RosterUnreadable as exc:
        return families(page, error=str(exc), status=400)
    return families(page, report=report)


def tickets(page: Page) -> flask.Response:
    rows = tickets_of(page.school_id, page.container.repos)
    return page.render("tickets.html", rows=rows, nav="tickets")


def resolve(page: Page) -> flask.Response:
    resolve_ticket(
        page.actor,
        page.school_id,
        str(page.args["ticket_id"]),
        page.container.repos,
        page.container.clock,
    )
    return page.redirect("tickets", "resolved")


def audit(page: Page) -> flask.Response:
    events = audit_trail(page.school_id, page.container.repos)
    items = page.container.repos.items.get_many(
        sorted({e.subject_id for e in events if e.subject_kind == "item"})
    )
    titles = {i.id: i.title for i in items.values() if i.school_id == page.school_id}
    return page.render("audit.html", events=events, titles=titles, nav="audit")


def outbox(page: Page) -> flask.Response:
    messages = outbox_of(page.school_id, page.container.repos)
    return page.render("outbox.html", messages=messages, nav="outbox")


VIEWS: dict[str, View] = {
    "home": home,
    "login": login,
    "logout": logout,
    "queue": queue,
    "bulk_approve": bulk_approve,
    "item": item,
    "approve": approve,
    "edit": edit,
    "reject": reject,
    "newsletters": newsletters,
    "upload": upload,
    "rerun": rerun,
    "families": families,
    "import_roster": import_roster,
    "tickets": tickets,
    "resolve": resolve,
    "audit": audit,
    "outbox": outbox,
}
