"""Partner universities: countries (by count) → institutions (paged) → card."""

from __future__ import annotations

from bot.callbacks import CountryCB, InstCB, Menu, Open
from bot.dates import flag
from bot.i18n import Translator, escape
from bot.kb import KbSnapshot
from bot.keyboards import button, markup, nav_row, paginate
from bot.ui import Screen, cached_screen
from bot.views.common import clip, record_heading, share_button

PER_PAGE = 8


@cached_screen
def render_countries(t: Translator, snap: KbSnapshot) -> Screen:
    rows_data = snap.countries_by_count()
    total = sum(count for _, count in rows_data)
    rows = [
        [button(t("partners-country-button", flag=flag(c.code), name=c.name.get(t.lang), count=count), CountryCB(code=c.code))]
        for c, count in rows_data
    ]
    rows.append(nav_row(t))
    return Screen(t("partners-title", count=total, countries=len(rows_data)), markup(rows))


@cached_screen
def render_country(t: Translator, snap: KbSnapshot, code: str, page: int = 0) -> Screen | None:
    country = snap.countries.get(code)
    institutions = snap.by_country.get(code, [])
    if country is None or not institutions:
        return None
    page, first, pages = paginate(len(institutions), page, PER_PAGE)
    rows = [
        [button(clip(inst.name.get(t.lang)), InstCB(id=inst.id, page=page))]
        for inst in institutions[first : first + PER_PAGE]
    ]
    if pages > 1:
        pager = []
        if page > 0:
            pager.append(button(t("btn-prev"), CountryCB(code=code, page=page - 1)))
        if page < pages - 1:
            pager.append(button(t("btn-next"), CountryCB(code=code, page=page + 1)))
        rows.append(pager)
    rows.append(nav_row(t, Menu(screen="partners")))
    text = t("country-title", flag=flag(code), name=country.name.get(t.lang), count=len(institutions))
    if pages > 1:
        text += "\n" + t("page-of", page=page + 1, pages=pages)
    text += "\n\n" + t("country-inferred-note")
    return Screen(text, markup(rows))


@cached_screen
def render_institution(t: Translator, snap: KbSnapshot, inst_id: str, page: int = 0, username: str | None = None) -> Screen | None:
    inst = snap.institutions.get(inst_id)
    if inst is None:
        return None
    lang = t.lang
    lines = [f"<b>{escape(inst.name.get(lang))}</b>"]
    if inst.short_name is not None and inst.short_name.get(lang) != inst.name.get(lang):
        lines[0] += f" ({escape(inst.short_name.get(lang))})"
    lines.append(t(f"inst-kind-{inst.kind.value}"))
    country = snap.countries.get(inst.country)
    if country is not None:
        lines.append(t("inst-country", flag=flag(country.code), name=country.name.get(lang)))
    if inst.city is not None:
        lines.append(t("inst-city", city=inst.city.get(lang)))
    lines.append("")
    if inst.cooperation is not None:
        lines.append(t("inst-cooperation"))
        lines.append(escape(inst.cooperation.get(lang)))
    else:
        lines.append(t("inst-no-cooperation"))
    rows = []
    events = snap.events_by_institution.get(inst.id, [])
    mobility = [m for m in snap.mobility.values() if m.host == inst.id]
    # Who went (or came), by name and year, as the page gives them.
    for record in mobility:
        names = "; ".join(p.get(lang) for p in record.participants)
        line = f"✈️ {record_heading(t, record)}"
        lines += ["", f"{line}: {escape(names)}" if names else line]
    if events or mobility:
        lines.append("")
        lines.append(t("inst-related"))
        for event in events:
            rows.append([button(clip(f"📰 {event.date.year} · {event.title.get(lang)}"), Open(link=f"news-{event.id}"))])
        for record in mobility:
            rows.append([button(clip(f"✈️ {record.title.get(lang)}"), Open(link=f"mobility-{record.id}"))])
    if inst.cooperation is None:  # the card sends the student to the office: one tap away
        rows.append([button(t("menu-ask"), Menu(screen="ask"))])
    share = share_button(t, username, f"partner-{inst.id}", inst.name.get(lang))
    if share is not None:
        rows.append([share])
    rows.append(nav_row(t, CountryCB(code=inst.country, page=page)))
    return Screen("\n".join(lines), markup(rows))
