"""The admin page in real headless Chromium (Debian's), driven by Playwright, on the local stack.

The whole local stack runs: the in-process queue POSTs target_item as Cloud Tasks would, and
the inbox watcher hands uploads to parse_newsletter. Screenshots of the queue and an item page,
at desktop and phone width, are kept in test-artifacts/admin/ (ADMIN_ARTIFACTS_DIR).
"""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

import pytest

from infra.local_stack import LocalStack, admin_login_url, create_local_stack
from shared.models import Item, ItemCategory, ItemSource, ItemStatus
from shared.ports import FieldFilter
from shared.records import Ticket, TicketStatus

playwright_api = pytest.importorskip("playwright.sync_api")

REPO_ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(os.environ.get("ADMIN_ARTIFACTS_DIR", REPO_ROOT / "test-artifacts" / "admin"))
NEWSLETTER = REPO_ROOT / "infra" / "sample" / "newsletters" / "maple-grove-weekly.pdf"
XSS_TITLE = "<img src=x onerror=alert(1)>"
AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
T = TypeVar("T")

if not CHROMIUM.exists():
    if os.environ.get("CI") == "true":
        pytest.fail(f"{CHROMIUM} is missing: infra/scripts/install-browser.sh installs it")
    pytest.skip(f"{CHROMIUM} is missing (make browser installs it)", allow_module_level=True)


def eventually(probe: Callable[[], T | None], timeout_s: float = 60.0) -> T:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.25)
    raise AssertionError(f"nothing within {timeout_s} s")


def pending(item_id: str, title: str, confidence: float, **fields: object) -> Item:
    values: dict[str, object] = {
        "id": item_id,
        "school_id": "sample-school",
        "newsletter_id": "nl-seeded",
        "title": title,
        "category": ItemCategory.EVENT,
        "grades": [3],
        "confidence": confidence,
        "created_at": AT,
        "updated_at": AT,
        **fields,
    }
    return Item.model_validate(values)


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LocalStack]:
    patch = pytest.MonkeyPatch()
    patch.setenv("DATA_DIR", str(tmp_path_factory.mktemp("admin-browser") / "var"))
    patch.setenv("TASK_MAX_ATTEMPTS", "2")
    patch.setenv("TASK_MIN_BACKOFF_S", "0.01")
    patch.setenv("TASK_MAX_BACKOFF_S", "0.05")
    patch.delenv("ADMIN_AUTH", raising=False)
    running = create_local_stack(port=0)
    running.container.repos.items.put_many(
        [
            pending(
                "picture-day",
                "Picture day",
                0.41,
                start_date="2026-10-09",
                details="Bring a smile.",
                source=ItemSource(page=1, text="Picture day is Friday, October 9, in the gym."),
            ),
            pending("xss", XSS_TITLE, 0.2, details="<script>alert(2)</script>"),
            pending("bake-sale", "Bake sale", 0.55),
            pending("book-fair", "Book fair", 0.62),
            pending("hot-lunch", "Hot lunch order", 0.7, grades="all"),
            pending("parking", "Parking lot closed", 0.8),
        ]
    )
    running.container.repos.tickets.put(
        Ticket(
            id="ticket-1",
            school_id="sample-school",
            parent_id="p01",
            item_id="picture-day",
            message_id="m-1",
            text="That date is wrong, it is the 16th",
            created_at=AT,
        )
    )
    thread = threading.Thread(target=running.serve_forever, daemon=True)
    thread.start()
    yield running
    running.server.shutdown()
    thread.join(timeout=10)
    patch.undo()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_FLAGS
        )
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def session(browser: object, stack: LocalStack) -> Iterator[tuple[object, list[str]]]:
    """One signed-in browser context for the whole story, recording any dialog that opens and
    any console error."""
    context = browser.new_context(viewport=DESKTOP)  # type: ignore[attr-defined]
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    # A CSP violation (an inline script or style slipping in) is logged as a console error.
    page.on(
        "console",
        lambda message: (
            dialogs.append(f"console {message.type}: {message.text}")
            if message.type == "error"
            else None
        ),
    )
    login_url = admin_login_url(stack)
    assert login_url is not None
    page.goto(login_url)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/s/sample-school/queue"))
    yield page, dialogs
    context.close()


def shoot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for label, size in (("desktop", DESKTOP), ("phone", PHONE)):
        page.set_viewport_size(size)  # type: ignore[attr-defined]
        page.screenshot(path=str(ARTIFACTS / f"{name}-{label}.png"), full_page=True)  # type: ignore[attr-defined]
    page.set_viewport_size(DESKTOP)  # type: ignore[attr-defined]


def queue_url(stack: LocalStack) -> str:
    return f"{stack.base_url}/admin/s/sample-school/queue"


def test_1_the_queue_shows_untrusted_titles_as_text_and_runs_nothing(
    session: tuple[object, list[str]], stack: LocalStack
) -> None:
    page, dialogs = session
    expect = playwright_api.expect
    page.goto(queue_url(stack))  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name="Review queue")).to_be_visible()  # type: ignore[attr-defined]
    expect(page.get_by_text(XSS_TITLE, exact=True)).to_be_visible()  # type: ignore[attr-defined]
    assert page.locator("img").count() == 0  # type: ignore[attr-defined]
    page.goto(f"{stack.base_url}/admin/s/sample-school/items/xss")  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name=XSS_TITLE)).to_be_visible()  # type: ignore[attr-defined]
    page.wait_for_timeout(300)  # type: ignore[attr-defined]
    assert dialogs == []


def test_2_keyboard_users_skip_to_content_and_see_focus(
    session: tuple[object, list[str]], stack: LocalStack
) -> None:
    page, _ = session
    page.goto(queue_url(stack))  # type: ignore[attr-defined]
    page.keyboard.press("Tab")  # type: ignore[attr-defined]
    focused = page.evaluate("document.activeElement.textContent")  # type: ignore[attr-defined]
    assert focused.strip() == "Skip to content"
    outline = page.evaluate(  # type: ignore[attr-defined]
        "getComputedStyle(document.activeElement).outlineStyle"
    )
    assert outline == "solid"
    # Every form control has a label the browser can name it by.
    unnamed = page.evaluate(  # type: ignore[attr-defined]
        """[...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
             .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
             .length"""
    )
    assert unnamed == 0


def test_3_edit_a_date_then_approve_and_see_the_cards(
    session: tuple[object, list[str]], stack: LocalStack
) -> None:
    page, _ = session
    expect = playwright_api.expect
    page.goto(queue_url(stack))  # type: ignore[attr-defined]
    shoot(page, "queue")
    page.get_by_role("link", name="Edit or reject: Picture day").click()  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name="Picture day", exact=True)).to_be_visible()  # type: ignore[attr-defined]
    shoot(page, "item")
    page.get_by_label("Start date").fill("2026-10-16")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Save changes").click()  # type: ignore[attr-defined]
    expect(page.get_by_role("status")).to_contain_text("Saved")  # type: ignore[attr-defined]
    expect(page.get_by_label("Start date")).to_have_value("2026-10-16")  # type: ignore[attr-defined]
    edited = stack.container.repos.items.get("picture-day")
    assert edited is not None and edited.start_date is not None
    assert edited.start_date.isoformat() == "2026-10-16"

    page.get_by_role("button", name="Approve", exact=True).click()  # type: ignore[attr-defined]
    expect(page.get_by_role("status")).to_contain_text("Approved")  # type: ignore[attr-defined]

    def cards_shown() -> bool:
        page.reload()  # type: ignore[attr-defined]
        return "2 cards made so far" in page.content()  # type: ignore[attr-defined]

    eventually(cards_shown, timeout_s=30)
    cards = stack.container.repos.cards.find(FieldFilter("item_id", "==", "picture-day"))
    assert {c.parent_id for c in cards} == {"p01", "p06"}


def test_4_reject_with_a_reason(session: tuple[object, list[str]], stack: LocalStack) -> None:
    page, _ = session
    expect = playwright_api.expect
    page.goto(f"{stack.base_url}/admin/s/sample-school/items/bake-sale")  # type: ignore[attr-defined]
    page.get_by_label("Reason for rejecting").fill("Last year's sale")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Reject").click()  # type: ignore[attr-defined]
    expect(page.get_by_role("status")).to_contain_text("Rejected")  # type: ignore[attr-defined]
    rejected = stack.container.repos.items.get("bake-sale")
    assert rejected is not None and rejected.status is ItemStatus.REJECTED


def test_5_bulk_approve_a_selection(session: tuple[object, list[str]], stack: LocalStack) -> None:
    page, _ = session
    expect = playwright_api.expect
    page.goto(queue_url(stack))  # type: ignore[attr-defined]
    page.get_by_role("checkbox", name="Book fair").check()  # type: ignore[attr-defined]
    page.get_by_role("checkbox", name="Hot lunch order").check()  # type: ignore[attr-defined]
    page.get_by_role("button", name="Approve selected").first.click()  # type: ignore[attr-defined]
    expect(page.get_by_role("status")).to_contain_text("approved")  # type: ignore[attr-defined]
    for item_id in ("book-fair", "hot-lunch"):
        approved = stack.container.repos.items.get(item_id)
        assert approved is not None and approved.status is ItemStatus.APPROVED
    expect(page.get_by_text("Book fair")).to_have_count(0)  # type: ignore[attr-defined]

    def hot_lunch_cards() -> bool:
        found = stack.container.repos.cards.find(FieldFilter("item_id", "==", "hot-lunch"))
        return len(found) == 8  # every opted-in family of the sample school

    eventually(hot_lunch_cards, timeout_s=30)


def test_6_upload_a_newsletter_and_see_its_items_arrive(
    session: tuple[object, list[str]], stack: LocalStack
) -> None:
    page, _ = session
    expect = playwright_api.expect
    page.goto(f"{stack.base_url}/admin/s/sample-school/newsletters")  # type: ignore[attr-defined]
    page.get_by_label(re.compile("Upload a newsletter")).set_input_files(str(NEWSLETTER))  # type: ignore[attr-defined]
    page.get_by_role("button", name="Upload", exact=True).click()  # type: ignore[attr-defined]
    expect(page.get_by_role("status")).to_contain_text("Uploaded")  # type: ignore[attr-defined]

    def parsed() -> bool:
        page.reload()  # type: ignore[attr-defined]
        return "Parsed" in page.content()  # type: ignore[attr-defined]

    eventually(parsed, timeout_s=120)
    shoot(page, "newsletters")
    page.goto(queue_url(stack))  # type: ignore[attr-defined]
    summary = page.locator(".summary").inner_text()  # type: ignore[attr-defined]
    waiting = int(summary.split()[0])
    assert waiting >= 15  # the newsletter's items joined the two seeded ones still pending


def test_7_see_a_ticket_and_resolve_it(
    session: tuple[object, list[str]], stack: LocalStack
) -> None:
    page, dialogs = session
    expect = playwright_api.expect
    page.goto(f"{stack.base_url}/admin/s/sample-school/tickets")  # type: ignore[attr-defined]
    expect(page.get_by_text("That date is wrong, it is the 16th")).to_be_visible()  # type: ignore[attr-defined]
    shoot(page, "tickets")
    page.get_by_role("button", name=re.compile("^Resolve")).click()  # type: ignore[attr-defined]
    expect(page.get_by_role("status")).to_contain_text("Ticket resolved")  # type: ignore[attr-defined]
    ticket = stack.container.repos.tickets.get("ticket-1")
    assert ticket is not None and ticket.status is TicketStatus.RESOLVED
    assert dialogs == []


def test_8_families_and_the_audit_trail(
    session: tuple[object, list[str]], stack: LocalStack
) -> None:
    page, dialogs = session
    expect = playwright_api.expect
    page.goto(f"{stack.base_url}/admin/s/sample-school/families")  # type: ignore[attr-defined]
    expect(page.get_by_role("rowheader", name="Avery Thompson")).to_be_visible()  # type: ignore[attr-defined]
    assert "604555" not in page.content()  # type: ignore[attr-defined]
    shoot(page, "families")
    page.goto(f"{stack.base_url}/admin/s/sample-school/audit")  # type: ignore[attr-defined]
    rejected = page.get_by_role("row").filter(has_text="Rejected:")  # type: ignore[attr-defined]
    expect(rejected.get_by_role("link", name="Bake sale")).to_be_visible()
    expect(page.get_by_text("Last year's sale")).to_be_visible()  # type: ignore[attr-defined]
    shoot(page, "audit")
    assert dialogs == []
