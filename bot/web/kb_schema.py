"""The knowledge base as the dashboard sees it: the URL names of the kinds, and each kind's
fields described for the form (read off the same pydantic models ``kb import`` uses, so a
field added to a model appears in the dashboard without a change here).
"""

from __future__ import annotations

import datetime as dt
import types
import typing
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from bot.kb.models import LocalizedList, LocalizedText
from bot.kb.sources import SOURCE_BY_KIND, Source

# URL name (the contract) → knowledge-base kind.
KINDS: dict[str, str] = {
    "partners": "institution",
    "countries": "country",
    "events": "event",
    "mobility": "mobility",
    "openings": "opening",
    "projects": "project",
    "faq": "faq",
    "contacts": "contacts",
    "office": "office",
}
NAME_OF_KIND = {kind: name for name, kind in KINDS.items()}

# Fields that name other records: (kind, field) → URL name of the kind they point to.
REFERENCES: dict[tuple[str, str], str] = {
    ("institution", "country"): "countries",
    ("event", "institutions"): "partners",
    ("event", "projects"): "projects",
    ("project", "institutions"): "partners",
    ("mobility", "host"): "partners",
    ("opening", "host"): "partners",
    ("opening", "programme"): "projects",
}

# The field a record is listed by.
TITLE: dict[str, str] = {
    "institution": "name", "country": "name", "event": "title", "mobility": "title", "opening": "title",
    "project": "title", "faq": "question", "contacts": "address", "office": "name",
}

# Prose rather than a name: a text area per language.
LONG_TEXTS = frozenset({"description", "text", "cooperation", "answer", "eligibility", "how_to_apply", "aim"})

# The card a record is shown on (bot.views.screens payloads).
PAYLOAD: dict[str, str] = {
    "institution": "partner-{id}", "country": "country-{id}", "event": "news-{id}", "mobility": "mobility-{id}",
    "opening": "opening-{id}", "project": "project-{id}", "faq": "faq-{id}", "contacts": "contacts",
    "office": "about",
}


def source(name: str) -> Source | None:
    kind = KINDS.get(name)
    return SOURCE_BY_KIND[kind] if kind is not None else None


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` → (X, True)."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
    return annotation, False


def describe_field(kind: str, name: str, annotation: Any, required: bool) -> dict[str, Any]:
    inner, optional = _unwrap(annotation)
    spec: dict[str, Any] = {"name": name, "required": required and not optional}
    origin = typing.get_origin(inner)
    ref = REFERENCES.get((kind, name))
    if inner is LocalizedText:
        spec.update(type="text", long=name in LONG_TEXTS)
    elif inner is LocalizedList:
        spec["type"] = "words"
    elif origin is list:
        (item,) = typing.get_args(inner)
        if item is LocalizedText:
            spec["type"] = "texts"
        elif isinstance(item, type) and issubclass(item, BaseModel):
            spec.update(type="records", fields=describe_model(kind, item))
        else:
            spec.update(type="refs", target=ref) if ref else spec.update(type="strings")
    elif ref is not None:
        spec.update(type="ref", target=ref)
    elif isinstance(inner, type) and issubclass(inner, Enum):
        spec.update(type="choice", choices=[member.value for member in inner])
    elif origin is Literal:
        spec.update(type="choice", choices=list(typing.get_args(inner)))
    elif inner is dt.date:
        spec["type"] = "date"
    elif inner is int:
        spec["type"] = "int"
    else:
        spec["type"] = "str"
    return spec


def _default(info: FieldInfo) -> Any:
    """A plain default the form starts a new record with (lists and texts start empty)."""
    if info.is_required():
        return None
    value = info.get_default(call_default_factory=True)
    if isinstance(value, Enum):
        value = value.value
    return value if isinstance(value, (str, int, float, bool)) else None


def describe_model(kind: str, model: type[BaseModel]) -> list[dict[str, Any]]:
    hints = typing.get_type_hints(model)
    return [{**describe_field(kind, name, hints[name], info.is_required()), "default": _default(info)}
            for name, info in model.model_fields.items()]


def schema() -> list[dict[str, Any]]:
    """Every kind with its fields, in the order of the URL names."""
    out = []
    for name, kind in KINDS.items():
        src = SOURCE_BY_KIND[kind]
        out.append({
            "kind": name,
            "key": None if src.single else src.key,
            "single": src.single,
            "title": TITLE[kind],
            "fields": describe_model(kind, src.model),
        })
    return out
