"""The frame's strings: gettext catalogs per language, compiled by Babel.

The `.po` files under `locales/` are the source; the `.mo` files beside them are committed,
compiled by `python -m infra.cli compile-catalogs`, so a deployed function needs no build step.
A test fails when a `.mo` no longer matches its `.po`.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

from shared.models import LanguageCode

LOCALES_DIR = Path(__file__).resolve().parent / "locales"
DOMAIN = "digest"

# Our language codes to CLDR locales: Tagalog is written as Filipino (`fil`) in CLDR, and the
# families we serve read Simplified Chinese.
CLDR_LOCALE: dict[LanguageCode, str] = {"en": "en", "pa": "pa", "tl": "fil", "zh": "zh_Hans"}

Gettext = Callable[[str], str]


def locale_for(language: LanguageCode) -> Locale:
    return Locale.parse(CLDR_LOCALE[language])


def po_path(locale: str) -> Path:
    return LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalog(locale: str) -> Catalog:
    with po_path(locale).open("rb") as source:
        return read_po(source, locale=locale, domain=DOMAIN)


def compiled(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    return buffer.getvalue()


def compile_catalogs() -> list[Path]:
    """Write every `.mo` from its `.po`; returns the files written."""
    written = []
    for locale in CLDR_LOCALE.values():
        target = po_path(locale).with_suffix(".mo")
        target.write_bytes(compiled(read_catalog(locale)))
        written.append(target)
    return written


@cache
def gettext_for(language: LanguageCode) -> Gettext:
    """The frame's gettext for one language, loaded once per instance."""
    mo = po_path(CLDR_LOCALE[language]).with_suffix(".mo")
    with mo.open("rb") as source:
        return Translations(source, domain=DOMAIN).gettext
