"""Issue 8: /privacy says what is stored; /forget erases it after confirmation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import LANGS
from tests.support.harness import Harness, button_data, texts
from tests.support.inquiries import STAFF_CHAT, ask, patch_session, seeded_settings


@pytest.mark.parametrize("lang", LANGS)
async def test_privacy_text(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    requests = await harness.send("/privacy")
    assert texts(requests)[-1] == harness.app.locales[lang]("privacy-text")
    assert "fg:0" in button_data(requests[-1].reply_markup, "fg:")


@pytest.mark.parametrize("lang", LANGS)
async def test_forget_erases_personal_data_keeps_anonymous_text(tmp_path: Path, lang: str) -> None:
    settings = await seeded_settings(tmp_path, staff_chat_id=STAFF_CHAT)
    h = await Harness.create(settings)
    patch_session(h)
    try:
        user = 4321
        await h.choose_language(lang, user_id=user)
        await h.app.db.execute("INSERT INTO subscriptions (user_id, topic, created_at) VALUES (?, 'news', 0)", (user,))
        await ask(h, user_id=user, first_name="Zarina", username="zarina", question="Visa question?", phone=True)
        row = await h.app.db.fetchone("SELECT * FROM inquiries WHERE user_id = ?", (user,))
        assert row["first_name"] and row["phone"]

        # Asking is not enough: nothing is deleted before the confirmation.
        requests = await h.send("/forget", user_id=user)
        assert "fg:1" in button_data(requests[-1].reply_markup, "fg:")
        assert await h.app.db.fetchval("SELECT count(*) FROM users WHERE id = ?", (user,)) == 1

        requests = await h.press("fg:1", user_id=user)
        t = h.app.locales[lang]
        assert t("forget-done", inquiries=1) in texts(requests)
        assert await h.app.db.fetchval("SELECT count(*) FROM users WHERE id = ?", (user,)) == 0
        assert await h.app.db.fetchval("SELECT count(*) FROM subscriptions WHERE user_id = ?", (user,)) == 0
        assert await h.app.db.fetchval("SELECT count(*) FROM inquiries WHERE user_id = ?", (user,)) == 0
        kept = await h.app.db.fetchone("SELECT * FROM inquiries WHERE id = ?", (row["id"],))
        assert kept["question"] == "Visa question?"
        assert kept["first_name"] == "" and kept["username"] is None and kept["phone"] is None
        assert kept["user_id"] == 0 and kept["status"] == "closed"
        # The language is forgotten: the next /start asks again.
        requests = await h.send("/start", user_id=user, lang="en")
        assert "l:en" in button_data(requests[-1].reply_markup, "l:")
    finally:
        await h.close()
