"""What the translation tests share: the Gemini translator as wiring builds it, pointed at the
Gemini stand-in, and an answerer that writes the stand-in's answer from the texts asked for,
in the sample family's week (tests.digest_world) translated by hand into Punjabi and Chinese."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from infra.standins.gemini import CannedResponse, RecordedRequest, json_reply
from shared.adapters.gemini.client import GeminiClient
from shared.adapters.translator_gemini import GeminiTranslator
from shared.settings import Settings
from tests.contract.gemini_support import FakeTime

# By BCP 47 tag (what the translator asks for), then the English text.
WEEK_TRANSLATIONS: dict[str, dict[str, str]] = {
    "pa-Guru": {
        "Picture Day": "ਫੋਟੋ ਦਿਵਸ",
        "Wear your school colours; retakes are in November.": (
            "ਸਕੂਲ ਦੇ ਰੰਗਾਂ ਦੇ ਕੱਪੜੇ ਪਾਓ; ਦੁਬਾਰਾ ਫੋਟੋਆਂ ਨਵੰਬਰ ਵਿੱਚ ਹੋਣਗੀਆਂ।"
        ),
        "Robotics Club registration closes": "ਰੋਬੋਟਿਕਸ ਕਲੱਬ ਦੀ ਰਜਿਸਟ੍ਰੇਸ਼ਨ ਬੰਦ ਹੋ ਰਹੀ ਹੈ",
        "Basketball practice moves to the gym": "ਬਾਸਕਟਬਾਲ ਦੀ ਪ੍ਰੈਕਟਿਸ ਹੁਣ ਜਿਮ ਵਿੱਚ ਹੋਵੇਗੀ",
        "Thanksgiving Day – school closed": "ਥੈਂਕਸਗਿਵਿੰਗ ਡੇ – ਸਕੂਲ ਬੰਦ",
        "PTA General Meeting": "PTA ਦੀ ਆਮ ਮੀਟਿੰਗ",
        "Return the field trip permission form": "ਫੀਲਡ ਟ੍ਰਿਪ ਦਾ ਇਜਾਜ਼ਤ ਫਾਰਮ ਵਾਪਸ ਕਰੋ",
        "Signed form and $12 to the office.": "ਦਸਤਖਤ ਕੀਤਾ ਫਾਰਮ ਅਤੇ $12 ਦਫ਼ਤਰ ਵਿੱਚ ਦਿਓ।",
        "Hot lunch orders are open": "ਗਰਮ ਦੁਪਹਿਰ ਦੇ ਖਾਣੇ ਦੇ ਆਰਡਰ ਖੁੱਲ੍ਹ ਗਏ ਹਨ",
        "Order online by the end of the month.": "ਮਹੀਨੇ ਦੇ ਅੰਤ ਤੱਕ ਔਨਲਾਈਨ ਆਰਡਰ ਕਰੋ।",
        "Gym": "ਜਿਮ",
        "Library": "ਲਾਇਬ੍ਰੇਰੀ",
    },
    "zh-Hans": {
        "Picture Day": "拍照日",
        "Wear your school colours; retakes are in November.": (
            "请穿学校代表色的衣服；补拍在十一月。"
        ),
        "Robotics Club registration closes": "机器人俱乐部报名截止",
        "Basketball practice moves to the gym": "篮球训练改在体育馆",
        "Thanksgiving Day – school closed": "感恩节——学校停课",
        "PTA General Meeting": "家长教师协会全体会议",
        "Return the field trip permission form": "交回校外参观同意书",
        "Signed form and $12 to the office.": "请把签好字的同意书和 $12 交到学校办公室。",
        "Hot lunch orders are open": "热午餐开始订购",
        "Order online by the end of the month.": "请在月底前网上订购。",
        "Gym": "体育馆",
        "Library": "图书馆",
    },
}


def asked(request: RecordedRequest) -> dict[str, Any]:
    """The payload our translator sent: target language, its tag and the numbered texts."""
    [content] = request.json()["contents"]
    [part] = content["parts"]
    payload: dict[str, Any] = json.loads(part["text"])
    return payload


def translating(
    glossary: Mapping[str, Mapping[str, str]] = WEEK_TRANSLATIONS,
) -> Callable[[RecordedRequest], CannedResponse]:
    """An answerer for `FakeGemini.reply`: each text asked for, from the glossary of the
    language asked for; a text the glossary lacks comes back marked with the tag."""

    def answer(request: RecordedRequest) -> CannedResponse:
        payload = asked(request)
        words = glossary.get(payload["target_language_tag"], {})
        tag = payload["target_language_tag"]
        translations = [
            {"n": t["n"], "text": words.get(t["text"], f"[{tag}] {t['text']}")}
            for t in payload["texts"]
        ]
        return json_reply({"translations": translations})

    return answer


def make_translator(
    base_url: str, fake_time: FakeTime, *, max_attempts: int = 3
) -> GeminiTranslator:
    """The translator exactly as wiring builds it, on a client whose waits are not real."""
    settings = Settings(
        gemini_api_key="test-key", gemini_base_url=base_url, gemini_max_attempts=max_attempts
    )
    client = GeminiClient.from_settings(
        settings,
        request_timeout_s=10.0,
        sleep=fake_time.sleep,
        clock=fake_time.clock,
        jitter=lambda: 0.5,
    )
    return GeminiTranslator.from_settings(settings, gemini=client)
