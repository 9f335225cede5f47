"""Issue 12: a kill -9 at any moment after the student's Send loses nothing.

After the restart, either the question reached the staff chat exactly once and the student
was told its number, or the student was told it was not sent and offered the kept draft
(and sending it then delivers it once). A third outcome: the bot was killed with the card
in flight, so it cannot know whether the card arrived; it never posts a card twice, and
instead tells the staff chat, with a button that posts it again (pressed here as the
specialist would when the card is missing)."""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import time
import signal
import sqlite3
import sys
from pathlib import Path

import pytest
from aiohttp import web

from bot.i18n import Locales
from tests.support.fake_api import BOT_ID, FakeBotAPI

ROOT = Path(__file__).resolve().parents[1]
STAFF_CHAT = -1001234567890
QUESTION = "Crash test question about the Ufa semester"
pytestmark = pytest.mark.e2e


def env_for(api: FakeBotAPI, db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_", "DATABASE_"))}
    env.update({"BOT_TOKEN": api.token, "TELEGRAM_API_BASE": api.base_url, "DATABASE_PATH": str(db),
                "DATA_DIR": str(ROOT / "data"), "PYTHONPATH": str(ROOT), "STAFF_CHAT_ID": str(STAFF_CHAT),
                "ADMIN_IDS": "9001", "LOG_LEVEL": "WARNING"})
    return env


async def start(api: FakeBotAPI, db: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", env=env_for(api, db), cwd=db.parent,
                                                stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL)


def texts_to(api: FakeBotAPI, chat_id: int) -> list[str]:
    return [str(c.params.get("text", "")) for c in api.calls_of("sendMessage") + api.calls_of("editMessageText")
            if int(c.params.get("chat_id", 0)) == chat_id]


def notice(calls) -> str | None:  # type: ignore[no-untyped-def]
    """The callback data of a staff-chat notice's "post it again" button, if one came."""
    for call in calls:
        if int(call.params.get("chat_id", 0) or 0) != STAFF_CHAT:
            continue
        markup = call.params.get("reply_markup")
        rows = (json.loads(markup) if isinstance(markup, str) else markup or {}).get("inline_keyboard", [])
        for button in itertools.chain.from_iterable(rows):
            if str(button.get("callback_data", "")).startswith("iq:redo:"):
                return str(button["callback_data"])
    return None


def press_in_staff_chat(api: FakeBotAPI, data: str) -> None:
    api.push_update({"callback_query": {
        "id": "redo", "chat_instance": "staff", "data": data,
        "from": {"id": 9001, "is_bot": False, "first_name": "Admin", "language_code": "en"},
        "message": {"message_id": 7, "date": int(time.time()), "text": "…",
                    "chat": {"id": STAFF_CHAT, "type": "supergroup", "title": "Staff"},
                    "from": {"id": BOT_ID, "is_bot": True, "first_name": "MMIT Office"}},
    }})


def has_send_button(call) -> bool:  # type: ignore[no-untyped-def]
    return "ak:send:" in str(call.params.get("reply_markup", ""))


# "fetched+N": N ms after the bot fetched the Send press (its next getUpdates); "answer":
# as the bot answers the press, i.e. after the inquiry was stored, before the student heard.
@pytest.mark.parametrize("moment", ["fetched+0", "fetched+2", "fetched+6", "fetched+20", "answer", "card-lost"])
async def test_kill_right_after_send(tmp_path: Path, moment: str) -> None:
    t = Locales()["en"]
    api = FakeBotAPI()
    await api.start()
    db = tmp_path / "bot.sqlite3"
    bot = await start(api, db)
    try:
        api.push_message("/start")
        await api.wait_for(lambda c: c.method == "sendmessage", timeout=30)
        api.push_callback("l:en")
        await api.wait_for(lambda c: c.method == "sendmessage" and "ak:" not in str(c.params) and
                           t("main-menu-text")[:20] in str(c.params.get("text", "")), timeout=15)
        api.push_message("/ask")
        await api.wait_for(lambda c: "ak:topic:" in str(c.params.get("reply_markup", "")), timeout=15)
        api.push_callback("ak:topic:visa")
        await api.wait_for(lambda c: c.method in ("editmessagetext", "sendmessage") and c.params.get("text")
                           and t("ask-btn-cancel") in str(c.params.get("reply_markup", "")), timeout=15)
        api.push_message(QUESTION)
        await api.wait_for(lambda c: t("ask-btn-skip-phone") in str(c.params.get("reply_markup", "")), timeout=15)
        api.push_message(t("ask-btn-skip-phone"))
        await api.wait_for(has_send_button, timeout=15)
        before = len(api.calls)
        victim = bot
        killed = asyncio.Event()
        send_id = 0

        def kill() -> None:
            if not killed.is_set():
                victim.send_signal(signal.SIGKILL)
                killed.set()

        def hook(method: str, params: dict):  # type: ignore[no-untyped-def,type-arg]
            if killed.is_set() or not send_id:
                return None
            if moment == "card-lost" and method == "sendmessage" and QUESTION in str(params.get("text", "")):
                # Killed with the card in flight, and the card never reached Telegram.
                kill()
                return "lost"
            if moment == "answer" and method == "answercallbackquery":
                kill()
                return web.Response(status=502)
            if moment.startswith("fetched") and method == "getupdates" and int(params.get("offset") or 0) > send_id:
                asyncio.get_running_loop().call_later(int(moment.split("+")[1]) / 1000, kill)
            return None

        api.hook = hook
        send_id = api.push_callback("ak:send:")
        await asyncio.wait_for(killed.wait(), 30)
        await bot.wait()
        api.hook = None

        bot = await start(api, db)

        def settled(_c) -> bool:  # type: ignore[no-untyped-def]
            later = api.calls[before:]
            student = [str(c.params.get("text", "")) for c in later if int(c.params.get("chat_id", 0) or 0) == 1001]
            card = any(QUESTION in str(c.params.get("text", "")) for c in later
                       if int(c.params.get("chat_id", 0) or 0) == STAFF_CHAT)
            told = any("#" in s and t("ask-received", id="1")[:12] in s for s in student)
            not_sent = any(t("ask-not-sent")[:20] in s for s in student)
            return ((card or notice(later) is not None) and told) or not_sent

        await api.wait_for(settled, timeout=30)
        await asyncio.sleep(1.5)  # anything still to come (a duplicate) arrives now
        later = api.calls[before:]
        cards = [c for c in later if int(c.params.get("chat_id", 0) or 0) == STAFF_CHAT
                 and QUESTION in str(c.params.get("text", ""))]
        redo = notice(later)
        if redo is not None and not cards:
            # The card never arrived: the specialist presses "post it again".
            press_in_staff_chat(api, redo)
            await api.wait_for(lambda c: int(c.params.get("chat_id", 0) or 0) == STAFF_CHAT
                               and QUESTION in str(c.params.get("text", "")), timeout=15)
            await asyncio.sleep(1.0)
            cards = [c for c in api.calls[before:] if int(c.params.get("chat_id", 0) or 0) == STAFF_CHAT
                     and QUESTION in str(c.params.get("text", ""))]
            print(f"{moment}: in flight at the kill, posted again from the staff notice")
        student = [str(c.params.get("text", "")) for c in later if int(c.params.get("chat_id", 0) or 0) == 1001]
        print(f"{moment}:", "not sent, offered again" if any(t("ask-not-sent")[:20] in s for s in student) else "stored")
        if any(t("ask-not-sent")[:20] in s for s in student):
            assert cards == []
            offer = next(c for c in reversed(api.calls) if has_send_button(c) and
                         t("ask-not-sent")[:20] in str(c.params.get("text", "")))
            assert QUESTION in str(offer.params["text"])
            api.push_callback("ak:send:")
            await api.wait_for(lambda c: int(c.params.get("chat_id", 0) or 0) == STAFF_CHAT
                               and QUESTION in str(c.params.get("text", "")), timeout=15)
            await asyncio.sleep(1.0)
            cards = [c for c in api.calls[before:] if int(c.params.get("chat_id", 0) or 0) == STAFF_CHAT
                     and QUESTION in str(c.params.get("text", ""))]
        assert len(cards) == 1, [c.params.get("text") for c in cards]
        number = sqlite3.connect(db).execute("SELECT id FROM inquiries").fetchall()
        assert len(number) == 1
        student = texts_to(api, 1001)
        assert any(t("ask-received", id=str(number[0][0]))[:25] in s for s in student), student[-3:]
    finally:
        if bot.returncode is None:
            bot.terminate()
            await bot.wait()
        await api.stop()
