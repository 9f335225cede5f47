"""Loading the knowledge base: validation names file, record and field; nothing changes on
error. The loader's tests run on the small fixture in tests/fixtures/kb/; the last checks
are about the office's real data/ and read it on purpose."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel

from bot.db import Database
from bot.kb import KbValidationError, KnowledgeBase, read_sources
from bot.kb.models import LANGUAGES, LocalizedText
from bot.kb.sources import SOURCES

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"  # the real knowledge base
FIXTURE = ROOT / "tests" / "fixtures" / "kb"


@pytest.fixture
async def db(tmp_path: Path):
    database = await Database.open(tmp_path / "kb.sqlite3")
    yield database
    await database.close()


def copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(FIXTURE, target)
    return target


async def test_load_twice_changes_nothing(db: Database) -> None:
    kb = KnowledgeBase(db)
    first = await kb.load_directory(FIXTURE)
    assert Counter(kind for kind, _ in first.added) == {
        "office": 1, "contacts": 1, "country": 3, "institution": 4, "project": 2, "event": 3,
        "mobility": 2, "opening": 2, "faq": 2,
    }
    assert not first.changed and not first.removed
    before = await db.fetchall("SELECT kind, id, data, updated_at FROM kb_records ORDER BY kind, id")
    second = await kb.load_directory(FIXTURE)
    assert second.empty
    after = await db.fetchall("SELECT kind, id, data, updated_at FROM kb_records ORDER BY kind, id")
    assert [tuple(r) for r in before] == [tuple(r) for r in after]


async def test_snapshot_holds_the_files_records(db: Database) -> None:
    kb = KnowledgeBase(db)
    await kb.load_directory(FIXTURE)
    snap = kb.snapshot
    assert snap.office is not None and snap.office.name.en == "Test Office"
    assert snap.contacts is not None and snap.contacts.phone == "+992900000000"
    # Partners grouped by country in the file's order; countries without partners have none.
    assert {code: [i.id for i in items] for code, items in snap.by_country.items()} == {
        "ru": ["alpha-mining", "beta-tech"], "cn": ["gamma-science"], "gr": ["delta-institute"],
    }
    assert [e.id for e in snap.events_newest] == ["2023-01-agreement", "2022-06-conference", "2021-03-visit"]
    assert [e.id for e in snap.events_by_institution["alpha-mining"]] == ["2021-03-visit"]
    assert snap.openings["delta-semester"].deadline == dt.date(2026, 12, 15)
    assert snap.institutions["alpha-mining"].city is not None
    assert snap.institutions["alpha-mining"].city.tg == "Қазон"


async def test_bad_record_is_named_and_nothing_changes(db: Database, tmp_path: Path) -> None:
    kb = KnowledgeBase(db)
    await kb.load_directory(FIXTURE)
    before = await db.fetchall("SELECT kind, id, data FROM kb_records ORDER BY kind, id")

    data = copy_data(tmp_path)
    partners = yaml.safe_load((data / "partners.yaml").read_text(encoding="utf-8"))
    partners[2]["name"] = {"tg": "", "ru": "", "en": ""}
    bad_id = partners[2]["id"]
    partners[0]["name"]["en"] = "Renamed, must not be saved"
    (data / "partners.yaml").write_text(yaml.safe_dump(partners, allow_unicode=True), encoding="utf-8")

    with pytest.raises(KbValidationError) as caught:
        await kb.load_directory(data)
    message = str(caught.value)
    assert "partners.yaml" in message and f"record 3 (id={bad_id})" in message and "field name" in message
    after = await db.fetchall("SELECT kind, id, data FROM kb_records ORDER BY kind, id")
    assert [tuple(r) for r in before] == [tuple(r) for r in after]


def test_unknown_reference_and_field_are_rejected(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    events = yaml.safe_load((data / "events.yaml").read_text(encoding="utf-8"))
    events[0]["institutions"] = ["no-such-partner"]
    events[1]["colour"] = "red"
    (data / "events.yaml").write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    with pytest.raises(KbValidationError) as caught:
        read_sources(data)
    problems = "\n".join(caught.value.problems)
    assert "unknown institution 'no-such-partner'" in problems
    assert "field colour" in problems


def test_broken_yaml_is_reported(tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    (data / "projects.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    with pytest.raises(KbValidationError) as caught:
        read_sources(data)
    assert "projects.yaml: not valid YAML" in str(caught.value)


def _texts(value, path=""):
    if isinstance(value, LocalizedText):
        yield path, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{path}.{name}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, f"{path}[{i}]")


@pytest.mark.parametrize("folder", [DATA, FIXTURE], ids=["data", "fixture"])
def test_every_record_has_all_three_languages(folder: Path) -> None:
    records = read_sources(folder)
    missing = []
    for record in records:
        for path, text in _texts(record.model):
            for lang in LANGUAGES:
                if not getattr(text, lang).strip():
                    missing.append(f"{record.kind} {record.id}{path}: {lang}")
    assert not missing, "\n".join(missing[:30])


@pytest.mark.parametrize("folder", [DATA, FIXTURE], ids=["data", "fixture"])
def test_every_source_file_exists(folder: Path) -> None:
    for source in SOURCES:
        assert (folder / source.filename).exists() or not source.required, source.filename


async def test_changed_files_do_not_overwrite_telegram_edits(db: Database, tmp_path: Path) -> None:
    data = copy_data(tmp_path)
    kb = KnowledgeBase(db, clock=lambda: 1000.0)
    assert await kb.seed_if_changed(data) is not None
    partners = yaml.safe_load((data / "partners.yaml").read_text(encoding="utf-8"))
    partners[0]["name"]["en"] = "Changed in the file"
    (data / "partners.yaml").write_text(yaml.safe_dump(partners, allow_unicode=True), encoding="utf-8")

    # An edit made from Telegram after the load: the changed file must not replace it.
    await db.execute(
        "INSERT INTO audit_log (user_id, created_at, action, kind, record_id, before, after) "
        "VALUES (9001, 2000, 'change', 'event', 'x', NULL, NULL)"
    )
    assert await kb.seed_if_changed(data) is None
    assert kb.snapshot.institutions[partners[0]["id"]].name.en != "Changed in the file"

    # Without edits since the load, changed files are loaded at start.
    await db.execute("DELETE FROM audit_log")
    report = await kb.seed_if_changed(data)
    assert report is not None and report.changed == [("institution", partners[0]["id"])]
    assert kb.snapshot.institutions[partners[0]["id"]].name.en == "Changed in the file"
