"""Answers to typed questions (issue 14): the fact in the text, the card and its buttons below.

Every answer leads with what was asked (the phone, the address, the list of partners, the
office's tasks that match) and then the card it comes from (``resolve``), whose buttons stay
under it. Lists carry their items in the text, one line of facts each, and a button each.
"""

from __future__ import annotations

import datetime as dt
from itertools import islice

from aiogram.types import InlineKeyboardButton

from bot.answers.model import Answer
from bot.callbacks import Open
from bot.dates import flag, format_range
from bot.i18n import Html, Translator, escape
from bot.kb import KbSnapshot
from bot.keyboards import button, main_menu, markup, nav_row
from bot.ui import Screen
from bot.views.common import clip
from bot.views.screens import resolve
from bot.views.search import nothing_markup

QUERY_ECHO = 100
FAQ_LINE = 220
SEE_ALSO = 3


def render(t: Translator, snap: KbSnapshot, answer: Answer, today: dt.date, username: str | None = None) -> Screen:
    kind = answer.kind
    if kind == "smalltalk":
        return Screen(t(f"answer-{answer.topic}"), main_menu(t))
    if kind == "unknown":
        return render_unknown(t, snap, answer)
    if kind in ("phone", "address", "person"):
        return _contacts(t, snap, answer, today)
    if kind == "list":
        return render_list(t, snap, answer)
    if kind == "choices":
        return render_choices(t, snap, answer)
    if kind == "mobility":
        return render_records(t, snap, answer)
    if kind == "compare":
        return render_compare(t, snap, answer)
    return render_card(t, snap, answer, today, username)


def render_unknown(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    if answer.topic == "country":
        what = t("answer-what-country", name=answer.word)
    elif answer.topic:
        what = t(f"answer-what-{answer.topic}")
    else:
        what = t("answer-what-query", query=clip(answer.query, QUERY_ECHO))
    lines = [t("answer-unknown", what=Html(what))]
    contacts = snap.contacts
    if answer.topic == "phone-other" and contacts is not None and contacts.phone:
        lines.append(t("answer-phone-only", phone=_phone(contacts)))
    lines.append(t("answer-offer"))
    return Screen("\n\n".join(lines), nothing_markup(t))


def _phone(contacts) -> str:  # type: ignore[no-untyped-def]
    return contacts.phone_display or contacts.phone or ""


def _contacts(t: Translator, snap: KbSnapshot, answer: Answer, today: dt.date) -> Screen:
    contacts = snap.contacts
    card = resolve("contacts", t, snap, today)
    if contacts is None or card is None:
        return render_unknown(t, snap, Answer("unknown", answer.query))
    lang = t.lang
    head = next((p for p in contacts.people if p.id == "head"), contacts.people[0] if contacts.people else None)
    if answer.kind == "phone":
        lead = t("answer-phone", phone=_phone(contacts) or t("not-published"),
                 name=head.name.get(lang) if head else "", role=head.role.get(lang) if head else "")
    elif answer.kind == "address":
        lead = t("answer-address", address=contacts.address.get(lang) if contacts.address else t("not-published"))
    elif answer.topic == "staff":
        lead = "\n".join([*(t("answer-staff-line", role=p.role.get(lang), name=p.name.get(lang)) for p in contacts.people),
                          t("answer-staff-phone", phone=_phone(contacts) or t("not-published"))])
    else:
        person = next((p for p in contacts.people if p.id == answer.topic), head)
        if person is None:
            return card
        lead = t("answer-person", role=person.role.get(lang), name=person.name.get(lang),
                 phone=_phone(contacts) or t("not-published"))
    return Screen(f"{lead}\n\n{card.text}", card.markup)


def institution_line(t: Translator, snap: KbSnapshot, inst_id: str, *, country: bool = True) -> str:
    inst = snap.institutions[inst_id]
    lang = t.lang
    name = inst.name.get(lang)
    if inst.short_name is not None and inst.short_name.get(lang) not in name:
        name += f" ({inst.short_name.get(lang)})"
    place = [inst.city.get(lang)] if inst.city is not None else []
    home = snap.countries.get(inst.country)
    if country and home is not None:
        place.append(f"{flag(home.code)} {home.name.get(lang)}")
    return f"{name} — {', '.join(place)}" if place else name


def render_list(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    ids = [i for i in answer.institutions if i in snap.institutions]
    lang = t.lang
    if len(answer.countries) == 1 and answer.countries[0] in snap.countries:
        country = snap.countries[answer.countries[0]]
        head = t("answer-list-country", flag=flag(country.code), name=country.name.get(lang), count=len(ids))
        one_country = True
    else:
        head = t("answer-list-several", count=len(ids))
        one_country = False
    lines = [head, ""]
    lines += [f"{n}. {escape(institution_line(t, snap, i, country=not one_country))}" for n, i in enumerate(ids, 1)]
    if not ids:
        lines.append(t("answer-list-none"))
    rows = [[button(clip(f"🏛 {snap.institutions[i].name.get(lang)}"), Open(link=f"partner-{i}"))] for i in ids]
    if one_country:
        rows.append([button(t("answer-country-card"), Open(link=f"country-{answer.countries[0]}"))])
    rows.append(nav_row(t))
    return Screen("\n".join(lines), markup(rows))


def fact_line(t: Translator, snap: KbSnapshot, payload: str) -> str:
    """One line of facts about a card, for a choice between equally good answers."""
    kind, _, key = payload.partition("-")
    lang = t.lang
    if kind == "partner" and key in snap.institutions:
        return escape(institution_line(t, snap, key))
    if kind == "news" and key in snap.events:
        event = snap.events[key]
        when = format_range(t, event.date, event.date_end, event.date_precision)
        return f"<b>{escape(event.title.get(lang))}</b> — {escape(when)}"
    if kind == "mobility" and key in snap.mobility:
        record = snap.mobility[key]
        names = ", ".join(p.get(lang).split(" — ")[0] for p in record.participants)
        year = str(record.year) if record.year else t("mobility-year-unknown")
        tail = f": {escape(names)}" if names else ""
        title = record.title.get(lang)
        when = "" if year in title else f" ({escape(year)})"  # "…, 2019" says it already
        return f"<b>{escape(title)}</b>{when}{tail}"
    if kind == "project" and key in snap.projects:
        project = snap.projects[key]
        return f"<b>{escape(project.title.get(lang))}</b> — {escape(clip(project.text.get(lang), FAQ_LINE))}"
    if kind == "faq" and key in snap.faq:
        faq = snap.faq[key]
        return f"<b>{escape(faq.question.get(lang))}</b> — {escape(clip(faq.answer.get(lang), FAQ_LINE))}"
    if kind == "opening" and key in snap.openings:
        return f"<b>{escape(snap.openings[key].title.get(lang))}</b>"
    if kind == "country" and key in snap.countries:
        country = snap.countries[key]
        return t("answer-country-line", name=country.name.get(lang), count=len(snap.by_country.get(key, [])))
    return t(f"menu-{payload}") if f"menu-{payload}" in t.keys else escape(payload)


def _title(t: Translator, snap: KbSnapshot, payload: str, width: int = 56) -> str:
    screen_title = fact_line(t, snap, payload)
    return clip(Html(screen_title).replace("<b>", "").replace("</b>", "").split(" — ")[0], width)


def render_choices(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    lines = [t("answer-choices", query=clip(answer.query, QUERY_ECHO)), ""]
    lines += [f"{n}. {fact_line(t, snap, p)}" for n, p in enumerate(answer.payloads, 1)]
    rows: list[list[InlineKeyboardButton]] = [
        [button(f"{n}. {_title(t, snap, p)}", Open(link=p))] for n, p in enumerate(answer.payloads, 1)
    ]
    rows.append(nav_row(t))
    return Screen("\n".join(lines), markup(rows))


def render_records(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    """Every record of one kind of mobility, with host, year and people."""
    count = len(answer.payloads)
    if answer.institutions:  # one partner's records, whatever their kind
        name = institution_line(t, snap, answer.institutions[0], country=False)
        head = t("answer-list-mobility-host", name=name, count=count)
    elif answer.countries:  # the records hosted in one country
        country = snap.countries[answer.countries[0]]
        head = t("answer-list-mobility-host", name=f"{flag(country.code)} {country.name.get(t.lang)}", count=count)
    else:
        head = t("answer-list-mobility", kind=t(f"mobility-kind-{answer.topic}"), count=count)
    lines = [head, ""]
    lines += [f"{n}. {fact_line(t, snap, p)}" for n, p in enumerate(answer.payloads, 1)]
    rows: list[list[InlineKeyboardButton]] = [
        [button(f"{n}. {_title(t, snap, p)}", Open(link=p))] for n, p in enumerate(answer.payloads, 1)
    ]
    rows.append(nav_row(t))
    return Screen("\n".join(lines), markup(rows))


def render_compare(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    """Two things asked "which came first": both with their dates, the earlier first."""
    lines = [t("answer-compare-first", first=_title(t, snap, answer.payloads[0], 200).split(" (")[0])
             if answer.topic == "first" else t("answer-compare-both"), ""]
    lines += [f"{n}. {dated_line(t, snap, p)}" for n, p in enumerate(answer.payloads, 1)]
    rows: list[list[InlineKeyboardButton]] = [
        [button(f"{n}. {_title(t, snap, p)}", Open(link=p))] for n, p in enumerate(answer.payloads, 1)
    ]
    rows.append(nav_row(t))
    return Screen("\n".join(lines), markup(rows))


def dated_line(t: Translator, snap: KbSnapshot, payload: str) -> str:
    """A card's facts with its date: a project's years (its fact line has none)."""
    kind, _, key = payload.partition("-")
    if kind == "project" and key in snap.projects:
        project = snap.projects[key]
        years = "–".join(str(y) for y in (project.year_start, project.year_end) if y)
        return f"<b>{escape(project.title.get(t.lang))}</b> — {escape(years)}"
    return fact_line(t, snap, payload)


def section_lines(t: Translator, snap: KbSnapshot, payload: str) -> list[str]:
    """What a section lists on its buttons, in the text too."""
    lang = t.lang
    if payload == "partners":
        return [t("answer-country-line", name=f"{flag(c.code)} {c.name.get(lang)}", count=n)
                for c, n in snap.countries_by_count()]
    if payload == "projects":
        return [f"• {fact_line(t, snap, f'project-{p}')}" for p in snap.projects]
    if payload == "news":
        return [f"• {fact_line(t, snap, f'news-{e.id}')}" for e in snap.events_newest]
    if payload in ("mobility", "erasmus"):
        return [f"• {fact_line(t, snap, f'mobility-{m}')}" for m in snap.mobility]
    return []


def _items(t: Translator, snap: KbSnapshot, items: tuple[str, ...]) -> list[str]:
    office = snap.office
    if office is None or not items:
        return []
    lines = [t("answer-office-items")]
    for item in items:
        part, _, index = item.partition(":")
        source = office.tasks if part == "tasks" else office.areas
        if index.isdigit() and int(index) < len(source):
            lines.append(t("list-item", text=source[int(index)].get(t.lang)))
    return lines if len(lines) > 1 else []


def render_card(t: Translator, snap: KbSnapshot, answer: Answer, today: dt.date, username: str | None) -> Screen:
    payload, *others = answer.payloads
    card = resolve(payload, t, snap, today, username)
    if card is None:
        return render_unknown(t, snap, Answer("unknown", answer.query))
    parts = []
    lead = _items(t, snap, answer.items)
    if lead:
        parts.append("\n".join(lead))
    parts.append(card.text)
    extra = section_lines(t, snap, payload)
    if extra:
        parts.append("\n".join(extra))
    rows = list(card.markup.inline_keyboard) if card.markup else []
    # The first few that still exist; the rest are not rendered at all.
    see_also = list(islice((p for p in others if resolve(p, t, snap, today) is not None), SEE_ALSO))
    if see_also:
        tail = rows[-1:]
        rows = rows[:-1] + [[button(f"🔎 {_title(t, snap, p)}", Open(link=p))] for p in see_also] + tail
    return Screen("\n\n".join(parts), markup(rows))
