"""Issue 7: roles (/staff), statistics (/stats) and backups (/backup, python -m bot backup)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery, DeleteMyCommands, SendDocument, SendPhoto, SetMyCommands
from aiogram.types import BotCommandScopeChat, MessageOriginHiddenUser, MessageOriginUser, User

from bot.charts import INQUIRIES_COLOR, NEW_USERS_COLOR
from bot.db import Database
from bot.views.editor import EdCB
from bot.views.staff import StaffCB
from tests.conftest import LANGS
from tests.support.charts import bar_pixels, decode
from tests.support.harness import Harness, button_data, texts

ADMIN, STAFF, STUDENT = 9001, 7001, 1001
DAY = 86_400
ADD = StaffCB(action="add").pack()


def alerts(requests) -> list[str]:
    return [r.text or "" for r in requests if isinstance(r, AnswerCallbackQuery)]


async def kb_rows(db: Database) -> list[tuple]:
    rows = await db.fetchall("SELECT kind, id, position, data FROM kb_records ORDER BY kind, id")
    return [tuple(row) for row in rows]


@pytest.mark.parametrize("lang", LANGS)
async def test_each_role_is_refused_where_it_must_be(harness: Harness, lang: str) -> None:
    h, roles = harness, harness.app.roles
    t = h.app.locales[lang]
    for user in (ADMIN, STUDENT):
        await h.choose_language(lang, user_id=user)
    kb_before = await kb_rows(h.app.db)

    # A student: every staff command is politely refused, nothing is sent or changed.
    for command, key in (("/edit", "staff-only"), ("/stats", "staff-only"), ("/staff", "staff-admin-only"),
                         ("/backup", "staff-admin-only")):
        requests = await h.send(command, user_id=STUDENT, lang=lang)
        assert texts(requests) == [t(key)], command
        assert not [r for r in requests if isinstance(r, (SendDocument, SendPhoto))]
    # Forged editor and staff buttons: an alert, nothing else.
    forged = [EdCB(a="new", v="news"), EdCB(a="open", v="x"), EdCB(a="ok"), EdCB(a="rmok"),
              StaffCB(action="rm", user=ADMIN), StaffCB(action="add")]
    for data in (cb.pack() for cb in forged):
        requests = await h.press(data, user_id=STUDENT, lang=lang)
        assert alerts(requests) == [t("staff-only") if data.startswith("ed") else t("staff-admin-only")], data
        assert not texts(requests), data
    assert not await roles.is_staff(STUDENT)

    # The admin adds a staff member by a forwarded message.
    requests = await h.send("/staff", user_id=ADMIN, lang=lang)
    assert ADD in button_data(requests[-1].reply_markup, "sf:")
    await h.press(ADD, user_id=ADMIN, lang=lang)
    origin = MessageOriginUser(date=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc),
                               sender_user=User(id=STAFF, is_bot=False, first_name="Malika", last_name="Karimova"))
    requests = await h.send("any message", user_id=ADMIN, lang=lang, forward_origin=origin)
    assert t("staff-added", name="Malika Karimova") in texts(requests)[-1]
    assert StaffCB(action="rm", user=STAFF).pack() in button_data(requests[-1].reply_markup, "sf:")
    assert await roles.is_staff(STAFF)
    audit = await h.app.audit.entries(kind="staff")
    assert audit[0].action == "add" and audit[0].user_id == ADMIN and audit[0].after["user_id"] == STAFF

    # ... and one by user id; a hidden forward or nonsense is explained, not added.
    await h.press(ADD, user_id=ADMIN, lang=lang)
    hidden = MessageOriginHiddenUser(date=dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc), sender_user_name="X")
    assert texts(await h.send("hi", user_id=ADMIN, lang=lang, forward_origin=hidden)) == [t("staff-add-hidden")]
    assert texts(await h.send("not an id", user_id=ADMIN, lang=lang)) == [t("staff-add-bad")]
    await h.send("7002", user_id=ADMIN, lang=lang)
    assert await roles.is_staff(7002)

    # Staff: /edit and /stats work, /staff and /backup and admin buttons do not.
    await h.choose_language(lang, user_id=STAFF)
    requests = await h.send("/edit", user_id=STAFF, lang=lang)
    assert texts(requests)[-1] == t("ed-title")
    requests = await h.send("/stats", user_id=STAFF, lang=lang)
    assert [r for r in requests if isinstance(r, SendPhoto)]
    assert texts(await h.send("/staff", user_id=STAFF, lang=lang)) == [t("staff-admin-only")]
    requests = await h.send("/backup", user_id=STAFF, lang=lang)
    assert texts(requests) == [t("staff-admin-only")] and not [r for r in requests if isinstance(r, SendDocument)]
    assert alerts(await h.press(StaffCB(action="rm", user=7002).pack(), user_id=STAFF, lang=lang)) == [t("staff-admin-only")]
    assert await roles.is_staff(7002)

    # The admin removes the staff member with a button; from the next update on they are refused.
    requests = await h.press(StaffCB(action="rm", user=STAFF).pack(), user_id=ADMIN, lang=lang)
    assert t("staff-removed", name="Malika Karimova") in texts(requests)[-1]
    assert not await roles.is_staff(STAFF)
    assert texts(await h.send("/edit", user_id=STAFF, lang=lang)) == [t("staff-only")]
    assert alerts(await h.press(EdCB(a="sec", v="news").pack(), user_id=STAFF, lang=lang)) == [t("staff-only")]
    assert await kb_rows(h.app.db) == kb_before


async def seed_statistics(h: Harness) -> float:
    """Known users, subscriptions, inquiries and searches; returns now."""
    now = h.app.clock()
    db = h.app.db
    users = [
        # id, language, first_seen (days ago), last_seen (days ago), active
        (1, "tg", 2, 1, 1), (2, "tg", 10, 3, 1), (3, "ru", 40, 20, 1), (4, "ru", 5, 5, 0),
        (5, "en", 60, 50, 1), (6, None, 1, 1, 1),
    ]
    async with db.transaction() as conn:
        for uid, lang, first, last, active in users:
            await conn.execute(
                "INSERT INTO users (id, language, first_seen, last_seen, is_active) VALUES (?, ?, ?, ?, ?)",
                (uid, lang, int(now - first * DAY), int(now - last * DAY), active),
            )
        for uid, topic in ((1, "news"), (2, "news"), (3, "news"), (4, "news"), (1, "deadlines"), (5, "openings")):
            await conn.execute("INSERT INTO subscriptions (user_id, topic, created_at) VALUES (?, ?, ?)",
                               (uid, topic, int(now)))
        # inquiries: (id, status, created days ago, first answer after s, later answer after s)
        inquiries = [(1, "answered", 3, 600, 5000), (2, "answered", 12, 3600, None), (3, "received", 1, None, None),
                     (4, "closed", 45, 1200, None)]
        for iid, status, ago, first, later in inquiries:
            created = int(now - ago * DAY)
            await conn.execute(
                "INSERT INTO inquiries (id, user_id, language, topic, question, status, created_at, answered_at) "
                "VALUES (?, 1, 'tg', 'other', 'q', ?, ?, ?)",
                (iid, status, created, created + (later or first) if first else None),
            )
            for n, after in enumerate(x for x in (first, later) if x):
                await conn.execute(
                    "INSERT INTO inquiry_messages (chat_id, message_id, inquiry_id, role, created_at) "
                    "VALUES (1, ?, ?, 'answer', ?)", (iid * 10 + n, iid, created + after),
                )
        searches = [("kazan", 1, 3, 1), ("visa", 0, 2, 2), ("dorm", 0, 1, 3), ("old", 0, 5, 40)]
        for query, found, count, ago in searches:
            for _ in range(count):
                await conn.execute("INSERT INTO search_log (query, lang, found, created_at) VALUES (?, 'en', ?, ?)",
                                   (query, found, int(now - ago * DAY)))
    return now


@pytest.mark.parametrize("lang", LANGS)
async def test_statistics_match_a_seeded_database(harness: Harness, lang: str) -> None:
    h = harness
    await seed_statistics(h)
    await h.choose_language(lang, user_id=ADMIN)  # the admin is a user too: new and active today
    t = h.app.locales[lang]
    requests = await h.send("/stats", user_id=ADMIN, lang=lang)
    text = "\n".join(texts(requests))
    by_lang = {"tg": 2, "ru": 2, "en": 1, "": 1}
    by_lang[lang] += 1
    expected = [
        t("stats-users", total=7, blocked=1),
        t("stats-languages", tg=by_lang["tg"], ru=by_lang["ru"], en=by_lang["en"], none=by_lang[""]),
        t("stats-new", week=4, month=5),
        t("stats-active", week=5, month=6),
        t("stats-subscriber", topic=t("sub-topic-news"), count=3),  # user 4 blocked the bot
        t("stats-subscriber", topic=t("sub-topic-openings"), count=1),
        t("stats-subscriber", topic=t("sub-topic-deadlines"), count=1),
        t("stats-inquiries", received=4, answered=3, open=1),
        t("stats-median", time=t("stats-minutes", minutes=20)),  # first answers: 10, 60, 20 min
        t("stats-query", query="kazan", count=3),
        t("stats-query", query="visa", count=2),
        t("stats-query", query="dorm", count=1),
    ]
    for line in expected:
        assert line in text, line
    assert "old" not in text  # older than 30 days
    missing_part = text.split(t("stats-missing"))[1]
    assert "kazan" not in missing_part and "visa" in missing_part
    photos = [r for r in requests if isinstance(r, SendPhoto)]
    assert len(photos) == 1 and photos[0].caption == t("stats-chart-caption")
    chart = decode(photos[0].photo.data)  # 5 new users and 3 inquiries in the 30 days
    assert bar_pixels(chart, NEW_USERS_COLOR) > 0 and bar_pixels(chart, INQUIRIES_COLOR) > 0
    stats = await h.app.stats.collect()
    assert len(stats.days) == 30 and sum(stats.inquiries_per_day) == 3 and sum(stats.new_users_per_day) == 5


def _backup_file(requests, folder: Path) -> Path:
    documents = [r for r in requests if isinstance(r, SendDocument)]
    assert len(documents) == 1
    path = folder / "restored.sqlite3"
    path.write_bytes(documents[0].document.data)
    return path


@pytest.mark.parametrize("lang", LANGS)
async def test_backup_restores_to_an_identical_knowledge_base(harness: Harness, lang: str, tmp_path: Path) -> None:
    h = harness
    await h.choose_language(lang, user_id=ADMIN)
    t = h.app.locales[lang]
    # A change made from Telegram is in the backup too.
    editor = h.app.kb_editor
    event = next(iter(h.app.kb.snapshot.events.values()))
    changed = event.model_copy(update={"title": event.title.model_copy(update={"en": "Edited before the backup"})})
    await editor.apply(ADMIN, "event", event.id, changed)
    requests = await h.send("/backup", user_id=ADMIN, lang=lang)
    assert requests[-1].caption.startswith(t("backup-caption", date="x", size="y").split("x")[0])
    restored_path = _backup_file(requests, tmp_path)
    restored = await Database.open(restored_path)
    try:
        assert await kb_rows(restored) == await kb_rows(h.app.db)
        assert "Edited before the backup" in str(await kb_rows(restored))
        assert await restored.fetchval("SELECT COUNT(*) FROM audit_log") == 1
    finally:
        await restored.close()


async def test_backup_from_the_shell(harness: Harness, tmp_path: Path, capsys) -> None:
    from bot.cli import backup

    target = tmp_path / "shell" / "copy.sqlite3"
    assert await backup(harness.app.settings, target) == 0
    copy = await Database.open(target)
    try:
        assert await kb_rows(copy) == await kb_rows(harness.app.db)
    finally:
        await copy.close()
    assert "backup written" in capsys.readouterr().out


async def test_staff_commands_in_the_menu(harness: Harness) -> None:
    from bot.commands import STAFF_COMMANDS, STUDENT_COMMANDS

    h = harness
    names = {name for name, _ in STAFF_COMMANDS}
    assert {"edit", "stats", "staff", "backup"} <= names
    for lang in LANGS:
        for _, key in STAFF_COMMANDS:
            assert h.app.locales[lang](key) != key

    # A new staff member gets the staff commands in their own menu (office language) ...
    await h.choose_language("en", user_id=ADMIN)
    await h.press(ADD, user_id=ADMIN)
    requests = await h.send("7002", user_id=ADMIN)
    [menu] = [r for r in requests if isinstance(r, SetMyCommands)]
    assert menu.scope == BotCommandScopeChat(chat_id=7002)
    t = h.app.locales[h.app.settings.default_language]
    assert [(c.command, c.description) for c in menu.commands] == [
        (name, t(key)) for name, key in STUDENT_COMMANDS + STAFF_COMMANDS
    ]
    # ... and loses them when removed.
    requests = await h.press(StaffCB(action="rm", user=7002).pack(), user_id=ADMIN)
    [removed] = [r for r in requests if isinstance(r, DeleteMyCommands)]
    assert removed.scope == BotCommandScopeChat(chat_id=7002)
