"""Dates in the user's language ("26–30 сентября 2019", "3 марта – 6 июня 2019")."""

from __future__ import annotations

import datetime as dt

from bot.i18n import Translator


def flag(code: str) -> str:
    """Emoji flag from an ISO 3166-1 alpha-2 code."""
    if len(code) != 2 or not code.isalpha():
        return "🏳️"
    return "".join(chr(0x1F1E6 + ord(c) - ord("a")) for c in code.lower())


def format_date(t: Translator, day: dt.date) -> str:
    return f"{day.day} {t(f'month-{day.month}')} {day.year}"


def format_range(t: Translator, start: dt.date, end: dt.date | None = None, precision: str = "day") -> str:
    if precision == "year":
        if end is not None and end.year != start.year:
            return f"{start.year}–{end.year}"
        return t("date-year", year=str(start.year))
    if end is None or end == start:
        return format_date(t, start)
    if start.year != end.year:
        return f"{format_date(t, start)} – {format_date(t, end)}"
    if start.month != end.month:
        return f"{start.day} {t(f'month-{start.month}')} – {format_date(t, end)}"
    return f"{start.day}–{format_date(t, end)}"
