"""Callback data shared by several features (feature-specific ones live with their router).

Prefixes are one or two letters: Telegram allows 64 bytes of callback data, and the
prefix is also the cheap first check aiogram makes before unpacking.
"""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData


class Menu(CallbackData, prefix="m"):
    """Open a top-level section: ``main``, ``about``, ``partners``, ``contacts`` ..."""

    screen: str


class SetLang(CallbackData, prefix="l"):
    code: str


# Rules such as ``Menu.filter(F.screen == "about")`` are resolved inside aiogram's async
# CallbackQueryFilter, so they cost no thread hop (a bare ``F`` filter would).


class Open(CallbackData, prefix="go"):
    """Open any knowledge-base screen by its deep-link payload (``partner-<id>``,
    ``news-<id>``, ``project-<id>``, ``opening-<id>``, ``faq-<id>``, ``country-<code>``,
    ``contacts`` ...), see ``handlers.deeplinks.resolve``."""

    link: str


# Section screens' own buttons (the table-driven section router serves all of them).
class CountryCB(CallbackData, prefix="pc"):
    code: str
    page: int = 0


class InstCB(CallbackData, prefix="pi"):
    id: str
    page: int = 0


class NewsCB(CallbackData, prefix="n"):
    page: int = 0


class ErasmusCB(CallbackData, prefix="e"):
    part: str  # "calls" | "mobility" | "archive"


OFFICE_PARTS = frozenset({"tasks", "areas"})


class OfficeCB(CallbackData, prefix="o"):
    part: str  # one of OFFICE_PARTS; anything else is forged or stale
