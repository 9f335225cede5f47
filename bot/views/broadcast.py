"""Broadcast texts and keyboards: the composer's screens, the list of jobs, the progress and
the report of a job, the button under every broadcast, and the announcement offers."""

from __future__ import annotations

from typing import Any

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.broadcast.callbacks import Announce, BcDraft, BcJob, Unsub, audience_data
from bot.broadcast.models import Job
from bot.callbacks import Menu
from bot.clock import Clock
from bot.i18n import LANGUAGE_FLAGS, LANGUAGE_NAMES, Html, Translator
from bot.kb.models import LANGUAGES, Event, Opening
from bot.keyboards import button, markup
from bot.services.subscriptions import TOPIC_KEYS, TOPICS
from bot.ui import Screen

SHORT_TEXT = 500  # characters of a record's text in an announcement


def lang_name(lang: str) -> str:
    return f"{LANGUAGE_FLAGS[lang]} {LANGUAGE_NAMES[lang]}"


def audience_label(t: Translator, audience: str) -> str:
    kind, _, value = audience.partition(":")
    if kind == "topic" and value in TOPIC_KEYS:
        return t("bc-aud-topic", topic=t(TOPIC_KEYS[value]))
    if kind == "lang" and value in LANGUAGE_NAMES:
        return t("bc-aud-lang", language=lang_name(value))
    return t("bc-aud-all")


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


# --- what students see ---------------------------------------------------------------------------
def student_markup(t: Translator, topic: str | None) -> InlineKeyboardMarkup:
    """The button under every broadcast message: unsubscribe from its topic (or, for a
    message to everyone, the subscription settings)."""
    if topic in TOPIC_KEYS:
        return markup([[button(t("bc-unsubscribe", topic=t(TOPIC_KEYS[topic])), Unsub(topic=topic))]])
    return markup([[button(t("bc-manage-subscriptions"), Menu(screen="subscribe"))]])


# --- a job: progress, report, list ---------------------------------------------------------------
def cancel_job_markup(t: Translator, job_id: int) -> InlineKeyboardMarkup:
    return markup([[button(t("bc-btn-cancel-job"), BcJob(action="cancel", job=job_id))]])


def progress_text(t: Translator, job: Job, rate: float | None) -> str:
    f = job.figures
    remaining = max(0, f.total - f.done)
    left = format_duration(remaining / rate) if rate else "…"
    return t("bc-progress", id=str(job.id), done=f.done, total=f.total, sent=f.sent,
             rate=f"{rate or 0:.1f}", left=left)


def report_text(t: Translator, job: Job) -> str:
    f = job.figures
    key = "bc-report-cancelled" if job.status == "cancelled" else "bc-report-done"
    text = t(key, id=str(job.id), sent=f.sent, total=f.total, blocked=f.blocked, failed=f.failed,
             uncertain=f.uncertain, notsent=f.pending + f.sending)
    if job.error:
        text += "\n" + t("bc-report-error", error=job.error)
    return text


def progress_screen(t: Translator, job: Job, position: int) -> Screen:
    """The message a new job starts in: its place in the queue, or its progress."""
    text = (t("bc-progress-queued", id=str(job.id), total=job.total, position=position) if position
            else progress_text(t, job, None))
    return Screen(text, cancel_job_markup(t, job.id))


def list_screen(t: Translator, jobs: list[Job], clock: Clock) -> Screen:
    if not jobs:
        return Screen(t("bc-list-empty"), None)
    lines = [t("bc-list-title")]
    rows: list[list[InlineKeyboardButton]] = []
    for job in jobs:
        f = job.figures
        lines.append(t(
            "bc-list-item", id=str(job.id), date=clock.stamp(job.created_at), audience=audience_label(t, job.audience),
            status=t(f"bc-status-{job.status}"), sent=f.sent, total=f.total, blocked=f.blocked, failed=f.failed,
            uncertain=f.uncertain, deleted=f.deleted,
        ))
        if job.status in ("queued", "running"):
            rows.append([button(t("bc-btn-cancel-numbered", id=str(job.id)), BcJob(action="cancel", job=job.id))])
        elif job.can_delete(clock()):
            rows.append([button(t("bc-btn-delete", id=str(job.id)), BcJob(action="del", job=job.id))])
    return Screen("\n\n".join(lines), markup(rows))


def delete_confirm_screen(t: Translator, job: Job) -> Screen:
    keyboard = markup([
        [button(t("bc-btn-delete-yes"), BcJob(action="delok", job=job.id))],
        [button(t("bc-btn-back"), BcJob(action="list", job=job.id))],
    ])
    return Screen(t("bc-delete-confirm", id=str(job.id), count=job.figures.sent - job.figures.deleted), keyboard)


# --- the composer ----------------------------------------------------------------------------------
def cancel_draft_markup(t: Translator) -> InlineKeyboardMarkup:
    return markup([[button(t("bc-btn-cancel"), BcDraft(action="cancel"))]])


def draft_screen(t: Translator, versions: dict[str, Any], topic_counts: dict[str, int],
                 language_counts: dict[str, int]) -> Screen:
    """Versions so far and the audiences to choose from, each with its number of recipients
    (``topic_counts``: subscribers per topic; ``language_counts``: everyone, by language)."""
    lines = [t("bc-draft-title"), t("bc-draft-first")]
    for lang in LANGUAGES:
        key = "bc-draft-version-own" if lang in versions else "bc-draft-version-first"
        lines.append(t(key, language=lang_name(lang)))
    lines += ["", t("bc-draft-hint")]
    rows: list[list[InlineKeyboardButton]] = [[
        button(t("bc-btn-version-edit" if lang in versions else "bc-btn-version-add", language=LANGUAGE_FLAGS[lang]),
               BcDraft(action="ver", value=lang))
        for lang in LANGUAGES
    ]]
    for topic, key in TOPICS:
        rows.append([button(t("bc-btn-aud-topic", topic=t(key), count=topic_counts[topic]),
                            BcDraft(action="aud", value=audience_data(f"topic:{topic}")))])
    rows.append([button(t("bc-btn-aud-all", count=sum(language_counts.values())), BcDraft(action="aud", value="all"))])
    rows.append([
        button(t("bc-btn-aud-lang", language=LANGUAGE_FLAGS[lang], count=language_counts[lang]),
               BcDraft(action="aud", value=audience_data(f"lang:{lang}")))
        for lang in LANGUAGES
    ])
    rows.append([button(t("bc-btn-cancel"), BcDraft(action="cancel"))])
    return Screen("\n".join(lines), markup(rows))


def version_prompt_screen(t: Translator, lang: str) -> Screen:
    return Screen(t("bc-ask-version", language=lang_name(lang)), markup([[button(t("bc-btn-back"), BcDraft(action="back"))]]))


def confirm_markup(t: Translator, total: int) -> InlineKeyboardMarkup:
    return markup([
        [button(t("bc-btn-send", count=total), BcDraft(action="send"))],
        [button(t("bc-btn-back"), BcDraft(action="back")), button(t("bc-btn-cancel"), BcDraft(action="cancel"))],
    ])


# --- announcements of new knowledge-base records ---------------------------------------------------
def shorten(text: str, limit: int = SHORT_TEXT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip(" ,.;:") + "…"


def format_date(value: Any, precision: str = "day") -> str:
    return str(value.year) if precision == "year" else value.strftime("%d.%m.%Y")


def render_record(t: Translator, record: Event | Opening) -> str:
    """Title, date and a short text, in ``t``'s language (every str argument is escaped)."""
    lang = t.lang
    if isinstance(record, Event):
        date = format_date(record.date, record.date_precision)
        if record.date_end is not None and record.date_precision == "day":
            date = f"{date} – {format_date(record.date_end)}"
        return t("bc-auto-event", title=record.title.get(lang), date=date, text=shorten(record.text.get(lang)))
    body = record.description or record.eligibility or record.how_to_apply
    text = shorten(body.get(lang)) if body is not None else ""
    if record.deadline is not None:
        return t("bc-auto-opening-deadline", title=record.title.get(lang), deadline=format_date(record.deadline),
                 text=text)
    return t("bc-auto-opening", title=record.title.get(lang), text=text)


def offer_text(t: Translator, topic: str, count: int, record: Event | Opening) -> str:
    return t("bc-offer", topic=t(TOPIC_KEYS[topic]), count=count, preview=Html(render_record(t, record)))


def offer_markup(t: Translator, offer_id: int) -> InlineKeyboardMarkup:
    return markup([[
        button(t("bc-offer-confirm"), Announce(action="ok", offer=offer_id)),
        button(t("bc-offer-skip"), Announce(action="skip", offer=offer_id)),
    ]])
