"""What the staff dashboard (bot/web) shows of the bot's own messages: a card or a broadcast
as students get it (Telegram HTML plus the button labels, drawn by the page), and the lines
the bot writes in the staff chat on behalf of a dashboard user.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from aiogram.types import InlineKeyboardMarkup
from bot.i18n import Locales, Translator, escape
from bot.kb import KbSnapshot
from bot.ui import Screen
from bot.views.screens import resolve


def message_preview(text: str, markup: InlineKeyboardMarkup | None) -> dict[str, Any]:
    """``html``: the message's Telegram HTML (the page keeps only Telegram's tags);
    ``buttons``: the labels of its keyboard, row by row."""
    rows = markup.inline_keyboard if markup is not None else []
    return {"html": text, "buttons": [[button.text for button in row] for row in rows]}


def screen_preview(screen: Screen | None) -> dict[str, Any]:
    if screen is None:
        return {"html": "", "buttons": [], "card": False}
    return {**message_preview(screen.text, screen.markup), "card": True}


def card_preview(locales: Locales, snap: KbSnapshot, payload: str, lang: str, day: dt.date,
                 username: str | None) -> dict[str, Any]:
    """The card ``payload`` names as a student with language ``lang`` sees it in ``snap``
    (which may hold an unsaved record): the same renderers as the bot's screens."""
    return screen_preview(resolve(payload, locales[lang], snap, day, username))


def plain_text_html(text: str) -> str:
    """Text typed in the dashboard, as Telegram HTML that shows it exactly (no markup)."""
    return escape(text.strip())


def answer_note(t: Translator, inquiry_id: int, name: str) -> str:
    """Posted in the staff chat above an answer sent from the dashboard."""
    return t("dash-answer-note", id=str(inquiry_id), name=name)
