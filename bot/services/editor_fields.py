"""What the ``/edit`` console may change, and how a typed value becomes a draft value.

Drafts are plain dicts (the JSON form of the model, possibly incomplete) so they can live in
the FSM storage (memory or Redis) between the steps of the editor. Nothing here does I/O:
the editor's views and ``KbEditor`` (bot.services.editor) both build on these specs.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from bot.kb import KbSnapshot
from bot.kb.models import LANGUAGES, InstitutionKind, OpeningKind

# Editor section → knowledge-base kind.
SECTIONS: dict[str, str] = {"news": "event", "opening": "opening", "partner": "institution"}
MAX_TITLE = 300
MAX_TEXT = 3500
MAX_URL = 500
_URL = re.compile(r"https?://\S+\.\S+")


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # "text" (three languages) | "date" | "ref" | "choice" | "url"
    required: bool = False
    target: str = ""  # "ref": the kind it names ("institution", "country")
    choices: tuple[str, ...] = ()


# Fields the editor offers, in the order they are asked when a record is added (required
# ones) and listed on the record screen. Other fields of a record are kept as they are.
FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "event": (
        FieldSpec("title", "text", required=True),
        FieldSpec("text", "text", required=True),
        FieldSpec("date", "date", required=True),
        FieldSpec("date_end", "date"),
    ),
    "opening": (
        FieldSpec("title", "text", required=True),
        FieldSpec("deadline", "date"),
        FieldSpec("description", "text"),
        FieldSpec("eligibility", "text"),
        FieldSpec("how_to_apply", "text"),
        FieldSpec("host", "ref", target="institution"),
        FieldSpec("kind", "choice", choices=tuple(k.value for k in OpeningKind)),
        FieldSpec("link", "url"),
    ),
    "institution": (
        FieldSpec("name", "text", required=True),
        FieldSpec("country", "ref", required=True, target="country"),
        FieldSpec("kind", "choice", required=True, choices=tuple(k.value for k in InstitutionKind)),
        FieldSpec("short_name", "text"),
        FieldSpec("city", "text"),
        FieldSpec("cooperation", "text"),
    ),
}
TITLE_FIELD: dict[str, str] = {"event": "title", "opening": "title", "institution": "name"}


def field_spec(kind: str, name: str) -> FieldSpec | None:
    for spec in FIELDS.get(kind, ()):
        if spec.name == name:
            return spec
    return None


# --- drafts ----------------------------------------------------------------------------------
def localized(draft: dict[str, Any], name: str) -> dict[str, str]:
    value = draft.get(name) or {}
    return {lang: str(value.get(lang) or "") for lang in LANGUAGES}


def missing_languages(kind: str, draft: dict[str, Any]) -> dict[str, list[str]]:
    """Text fields that have a value in some languages but not all: field → missing languages."""
    out: dict[str, list[str]] = {}
    for spec in FIELDS.get(kind, ()):
        if spec.type != "text":
            continue
        value = localized(draft, spec.name)
        given = [lang for lang in LANGUAGES if value[lang].strip()]
        if given and len(given) < len(LANGUAGES):
            out[spec.name] = [lang for lang in LANGUAGES if not value[lang].strip()]
    return out


# --- typed values ------------------------------------------------------------------------------
class BadValue(ValueError):
    """A typed value the field cannot take. ``reason`` (too-long, bad-date, bad-ref, bad-url)
    and ``params`` are what the view needs to explain it."""

    def __init__(self, reason: str, **params: Any) -> None:
        self.reason = reason
        self.params = params
        super().__init__(reason)


def parse_value(snap: KbSnapshot, kind: str, spec: FieldSpec, text: str) -> str:
    """The draft value for ``text`` (stripped, not empty) typed into a text/date/ref/url field;
    a text field's value is one language of it. Raises BadValue."""
    if spec.type == "text":
        limit = MAX_TITLE if spec.name == TITLE_FIELD[kind] else MAX_TEXT
        if len(text) > limit:
            raise BadValue("too-long", length=len(text), max=limit)
        return text
    if spec.type == "date":
        try:
            return parse_date(text).isoformat()
        except DateFormatError as error:
            raise BadValue("bad-date", text=text) from error
    if spec.type == "ref":
        value = text.lower()
        known = snap.countries if spec.target == "country" else snap.institutions
        if value not in known:
            raise BadValue("bad-ref", text=text)
        return value
    if not _URL.fullmatch(text) or len(text) > MAX_URL:
        raise BadValue("bad-url")
    return text


# --- dates -----------------------------------------------------------------------------------
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        "january jan январь января янв январи",
        "february feb февраль февраля фев феврали",
        "march mar март марта мар марти",
        "april apr апрель апреля апр апрели",
        "may май мая майи",
        "june jun июнь июня июн июни",
        "july jul июль июля июл июли",
        "august aug август августа авг августи",
        "september sep sept сентябрь сентября сен сент сентябри",
        "october oct октябрь октября окт октябри",
        "november nov ноябрь ноября ноя ноябри",
        "december dec декабрь декабря дек декабри",
    ),
    start=1,
):
    for _name in _names.split():
        _MONTHS[_name] = _number


class DateFormatError(ValueError):
    pass


def parse_date(text: str) -> dt.date:
    """``2027-03-05``, ``05.03.2027``, ``05/03/2027``, ``5 March 2027``, ``March 5, 2027``,
    ``5 марта 2027``, ``5 марти 2027``; raise DateFormatError otherwise."""
    value = " ".join(text.strip().lower().replace(",", " ").split())
    value = value.removesuffix(" г.").removesuffix(" г").removesuffix(" сол")
    numeric = (
        (r"(\d{4})-(\d{1,2})-(\d{1,2})", (0, 1, 2)),
        (r"(\d{1,2})\.(\d{1,2})\.(\d{4})", (2, 1, 0)),
        (r"(\d{1,2})/(\d{1,2})/(\d{4})", (2, 1, 0)),
    )
    parts: tuple[int, int, int] | None = None
    for pattern, (y, m, d) in numeric:
        match = re.fullmatch(pattern, value)
        if match:
            groups = match.groups()
            parts = (int(groups[y]), int(groups[m]), int(groups[d]))
            break
    if parts is None:
        match = re.fullmatch(r"(\d{1,2})\.? ([^\W\d_]+)\.? (\d{4})", value)
        if match and match.group(2) in _MONTHS:
            parts = (int(match.group(3)), _MONTHS[match.group(2)], int(match.group(1)))
        match = re.fullmatch(r"([^\W\d_]+)\.? (\d{1,2}) (\d{4})", value)
        if match and match.group(1) in _MONTHS:
            parts = (int(match.group(3)), _MONTHS[match.group(1)], int(match.group(2)))
    if parts is None:
        raise DateFormatError(text)
    year, month, day = parts
    if not 2000 <= year <= 2100:
        raise DateFormatError(text)
    try:
        return dt.date(year, month, day)
    except ValueError as error:
        raise DateFormatError(text) from error


# --- ids ---------------------------------------------------------------------------------------
_TRANSLIT = dict(
    zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюяғӣқӯҳҷ",
        "a b v g d e e zh z i i k l m n o p r s t u f kh ts ch sh sch - y - e yu ya gh i q u h j".split(),
        strict=True,
    )
)


def slugify(text: str, limit: int = 32) -> str:
    out = []
    for char in text.lower():
        if char in _TRANSLIT:
            out.append(_TRANSLIT[char].strip("-"))
        elif char.isascii() and char.isalnum():
            out.append(char)
        else:
            out.append("-")
    slug = re.sub(r"-+", "-", "".join(out)).strip("-")[:limit].strip("-")
    return slug or "item"
