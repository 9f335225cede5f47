"""Bot commands shown in Telegram's menu, registered per language."""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    MenuButtonDefault,
    MenuButtonWebApp,
    WebAppInfo,
)

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


# Extra commands shown to staff in their private chat with the bot (ADMIN_IDS and staff).
STAFF_COMMANDS: tuple[tuple[str, str], ...] = (
    ("broadcast", "cmd-broadcast"),
    ("broadcasts", "cmd-broadcasts"),
    # Staff console (issue 7): descriptions in locales/*/staff.ftl; /staff and /backup answer admins only.
    ("edit", "cmd-edit"),
    ("stats", "cmd-stats"),
    ("staff", "cmd-staff"),
    ("backup", "cmd-backup"),
)

# Commands shown in the staff chat (STAFF_CHAT_ID).
STAFF_CHAT_COMMANDS: tuple[tuple[str, str], ...] = (
    # Inquiries (issue 5): descriptions in locales/*/inquiries.ftl.
    ("open", "cmd-open"),
    ("close", "cmd-close"),
    ("reopen", "cmd-reopen"),
)


def student_commands(locales: Locales, lang: str) -> list[BotCommand]:
    t = locales[lang]
    return [BotCommand(command=name, description=t(key)) for name, key in STUDENT_COMMANDS]


async def register_commands(bot: Bot, locales: Locales, default_language: str) -> None:
    for lang in locales.languages:
        await bot.set_my_commands(student_commands(locales, lang), language_code=lang)
    # Users whose Telegram language is none of ours see the default language.
    await bot.set_my_commands(student_commands(locales, default_language), scope=BotCommandScopeDefault())


async def register_staff_commands(
    bot: Bot, locales: Locales, lang: str, staff_ids: list[int], staff_chat_id: int | None
) -> None:
    """Staff see the student commands plus theirs; failures (a user who never opened the
    bot) are logged and skipped."""
    t = locales[lang]
    if STAFF_COMMANDS:
        commands = student_commands(locales, lang) + [
            BotCommand(command=name, description=t(key)) for name, key in STAFF_COMMANDS
        ]
        for user_id in staff_ids:
            try:
                await bot.set_my_commands(commands, scope=BotCommandScopeChat(chat_id=user_id))
            except Exception as error:  # noqa: BLE001 - one bad id must not stop start-up
                log.info("no command menu for staff %s: %s", user_id, type(error).__name__)
    if STAFF_CHAT_COMMANDS and staff_chat_id is not None:
        try:
            await bot.set_my_commands(
                [BotCommand(command=name, description=t(key)) for name, key in STAFF_CHAT_COMMANDS],
                scope=BotCommandScopeChat(chat_id=staff_chat_id),
            )
        except Exception as error:  # noqa: BLE001
            log.warning("could not set the staff chat's commands: %s", type(error).__name__)


async def set_dashboard_button(bot: Bot, locales: Locales, lang: str, user_id: int, url: str | None, on: bool) -> bool:
    """The "Dashboard" menu button in one staff member's private chat (WEBAPP_URL), or the
    default menu button again. Per chat, so students never see it; best effort."""
    if url is None:
        return False
    button = MenuButtonWebApp(text=locales[lang]("dash-menu-button"), web_app=WebAppInfo(url=url)) if on \
        else MenuButtonDefault()
    try:
        await bot.set_chat_menu_button(chat_id=user_id, menu_button=button)
    except Exception as error:  # noqa: BLE001 - a user who never opened the bot, a network hiccup
        log.info("no dashboard button for %s: %s", user_id, type(error).__name__)
        return False
    return True


async def register_dashboard_buttons(bot: Bot, locales: Locales, languages: dict[int, str], url: str | None) -> None:
    """At start-up: every admin and staff member (id → their language) gets the button."""
    for user_id, lang in languages.items():
        await set_dashboard_button(bot, locales, lang, user_id, url, on=True)
