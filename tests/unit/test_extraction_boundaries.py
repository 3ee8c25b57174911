"""The extraction domain reads documents only through ports: the engines (pdfplumber,
pypdfium2, Pillow, the tesseract and Whisper processes) live in shared/adapters."""

from __future__ import annotations

import ast
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
ENGINES = {"pdfplumber", "pdfminer", "pypdfium2", "PIL", "faster_whisper", "subprocess"}
ALLOWED = {SHARED / "wiring.py"}


def _imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_module_outside_the_adapters_imports_a_document_engine() -> None:
    offenders = {
        str(path.relative_to(SHARED)): sorted(_imported_roots(path) & ENGINES)
        for path in SHARED.rglob("*.py")
        if "adapters" not in path.parts and path not in ALLOWED and _imported_roots(path) & ENGINES
    }
    assert offenders == {}


def test_the_engine_adapters_do_import_them() -> None:
    # The check above would pass vacuously if the scan found nothing.
    assert "pdfplumber" in _imported_roots(SHARED / "adapters" / "pdf_layout.py")
    assert "subprocess" in _imported_roots(SHARED / "adapters" / "ocr_tesseract.py")
