"""One line of facts per card: an institution with its city and country, an event with
its dates, a mobility record with its people, a project with its years. The answer screens
list cards with these lines."""

from __future__ import annotations

from bot.dates import flag, format_range
from bot.i18n import Html, Translator, escape
from bot.kb import KbSnapshot
from bot.views.common import clip, record_heading

FAQ_LINE = 220


def institution_line(t: Translator, snap: KbSnapshot, inst_id: str, *, country: bool = True) -> str:
    inst = snap.institutions[inst_id]
    lang = t.lang
    name = inst.name.get(lang)
    if inst.short_name is not None and inst.short_name.get(lang) not in name:
        name += f" ({inst.short_name.get(lang)})"
    city = inst.city.get(lang) if inst.city is not None else None
    # "... in Dushanbe (MISiS Dushanbe Branch)" says its city already (as «нафти Уфа» does).
    place = [city] if city and not _names(name, city) else []
    home = snap.countries.get(inst.country)
    if country and home is not None:
        place.append(f"{flag(home.code)} {home.name.get(lang)}")
    return f"{name} — {', '.join(place)}" if place else name


def _names(name: str, city: str) -> bool:
    """The name has a word starting with the city's stem («Казань» in «Казанский»)."""
    stem = city.casefold()[: max(3, len(city) - 2)]
    return any(word.startswith(stem) for word in name.casefold().replace("(", " ").split())


def fact_line(t: Translator, snap: KbSnapshot, payload: str) -> str:
    """One line of facts about a card, for a choice between equally good answers."""
    kind, _, key = payload.partition("-")
    lang = t.lang
    if kind == "partner" and key in snap.institutions:
        return escape(institution_line(t, snap, key))
    if kind == "news" and key in snap.events:
        event = snap.events[key]
        when = format_range(t, event.date, event.date_end, event.date_precision)
        title = event.title.get(lang)
        if title.endswith(f" ({when})"):  # "Summer course ... (2018) — 2018": the year once
            return f"<b>{escape(title.removesuffix(f' ({when})'))}</b> — {escape(when)}"
        return f"<b>{escape(title)}</b> — {escape(when)}"
    if kind == "mobility" and key in snap.mobility:
        record = snap.mobility[key]
        names = ", ".join(p.get(lang).split(" — ")[0] for p in record.participants)
        # How many went, in figures: "how many graduates went to Kunming" is answered too.
        count = len(record.participants)
        people = t("answer-people-count", count=count)
        tail = (f" — 👥 {people}: {escape(names)}" if count > 1 else f": {escape(names)}") if names else ""
        return f"{record_heading(t, snap.mobility[key])}{tail}"
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


def title_of(t: Translator, snap: KbSnapshot, payload: str, width: int = 56) -> str:
    screen_title = fact_line(t, snap, payload)
    return clip(Html(screen_title).replace("<b>", "").replace("</b>", "").split(" — ")[0], width)


def dated_line(t: Translator, snap: KbSnapshot, payload: str) -> str:
    """A card's facts with its date: a project's years (its fact line has none)."""
    kind, _, key = payload.partition("-")
    if kind == "project" and key in snap.projects:
        project = snap.projects[key]
        years = "–".join(str(y) for y in (project.year_start, project.year_end) if y)
        return f"<b>{escape(project.title.get(t.lang))}</b> — {escape(years)}"
    return fact_line(t, snap, payload)
