"""News and events: newest first, paged, each opening a detail view."""

from __future__ import annotations

from bot.callbacks import NewsCB, Open
from bot.dates import format_range
from bot.i18n import Translator, escape
from bot.kb import KbSnapshot
from bot.keyboards import button, markup, nav_row, paginate
from bot.ui import Screen, cached_screen
from bot.views.common import clip, share_button

PER_PAGE = 6


@cached_screen
def render_news(t: Translator, snap: KbSnapshot, page: int = 0) -> Screen:
    events = snap.events_newest
    page, first, pages = paginate(len(events), page, PER_PAGE)
    rows = []
    for event in events[first : first + PER_PAGE]:
        when = event.date.year if event.date_precision == "year" else event.date.strftime("%d.%m.%Y")
        rows.append([button(clip(f"{when} · {event.title.get(t.lang)}"), Open(link=f"news-{event.id}"))])
    pager = []
    if page > 0:
        pager.append(button(t("btn-prev"), NewsCB(page=page - 1)))
    if page < pages - 1:
        pager.append(button(t("btn-next"), NewsCB(page=page + 1)))
    rows.append(pager)
    rows.append(nav_row(t))
    text = t("news-title")
    if pages > 1:
        text += "\n" + t("page-of", page=page + 1, pages=pages)
    return Screen(text, markup(rows))


def news_page_of(snap: KbSnapshot, event_id: str) -> int:
    for index, event in enumerate(snap.events_newest):
        if event.id == event_id:
            return index // PER_PAGE
    return 0


@cached_screen
def render_event(t: Translator, snap: KbSnapshot, event_id: str, username: str | None = None) -> Screen | None:
    event = snap.events.get(event_id)
    if event is None:
        return None
    lang = t.lang
    lines = [
        f"<b>{escape(event.title.get(lang))}</b>",
        t("event-date", date=format_range(t, event.date, event.date_end, event.date_precision)),
        "",
        escape(event.text.get(lang)),
    ]
    partners = [snap.institutions[i] for i in event.institutions if i in snap.institutions]
    projects = [snap.projects[p] for p in event.projects if p in snap.projects]
    if partners:
        lines += ["", t("event-partners", names=", ".join(p.name.get(lang) for p in partners))]
    if projects:
        lines.append(t("event-projects", names=", ".join(p.title.get(lang) for p in projects)))
    rows = [[button(clip(f"🏛 {p.name.get(lang)}"), Open(link=f"partner-{p.id}"))] for p in partners]
    rows += [[button(clip(f"📂 {p.title.get(lang)}"), Open(link=f"project-{p.id}"))] for p in projects]
    share = share_button(t, username, f"news-{event.id}", event.title.get(lang))
    if share is not None:
        rows.append([share])
    rows.append(nav_row(t, NewsCB(page=news_page_of(snap, event.id))))
    return Screen("\n".join(lines), markup(rows))
