"""Issue 6: composing, permissions, sending at the rate limit, errors, cancel, restart, delete."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import pytest
from aiogram.methods import (
    AnswerCallbackQuery,
    CopyMessage,
    DeleteMessage,
    EditMessageText,
    SendMessage,
)
from aiogram.types import ChatMemberLeft, ChatMemberMember, ChatMemberUpdated, PhotoSize

from bot.broadcast.clock import VirtualTime
from bot.broadcast.limiter import TokenBucket, rate_limiter
from bot.broadcast.models import copy_version, make_content
from tests.conftest import LANGS
from tests.support.broadcasting import add_students, service
from tests.support.harness import FakeClock, Harness, buttons
from tests.support.updates import NOW

ADMIN = 9001
STUDENTS = {1001: "tg", 1002: "ru", 1003: "en", 1004: "ru"}



# --- helpers ---------------------------------------------------------------------------------
async def run(h: Harness) -> None:
    await service(h).run_pending(h.bot)


def deliveries(h: Harness, requests: list[Any] | None = None) -> list[Any]:
    """Broadcast messages sent to students (copies or texts carrying a student button)."""
    requests = h.session.requests if requests is None else requests
    out = []
    for r in requests:
        if isinstance(r, (CopyMessage, SendMessage)) and int(r.chat_id) not in (ADMIN, 777) and r.reply_markup is not None:
            if any(d.startswith(("su:", "m:subscribe")) for _, d in buttons(r.reply_markup)):
                out.append(r)
    return out


def copies_to(chat_id: int):
    return lambda m: isinstance(m, (CopyMessage, SendMessage)) and int(m.chat_id) == chat_id and m.reply_markup is not None


def fail_copies_to(h: Harness, chat_id: int, error_code: int, description: str, **kwargs: Any) -> None:
    """Telegram refuses the broadcast copies to ``chat_id`` with this error answer."""
    h.session.fail_with((CopyMessage, SendMessage), error_code, description, when=copies_to(chat_id), **kwargs)


async def simple_job(h: Harness, audience: str = "topic:news", topic: str | None = "news") -> int:
    job = await service(h).create_job(
        ADMIN, make_content(copy_version(ADMIN, 77)), audience, topic=topic, progress_chat_id=ADMIN,
        progress_message_id=5000,
    )
    return job.id


# --- composing --------------------------------------------------------------------------------
@pytest.mark.parametrize("staff_lang", LANGS)
async def test_compose_three_languages_with_versions(harness: Harness, staff_lang: str) -> None:
    h = harness
    await add_students(h, STUDENTS)
    await h.choose_language(staff_lang, user_id=ADMIN)
    t = h.app.locales[staff_lang]
    requests = await h.send("/broadcast", user_id=ADMIN)
    assert t("bc-ask-message").split("\n")[0] in requests[-1].text

    first = await h.send("Hello <all>", user_id=ADMIN)  # the first version
    draft = [r for r in first if isinstance(r, SendMessage)][-1]
    assert t("bc-draft-title") in draft.text
    data = [d for _, d in buttons(draft.reply_markup)]
    assert {"bd:ver:tg", "bd:ver:ru", "bd:ver:en", "bd:aud:topic.news", "bd:aud:all", "bd:aud:lang.ru"} <= set(data)
    # Recipient counts are on the buttons: four news subscribers.
    assert any(t("bc-btn-aud-topic", topic=t("sub-topic-news"), count=4) == text for text, _ in buttons(draft.reply_markup))

    await h.press("bd:ver:tg", user_id=ADMIN)
    await h.send("Салом, донишҷӯён", user_id=ADMIN)
    await h.press("bd:ver:ru", user_id=ADMIN)
    requests = await h.send(None, user_id=ADMIN, photo=[PhotoSize(file_id="p", file_unique_id="p", width=1, height=1)],
                            caption="Привет, <b>студенты</b>")
    assert t("bc-draft-version-own", language="🇷🇺 Русский") in texts_of(requests)[-1]

    # Preview: exactly what each language gets, with the unsubscribe button, and the count.
    requests = await h.press("bd:aud:topic.news", user_id=ADMIN)
    previews = [r for r in requests if isinstance(r, CopyMessage)]
    assert [int(p.chat_id) for p in previews] == [ADMIN] * 3
    assert t("bc-preview-head", audience=t("bc-aud-topic", topic=t("sub-topic-news")), total=4) in texts_of(requests)
    for preview_copy, lang in zip(previews, LANGS):
        assert buttons(preview_copy.reply_markup) == [
            (h.app.locales[lang]("bc-unsubscribe", topic=h.app.locales[lang]("sub-topic-news")), "su:news")
        ]
    by_lang = {lang: p.message_id for lang, p in zip(LANGS, previews)}
    assert len(set(by_lang.values())) == 3  # tg, ru own versions; en gets the first
    confirm = [r for r in requests if isinstance(r, SendMessage)][-1]
    assert "bd:send:" in [d for _, d in buttons(confirm.reply_markup)]
    assert h.session.of(CopyMessage) == previews  # nothing reached a student yet
    assert not deliveries(h)

    requests = await h.press("bd:send:", user_id=ADMIN)
    progress = [r for r in requests if isinstance(r, EditMessageText)][-1]
    assert "bj:cancel:1" in [d for _, d in buttons(progress.reply_markup)]

    await run(h)
    sent = deliveries(h)
    assert Counter(int(r.chat_id) for r in sent) == {1001: 1, 1002: 1, 1003: 1, 1004: 1}
    got = {int(r.chat_id): r.message_id for r in sent}
    assert got[1001] == by_lang["tg"]
    assert got[1002] == got[1004] == by_lang["ru"]
    assert got[1003] == by_lang["en"]
    for r in sent:
        lang = STUDENTS[int(r.chat_id)]
        tl = h.app.locales[lang]
        assert buttons(r.reply_markup) == [(tl("bc-unsubscribe", topic=tl("sub-topic-news")), "su:news")]
    report = h.session.texts()[-1]
    job = await service(h).get(1)
    assert report == service(h).report_text(t, job)
    assert job.status == "done" and job.figures.sent == 4


def texts_of(requests: list[Any]) -> list[str]:
    return [r.text for r in requests if isinstance(r, (SendMessage, EditMessageText))]


async def test_language_audience_and_fallback_to_first(harness: Harness) -> None:
    h = harness
    await add_students(h, STUDENTS, topics=())
    await h.choose_language("ru", user_id=ADMIN)
    await h.send("/broadcast", user_id=ADMIN)
    await h.send("first", user_id=ADMIN)
    await h.press("bd:ver:en", user_id=ADMIN)
    await h.send("english", user_id=ADMIN)
    requests = await h.press("bd:aud:lang.ru", user_id=ADMIN)
    previews = [r for r in requests if isinstance(r, CopyMessage)]
    assert len(previews) == 1  # only Russian speakers
    assert buttons(previews[0].reply_markup)[0][1] == "m:subscribe"  # no topic: the settings button
    await h.press("bd:send:", user_id=ADMIN)
    await run(h)
    assert sorted(int(r.chat_id) for r in deliveries(h)) == [1002, 1004]
    assert all(r.message_id == previews[0].message_id for r in deliveries(h))


async def test_composer_ignores_commands_and_unsupported_content(harness: Harness) -> None:
    h = harness
    await h.choose_language("en", user_id=ADMIN)
    await h.send("/broadcast", user_id=ADMIN)
    requests = await h.send("/menu", user_id=ADMIN)  # a command is not broadcast content
    assert h.app.locales["en"]("main-menu-text") in texts_of(requests)
    await h.send("/broadcast", user_id=ADMIN)
    from aiogram.types import Location

    requests = await h.send(None, user_id=ADMIN, location=Location(latitude=1.0, longitude=2.0))
    assert texts_of(requests) == [h.app.locales["en"]("bc-unsupported")]
    requests = await h.send("/cancel", user_id=ADMIN)
    assert texts_of(requests) == [h.app.locales["en"]("bc-draft-cancelled")]
    await h.send("/broadcast", user_id=ADMIN)
    requests = await h.press("bd:cancel:", user_id=ADMIN)  # the prompt's Cancel button
    assert texts_of(requests) == [h.app.locales["en"]("bc-draft-cancelled")]
    requests = await h.send("not content any more", user_id=ADMIN)
    assert not h.session.of(CopyMessage)
    requests = await h.press("bd:send:", user_id=ADMIN)
    assert [a.text for a in requests if isinstance(a, AnswerCallbackQuery)] == [h.app.locales["en"]("bc-draft-expired")]


# --- permissions ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
async def test_students_cannot_broadcast_or_forge_buttons(harness: Harness, lang: str) -> None:
    h = harness
    await add_students(h, STUDENTS)
    job_id = await simple_job(h)
    await h.choose_language(lang, user_id=1001)
    t = h.app.locales[lang]
    requests = await h.send("/broadcast", user_id=1001)
    assert texts_of(requests) == [t("bc-staff-only")]
    requests = await h.send("/broadcasts", user_id=1001)
    assert texts_of(requests) == [t("bc-staff-only")]
    # Their next message is not taken as broadcast content.
    await h.send("hello everyone", user_id=1001)
    for data in ("bd:send:", "bd:aud:all", "bd:ver:ru", f"bj:cancel:{job_id}", f"bj:delok:{job_id}",
                 f"bj:del:{job_id}", "ba:ok:1", "ba:skip:1"):
        requests = await h.press(data, user_id=1001)
        assert [a.text for a in requests if isinstance(a, AnswerCallbackQuery)] == [t("bc-staff-only")]
        assert not [r for r in requests if not isinstance(r, AnswerCallbackQuery)]
    assert not h.session.of(CopyMessage)
    job = await service(h).get(job_id)
    assert job is not None and job.status == "queued"


async def test_staff_added_by_admin_may_broadcast(harness: Harness) -> None:
    h = harness
    await add_students(h, {1002: "ru"}, topics=("openings",))
    await h.app.roles.add_staff(777, "Staff", ADMIN)
    await h.choose_language("tg", user_id=777)
    requests = await h.send("/broadcast", user_id=777)
    assert h.app.locales["tg"]("bc-draft-title").split()[1] in texts_of(requests)[-1]
    await h.send("news", user_id=777)
    await h.press("bd:aud:topic.openings", user_id=777)
    await h.press("bd:send:", user_id=777)
    await run(h)
    assert [int(r.chat_id) for r in deliveries(h)] == [1002]
    await h.app.roles.remove_staff(777)
    requests = await h.press("bj:del:1", user_id=777)
    assert [a.text for a in requests if isinstance(a, AnswerCallbackQuery)] == [h.app.locales["tg"]("bc-staff-only")]


# --- sending ---------------------------------------------------------------------------------
async def test_retry_after_then_success(harness: Harness) -> None:
    h = harness
    await add_students(h, STUDENTS)
    fail_copies_to(h, 1002, 429, "Too Many Requests: retry after 7", retry_after=7, times=1)
    job_id = await simple_job(h)
    limiter = rate_limiter(h.bot)
    assert limiter is not None
    started = limiter.bucket.time.monotonic()
    await run(h)
    per_chat = Counter(int(r.chat_id) for r in h.session.of(CopyMessage))
    assert per_chat == {1001: 1, 1002: 2, 1003: 1, 1004: 1}  # the 429 was retried, once
    assert limiter.bucket.time.monotonic() - started >= 7  # and honoured
    job = await service(h).get(job_id)
    assert job.figures.sent == 4 and job.figures.failed == 0 and job.figures.uncertain == 0


async def test_interactive_reply_retries_after_429(harness: Harness) -> None:
    h = harness
    await h.choose_language("ru")
    h.session.fail_with(SendMessage, 429, "Too Many Requests: retry after 1", retry_after=1, times=1)
    requests = await h.send("/subscribe")
    sent = [r for r in requests if isinstance(r, SendMessage)]
    assert len(sent) == 2 and sent[0].text == sent[1].text == h.app.locales["ru"]("sub-text")


@pytest.mark.parametrize(("error_code", "description"), [
    (403, "Forbidden: bot was blocked by the user"),
    (403, "Forbidden: user is deactivated"),
    (400, "Bad Request: chat not found"),
])
async def test_blocked_marked_skipped_and_reactivated(harness: Harness, error_code: int, description: str) -> None:
    h = harness
    await add_students(h, STUDENTS)
    fail_copies_to(h, 1002, error_code, description)
    first = await simple_job(h)
    await run(h)
    job = await service(h).get(first)
    assert job.figures.blocked == 1 and job.figures.sent == 3
    assert Counter(int(r.chat_id) for r in h.session.of(CopyMessage))[1002] == 1  # not retried
    assert await h.app.db.fetchval("SELECT is_active FROM users WHERE id = 1002") == 0
    assert service(h).report_text(h.app.locales["tg"], job) == h.session.texts()[-1]

    h.session.clear()
    second = await simple_job(h)
    await run(h)
    assert sorted(int(r.chat_id) for r in deliveries(h)) == [1001, 1003, 1004]  # skipped next time
    assert (await service(h).get(second)).total == 3

    # The student unblocks the bot: my_chat_member "member" brings them back.
    h.session.clear_failures()
    h.session.clear()
    await h.feed(member_update(1002, "member"))
    assert await h.app.db.fetchval("SELECT is_active FROM users WHERE id = 1002") == 1
    await simple_job(h)
    await run(h)
    assert sorted(int(r.chat_id) for r in deliveries(h)) == [1001, 1002, 1003, 1004]
    # And blocking again ("kicked") takes them out without a failed send.
    await h.feed(member_update(1002, "kicked"))
    assert await h.app.db.fetchval("SELECT is_active FROM users WHERE id = 1002") == 0


def member_update(user_id: int, status: str) -> Any:
    from aiogram.types import Chat, ChatMemberBanned, User

    user = User(id=user_id, is_bot=False, first_name="Student", language_code="ru")
    bot_user = User(id=4242, is_bot=True, first_name="MMIT Office")
    new = (ChatMemberMember(user=bot_user) if status == "member"
           else ChatMemberBanned(user=bot_user, until_date=0))
    event = ChatMemberUpdated(
        chat=Chat(id=user_id, type="private", first_name="Student"), from_user=user, date=NOW,
        old_chat_member=ChatMemberLeft(user=bot_user), new_chat_member=new,
    )
    from tests.support.updates import Updates

    return Updates().raw(my_chat_member=event)


async def test_other_errors_are_retried_a_bounded_number_of_times(harness: Harness) -> None:
    h = harness
    await add_students(h, STUDENTS)
    fail_copies_to(h, 1003, 500, "Internal Server Error")
    fail_copies_to(h, 1004, 502, "Bad Gateway", times=1)
    job_id = await simple_job(h)
    await run(h)
    per_chat = Counter(int(r.chat_id) for r in h.session.of(CopyMessage))
    assert per_chat == {1001: 1, 1002: 1, 1003: 3, 1004: 2}
    job = await service(h).get(job_id)
    assert (job.figures.sent, job.figures.failed, job.figures.blocked) == (3, 1, 0)
    assert await h.app.db.fetchval("SELECT is_active FROM users WHERE id = 1003") == 1  # not blocked


async def test_progress_message_with_rate_and_time_left(harness: Harness) -> None:
    h = harness
    await add_students(h, {2000 + i: LANGS[i % 3] for i in range(300)})
    await h.choose_language("ru", user_id=ADMIN)
    job_id = await simple_job(h)
    await run(h)
    t = h.app.locales["ru"]
    edits = [r for r in h.session.of(EditMessageText) if r.message_id == 5000]
    progress = [e for e in edits if "bj:cancel:1" in [d for _, d in buttons(e.reply_markup)]]
    assert len(progress) >= 2
    head = t("bc-progress", id=str(job_id), done=0, total=300, sent=0, rate="0.0", left="…").split("\n")[0]
    assert all(e.text.startswith(head) for e in progress)
    assert any("/ 300" in e.text and "0:" in e.text for e in progress[1:])  # rate and time left
    assert edits[-1].text == service(h).report_text(t, await service(h).get(job_id))
    assert edits[-1].reply_markup is None
    # 300 messages at 25 a second took at least 12 seconds of (virtual) sending time.
    assert Counter(int(r.chat_id) for r in deliveries(h)) == {2000 + i: 1 for i in range(300)}


async def test_one_job_at_a_time_others_queue(harness: Harness) -> None:
    h = harness
    await add_students(h, STUDENTS)
    await h.choose_language("en", user_id=ADMIN)
    first = await simple_job(h)
    await h.send("/broadcast", user_id=ADMIN)
    await h.send("second", user_id=ADMIN)
    await h.press("bd:aud:all", user_id=ADMIN)
    requests = await h.press("bd:send:", user_id=ADMIN)
    t = h.app.locales["en"]
    assert t("bc-progress-queued", id="2", total=5, position=1) in texts_of(requests)
    await run(h)
    order = [int(r.chat_id) for r in deliveries(h)]
    assert len(order) == 4 + 4  # news subscribers, then everyone (and the admin, not counted here)
    assert sum(1 for r in h.session.of(CopyMessage) if int(r.chat_id) == ADMIN and r.reply_markup) == 3 + 1  # previews + own copy
    assert all(r.message_id == 77 for r in deliveries(h)[:4])
    assert (await service(h).get(first)).status == (await service(h).get(2)).status == "done"


# --- cancel -----------------------------------------------------------------------------------
async def test_cancel_queued_and_running(harness: Harness) -> None:
    h = harness
    await add_students(h, {3000 + i: "en" for i in range(60)})
    await h.choose_language("tg", user_id=ADMIN)
    t = h.app.locales["tg"]
    queued = await simple_job(h)
    requests = await h.press(f"bj:cancel:{queued}", user_id=ADMIN)
    assert [a.text for a in requests if isinstance(a, AnswerCallbackQuery)] == [t("bc-cancelling")]
    assert "⛔" in texts_of(requests)[-1]
    await run(h)
    assert not deliveries(h)

    running = await simple_job(h)
    pressed: list[Any] = []

    def cancel_on_fifth(method: Any) -> None:
        if isinstance(method, CopyMessage) and len(h.session.of(CopyMessage)) == 5 and not pressed:
            pressed.append(asyncio.get_running_loop().create_task(h.press(f"bj:cancel:{running}", user_id=ADMIN)))

    h.session.on_request(cancel_on_fifth)
    await run(h)
    await pressed[0]
    job = await service(h).get(running)
    assert job.status == "cancelled"
    assert 5 <= job.figures.sent < 60 and job.figures.pending == 60 - job.figures.sent
    assert h.session.texts()[-1] == service(h).report_text(t, job)
    count = len(deliveries(h))
    await run(h)  # a cancelled job is never resumed
    assert len(deliveries(h)) == count == job.figures.sent
    requests = await h.press(f"bj:cancel:{running}", user_id=ADMIN)
    assert [a.text for a in requests if isinstance(a, AnswerCallbackQuery)] == [t("bc-not-active")]


# --- crash and restart ------------------------------------------------------------------------
class Crash(BaseException):
    """The process dies (nothing after this line runs)."""


async def test_restart_mid_job_finishes_exactly_once(settings, clock: FakeClock) -> None:
    students = {4000 + i: LANGS[i % 3] for i in range(40)}
    first = await Harness.create(settings, clock=clock)
    await add_students(first, students)
    await first.choose_language("en", user_id=ADMIN)
    job_id = await simple_job(first)
    calls = {"n": 0}

    def crash_on_15th(method: Any) -> None:
        if isinstance(method, CopyMessage):
            calls["n"] += 1
            if calls["n"] == 15:
                raise Crash()

    first.session.on_request(crash_on_15th)
    with pytest.raises(Crash):
        await run(first)
    delivered_before = Counter(
        int(r.chat_id) for i, r in enumerate(first.session.of(CopyMessage)) if i != 14
    )
    assert 0 < sum(delivered_before.values()) < 40
    await first.close()

    # A new process on the same database: the start-up hook resumes the job.
    second = await Harness.create(settings, clock=clock)
    try:
        broadcasts = service(second)
        await second.dp.emit_startup(bot=second.bot)
        for _ in range(500):
            job = await broadcasts.get(job_id)
            if job.status == "done":
                break
            await asyncio.sleep(0.01)
        await broadcasts.stop(second.bot)
        job = await broadcasts.get(job_id)
        assert job.status == "done"
        delivered_after = Counter(int(r.chat_id) for r in deliveries(second))
        total = delivered_before + delivered_after
        assert set(total) == set(students)  # nobody lost
        assert max(total.values()) == 1  # nobody got two copies
        assert job.figures.sent == 40
        assert 1 <= job.figures.uncertain <= 8  # the one in flight at the crash (and any queued with it)
        report = second.session.texts()[-1]
        assert report == broadcasts.report_text(second.app.locales["en"], job)
        assert str(job.figures.uncertain) in report
    finally:
        await second.close()


async def test_clean_shutdown_leaves_job_to_resume(settings, clock: FakeClock) -> None:
    first = await Harness.create(settings, clock=clock)
    await add_students(first, {5000 + i: "ru" for i in range(30)})
    job_id = await simple_job(first)
    broadcasts = service(first)

    def stop_on_10th(method: Any) -> None:
        if isinstance(method, CopyMessage) and len(first.session.of(CopyMessage)) == 10:
            broadcasts._stopping = True  # what the shutdown hook does  # noqa: SLF001

    first.session.on_request(stop_on_10th)
    await run(first)
    sent_first = Counter(int(r.chat_id) for r in deliveries(first))
    job = await broadcasts.get(job_id)
    assert job.status == "running" and job.figures.sending == 0 and job.figures.uncertain == 0
    await first.close()
    second = await Harness.create(settings, clock=clock)
    try:
        await run(second)
        total = sent_first + Counter(int(r.chat_id) for r in deliveries(second))
        assert total == {5000 + i: 1 for i in range(30)}
        job = await service(second).get(job_id)
        assert job.status == "done" and job.figures.uncertain == 0
    finally:
        await second.close()


# --- /broadcasts and delete for everyone ------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
async def test_broadcasts_list_and_delete_for_everyone(harness: Harness, lang: str) -> None:
    h = harness
    await add_students(h, STUDENTS)
    await h.choose_language(lang, user_id=ADMIN)
    t = h.app.locales[lang]
    fail_copies_to(h, 1003, 403, "Forbidden: bot was blocked by the user")
    job_id = await simple_job(h)
    await run(h)
    sent_ids = {int(r.chat_id): r for r in deliveries(h) if int(r.chat_id) != 1003}
    requests = await h.send("/broadcasts", user_id=ADMIN)
    text = texts_of(requests)[-1]
    assert t("bc-list-title") in text and f"#{job_id}" in text and t("bc-status-done") in text
    assert "3 / 4" in text
    assert f"bj:del:{job_id}" in [d for _, d in buttons(requests[-1].reply_markup)]
    requests = await h.press(f"bj:del:{job_id}", user_id=ADMIN)
    assert t("bc-delete-confirm", id=str(job_id), count=3) in texts_of(requests)
    h.session.clear()
    await h.press(f"bj:delok:{job_id}", user_id=ADMIN)
    await run(h)
    deleted = h.session.of(DeleteMessage)
    copies_results = {int(d.chat_id) for d in deleted}
    assert copies_results == set(sent_ids)
    job = await service(h).get(job_id)
    assert job.status == "deleted" and job.figures.deleted == 3
    assert h.session.texts()[-1] == t("bc-deleted-report", id=str(job_id), deleted=3, failed=0)
    requests = await h.send("/broadcasts", user_id=ADMIN)
    assert f"bj:del:{job_id}" not in [d for _, d in buttons(requests[-1].reply_markup)]


async def test_delete_uses_the_message_ids_sent(harness: Harness) -> None:
    h = harness
    await add_students(h, {1001: "tg"})
    job_id = await simple_job(h)
    await run(h)
    row = await h.app.db.fetchone("SELECT message_id FROM broadcast_recipients WHERE broadcast_id = ?", (job_id,))
    assert row["message_id"] is not None
    assert await service(h).request_delete(job_id, ADMIN) == "ok"
    await run(h)
    assert [(int(d.chat_id), d.message_id) for d in h.session.of(DeleteMessage)] == [(1001, row["message_id"])]
    assert await service(h).request_delete(job_id, ADMIN) == "not-allowed"  # already deleted


# --- the limiter ------------------------------------------------------------------------------
async def test_token_bucket_rate_and_priority() -> None:
    time = VirtualTime()
    bucket = TokenBucket(rate=25, burst=3, time=time)
    stamps = []
    for _ in range(200):
        await bucket.acquire(interactive=False)
        stamps.append(time.monotonic())
    # Never more than the rate in any one-second window (Telegram's end sees the same, give
    # or take the network's jitter, which WINDOW absorbs); the average stays within 5 %.
    assert max(sum(1 for s in stamps if start <= s < start + 1) for start in stamps) <= 25
    assert 25 * 0.95 <= (len(stamps) - 1) / (stamps[-1] - stamps[0]) <= 25



class ManualTime:
    """Time that moves only when the test says so (sleepers wait for it)."""

    def __init__(self) -> None:
        self.now = 0.0
        self._changed = asyncio.Event()

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        target = self.now + seconds
        while self.now < target - 1e-9:
            self._changed.clear()
            await self._changed.wait()

    async def advance(self, seconds: float) -> None:
        self.now += seconds
        self._changed.set()
        for _ in range(20):
            await asyncio.sleep(0)


async def test_replies_take_tokens_before_broadcast_sends() -> None:
    time = ManualTime()
    bucket = TokenBucket(rate=25, burst=1, time=time)
    await bucket.acquire(interactive=False)  # the bucket is empty now
    order: list[str] = []

    async def take(kind: str) -> None:
        await bucket.acquire(interactive=kind == "reply")
        order.append(kind)

    tasks = [asyncio.create_task(take("bulk")) for _ in range(3)]
    await time.advance(0.01)
    tasks += [asyncio.create_task(take("reply")) for _ in range(2)]
    for _ in range(30):  # bulk sends also go at most one per 1/rate
        await time.advance(0.02)
    await asyncio.wait_for(asyncio.gather(*tasks), 5)
    assert order == ["reply", "reply", "bulk", "bulk", "bulk"]


async def test_retry_after_pauses_all_broadcast_sends() -> None:
    time = VirtualTime()
    bucket = TokenBucket(rate=25, burst=3, time=time)
    bucket.pause(5)
    start = time.monotonic()
    await bucket.acquire(interactive=True)  # replies are not held back
    assert time.monotonic() == start
    await bucket.acquire(interactive=False)
    assert time.monotonic() - start >= 5
