"""About the office and Contacts."""

from __future__ import annotations

from bot.callbacks import Menu, OfficeCB
from bot.i18n import Html, Translator
from bot.kb import KbSnapshot
from bot.keyboards import button, markup, nav_row
from bot.ui import Screen, cached_screen


@cached_screen
def render_about(t: Translator, snap: KbSnapshot) -> Screen:
    office = snap.office
    if office is None:
        return Screen(t("kb-empty"), markup([nav_row(t)]))
    lang = t.lang
    text = t(
        "about-text",
        name=office.name.get(lang),
        institute=office.institute.get(lang),
        description=office.description.get(lang),
        aim=office.aim.get(lang),
    )
    rows = [
        [button(t("btn-office-tasks"), OfficeCB(part="tasks")), button(t("btn-office-areas"), OfficeCB(part="areas"))],
        [button(t("menu-contacts"), Menu(screen="contacts")), button(t("menu-ask"), Menu(screen="ask"))],
        nav_row(t),
    ]
    return Screen(text, markup(rows))


@cached_screen
def render_office_list(t: Translator, snap: KbSnapshot, part: str) -> Screen:
    office = snap.office
    if office is None:
        return Screen(t("kb-empty"), markup([nav_row(t)]))
    items = office.tasks if part == "tasks" else office.areas
    title = t("office-tasks-title") if part == "tasks" else t("office-areas-title")
    lines = [t("list-item", text=item.get(t.lang)) for item in items]
    return Screen(f"<b>{title}</b>\n\n" + "\n".join(lines), markup([nav_row(t, Menu(screen="about"))]))


@cached_screen
def render_contacts(t: Translator, snap: KbSnapshot) -> Screen:
    contacts = snap.contacts
    if contacts is None:
        return Screen(t("kb-empty"), markup([nav_row(t)]))
    lang = t.lang
    people = "\n\n".join(
        t("contact-person", name=p.name.get(lang), role=p.role.get(lang)) for p in contacts.people
    )
    text = t(
        "contacts-text",
        people=Html(people),  # already escaped by t()
        phone=contacts.phone_display or contacts.phone or t("not-published"),
        address=contacts.address.get(lang) if contacts.address else t("not-published"),
        email=contacts.email or t("not-published"),
        website=contacts.website or t("not-published"),
    )
    rows = [[button(t("menu-ask"), Menu(screen="ask"))], nav_row(t)]
    return Screen(text, markup(rows))
