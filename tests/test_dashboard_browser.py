"""Issue 13 in a real browser: headless Chromium (Debian's ``chromium``) driven by Playwright.

The dashboard is opened as Telegram opens a Mini App (signed initData in the URL fragment),
a partner's Tajik name is edited and saved, and the bot's card, fed a real Update through the
production Dispatcher, shows the new name. Screenshots at 360 px and 1280 px go to
$ARTIFACTS_DIR (default tests/artifacts/).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest

from tests.support.harness import Harness, texts
from tests.support.webapp import dashboard_client, sign_init_data, staff_auth

try:
    from playwright.async_api import Page, async_playwright
except ImportError:  # pragma: no cover - the reason is given by the skip below
    async_playwright = None  # type: ignore[assignment]

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
ARTIFACTS = Path(os.environ.get("ARTIFACTS_DIR") or Path(__file__).parent / "artifacts")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(async_playwright is None,
                       reason="browser test skipped: the playwright package is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason=f"browser test skipped: Chromium not found at {CHROMIUM} "
                              "(apt-get install chromium, as .ci/run does; or set CHROMIUM=/path/to/chromium)"),
]


class Browser:
    """One Chromium with a fresh profile; pages whose every request is checked."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.outside: list[str] = []  # requests that left 127.0.0.1
        self.problems: list[str] = []  # page errors and console errors

    async def page(self, width: int, height: int) -> Page:
        page = await self.context.new_page()
        await page.set_viewport_size({"width": width, "height": height})

        async def route(route: Any) -> None:
            host = urlsplit(route.request.url).hostname
            if host in ("127.0.0.1", "localhost"):
                await route.continue_()
            else:
                # Telegram's script is the only thing from outside, and the page must work without it.
                self.outside.append(route.request.url)
                await route.abort()

        await page.route("**/*", route)
        page.on("pageerror", lambda error: self.problems.append(f"pageerror: {error}"))
        page.on("console", lambda message: self.problems.append(f"console: {message.text}")
                if message.type == "error" and "Failed to load resource" not in message.text else None)
        return page


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    assert async_playwright is not None
    with tempfile.TemporaryDirectory(prefix="dash-chromium-") as profile:
        async with async_playwright() as playwright:
            context = await playwright.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=FLAGS, locale="en-GB",
            )
            context.set_default_timeout(10_000)
            try:
                yield Browser(context)
            finally:
                await context.close()


def app_url(base: str, init_data: str) -> str:
    # As Telegram opens a Mini App: the signed data travels in the fragment, never to the server.
    return f"{base}#tgWebAppData={quote(init_data, safe='')}&tgWebAppVersion=7.10&tgWebAppPlatform=tdesktop"


async def shot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / name
    await page.screenshot(path=str(path), full_page=True)
    return path


async def test_edit_a_partners_tajik_name_in_the_browser_and_the_bot_shows_it(harness: Harness, browser: Browser) -> None:
    h = harness
    new_name = "Донишгоҳи Губкин — номи нав аз лавҳаи идора"
    async with dashboard_client(h) as client:
        base = str(client.server.make_url("/app/"))
        init_data = sign_init_data(9001, auth_date=int(h.app.clock()), language_code="ru", first_name="Зарина")
        page = await browser.page(1280, 900)
        await page.goto(app_url(base, init_data))
        # The staff member's language (from initData: ru) and the partner list.
        await page.wait_for_selector('.rec[data-id="gubkin"]')
        assert await page.inner_text(".tab[data-tab=kb]") == "База знаний"
        await page.click('.rec[data-id="gubkin"]')
        tajik = page.locator('[data-path="name.tg"]')
        await tajik.wait_for()
        await tajik.fill(new_name)
        # The live preview is the bot's own card, rendered by the bot's renderers.
        await page.click('.lang-switch [data-lang="tg"]')
        await page.wait_for_function(
            "name => document.querySelector('[data-preview]').textContent.includes(name)", arg=new_name)
        # A translation emptied is marked missing at once.
        await page.fill('[data-path="short_name.en"]', "")
        assert "missing" in (await page.get_attribute('label.lang:has([data-path="short_name.en"])', "class") or "")
        await page.fill('[data-path="short_name.en"]', "Gubkin University")
        await page.click('[data-action="save"]')
        await page.wait_for_selector('[data-action="save"][data-state="saved"]')
        wide = await shot(page, "dashboard-1280.png")

        await page.set_viewport_size({"width": 360, "height": 780})
        await page.wait_for_timeout(200)
        phone = await shot(page, "dashboard-360.png")
        await page.click(".kb-main .back")
        await page.wait_for_selector(".kb[data-view=list]")
        await shot(page, "dashboard-360-list.png")

    assert wide.stat().st_size > 10_000 and phone.stat().st_size > 5_000
    assert [url for url in browser.outside if "telegram.org/js/telegram-web-app.js" not in url] == []
    assert browser.problems == []
    # Saved through the editor's service: the audit log names the staff member.
    [entry] = await h.app.audit.entries(kind="institution", record_id="gubkin")
    assert entry.user_id == 9001 and entry.after["name"]["tg"] == new_name
    # The bot's card shows it, to a student who reads Tajik.
    await h.choose_language("tg", user_id=1001)
    requests = await h.send("/start partner-gubkin", user_id=1001, lang="tg")
    assert new_name in texts(requests)[-1]


async def test_the_page_shows_data_as_text_and_refuses_strangers(harness: Harness, browser: Browser) -> None:
    h = harness
    hostile = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
    async with dashboard_client(h) as client:
        record = await (await client.get("/app/api/kb/partners/gubkin", headers=staff_auth(h))).json()
        record["name"]["en"] = hostile
        response = await client.put("/app/api/kb/partners/gubkin", json=record, headers=staff_auth(h))
        assert response.status == 200
        base = str(client.server.make_url("/app/"))
        page = await browser.page(1280, 900)
        # Telegram's dark theme, as Telegram passes it: the page follows it.
        theme = quote('{"bg_color":"#17212b","secondary_bg_color":"#232e3c","text_color":"#f5f5f5"}', safe="")
        url = app_url(base, sign_init_data(9001, auth_date=int(h.app.clock()), language_code="en"))
        await page.goto(f"{url}&tgWebAppThemeParams={theme}")
        await page.wait_for_selector('.rec[data-id="gubkin"]')
        assert await page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(35, 46, 60)"
        assert await page.evaluate("() => getComputedStyle(document.body).color") == "rgb(245, 245, 245)"
        assert hostile in await page.inner_text('.rec[data-id="gubkin"]')
        await page.click('.rec[data-id="gubkin"]')
        await page.wait_for_function("() => document.querySelector('[data-preview]').textContent.includes('onerror')")
        await shot(page, "dashboard-1280-dark.png")
        assert await page.evaluate("() => window.__xss === undefined && !document.querySelector('.tg-message img, .tg-message script')")

        # Someone who is not staff, and no initData at all: a clear refusal, no data.
        stranger = await browser.page(360, 700)
        await stranger.goto(app_url(base, sign_init_data(555, auth_date=int(h.app.clock()), language_code="en")))
        await stranger.wait_for_selector(".app[data-state=fatal]")
        assert "only" in await stranger.inner_text("#notice") and not await stranger.is_visible(".tabs")
        outsider = await browser.page(360, 700)
        await outsider.goto(base)
        await outsider.wait_for_selector(".app[data-state=fatal]")
        assert "Telegram" in await outsider.inner_text("#notice")
    assert browser.problems == []


async def test_inquiries_broadcasts_and_statistics_in_the_browser(tmp_path: Path, browser: Browser) -> None:
    from tests.support.broadcasting import add_students
    from tests.support.inquiries import STAFF_CHAT, ask, last_inquiry, patch_session, seeded_settings

    settings = await seeded_settings(tmp_path, staff_chat_id=STAFF_CHAT, admin_ids=[9001])
    h = await Harness.create(settings)
    patch_session(h)
    try:
        await h.choose_language("tg", user_id=1001)
        await ask(h, topic="visa", question="Барои тамдиди раводид кадом ҳуҷҷатҳо лозиманд?")
        await h.app.inquiries.deliver_pending(h.bot)
        number = (await last_inquiry(h, 1001))["id"]
        await add_students(h, {2001: "tg", 2002: "ru", 2003: "en"}, topics=("news",))
        await h.send("zorbulatek vexamine", user_id=1001, lang="tg")
        async with dashboard_client(h) as client:
            base = str(client.server.make_url("/app/"))
            page = await browser.page(1280, 900)
            await page.goto(app_url(base, sign_init_data(9001, auth_date=int(h.app.clock()), language_code="tg")))
            await page.wait_for_selector('.rec[data-id="gubkin"]')

            # Inquiries: read the thread, answer; the student gets it.
            await page.click(".tab[data-tab=inquiries]")
            await page.click(f'.inq[data-id="{number}"]')
            await page.wait_for_selector(".bubble.student")
            await page.fill('[data-field="answer"]', "Шиноснома ва аризаро биёред.")
            await page.click('[data-action="answer"]')
            await page.wait_for_selector(".bubble.staff")
            await shot(page, "dashboard-inquiries-1280.png")
            assert (await last_inquiry(h, 1001))["status"] == "answered"

            # Broadcasts: compose, live counts, preview.
            await page.click(".tab[data-tab=broadcasts]")
            await page.wait_for_selector('[data-field="audience"] option', state="attached")
            await page.fill('textarea[data-lang="tg"]', "Озмуни нав кушода шуд!")
            await page.fill('textarea[data-lang="ru"]', "Открыт новый конкурс!")
            await page.click('[data-action="bc-preview"]')
            await page.wait_for_selector(".tg-message")
            assert "Открыт новый конкурс!" in await page.inner_text("#tab-broadcasts")
            await shot(page, "dashboard-broadcasts-1280.png")

            # Statistics: the unanswered question becomes a prefilled FAQ entry in one click.
            await page.set_viewport_size({"width": 360, "height": 780})
            await page.click(".tab[data-tab=stats]")
            await page.wait_for_selector('[data-query="zorbulatek vexamine"] [data-action="make-faq"]')
            await shot(page, "dashboard-stats-360.png")
            await page.click('[data-query="zorbulatek vexamine"] [data-action="make-faq"]')
            question = page.locator('[data-path="question.en"]')
            await question.wait_for()
            assert await question.input_value() == "zorbulatek vexamine"
            await page.fill('[data-path="answer.en"]', "Ask the office: it answers this one.")
            await page.click('[data-action="save"]')
            await page.wait_for_selector('[data-action="save"][data-state="saved"]')
        assert browser.problems == []
        requests = await h.send("zorbulatek vexamine", user_id=1001, lang="tg")
        assert "Ask the office: it answers this one." in "\n".join(texts(requests))
    finally:
        await h.close()
