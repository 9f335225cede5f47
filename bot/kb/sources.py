"""Reading and writing the knowledge-base source files in ``data/``.

YAML because staff edit these files by hand: comments, multi-line text and no quoting
rules to learn. Each file maps to one record kind; validation collects every problem
with its file, record and field before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from bot.kb.models import (
    Contacts,
    Country,
    Event,
    Faq,
    Institution,
    Mobility,
    Office,
    Opening,
    Project,
)


@dataclass(frozen=True)
class Source:
    kind: str
    filename: str
    model: type[BaseModel]
    single: bool = False  # a mapping (one record) rather than a list
    key: str = "id"
    required: bool = True


SOURCES: tuple[Source, ...] = (
    Source("office", "office.yaml", Office, single=True),
    Source("contacts", "contacts.yaml", Contacts, single=True),
    Source("country", "countries.yaml", Country, key="code"),
    Source("institution", "partners.yaml", Institution),
    Source("project", "projects.yaml", Project),
    Source("event", "events.yaml", Event),
    Source("mobility", "mobility.yaml", Mobility),
    Source("opening", "openings.yaml", Opening),
    Source("faq", "faq.yaml", Faq, required=False),
)
SOURCE_BY_KIND = {source.kind: source for source in SOURCES}
SINGLE_ID = "main"
# libyaml's parser when PyYAML has it (its wheels do): ten times faster, same safe subset.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class KbValidationError(Exception):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("knowledge base not loaded, nothing changed:\n  " + "\n  ".join(problems))


@dataclass(frozen=True)
class ParsedRecord:
    kind: str
    id: str
    position: int
    model: BaseModel


def _record_label(raw: Any, index: int, key: str) -> str:
    if isinstance(raw, dict) and raw.get(key):
        return f"record {index + 1} ({key}={raw[key]})"
    return f"record {index + 1}"


def _describe(error: ValidationError) -> list[str]:
    out = []
    for item in error.errors():
        field = ".".join(str(p) for p in item.get("loc", ())) or "(record)"
        out.append(f"field {field}: {item.get('msg', 'invalid')}")
    return out


def read_sources(data_dir: Path) -> list[ParsedRecord]:
    """Parse and validate every file; raise KbValidationError listing all problems."""
    problems: list[str] = []
    records: list[ParsedRecord] = []
    for source in SOURCES:
        path = data_dir / source.filename
        if not path.exists():
            if source.required:
                problems.append(f"{source.filename}: file is missing")
            continue
        try:
            raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
        except yaml.YAMLError as error:
            problems.append(f"{source.filename}: not valid YAML: {error}".replace("\n", " "))
            continue
        if source.single:
            items = [raw]
            if not isinstance(raw, dict):
                problems.append(f"{source.filename}: must be a mapping of fields")
                continue
        else:
            if raw is None:
                raw = []
            if not isinstance(raw, list):
                problems.append(f"{source.filename}: must be a list of records")
                continue
            items = raw
        seen: set[str] = set()
        for index, item in enumerate(items):
            label = "record" if source.single else _record_label(item, index, source.key)
            try:
                model = source.model.model_validate(item)
            except ValidationError as error:
                problems.extend(f"{source.filename}: {label}: {p}" for p in _describe(error))
                continue
            record_id = SINGLE_ID if source.single else str(getattr(model, source.key))
            if record_id in seen:
                problems.append(f"{source.filename}: {label}: field {source.key}: duplicate {record_id!r}")
                continue
            seen.add(record_id)
            records.append(ParsedRecord(source.kind, record_id, index, model))
    problems.extend(check_references(records))
    if problems:
        raise KbValidationError(problems)
    return records


def check_references(records: list[ParsedRecord]) -> list[str]:
    ids: dict[str, set[str]] = {}
    for record in records:
        ids.setdefault(record.kind, set()).add(record.id)

    def ref(kind: str, value: str | None, where: str, field: str, target: str) -> list[str]:
        if value is None or value in ids.get(target, set()):
            return []
        filename = SOURCE_BY_KIND[kind].filename
        return [f"{filename}: {where}: field {field}: unknown {target} {value!r}"]

    problems: list[str] = []
    for r in records:
        where = f"record {r.position + 1} (id={r.id})"
        m: Any = r.model
        if r.kind == "institution":
            problems += ref(r.kind, m.country, where, "country", "country")
        elif r.kind in ("event", "project"):
            for i, inst in enumerate(m.institutions):
                problems += ref(r.kind, inst, where, f"institutions.{i}", "institution")
            for i, proj in enumerate(getattr(m, "projects", [])):
                problems += ref(r.kind, proj, where, f"projects.{i}", "project")
        elif r.kind == "mobility":
            problems += ref(r.kind, m.host, where, "host", "institution")
        elif r.kind == "opening":
            problems += ref(r.kind, m.host, where, "host", "institution")
            problems += ref(r.kind, m.programme, where, "programme", "project")
    return problems


class _Dumper(yaml.SafeDumper):
    pass


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.Node:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str_representer)


def dump_yaml(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def write_sources(data_dir: Path, by_kind: dict[str, list[BaseModel]]) -> list[Path]:
    """Write records in the same layout ``read_sources`` reads (``kb export``)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for source in SOURCES:
        models = by_kind.get(source.kind, [])
        if source.single:
            if not models:
                continue
            payload: Any = models[0].model_dump(mode="json", exclude_defaults=True)
        else:
            payload = [m.model_dump(mode="json", exclude_defaults=True) for m in models]
        path = data_dir / source.filename
        header = f"# {source.filename}: exported by `python -m bot kb export`; edit and re-import.\n"
        path.write_text(header + dump_yaml(payload), encoding="utf-8")
        written.append(path)
    return written
