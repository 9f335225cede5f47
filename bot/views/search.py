"""Search results: a found card (with "see also"), several choices, or nothing found."""

from __future__ import annotations

import datetime as dt

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import Menu, Open
from bot.i18n import Translator
from bot.kb import KbSnapshot
from bot.keyboards import MAIN_MENU, button, markup, nav_row
from bot.search import SearchResult
from bot.search.index import Doc
from bot.ui import Screen
from bot.views.screens import resolve

BUTTON_TEXT = 56
QUERY_ECHO = 100
ICONS = {"partner": "🏛", "country": "🌍", "news": "📰", "project": "📂", "opening": "🎓", "faq": "❓", "mobility": "✈️"}


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def result_button(t: Translator, doc: Doc) -> InlineKeyboardButton:
    icon = ICONS.get(doc.kind)
    label = doc.title(t)
    return button(_clip(f"{icon} {label}" if icon else label, BUTTON_TEXT), Open(link=doc.payload))


def _card(t: Translator, snap: KbSnapshot, doc: Doc, today: dt.date, username: str | None) -> Screen:
    screen = resolve(doc.payload, t, snap, today, username)
    if screen is None:
        # A screen whose renderer is not there: the title and a button to it.
        screen = Screen(t("search-card", title=doc.title(t)), markup([[result_button(t, doc)], nav_row(t)]))
    return screen


def render_answer(
    t: Translator, snap: KbSnapshot, result: SearchResult, today: dt.date, username: str | None = None
) -> Screen:
    """The screen for a found result (``outcome`` "answer" or "choices")."""
    if result.outcome == "answer":
        best, *others = [hit.doc for hit in result.hits]
        screen = _card(t, snap, best, today, username)
        if not others:
            return screen
        rows = list(screen.markup.inline_keyboard) if screen.markup else []
        tail = rows[-1:] if rows else []
        rows = rows[:-1] + [[result_button(t, doc)] for doc in others] + tail
        return Screen(f"{screen.text}\n\n{t('search-see-also')}", markup(rows))
    rows = [[result_button(t, hit.doc)] for hit in result.hits]
    rows.append(nav_row(t))
    return Screen(t("search-several", query=_clip(result.query, QUERY_ECHO)), markup(rows))


def nothing_markup(t: Translator) -> InlineKeyboardMarkup:
    """"Ask the office" and the sections: the same for every unanswered question."""
    cached = t.memo.get("search-nothing")
    if cached is None:
        ask = [button(t("menu-ask"), Menu(screen="ask"))]
        menu = [button(t(key), Menu(screen=screen)) for screen, key in MAIN_MENU if screen not in ("ask", "myq")]
        cached = t.memo["search-nothing"] = markup([ask, *[menu[i : i + 2] for i in range(0, len(menu), 2)]])
    return cached


def render_nothing(t: Translator, query: str) -> Screen:
    text = t("search-nothing", query=_clip(query, QUERY_ECHO)) if query else t("search-nothing-empty")
    return Screen(text, nothing_markup(t))
