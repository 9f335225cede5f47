"""Erasmus+ and mobility: the programme, open calls (by deadline), the archive, records."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.callbacks import ErasmusCB, Menu, Open
from bot.dates import format_date
from bot.i18n import Translator, escape
from bot.kb import KbSnapshot
from bot.kb.models import Opening
from bot.keyboards import button, markup, nav_row
from bot.ui import Screen, cached_screen
from bot.views.common import clip, record_heading


def days_left(t: Translator, opening: Opening, day: dt.date) -> str:
    if opening.deadline is None:
        return t("call-no-deadline")
    left = (opening.deadline - day).days
    if left < 0:
        return t("call-closed", date=format_date(t, opening.deadline))
    return t("call-days-left", days=left)


@cached_screen
def render_erasmus(t: Translator, snap: KbSnapshot) -> Screen:
    lang = t.lang
    lines = [t("erasmus-title"), ""]
    programme = snap.projects.get("erasmus")
    if programme is not None:
        lines.append(escape(programme.text.get(lang)))
    rows = [
        [button(t("btn-open-calls"), ErasmusCB(part="calls"))],
        [button(t("btn-mobility"), ErasmusCB(part="mobility"))],
    ]
    if "west-attica" in snap.institutions:
        rows.append([button(t("btn-erasmus-partner"), Open(link="partner-west-attica"))])
    rows.append(nav_row(t))
    return Screen("\n".join(lines), markup(rows))


def _opening_list(
    t: Translator, openings: list[Opening], day: dt.date, icon: str, title: str, empty: str
) -> tuple[list[str], list[list[Any]]]:
    """The lines and buttons of a list of calls (open ones or the archive)."""
    lines = [title, ""]
    if not openings:
        lines.append(empty)
    rows = []
    for opening in openings:
        lines.append(t("list-item", text=f"{opening.title.get(t.lang)} — {days_left(t, opening, day)}"))
        rows.append([button(clip(f"{icon} {opening.title.get(t.lang)}"), Open(link=f"opening-{opening.id}"))])
    return lines, rows


@cached_screen
def render_calls(t: Translator, snap: KbSnapshot, day: dt.date) -> Screen:
    calls = snap.open_openings(day)
    # Dated calls first, the soonest deadline on top; standing exchanges after them.
    calls.sort(key=lambda o: (o.deadline is None, o.deadline or day, o.id))
    lines, rows = _opening_list(t, calls, day, "📣", t("calls-title", count=len(calls)), t("calls-none"))
    if any(o.deadline is None for o in calls):
        # The page describes exchanges that took place; it announces no call. Saying "open"
        # of them would promise places the office never offered.
        lines += ["", t("calls-standing")]
    # Issue 7: closed calls leave this list but stay in the archive.
    rows.append([button(t("dl-archive-button"), ErasmusCB(part="archive"))])
    rows.append(nav_row(t, Menu(screen="erasmus")))
    return Screen("\n".join(lines), markup(rows))


@cached_screen
def render_archive(t: Translator, snap: KbSnapshot, day: dt.date) -> Screen:
    """Closed calls (issue 7), the most recently closed first."""
    closed = [o for o in snap.openings.values() if not o.is_open(day)]
    closed.sort(key=lambda o: (o.deadline, o.id), reverse=True)
    lines, rows = _opening_list(
        t, closed, day, "🗄", t("dl-archive-title", count=len(closed)), t("dl-archive-empty")
    )
    rows.append(nav_row(t, ErasmusCB(part="calls")))
    return Screen("\n".join(lines), markup(rows))


@cached_screen
def render_opening(t: Translator, snap: KbSnapshot, opening_id: str, day: dt.date) -> Screen | None:
    opening = snap.openings.get(opening_id)
    if opening is None:
        return None
    lang = t.lang
    lines = [f"<b>{escape(opening.title.get(lang))}</b>"]
    host = snap.institutions.get(opening.host or "")
    if host is not None:
        lines.append(t("opening-host", name=host.name.get(lang)))
    if opening.kind is not None:
        lines.append(t("opening-kind", kind=t(f"opening-kind-{opening.kind.value}")))
    if opening.deadline is not None:
        lines.append(t("opening-deadline", date=format_date(t, opening.deadline), left=days_left(t, opening, day)))
    else:
        lines.append(t("opening-deadline-none"))
    if opening.description is not None:
        lines += ["", escape(opening.description.get(lang))]
    if opening.eligibility is not None:
        lines += ["", t("opening-eligibility"), escape(opening.eligibility.get(lang))]
    if opening.how_to_apply is not None:
        lines += ["", t("opening-how"), escape(opening.how_to_apply.get(lang))]
    if opening.link:
        lines += ["", t("opening-link", link=opening.link)]
    # Who went on this exchange before, by name and year, as the page gives them.
    for record in snap.mobility.values():
        if record.host == opening.host and opening.kind is not None and record.kind.value == opening.kind.value:
            names = "; ".join(p.get(lang) for p in record.participants)
            if names:
                lines += ["", f"✈️ {record_heading(t, record)}: {escape(names)}"]
    rows = []
    if host is not None:
        rows.append([button(clip(f"🏛 {host.name.get(lang)}"), Open(link=f"partner-{host.id}"))])
    rows.append([button(t("menu-ask"), Menu(screen="ask"))])
    rows.append(nav_row(t, ErasmusCB(part="calls")))
    return Screen("\n".join(lines), markup(rows))


def _year_key(record) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    return (-(record.year or 0), record.id)


@cached_screen
def render_mobility_list(t: Translator, snap: KbSnapshot) -> Screen:
    rows = []
    for record in sorted(snap.mobility.values(), key=_year_key):
        year = str(record.year) if record.year else "—"
        rows.append([button(clip(f"{year} · {record.title.get(t.lang)}"), Open(link=f"mobility-{record.id}"))])
    rows.append(nav_row(t, Menu(screen="erasmus")))
    return Screen(t("mobility-title"), markup(rows))


@cached_screen
def render_mobility(t: Translator, snap: KbSnapshot, record_id: str) -> Screen | None:
    record = snap.mobility.get(record_id)
    if record is None:
        return None
    lang = t.lang
    year = str(record.year) if record.year else t("mobility-year-unknown")
    lines = [f"<b>{escape(record.title.get(lang))}</b>", f"{t(f'mobility-kind-{record.kind.value}')} · {year}"]
    host = snap.institutions.get(record.host)
    if host is not None:
        lines.append(t("mobility-host", name=host.name.get(lang)))
    if record.text is not None:
        lines += ["", escape(record.text.get(lang))]
    if record.participants:
        lines += ["", t("mobility-participants")]
        lines += [t("list-item", text=p.get(lang)) for p in record.participants]
    rows = []
    if host is not None:
        rows.append([button(clip(f"🏛 {host.name.get(lang)}"), Open(link=f"partner-{host.id}"))])
    rows.append(nav_row(t, ErasmusCB(part="mobility")))
    return Screen("\n".join(lines), markup(rows))
