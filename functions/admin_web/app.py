"""The admin page's request cycle: public paths, sign-in, school scoping, CSRF, rendering."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import flask
import jinja2
from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_datetime, format_time
from babel.support import Translations
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge
from werkzeug.routing import Map, MapAdapter, Rule

from functions.admin_web.security import (
    CSRF_FIELD,
    Caller,
    CsrfRefused,
    check_csrf,
    csrf_token,
    identify,
    with_security_headers,
)
from shared.errors import BadInput, NotAuthenticated, NotAuthorised, NotFound, TransientError
from shared.models import PRE_K
from shared.services.ingest import too_large_reason
from shared.wiring import Container, get_container

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
# The page's only static files: its stylesheet and its icon (so browsers stop asking for one).
ASSETS = {
    "/assets/admin.css": (HERE / "static" / "admin.css", "text/css"),
    "/assets/icon.svg": (HERE / "static" / "icon.svg", "image/svg+xml"),
}
LOCALE_DIR = HERE / "locale"
DOMAIN = "admin"

View = Callable[["Page"], flask.Response]


def N_(message: str) -> str:
    """Marks a message for the catalog; it is translated where it is shown."""
    return message


# How the page names the domain's enum values (the store keeps the values themselves).
LABELS = {
    "event": N_("Event"),
    "deadline": N_("Deadline"),
    "closure": N_("Closure"),
    "meeting": N_("Meeting"),
    "fundraiser": N_("Fundraiser"),
    "volunteer": N_("Volunteer"),
    "announcement": N_("Announcement"),
    "sign": N_("Sign"),
    "bring": N_("Bring"),
    "pay": N_("Pay"),
    "register": N_("Register"),
    "rsvp": N_("RSVP"),
    "pending_review": N_("Pending review"),
    "approved": N_("Approved"),
    "rejected": N_("Rejected"),
    "withdrawn": N_("Withdrawn"),
    "received": N_("Received"),
    "parsing": N_("Reading"),
    "parsed": N_("Parsed"),
    "failed": N_("Failed"),
    "waiting_transcription": N_("Waiting for transcription"),
    "opted_in": N_("opted in"),
    "opted_out": N_("opted out"),
    "pending": N_("pending"),
    "open": N_("Open"),
    "resolved": N_("Resolved"),
    "queued": N_("Queued"),
    "sent": N_("Sent"),
    "delivered": N_("Delivered"),
    "read": N_("Read"),
    "item.approved": N_("Approved"),
    "item.rejected": N_("Rejected"),
    "item.edited": N_("Edited"),
    "ticket.resolved": N_("Ticket resolved"),
    "newsletter.rerun": N_("Extracted again"),
    "ticket": N_("ticket"),
    "newsletter": N_("newsletter"),
}
# Babel knows Tagalog as Filipino (Philippines); families and staff here call it Tagalog.
LANGUAGE_NAMES = {"tl": N_("Tagalog")}

URLS = Map(
    [
        Rule("/", endpoint="home", methods=["GET"]),
        Rule("/login", endpoint="login", methods=["GET", "POST"]),
        Rule("/logout", endpoint="logout", methods=["POST"]),
        Rule("/s/<school_id>/queue", endpoint="queue", methods=["GET"]),
        Rule("/s/<school_id>/bulk-approve", endpoint="bulk_approve", methods=["POST"]),
        Rule("/s/<school_id>/items/<item_id>", endpoint="item", methods=["GET"]),
        Rule("/s/<school_id>/items/<item_id>/approve", endpoint="approve", methods=["POST"]),
        Rule("/s/<school_id>/items/<item_id>/edit", endpoint="edit", methods=["POST"]),
        Rule("/s/<school_id>/items/<item_id>/reject", endpoint="reject", methods=["POST"]),
        Rule("/s/<school_id>/newsletters", endpoint="newsletters", methods=["GET"]),
        Rule("/s/<school_id>/newsletters/upload", endpoint="upload", methods=["POST"]),
        Rule(
            "/s/<school_id>/newsletters/<newsletter_id>/rerun", endpoint="rerun", methods=["POST"]
        ),
        Rule("/s/<school_id>/families", endpoint="families", methods=["GET"]),
        Rule("/s/<school_id>/families/import", endpoint="import_roster", methods=["POST"]),
        Rule("/s/<school_id>/tickets", endpoint="tickets", methods=["GET"]),
        Rule("/s/<school_id>/tickets/<ticket_id>/resolve", endpoint="resolve", methods=["POST"]),
        Rule("/s/<school_id>/audit", endpoint="audit", methods=["GET"]),
        Rule("/s/<school_id>/outbox", endpoint="outbox", methods=["GET"]),
    ],
    strict_slashes=False,
)
# Reachable without signing in (the login form itself checks its one-time link).
PUBLIC_ENDPOINTS = frozenset({"login"})

# --------------------------------------------------------------------------- translation


def available_languages() -> list[str]:
    found = {p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.mo")}
    return sorted(found | {"en"})


def negotiate_language(request: flask.Request) -> str:
    available = available_languages()
    wanted = [lang.replace("-", "_") for lang, _ in request.accept_languages] or ["en"]
    try:
        chosen = Locale.negotiate(wanted, available, sep="_")
    except (UnknownLocaleError, ValueError):
        chosen = None
    return str(chosen) if chosen else "en"


def grade_name(grade: int) -> str:
    # Shown through gettext in templates; these are the msgids.
    if grade == PRE_K:
        return N_("Pre-K")
    if grade == 0:
        return N_("K")
    return str(grade)


@lru_cache(maxsize=8)
def translations(language: str) -> Translations:
    return Translations.load(str(LOCALE_DIR), [language], domain=DOMAIN)


@lru_cache(maxsize=8)
def environment(language: str) -> jinja2.Environment:
    """One Jinja environment per language: autoescaping on for every template."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_translations(translations(language), newstyle=True)  # type: ignore[attr-defined]

    def day(value: date | None) -> str:
        return format_date(value, format="medium", locale=language) if value else ""

    def clock_time(value: time | None) -> str:
        return format_time(value, format="short", locale=language) if value else ""

    @jinja2.pass_context
    def moment(context: Any, value: datetime | None) -> str:
        """A timestamp in the school's own timezone (the store keeps UTC)."""
        if value is None:
            return ""
        school = context.get("school")
        zone = ZoneInfo(school.timezone) if school is not None else None
        return format_datetime(value, format="medium", tzinfo=zone, locale=language)

    def language_name(code: str) -> str:
        if code in LANGUAGE_NAMES:
            return translations(language).gettext(LANGUAGE_NAMES[code])
        try:
            return str(Locale.parse(code).get_display_name(language) or code)
        except (UnknownLocaleError, ValueError):
            return code

    def label(value: str) -> str:
        return translations(language).gettext(LABELS.get(value, value.replace("_", " ")))

    env.filters.update(
        day=day,
        clock_time=clock_time,
        moment=moment,
        grade=grade_name,
        language_name=language_name,
        label=label,
    )
    env.filters["percent"] = lambda value: f"{round(float(value) * 100)}%"
    return env


# --------------------------------------------------------------------------- one request


@dataclass
class Page:
    """What a view has to hand: the request, the container, the caller and the school."""

    request: flask.Request
    container: Container
    urls: MapAdapter
    language: str
    caller: Caller | None
    endpoint: str
    args: dict[str, Any]

    @property
    def school_id(self) -> str:
        return str(self.args["school_id"])

    @property
    def actor(self) -> str:
        assert self.caller is not None
        return self.caller.admin.email

    def url(self, endpoint: str, **values: Any) -> str:
        if "school_id" not in values and "school_id" in self.args:
            values["school_id"] = self.args["school_id"]
        return self.urls.build(endpoint, values)

    def render(self, template: str, status: int = 200, **context: Any) -> flask.Response:
        env = environment(self.language)
        context = {"error": "", "nav": "", **context}
        school = None
        if self.caller is not None and "school_id" in self.args:
            school = self.container.repos.schools.get(self.school_id)
        html = env.get_template(template).render(
            page=self,
            lang=self.language.replace("_", "-"),
            school=school,
            csrf_field=CSRF_FIELD,
            csrf=csrf_token(self.caller, self.container) if self.caller else "",
            stylesheet=self.request.script_root + "/assets/admin.css",
            local_run=self.container.settings.admin_auth == "login_link",
            notice=self.request.args.get("notice", ""),
            **context,
        )
        return flask.Response(html, status=status, mimetype="text/html")

    def redirect(self, endpoint: str, notice: str = "", **values: Any) -> flask.Response:
        target = self.url(endpoint, **values)
        if notice:
            target += ("&" if "?" in target else "?") + f"notice={notice}"
        return flask.redirect(target, code=303)


def _error_page(
    request: flask.Request, status: int, message: str, caller: Caller | None = None
) -> flask.Response:
    language = negotiate_language(request)
    html = (
        environment(language)
        .get_template("error.html")
        .render(
            lang=language.replace("_", "-"),
            status=status,
            message=translations(language).gettext(message),
            stylesheet=request.script_root + "/assets/admin.css",
            signed_in=caller is not None,
        )
    )
    return flask.Response(html, status=status, mimetype="text/html")


def _calendar(request: flask.Request) -> flask.Response:
    """The digests' signed calendar links: public, and served by the digests' own module."""
    from functions import calendar_links

    return calendar_links.handle(request)


def _asset(path: str) -> flask.Response:
    file, mimetype = ASSETS[path]
    response = flask.Response(file.read_bytes(), mimetype=mimetype)
    response.headers["Cache-Control"] = "public, max-age=300"
    return response


def handle(request: flask.Request, views: dict[str, View]) -> flask.Response:
    """Answer one request to the admin function; every response carries the security headers."""
    path = request.path
    if path.startswith("/calendar/"):
        return _calendar(request)
    if path == "/health":
        return with_security_headers(flask.jsonify(status="ok"))
    if path in ASSETS:
        return with_security_headers(_asset(path))
    return with_security_headers(_dispatch(request, views))


def _dispatch(request: flask.Request, views: dict[str, View]) -> flask.Response:
    container = get_container()
    caller: Caller | None = None
    try:
        urls = URLS.bind_to_environ(request.environ)
        endpoint, args = urls.match()
        # The largest form is an upload: refuse bigger bodies before reading them. (Setting
        # request.max_content_length instead breaks functions-framework, which reads the body
        # again after the response.)
        if (request.content_length or 0) > container.settings.max_upload_bytes + 64 * 1024:
            raise RequestEntityTooLarge(
                too_large_reason(request.content_length or 0, container.settings.max_upload_bytes)
            )
        if endpoint not in PUBLIC_ENDPOINTS:
            caller = identify(request, container)
            if "school_id" in args:
                caller.admin.check_school(str(args["school_id"]))
            if request.method == "POST":
                check_csrf(request, caller, container)
        page = Page(request, container, urls, negotiate_language(request), caller, endpoint, args)
        return views[endpoint](page)
    except HTTPException as exc:
        return _error_page(request, exc.code or 500, exc.description or exc.name, caller)
    except NotAuthenticated as exc:
        logger.warning("admin request not authenticated", extra={"reason": str(exc)})
        return _error_page(request, 401, N_("Sign in to use the admin page."))
    except NotAuthorised:
        return _error_page(request, 403, N_("You are not an admin of this school."), caller)
    except CsrfRefused as exc:
        return _error_page(request, 403, str(exc), caller)
    except NotFound:
        return _error_page(request, 404, N_("Not found in this school."), caller)
    except BadInput as exc:
        return _error_page(request, 400, str(exc), caller)
    except TransientError:
        logger.exception("admin request failed transiently")
        return _error_page(request, 503, N_("Something we depend on is unavailable; try again."))
    except Exception:
        logger.exception("admin request failed")
        return _error_page(request, 500, N_("Something went wrong; it is logged for us to fix."))
