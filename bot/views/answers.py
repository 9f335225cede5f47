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
from bot.callbacks import Menu, Open
from bot.dates import flag
from bot.i18n import Html, Translator, escape
from bot.kb import KbSnapshot
from bot.keyboards import button, main_menu, markup, nav_row
from bot.ui import Screen
from bot.views.common import clip
from bot.views.facts import fact_line, institution_line, title_of
from bot.views.records import render_compare, render_records, render_year
from bot.views.screens import resolve
from bot.views.search import nothing_markup

QUERY_ECHO = 100
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
    if kind == "year":
        return render_year(t, snap, answer)
    return render_card(t, snap, answer, today, username)


def render_unknown(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    if answer.topic == "country":
        what = t("answer-what-country", name=answer.word)
    elif answer.topic == "signed" and answer.word in snap.institutions:
        what = t("answer-what-signed", name=snap.institutions[answer.word].name.get(t.lang))
    elif answer.topic == "partner-other":
        what = t("answer-what-partner-other", name=answer.word)
    elif answer.topic == "year":
        what = t("answer-what-year", year=answer.word)
    elif answer.topic:
        what = t(f"answer-what-{answer.topic}")
    else:
        what = t("answer-what-query", query=clip(answer.query, QUERY_ECHO))
    lines = [t("answer-unknown", what=Html(what))]
    contacts = snap.contacts
    if answer.topic == "phone-other" and contacts is not None and contacts.phone:
        lines.append(t("answer-phone-only", phone=_phone(contacts)))
    if answer.payloads:  # the page names it elsewhere: say where, with the fact itself
        lines.append("\n".join([t("answer-mentioned", name=answer.word),
                                 *(f"• {fact_line(t, snap, p)}" for p in answer.payloads)]))
    lines.append(t("answer-offer"))
    if not answer.payloads:
        return Screen("\n\n".join(lines), nothing_markup(t))
    rows = [[button(t("menu-ask"), Menu(screen="ask"))],
            *([button(clip(f"🔎 {title_of(t, snap, p)}"), Open(link=p))] for p in answer.payloads), nav_row(t)]
    return Screen("\n\n".join(lines), markup(rows))


def render_yes_ask(t: Translator, question: str) -> Screen:
    """"Yes" to the offer to pass a question on: the question, and the button that sends it."""
    rows = [[button(t("menu-ask"), Menu(screen="ask"))], nav_row(t)]
    return Screen(t("answer-yes-ask", question=clip(question, QUERY_ECHO)), markup(rows))


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
    elif len(ids) == 1 and (cooperation := snap.institutions[ids[0]].cooperation) is not None:
        # The country's only partner: what the page says of the cooperation is the answer.
        lines += ["", escape(cooperation.get(lang))]
    rows = [[button(clip(f"🏛 {snap.institutions[i].name.get(lang)}"), Open(link=f"partner-{i}"))] for i in ids]
    if one_country:
        rows.append([button(t("answer-country-card"), Open(link=f"country-{answer.countries[0]}"))])
    rows.append(nav_row(t))
    return Screen("\n".join(lines), markup(rows))


def render_choices(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    lines = [t("answer-choices", query=clip(answer.query, QUERY_ECHO)), ""]
    lines += [f"{n}. {fact_line(t, snap, p)}" for n, p in enumerate(answer.payloads, 1)]
    rows: list[list[InlineKeyboardButton]] = [
        [button(f"{n}. {title_of(t, snap, p)}", Open(link=p))] for n, p in enumerate(answer.payloads, 1)
    ]
    rows.append(nav_row(t))
    return Screen("\n".join(lines), markup(rows))


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
    if payload == "mobility":
        return [f"• {fact_line(t, snap, f'mobility-{m}')}" for m in snap.mobility]
    if payload == "erasmus":
        # Asked about Erasmus+, a Norway or Ufa trip listed under it would read as Erasmus+:
        # the programme's own partners' records first, the others under their own heading.
        programme = snap.projects.get("erasmus")
        hosts = set(programme.institutions) if programme is not None else set()
        inside = [m for m, record in snap.mobility.items() if record.host in hosts]
        others = [m for m in snap.mobility if m not in inside]
        lines = [f"• {fact_line(t, snap, f'mobility-{m}')}" for m in inside]
        if others:
            lines += ["", t("answer-erasmus-others", count=len(others))]
            lines += [f"• {fact_line(t, snap, f'mobility-{m}')}" for m in others]
        return lines
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
        rows = rows[:-1] + [[button(f"🔎 {title_of(t, snap, p)}", Open(link=p))] for p in see_also] + tail
    return Screen("\n\n".join(parts), markup(rows))
