"""Issue 13, the dashboard's API: who may call it, and the knowledge base through it.

Authentication is Telegram's Mini App initData, signed here as Telegram signs it
(tests/support/webapp.py); saving goes through the /edit console's service, and the bot's own
cards (real Updates through the production Dispatcher) show the change.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from aiohttp import web

from bot.web import build_web_app
from bot.web.auth import MAX_AGE
from bot.views.staff import StaffCB
from tests.support.harness import Harness, texts
from tests.support.session import BOT_ID
from tests.support.webapp import auth, dashboard_client, sign_init_data, staff_auth

ADMIN = 9001
STAFF = 5005
STUDENT = 1001
KINDS = ("partners", "countries", "events", "mobility", "openings", "projects", "faq", "contacts", "office")


def api_routes(h: Harness) -> list[tuple[str, str]]:
    """(method, path) of every API route, with sample values for its placeholders."""
    app = build_web_app(h.app, h.bot)
    out = []
    for route in app.router.routes():
        info = route.resource.get_info() if route.resource is not None else {}
        path = info.get("path") or info.get("formatter") or ""
        if route.method == "HEAD" or not path.startswith("/app/api/"):
            continue
        out.append((route.method, path.replace("{kind}", "partners").replace("{id}", "1")))
    return out


# --- authentication -------------------------------------------------------------------------
async def test_me_says_who_and_in_which_language(harness: Harness) -> None:
    h = harness
    await h.app.roles.add_staff(STAFF, "Staff Member", ADMIN)
    await h.choose_language("tg", user_id=STAFF)
    async with dashboard_client(h) as client:
        response = await client.get("/app/api/me", headers=staff_auth(h, ADMIN, language_code="ru"))
        assert response.status == 200
        assert await response.json() == {"id": ADMIN, "role": "admin", "language": "ru"}
        response = await client.get("/app/api/me", headers=staff_auth(h, STAFF, language_code="en"))
        # The language chosen in the bot wins over Telegram's.
        assert await response.json() == {"id": STAFF, "role": "staff", "language": "tg"}
        assert response.headers["Cache-Control"] == "no-store"


async def test_missing_forged_stale_and_other_bots_initdata_get_401(harness: Harness) -> None:
    h = harness
    now = int(h.app.clock())
    good = sign_init_data(ADMIN, auth_date=now)
    forged_user = good.replace(f"%22id%22%3A{ADMIN}", "%22id%22%3A9002")
    assert forged_user != good
    bad_hash = re.sub(r"hash=[0-9a-f]{4}", "hash=0000", good)
    cases = {
        "no header": {},
        "another scheme": {"Authorization": f"Bearer {good}"},
        "empty": {"Authorization": "tma "},
        "not a query string": {"Authorization": "tma %%%"},
        "forged user": auth(forged_user),
        "forged hash": auth(bad_hash),
        "no hash": auth(re.sub(r"&?hash=[0-9a-f]+", "", good)),
        "other bot": auth(sign_init_data(ADMIN, auth_date=now, token=f"{BOT_ID + 1}:AAEanotherBOTanotherBOTanotherBOT1")),
        "stale": auth(sign_init_data(ADMIN, auth_date=now - MAX_AGE - 1)),
        "from the future": auth(sign_init_data(ADMIN, auth_date=now + 3600)),
        "duplicate field": auth(good + "&auth_date=" + str(now)),
    }
    async with dashboard_client(h) as client:
        for name, headers in cases.items():
            response = await client.get("/app/api/me", headers=headers)
            assert response.status == 401, name
            assert response.headers.get("WWW-Authenticate") == "tma", name
            assert "id" not in await response.json(), name
        # A day old at most: exactly 24 h still passes.
        response = await client.get("/app/api/me", headers=auth(sign_init_data(ADMIN, auth_date=now - MAX_AGE)))
        assert response.status == 200


async def test_every_api_route_checks_signature_and_role(harness: Harness) -> None:
    h = harness
    routes = api_routes(h)
    assert len(routes) >= 20
    async with dashboard_client(h) as client:
        for method, path in routes:
            response = await client.request(method, path, json={})
            assert response.status == 401, (method, path)
            response = await client.request(method, path, json={}, headers=staff_auth(h, STUDENT))
            assert response.status == 403, (method, path)
            assert await response.json() == {"error": "forbidden"}
    # Nothing was changed by any of them.
    assert await h.app.audit.entries() == []


async def test_a_removed_staff_member_loses_access_at_once(harness: Harness) -> None:
    h = harness
    await h.choose_language("en", user_id=ADMIN)
    await h.app.roles.add_staff(STAFF, "Staff Member", ADMIN)
    async with dashboard_client(h) as client:
        headers = staff_auth(h, STAFF)
        assert (await client.get("/app/api/kb/partners", headers=headers)).status == 200
        # The admin removes them in the bot (/staff → 🗑), a real Update through the Dispatcher.
        await h.press(StaffCB(action="rm", user=STAFF).pack(), user_id=ADMIN)
        assert not await h.app.roles.is_staff(STAFF)
        # The same, still valid initData: refused on the very next request.
        assert (await client.get("/app/api/kb/partners", headers=headers)).status == 403
        record = await (await client.get("/app/api/kb/partners/gubkin", headers=staff_auth(h))).json()
        assert (await client.put("/app/api/kb/partners/gubkin", json=record, headers=headers)).status == 403


# --- the knowledge base -------------------------------------------------------------------------
async def test_every_kind_is_listed_in_the_import_shape(harness: Harness) -> None:
    h = harness
    async with dashboard_client(h) as client:
        partners = await (await client.get("/app/api/kb/partners", headers=staff_auth(h))).json()
        assert isinstance(partners, list) and len(partners) == len(h.app.kb.snapshot.institutions)
        for partner in partners:
            assert set(partner["name"]) == {"tg", "ru", "en"}
            assert {"id", "country", "kind", "city", "short_name", "cooperation", "synonyms", "order"} <= set(partner)
        for kind in KINDS:
            response = await client.get(f"/app/api/kb/{kind}", headers=staff_auth(h))
            assert response.status == 200, kind
            assert await response.json(), kind
        assert (await client.get("/app/api/kb/unicorns", headers=staff_auth(h))).status == 404
        schema = await (await client.get("/app/api/kb", headers=staff_auth(h))).json()
        assert [k["kind"] for k in schema["kinds"]] == list(KINDS)


async def get_record(client: Any, h: Harness, kind: str, record_id: str) -> tuple[dict[str, Any], str]:
    response = await client.get(f"/app/api/kb/{kind}/{record_id}", headers=staff_auth(h))
    assert response.status == 200
    return await response.json(), response.headers["ETag"]


async def test_a_saved_partner_is_served_by_the_bot_at_once(harness: Harness) -> None:
    h = harness
    async with dashboard_client(h) as client:
        record, etag = await get_record(client, h, "partners", "gubkin")
        record["name"]["tg"] = "Донишгоҳи Губкин (Қӯрғонтеппа)"
        record["synonyms"]["en"].append("Zyxtabulon")
        response = await client.put("/app/api/kb/partners/gubkin", json=record,
                                    headers={**staff_auth(h), "If-Match": etag})
        assert response.status == 200
        body = await response.json()
        assert body["action"] == "change" and body["rev"] != etag
    # Through the /edit console's service: one audit row naming the staff member.
    [entry] = await h.app.audit.entries(kind="institution", record_id="gubkin")
    assert entry.user_id == ADMIN and entry.action == "change"
    assert entry.before["name"]["tg"] != entry.after["name"]["tg"] == "Донишгоҳи Губкин (Қӯрғонтеппа)"
    # The bot's card (a real Update) and its search (the index follows kb.on_change).
    await h.choose_language("tg", user_id=STUDENT)
    requests = await h.send("/start partner-gubkin", user_id=STUDENT, lang="tg")
    assert "Донишгоҳи Губкин (Қӯрғонтеппа)" in texts(requests)[-1]
    assert (await h.app.search.search("zyxtabulon")).payloads[:1] == ["partner-gubkin"]


async def test_invalid_records_get_422_per_field_and_language_and_nothing_is_saved(harness: Harness) -> None:
    h = harness
    before = await h.app.kb_editor.stored("institution", "gubkin")
    async with dashboard_client(h) as client:
        record, _ = await get_record(client, h, "partners", "gubkin")
        bad = json.loads(json.dumps(record))
        bad["name"]["en"] = "A valid new English name"  # a good change beside the bad ones
        bad["name"]["tg"] = 42
        bad["name"]["ru"] = "Я" * 301
        bad["order"] = "first"
        bad["colour"] = "blue"
        response = await client.put("/app/api/kb/partners/gubkin", json=bad, headers=staff_auth(h))
        assert response.status == 422
        errors = (await response.json())["errors"]
        found = {(e["field"], e["language"], e["code"]) for e in errors}
        assert ("name", "tg", "string_type") in found
        assert ("name", "ru", "too_long") in found
        assert ("order", None, "int_parsing") in found
        assert ("colour", None, "extra_forbidden") in found
        # A valid record that points at nothing: refused by the same reference check as kb import.
        dangling = json.loads(json.dumps(record))
        dangling["name"]["en"] = "A valid new English name"
        dangling["country"] = "zz"
        response = await client.put("/app/api/kb/partners/gubkin", json=dangling, headers=staff_auth(h))
        assert response.status == 422
        [error] = (await response.json())["errors"]
        assert (error["field"], error["code"]) == ("country", "unknown_reference")
        # No text in any language; a renamed id.
        empty = {**record, "name": {"tg": "", "ru": " ", "en": ""}}
        response = await client.put("/app/api/kb/partners/gubkin", json=empty, headers=staff_auth(h))
        assert [(e["field"], e["language"]) for e in (await response.json())["errors"]] == [("name", None)]
        renamed = {**record, "id": "gubkin-2"}
        response = await client.put("/app/api/kb/partners/gubkin", json=renamed, headers=staff_auth(h))
        assert response.status == 422 and (await response.json())["errors"][0]["field"] == "id"
        # Not JSON, not an object, too big.
        response = await client.put("/app/api/kb/partners/gubkin", data=b"{nope", headers=staff_auth(h))
        assert response.status == 400
        response = await client.put("/app/api/kb/partners/gubkin", json=[record], headers=staff_auth(h))
        assert response.status == 422
        huge = {**record, "cooperation": {"tg": "x" * 300_000, "ru": "", "en": ""}}
        response = await client.put("/app/api/kb/partners/gubkin", json=huge, headers=staff_auth(h))
        assert response.status == 413
    # All or nothing: not one of those requests changed anything.
    assert await h.app.kb_editor.stored("institution", "gubkin") == before
    assert h.app.kb.snapshot.institutions["gubkin"].name.en != "A valid new English name"
    assert await h.app.audit.entries() == []


async def test_a_record_changed_meanwhile_is_not_overwritten(harness: Harness) -> None:
    h = harness
    async with dashboard_client(h) as client:
        mine, etag = await get_record(client, h, "partners", "misis")
        theirs = json.loads(json.dumps(mine))
        theirs["name"]["en"] = "Their change"
        assert (await client.put("/app/api/kb/partners/misis", json=theirs, headers=staff_auth(h))).status == 200
        mine["name"]["en"] = "My change"
        response = await client.put("/app/api/kb/partners/misis", json=mine, headers={**staff_auth(h), "If-Match": etag})
        assert response.status == 409
        # Saved as it is: no new audit row.
        current, _ = await get_record(client, h, "partners", "misis")
        response = await client.put("/app/api/kb/partners/misis", json=current, headers=staff_auth(h))
        assert (await response.json())["action"] == "none"
    assert h.app.kb.snapshot.institutions["misis"].name.en == "Their change"
    assert len(await h.app.audit.entries(record_id="misis")) == 1


async def test_add_and_remove_records(harness: Harness) -> None:
    h = harness
    new = {"country": "ru", "name": {"tg": "Донишгоҳи нав", "ru": "Новый университет", "en": "Brand New University"}}
    async with dashboard_client(h) as client:
        response = await client.post("/app/api/kb/partners", json=new, headers=staff_auth(h))
        assert response.status == 201
        body = await response.json()
        assert body["id"] == "brand-new-university" and body["action"] == "add"
        assert (await client.post("/app/api/kb/partners", json={**new, "id": body["id"]}, headers=staff_auth(h))).status == 409
        await h.choose_language("ru", user_id=STUDENT)
        assert "Новый университет" in texts(await h.send("/start partner-brand-new-university", user_id=STUDENT))[-1]
        # A partner that news items point to cannot be removed; this one can.
        response = await client.delete("/app/api/kb/partners/ufa-petroleum", headers=staff_auth(h))
        assert response.status == 422
        [error] = (await response.json())["errors"][:1]
        assert error["code"] == "referenced" and error["by"]["kind"] in ("events", "mobility", "openings", "projects")
        assert (await client.delete("/app/api/kb/partners/brand-new-university", headers=staff_auth(h))).status == 200
        assert (await client.delete("/app/api/kb/partners/brand-new-university", headers=staff_auth(h))).status == 404
        assert (await client.delete("/app/api/kb/office/main", headers=staff_auth(h))).status == 405
    assert "brand-new-university" not in h.app.kb.snapshot.institutions
    assert "ufa-petroleum" in h.app.kb.snapshot.institutions
    assert [e.action for e in await h.app.audit.entries(kind="institution")] == ["remove", "add"]


@pytest.mark.parametrize("kind", KINDS)
async def test_every_kind_saves_a_text_change(harness: Harness, kind: str) -> None:
    h = harness
    async with dashboard_client(h) as client:
        [first, *_] = await (await client.get(f"/app/api/kb/{kind}", headers=staff_auth(h))).json()
        key = first.get("id") or first.get("code") or "main"
        field = next(name for name, value in first.items()
                     if isinstance(value, dict) and set(value) == {"tg", "ru", "en"} and isinstance(value["en"], str))
        first[field]["tg"] = "Матни нав бо ҳарфҳои ғ, ӣ, қ, ӯ, ҳ, ҷ"
        response = await client.put(f"/app/api/kb/{kind}/{key}", json=first, headers=staff_auth(h))
        assert response.status == 200, await response.text()
        assert (await response.json())["action"] == "change"
        saved, _ = await get_record(client, h, kind, key)
        assert saved[field]["tg"] == "Матни нав бо ҳарфҳои ғ, ӣ, қ, ӯ, ҳ, ҷ"


async def test_preview_renders_the_students_card_of_an_unsaved_record(harness: Harness) -> None:
    h = harness
    before = await h.app.kb_editor.stored("institution", "gubkin")
    async with dashboard_client(h) as client:
        record, _ = await get_record(client, h, "partners", "gubkin")
        record["name"]["tg"] = "Пешнамоиш <b>&</b>"
        response = await client.post("/app/api/kb-preview/partners", json={"record": record, "lang": "tg"},
                                     headers=staff_auth(h))
        preview = await response.json()
        assert preview["card"] and preview["lang"] == "tg"
        assert "Пешнамоиш &lt;b&gt;&amp;&lt;/b&gt;" in preview["html"]  # escaped by the bot's renderer
        assert any("Менюи асосӣ" in label for row in preview["buttons"] for label in row)
        # A new record (no id yet) previews too; an invalid one says why.
        new = {"country": "ru", "name": {"tg": "", "ru": "", "en": "Not Saved University"}}
        preview = await (await client.post("/app/api/kb-preview/partners", json={"record": new, "lang": "en"},
                                            headers=staff_auth(h))).json()
        assert "Not Saved University" in preview["html"]
        response = await client.post("/app/api/kb-preview/partners", json={"record": {"country": "ru"}},
                                     headers=staff_auth(h))
        assert response.status == 422
    assert await h.app.kb_editor.stored("institution", "gubkin") == before
    assert "not-saved-university" not in h.app.kb.snapshot.institutions


async def test_missing_and_stale_translations(harness: Harness) -> None:
    h = harness
    async with dashboard_client(h) as client:
        async def status() -> dict[str, Any]:
            return (await (await client.get("/app/api/kb-status/partners", headers=staff_auth(h))).json())["gubkin"]

        assert (await status())["stale"] == {} and (await status())["missing"] == {}
        record, _ = await get_record(client, h, "partners", "gubkin")
        record["name"]["ru"] = "Губкинский университет (новое название)"
        record["short_name"]["en"] = ""
        await client.put("/app/api/kb/partners/gubkin", json=record, headers=staff_auth(h))
        state = await status()
        assert state["stale"] == {"name": ["tg", "en"]}
        assert state["missing"] == {"short_name": ["en"]}
        # Bringing Tajik up to date clears it; English is still to check.
        record["name"]["tg"] = "Донишгоҳи Губкин (номи нав)"
        await client.put("/app/api/kb/partners/gubkin", json=record, headers=staff_auth(h))
        assert (await status())["stale"] == {"name": ["en"]}


async def test_the_page_holds_no_secret_and_loads_nothing_from_elsewhere(harness: Harness) -> None:
    h = harness
    token = h.app.settings.bot_token.get_secret_value()
    async with dashboard_client(h) as client:
        response = await client.get("/app/", headers={"Accept-Language": "ru-RU,ru;q=0.9"})
        assert response.status == 200
        page = await response.text()
        csp = response.headers["Content-Security-Policy"]
        [scripts] = [part.strip() for part in csp.split(";") if part.strip().startswith("script-src")]
        assert scripts == "script-src 'self' https://telegram.org" and "default-src 'none'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert token not in page and token.split(":")[1] not in page
        assert '<html lang="ru"' in page
        assert '<script src="https://telegram.org/js/telegram-web-app.js"></script>' in page
        for lang in ("tg", "ru", "en"):
            assert h.app.locales[lang]("dash-title") in page
        sources = re.findall(r'(?:src|href)="([^"]+)"', page)
        assert [s for s in sources if not s.startswith("/app/static/")] == ["https://telegram.org/js/telegram-web-app.js"]
        for source in sources[1:]:
            assert (await client.get(source)).status == 200, source
        # The one inline <script> is data, not code.
        assert re.findall(r"<script(?![^>]*src=)[^>]*>", page) == ['<script id="dash-data" type="application/json">']
        assert (await client.get("/app", allow_redirects=False)).status == 308


def test_the_web_modules_stay_small() -> None:
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "bot" / "web"
    for path in [*root.glob("*.py"), *(root / "static").glob("*")]:
        assert len(path.read_text(encoding="utf-8").splitlines()) < 250, path


def test_page_texts_use_only_the_variables_the_page_fills_in() -> None:
    from pathlib import Path

    from bot.web.pages import PLACEHOLDERS

    for lang in ("tg", "ru", "en"):
        source = (Path(__file__).resolve().parents[1] / "locales" / lang / "dashboard.ftl").read_text(encoding="utf-8")
        used = set(re.findall(r"\{\s*\$([a-z_-]+)", source))
        assert used <= set(PLACEHOLDERS), used - set(PLACEHOLDERS)
        assert "<" not in source.replace("<b>", ""), "dashboard texts are plain text"


async def test_the_app_is_an_aiohttp_application(harness: Harness) -> None:
    assert isinstance(build_web_app(harness.app, harness.bot), web.Application)
