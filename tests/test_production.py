"""Issue 8: webhook secret, flood control, the error handler, start-up backoff."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery, SendMessage, SetWebhook
from aiogram.methods import SetMyCommands
from aiohttp import ClientSession, web

from bot.webhook import build_webhook_app, register_webhook, webhook_secret, webhook_url
from tests.support.harness import FakeClock, Harness, make_settings, texts


# --- webhook ---------------------------------------------------------------------------
async def serve(harness: Harness) -> tuple[web.AppRunner, str]:
    app = build_webhook_app(harness.dp, harness.bot, harness.app.settings)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    return runner, f"http://127.0.0.1:{port}"


async def test_webhook_rejects_requests_without_the_secret(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, webhook_url="https://bot.example.org", webhook_secret="")
    harness = await Harness.create(settings)
    runner, base = await serve(harness)
    update = harness.updates.message("/start", lang="ru").model_dump(mode="json", exclude_none=True)
    secret = webhook_secret(settings)
    try:
        async with ClientSession() as http:
            async with http.post(base + settings.webhook_path, json=update) as response:
                assert response.status == 401
            async with http.post(base + settings.webhook_path, json=update,
                                 headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"}) as response:
                assert response.status == 401
            # Start-up registered the command menus; no update reached a handler.
            assert [r for r in harness.session.requests if not isinstance(r, SetMyCommands)] == []
            async with http.post(base + settings.webhook_path, json=update,
                                 headers={"X-Telegram-Bot-Api-Secret-Token": secret}) as response:
                assert response.status == 200
            async with http.get(base + "/healthz") as response:
                assert response.status == 200
        assert "выберите язык" in texts(harness.session.requests)[-1]
        await register_webhook(harness.dp, harness.bot, settings)
        registered = harness.session.of(SetWebhook)[-1]
        assert registered.secret_token == secret and len(secret) >= 32
        assert registered.url == "https://bot.example.org/telegram/webhook"
        assert settings.bot_token.get_secret_value() not in secret
    finally:
        await runner.cleanup()
        await harness.close()


def test_webhook_url_joins_path(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, webhook_url="https://x.org/telegram/webhook/", webhook_secret="s3cr3t")
    assert webhook_url(settings) == "https://x.org/telegram/webhook"
    assert webhook_secret(settings) == "s3cr3t"


# --- flood control -------------------------------------------------------------------------
async def test_flood_is_throttled_with_one_warning_and_others_unaffected(tmp_path: Path) -> None:
    harness = await Harness.create(make_settings(tmp_path, throttle_burst=5, throttle_rate=0.5))
    try:
        t = harness.app.locales["ru"]
        answers = []
        for _ in range(30):
            answers.append(texts(await harness.send("/menu", user_id=1, lang="ru")))
        served = [a for a in answers if a == [t("main-menu-text")]]
        warned = [a for a in answers if a == [t("throttled")]]
        assert len(served) in (5, 6)  # the burst (plus at most one token refilled meanwhile)
        assert len(warned) == 1
        assert all(a == [] for a in answers if a not in served and a not in warned)
        # Another student is not affected.
        assert texts(await harness.send("/menu", user_id=2, lang="ru")) == [t("main-menu-text")]
        # A throttled button press still gets its spinner stopped.
        requests = await harness.press("m:about", user_id=1, lang="ru")
        assert [type(r) for r in requests] == [AnswerCallbackQuery]
    finally:
        await harness.close()


# --- errors ----------------------------------------------------------------------------------
@pytest.mark.expect_errors
@pytest.mark.parametrize("lang", ["tg", "ru", "en"])
async def test_error_is_logged_and_user_told(harness: Harness, lang: str, error_log: list[logging.LogRecord]) -> None:
    await harness.choose_language(lang, user_id=77)
    failed = []

    def boom(method):  # type: ignore[no-untyped-def]
        # A bug in a handler, not a Telegram answer: on_error must still tell the user.
        if isinstance(method, SendMessage) and "+992" in method.text and not failed:
            failed.append(method)
            raise RuntimeError("database on fire")

    harness.session.on_request(boom)
    requests = await harness.send("/contacts", user_id=77)
    assert failed
    assert texts(requests)[-1] == harness.app.locales[lang]("error-generic")
    [record] = error_log
    assert "user=77" in record.getMessage() and "update id=" in record.getMessage()
    assert record.exc_info is not None


async def test_start_up_waits_for_an_unreachable_api(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from aiogram.exceptions import TelegramNetworkError
    from aiogram.methods import GetMe

    from bot import reachable as runner

    sleeps: list[float] = []

    async def no_sleep(seconds: float) -> None:
        sleeps.append(seconds)

    monkeypatch.setattr(runner.asyncio, "sleep", no_sleep)
    calls = []

    async def flaky() -> str:
        calls.append(1)
        if len(calls) < 4:
            raise TelegramNetworkError(method=GetMe(), message="Cannot connect")
        return "ok"

    assert await runner.until_reachable(flaky, make_settings(tmp_path)) == "ok"
    assert sleeps == [1.0, 2.0, 4.0]
