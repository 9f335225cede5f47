"""Issue 7: deadline reminders (7 days and 1 day before, once each, in each subscriber's
language, through the broadcast service) and the archive of closed calls."""

from __future__ import annotations

import datetime as dt

import pytest
from aiogram.methods import SendMessage

from bot.app import build_app
from bot.dates import format_date
from bot.services.deadlines import DeadlineReminders
from tests.conftest import LANGS
from tests.support.broadcasting import add_students
from tests.support.harness import FakeClock, Harness, button_data, make_settings, texts

ADMIN = 9001
DAY = 86_400
SUBSCRIBERS = {2001: "tg", 2002: "ru", 2003: "en"}
OTHERS = {2004: "ru"}  # subscribed to news only


async def set_deadline(h: Harness, days_from_today: int) -> object:
    editor = h.app.kb_editor
    opening = next(iter(h.app.kb.snapshot.openings.values()))
    deadline = h.app.clock.today() + dt.timedelta(days=days_from_today)
    await editor.apply(ADMIN, "opening", opening.id, opening.model_copy(update={"deadline": deadline}))
    return h.app.kb.snapshot.openings[opening.id]


async def run_day(h: Harness) -> dict[int, list[str]]:
    """One daily check and the broadcast worker: what each student received."""
    start = len(h.session.requests)
    await h.app.deadlines.check(h.bot)
    await h.app.broadcasts.run_pending(h.bot)
    received: dict[int, list[str]] = {}
    for request in h.session.requests[start:]:
        if isinstance(request, SendMessage) and int(request.chat_id) in {**SUBSCRIBERS, **OTHERS}:
            received.setdefault(int(request.chat_id), []).append(request.text)
    return received


async def test_reminders_go_once_each_on_the_right_day(tmp_path) -> None:
    settings = make_settings(tmp_path)
    clock = FakeClock()  # 13:20 in Dushanbe
    h = await Harness.create(settings, clock=clock)
    try:
        await add_students(h, SUBSCRIBERS, topics=("deadlines",))
        await add_students(h, OTHERS, topics=("news",))
        opening = await set_deadline(h, 9)
        by_day = {}
        for day in range(11):  # deadline day is day 9
            by_day[day] = await run_day(h)
            # A second check the same day sends nothing more.
            assert await run_day(h) == {}, day
            clock.advance(DAY)
        assert {day for day, got in by_day.items() if got} == {2, 8}
        for day, left in ((2, 7), (8, 1)):
            got = by_day[day]
            assert set(got) == set(SUBSCRIBERS), day
            for user, lang in SUBSCRIBERS.items():
                t = h.app.locales[lang]
                assert len(got[user]) == 1
                assert opening.title.get(lang) in got[user][0]
                assert format_date(t, opening.deadline) in got[user][0]
                assert t("call-days-left", days=left) in got[user][0]
        rows = await h.app.db.fetchall("SELECT days_before, recipients FROM deadline_reminders ORDER BY days_before")
        assert [tuple(r) for r in rows] == [(1, 3), (7, 3)]
    finally:
        await h.close()


async def test_reminders_survive_a_restart_and_wait_for_office_hours(tmp_path) -> None:
    settings = make_settings(tmp_path)
    clock = FakeClock()
    h = await Harness.create(settings, clock=clock)
    try:
        await add_students(h, SUBSCRIBERS, topics=("deadlines",))
        await set_deadline(h, 7)
        clock.advance(-6 * 3600)  # 07:20 in Dushanbe: too early
        assert await run_day(h) == {}
        clock.advance(6 * 3600)
        assert set(await run_day(h)) == set(SUBSCRIBERS)
    finally:
        await h.close()
    # A new process on the same database (same day): nothing again.
    h = await Harness.create(settings, clock=clock)
    try:
        assert isinstance(h.app.deadlines, DeadlineReminders)
        assert await run_day(h) == {}
        jobs = await h.app.db.fetchval("SELECT COUNT(*) FROM broadcasts WHERE source LIKE 'kb:opening:%:deadline-%'")
        assert jobs == 1
    finally:
        await h.close()


@pytest.mark.parametrize("lang", LANGS)
async def test_closed_calls_leave_the_list_but_stay_in_the_archive(harness: Harness, lang: str) -> None:
    h = harness
    closed = await set_deadline(h, -3)
    await h.choose_language(lang)
    t = h.app.locales[lang]
    calls = (await h.press("e:calls"))[-1]
    assert f"go:opening-{closed.id}" not in button_data(calls.reply_markup, "go:")
    assert "e:archive" in button_data(calls.reply_markup, "e:")
    archive = (await h.press("e:archive"))[-1]
    assert t("dl-archive-title", count=1) in archive.text
    assert closed.title.get(lang) in archive.text
    assert t("call-closed", date=format_date(t, closed.deadline)) in archive.text
    assert button_data(archive.reply_markup, "go:") == [f"go:opening-{closed.id}"]
    card = texts(await h.press(f"go:opening-{closed.id}"))[-1]
    assert closed.title.get(lang) in card


async def test_nobody_subscribed_records_the_reminder_without_a_job(tmp_path) -> None:
    settings = make_settings(tmp_path)
    clock = FakeClock()
    app = await build_app(settings, clock=clock)
    try:
        opening = next(iter(app.kb.snapshot.openings.values()))
        deadline = clock.today() + dt.timedelta(days=1)
        await app.kb_editor.apply(ADMIN, "opening", opening.id, opening.model_copy(update={"deadline": deadline}))
        made = await app.deadlines.check(None)
        assert [r.days_before for r in made] == [1]
        assert await app.db.fetchval("SELECT broadcast_id FROM deadline_reminders") is None
        assert await app.deadlines.check(None) == []
    finally:
        await app.close()
