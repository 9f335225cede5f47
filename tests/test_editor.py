"""Issue 7: /edit — add, change and remove records from Telegram; the change reaches the menus
and search at once; every change is audited; kb import is all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from aiogram.methods import AnswerCallbackQuery

from bot.i18n import LANGUAGE_FLAGS
from bot.services.editor_fields import DateFormatError, parse_date
from bot.views.editor import EdCB
from tests.conftest import LANGS
from tests.support.harness import Harness, button_data, buttons, make_settings, texts

ADMIN, STAFF = 9001, 7001
STUDENTS = {"tg": 1001, "ru": 1002, "en": 1003}


def cb(a: str, v: str = "", p: int = 0) -> str:
    return EdCB(a=a, v=v, p=p).pack()


def last_text(requests) -> str:
    shown = texts(requests)
    assert shown, [type(r).__name__ for r in requests]
    return shown[-1]


def alerts(requests) -> list[str]:
    return [r.text or "" for r in requests if isinstance(r, AnswerCallbackQuery) and r.text]


async def as_staff(h: Harness, lang: str, user_id: int = STAFF) -> None:
    await h.app.roles.add_staff(user_id, "Editor", ADMIN)
    await h.choose_language(lang, user_id=user_id)


@pytest.mark.parametrize("lang", LANGS)
async def test_news_added_in_three_languages_shows_in_menus_and_search_at_once(harness: Harness, lang: str) -> None:
    h = harness
    await as_staff(h, lang)
    t = h.app.locales[lang]
    say = lambda text: h.send(text, user_id=STAFF, lang=lang)  # noqa: E731
    press = lambda data: h.press(data, user_id=STAFF, lang=lang)  # noqa: E731

    assert last_text(await say("/edit")) == t("ed-title")
    assert cb("new", "news") in button_data((await press(cb("sec", "news")))[-1].reply_markup, "ed:")
    requests = await press(cb("new", "news"))
    assert t("ed-field-title") in last_text(requests) and LANGUAGE_FLAGS["tg"] in last_text(requests)
    await say("Ҳафтаи илм бо Zqxwv")
    await say("Неделя науки Zqxwv")
    await say("Science week Zqxwv")
    # The text: Tajik and English given, Russian skipped (it falls back, and is shown as missing).
    assert t("ed-field-text") in last_text(await say("Матни хабар дар бораи ҳафтаи илм."))
    await press(cb("skip"))
    requests = await say("The institute holds a science week with partners.")
    assert t("ed-field-date") in last_text(requests)
    # A date it cannot read is explained; several formats are accepted.
    assert last_text(await say("next Tuesday")) == t("ed-bad-date", text="next Tuesday")
    requests = await say("5 марта 2027")
    screen = last_text(requests)
    assert "05.03.2027" in screen and t("ed-unsaved") in screen
    assert t("ed-missing", langs=LANGUAGE_FLAGS["ru"]) in screen
    # Preview: the students' own card, in any language, before anything is saved.
    preview = last_text(await press(cb("pv", "ru")))
    assert "Неделя науки Zqxwv" in preview and "The institute holds a science week" in preview  # ru falls back
    assert t("ed-confirm-add") in preview and t("ed-field-text") in preview  # missing translation named
    assert not [e for e in h.app.kb.snapshot.events.values() if "Zqxwv" in e.title.en]
    saved = last_text(await press(cb("ok")))
    assert t("ed-saved-add", title={"tg": "Ҳафтаи илм бо Zqxwv", "ru": "Неделя науки Zqxwv",
                                    "en": "Science week Zqxwv"}[lang]) in saved
    event = next(e for e in h.app.kb.snapshot.events.values() if e.title.en == "Science week Zqxwv")
    assert event.text.ru == "" and str(event.date) == "2027-03-05"

    # Students see it at once: first in the news list (newest first), and its card.
    for student_lang, student in STUDENTS.items():
        await h.choose_language(student_lang, user_id=student)
        news = (await h.press("n:0", user_id=student, lang=student_lang))[-1]
        first = buttons(news.reply_markup)[0]
        assert first[1] == f"go:news-{event.id}" and event.title.get(student_lang) in first[0]
        card = last_text(await h.press(f"go:news-{event.id}", user_id=student, lang=student_lang))
        assert event.title.get(student_lang) in card
        assert ("Матни хабар" if student_lang == "tg" else "The institute holds") in card
    # ... and search finds it.
    result = await h.app.search.search("Zqxwv")
    assert f"news-{event.id}" in result.payloads
    reply = last_text(await h.send("Zqxwv", user_id=STUDENTS[lang], lang=lang))
    assert event.title.get(lang) in reply

    # The audit log: who, when, before (nothing) and after.
    entries = await h.app.audit.entries(kind="event", record_id=event.id)
    assert len(entries) == 1
    entry = entries[0]
    assert (entry.action, entry.user_id, entry.before) == ("add", STAFF, None)
    assert entry.after["title"] == {"tg": "Ҳафтаи илм бо Zqxwv", "ru": "Неделя науки Zqxwv", "en": "Science week Zqxwv"}
    assert entry.created_at == int(h.app.clock())


@pytest.mark.parametrize("lang", LANGS)
async def test_change_a_partner_field_and_remove_an_opening(harness: Harness, lang: str) -> None:
    h = harness
    await as_staff(h, lang)
    t = h.app.locales[lang]
    say = lambda text: h.send(text, user_id=STAFF, lang=lang)  # noqa: E731
    press = lambda data: h.press(data, user_id=STAFF, lang=lang)  # noqa: E731
    snap = h.app.kb.snapshot
    inst = next(i for i in snap.institutions.values() if i.city is not None and i.city.en)
    old_city = inst.city

    await say("/edit")
    listing = (await press(cb("sec", "partner")))[-1]
    assert button_data(listing.reply_markup, "ed:open:")
    for section in ("news", "opening", "partner"):
        page = 0
        while True:  # every page of every section: each button fits in 64 bytes
            markup = (await press(cb("sec", section, page)))[-1].reply_markup
            assert all(len(data.encode()) <= 64 for _, data in buttons(markup))
            if cb("sec", section, page + 1) not in button_data(markup, "ed:sec:"):
                break
            page += 1
    screen = last_text(await press(cb("open", inst.id)))
    assert inst.id in screen
    await press(cb("fld", "city"))
    await press(cb("keep"))  # Tajik kept as it is
    await say("Город-Тест")
    await say("Test City")
    await press(cb("pv", lang))
    assert t("ed-saved-change", title=inst.name.get(lang)) in last_text(await press(cb("ok")))
    changed = h.app.kb.snapshot.institutions[inst.id]
    assert (changed.city.tg, changed.city.ru, changed.city.en) == (old_city.tg, "Город-Тест", "Test City")
    card = last_text(await h.press(f"pi:{inst.id}:0", user_id=STUDENTS["ru"], lang="ru"))
    assert "Город-Тест" in card
    entry = (await h.app.audit.entries(kind="institution", record_id=inst.id))[0]
    assert entry.action == "change" and entry.user_id == STAFF
    assert entry.before["city"]["ru"] == old_city.ru and entry.after["city"]["ru"] == "Город-Тест"

    # A partner that news items point to cannot be removed (nothing changes).
    linked = next(i for i in snap.events_by_institution if i in h.app.kb.snapshot.institutions)
    await press(cb("sec", "partner"))
    await press(cb("open", linked))
    await press(cb("rm"))
    refused = last_text(await press(cb("rmok")))
    assert t("ed-invalid", problems="").split("\n")[0] in refused and linked in refused
    assert linked in h.app.kb.snapshot.institutions

    # Remove an opening: gone from the open calls, audited with its last content.
    opening = next(iter(h.app.kb.snapshot.openings.values()))
    await press(cb("sec", "opening"))
    await press(cb("open", opening.id))
    assert t("ed-remove-confirm", title=opening.title.get(lang)) in last_text(await press(cb("rm")))
    assert t("ed-removed", title=opening.title.get(lang)) in last_text(await press(cb("rmok")))
    calls = (await h.press("e:calls", user_id=STUDENTS["en"], lang="en"))[-1]
    assert f"go:opening-{opening.id}" not in button_data(calls.reply_markup, "go:")
    entry = (await h.app.audit.entries(kind="opening", record_id=opening.id))[0]
    assert entry.action == "remove" and entry.after is None and entry.before["id"] == opening.id


async def test_new_opening_with_deadline_and_bad_input(harness: Harness) -> None:
    h = harness
    await as_staff(h, "en")
    t = h.app.locales["en"]
    say = lambda text: h.send(text, user_id=STAFF)  # noqa: E731
    press = lambda data: h.press(data, user_id=STAFF)  # noqa: E731
    await say("/edit")
    await press(cb("new", "opening"))
    # A required text cannot be left empty in all three languages.
    for _ in range(3):
        requests = await press(cb("skip"))
    assert t("ed-required", field=t("ed-field-title")) in last_text(requests)
    await press(cb("skip"))
    await press(cb("skip"))
    screen = last_text(await say("Summer school Qwrtz"))
    assert t("ed-missing", langs=f"{LANGUAGE_FLAGS['tg']} {LANGUAGE_FLAGS['ru']}") in screen
    await press(cb("fld", "deadline"))
    await say("31.02.2027")
    await say("15/06/2027")
    await press(cb("fld", "host"))
    assert t("ed-bad-ref", text="nowhere") == last_text(await say("nowhere"))
    host = next(iter(h.app.kb.snapshot.institutions))
    await say(host)
    await press(cb("fld", "link"))
    assert last_text(await say("not a link")) == t("ed-bad-url")
    await say("https://example.org/call")
    await press(cb("fld", "kind"))
    await press(cb("pick", "summer_school"))
    preview = last_text(await press(cb("pv", "tg")))
    assert "Summer school Qwrtz" in preview and "15 июни 2027" in preview
    await press(cb("ok"))
    opening = next(o for o in h.app.kb.snapshot.openings.values() if o.title.en == "Summer school Qwrtz")
    assert str(opening.deadline) == "2027-06-15" and opening.host == host and opening.kind.value == "summer_school"
    # A stale Confirm (the preview is gone) saves nothing twice.
    assert alerts(await press(cb("ok"))) == [t("ed-expired")]
    assert len([o for o in h.app.kb.snapshot.openings.values() if o.title.en == "Summer school Qwrtz"]) == 1
    # /cancel leaves the editor; text is then no longer taken by it.
    await say("/edit")
    await press(cb("new", "news"))
    assert last_text(await say("/cancel")) == t("ed-cancelled")
    assert await h.dp.storage.get_state(key=_key(h, STAFF)) is None


def _key(h: Harness, user_id: int):
    from aiogram.fsm.storage.base import StorageKey

    return StorageKey(bot_id=h.bot.id, chat_id=user_id, user_id=user_id)


async def test_two_editors_never_overwrite_each_other(harness: Harness) -> None:
    h = harness
    await as_staff(h, "en")
    await as_staff(h, "en", user_id=7002)
    t = h.app.locales["en"]
    event = next(iter(h.app.kb.snapshot.events.values()))
    for user in (STAFF, 7002):
        await h.send("/edit", user_id=user)
        await h.press(cb("sec", "news"), user_id=user)
        await h.press(cb("open", event.id), user_id=user)
        await h.press(cb("fld", "title"), user_id=user)
        for _ in range(2):
            await h.press(cb("keep"), user_id=user)
        await h.send(f"Title by {user}", user_id=user)
        await h.press(cb("pv", "en"), user_id=user)
    await h.press(cb("ok"), user_id=STAFF)
    assert t("ed-conflict") in last_text(await h.press(cb("ok"), user_id=7002))
    assert h.app.kb.snapshot.events[event.id].title.en == f"Title by {STAFF}"
    assert len(await h.app.audit.entries(kind="event")) == 1


def test_dates_in_several_formats() -> None:
    for text in ("2027-03-05", "05.03.2027", "5.3.2027", "05/03/2027", "5 March 2027", "March 5, 2027",
                 "5 Mar 2027", "5 марта 2027", "5 марта 2027 г.", "5 марти 2027"):
        assert str(parse_date(text)) == "2027-03-05", text
    for text in ("", "tomorrow", "31.02.2027", "2027-13-01", "5 Foo 2027", "05.03.27", "1.1.1900"):
        with pytest.raises(DateFormatError):
            parse_date(text)


async def test_kb_import_with_one_bad_record_changes_nothing(tmp_path: Path, capsys) -> None:
    from bot.app import build_app
    from bot.cli import kb_export, kb_import

    settings = make_settings(tmp_path)
    export = tmp_path / "export"
    assert await kb_export(settings, export) == 0

    async def rows() -> list[tuple]:
        app = await build_app(settings, seed=False)
        try:
            return [tuple(r) for r in await app.db.fetchall("SELECT kind, id, data FROM kb_records ORDER BY kind, id")]
        finally:
            await app.close()

    before = await rows()
    events = yaml.safe_load((export / "events.yaml").read_text(encoding="utf-8"))
    events[0]["title"]["en"] = "A good change that must not be applied"
    bad_id, good_date = events[3]["id"], events[3]["date"]
    events[3]["date"] = "2027-13-45"
    (export / "events.yaml").write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    capsys.readouterr()
    assert await kb_import(settings, export) == 1
    err = capsys.readouterr().err
    assert "events.yaml" in err and f"record 4 (id={bad_id})" in err and "field date" in err
    assert "nothing changed" in err
    assert await rows() == before

    # Fixed: it reports what it will add, change and remove, and (dry run) still changes nothing.
    events[3]["date"] = good_date
    removed = events.pop(5)["id"]
    events.append({**events[1], "id": "new-item-zz"})
    (export / "events.yaml").write_text(yaml.safe_dump(events, allow_unicode=True), encoding="utf-8")
    assert await kb_import(settings, export, dry_run=True) == 0
    out = capsys.readouterr().out
    assert "add: event new-item-zz" in out and f"remove: event {removed}" in out
    assert f"change: event {events[0]['id']}" in out
    assert await rows() == before
