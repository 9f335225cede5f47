"""Keyboard builders shared by every screen."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.callbacks import Menu, SetLang
from bot.i18n import LANGUAGE_FLAGS, LANGUAGE_NAMES, Translator
from bot.kb.models import LANGUAGES

# Main menu: (screen, message key), two buttons a row in this order.
MAIN_MENU: tuple[tuple[str, str], ...] = (
    ("about", "menu-about"),
    ("partners", "menu-partners"),
    ("erasmus", "menu-erasmus"),
    ("projects", "menu-projects"),
    ("news", "menu-news"),
    ("contacts", "menu-contacts"),
    ("ask", "menu-ask"),
    ("myq", "menu-my-questions"),
    ("subscribe", "menu-subscribe"),
    ("language", "menu-language"),
)


def button(text: str, data: CallbackData | str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, callback_data=data if isinstance(data, str) else data.pack())


def url_button(text: str, url: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text=text, url=url)


def markup(rows: list[list[InlineKeyboardButton]]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[row for row in rows if row])


def nav_row(t: Translator, back: CallbackData | None = None) -> list[InlineKeyboardButton]:
    """Back (to the parent screen) and Main menu: the last row of every screen."""
    row = []
    if back is not None:
        row.append(button(t("btn-back"), back))
    row.append(button(t("btn-main-menu"), Menu(screen="main")))
    return row


def main_menu(t: Translator) -> InlineKeyboardMarkup:
    menu = t.memo.get("main_menu")
    if menu is None:
        buttons = [button(t(key), Menu(screen=screen)) for screen, key in MAIN_MENU]
        menu = t.memo["main_menu"] = markup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])
    return menu


def language_picker(first: str | None = None) -> InlineKeyboardMarkup:
    order = sorted(LANGUAGES, key=lambda code: (code != first, LANGUAGES.index(code)))
    return markup(
        [[button(f"{LANGUAGE_FLAGS[code]} {LANGUAGE_NAMES[code]}", SetLang(code=code))] for code in order]
    )


def paginate(total: int, page: int, per_page: int) -> tuple[int, int, int]:
    """Clamp ``page`` and return (page, first index, page count)."""
    pages = max(1, -(-total // per_page))
    page = min(max(page, 0), pages - 1)
    return page, page * per_page, pages
