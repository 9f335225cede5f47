"""Issue 5, the student's side and the round trip: ask → staff card → staff reply → the
student gets it under a header in their language → follows up → staff closes."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram.fsm.storage.base import StorageKey
from aiogram.methods import (
    CopyMessage,
    EditMessageReplyMarkup,
    EditMessageText,
    SendMessage,
    SendPhoto,
)
from aiogram.types import (
    Contact,
    Document,
    PhotoSize,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Sticker,
)

from bot.inquiries import OfficeHoursError, parse_office_hours
from bot.inquiries.callbacks import AskCB
from tests.conftest import LANGS
from tests.support.harness import FakeClock, Harness, buttons, texts
from tests.support.inquiries import (
    ADMIN,
    patch_session,
    seeded_settings,
    STAFF_CHAT,
    ask,
    last_inquiry,
    staff_cards,
    staff_press,
    staff_says,
    student_reply,
    svc,
    to_chat,
)

TAJIK_LETTERS = set("ғӣқӯҳҷҒӢҚӮҲҶ")


@pytest.fixture
async def settings(tmp_path: Path):
    return await seeded_settings(tmp_path, staff_chat_id=STAFF_CHAT, admin_ids=[ADMIN])


@pytest.fixture
async def harness(settings, clock) -> AsyncIterator[Harness]:
    h = await Harness.create(settings, clock=clock)
    patch_session(h)
    try:
        yield h
    finally:
        await h.close()


@pytest.mark.parametrize("lang", LANGS)
async def test_round_trip(harness: Harness, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    staff_t = h.app.locales[h.app.settings.default_language]
    await h.choose_language(lang)

    # Asking: /ask → topic → question → phone (contact button) → summary → send.
    requests = await h.send("/ask")
    assert texts(requests)[-1] == t("ask-choose-topic")
    topic_buttons = [label for label, _ in buttons(requests[-1].reply_markup)]
    for key in ("admission", "exchange", "visa", "documents", "other"):
        assert t(f"ask-topic-{key}") in topic_buttons
    requests = await h.press(AskCB(action="topic", value="visa").pack())
    assert t("ask-topic-visa") in texts(requests)[-1]
    requests = await h.send("How can I <extend> my visa?")
    keyboard = requests[-1].reply_markup
    assert isinstance(keyboard, ReplyKeyboardMarkup)
    assert keyboard.keyboard[0][0].request_contact is True
    assert keyboard.keyboard[1][0].text == t("ask-btn-skip-phone")
    requests = await h.send(None, contact=Contact(phone_number="992900000001", first_name="S", user_id=1001))
    assert isinstance(requests[0].reply_markup, ReplyKeyboardRemove)
    summary = texts(requests)[-1]
    assert "How can I &lt;extend&gt; my visa?" in summary and "+992900000001" in summary
    assert t("ask-topic-visa") in summary

    requests = await h.press(AskCB(action="send").pack())
    inquiry = await last_inquiry(h)
    number = inquiry["id"]
    ack = texts(requests)[-1]
    assert t("ask-received", id=str(number)).splitlines()[0] in ack
    assert f"#{number}" in ack
    assert inquiry["status"] == "received" and inquiry["language"] == lang
    if lang == "tg":
        assert TAJIK_LETTERS & set(ack)

    # Routing: one card in the staff chat, in the staff chat's language, mapped to the inquiry.
    assert not staff_cards(h)
    assert await svc(h).deliver_pending(h.bot) == 1
    cards = staff_cards(h)
    assert len(cards) == 1
    card = cards[0]
    assert f"#{number}" in card.text and staff_t("ask-topic-visa") in card.text
    assert "Student" in card.text and "@student" in card.text and "+992900000001" in card.text
    assert "How can I &lt;extend&gt; my visa?" in card.text
    assert {"Тоҷикӣ": "tg", "Русский": "ru", "English": "en"}[
        next(name for name in ("Тоҷикӣ", "Русский", "English") if name in card.text)] == lang
    card_id = (await last_inquiry(h))["card_message_id"]
    assert await svc(h).inquiry_for_message(STAFF_CHAT, card_id) == number

    # Answering: a staff member replies to the card; the student gets a header in THEIR
    # language and a copy (copyMessage keeps formatting and media).
    h.session.clear()
    requests = await staff_says(h, reply_to_message_id=card_id)
    to_student = to_chat(requests, 1001)
    assert isinstance(to_student[0], SendMessage)
    assert to_student[0].text == t("ask-answer-header", id=str(number))
    assert isinstance(to_student[1], CopyMessage) and to_student[1].from_chat_id == STAFF_CHAT
    assert (await last_inquiry(h))["status"] == "answered"
    # The staff member is not registered as a student.
    assert await h.app.db.fetchval("SELECT COUNT(*) FROM users WHERE id = 5005") == 0

    # The student replies to the answer: it goes to the same inquiry.
    requests = await student_reply(h, number, "Thank you! And what about <b>documents</b>?")
    assert texts(requests)[-1] == t("ask-followup-added", id=str(number))
    assert (await last_inquiry(h))["status"] == "received"
    h.session.clear()
    assert await svc(h).deliver_pending(h.bot) == 1
    followup = to_chat(h.session.requests, STAFF_CHAT, SendMessage)[0]
    assert "what about &lt;b&gt;documents&lt;/b&gt;?" in followup.text and f"#{number}" in followup.text
    assert followup.reply_parameters is not None and followup.reply_parameters.message_id == card_id
    assert len(staff_cards(h)) == 0  # a follow-up is not a new card

    # Staff close it with /close in reply to the card; the student is told in their language.
    h.session.clear()
    requests = await staff_says(h, "/close", reply_to_message_id=card_id)
    assert (await last_inquiry(h))["status"] == "closed"
    assert t("ask-closed-notice", id=str(number)) in texts(to_chat(requests, 1001, SendMessage))
    assert staff_t("inq-closed", id=str(number), name="Staff") in texts(to_chat(requests, STAFF_CHAT, SendMessage))
    edits = [r for r in requests if isinstance(r, EditMessageReplyMarkup)]
    assert edits and "iq:reopen" in edits[-1].reply_markup.inline_keyboard[0][0].callback_data

    # My questions shows it, closed, with the start of the question.
    requests = await h.send("/myquestions")
    listing = texts(requests)[-1]
    assert f"#{number}" in listing and t("myq-status-closed") in listing
    assert "How can I &lt;extend&gt; my visa?" in listing

    # /reopen brings it back.
    await staff_says(h, "/reopen", reply_to_message_id=card_id)
    assert (await last_inquiry(h))["status"] == "received"


async def test_close_button_on_the_card(harness: Harness) -> None:
    h = harness
    await h.choose_language("ru")
    await ask(h)
    await svc(h).deliver_pending(h.bot)
    inquiry = await last_inquiry(h)
    requests = await staff_press(h, "close", inquiry["id"], message_id=inquiry["card_message_id"])
    assert (await last_inquiry(h))["status"] == "closed"
    assert h.app.locales["ru"]("ask-closed-notice", id=str(inquiry["id"])) in texts(to_chat(requests, 1001))
    requests = await staff_press(h, "reopen", inquiry["id"], message_id=inquiry["card_message_id"])
    assert (await last_inquiry(h))["status"] == "received"


async def test_ack_is_sent_only_after_the_inquiry_is_stored(harness: Harness, settings) -> None:
    h = harness
    await h.choose_language("en")
    marker = h.app.locales["en"]("ask-received", id="1").splitlines()[0]
    seen: list[tuple[int, int]] = []

    def check_db(method):  # runs when the acknowledgement is about to be sent
        if isinstance(method, (SendMessage, EditMessageText)) and method.text and marker in method.text:
            with sqlite3.connect(settings.database_path) as conn:
                seen.append((
                    conn.execute("SELECT COUNT(*) FROM inquiries").fetchone()[0],
                    conn.execute("SELECT COUNT(*) FROM inquiry_outbox WHERE kind = 'card'").fetchone()[0],
                ))

    h.session.on_request(check_db)
    await ask(h)
    assert seen == [(1, 1)]


@pytest.mark.parametrize("lang", LANGS)
async def test_photo_and_document_are_copied(harness: Harness, lang: str) -> None:
    h = harness
    await h.choose_language(lang)
    photo = [PhotoSize(file_id="small", file_unique_id="s", width=10, height=10),
             PhotoSize(file_id="big", file_unique_id="b", width=100, height=100)]
    await ask(h, question=None, photo=photo, caption="My passport page")
    first = await last_inquiry(h)
    assert first["attachment_kind"] == "photo" and first["attachment_file_id"] == "big"
    assert first["question"] == "My passport page"
    assert await svc(h).deliver_pending(h.bot) == 2
    first = await last_inquiry(h)
    copies = to_chat(h.session.requests, STAFF_CHAT, CopyMessage)
    assert len(copies) == 1
    assert copies[0].from_chat_id == 1001 and copies[0].message_id == first["source_message_id"]
    assert copies[0].reply_parameters.message_id == first["card_message_id"]
    assert await svc(h).inquiry_for_message(STAFF_CHAT, 0) is None

    h.app.clock.advance(120)  # type: ignore[attr-defined]
    document = Document(file_id="doc-1", file_unique_id="d1", file_name="invitation.pdf")
    await ask(h, question=None, document=document, caption="Invitation letter")
    second = await last_inquiry(h)
    assert second["attachment_kind"] == "document" and second["attachment_file_id"] == "doc-1"
    assert await svc(h).deliver_pending(h.bot) == 2
    assert len(to_chat(h.session.requests, STAFF_CHAT, CopyMessage)) == 2
    second = await last_inquiry(h)
    card = staff_cards(h)[-1]
    assert h.app.locales[h.app.settings.default_language]("ask-attachment-document") in card.text

    # A staff answer with a photo reaches the student as a copy too.
    h.session.clear()
    requests = await staff_says(h, None, reply_to_message_id=second["card_message_id"], photo=photo,
                                caption="Here is the form")
    copy = to_chat(requests, 1001, CopyMessage)
    assert len(copy) == 1 and copy[0].from_chat_id == STAFF_CHAT


async def test_deleted_source_message_falls_back_to_the_file(harness: Harness) -> None:
    h = harness
    await h.choose_language("en")
    photo = [PhotoSize(file_id="big", file_unique_id="b", width=100, height=100)]
    await ask(h, question=None, photo=photo, caption="Passport")
    h.session.fail_with(CopyMessage, 400, "Bad Request: message to copy not found")
    assert await svc(h).deliver_pending(h.bot) == 2
    sent = [r for r in h.session.of(SendPhoto) if r.chat_id == STAFF_CHAT]
    assert len(sent) == 1 and sent[0].photo == "big"


# ------------------------------------------------------------------ cancel
STEPS = ("topic", "prefill", "question", "phone", "confirm")


async def _go_to(h: Harness, step: str) -> None:
    if step == "prefill":
        key = StorageKey(bot_id=h.bot.id, chat_id=1001, user_id=1001)
        await h.dp.storage.update_data(key, {"ask_prefill": "Is there a dormitory?"})
    await h.send("/ask")
    if step == "topic":
        return
    await h.press(AskCB(action="topic", value="other").pack())
    if step in ("question", "prefill"):
        return
    await h.send("Where is the office?")
    if step == "phone":
        return
    t = h.app.locales[await h.app.users.get_language(1001)]
    await h.send(t("ask-btn-skip-phone"))


@pytest.mark.parametrize("lang", LANGS)
async def test_cancel_at_every_step(harness: Harness, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    await h.choose_language(lang)
    key = StorageKey(bot_id=h.bot.id, chat_id=1001, user_id=1001)
    for step in STEPS:
        await _go_to(h, step)
        assert await h.dp.storage.get_state(key) is not None, step
        requests = await h.send("/cancel")
        assert t("ask-cancelled") in texts(requests), step
        assert await h.dp.storage.get_state(key) is None, step
        data = await h.dp.storage.get_data(key)
        assert "ask_draft" not in data and "ask_prefill" not in data, step
        if step == "phone":
            assert any(isinstance(r.reply_markup, ReplyKeyboardRemove) for r in requests
                       if isinstance(r, SendMessage))
        # The Cancel button does the same.
        await _go_to(h, step)
        requests = await h.press(AskCB(action="cancel").pack())
        assert t("ask-cancelled") in texts(requests), step
        assert await h.dp.storage.get_state(key) is None, step
        if step == "phone":
            assert any(isinstance(r.reply_markup, ReplyKeyboardRemove) for r in requests
                       if isinstance(r, SendMessage))
    assert await h.app.db.fetchval("SELECT COUNT(*) FROM inquiries") == 0


async def test_cancel_outside_the_flow(harness: Harness) -> None:
    await harness.choose_language("en")
    requests = await harness.send("/cancel")
    assert texts(requests)[-1] == harness.app.locales["en"]("ask-nothing-to-cancel")


# ------------------------------------------------------------------ search hand-over
@pytest.mark.parametrize("lang", LANGS)
async def test_question_carried_over_from_search(harness: Harness, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    await h.choose_language(lang)
    key = StorageKey(bot_id=h.bot.id, chat_id=1001, user_id=1001)
    await h.dp.storage.update_data(key, {"ask_prefill": "Is there a dormitory for <foreign> students?",
                                         "ask_prefill_at": h.app.clock()})
    await h.press("m:ask")
    requests = await h.press(AskCB(action="topic", value="admission").pack())
    screen = requests[-1]
    assert "Is there a dormitory for &lt;foreign&gt; students?" in screen.text
    labels = [label for label, _ in buttons(screen.reply_markup)]
    assert t("ask-btn-prefill-use") in labels and t("ask-btn-prefill-new") in labels
    requests = await h.press(AskCB(action="use").pack())
    assert isinstance(requests[-1].reply_markup, ReplyKeyboardMarkup)
    assert "ask_prefill" not in await h.dp.storage.get_data(key)
    await h.send(t("ask-btn-skip-phone"))
    await h.press(AskCB(action="send").pack())
    inquiry = await last_inquiry(h)
    assert inquiry["question"] == "Is there a dormitory for <foreign> students?"
    assert inquiry["topic"] == "admission" and inquiry["phone"] is None

    # "Write another" asks for a new text.
    h.app.clock.advance(120)  # type: ignore[attr-defined]
    await h.dp.storage.update_data(key, {"ask_prefill": "old text", "ask_prefill_at": h.app.clock()})
    await h.send("/ask")
    await h.press(AskCB(action="topic", value="other").pack())
    requests = await h.press(AskCB(action="new").pack())
    assert t("ask-topic-other") in texts(requests)[-1]
    await h.send("A different question")
    await h.send(t("ask-btn-skip-phone"))
    await h.press(AskCB(action="send").pack())
    assert (await last_inquiry(h))["question"] == "A different question"


# ------------------------------------------------------------------ limits
@pytest.mark.parametrize("lang", LANGS)
async def test_limits_and_cooldown(harness: Harness, clock: FakeClock, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    await h.choose_language(lang)
    await ask(h)
    # Cooldown: 60 s between two inquiries, with the time left.
    clock.advance(15)
    requests = await h.send("/ask")
    assert texts(requests)[-1] == t("ask-limit-cooldown-seconds", n=45, count="45")
    clock.advance(45)
    await ask(h)
    clock.advance(60)
    await ask(h)
    assert await h.app.db.fetchval("SELECT COUNT(*) FROM inquiries") == 3
    # At most 3 open inquiries.
    clock.advance(600)
    requests = await h.send("/ask")
    assert texts(requests)[-1] == t("ask-limit-open", count=3)
    requests = await h.press("m:ask")
    assert texts(requests)[-1] == t("ask-limit-open", count=3)
    # Closing one frees a place.
    first = await h.app.db.fetchval("SELECT MIN(id) FROM inquiries")
    await staff_says(h, f"/close {first}")
    requests = await h.send("/ask")
    assert texts(requests)[-1] == t("ask-choose-topic")


async def test_limit_checked_again_when_sending(harness: Harness, clock: FakeClock) -> None:
    h = harness
    t = h.app.locales["ru"]
    await h.choose_language("ru")
    await h.send("/ask")
    await h.press(AskCB(action="topic", value="other").pack())
    await h.send("Question A")
    await h.send(t("ask-btn-skip-phone"))
    # Meanwhile the limit is reached (e.g. from another device).
    for _ in range(3):
        await svc(h).create(user_id=1001, language="ru", first_name="S", last_name=None, username=None,
                            topic="other", question="q")
        clock.advance(61)
    requests = await h.press(AskCB(action="send").pack())
    assert texts(requests)[-1] == t("ask-limit-open", count=3)
    assert await h.app.db.fetchval("SELECT COUNT(*) FROM inquiries") == 3


async def test_long_question_and_unsupported_content(harness: Harness) -> None:
    h = harness
    t = h.app.locales["en"]
    await h.choose_language("en")
    await h.send("/ask")
    await h.press(AskCB(action="topic", value="other").pack())
    requests = await h.send("x" * 3001)
    assert texts(requests)[-1] == t("ask-question-too-long", length="3001", limit="3000")
    sticker = Sticker(file_id="st", file_unique_id="st", type="regular", width=1, height=1,
                      is_animated=False, is_video=False)
    requests = await h.send(None, sticker=sticker)
    assert texts(requests)[-1] == t("ask-question-unsupported")
    requests = await h.send("😀 ???")  # nothing the specialist could answer
    assert texts(requests)[-1] == t("ask-question-no-words")
    # Someone else's contact is not taken as the student's phone.
    await h.send("A question")
    requests = await h.send(None, contact=Contact(phone_number="+992111", first_name="X", user_id=77))
    assert texts(requests)[-1] == t("ask-phone-not-own")
    requests = await h.send("12.05.2019")  # neither a number nor "Skip": said so, not the prompt again
    assert texts(requests)[-1] == t("ask-phone-invalid")
    requests = await h.send("+992 92 710-04-63")  # typed, as the field's placeholder invites
    assert t("ask-phone-saved") in texts(requests) and "+992927100463" in texts(requests)[-1]


@pytest.mark.parametrize("lang", LANGS)
async def test_skip_typed_without_its_button(harness: Harness, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    await h.choose_language(lang)
    await h.send("/ask")
    await h.press(AskCB(action="topic", value="other").pack())
    await h.send("A question")
    skip = "".join(c for c in t("ask-btn-skip-phone") if c.isalpha()).lower()  # "skip", «пропустить»
    requests = await h.send(skip)
    assert t("ask-phone-skipped") in texts(requests)
    await h.send("/cancel")
    await h.send("/ask")
    await h.press(AskCB(action="topic", value="other").pack())
    await h.send("Another question")
    requests = await h.send({"en": "No, thanks", "ru": "Нет, спасибо", "tg": "не лозим"}[lang])  # a plain no
    assert t("ask-phone-skipped") in texts(requests)
    # "cancel" typed, at the question and at the phone, is the Cancel button, not a question.
    for steps in ([], ["A third question"]):
        await h.send("/ask")
        await h.press(AskCB(action="topic", value="other").pack())
        for step in steps:
            await h.send(step)
        requests = await h.send({"en": "Cancel", "ru": "отмена", "tg": "бекор"}[lang])
        assert t("ask-cancelled") in texts(requests), (lang, steps, texts(requests))


# ------------------------------------------------------------------ my questions
@pytest.mark.parametrize("lang", LANGS)
async def test_my_questions_statuses(harness: Harness, clock: FakeClock, lang: str) -> None:
    h = harness
    t = h.app.locales[lang]
    await h.choose_language(lang)
    requests = await h.press("m:myq")
    assert texts(requests)[-1] == t("myq-empty")
    for question in ("First question about exchange", "Second question", "Third question"):
        await ask(h, question=question)
        clock.advance(61)
    await svc(h).deliver_pending(h.bot)
    rows = await h.app.db.fetchall("SELECT id, card_message_id FROM inquiries ORDER BY id")
    await staff_says(h, reply_to_message_id=rows[1]["card_message_id"])
    await staff_says(h, "/close", reply_to_message_id=rows[2]["card_message_id"])
    requests = await h.press("m:myq")
    listing = texts(requests)[-1]
    assert t("myq-status-received") in listing
    assert t("myq-status-answered") in listing
    assert t("myq-status-closed") in listing
    assert "First question about exchange" in listing
    assert listing.index(f"#{rows[2]['id']}") < listing.index(f"#{rows[0]['id']}")  # newest first


# ------------------------------------------------------------------ office hours
@pytest.mark.parametrize("lang", LANGS)
async def test_office_hours_in_the_acknowledgement(tmp_path: Path, clock: FakeClock, lang: str) -> None:
    settings = await seeded_settings(tmp_path, office_hours="Mon-Fri 08:00-17:00 Asia/Dushanbe")
    h = await Harness.create(settings, clock=clock)
    try:
        await _hours_in_the_acknowledgement(h, clock, lang)
    finally:
        await h.close()


@pytest.mark.parametrize("lang", LANGS)
async def test_no_office_hours_by_default_none_are_stated(harness: Harness, lang: str) -> None:
    # The office's page gives no working hours: the default states none (issue 14).
    t = harness.app.locales[lang]
    await harness.choose_language(lang)
    ack = texts(await ask(harness))[-1]
    assert t("ask-received", id="1").split("1")[0][:10] in ack
    for key in ("ask-hours-open", "ask-hours-closed"):
        assert t(key, hours="\x00", next="\x00").split("\x00")[0] not in ack


async def _hours_in_the_acknowledgement(h: Harness, clock: FakeClock, lang: str) -> None:
    t = h.app.locales[lang]
    await h.choose_language(lang)
    # Friday 13:20 in Dushanbe: open.
    requests = await ask(h)
    ack = texts(requests)[-1]
    hours = f"{t('ask-dshort-mon')}–{t('ask-dshort-fri')} 08:00–17:00 (UTC+5)"
    assert t("ask-hours-open", hours=hours) in ack
    # Friday 18:20: closed until Monday 08:00.
    clock.advance(5 * 3600)
    requests = await ask(h)
    ack = texts(requests)[-1]
    expected = t("ask-hours-closed", hours=hours,
                 next=t("ask-next-day", day=t("ask-day-mon"), time="08:00"))
    assert expected in ack


def test_office_hours_parsing() -> None:
    hours = parse_office_hours("Mon-Fri 08:00-17:00 Asia/Dushanbe")
    friday_1320 = 1_795_770_000
    assert hours.is_open(friday_1320)
    assert not hours.is_open(friday_1320 + 5 * 3600)
    assert hours.next_opening(friday_1320 + 5 * 3600).strftime("%a %H:%M") == "Mon 08:00"
    thursday_night = friday_1320 - 14 * 3600  # Thursday 23:20
    assert hours.next_opening(thursday_night).strftime("%a %H:%M") == "Fri 08:00"
    two = parse_office_hours("Mon-Fri 08:00-17:00; Sat 09:00-13:00 Asia/Dushanbe")
    assert two.next_opening(friday_1320 + 5 * 3600).strftime("%a %H:%M") == "Sat 09:00"
    assert parse_office_hours("Sat-Sun 10:00-12:00").tz.key == "Asia/Dushanbe"
    assert parse_office_hours("").windows == ()  # none configured: none stated
    for bad in ("Mon-Fri", "Mon-Xyz 08:00-17:00", "Mon 17:00-08:00", "Mon-Fri 08:00-17:00 Mars/Base"):
        with pytest.raises(OfficeHoursError):
            parse_office_hours(bad)


@pytest.mark.parametrize("lang", LANGS)
async def test_tomorrow_and_today(tmp_path: Path, lang: str) -> None:
    settings = await seeded_settings(tmp_path, staff_chat_id=STAFF_CHAT,
                                     office_hours="Mon-Sun 08:00-17:00 Asia/Dushanbe")
    clock = FakeClock(1_795_770_000 + 5 * 3600)  # Friday 18:20 local
    h = await Harness.create(settings, clock=clock)
    try:
        t = h.app.locales[lang]
        service = svc(h)
        assert t("ask-next-tomorrow", time="08:00") in service.when_text(t, clock())
        assert t("ask-next-today", time="08:00") in service.when_text(t, clock() + 9 * 3600)  # 03:20
    finally:
        await h.close()


async def test_an_unanswered_question_is_carried_over_only_while_it_is_the_last_and_recent(harness: Harness) -> None:
    """A question typed days ago, or one followed by questions the bot did answer, is no
    longer what the student wants to ask: "Ask the office" starts with an empty question."""
    h = harness
    t = h.app.locales["en"]
    await h.choose_language("en")

    async def offered() -> bool:
        await h.press("m:ask")
        requests = await h.press(AskCB(action="topic", value="other").pack())
        await h.send("/cancel")
        return t("ask-btn-prefill-use") in [label for label, _ in buttons(requests[-1].reply_markup)]

    await h.send("does mmit cooperate with Harvard?")
    assert await offered()
    await h.send("does mmit cooperate with Harvard?")
    h.app.clock.advance(3 * 24 * 3600)  # type: ignore[attr-defined]
    assert not await offered()
    await h.send("does mmit cooperate with Harvard?")
    await h.send("office phone number")  # answered
    assert not await offered()


async def test_a_topic_pressed_after_leaving_the_flow_starts_it_again(harness: Harness) -> None:
    h = harness
    t = h.app.locales["ru"]
    await h.choose_language("ru")
    await h.press("m:ask")
    await h.press("m:main")  # the main menu pressed elsewhere leaves the flow
    requests = await h.press(AskCB(action="topic", value="other").pack())
    assert t("button-outdated") not in [getattr(r, "text", None) for r in requests]
    assert t("ask-topic-other") in texts(requests)[-1]
    await h.send("Есть ли места на летний курс?")
    await h.send(t("ask-btn-skip-phone"))
    await h.press(AskCB(action="send").pack())
    assert (await last_inquiry(h))["question"] == "Есть ли места на летний курс?"
