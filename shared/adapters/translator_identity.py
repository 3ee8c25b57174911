"""The offline translator: item text stays as the school wrote it (the digest says so once)."""

from __future__ import annotations


class IdentityTranslator:
    name = "identity"
    translates = False

    def translate(self, text: str, target_language: str) -> str:
        return text
