"""Issue 5, the staff side: forum topics and plain mode, delivery failures and recovery,
restarts, who may answer, /open, reminders, a student who blocked the bot."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram.methods import (
    AnswerCallbackQuery,
    CopyMessage,
    CreateForumTopic,
    GetChatMember,
    SendMessage,
    TelegramMethod,
)
from aiogram.types import ChatMemberLeft, ChatMemberMember, User

from tests.conftest import LANGS
from tests.support.harness import FakeClock, Harness, make_settings, texts
from tests.support.inquiries import (
    ADMIN,
    STAFF_CHAT,
    STAFF_MEMBER,
    ask,
    last_inquiry,
    patch_session,
    seeded_settings,
    staff_cards,
    staff_press,
    staff_says,
    student_reply,
    svc,
    to_chat,
)

OUTSIDER = 6006


@pytest.fixture
async def settings(tmp_path: Path):
    return await seeded_settings(tmp_path, staff_chat_id=STAFF_CHAT, admin_ids=[ADMIN])


async def open_harness(settings, clock: FakeClock) -> Harness:
    h = await Harness.create(settings, clock=clock)
    patch_session(h)
    return h


@pytest.fixture
async def harness(settings, clock) -> AsyncIterator[Harness]:
    h = await open_harness(settings, clock)
    try:
        yield h
    finally:
        await h.close()


def card_sends(h: Harness) -> list[SendMessage]:
    return staff_cards(h)


# ------------------------------------------------------------------ forum mode
@pytest.mark.parametrize("lang", LANGS)
async def test_forum_topic_per_student_reused_and_recreated(harness: Harness, clock: FakeClock, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    h.session.forum_chats.add(STAFF_CHAT)
    await h.choose_language(lang)
    await ask(h, first_name="Aziz", username="aziz")
    assert await svc(h).deliver_pending(h.bot) == 1
    topics = h.session.of(CreateForumTopic)
    assert len(topics) == 1 and topics[0].chat_id == STAFF_CHAT and "Aziz @aziz" in topics[0].name
    first = await last_inquiry(h)
    thread = first["card_thread_id"]
    assert thread is not None and card_sends(h)[-1].message_thread_id == thread

    # Second inquiry of the same student: same topic, no new one.
    clock.advance(61)
    await ask(h, question="Second question", first_name="Aziz", username="aziz")
    assert await svc(h).deliver_pending(h.bot) == 1
    assert len(h.session.of(CreateForumTopic)) == 1
    assert card_sends(h)[-1].message_thread_id == thread

    # Another student gets their own topic.
    await h.choose_language(lang, user_id=1002)
    await ask(h, user_id=1002, first_name="Malika", username=None)
    assert await svc(h).deliver_pending(h.bot) == 1
    assert len(h.session.of(CreateForumTopic)) == 2
    other_thread = (await last_inquiry(h, 1002))["card_thread_id"]
    assert other_thread not in (None, thread)

    # Staff write in the student's topic without replying to anything: it is an answer.
    h.session.clear()
    requests = await staff_says(h, "Answer in the topic", thread_id=thread, is_topic=True)
    to_student = to_chat(requests, 1001)
    assert to_student and to_student[0].text == t("ask-answer-header", id=str((await last_inquiry(h, 1001))["id"]))
    assert isinstance(to_student[1], CopyMessage)

    # The topic was deleted: the next card recreates it, exactly one card arrives.
    await staff_says(h, "/close", thread_id=thread, is_topic=True)
    h.session.clear()
    h.session.fail_with(SendMessage, 400, "Bad Request: message thread not found",
                        when=lambda m: m.message_thread_id == thread)
    clock.advance(61)
    await ask(h, question="Third question", first_name="Aziz", username="aziz")
    assert await svc(h).deliver_pending(h.bot) == 1
    assert len(h.session.of(CreateForumTopic)) == 1
    new_thread = (await last_inquiry(h, 1001))["card_thread_id"]
    assert new_thread not in (None, thread)
    delivered = [c for c in card_sends(h) if c.message_thread_id == new_thread]
    assert len(delivered) == 1
    assert await svc(h).deliver_pending(h.bot) == 0
    assert await h.app.db.fetchval("SELECT COUNT(*) FROM inquiry_topics WHERE user_id = 1001") == 1


async def test_topic_created_once_under_concurrency(harness: Harness, clock: FakeClock) -> None:
    h = harness
    h.session.forum_chats.add(STAFF_CHAT)
    await h.choose_language("en")
    for question in ("one", "two"):
        await ask(h, question=question)
        clock.advance(61)
    service = svc(h)
    results = await asyncio.gather(service.deliver_pending(h.bot), service.deliver_pending(h.bot))
    assert sorted(results) == [0, 2]
    assert len(h.session.of(CreateForumTopic)) == 1
    assert len(card_sends(h)) == 2


async def test_plain_mode_when_topics_cannot_be_created(harness: Harness) -> None:
    h = harness
    h.session.forum_chats.add(STAFF_CHAT)
    h.session.fail_with(CreateForumTopic, 400, "Bad Request: not enough rights to create a topic")
    await h.choose_language("tg")
    await ask(h)
    assert await svc(h).deliver_pending(h.bot) == 1
    cards = card_sends(h)
    assert len(cards) == 1 and cards[0].message_thread_id is None
    assert await h.app.db.fetchval("SELECT COUNT(*) FROM inquiry_topics") == 0


@pytest.mark.parametrize("lang", LANGS)
async def test_plain_mode_round_trip(harness: Harness, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    await h.choose_language(lang)
    await ask(h)
    await svc(h).deliver_pending(h.bot)
    assert not h.session.of(CreateForumTopic)
    inquiry = await last_inquiry(h)
    assert card_sends(h)[0].message_thread_id is None
    # Chatter in the chat (not a reply to an inquiry) is ignored.
    h.session.clear()
    assert await staff_says(h, "Colleagues, lunch at 12?") == []
    requests = await staff_says(h, "Answer", reply_to_message_id=inquiry["card_message_id"])
    assert to_chat(requests, 1001)[0].text == t("ask-answer-header", id=str(inquiry["id"]))
    # A reply to a follow-up (not only to the card) answers too.
    await student_reply(h, inquiry["id"], "And where is it?")
    await svc(h).deliver_pending(h.bot)
    followup_id = await h.app.db.fetchval(
        "SELECT message_id FROM inquiry_messages WHERE chat_id = ? AND role = 'followup'", (STAFF_CHAT,))
    requests = await staff_says(h, "Room 12", reply_to_message_id=followup_id)
    assert to_chat(requests, 1001)[0].text == t("ask-answer-header", id=str(inquiry["id"]))


# ------------------------------------------------------------------ failures
@pytest.mark.parametrize("error", ["network", "server"])
async def test_delivery_failure_then_recovery_delivers_one_card(harness: Harness, clock: FakeClock, error: str) -> None:
    h = harness
    await h.choose_language("en")

    def to_staff(method: SendMessage) -> bool:
        return method.chat_id == STAFF_CHAT

    if error == "network":
        h.session.fail_network(SendMessage, when=to_staff)
    else:
        h.session.fail_with(SendMessage, 400, "Bad Request: chat not found", when=to_staff)
    requests = await ask(h)
    assert "#1" in texts(requests)[-1]  # the student is told "received" anyway
    service = svc(h)
    assert await service.deliver_pending(h.bot) == 0
    row = await h.app.db.fetchone("SELECT * FROM inquiry_outbox WHERE kind = 'card'")
    assert row["state"] == "pending" and row["attempts"] == 1 and row["last_error"]
    assert await service.deliver_pending(h.bot) == 0  # backing off: not even tried
    assert len(to_chat(h.session.requests, STAFF_CHAT, SendMessage)) == 1
    clock.advance(5)
    assert await service.deliver_pending(h.bot) == 0  # tried again, failed again
    assert len(to_chat(h.session.requests, STAFF_CHAT, SendMessage)) == 2
    h.session.clear_failures()
    clock.advance(9)  # second backoff is 10 s
    assert await service.deliver_pending(h.bot) == 0
    clock.advance(1)
    assert await service.deliver_pending(h.bot) == 1
    clock.advance(3600)
    assert await service.deliver_pending(h.bot) == 0
    row = await h.app.db.fetchone("SELECT * FROM inquiry_outbox WHERE kind = 'card'")
    assert row["state"] == "sent" and row["message_id"] is not None
    # 2 failed attempts + exactly 1 delivered card.
    assert len(to_chat(h.session.requests, STAFF_CHAT, SendMessage)) == 3


async def test_retry_after_is_honoured(harness: Harness, clock: FakeClock) -> None:
    h = harness
    await h.choose_language("ru")
    await ask(h)
    await h.choose_language("ru", user_id=1002)
    await ask(h, user_id=1002)
    h.session.fail_with(SendMessage, 429, "Too Many Requests: retry after 30", retry_after=30,
                        when=lambda m: m.chat_id == STAFF_CHAT)
    service = svc(h)
    assert await service.deliver_pending(h.bot) == 0
    # The whole pass stopped at the first 429: the second card was not even tried.
    assert len(to_chat(h.session.requests, STAFF_CHAT, SendMessage)) == 1
    h.session.clear_failures()
    clock.advance(29)
    assert await service.deliver_pending(h.bot) == 0
    assert len(to_chat(h.session.requests, STAFF_CHAT, SendMessage)) == 1
    clock.advance(1)
    assert await service.deliver_pending(h.bot) == 2
    assert len(card_sends(h)) == 3  # one refused by the 429, two delivered
    assert await service.deliver_pending(h.bot) == 0


async def test_no_staff_chat_keeps_it_queued_until_set(tmp_path: Path, clock: FakeClock) -> None:
    unset = await seeded_settings(tmp_path, staff_chat_id=None)
    h = await open_harness(unset, clock)
    try:
        await h.choose_language("tg")
        requests = await ask(h)
        assert "#1" in texts(requests)[-1]
        assert await svc(h).deliver_pending(h.bot) == 0
        assert not h.session.of(CreateForumTopic) and not to_chat(h.session.requests, STAFF_CHAT)
    finally:
        await h.close()
    h = await open_harness(make_settings(tmp_path, staff_chat_id=STAFF_CHAT), clock)
    try:
        assert await svc(h).deliver_pending(h.bot) == 1
        assert len(card_sends(h)) == 1
    finally:
        await h.close()


@pytest.mark.parametrize("lang", LANGS)
async def test_restart_between_received_and_delivery(settings, clock: FakeClock, lang: str) -> None:
    first = await open_harness(settings, clock)
    try:
        await first.choose_language(lang)
        photo_free = await ask(first)
        assert "#1" in texts(photo_free)[-1]
        assert not card_sends(first)
    finally:
        await first.close()  # the bot stops before the delivery loop ran
    second = await open_harness(settings, clock)
    try:
        assert await svc(second).deliver_pending(second.bot) == 1
        assert await svc(second).deliver_pending(second.bot) == 0
        assert len(card_sends(second)) == 1
        # And the round trip goes on in the new process.
        inquiry = await last_inquiry(second)
        requests = await staff_says(second, reply_to_message_id=inquiry["card_message_id"])
        assert to_chat(requests, 1001)[0].text == second.app.locales[lang]("ask-answer-header", id="1")
    finally:
        await second.close()
    third = await open_harness(settings, clock)
    try:
        assert await svc(third).deliver_pending(third.bot) == 0
        assert not card_sends(third)
    finally:
        await third.close()


async def test_interrupted_send_never_makes_a_second_card(settings, clock: FakeClock) -> None:
    first = await open_harness(settings, clock)
    try:
        await first.choose_language("en")
        await ask(first)

        def die(method):  # the process is killed while the card request is in flight
            if isinstance(method, SendMessage) and method.chat_id == STAFF_CHAT:
                raise asyncio.CancelledError()

        first.session.on_request(die)
        with pytest.raises(asyncio.CancelledError):
            await svc(first).deliver_pending(first.bot)
        assert await first.app.db.fetchval("SELECT state FROM inquiry_outbox WHERE kind = 'card'") == "sending"
    finally:
        await first.close()
    second = await open_harness(settings, clock)
    try:
        service = svc(second)
        assert await service.deliver_pending(second.bot) == 1  # the notice, not a card
        assert not card_sends(second)
        notice = to_chat(second.session.requests, STAFF_CHAT, SendMessage)[0]
        t = second.app.locales[second.app.settings.default_language]
        assert t("inq-what-card") in notice.text and "#1" in notice.text
        redo = notice.reply_markup.inline_keyboard[0][0].callback_data
        assert redo.startswith("iq:redo:1:")
        assert await service.deliver_pending(second.bot) == 0
        # Replying to the notice answers the student.
        notice_id = await second.app.db.fetchval(
            "SELECT message_id FROM inquiry_messages WHERE chat_id = ? AND role = 'notice'", (STAFF_CHAT,))
        requests = await staff_says(second, reply_to_message_id=notice_id)
        assert to_chat(requests, 1001)
        # A person saw that the card is missing and asks for it: exactly one card.
        await second.press(redo, user_id=STAFF_MEMBER, chat_id=STAFF_CHAT)
        assert await service.deliver_pending(second.bot) == 1
        assert len(card_sends(second)) == 1
        await second.press(redo, user_id=STAFF_MEMBER, chat_id=STAFF_CHAT)  # pressed twice
        assert await service.deliver_pending(second.bot) == 0
        assert len(card_sends(second)) == 1
    finally:
        await second.close()


# ------------------------------------------------------------------ who may answer
async def test_non_member_cannot_answer_or_close(harness: Harness) -> None:
    h = harness

    def member(method: GetChatMember):
        user = User(id=method.user_id, is_bot=False, first_name="X")
        if method.user_id in (OUTSIDER, ADMIN):
            return ChatMemberLeft(user=user)
        return ChatMemberMember(user=user)

    h.session.respond(GetChatMember, member)
    await h.choose_language("en")
    await ask(h)
    await svc(h).deliver_pending(h.bot)
    inquiry = await last_inquiry(h)
    card_id = inquiry["card_message_id"]

    h.session.clear()
    requests = await staff_says(h, "I am not staff", reply_to_message_id=card_id, user_id=OUTSIDER)
    assert not to_chat(requests, 1001)
    assert not [r for r in requests if isinstance(r, (SendMessage, CopyMessage))]
    await staff_says(h, "/close", reply_to_message_id=card_id, user_id=OUTSIDER)
    assert (await last_inquiry(h))["status"] == "received"
    requests = await staff_press(h, "close", inquiry["id"], user_id=OUTSIDER, message_id=card_id)
    answer = [r for r in requests if isinstance(r, AnswerCallbackQuery)][0]
    assert answer.show_alert and answer.text == h.app.locales["tg"]("inq-not-allowed")
    assert (await last_inquiry(h))["status"] == "received"
    # The membership answer is cached briefly: one getChatMember for the three attempts.
    assert len(h.session.of(GetChatMember)) == 1
    # ADMIN_IDS may answer even when not a member of the chat.
    requests = await staff_says(h, "Admin answer", reply_to_message_id=card_id, user_id=ADMIN)
    assert to_chat(requests, 1001)
    # A member may too (default membership answer is "member").
    requests = await staff_says(h, "Member answer", reply_to_message_id=card_id, user_id=STAFF_MEMBER)
    assert to_chat(requests, 1001)
    # Nobody from the staff chat became a bot user.
    assert await h.app.db.fetchval("SELECT COUNT(*) FROM users WHERE id IN (?, ?, ?)",
                                    (OUTSIDER, ADMIN, STAFF_MEMBER)) == 0


async def test_bot_messages_and_commands_are_not_answers(harness: Harness) -> None:
    h = harness
    await h.choose_language("en")
    await ask(h)
    await svc(h).deliver_pending(h.bot)
    card_id = (await last_inquiry(h))["card_message_id"]
    h.session.clear()
    await staff_says(h, "/unknown", reply_to_message_id=card_id)
    assert not to_chat(h.session.requests, 1001)


@pytest.mark.parametrize("lang", LANGS)
async def test_blocked_student_is_reported_in_the_staff_chat(harness: Harness, lang: str) -> None:
    h = harness
    await h.choose_language(lang)
    await ask(h)
    await svc(h).deliver_pending(h.bot)
    inquiry = await last_inquiry(h)
    h.session.fail_with(TelegramMethod, 403, "Forbidden: bot was blocked by the user",
                        when=lambda m: getattr(m, "chat_id", None) == 1001)
    requests = await staff_says(h, reply_to_message_id=inquiry["card_message_id"])
    staff_t = h.app.locales[h.app.settings.default_language]
    assert staff_t("inq-blocked", id=str(inquiry["id"])) in texts(to_chat(requests, STAFF_CHAT, SendMessage))
    assert (await last_inquiry(h))["status"] == "received"
    assert await h.app.db.fetchval("SELECT is_active FROM users WHERE id = 1001") == 0


# ------------------------------------------------------------------ /open and reminders
async def test_open_lists_unanswered_oldest_first(harness: Harness, clock: FakeClock) -> None:
    h = harness
    staff_t = h.app.locales[h.app.settings.default_language]
    requests = await staff_says(h, "/open")
    assert texts(requests) == [staff_t("inq-open-empty")]
    for user_id in (1001, 1002, 1003):
        await h.choose_language("en", user_id=user_id)
        await ask(h, user_id=user_id, question=f"Question of {user_id}")
        clock.advance(10)
    await svc(h).deliver_pending(h.bot)
    second = await last_inquiry(h, 1002)
    await staff_says(h, reply_to_message_id=second["card_message_id"])
    requests = await staff_says(h, "/open")
    listing = texts(requests)[-1]
    assert "Question of 1001" in listing and "Question of 1003" in listing
    assert "Question of 1002" not in listing
    assert listing.index("Question of 1001") < listing.index("Question of 1003")
    # Its buttons post a card again (to reply to an old one easily).
    card_button = requests[-1].reply_markup.inline_keyboard[0][0].callback_data
    h.session.clear()
    await h.press(card_button, user_id=STAFF_MEMBER, chat_id=STAFF_CHAT)
    assert await svc(h).deliver_pending(h.bot) == 1
    assert len(card_sends(h)) == 1


async def test_daily_reminder_of_unanswered(harness: Harness, clock: FakeClock) -> None:
    h = harness
    service = svc(h)
    await h.choose_language("ru")
    await ask(h, question="Old question")
    await service.deliver_pending(h.bot)
    assert await service.send_reminders(h.bot) == 0  # not 24 h old yet
    clock.advance(24 * 3600 + 1)
    h.session.clear()
    assert await service.send_reminders(h.bot) == 1
    reminder = to_chat(h.session.requests, STAFF_CHAT, SendMessage)[0]
    assert "Old question" in reminder.text and "#1" in reminder.text
    clock.advance(3600)
    assert await service.send_reminders(h.bot) == 0  # once a day
    clock.advance(23 * 3600)
    assert await service.send_reminders(h.bot) == 1
    # Answered: no longer listed.
    await staff_says(h, reply_to_message_id=(await last_inquiry(h))["card_message_id"])
    clock.advance(25 * 3600)
    assert await service.send_reminders(h.bot) == 0


async def test_background_loop_delivers_a_new_inquiry(harness: Harness) -> None:
    h = harness
    service = svc(h)
    await h.dp.emit_startup(bot=h.bot)  # the Dispatcher's start-up starts the delivery loop
    assert service.running
    try:
        await h.choose_language("en")
        await ask(h)
        for _ in range(100):
            if card_sends(h):
                break
            await asyncio.sleep(0.01)
        assert len(card_sends(h)) == 1
    finally:
        await service.stop(h.bot)
    assert not service.running  # the Periodic loop was cancelled and dropped its task


async def test_chatid_helps_to_set_up_the_staff_chat(harness: Harness) -> None:
    h = harness
    other_group = -1009998887776
    common = dict(chat_id=other_group, chat_type="supergroup", first_name="Boss", lang="ru")
    requests = await h.send("/chatid", user_id=ADMIN, **common)
    reply = texts(requests)
    assert len(reply) == 1 and "STAFF_CHAT_ID=-1009998887776" in reply[0]
    assert await h.send("/chatid", user_id=OUTSIDER, **common) == []  # only logged
    assert await h.send("/chatid", user_id=ADMIN) != []  # private chat: not this handler's business
