"""Golden files: one family's week (the sample school's Maria Santos: a grade-5 child in
basketball and robotics) as a WhatsApp digest and as an SMS, in each of the four languages.

The files under tests/golden/digests/ were read line by line when written; a change to the
rendering shows up here as a diff to read again. UPDATE_GOLDEN=1 rewrites them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from infra.standins.gemini import FakeGemini
from shared.ports import Translator
from shared.rendering.catalogs import gettext_for
from shared.rendering.sms import sms_size
from shared.services.digest_send import SendDigestTask, send_digest
from shared.services.digests import build_digests
from tests.contract.gemini_support import FakeTime
from tests.digest_world import make_world, open_window
from tests.translation_support import make_translator, translating

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "digests"
FAMILY, PHONE = "p04", "+16045550104"
LANGUAGES = ("en", "pa", "tl", "zh")


def _digest_text(
    tmp_path: Path, language: str, *, sms: bool, translator: Translator | None = None
) -> str:
    world = make_world(tmp_path, translator=translator)
    world.repos.store.update("parents", FAMILY, {"language": language})
    if sms:
        world.repos.store.update("parents", FAMILY, {"whatsapp_reachable": False})
    else:
        open_window(world, FAMILY)
    build_digests(world.deps)
    payload = next(p for _, p, _ in world.tasks.tasks if p["parent_id"] == FAMILY)
    assert send_digest(world.deps, SendDigestTask.model_validate(payload)).outcome == "sent"
    [body] = (world.sms if sms else world.whatsapp).to(PHONE)
    if not sms:
        return body + "\n"
    size = sms_size(body)
    return f"[{size.encoding}, {size.segments} segments, {size.units} units]\n{body}\n"


@pytest.mark.parametrize("channel", ["whatsapp", "sms"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_familys_week_reads_as_written_in_the_golden_file(tmp_path, language, channel) -> None:
    text = _digest_text(tmp_path, language, sms=channel == "sms")
    golden = GOLDEN / f"{FAMILY}.{language}.{channel}.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("channel", ["whatsapp", "sms"])
@pytest.mark.parametrize("language", ["pa", "zh"])
def test_the_week_translated_by_gemini_reads_as_written_in_the_golden_file(
    tmp_path, language, channel
) -> None:
    """The same week with Gemini's translator on the stand-in (answering with hand-written
    translations): item text in the parent's language, and no "shown as written" note."""
    with FakeGemini() as gemini:
        gemini.reply(translating())
        translator = make_translator(gemini.base_url, FakeTime())
        text = _digest_text(tmp_path, language, sms=channel == "sms", translator=translator)
        assert len(gemini.generate_requests) == 1
    note = gettext_for(language)("{school} wrote these in {language}. We show them as written.")
    assert note.rsplit("}", 1)[-1] not in text
    golden = GOLDEN / f"{FAMILY}.{language}.{channel}.translated.txt"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sms_stays_within_the_segment_budget(tmp_path, language) -> None:
    first_line = _digest_text(tmp_path, language, sms=True).splitlines()[0]
    segments = int(first_line.split(", ")[1].split()[0])
    assert 1 <= segments <= make_world(tmp_path / "budget").deps.sms_segment_budget
    expected = "GSM-7" if language in ("en", "tl") else "UCS-2"
    assert first_line.startswith(f"[{expected},")
