"""The main menu and the language prompt."""

from __future__ import annotations

from bot.i18n import Locales, Translator
from bot.keyboards import main_menu
from bot.ui import Screen


def language_prompt(locales: Locales) -> str:
    # Before a language is chosen the prompt speaks all three.
    return "\n".join(locales[lang]("choose-language") for lang in ("tg", "ru", "en"))


def main_screen(t: Translator) -> Screen:
    return Screen(t("main-menu-text"), main_menu(t))


def welcome_screen(t: Translator) -> Screen:
    # One message: the greeting above the main menu.
    return Screen(t("welcome") + "\n\n" + t("main-menu-text"), main_menu(t))
