"""Issue 4: free-text answers, inline mode and the search log, through the production
Dispatcher; plus the matching rules of bot.search.normalize."""

from __future__ import annotations

import re

import pytest
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import AnswerInlineQuery, SendMessage
from aiogram.types import InlineQuery, InlineQueryResultArticle

from bot.kb.sources import read_sources
from bot.search import SearchService
from bot.search.morph import Morphology
from bot.search.normalize import key, stem
from bot.views.screens import resolve
from tests.support.harness import ROOT, Harness, button_data, buttons, texts

ASK = "m:ask"


def sent(requests: list) -> list[SendMessage]:
    return [r for r in requests if isinstance(r, SendMessage)]


# --- matching rules ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("Қазон", "казон"),  # Tajik letters typed on a Russian keyboard
        ("ҷумҳурӣ", "чумхури"),
        ("ҒАРБӢ", "гарби"),
        ("kazan", "Казань"),  # Latin ↔ Cyrillic
        ("kontakty", "контакты"),
        ("Rossiya", "Россия"),
        ("Yekaterinburg", "Iekaterinburg"),
        ("шӯъба", "шуба"),
        ("suroghai", "суроғаи"),  # Tajik «ғ» typed as "gh"
    ],
)
def test_keys_fold_case_layout_and_script(typed: str, canonical: str) -> None:
    assert key(typed) == key(canonical)


def test_inflections_share_a_stem_or_a_prefix() -> None:
    assert stem(key("Казани")) == stem(key("Казань")) == "kazan"
    assert stem(key("Казанский")).startswith("kazan")
    assert stem(key("Греции")) == stem(key("Греция"))
    assert stem(key("донишгоҳҳо")).startswith("donishgo")


async def test_keys_never_carry_fts_syntax(harness: Harness) -> None:
    search: SearchService = harness.app.search
    for text in ['"', "*", "NEAR(a b)", "-x", "a AND OR b", "(", "col:x", "^x", "'"]:
        assert all(ch.isalnum() for k in (key(w) for w in text.split()) for ch in k)
        await search.search(text)  # must not raise


# --- free text in a chat ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "cases"),
    [
        ("tg", [("суроғаи шӯъба", "contacts"), ("эразмус", "erasmus")]),
        ("ru", [("Губкинский университет", "partner-gubkin"), ("kontakty", "contacts")]),
        ("en", [("erazmus", "erasmus"), ("amu darya", "project-amu-darya-kabul")]),
    ],
)
async def test_typed_question_gets_the_card_in_the_users_language(
    harness: Harness, lang: str, cases: list[tuple[str, str]]
) -> None:
    await harness.choose_language(lang)
    t = harness.app.locales[lang]
    for query, payload in cases:
        messages = sent(await harness.send(query))
        assert len(messages) == 1, query
        card = resolve(payload, t, harness.app.kb.snapshot, harness.app.clock.today())
        assert card is not None and card.markup is not None
        # Issue 14: the answer may lead with the fact; the card follows in full.
        assert card.text in messages[0].text, query
        # The card's own buttons are kept, and its Main menu row stays last.
        assert messages[0].reply_markup.inline_keyboard[-1] == card.markup.inline_keyboard[-1]  # type: ignore[union-attr]


async def test_a_country_named_with_general_words_lists_its_partners(harness: Harness) -> None:
    await harness.choose_language("ru")
    message = sent(await harness.send("учёба в Греции"))[-1]
    assert "Университет Западной Аттики" in message.text
    assert "go:partner-west-attica" in button_data(message.reply_markup, "go:")


async def test_clear_answer_has_a_not_what_you_meant_row(harness: Harness) -> None:
    await harness.choose_language("en")
    requests = await harness.send("Tyumen")
    message = sent(requests)[-1]
    assert "Tyumen" in message.text
    links = button_data(message.reply_markup, "go:")
    assert {"go:opening-tyumen-semester", "go:news-2019-tyumen-semester", "go:mobility-2019-tyumen-semester"} & set(links)


async def test_several_close_matches_become_buttons(harness: Harness) -> None:
    await harness.choose_language("ru")
    requests = await harness.send("в Казани")
    message = sent(requests)[-1]
    # Both, with their names in the text (issue 14), and a button each.
    assert "Казанский федеральный университет" in message.text
    assert "Казанский национальный исследовательский университет" in message.text
    links = button_data(message.reply_markup, "go:")
    assert {"go:partner-kazan-federal", "go:partner-kazan-national-research"} <= set(links)
    assert len(links) <= 5
    labels = [text for text, data in buttons(message.reply_markup) if data.startswith("go:")]
    assert any("Казан" in label for label in labels)  # titles in the user's language

    # A result button opens the card (handled by the Open router).
    requests = await harness.press("go:partner-kazan-federal")
    assert "Казанский" in texts(requests)[-1]


async def test_faq_answer_card(harness: Harness) -> None:
    await harness.choose_language("tg")
    requests = await harness.send("раводид")
    message = sent(requests)[-1]
    faq = harness.app.kb.snapshot.faq["visas"]
    assert faq.question.get("tg") in message.text
    assert faq.answer.get("tg")[:40] in message.text
    assert ASK in button_data(message.reply_markup, "m:")


JUNK = ['"', '"kazan', "kazan*", "NEAR(kazan erasmus)", "-x", "kazan AND OR", "AND", "((", "x" * 10_000,
        "😀🎓🇹🇯", "<b>Kazan</b> & <i>", "col:erasmus", "'; DROP TABLE search_fts; --", "\u200b", "   "]


async def test_fts_syntax_and_junk_never_break_and_get_a_polite_reply(harness: Harness) -> None:
    await harness.choose_language("en")
    for text in JUNK:
        messages = sent(await harness.send(text))
        assert len(messages) >= 1, text
        assert all(len(m.text) <= 4096 for m in messages), text
        assert messages[-1].reply_markup is not None, text
    # The index is intact afterwards.
    assert (await harness.app.search.search("erasmus")).found


async def test_no_answer_offers_ask_and_keeps_the_question(harness: Harness) -> None:
    await harness.choose_language("ru")
    requests = await harness.send("Рецепт плова?")
    message = sent(requests)[-1]
    t = harness.app.locales["ru"]
    assert message.text == "\n\n".join(
        [t("answer-unknown", what=t("answer-what-query", query="рецепт плова")), t("answer-offer")]
    )
    data = button_data(message.reply_markup, "m:")
    assert data[0] == ASK
    assert "m:partners" in data and "m:contacts" in data
    key_ = StorageKey(bot_id=harness.bot.id, chat_id=1001, user_id=1001)
    assert (await harness.dp.storage.get_data(key_))["ask_prefill"] == "Рецепт плова?"


async def test_free_text_inside_another_flow_is_not_searched(harness: Harness) -> None:
    await harness.choose_language("en")
    key_ = StorageKey(bot_id=harness.bot.id, chat_id=1001, user_id=1001)
    await harness.dp.storage.set_state(key_, "SomeFlow:waiting")
    await harness.send("erasmus")
    await harness.app.search.flush_log()
    assert await harness.app.db.fetchval("SELECT count(*) FROM search_log") == 0


async def test_group_messages_are_not_searched(harness: Harness) -> None:
    requests = await harness.send("erasmus", chat_id=-100500, chat_type="supergroup")
    assert sent(requests) == []
    await harness.app.search.flush_log()
    assert await harness.app.db.fetchval("SELECT count(*) FROM search_log") == 0


# --- search log -----------------------------------------------------------------------


async def test_search_log_has_no_user_id_and_records_found(harness: Harness) -> None:
    columns = {row["name"] for row in await harness.app.db.fetchall("PRAGMA table_info(search_log)")}
    assert columns == {"id", "query", "lang", "found", "created_at"}
    await harness.choose_language("tg")
    await harness.send("Эразмус!")
    await harness.send("Эразмус")
    await harness.send("рецепт плова", user_id=2002, lang="ru")
    search: SearchService = harness.app.search
    await search.flush_log()  # written in batches
    rows = await harness.app.db.fetchall("SELECT query, lang, found, created_at FROM search_log ORDER BY id")
    assert [tuple(r)[:3] for r in rows] == [("эразмус", "tg", 1), ("эразмус", "tg", 1), ("рецепт плова", "ru", 0)]
    assert all(r["created_at"] == int(harness.app.clock()) for r in rows)
    top = await search.top_queries()
    assert (top[0].query, top[0].count) == ("эразмус", 2)
    missing = await search.top_not_found()
    assert [(m.query, m.count) for m in missing] == [("рецепт плова", 1)]
    assert await search.top_not_found(since=harness.app.clock() + 1) == []


# --- the index follows the knowledge base -----------------------------------------------


async def test_index_is_rebuilt_when_the_knowledge_base_changes(harness: Harness) -> None:
    search: SearchService = harness.app.search
    assert "partner-ningbo-ut" in (await search.search("Ningbo")).payloads
    records = [r for r in read_sources(ROOT / "data") if not (r.kind == "institution" and r.id == "ningbo-ut")]
    await harness.app.kb.replace_all(records)
    assert "partner-ningbo-ut" not in (await search.search("Ningbo")).payloads
    assert await harness.app.db.fetchval("SELECT count(*) FROM search_fts WHERE payload = 'partner-ningbo-ut'") == 0


# --- inline mode -------------------------------------------------------------------------


async def _inline(harness: Harness, query: str, lang: str = "en") -> AnswerInlineQuery:
    start = len(harness.session.requests)
    update = harness.updates.raw(
        inline_query=InlineQuery(id="iq1", from_user=harness.updates.user(1001, lang), query=query, offset="")
    )
    await harness.feed(update)
    answers = [r for r in harness.session.requests[start:] if isinstance(r, AnswerInlineQuery)]
    assert len(answers) == 1
    return answers[0]


async def test_inline_query_lists_institutions_with_deep_links(harness: Harness) -> None:
    answer = await _inline(harness, "kazan")
    assert answer.results and all(isinstance(r, InlineQueryResultArticle) for r in answer.results)
    ids = [r.id for r in answer.results]
    assert {"partner-kazan-federal", "partner-kazan-national-research"} <= set(ids)
    first = answer.results[0]
    url = first.reply_markup.inline_keyboard[0][0].url  # type: ignore[union-attr]
    assert url == f"https://t.me/mmit_office_test_bot?start={first.id}"
    assert answer.is_personal


async def test_inline_query_in_the_users_language_with_news_and_countries(harness: Harness) -> None:
    answer = await _inline(harness, "Белоруссия", lang="ru")
    ids = [r.id for r in answer.results]
    assert {"partner-bntu", "partner-bstu", "partner-polotsk-su"} <= set(ids)
    assert any(r.title.startswith("Белорусский") for r in answer.results)
    news = await _inline(harness, "confucius")
    assert news.results[0].id == "news-2019-09-confucius-quzhou"
    assert "start=news-2019-09-confucius-quzhou" in news.results[0].reply_markup.inline_keyboard[0][0].url  # type: ignore[union-attr]


async def test_inline_empty_query_gets_defaults_and_junk_gets_an_answer(harness: Harness) -> None:
    answer = await _inline(harness, "")
    ids = [r.id for r in answer.results]
    assert any(i.startswith("news-") for i in ids) and any(i.startswith("partner-") for i in ids)
    junk = await _inline(harness, '"NEAR( -x')
    assert junk.results == []


async def test_search_log_is_written_in_batches_and_on_close(settings) -> None:
    h = await Harness.create(settings)
    await h.choose_language("ru")
    for index in range(3):
        await h.send(f"Казань {index}")
    await h.close()
    from bot.db import Database

    db = await Database.open(settings.database_path)
    try:
        assert await db.fetchval("SELECT count(*) FROM search_log") == 3
    finally:
        await db.close()


def test_the_dictionary_lemma_is_the_one_parse_gives() -> None:
    """Morphology.russian_lemma reads unambiguous lemmas from the dictionary without
    scoring: it must give what pymorphy3's parse()[0] does, for every word of the page's
    Russian text (ambiguous ones included) and for unknown words."""
    import pymorphy3

    from bot.search.normalize import words

    morph = Morphology.load()
    analyzer = pymorphy3.MorphAnalyzer(lang="ru")
    text = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "data").rglob("*.yaml"))
    vocabulary = {w.lower().replace("ё", "е") for w in words(text) if re.fullmatch(r"[а-яё]+", w.lower())}
    vocabulary |= {"стали", "уфой", "казани", "беларуси", "абырвалг"}
    assert len(vocabulary) > 1000
    for word in sorted(vocabulary):
        want = analyzer.parse(word)[0].normal_form if analyzer.word_is_known(word) else None
        assert morph.russian_lemma(word) == want, word


def test_invisible_characters_do_not_split_a_word() -> None:
    from bot.search.normalize import display_form, words

    assert words("Ка\u200bзань и Уфа\u00ad") == ["Казань", "и", "Уфа"]
    assert words("\u202eнавзаК") == ["навзаК"]
    assert display_form("Ка\u200bзань") == "казань"
