"""Every knowledge-base screen by its payload: the one table behind main-menu buttons,
section commands, deep links (``t.me/<bot>?start=<payload>``), ``Open(link=...)``
buttons, search results and cross-links between cards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bot.i18n import Translator
from bot.kb import KbSnapshot
from bot.ui import Screen
from bot.views import erasmus, faq, news, office, partners, projects

# Sections reached from the main menu and by a command of the same name.
SECTIONS = ("partners", "erasmus", "projects", "news", "contacts", "about")

Whole = Callable[[Translator, KbSnapshot, dt.date], Screen]
Keyed = Callable[[Translator, KbSnapshot, str, dt.date, "str | None"], "Screen | None"]

_WHOLE: dict[str, Whole] = {
    "partners": lambda t, snap, day: partners.render_countries(t, snap),
    "erasmus": lambda t, snap, day: erasmus.render_erasmus(t, snap),
    "projects": lambda t, snap, day: projects.render_projects(t, snap),
    "news": lambda t, snap, day: news.render_news(t, snap),
    "contacts": lambda t, snap, day: office.render_contacts(t, snap),
    "about": lambda t, snap, day: office.render_about(t, snap),
    "calls": lambda t, snap, day: erasmus.render_calls(t, snap, day),
    "archive": lambda t, snap, day: erasmus.render_archive(t, snap, day),
    "mobility": lambda t, snap, day: erasmus.render_mobility_list(t, snap),
}

_KEYED: dict[str, Keyed] = {
    "partner": lambda t, snap, key, day, user: partners.render_institution(t, snap, key, username=user),
    "country": lambda t, snap, key, day, user: partners.render_country(t, snap, key),
    "news": lambda t, snap, key, day, user: news.render_event(t, snap, key, username=user),
    "project": lambda t, snap, key, day, user: projects.render_project(t, snap, key),
    "opening": lambda t, snap, key, day, user: erasmus.render_opening(t, snap, key, day),
    "mobility": lambda t, snap, key, day, user: erasmus.render_mobility(t, snap, key),
    "faq": lambda t, snap, key, day, user: faq.render_faq(t, snap, key),
}


def resolve(payload: str, t: Translator, snap: KbSnapshot, today: dt.date, username: str | None = None) -> Screen | None:
    """The screen ``payload`` names, or ``None`` (unknown, or a record since removed)."""
    whole = _WHOLE.get(payload)
    if whole is not None:
        return whole(t, snap, today)
    kind, _, key = payload.partition("-")
    keyed = _KEYED.get(kind) if key else None
    return keyed(t, snap, key, today, username) if keyed is not None else None
