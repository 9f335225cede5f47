"""``t.me/<bot>?start=<payload>`` and ``Open(link=<payload>)``: open a screen directly.

Every knowledge-base screen has a payload, so deep links, search results, inline
results and cross-links between cards all go through ``resolve``.
"""

from __future__ import annotations

import datetime as dt
import time

from aiogram.types import Message

from bot.i18n import Translator
from bot.kb import KnowledgeBase
from bot.ui import Screen, show
from handlers import erasmus, news, office, partners, projects

SECTIONS = ("partners", "erasmus", "projects", "news", "contacts", "about")


def resolve(
    payload: str,
    t: Translator,
    kb: KnowledgeBase,
    *,
    today: dt.date | None = None,
    username: str | None = None,
) -> Screen | None:
    snap = kb.snapshot
    if today is None:
        today = erasmus.today(time.time)
    simple = {
        "partners": lambda: partners.render_countries(t, snap),
        "erasmus": lambda: erasmus.render_erasmus(t, snap),
        "projects": lambda: projects.render_projects(t, snap),
        "news": lambda: news.render_news(t, snap),
        "contacts": lambda: office.render_contacts(t, snap),
        "about": lambda: office.render_about(t, snap),
        "calls": lambda: erasmus.render_calls(t, snap, today),
        "mobility": lambda: erasmus.render_mobility_list(t, snap),
    }
    if payload in simple:
        return simple[payload]()
    kind, _, key = payload.partition("-")
    if not key:
        return None
    if kind == "partner":
        return partners.render_institution(t, snap, key, username=username)
    if kind == "country":
        return partners.render_country(t, snap, key)
    if kind == "news":
        return news.render_event(t, snap, key, username=username)
    if kind == "project":
        return projects.render_project(t, snap, key)
    if kind == "opening":
        return erasmus.render_opening(t, snap, key, today)
    if kind == "mobility":
        return erasmus.render_mobility(t, snap, key)
    if kind == "faq":
        from handlers.search import render_faq

        return render_faq(t, snap, key)
    return None


async def open_deep_link(message: Message, payload: str, *, t: Translator, kb: KnowledgeBase) -> bool:
    """Send the screen the payload names as a new message; False if it names none."""
    username = await partners.bot_username(message.bot)
    screen = resolve(payload, t, kb, username=username)
    if screen is None:
        return False
    await show(message, screen)
    return True
