"""The offline translator: item text stays as the school wrote it (the digest says so once)."""

from __future__ import annotations

from collections.abc import Sequence

from shared.models import LanguageCode


class IdentityTranslator:
    name = "identity"
    translates = False

    def translate(self, texts: Sequence[str], target_language: LanguageCode) -> list[str] | None:
        return None  # nothing is translated offline
