"""End to end: `python -m bot` as a process, over HTTP, against a fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from tests.support.fake_api import FakeBotAPI

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.e2e


async def start_bot(api: FakeBotAPI, tmp_path: Path, **env: str) -> asyncio.subprocess.Process:
    from tests.support.ports import free_port

    base_env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_", "REDIS_", "WEB_", "WEBAPP_"))}
    base_env.update({
        "WEB_PORT": str(free_port()),  # the dashboard's server: never a port another test holds
        "BOT_TOKEN": api.token,
        "TELEGRAM_API_BASE": api.base_url,
        "DATABASE_PATH": str(tmp_path / "e2e.sqlite3"),
        "DATA_DIR": str(ROOT / "data"),
        "PYTHONPATH": str(ROOT),
        **env,
    })
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=tmp_path, env=base_env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )


async def stop_bot(process: asyncio.subprocess.Process) -> str:
    if process.returncode is None:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 15)
        except asyncio.TimeoutError:
            process.kill()
            await process.wait()
    assert process.stderr is not None
    return (await process.stderr.read()).decode(errors="replace")


async def test_start_over_http(tmp_path: Path) -> None:
    api = FakeBotAPI()
    await api.start()
    process = await start_bot(api, tmp_path)
    try:
        api.push_message("/start", lang="ru")
        call = await api.wait_for(lambda c: c.method == "sendmessage", timeout=30)
        assert "выберите язык" in call.params["text"]
        api.push_callback("l:tg")
        call = await api.wait_for(lambda c: c.method == "sendmessage" and "Менюи асосӣ" in c.params["text"], timeout=15)
        assert call.params["reply_markup"]["inline_keyboard"]
        # Commands were registered for every language.
        langs = {c.params.get("language_code") for c in api.calls_of("setMyCommands")}
        assert {"tg", "ru", "en"} <= langs
    finally:
        log = await stop_bot(process)
        await api.stop()
    assert api.token.split(":")[1] not in log
    assert process.returncode in (0, -15), log


async def test_sigterm_lets_updates_in_progress_finish(tmp_path: Path) -> None:
    api = FakeBotAPI()
    await api.start()
    process = await start_bot(api, tmp_path)

    async def hook(method: str, params: dict) -> None:
        if method == "answercallbackquery":
            # The update is now being handled: stop the bot while it waits for Telegram.
            process.send_signal(15)
            await asyncio.sleep(1.5)
        return None

    try:
        api.push_message("/start", lang="en")
        await api.wait_for(lambda c: c.method == "sendmessage", timeout=30)
        api.push_callback("l:en")
        await api.wait_for(lambda c: c.method == "sendmessage" and "Main menu" in c.params["text"], timeout=15)
        api.hook = hook
        api.push_callback("m:contacts")
        # The handler's next step after the callback answer still happens.
        call = await api.wait_for(
            lambda c: c.method == "editmessagetext" and "+992 92 710 04 63" in c.params["text"], timeout=15
        )
        assert call.at > api.calls_of("answerCallbackQuery")[-1].at
        await asyncio.wait_for(process.wait(), 30)
    finally:
        log = await stop_bot(process)
        await api.stop()
    assert process.returncode in (0, -15), log
    assert "Traceback" not in log, log


async def run_check(api_base: str, token: str, tmp_path: Path) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "WEBHOOK_", "REDIS_"))}
    env.update({"BOT_TOKEN": token, "TELEGRAM_API_BASE": api_base, "DATABASE_PATH": str(tmp_path / "c.sqlite3"),
                "DATA_DIR": str(ROOT / "data"), "PYTHONPATH": str(ROOT)})
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "check", cwd=tmp_path, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT,
    )
    out, _ = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, out.decode()


async def test_check_command(tmp_path: Path) -> None:
    api = FakeBotAPI()
    await api.start()
    try:
        code, out = await run_check(api.base_url, api.token, tmp_path)
        assert code == 0 and "token ok" in out and "database ok" in out, out
        wrong = "123:" + "B" * 35
        code, out = await run_check(api.base_url, wrong, tmp_path)
        assert code == 1 and "refused" in out and "B" * 35 not in out, out
    finally:
        await api.stop()
    from tests.support.ports import free_port

    code, out = await run_check(f"http://127.0.0.1:{free_port()}", api.token, tmp_path)
    assert code == 1 and "unreachable" in out, out
