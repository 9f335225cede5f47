"""Pydantic models of the knowledge base.

Every record in ``data/*.yaml`` is validated against one of these models before anything
is written to the database, so a typo in a hand-edited file is reported with its file,
record and field instead of surfacing later as a broken screen.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

LANGUAGES: tuple[str, ...] = ("tg", "ru", "en")
Lang = Literal["tg", "ru", "en"]

# Order in which a missing translation falls back: the guide asks for English first.
FALLBACK_ORDER: tuple[str, ...] = ("en", "ru", "tg")

_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


class Record(BaseModel):
    # Unknown keys are rejected so that a misspelt field name in a data file is an error,
    # not a silently ignored value.
    model_config = ConfigDict(extra="forbid", frozen=True)


class LocalizedText(Record):
    """One text in the three interface languages; an empty value falls back."""

    tg: str = ""
    ru: str = ""
    en: str = ""

    @model_validator(mode="after")
    def _not_empty(self) -> LocalizedText:
        if not (self.tg.strip() or self.ru.strip() or self.en.strip()):
            raise ValueError("at least one of tg, ru, en must be given")
        return self

    def get(self, lang: str) -> str:
        value = getattr(self, lang, "") if lang in LANGUAGES else ""
        if value:
            return value
        for fallback in FALLBACK_ORDER:
            value = getattr(self, fallback)
            if value:
                return value
        return ""

    def missing(self) -> list[str]:
        return [lang for lang in LANGUAGES if not getattr(self, lang).strip()]

    def all(self) -> list[str]:
        return [getattr(self, lang) for lang in LANGUAGES if getattr(self, lang)]


class LocalizedList(Record):
    """Synonyms or keywords per language (used by search, never shown as prose)."""

    tg: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.tg, *self.ru, *self.en]


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError("must be 1-40 characters of a-z, 0-9 and '-', starting with a letter or digit")
    return value


class Slugged(Record):
    # Ids travel inside callback data (64-byte limit) and deep links (64 characters of
    # [A-Za-z0-9_-]), so they are short lowercase slugs.
    id: str

    _slug = field_validator("id")(_check_slug)


class Office(Record):
    """The office's own description (data/office.yaml)."""

    name: LocalizedText
    institute: LocalizedText
    description: LocalizedText
    aim: LocalizedText
    tasks: list[LocalizedText]
    areas: list[LocalizedText]


class Person(Slugged):
    name: LocalizedText
    role: LocalizedText


class Contacts(Record):
    """data/contacts.yaml: the people and the ways to reach the office."""

    people: list[Person]
    # E.164 form, digits only after '+': Telegram turns it into a tappable link.
    phone: str | None = None
    phone_display: str | None = None
    address: LocalizedText | None = None
    # Only what the source page gives; absent values are shown as "not published".
    email: str | None = None
    website: str | None = None

    @field_validator("phone")
    @classmethod
    def _e164(cls, value: str | None) -> str | None:
        if value is not None and not re.fullmatch(r"\+\d{8,15}", value):
            raise ValueError("phone must be in international form, e.g. +992927100463")
        return value


class Country(Record):
    # ISO 3166-1 alpha-2, lowercase.
    code: str
    name: LocalizedText
    # Other names students type (Belarus/Белоруссия, Kyrgyzstan/Kyrgyz Republic ...).
    synonyms: LocalizedList = Field(default_factory=LocalizedList)

    @field_validator("code")
    @classmethod
    def _code(cls, value: str) -> str:
        if not re.fullmatch(r"[a-z]{2}", value):
            raise ValueError("country code must be two lowercase letters (ISO 3166-1)")
        return value


class InstitutionKind(str, Enum):
    university = "university"
    organisation = "organisation"


class Institution(Slugged):
    kind: InstitutionKind = InstitutionKind.university
    country: str
    city: LocalizedText | None = None
    name: LocalizedText
    short_name: LocalizedText | None = None
    # What the page says of the cooperation: agreements, exchanges, visits, graduates.
    cooperation: LocalizedText | None = None
    synonyms: LocalizedList = Field(default_factory=LocalizedList)
    # Order in which the page lists the partner (keeps the office's own order in menus).
    order: int = 0


class Event(Slugged):
    date: dt.date
    date_end: dt.date | None = None
    # "year": the page gives only the year; ``date`` is then 1 January and only the year is shown.
    date_precision: Literal["day", "year"] = "day"
    title: LocalizedText
    text: LocalizedText
    institutions: list[str] = Field(default_factory=list)
    projects: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates(self) -> Event:
        if self.date_end is not None and self.date_end < self.date:
            raise ValueError("date_end is before date")
        return self


class ProjectKind(str, Enum):
    foreign_project = "foreign_project"  # one of the "two foreign projects" the page counts
    project = "project"  # a project the Institute takes part in (Water Harmony-2)
    programme = "programme"


class Project(Slugged):
    kind: ProjectKind = ProjectKind.foreign_project
    title: LocalizedText
    year_start: int | None = None
    year_end: int | None = None
    text: LocalizedText
    institutions: list[str] = Field(default_factory=list)


class MobilityKind(str, Enum):
    student_semester = "student_semester"
    staff_teaching = "staff_teaching"
    staff_training = "staff_training"
    summer_school = "summer_school"
    degree = "degree"
    visit = "visit"


class Mobility(Slugged):
    """Who went where: one record per group the page lists (year, host, people)."""

    # None where the page does not say the year (shown as "year not stated").
    year: int | None = None
    kind: MobilityKind
    host: str  # institution id
    title: LocalizedText
    text: LocalizedText | None = None
    participants: list[LocalizedText] = Field(default_factory=list)
    date: dt.date | None = None
    date_end: dt.date | None = None


class OpeningKind(str, Enum):
    student_semester = "student_semester"
    staff_teaching = "staff_teaching"
    staff_training = "staff_training"
    summer_school = "summer_school"
    degree = "degree"


class Opening(Slugged):
    """A mobility call. Only the title is required: the seed has no dated call."""

    title: LocalizedText
    host: str | None = None  # institution id
    kind: OpeningKind | None = None
    eligibility: LocalizedText | None = None
    how_to_apply: LocalizedText | None = None
    description: LocalizedText | None = None
    deadline: dt.date | None = None
    link: str | None = None
    programme: str | None = None  # project id, e.g. "erasmus"

    def is_open(self, today: dt.date) -> bool:
        return self.deadline is None or self.deadline >= today


class Faq(Slugged):
    """A curated question and answer written from the page (used by search)."""

    question: LocalizedText
    answer: LocalizedText
    keywords: LocalizedList = Field(default_factory=LocalizedList)
    # Optional screen the answer points to, e.g. "contacts" or "partner-kazan-federal".
    link: str | None = None
