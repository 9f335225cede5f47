"""Bot commands shown in Telegram's menu, registered per language."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.types import BotCommand, BotCommandScopeDefault

from bot.i18n import Locales

log = logging.getLogger(__name__)

# (command, message key of its description). Order is the order users see.
STUDENT_COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", "cmd-start"),
    ("menu", "cmd-menu"),
    ("partners", "cmd-partners"),
    ("erasmus", "cmd-erasmus"),
    ("projects", "cmd-projects"),
    ("news", "cmd-news"),
    ("contacts", "cmd-contacts"),
    ("ask", "cmd-ask"),
    ("myquestions", "cmd-myquestions"),
    ("subscribe", "cmd-subscribe"),
    ("language", "cmd-language"),
    ("privacy", "cmd-privacy"),
    ("help", "cmd-help"),
)


def student_commands(locales: Locales, lang: str) -> list[BotCommand]:
    t = locales[lang]
    return [BotCommand(command=name, description=t(key)) for name, key in STUDENT_COMMANDS]


async def register_commands(bot: Bot, locales: Locales, default_language: str) -> None:
    for lang in locales.languages:
        await bot.set_my_commands(student_commands(locales, lang), language_code=lang)
    # Users whose Telegram language is none of ours see the default language.
    await bot.set_my_commands(student_commands(locales, default_language), scope=BotCommandScopeDefault())
