"""Small pieces every renderer uses: clipped button texts, the share button, a mobility
record's heading."""

from __future__ import annotations

from urllib.parse import quote

from aiogram import Bot
from aiogram.types import InlineKeyboardButton

from bot.i18n import Translator, escape
from bot.kb.models import Mobility
from bot.keyboards import url_button

BUTTON_TEXT = 60


def clip(text: str, limit: int = BUTTON_TEXT) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def share_button(t: Translator, username: str | None, payload: str, title: str) -> InlineKeyboardButton | None:
    """A Telegram share link whose message carries ``t.me/<bot>?start=<payload>``."""
    if not username:
        return None
    link = f"https://t.me/{username}?start={payload}"
    text = t("share-text", title=title)
    return url_button(t("btn-share"), f"https://t.me/share/url?url={quote(link, safe='')}&text={quote(text, safe='')}")


async def bot_username(bot: Bot | None) -> str | None:
    """The bot's @username (aiogram caches ``getMe``); ``None`` rather than no card."""
    if bot is None:
        return None
    try:
        return (await bot.me()).username
    except Exception:  # noqa: BLE001 - no share button rather than no card
        return None


def record_heading(t: Translator, record: Mobility) -> str:
    """A mobility record's title in bold with its year, unless the title says it already
    ("Semester in Ufa, 2019")."""
    title = record.title.get(t.lang)
    year = str(record.year) if record.year else t("mobility-year-unknown")
    when = "" if year in title else f" ({escape(year)})"
    return f"<b>{escape(title)}</b>{when}"
