"""The admin page's strings: every one reaches the committed message catalog template."""

from __future__ import annotations

from pathlib import Path

from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po

REPO_ROOT = Path(__file__).resolve().parents[2]
ADMIN = REPO_ROOT / "functions" / "admin_web"
TEMPLATE = ADMIN / "locale" / "admin.pot"
METHODS = [("**.py", "python"), ("templates/**.html", "jinja2")]
OPTIONS = {
    "templates/**.html": {
        "extensions": "jinja2.ext.i18n",
        "trim_blocks": "True",
        "lstrip_blocks": "True",
    }
}


def _ids(message_id: str | tuple[str, ...]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def test_the_committed_catalog_template_holds_every_string_of_the_page() -> None:
    keywords = {**DEFAULT_KEYWORDS, "N_": None}
    found = {
        _ids(message[2]) for message in extract_from_dir(ADMIN, METHODS, OPTIONS, keywords=keywords)
    }
    with TEMPLATE.open("rb") as committed:
        catalog = {_ids(m.id) for m in read_po(committed) if m.id}
    assert found == catalog, (
        "functions/admin_web/locale/admin.pot is stale: run the pybabel extract line at the top"
        " of functions/admin_web/babel.cfg"
    )
    assert {"Review queue", "Approve selected", "Pre-K", "Pending review"} <= catalog
