"""The main menu and the language prompt."""

from __future__ import annotations

from bot.commands import STUDENT_COMMANDS
from bot.i18n import Locales, Translator
from bot.keyboards import main_menu
from bot.ui import Screen


def language_prompt(locales: Locales) -> str:
    # Before a language is chosen the prompt speaks all three.
    return "\n".join(locales[lang]("choose-language") for lang in ("tg", "ru", "en"))


def help_screen(t: Translator) -> Screen:
    """How to use the bot, then every command of Telegram's command menu: built from the
    same table, so /help never leaves one out."""
    screen = t.memo.get("help")
    if screen is None:
        lines = [f"/{name} — {t(key)}" for name, key in STUDENT_COMMANDS if name not in ("start", "help")]
        screen = t.memo["help"] = Screen(t("help-text").rstrip() + "\n\n" + "\n".join(lines), main_menu(t))
    return screen


def main_screen(t: Translator) -> Screen:
    return Screen(t("main-menu-text"), main_menu(t))


def welcome_screen(t: Translator) -> Screen:
    # One message: the greeting above the main menu.
    return Screen(t("welcome") + "\n\n" + t("main-menu-text"), main_menu(t))
