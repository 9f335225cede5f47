"""Answers that list records: who went where (one kind, one partner, one country, the
people named) and "which came first" (both, dated, earlier first)."""

from __future__ import annotations

from aiogram.types import InlineKeyboardButton

from bot.answers.model import Answer
from bot.callbacks import Open
from bot.dates import flag
from bot.i18n import Translator, escape
from bot.kb import KbSnapshot
from bot.keyboards import button, markup, nav_row
from bot.views.common import record_heading
from bot.views.facts import dated_line, fact_line, institution_line, title_of
from bot.ui import Screen


def render_records(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    """Every record of one kind of mobility, with host, year and people."""
    count = len(answer.payloads)
    if answer.institutions:  # one partner's records, whatever their kind
        name = institution_line(t, snap, answer.institutions[0], country=False)
        head = t("answer-list-mobility-host", name=name, count=count)
    elif answer.countries:  # the records hosted in one country
        country = snap.countries[answer.countries[0]]
        head = t("answer-list-mobility-host", name=f"{flag(country.code)} {country.name.get(t.lang)}", count=count)
    elif answer.topic == "people":  # the records of the people named
        head = t("answer-list-mobility-people", count=count)
    elif answer.topic == "year":  # "who went in 2019"
        head = t("answer-list-mobility-year", year=answer.word, count=count)
    else:
        head = t("answer-list-mobility", kind=t(f"mobility-kind-{answer.topic}"), count=count)
    lines = [head, ""]
    if answer.topic == "people":  # asked about the people: each with what the page says of them
        lines += [f"{n}. {_record_in_full(t, snap, p)}" for n, p in enumerate(answer.payloads, 1)]
    else:
        lines += [f"{n}. {fact_line(t, snap, p)}" for n, p in enumerate(answer.payloads, 1)]
        record = snap.mobility.get(answer.payloads[0].removeprefix("mobility-")) if count == 1 else None
        if record is not None and record.text is not None:
            # One record is the whole answer: what the page says of it ("the admission of 5
            # (five) graduates", the dates), not only its heading.
            lines += ["", escape(record.text.get(t.lang))]
    return _numbered(t, snap, lines, answer.payloads)


def _record_in_full(t: Translator, snap: KbSnapshot, payload: str) -> str:
    record = snap.mobility[payload.removeprefix("mobility-")]
    people = "; ".join(p.get(t.lang) for p in record.participants)
    return f"{record_heading(t, record)}: {escape(people)}"


def render_compare(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    """Two things asked "which came first": both with their dates, the earlier first."""
    lines = [t("answer-compare-first", first=title_of(t, snap, answer.payloads[0], 200).split(" (")[0])
             if answer.topic == "first" else t("answer-compare-both"), ""]
    lines += [f"{n}. {dated_line(t, snap, p)}" for n, p in enumerate(answer.payloads, 1)]
    return _numbered(t, snap, lines, answer.payloads)


def render_year(t: Translator, snap: KbSnapshot, answer: Answer) -> Screen:
    """The news of one year, dated, earliest first."""
    lines = [t("answer-list-year", year=answer.word, count=len(answer.payloads)), ""]
    lines += [f"{n}. {dated_line(t, snap, p)}" for n, p in enumerate(answer.payloads, 1)]
    return _numbered(t, snap, lines, answer.payloads)


def _numbered(t: Translator, snap: KbSnapshot, lines: list[str], payloads: tuple[str, ...]) -> Screen:
    """The text, and a numbered button per card under it (the numbers the text's lines have)."""
    rows: list[list[InlineKeyboardButton]] = [
        [button(f"{n}. {title_of(t, snap, p)}", Open(link=p))] for n, p in enumerate(payloads, 1)
    ]
    rows.append(nav_row(t))
    return Screen("\n".join(lines), markup(rows))
