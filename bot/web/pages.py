"""The page at /app/, its static files, and ``GET /app/api/me``.

The page is the same for everyone and holds nothing secret: Telegram opens it with the
signed initData in the URL fragment (never sent to the server) or in ``Telegram.WebApp``,
and the page sends that with every API request. Its texts come from locales/*/dashboard.ftl
(all three languages, so it switches to the staff member's language once ``/me`` answers),
rendered here in the language the request suggests.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
from pathlib import Path

from aiohttp import web

from bot.i18n import LANGUAGE_FLAGS, LANGUAGE_NAMES, Locales, guess_language
from bot.inquiries.store import TOPICS
from bot.kb.models import LANGUAGES
from bot.services.subscriptions import TOPIC_KEYS
from bot.web.server import context, staff_of

STATIC = Path(__file__).with_name("static")
SCRIPTS = ("core.js", "kb_form.js", "kb_errors.js", "kb.js", "kb_actions.js", "inbox.js", "broadcasts.js", "stats.js", "main.js")
TELEGRAM_JS = "https://telegram.org/js/telegram-web-app.js"
# Variables the page fills in itself ({count} ...): the messages are sent with these as text.
PLACEHOLDERS = ("count", "done", "total", "name", "id", "limit", "refs", "language", "when", "days", "hours", "minutes")
# The students' names of the inquiry topics and subscription topics, shown as they see them.
SHARED_KEYS = tuple(f"ask-topic-{topic}" for topic in TOPICS) + tuple(TOPIC_KEYS.values())
# Scripts only from here and Telegram, no inline code, no eval. Inline styles are allowed:
# telegram-web-app.js puts web.telegram.org's styles in a <style> element when in its iframe.
CSP = ("default-src 'none'; script-src 'self' https://telegram.org; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'")


@functools.cache
def _version() -> str:
    digest = hashlib.sha256()
    for path in sorted(STATIC.iterdir()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def page_texts(locales: Locales) -> dict[str, dict[str, str]]:
    args = {name: "{" + name + "}" for name in PLACEHOLDERS}
    out = {}
    for lang in LANGUAGES:
        t = locales[lang]
        keys = sorted(key for key in t.keys if key.startswith("dash-")) + list(SHARED_KEYS)
        out[lang] = {key: t(key, **args) for key in keys}
    return out


def render_page(locales: Locales, lang: str, office_tz: str) -> str:
    texts = page_texts(locales)
    t = texts[lang]

    def text(key: str) -> str:
        return html.escape(t.get(key, key))

    # JSON inside <script>: "<" escaped, so no text can close the element.
    data = json.dumps({"texts": texts, "languages": {code: {"name": LANGUAGE_NAMES[code], "flag": LANGUAGE_FLAGS[code]}
                                                      for code in LANGUAGES}},
                      ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    version = _version()
    scripts = "\n".join(f'<script src="/app/static/{name}?v={version}" defer></script>' for name in SCRIPTS)
    tabs = "".join(
        f'<button type="button" class="tab" role="tab" data-tab="{name}" data-i18n="dash-tab-{name}">'
        f'{text("dash-tab-" + name)}</button>'
        for name in ("kb", "inquiries", "broadcasts", "stats")
    )
    return f"""<!doctype html>
<html lang="{lang}" data-tz="{html.escape(office_tz)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="color-scheme" content="light dark">
<title>{text("dash-title")}</title>
<script src="{TELEGRAM_JS}"></script>
<link rel="stylesheet" href="/app/static/app.css?v={version}">
<script id="dash-data" type="application/json">{data}</script>
{scripts}
</head>
<body>
<div id="app" class="app" data-state="loading">
<header class="top">
<h1 data-i18n="dash-title">{text("dash-title")}</h1>
<span id="who" class="who"></span>
</header>
<nav class="tabs" role="tablist" hidden>{tabs}</nav>
<p id="notice" class="notice" role="status" aria-live="polite" data-i18n="dash-loading">{text("dash-loading")}</p>
<main id="panels">
<section id="tab-kb" class="panel" role="tabpanel" hidden></section>
<section id="tab-inquiries" class="panel" role="tabpanel" hidden></section>
<section id="tab-broadcasts" class="panel" role="tabpanel" hidden></section>
<section id="tab-stats" class="panel" role="tabpanel" hidden></section>
</main>
</div>
</body>
</html>
"""


def _language(request: web.Request, default: str) -> str:
    asked = request.query.get("lang", "")
    if asked in LANGUAGES:
        return asked
    accept = request.headers.get("Accept-Language", "")
    first = accept.split(",")[0].split(";")[0].strip()
    return guess_language(first, default) if first else default


async def page(request: web.Request) -> web.Response:
    app = context(request).app
    body = render_page(app.locales, _language(request, app.settings.default_language), app.settings.office_tz)
    return web.Response(text=body, content_type="text/html", charset="utf-8",
                        headers={"Content-Security-Policy": CSP, "Cache-Control": "no-cache"})


async def to_page(request: web.Request) -> web.Response:
    raise web.HTTPPermanentRedirect("/app/")


async def me(request: web.Request) -> web.Response:
    staff = staff_of(request)
    return web.json_response({"id": staff.id, "role": staff.role, "language": staff.language})


def routes() -> list[web.AbstractRouteDef]:
    return [
        web.get("/app", to_page),
        web.get("/app/", page),
        web.get("/app/api/me", me),
        web.static("/app/static", STATIC, append_version=False),
    ]
