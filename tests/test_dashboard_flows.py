"""Issue 13: inquiries, broadcasts and statistics through the dashboard, the staff's menu
button, the settings, and ``python -m bot`` serving the dashboard in polling and webhook mode."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from aiogram.methods import CopyMessage, SendMessage, SetChatMenuButton
from aiogram.types import MenuButtonDefault, MenuButtonWebApp
from aiohttp import ClientSession

from bot.config import SettingsError, load_settings
from bot.views.staff import StaffCB
from tests.support.broadcasting import add_students
from tests.support.fake_api import FakeBotAPI
from tests.support.harness import Harness, texts
from tests.support.inquiries import STAFF_CHAT, ask, last_inquiry, patch_session, seeded_settings, student_reply
from tests.support.ports import free_port
from tests.support.webapp import auth, dashboard_client, sign_init_data, staff_auth

ROOT = Path(__file__).resolve().parents[1]
ADMIN = 9001
WEBAPP_URL = "https://bot.example.org/app/"


@pytest.fixture
async def office(tmp_path: Path, clock) -> AsyncIterator[Harness]:
    """A bot with a staff chat and the dashboard's menu button."""
    settings = await seeded_settings(tmp_path, staff_chat_id=STAFF_CHAT, admin_ids=[ADMIN], webapp_url=WEBAPP_URL)
    h = await Harness.create(settings, clock=clock)
    patch_session(h)
    try:
        yield h
    finally:
        await h.close()


# --- inquiries ----------------------------------------------------------------------------------
async def test_answer_close_and_reopen_an_inquiry_from_the_dashboard(office: Harness) -> None:
    h = office
    await h.choose_language("tg", user_id=1001)
    await ask(h, topic="visa", question="Визаро чӣ тавр дароз кунам?")
    await ask(h, user_id=1002, topic="admission", question="When does admission open?")
    await h.app.inquiries.deliver_pending(h.bot)
    inquiry = await last_inquiry(h, 1001)
    number = inquiry["id"]
    async with dashboard_client(h) as client:
        queue = await (await client.get("/app/api/inquiries?status=received", headers=staff_auth(h))).json()
        assert {item["id"] for item in queue["items"]} >= {number}
        visa = await (await client.get("/app/api/inquiries?status=open&topic=visa", headers=staff_auth(h))).json()
        assert [item["id"] for item in visa["items"]] == [number]
        assert (await client.get("/app/api/inquiries?status=nope", headers=staff_auth(h))).status == 400

        h.session.clear()
        answer = "Ба хадамоти муҳоҷират муроҷиат кунед. <Ҳуҷҷатҳо> & шиноснома."
        response = await client.post(f"/app/api/inquiries/{number}/answer", json={"text": answer},
                                     headers=staff_auth(h, first_name="Нигина"))
        assert response.status == 200, await response.text()
        # The path of a reply in the staff chat: posted there under the card, then copied to
        # the student under the header in their language.
        in_chat = [r for r in h.session.of(SendMessage) if r.chat_id == STAFF_CHAT]
        assert "Нигина" in in_chat[0].text and f"#{number}" in in_chat[0].text
        assert in_chat[0].reply_parameters.message_id == inquiry["card_message_id"]
        assert in_chat[1].text == "Ба хадамоти муҳоҷират муроҷиат кунед. &lt;Ҳуҷҷатҳо&gt; &amp; шиноснома."
        t = h.app.locales["tg"]
        header = [r for r in h.session.of(SendMessage) if r.chat_id == 1001]
        assert header[0].text == t("ask-answer-header", id=str(number))
        [copy] = h.session.of(CopyMessage)
        assert copy.chat_id == 1001 and copy.from_chat_id == STAFF_CHAT
        assert (await last_inquiry(h, 1001))["status"] == "answered"
        thread = await (await client.get(f"/app/api/inquiries/{number}", headers=staff_auth(h))).json()
        assert [e["type"] for e in thread["events"]] == ["question", "answer"]
        assert thread["events"][1]["text"] == answer and thread["events"][1]["by"].startswith("Нигина")

        # The student's reply to that answer comes back to the same inquiry.
        await student_reply(h, number, "Рахмат! Боз як савол.")
        assert (await last_inquiry(h, 1001))["status"] == "received"
        thread = await (await client.get(f"/app/api/inquiries/{number}", headers=staff_auth(h))).json()
        assert [e["type"] for e in thread["events"]] == ["question", "answer", "followup"]

        h.session.clear()
        response = await client.post(f"/app/api/inquiries/{number}/close", headers=staff_auth(h))
        assert (await response.json()) == {"ok": True, "changed": True, "status": "closed"}
        assert t("ask-closed-notice", id=str(number)) in texts(h.session.of(SendMessage))
        response = await client.post(f"/app/api/inquiries/{number}/reopen", headers=staff_auth(h))
        assert (await response.json())["status"] == "received"
        assert (await client.post("/app/api/inquiries/999/close", headers=staff_auth(h))).status == 404
        response = await client.post(f"/app/api/inquiries/{number}/answer", json={"text": "  "}, headers=staff_auth(h))
        assert response.status == 422


async def test_an_answer_to_a_student_who_blocked_the_bot(office: Harness) -> None:
    h = office
    await h.choose_language("en", user_id=1001)
    await ask(h)
    await h.app.inquiries.deliver_pending(h.bot)
    number = (await last_inquiry(h, 1001))["id"]
    h.session.fail_with(SendMessage, 403, "Forbidden: bot was blocked by the user", when=lambda m: m.chat_id == 1001)
    async with dashboard_client(h) as client:
        response = await client.post(f"/app/api/inquiries/{number}/answer", json={"text": "Hello"}, headers=staff_auth(h))
        assert response.status == 409 and (await response.json())["error"] == "blocked"
    staff_t = h.app.locales[h.app.settings.default_language]
    assert staff_t("inq-blocked", id=str(number)) in texts(h.session.of(SendMessage))
    assert (await last_inquiry(h, 1001))["status"] == "received"


async def test_without_a_staff_chat_the_answer_goes_through_the_staff_members_chat(harness: Harness) -> None:
    h = harness
    patch_session(h)
    await h.choose_language("ru", user_id=1001)
    await ask(h, question="Где общежитие?")
    number = (await last_inquiry(h, 1001))["id"]
    async with dashboard_client(h) as client:
        response = await client.post(f"/app/api/inquiries/{number}/answer", json={"text": "В корпусе 3."},
                                     headers=staff_auth(h))
        assert response.status == 200
    [copy] = h.session.of(CopyMessage)
    assert copy.chat_id == 1001 and copy.from_chat_id == ADMIN


# --- broadcasts -----------------------------------------------------------------------------
async def test_compose_preview_send_and_watch_a_broadcast(office: Harness) -> None:
    h = office
    await add_students(h, {2001: "tg", 2002: "ru", 2003: "en", 2004: "ru"}, topics=("news",))
    async with dashboard_client(h) as client:
        audiences = await (await client.get("/app/api/broadcasts/audiences", headers=staff_auth(h))).json()
        counts = {a["audience"]: a["total"] for a in audiences}
        assert counts["all"] == 4 and counts["topic:news"] == 4 and counts["lang:ru"] == 2 and counts["topic:deadlines"] == 0
        body = {"versions": {"tg": "Хабари нав <b>", "ru": "Новость & событие", "en": ""}, "audience": "topic:news"}
        preview = await (await client.post("/app/api/broadcasts/preview", json=body, headers=staff_auth(h))).json()
        assert preview["total"] == 4
        assert preview["previews"]["ru"]["html"] == "Новость &amp; событие"
        assert preview["previews"]["en"]["html"] == "Хабари нав &lt;b&gt;"  # the default language's version
        unsubscribe = h.app.locales["tg"]("bc-unsubscribe", topic=h.app.locales["tg"]("sub-topic-news"))
        assert preview["previews"]["tg"]["buttons"] == [[unsubscribe]]
        bad = await client.post("/app/api/broadcasts", json={"versions": {}, "audience": "everyone"}, headers=staff_auth(h))
        assert bad.status == 422 and {e["field"] for e in (await bad.json())["errors"]} == {"versions", "audience"}
        empty = await client.post("/app/api/broadcasts", json={**body, "audience": "topic:deadlines"}, headers=staff_auth(h))
        assert empty.status == 409

        response = await client.post("/app/api/broadcasts", json=body, headers=staff_auth(h))
        assert response.status == 201
        job = await response.json()
        assert job["status"] == "queued" and job["total"] == 4
        h.session.clear()
        await h.app.broadcasts.run_pending(h.bot)
        progress = await (await client.get(f"/app/api/broadcasts/{job['id']}", headers=staff_auth(h))).json()
        assert progress["status"] == "done" and progress["figures"]["sent"] == 4
        recent = await (await client.get("/app/api/broadcasts", headers=staff_auth(h))).json()
        assert recent[0]["id"] == job["id"]
    sent = {r.chat_id: r.text for r in h.session.of(SendMessage) if r.chat_id in (2001, 2002, 2003, 2004)}
    assert sent == {2001: "Хабари нав &lt;b&gt;", 2002: "Новость &amp; событие", 2003: "Хабари нав &lt;b&gt;",
                    2004: "Новость &amp; событие"}
    # The report reaches the staff member's chat with the bot too.
    assert any(r.chat_id == ADMIN for r in h.session.requests if hasattr(r, "chat_id"))


# --- statistics --------------------------------------------------------------------------------
async def test_an_unanswered_question_becomes_an_faq_entry(office: Harness) -> None:
    h = office
    question = "zorbulatek vexamine"
    await h.choose_language("en", user_id=1001)
    await h.send(question, user_id=1001)
    async with dashboard_client(h) as client:
        stats = await (await client.get("/app/api/stats", headers=staff_auth(h))).json()
        assert len(stats["days"]) == len(stats["new_users"]) == len(stats["inquiries"]) == 30
        assert stats["new_users"][-1] >= 1
        [missing] = [item for item in stats["not_found"] if item["query"] == question]
        assert missing["language"] == "en" and missing["faq"] is None
        faq = {"question": {"tg": "", "ru": "", "en": question},
               "answer": {"tg": "", "ru": "", "en": "The office answers this one."},
               "keywords": {"tg": [], "ru": [], "en": [question]}}
        response = await client.post("/app/api/kb/faq", json=faq, headers=staff_auth(h))
        assert response.status == 201
        faq_id = (await response.json())["id"]
        stats = await (await client.get("/app/api/stats", headers=staff_auth(h))).json()
        assert [item["faq"] for item in stats["not_found"] if item["query"] == question] == [faq_id]
    # The bot answers it now.
    requests = await h.send(question, user_id=1001)
    assert "The office answers this one." in "\n".join(texts(requests))


# --- the menu button -----------------------------------------------------------------------------
async def test_staff_get_the_dashboard_button_and_students_never_do(office: Harness) -> None:
    h = office
    await h.app.roles.add_staff(5005, "Staff", ADMIN)
    await h.dp.emit_startup(bot=h.bot)
    buttons = {r.chat_id: r.menu_button for r in h.session.of(SetChatMenuButton)}
    assert set(buttons) == {ADMIN, 5005}  # per chat: never the default button of everyone
    for button in buttons.values():
        assert isinstance(button, MenuButtonWebApp) and button.web_app.url == WEBAPP_URL
    assert buttons[ADMIN].text == h.app.locales["tg"]("dash-menu-button")
    # Added and removed in /staff: the button comes and goes with the role.
    h.session.clear()
    await h.choose_language("en", user_id=ADMIN)
    await h.press(StaffCB(action="add").pack(), user_id=ADMIN)
    await h.send("7002", user_id=ADMIN)
    [added] = h.session.of(SetChatMenuButton)
    assert added.chat_id == 7002 and isinstance(added.menu_button, MenuButtonWebApp)
    await h.press(StaffCB(action="rm", user=7002).pack(), user_id=ADMIN)
    removed = h.session.of(SetChatMenuButton)[-1]
    assert removed.chat_id == 7002 and isinstance(removed.menu_button, MenuButtonDefault)
    # A student's whole session sets no menu button.
    h.session.clear()
    await h.choose_language("ru", user_id=1001)
    await h.send("/menu", user_id=1001)
    assert h.session.of(SetChatMenuButton) == []


async def test_no_button_without_webapp_url(harness: Harness) -> None:
    await harness.dp.emit_startup(bot=harness.bot)
    assert harness.session.of(SetChatMenuButton) == []


def test_settings_of_the_dashboard() -> None:
    settings = load_settings(require_token=False, _env_file=None)
    assert (settings.web_host, settings.web_port, settings.webapp_url) == ("127.0.0.1", 8081, None)
    assert load_settings(require_token=False, _env_file=None, webapp_url="").webapp_url is None
    for bad in ("http://bot.example.org/app/", "bot.example.org/app/", "https:// x"):
        with pytest.raises(SettingsError, match="WEBAPP_URL"):
            load_settings(require_token=False, _env_file=None, webapp_url=bad)
    with pytest.raises(SettingsError, match="WEB_PORT"):
        load_settings(require_token=False, _env_file=None, webhook_url="https://bot.example.org", web_port=8080)


# --- python -m bot serves it ---------------------------------------------------------------------
async def _get(url: str, headers: dict[str, str] | None = None, timeout: float = 30) -> tuple[int, str]:
    deadline = asyncio.get_running_loop().time() + timeout
    async with ClientSession() as http:
        while True:
            try:
                async with http.get(url, headers=headers) as response:
                    return response.status, await response.text()
            except OSError:
                if asyncio.get_running_loop().time() > deadline:
                    raise
                await asyncio.sleep(0.2)


@pytest.mark.e2e
@pytest.mark.parametrize("mode", ["polling", "webhook"])
async def test_python_m_bot_serves_the_dashboard(tmp_path: Path, mode: str) -> None:
    api = FakeBotAPI()
    await api.start()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_", "WEB_", "WEBAPP_"))}
    env.update({"BOT_TOKEN": api.token, "TELEGRAM_API_BASE": api.base_url, "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
                "DATA_DIR": str(ROOT / "data"), "PYTHONPATH": str(ROOT), "ADMIN_IDS": str(ADMIN),
                "WEB_PORT": str(port), "WEBAPP_URL": WEBAPP_URL})
    if mode == "webhook":
        env.update({"WEBHOOK_URL": "https://bot.example.org", "WEBHOOK_PORT": str(free_port())})
    process = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", cwd=tmp_path, env=env,
                                                   stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    try:
        status, page = await _get(f"http://127.0.0.1:{port}/app/")
        assert status == 200 and "telegram-web-app.js" in page
        assert (await _get(f"http://127.0.0.1:{port}/app/api/me"))[0] == 401
        import time

        signed = sign_init_data(ADMIN, auth_date=int(time.time()), token=api.token)
        status, body = await _get(f"http://127.0.0.1:{port}/app/api/me", auth(signed))
        assert status == 200 and '"role": "admin"' in body
        button = await api.wait_for(lambda c: c.method == "setchatmenubutton", timeout=30)
        assert int(button.params["chat_id"]) == ADMIN and button.params["menu_button"]["web_app"]["url"] == WEBAPP_URL
    finally:
        process.terminate()
        await asyncio.wait_for(process.wait(), 30)
        assert process.stderr is not None
        log = (await process.stderr.read()).decode(errors="replace")
        await api.stop()
    assert "Traceback" not in log, log
    assert api.token.split(":")[1] not in log
