"""Screens of the ``/edit`` console: the section list, a record's fields, the prompt for one
field, the preview with the students' own card. ``data`` is the editor's FSM data
(``ed_kind``, ``ed_id``, ``ed_draft``, ``ed_field``, ``ed_lang``, ``ed_page``, ``ed_dirty``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton
from pydantic import BaseModel

from bot.views.erasmus import render_opening
from bot.views.news import render_event
from bot.views.partners import render_institution
from bot.i18n import LANGUAGE_FLAGS, LANGUAGE_NAMES, Html, Locales, Translator, escape
from bot.kb import KbSnapshot
from bot.kb.models import LANGUAGES
from bot.keyboards import button, markup, paginate
from bot.services.editor_fields import (
    FIELDS,
    SECTIONS,
    TITLE_FIELD,
    BadValue,
    FieldSpec,
    field_spec,
    localized,
    missing_languages,
)
from bot.ui import Screen
from bot.views.common import clip

PER_PAGE = 8
SECTION_OF_KIND = {kind: section for section, kind in SECTIONS.items()}


class EdCB(CallbackData, prefix="ed"):
    """Editor buttons. ``a``: home, close, sec (section ``v``, page ``p``), open (record ``v``),
    new (section ``v``), fld (field ``v``), skip, keep, clear, pick (choice ``v``), rec,
    pv (preview in language ``v``), ok, rm, rmok."""

    a: str
    v: str = ""
    p: int = 0


def _lang_name(lang: str) -> str:
    return f"{LANGUAGE_FLAGS[lang]} {LANGUAGE_NAMES[lang]}"


def field_label(t: Translator, name: str) -> str:
    return t(f"ed-field-{name}")


def record_title(t: Translator, kind: str, draft: dict[str, Any]) -> str:
    value = localized(draft, TITLE_FIELD[kind])
    return value.get(t.lang) or value["en"] or value["ru"] or value["tg"] or "—"


def _show_date(value: Any) -> str:
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return f"{text[8:10]}.{text[5:7]}.{text[:4]}"
    return text


def _choice_label(t: Translator, kind: str, value: str) -> str:
    key = f"inst-kind-{value}" if kind == "institution" else f"opening-kind-{value}"
    return t(key) if t.has(key) else value


def home_screen(t: Translator, note: str = "") -> Screen:
    rows = [[button(t(f"ed-section-{section}"), EdCB(a="sec", v=section))] for section in SECTIONS]
    rows.append([button(t("ed-btn-close"), EdCB(a="close"))])
    text = t("ed-title")
    return Screen(f"{note}\n\n{text}" if note else text, markup(rows))


def closed_screen(t: Translator) -> Screen:
    return Screen(t("ed-cancelled"))


def list_screen(t: Translator, records: list[BaseModel], kind: str, page: int = 0, note: str = "") -> Screen:
    """``records``: the section's records in the editor's order (``KbEditor.records``)."""
    section = SECTION_OF_KIND[kind]
    page, first, pages = paginate(len(records), page, PER_PAGE)
    rows: list[list[InlineKeyboardButton]] = [[button(t("ed-btn-add"), EdCB(a="new", v=section))]]
    for record in records[first : first + PER_PAGE]:
        title = getattr(record, TITLE_FIELD[kind]).get(t.lang)
        date = getattr(record, "date", None) or getattr(record, "deadline", None)
        if date is None:
            label = title
        elif getattr(record, "date_precision", "day") == "year":
            label = f"{date.year} · {title}"
        else:
            label = f"{date:%d.%m.%Y} · {title}"
        rows.append([button(clip(label), EdCB(a="open", v=record.id))])  # type: ignore[attr-defined]
    pager = []
    if page > 0:
        pager.append(button(t("btn-prev"), EdCB(a="sec", v=section, p=page - 1)))
    if page < pages - 1:
        pager.append(button(t("btn-next"), EdCB(a="sec", v=section, p=page + 1)))
    rows.append(pager)
    rows.append([button(t("ed-btn-back"), EdCB(a="home")), button(t("ed-btn-close"), EdCB(a="close"))])
    text = t("ed-list-title", section=t(f"ed-section-{section}"), count=len(records))
    if pages > 1:
        text += "\n" + t("page-of", page=page + 1, pages=pages)
    if note:
        text = f"{note}\n\n{text}"
    return Screen(text, markup(rows))


def field_value(t: Translator, snap: KbSnapshot, kind: str, spec: FieldSpec, draft: dict[str, Any]) -> str:
    """The value as shown on the record screen (already escaped HTML)."""
    value = draft.get(spec.name)
    if spec.type == "text":
        text = localized(draft, spec.name)
        shown = text.get(t.lang) or text["en"] or text["ru"] or text["tg"]
        if not shown:
            return t("ed-empty")
        out = escape(clip(" ".join(shown.split()), 120))
        missing = missing_languages(kind, draft).get(spec.name)
        if missing:
            out += " " + t("ed-missing", langs=Html(" ".join(LANGUAGE_FLAGS[lang] for lang in missing)))
        return out
    if value in (None, ""):
        return t("ed-empty")
    if spec.type == "date":
        return escape(_show_date(value))
    if spec.type == "ref":
        target = snap.institutions.get(value) if spec.target == "institution" else snap.countries.get(value)
        name = target.name.get(t.lang) if target is not None else "?"
        return escape(f"{name} ({value})")
    if spec.type == "choice":
        return escape(_choice_label(t, kind, value))
    return escape(str(value))


def record_screen(t: Translator, snap: KbSnapshot, data: dict[str, Any], note: str = "") -> Screen:
    kind, draft = data["ed_kind"], data["ed_draft"]
    record_id = data.get("ed_id") or ""
    section = SECTION_OF_KIND[kind]
    if record_id:
        lines = [t("ed-record-title", title=record_title(t, kind, draft), id=record_id)]
    else:
        lines = [t("ed-record-new", section=t(f"ed-section-{section}"))]
    lines.append("")
    for spec in FIELDS[kind]:
        lines.append(t("ed-field-line", field=field_label(t, spec.name), value=Html(field_value(t, snap, kind, spec, draft))))
    if data.get("ed_dirty"):
        lines += ["", t("ed-unsaved")]
    if note:
        lines = [note, "", *lines]
    field_buttons = [button(t("ed-btn-field", field=field_label(t, spec.name)), EdCB(a="fld", v=spec.name))
                     for spec in FIELDS[kind]]
    rows = [field_buttons[i : i + 2] for i in range(0, len(field_buttons), 2)]
    rows.append([button(t("ed-btn-preview"), EdCB(a="pv", v=t.lang))])
    if record_id:
        rows.append([button(t("ed-btn-remove"), EdCB(a="rm"))])
    rows.append([button(t("ed-btn-back"), EdCB(a="sec", v=section, p=int(data.get("ed_page") or 0))),
                 button(t("ed-btn-close"), EdCB(a="close"))])
    return Screen("\n".join(lines), markup(rows))


def ask_screen(t: Translator, snap: KbSnapshot, data: dict[str, Any], note: str = "") -> Screen:
    """The prompt for the field being edited (``ed_field``; text: language ``ed_lang``)."""
    kind, draft = data["ed_kind"], data["ed_draft"]
    spec = field_spec(kind, data["ed_field"])
    assert spec is not None
    label = field_label(t, spec.name)
    rows: list[list[InlineKeyboardButton]] = []
    current = ""
    if spec.type == "text":
        step = int(data.get("ed_lang") or 0)
        lang = LANGUAGES[step]
        value = localized(draft, spec.name)[lang]
        text = t("ed-ask-text", field=label, language=_lang_name(lang), step=step + 1)
        current = value
        rows.append([button(t("ed-btn-skip"), EdCB(a="skip"))])
        if value:
            rows[-1].append(button(t("ed-btn-keep"), EdCB(a="keep")))
        text += "\n" + t("ed-skip-hint")
    elif spec.type == "date":
        text = t("ed-ask-date", field=label)
        current = _show_date(draft.get(spec.name) or "")
    elif spec.type == "ref":
        if spec.target == "country":
            text = t("ed-ask-country", field=label, codes=", ".join(sorted(snap.countries)))
        else:
            example = next(iter(snap.institutions), "kazan-federal")
            text = t("ed-ask-institution", field=label, example=example)
        current = str(draft.get(spec.name) or "")
    elif spec.type == "choice":
        text = t("ed-ask-choice", field=label)
        rows += [[button(_choice_label(t, kind, choice), EdCB(a="pick", v=choice))] for choice in spec.choices]
    else:
        text = t("ed-ask-url", field=label)
        current = str(draft.get(spec.name) or "")
    if current:
        text += "\n\n" + t("ed-current", value=clip(current, 500))
    if spec.type != "text" and not spec.required:
        rows.append([button(t("ed-btn-clear"), EdCB(a="clear"))])
    rows.append([button(t("ed-btn-cancel"), EdCB(a="rec"))])
    if note:
        text = f"{note}\n\n{text}"
    return Screen(text, markup(rows))


def required_note(t: Translator, name: str) -> str:
    return t("ed-required", field=field_label(t, name))


def bad_value_text(t: Translator, error: BadValue) -> str:
    params = dict(error.params)
    if "text" in params:
        params["text"] = clip(params["text"], 60)
    return t(f"ed-{error.reason}", **params)


def problems_text(t: Translator, kind: str, problems: list[str]) -> str:
    lines = []
    for problem in problems[:10]:
        name, sep, rest = problem.partition(":")
        spec = field_spec(kind, name.split(".")[0])
        lines.append("• " + (f"{field_label(t, spec.name)}:{rest}" if spec is not None and sep else problem))
    return t("ed-invalid", problems="\n".join(lines))


def render_card(locales: Locales, snap: KbSnapshot, kind: str, record_id: str, lang: str, day: dt.date) -> str:
    """The card exactly as a student sees it; ``snap`` holds the unsaved record."""
    tl = locales[lang]
    if kind == "event":
        screen = render_event(tl, snap, record_id)
    elif kind == "opening":
        screen = render_opening(tl, snap, record_id, day)
    else:
        screen = render_institution(tl, snap, record_id)
    return screen.text if screen is not None else ""


def preview_screen(t: Translator, data: dict[str, Any], card: str, lang: str) -> Screen:
    """``card`` (``render_card``) between the preview's head and the Confirm buttons."""
    lines = [t("ed-preview-head", language=_lang_name(lang)), "", "———", card, "———", ""]
    missing = missing_languages(data["ed_kind"], data["ed_draft"])
    if missing:
        fields = "; ".join(
            f"{field_label(t, name)} ({' '.join(LANGUAGE_FLAGS[code] for code in langs)})" for name, langs in missing.items()
        )
        lines += [t("ed-preview-missing", fields=fields), ""]
    lines.append(t("ed-confirm-change" if data.get("ed_id") else "ed-confirm-add"))
    rows = [
        [button(("• " if code == lang else "") + LANGUAGE_FLAGS[code], EdCB(a="pv", v=code)) for code in LANGUAGES],
        [button(t("ed-btn-confirm"), EdCB(a="ok"))],
        [button(t("ed-btn-edit-more"), EdCB(a="rec")), button(t("ed-btn-close"), EdCB(a="close"))],
    ]
    return Screen("\n".join(lines), markup(rows))


def remove_screen(t: Translator, data: dict[str, Any]) -> Screen:
    keyboard = markup([[button(t("ed-btn-remove-yes"), EdCB(a="rmok"))], [button(t("ed-btn-back"), EdCB(a="rec"))]])
    return Screen(t("ed-remove-confirm", title=record_title(t, data["ed_kind"], data["ed_draft"])), keyboard)
