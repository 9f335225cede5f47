"""Checking a record sent by the dashboard, and which translations look missing or stale.

A record is validated with the model ``kb import`` uses (bot/kb/sources.py), plus the
lengths the ``/edit`` console allows, and every problem is reported with its field and,
for a text, its language: ``{"field": "name", "language": "tg", "code": ..., "message": ...}``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.kb.models import LANGUAGES
from bot.kb.sources import SOURCE_BY_KIND
from bot.services.audit import AuditEntry
from bot.services.editor_fields import MAX_TEXT, MAX_TITLE
from bot.web.kb_schema import NAME_OF_KIND, TITLE

Path = tuple[str | int, ...]
# bot.kb.sources.check_references: "<file>: record <n> (id=<id>): field <field>: <reason>"
_REFERENCE = re.compile(r"^(?P<file>[^:]+): record \d+ \(id=(?P<id>[^)]*)\): field (?P<field>[\w.]+): (?P<reason>.*)$")
_FILE_KIND = {source.filename: source.kind for source in SOURCE_BY_KIND.values()}


class Invalid(Exception):
    """Nothing was saved; ``problems`` say why, field by field."""

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s)")


def problem(path: Path, code: str, message: str, **extra: Any) -> dict[str, Any]:
    parts = [str(part) for part in path]
    language = parts[-1] if parts and parts[-1] in LANGUAGES else None
    field = ".".join(parts[:-1] if language else parts)
    return {"field": field, "language": language, "path": ".".join(parts), "code": code, "message": message, **extra}


def localized_texts(value: Any, prefix: Path = ()) -> Iterator[tuple[Path, dict[str, str]]]:
    """Every three-language text in a record's JSON, with its path (``tasks.2``, ``people.0.role``)."""
    if isinstance(value, dict):
        # Keys of languages only, strings among them (a body may hold a wrong type beside them).
        if value and set(value) <= set(LANGUAGES) and any(isinstance(v, str) for v in value.values()):
            yield prefix, {lang: v for lang, v in value.items() if isinstance(v, str)}
            return
        for key, item in value.items():
            yield from localized_texts(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from localized_texts(item, (*prefix, index))


def _length_problems(kind: str, body: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, text in localized_texts(body):
        limit = MAX_TITLE if path == (TITLE[kind],) else MAX_TEXT
        for lang, value in text.items():
            if len(value) > limit:
                out.append(problem((*path, lang), "too_long", f"at most {limit} characters ({len(value)} given)",
                                   limit=limit))
    return out


def validate_record(kind: str, body: Any) -> BaseModel:
    """The record as its model, or Invalid listing every problem at once."""
    if not isinstance(body, dict):
        raise Invalid([problem((), "type", "the body must be a JSON object: the record")])
    problems = _length_problems(kind, body)
    try:
        model = SOURCE_BY_KIND[kind].model.model_validate(body)
    except ValidationError as error:
        problems = [problem(tuple(item.get("loc", ())), item.get("type", "invalid"), item.get("msg", "invalid"))
                    for item in error.errors()] + problems
        model = None
    if problems or model is None:
        raise Invalid(problems)
    return model


def edit_problems(kind: str, record_id: str, messages: list[str]) -> list[dict[str, Any]]:
    """KbEditor's problems (broken references, mostly) in the dashboard's form."""
    out = []
    for message in messages:
        match = _REFERENCE.match(message)
        if match is None:
            field, _, reason = message.partition(": ")
            out.append(problem(tuple(field.split(".")) if reason else (), "invalid", reason or message))
            continue
        other_kind = _FILE_KIND.get(match["file"], "")
        if other_kind == kind and match["id"] == record_id:
            out.append(problem(tuple(match["field"].split(".")), "unknown_reference", match["reason"]))
        else:
            # Another record would point at nothing: this one is still needed.
            out.append(problem((), "referenced", f"{match['file']} {match['id']}: {match['field']}",
                               by={"kind": NAME_OF_KIND.get(other_kind, other_kind), "id": match["id"]}))
    return out


def stale_translations(history: list[AuditEntry], current: dict[str, Any]) -> dict[str, list[str]]:
    """Languages of a text that another language was changed after: ``{"name": ["tg"]}``.

    ``history``: the record's audit entries, oldest first. A save that changes languages not
    marked stale is new content, and makes the other languages stale; a save that changes only
    stale ones is catching up, and clears them. Files loaded by ``kb import`` start fresh.
    """
    stale: dict[Path, set[str]] = {}
    for entry in history:
        before = dict(localized_texts(entry.before or {}))
        after = dict(localized_texts(entry.after or {}))
        for path in set(before) | set(after):
            old, new = before.get(path, {}), after.get(path, {})
            # A language emptied is missing now, not new content the others lag behind.
            written = {lang for lang in LANGUAGES if (new.get(lang) or "").strip() and new.get(lang) != old.get(lang)}
            emptied = {lang for lang in LANGUAGES if (old.get(lang) or "").strip() and not (new.get(lang) or "").strip()}
            marked = stale.get(path, set()) - emptied
            if written:
                marked = marked - written if written <= marked else set(LANGUAGES) - written
            stale[path] = marked
    out: dict[str, list[str]] = {}
    for path, text in localized_texts(current):
        langs = [lang for lang in LANGUAGES if lang in stale.get(path, ()) and (text.get(lang) or "").strip()]
        if langs:
            out[".".join(str(part) for part in path)] = langs
    return out


def missing_translations(current: dict[str, Any]) -> dict[str, list[str]]:
    """Texts given in some languages but not all: students see another language there."""
    out: dict[str, list[str]] = {}
    for path, text in localized_texts(current):
        given = [lang for lang in LANGUAGES if (text.get(lang) or "").strip()]
        if given and len(given) < len(LANGUAGES):
            out[".".join(str(part) for part in path)] = [lang for lang in LANGUAGES if lang not in given]
    return out
