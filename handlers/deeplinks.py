"""``t.me/<bot>?start=<payload>``: open a screen directly."""

from __future__ import annotations

from aiogram.types import Message

from bot.i18n import Translator
from bot.kb import KnowledgeBase
from bot.ui import Screen, show
from handlers import office


def resolve(payload: str, t: Translator, kb: KnowledgeBase) -> Screen | None:
    snap = kb.snapshot
    if payload == "contacts":
        return office.render_contacts(t, snap)
    if payload == "about":
        return office.render_about(t, snap)
    return None


async def open_deep_link(message: Message, payload: str, *, t: Translator, kb: KnowledgeBase) -> bool:
    """Send the screen the payload names as a new message; False if it names none."""
    screen = resolve(payload, t, kb)
    if screen is None:
        return False
    await show(message, screen)
    return True
