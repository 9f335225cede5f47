"""Inquiries as text and buttons: the student's ask flow and "My questions", the staff
chat's card, lists and notices, and the office-hours line.

Pure functions of records, a Translator and the clock; the services in bot/inquiries
send what these return.
"""

from __future__ import annotations

import html
import sqlite3
from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from bot.callbacks import Menu
from bot.clock import Clock
from bot.i18n import LANGUAGE_NAMES, Translator
from bot.inquiries.callbacks import AskCB, MyQ, StaffCB
from bot.inquiries.hours import DAYS, OfficeHours
from bot.inquiries.store import TOPICS, LimitReached
from bot.keyboards import button, markup, nav_row
from bot.ui import Screen
from bot.views.common import clip

TOPIC_NAME = 120  # Telegram's limit for a forum topic's name


# ------------------------------------------------------------------ text helpers
def clip_escaped(text: str | None, limit: int) -> str:
    """At most ``limit`` characters once HTML-escaped (t() escapes).

    Not ``common.clip``: ``ui.show`` splits a screen by its HTML length, so a question
    full of ``<`` or ``&`` must be measured escaped or a split could cut an entity.
    """
    text = text or ""
    if len(html.escape(text, quote=False)) <= limit:
        return text
    cut = limit
    while cut > 0 and len(html.escape(text[:cut], quote=False)) > limit - 1:
        cut -= max(1, cut // 10)
    return text[:cut].rstrip() + "…"


def short(text: str | None, limit: int = 70) -> str:
    """One line of a list: whitespace collapsed, clipped."""
    return clip(" ".join((text or "").split()), limit)


def display_name(inquiry: sqlite3.Row) -> str:
    name = " ".join(p for p in (inquiry["first_name"], inquiry["last_name"]) if p).strip()
    return name or str(inquiry["user_id"])


def topic_name(inquiry: sqlite3.Row) -> str:
    """The name of the student's forum topic in the staff chat."""
    name = display_name(inquiry)
    if inquiry["username"]:
        name += f" @{inquiry['username']}"
    return name[:TOPIC_NAME]


def cooldown_parts(seconds: int) -> tuple[str, int]:
    """('seconds', n) or ('minutes', n) for the cooldown message."""
    if seconds > 120:
        return "minutes", -(-seconds // 60)
    return "seconds", seconds


# ------------------------------------------------------------------ office hours
def hours_text(t: Translator, hours: OfficeHours, timestamp: float) -> str:
    parts = []
    for w in hours.windows:
        days = t(f"ask-dshort-{DAYS[w.first]}")
        if w.last != w.first:
            days += "–" + t(f"ask-dshort-{DAYS[w.last]}")
        parts.append(f"{days} {w.start:%H:%M}–{w.end:%H:%M}")
    return "; ".join(parts) + f" ({hours.utc_offset(timestamp)})"


def when_text(t: Translator, hours: OfficeHours, timestamp: float) -> str:
    """When the office usually answers, or (outside hours) when to expect an answer; nothing
    when no hours are configured (they are never made up)."""
    if not hours.windows:
        return ""
    shown = hours_text(t, hours, timestamp)
    if hours.is_open(timestamp):
        return t("ask-hours-open", hours=shown)
    # The opening is in the zone of OFFICE_HOURS, so "today" must be too.
    opening = hours.next_opening(timestamp)
    today = hours.local(timestamp).date()
    time = opening.strftime("%H:%M")
    days = (opening.date() - today).days
    if days == 0:
        when = t("ask-next-today", time=time)
    elif days == 1:
        when = t("ask-next-tomorrow", time=time)
    else:
        when = t("ask-next-day", day=t(f"ask-day-{DAYS[opening.weekday()]}"), time=time)
    return t("ask-hours-closed", hours=shown, next=when)


# ------------------------------------------------------------------ the ask flow
def limit_text(t: Translator, error: LimitReached, max_open: int) -> str:
    if error.kind == "open":
        return t("ask-limit-open", count=max_open)
    unit, n = cooldown_parts(error.value)
    return t(f"ask-limit-cooldown-{unit}", n=n, count=str(n))


def limit_screen(t: Translator, error: LimitReached, max_open: int) -> Screen:
    rows = [[button(t("menu-my-questions"), Menu(screen="myq"))], nav_row(t)]
    return Screen(limit_text(t, error, max_open), markup(rows))


def cancel_row(t: Translator) -> list[InlineKeyboardButton]:
    return [button(t("ask-btn-cancel"), AskCB(action="cancel"))]


def topic_screen(t: Translator) -> Screen:
    """The same for everyone in a language: built once per translator (buttons are pydantic
    models, validated on every build)."""
    screen = t.memo.get("ask_topics")
    if screen is None:
        rows = [[button(t(f"ask-topic-{key}"), AskCB(action="topic", value=key))] for key in TOPICS]
        rows.append(cancel_row(t))
        screen = t.memo["ask_topics"] = Screen(t("ask-choose-topic"), markup(rows))
    return screen


def question_screen(t: Translator, topic: str) -> Screen:
    return Screen(t("ask-write-question", topic=t(f"ask-topic-{topic}")), markup([cancel_row(t)]))


def prefill_screen(t: Translator, topic: str, text: str) -> Screen:
    rows = [
        [button(t("ask-btn-prefill-use"), AskCB(action="use"))],
        [button(t("ask-btn-prefill-new"), AskCB(action="new"))],
        cancel_row(t),
    ]
    return Screen(t("ask-prefill", topic=t(f"ask-topic-{topic}"), text=clip_escaped(text, 3000)), markup(rows))


def phone_keyboard(t: Translator) -> ReplyKeyboardMarkup:
    return ReplyKeyboardMarkup(
        keyboard=[
            [KeyboardButton(text=t("ask-btn-share-phone"), request_contact=True)],
            [KeyboardButton(text=t("ask-btn-skip-phone"))],
        ],
        resize_keyboard=True,
        one_time_keyboard=True,
        input_field_placeholder=t("ask-phone-placeholder"),
    )


def summary_screen(t: Translator, draft: dict[str, Any]) -> Screen:
    kind = draft.get("attachment_kind")
    text = t(
        "ask-summary",
        topic=t(f"ask-topic-{draft.get('topic', 'other')}"),
        question=clip_escaped(draft.get("question"), 3000) or t("ask-no-text"),
        attachment=t(f"ask-attachment-{kind}") if kind else t("ask-none"),
        phone=draft.get("phone") or t("ask-none"),
    )
    rows = [[button(t("ask-btn-send"), AskCB(action="send"))], cancel_row(t)]
    return Screen(text, markup(rows))


def received_screen(t: Translator, hours: OfficeHours, inquiry_id: int, timestamp: float) -> Screen:
    when = when_text(t, hours, timestamp)
    text = t("ask-received", id=str(inquiry_id)) + (f"\n{when}" if when else "")
    rows = [[button(t("menu-my-questions"), Menu(screen="myq"))], nav_row(t)]
    return Screen(text, markup(rows))


def myq_screen(t: Translator, clock: Clock, rows: list[sqlite3.Row], total: int, page: int, pages: int) -> Screen:
    """One page of "My questions" (``total`` 0: the empty screen)."""
    ask_row = [button(t("menu-ask"), Menu(screen="ask"))]
    if total == 0:
        return Screen(t("myq-empty"), markup([ask_row, nav_row(t)]))
    items = []
    for row in rows:
        text = short(row["question"], 80)
        if not text:
            text = t(f"ask-attachment-{row['attachment_kind']}") if row["attachment_kind"] else t("ask-no-text")
        items.append(t(
            "myq-item", id=str(row["id"]), status=t(f"myq-status-{row['status']}"),
            date=clock.stamp(row["created_at"], "%d.%m.%Y"), topic=t(f"ask-topic-{row['topic']}"), text=text,
        ))
    body = t("myq-title", count=str(total)) + "\n\n" + "\n\n".join(items)
    if pages > 1:
        body += "\n\n" + t("myq-page", page=str(page + 1), pages=str(pages))
    pager = []
    if page > 0:
        pager.append(button(t("myq-btn-prev"), MyQ(page=page - 1)))
    if page < pages - 1:
        pager.append(button(t("myq-btn-next"), MyQ(page=page + 1)))
    return Screen(body, markup([pager, ask_row, nav_row(t)]))


# ------------------------------------------------------------------ the staff chat
def render_card(t: Translator, clock: Clock, inquiry: sqlite3.Row) -> str:
    kind = inquiry["attachment_kind"]
    return t(
        "inq-card",
        id=str(inquiry["id"]),
        topic=t(f"ask-topic-{inquiry['topic']}"),
        uid=str(inquiry["user_id"]),
        name=display_name(inquiry),
        username=f"@{inquiry['username']}" if inquiry["username"] else "",
        language=LANGUAGE_NAMES.get(inquiry["language"], inquiry["language"]),
        phone=inquiry["phone"] or t("inq-not-given"),
        attachment=t(f"ask-attachment-{kind}") if kind else t("inq-not-given"),
        date=clock.stamp(inquiry["created_at"]),
        question=clip_escaped(inquiry["question"], 3000) or t("ask-no-text"),
    )


def card_markup(t: Translator, inquiry: sqlite3.Row) -> InlineKeyboardMarkup:
    if inquiry["status"] == "closed":
        return markup([[button(t("inq-btn-reopen"), StaffCB(action="reopen", inquiry=inquiry["id"]))]])
    return markup([[button(t("inq-btn-close"), StaffCB(action="close", inquiry=inquiry["id"]))]])


def render_list(t: Translator, clock: Clock, rows: list[sqlite3.Row], limit: int = 30) -> list[str]:
    lines = [
        t("inq-open-item", id=str(row["id"]), date=clock.stamp(row["waiting_since"] or row["created_at"]),
          topic=t(f"ask-topic-{row['topic']}"), name=display_name(row),
          text=short(row["question"]) or t("ask-no-text"))
        for row in rows[:limit]
    ]
    if len(rows) > limit:
        lines.append(t("inq-open-more", count=str(len(rows) - limit)))
    return lines


def list_markup(t: Translator, rows: list[sqlite3.Row]) -> InlineKeyboardMarkup | None:
    buttons = [button(t("inq-btn-card", id=str(r["id"])), StaffCB(action="card", inquiry=r["id"])) for r in rows[:10]]
    if not buttons:
        return None
    return markup([buttons[i: i + 5] for i in range(0, len(buttons), 5)])


def notice_text(t: Translator, inquiry_id: int, what: str) -> str:
    """Inquiry #N may be missing: ``what`` (card, attachment, followup) was interrupted."""
    return t("inq-notice-unconfirmed", id=str(inquiry_id), what=t(f"inq-what-{what}"))


def notice_markup(t: Translator, inquiry_id: int, row_id: int) -> InlineKeyboardMarkup:
    return markup([[button(t("inq-btn-redo"), StaffCB(action="redo", inquiry=inquiry_id, row=row_id))]])


def attachment_caption(t: Translator, inquiry: sqlite3.Row) -> str:
    return t("inq-attachment-caption", id=str(inquiry["id"]))


def followup_text(t: Translator, inquiry: sqlite3.Row, body: str | None, limit: int) -> str:
    return t("inq-followup", id=str(inquiry["id"]), name=display_name(inquiry), text=clip_escaped(body, limit))


def reminder_text(t: Translator, clock: Clock, rows: list[sqlite3.Row], hours: int) -> str:
    return "\n\n".join([t("inq-reminder-title", hours=str(hours), count=str(len(rows))), *render_list(t, clock, rows)])


def open_list_text(t: Translator, clock: Clock, rows: list[sqlite3.Row]) -> str:
    """/open in the staff chat (``rows`` not empty)."""
    return "\n\n".join([t("inq-open-title", count=str(len(rows))), *render_list(t, clock, rows)])
