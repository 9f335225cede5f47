"""Free text outside any other flow: answer from the knowledge base in the user's language.

One clear match → its card (plus a "not what you meant?" row); several close matches →
up to five buttons; nothing → a helpful reply, the main menu and "Ask the office", with
the question kept in ``ask_prefill`` for the inquiry flow.
"""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import InlineKeyboardButton, Message

from bot.callbacks import Menu, Open
from bot.filters import HasText, PrivateChat
from bot.i18n import Translator
from bot.kb import KbSnapshot, KnowledgeBase
from bot.keyboards import MAIN_MENU, button, markup, nav_row
from bot.search import SearchResult, SearchService
from bot.search.index import Doc
from bot.ui import Screen, remember, show

BUTTON_TEXT = 56
QUERY_ECHO = 100
ICONS = {"partner": "🏛", "country": "🌍", "news": "📰", "project": "📂", "opening": "🎓", "faq": "❓"}


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def result_button(t: Translator, doc: Doc) -> InlineKeyboardButton:
    icon = ICONS.get(doc.kind)
    label = doc.title(t)
    return button(_clip(f"{icon} {label}" if icon else label, BUTTON_TEXT), Open(link=doc.payload))


def render_faq(t: Translator, snap: KbSnapshot, faq_id: str) -> Screen | None:
    faq = snap.faq.get(faq_id)
    if faq is None:
        return None
    lang = t.lang
    rows = []
    if faq.link:
        rows.append([button(t("search-faq-more"), Open(link=faq.link))])
    rows.append([button(t("menu-ask"), Menu(screen="ask"))])
    rows.append(nav_row(t))
    return Screen(t("search-faq-text", question=faq.question.get(lang), answer=faq.answer.get(lang)), markup(rows))


def _card(t: Translator, kb: KnowledgeBase, doc: Doc, username: str | None) -> Screen:
    from handlers.deeplinks import resolve

    screen = resolve(doc.payload, t, kb, username=username)
    if screen is None and doc.kind == "faq":
        screen = render_faq(t, kb.snapshot, doc.payload.removeprefix("faq-"))
    if screen is None:
        # A screen whose renderer is not there: the title and a button to it.
        screen = Screen(t("search-card", title=doc.title(t)), markup([[result_button(t, doc)], nav_row(t)]))
    return screen


def render_answer(t: Translator, kb: KnowledgeBase, result: SearchResult, username: str | None = None) -> Screen:
    """The screen for a found result (``outcome`` "answer" or "choices")."""
    if result.outcome == "answer":
        best, *others = [hit.doc for hit in result.hits]
        screen = _card(t, kb, best, username)
        if not others:
            return screen
        rows = list(screen.markup.inline_keyboard) if screen.markup else []
        tail = rows[-1:] if rows else []
        rows = rows[:-1] + [[result_button(t, doc)] for doc in others] + tail
        return Screen(f"{screen.text}\n\n{t('search-see-also')}", markup(rows))
    rows = [[result_button(t, hit.doc)] for hit in result.hits]
    rows.append(nav_row(t))
    return Screen(t("search-several", query=_clip(result.query, QUERY_ECHO)), markup(rows))


def render_nothing(t: Translator, query: str) -> Screen:
    ask = [button(t("menu-ask"), Menu(screen="ask"))]
    menu = [button(t(key), Menu(screen=screen)) for screen, key in MAIN_MENU if screen not in ("ask", "myq")]
    rows = [ask, *[menu[i : i + 2] for i in range(0, len(menu), 2)]]
    text = t("search-nothing", query=_clip(query, QUERY_ECHO)) if query else t("search-nothing-empty")
    return Screen(text, markup(rows))


async def _username(bot: Bot) -> str | None:
    try:
        return (await bot.me()).username
    except Exception:  # noqa: BLE001 - cards without a share button rather than no answer
        return None


def get_router() -> Router:
    router = Router(name="search")

    @router.message(StateFilter(None), PrivateChat(), HasText())
    async def free_text(
        message: Message,
        text: str,
        t: Translator,
        lang: str,
        kb: KnowledgeBase,
        search: SearchService,
        state: FSMContext,
        bot: Bot,
    ) -> None:
        result = await search.answer(text, lang)
        if not result.found:
            # The inquiry flow picks the question up when "Ask the office" is pressed.
            await state.update_data(ask_prefill=text)
            await show(message, render_nothing(t, result.query))
            return
        username = await _username(bot)
        # Rendered answers live as long as the snapshot (and so the index) they come from.
        key = ("search-answer", t.lang, result.query, username)
        await show(message, remember(kb.snapshot.screen_cache, key, lambda: render_answer(t, kb, result, username)))

    return router
