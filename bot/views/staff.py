"""Staff screens: the staff list, backup sizes, the /stats figures."""

from __future__ import annotations

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton

from bot.clock import Clock
from bot.i18n import Html, Translator
from bot.keyboards import button, markup
from bot.services.stats import Stats
from bot.services.subscriptions import TOPIC_KEYS
from bot.ui import Screen


class StaffCB(CallbackData, prefix="sf"):
    """``add`` (ask for the person), ``rm`` (remove ``user``), ``cancel``."""

    action: str
    user: int = 0


def staff_name(t: Translator, user_id: int, name: str) -> str:
    return name or t("staff-unnamed", id=str(user_id))


def staff_screen(t: Translator, staff: list[tuple[int, str]], admin_ids: list[int], note: str = "") -> Screen:
    lines = [note, ""] if note else []
    lines += [t("staff-title"), t("staff-admins", ids=", ".join(str(i) for i in admin_ids) or "—"), ""]
    rows: list[list[InlineKeyboardButton]] = []
    if not staff:
        lines.append(t("staff-list-empty"))
    for user_id, name in staff:
        lines.append(t("staff-item", name=staff_name(t, user_id, name), id=str(user_id)))
        # A button's text is not HTML: the name goes in as it is, not escaped.
        label = t("staff-btn-remove", name=Html(name) if name else staff_name(t, user_id, name))
        rows.append([button(label[:60], StaffCB(action="rm", user=user_id))])
    lines += ["", t("staff-help")]
    rows.append([button(t("staff-btn-add"), StaffCB(action="add"))])
    return Screen("\n".join(lines), markup(rows))


def cancel_screen(t: Translator) -> Screen:
    return Screen(t("staff-add-prompt"), markup([[button(t("staff-btn-cancel"), StaffCB(action="cancel"))]]))


def format_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(1, size // 1024)} KB"


def format_wait(t: Translator, seconds: float) -> str:
    minutes = int(round(seconds / 60))
    if minutes < 60:
        return t("stats-minutes", minutes=minutes)
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return t("stats-hours", hours=hours, minutes=minutes)
    days, hours = divmod(hours, 24)
    return t("stats-days", days=days, hours=hours)


def stats_text(t: Translator, stats: Stats, clock: Clock) -> str:
    stamp = clock.stamp(stats.now)
    lang = stats.by_language
    lines = [
        t("stats-title", date=stamp),
        "",
        t("stats-users", total=stats.users_total, blocked=stats.users_blocked),
        t("stats-languages", tg=lang.get("tg", 0), ru=lang.get("ru", 0), en=lang.get("en", 0), none=lang.get("", 0)),
        t("stats-new", week=stats.new_7, month=stats.new_30),
        t("stats-active", week=stats.active_7, month=stats.active_30),
        "",
        t("stats-subscribers"),
    ]
    for topic, count in stats.subscribers.items():
        lines.append(t("stats-subscriber", topic=t(TOPIC_KEYS[topic]) if topic in TOPIC_KEYS else topic, count=count))
    lines += [
        "",
        t("stats-inquiries", received=stats.inquiries_received, answered=stats.inquiries_answered,
          open=stats.inquiries_open),
        t("stats-median", time=format_wait(t, stats.median_first_answer)) if stats.median_first_answer is not None
        else t("stats-median-none"),
    ]
    for key, items in (("stats-top", stats.top_queries), ("stats-missing", stats.top_not_found)):
        lines += ["", t(key)]
        lines += [t("stats-query", query=query, count=count) for query, count in items] or [t("stats-none")]
    return "\n".join(lines)
