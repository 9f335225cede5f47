"""Issue 8: 10,000+ generated updates through the production Dispatcher.

Every kind of update a bot can receive, with texts of any Unicode, HTML and FTS syntax,
malformed and foreign callback data. Asserts that nothing reaches the error handler (no
exception anywhere), that a private message gets at most one answer, and that answers
are in the user's language.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import os
import tempfile
from pathlib import Path
from typing import Any

import pytest
from aiogram.methods import (
    CopyMessage,
    EditMessageText,
    SendDocument,
    SendMessage,
    SendPhoto,
)
from aiogram.types import (
    Animation,
    Audio,
    CallbackQuery,
    Chat,
    ChatMemberBanned,
    ChatMemberMember,
    ChatMemberUpdated,
    Contact,
    Dice,
    Document,
    InlineQuery,
    Location,
    Message,
    MessageEntity,
    PhotoSize,
    Sticker,
    Update,
    User,
    Venue,
    Video,
    VideoNote,
    Voice,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.i18n import Locales, guess_language
from tests.support.harness import Harness, make_settings

BATCH = 25
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", 400))  # 400 × 25 = 10,000 updates
STAFF_CHAT = -100777
USERS = {501: "tg", 502: "ru", 503: "en", 504: None}  # 504 never chose a language
NOW = dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.timezone.utc)

COMMANDS = ["/start", "/menu", "/help", "/contacts", "/language", "/partners", "/erasmus", "/projects",
            "/news", "/ask", "/myquestions", "/subscribe", "/privacy", "/forget", "/cancel", "/about",
            "/broadcast", "/broadcasts", "/stats", "/open", "/close", "/reopen", "/staff", "/edit",
            "/backup", "/nonsense", "/start partner-gubkin", "/start news-x", "/start partners",
            "/start " + "x" * 64, "/start@mmit_office_test_bot", "/menu@other_bot"]
FTS = ['"', '""', "*", "kazan*", "NEAR(a b)", "-x", "a AND OR NOT b", "(", ")", "a:b", "^", "'", "\\", "%", "_"]
HTML = ["<b>", "</i>", "<script>alert(1)</script>", "&amp;", "&", "<a href='x'>y</a>", "<", ">"]
REAL_CALLBACKS = ["m:main", "m:about", "m:partners", "m:erasmus", "m:projects", "m:news", "m:contacts",
                  "m:ask", "m:myq", "m:subscribe", "m:language", "pc:ru:0", "pc:ru:1", "pc:zz:0",
                  "pi:gubkin:0", "pi:nope:3", "n:0", "n:99", "e:calls", "e:mobility", "e:x", "o:tasks",
                  "o:areas", "go:partner-gubkin", "go:news-nope", "go:contacts", "go:", "l:xx", "l:tg",
                  "l:ru", "l:en"]

texts = st.one_of(
    st.text(max_size=200),
    # Long texts are built by repetition: drawing 10,000 random characters one by one would
    # make the test minutes slower without finding more.
    st.builds(lambda s, n: (s * n)[:10_000], st.text(min_size=1, max_size=40), st.integers(100, 2500)),
    st.sampled_from(COMMANDS),
    st.builds(lambda c, s: f"{c} {s}", st.sampled_from(COMMANDS), st.text(max_size=50)),
    st.lists(st.sampled_from(FTS + HTML + ["Kazan", "Қазон", "erasmus", "Греция", "контакты", "суроға"]),
             min_size=1, max_size=8).map(" ".join),
    st.just(""),
)
callback_data = st.one_of(st.sampled_from(REAL_CALLBACKS), st.text(max_size=64),
                          st.builds(lambda p, s: p + s, st.sampled_from(["m:", "pc:", "pi:", "go:", "l:", "n:", "e:", "o:", "bc:", "sub:", "ask:", "inq:"]), st.text(max_size=40)))


def _user(user_id: int) -> User:
    lang = USERS.get(user_id)
    return User(id=user_id, is_bot=False, first_name="<b>F</b>&", language_code=lang or "de", username="u")


def _content(kind: str) -> dict[str, Any]:
    f = {"file_id": "f", "file_unique_id": "u"}
    return {
        "sticker": {"sticker": Sticker(**f, type="regular", width=1, height=1, is_animated=False, is_video=False)},
        "photo": {"photo": [PhotoSize(**f, width=1, height=1)], "caption": "<i>cap</i>"},
        "voice": {"voice": Voice(**f, duration=1)},
        "video": {"video": Video(**f, width=1, height=1, duration=1)},
        "video_note": {"video_note": VideoNote(**f, length=1, duration=1)},
        "document": {"document": Document(**f, file_name="a.pdf")},
        "audio": {"audio": Audio(**f, duration=1)},
        "animation": {"animation": Animation(**f, width=1, height=1, duration=1)},
        "location": {"location": Location(latitude=38.5, longitude=68.7)},
        "venue": {"venue": Venue(location=Location(latitude=1, longitude=2), title="t", address="a")},
        "contact": {"contact": Contact(phone_number="+992900000000", first_name="C", user_id=501)},
        "dice": {"dice": Dice(emoji="🎲", value=3)},
    }[kind]


@st.composite
def updates(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["private_text", "private_text", "private_text", "private_media", "callback",
                                 "callback", "edited", "channel", "group", "staff", "inline", "member"]))
    user_id = draw(st.sampled_from(list(USERS)))
    message_id = draw(st.integers(1, 10**6))
    if kind in ("private_text", "private_media", "edited"):
        if kind == "private_media":
            content = _content(draw(st.sampled_from(["sticker", "photo", "voice", "video", "video_note", "document",
                                                     "audio", "animation", "location", "venue", "contact", "dice"])))
        else:
            text = draw(texts)
            content = {"text": text or None}
            if text.startswith("/"):
                content["entities"] = [MessageEntity(type="bot_command", offset=0, length=len(text.split()[0]))]
            if not text:
                content = _content("sticker")
        message = Message(message_id=message_id, date=NOW, chat=Chat(id=user_id, type="private"),
                          from_user=_user(user_id), **content)
        field = "edited_message" if kind == "edited" else "message"
        return {"kind": kind, "user": user_id, field: message}
    if kind == "callback":
        query = CallbackQuery(
            id=str(message_id), from_user=_user(user_id), chat_instance="c", data=draw(callback_data),
            message=Message(message_id=message_id, date=NOW, chat=Chat(id=user_id, type="private"), text="old"),
        )
        return {"kind": kind, "user": user_id, "callback_query": query}
    if kind in ("channel", "group", "staff"):
        chat_id = {"channel": -1001, "group": -1002, "staff": STAFF_CHAT}[kind]
        chat_type = "channel" if kind == "channel" else "supergroup"
        text = draw(texts) or "x"
        message = Message(message_id=message_id, date=NOW, chat=Chat(id=chat_id, type=chat_type, title="T"),
                          from_user=None if kind == "channel" else _user(user_id), text=text)
        field = "channel_post" if kind == "channel" else "message"
        return {"kind": kind, "user": user_id, field: message}
    if kind == "inline":
        query = InlineQuery(id=str(message_id), from_user=_user(user_id), query=draw(st.text(max_size=256)), offset="")
        return {"kind": kind, "user": user_id, "inline_query": query}
    old, new = (ChatMemberMember(user=_user(4242)), ChatMemberBanned(user=_user(4242), until_date=0))
    if draw(st.booleans()):
        old, new = new, old
    member = ChatMemberUpdated(chat=Chat(id=user_id, type="private"), from_user=_user(user_id), date=NOW,
                               old_chat_member=old, new_chat_member=new)
    return {"kind": kind, "user": user_id, "my_chat_member": member}


def _brief(item: dict[str, Any]) -> str:
    event = next(iter(item.values()))
    text = getattr(event, "text", None) or getattr(event, "data", None) or getattr(event, "query", None)
    return f"{type(event).__name__}({(text or '')[:60]!r})"


ANSWER_TYPES = (SendMessage, EditMessageText, SendPhoto, SendDocument, CopyMessage)


class ErrorCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def world():
    loop = asyncio.new_event_loop()
    tmp = Path(tempfile.mkdtemp())
    harness = loop.run_until_complete(
        Harness.create(make_settings(tmp, staff_chat_id=STAFF_CHAT, admin_ids=[9001]))
    )
    for user_id, lang in USERS.items():
        if lang:
            loop.run_until_complete(harness.app.users.set_language(user_id, lang))
    collector = ErrorCollector()
    logging.getLogger().addHandler(collector)
    labels = _labels(harness.app.locales)
    yield loop, harness, collector, labels
    logging.getLogger().removeHandler(collector)
    loop.run_until_complete(harness.close())
    loop.close()


def _labels(locales: Locales) -> dict[str, set[str]]:
    """Button labels that exist in exactly one language: they tell the language of a screen."""
    by_lang = {lang: {locales[lang](key) for key in locales.keys(lang) if key.startswith(("btn-", "menu-"))}
               for lang in locales.languages}
    return {lang: labels - set().union(*(v for k, v in by_lang.items() if k != lang)) for lang, labels in by_lang.items()}


def _expected_lang(harness: Harness, user_id: int, known: dict[int, str | None]) -> str:
    # Without a chosen language, the one the student wrote in (read after the update).
    lang = known.get(user_id) or harness.app.users.guessed_language(user_id)
    return lang or guess_language("de", harness.app.settings.default_language)


@settings(max_examples=EXAMPLES, print_blob=False, report_multiple_bugs=False, database=None, deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                 HealthCheck.function_scoped_fixture, HealthCheck.large_base_example])
@given(batch=st.lists(updates(), min_size=BATCH, max_size=BATCH))
def test_generated_updates(world, batch: list[dict[str, Any]]) -> None:
    loop, harness, collector, labels = world
    loop.run_until_complete(_feed_batch(harness, collector, labels, batch))


async def _feed_batch(harness: Harness, collector: ErrorCollector, labels: dict[str, set[str]],
                      batch: list[dict[str, Any]]) -> None:
    for item in batch:
        kind, user_id = item.pop("kind"), item.pop("user")
        # Languages as the database has them now (a fuzzed "l:xx" button may change one).
        known = {uid: await harness.app.users.get_language(uid) for uid in USERS}
        harness.session.requests.clear()
        update = Update(update_id=1, **item)
        await harness.dp.feed_update(harness.bot, update)
        expected = _expected_lang(harness, user_id, known)
        assert not collector.records, f"{kind} {_brief(item)} raised: {collector.records[0].getMessage()}"
        requests = list(harness.session.requests)
        answers = [r for r in requests if isinstance(r, ANSWER_TYPES) and str(getattr(r, "chat_id", "")) == str(user_id)]
        if kind in ("private_text", "private_media"):
            assert len(answers) <= 1, f"{kind}: {len(answers)} answers to {_brief(item)}: {[type(a).__name__ for a in answers]}"
        if kind in ("channel", "group"):
            assert not [r for r in requests if isinstance(r, ANSWER_TYPES)], f"answered a {kind} message"
        if kind == "callback" and (item["callback_query"].data or "").startswith("l:"):
            continue  # the language itself changes: checked by the foundation tests
        for request in answers:
            markup = getattr(request, "reply_markup", None)
            shown = {b.text for row in getattr(markup, "inline_keyboard", None) or [] for b in row}
            foreign = {label for lang, own in labels.items() if lang != expected for label in own & shown}
            assert not foreign, f"{kind} for a {expected} user shows {foreign}"
