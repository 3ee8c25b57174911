"""The offline reply classifier: kinds of phrasing, numbers in every script, and the bar."""

from __future__ import annotations

from pathlib import Path

import pytest

from infra.intent_eval import read_jsonl, score
from shared.services.intents import (
    Intent,
    classify,
    classify_reply_id,
    detect_language,
    item_reference,
    normalise,
)

SETS = Path(__file__).resolve().parents[2] / "infra" / "eval" / "intents"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("੩ ਹੋ ਗਿਆ", 3),
        ("第十二项", 12),
        ("完成了四", 4),
        ("item two is done", 2),
        ("#7", 7),
        ("(5) sent", 5),
        ("done at 6pm for 3", 3),
        ("grade 3 and grades 4-5", None),
        ("costs $8 on the 10th", None),
        ("at 6:30", None),
    ],
)
def test_item_numbers_are_read_however_they_are_written(text: str, number: int | None) -> None:
    assert item_reference(normalise(text)) == number


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("did you get my payment for #4?", Intent.QUERY),
        ("which bus stop is it?", Intent.QUERY),
        ("can I help at the bake sale?", Intent.QUERY),
        ("is the english class on monday?", Intent.QUERY),
        ("thanksss", Intent.SMALLTALK),
        ("STOPPP", Intent.STOP),
        ("3", Intent.DONE),
    ],
)
def test_kinds_that_look_alike_are_told_apart(text: str, intent: Intent) -> None:
    assert classify(text).intent is intent


def test_a_negated_completion_is_not_done() -> None:
    assert classify("not done yet with 2").intent is not Intent.DONE
    assert classify("haven't signed #2 yet").intent is not Intent.DONE
    assert classify("还没交第2项").intent is not Intent.DONE


def test_the_language_asked_for_is_the_last_one_named_not_negated() -> None:
    assert classify("not english, punjabi please").language == "pa"
    assert classify("from english to tagalog please").language == "tl"


def test_our_buttons_and_list_rows_map_by_id_and_unknown_ids_by_title() -> None:
    assert classify_reply_id("done:3").as_json() == {
        "intent": "done",
        "item_ref": 3,
        "language": None,
    }
    assert classify_reply_id("lang:zh").language == "zh"
    assert classify_reply_id("stop").intent is Intent.STOP
    assert classify_reply_id("callback_data", "Help").intent is Intent.HELP


def test_a_reply_s_language_is_told_by_script_and_common_words() -> None:
    assert detect_language("ਮਦਦ") == "pa"
    assert detect_language("帮助") == "zh"
    assert detect_language("paano po ito") == "tl"
    assert detect_language("kinne vaje aa ji") == "pa"
    assert detect_language("what time") == "en"


@pytest.mark.parametrize(
    "name",
    [
        "developer.jsonl",
        "replies-own.jsonl",
        "replies-own-2.jsonl",
        "replies-own-3.jsonl",
        "replies-own-4.jsonl",
        "replies-own-5.jsonl",
        "replies-own-6.jsonl",
    ],
)
def test_the_bar_holds_on_every_labelled_set(name: str) -> None:
    report = score(read_jsonl(SETS / name))
    assert report["accuracy"] >= 0.95, report["confusion"]
    for language, figures in report["by_language"].items():
        assert figures["accuracy"] >= 0.90, language
    assert report["item_ref_accuracy"] >= 0.95


def test_a_completion_can_name_several_items() -> None:
    assert classify("done 1 and 3").item_refs == (1, 3)
    assert classify("#2, #4 paid ✅").item_refs == (2, 4)
    assert classify("done 3").item_refs == (3,)


def test_slips_of_the_thumb_reach_the_keyword_and_real_words_stay() -> None:
    assert classify("dnoe 2").as_json() == {"intent": "done", "item_ref": 2, "language": None}
    assert classify("stpo").intent is Intent.STOP
    assert classify("where does the bus stop?").intent is Intent.QUERY
    assert classify("I think the step is fine").intent is not Intent.STOP


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("the third one is done", 3),
        ("finished the second form", 2),
        ("ਚੌਥਾ ਕੰਮ ਹੋ ਗਿਆ", 4),
        ("ਸੱਤਵਾਂ ਫਾਰਮ ਭਰ ਦਿੱਤਾ", 7),
        ("ਤਿੰਨ ਨੰਬਰ ਵਾਲਾ ਹੋ ਗਿਆ", 3),
        ("tapos na yung ikalima", 5),
        ("nabayaran ko na po yung pang-apat", 4),
        ("八 ok done", 8),
        ("三已完成", 3),
        ("搞定了 九", 9),
        ("d0ne 6", 6),
    ],
)
def test_a_done_reply_may_say_its_number_as_a_word_or_a_lone_numeral(
    text: str, number: int
) -> None:
    got = classify(text)
    assert (got.intent, got.item_ref) == (Intent.DONE, number)


@pytest.mark.parametrize("text", ["星期六的活动我参加了", "六月的表格交了吗"])
def test_a_numeral_inside_a_weekday_or_a_month_is_not_an_item(text: str) -> None:
    assert classify(text).item_ref is None


def test_a_language_left_or_said_to_be_unreadable_is_not_the_one_asked_for() -> None:
    assert classify("please use tagalog rather than english").language == "tl"
    assert classify("my dad can't read chinese, english pls").language == "en"
    assert classify("ਅੰਗਰੇਜ਼ੀ ਸਮਝ ਨਹੀਂ ਆਉਂਦੀ, ਪੰਜਾਬੀ ਵਿੱਚ ਭੇਜੋ").language == "pa"
    assert classify("看不懂英文，请发中文").language == "zh"
    # A negation is a whole word: "chahidi" ends in "di" but negates nothing.
    assert classify("chahidi punjabi vich").language == "pa"


def test_a_language_we_do_not_offer_is_read_in_any_script() -> None:
    for text in ("ਉਰਦੂ ਵਿੱਚ ਭੇਜੋ", "请发韩语"):
        got = classify(text)
        assert got.intent is Intent.CHANGE_LANGUAGE and got.language is None, text


def test_romanised_punjabi_and_taglish_are_told_by_their_verbs() -> None:
    assert detect_language("sare messages english ch bhej do") == "pa"
    assert detect_language("kamm ho gya ji") == "pa"
    assert detect_language("pakiulit yung message") == "tl"
    assert detect_language("send the menu") == "en"
