"""Issue 6, point 6: a new news item or opening is offered to the admins; a confirmation
sends it to the topic's subscribers, each in their own language."""

from __future__ import annotations

import asyncio

import shutil
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage

from bot.config import Settings
from tests.conftest import LANGS
from tests.support.broadcasting import add_students, service
from tests.support.harness import ROOT, Harness, buttons, make_settings

ADMIN = 9001

NEW_EVENT = """
- id: "2026-11-mobility-fair"
  date: 2026-11-20
  title:
    tg: "Ярмаркаи мубодилаи академӣ <2026>"
    ru: "Ярмарка академической мобильности <2026>"
    en: "Academic mobility fair <2026>"
  text:
    tg: "Донишҷӯён бо барномаҳои мубодила шинос шуданд."
    ru: "Студенты познакомились с программами обмена."
    en: "Students learned about exchange programmes."
"""

NEW_OPENING = """
- id: "test-summer-school"
  title:
    tg: "Мактаби тобистона"
    ru: "Летняя школа"
    en: "Summer school"
  deadline: 2026-12-15
  description:
    tg: "Барои донишҷӯёни курси 2."
    ru: "Для студентов 2-го курса."
    en: "For 2nd-year students."
"""



def changed_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(ROOT / "data", folder)
    with (folder / "events.yaml").open("a", encoding="utf-8") as f:
        f.write(NEW_EVENT)
    with (folder / "openings.yaml").open("a", encoding="utf-8") as f:
        f.write(NEW_OPENING)
    return folder


def offers_to(h: Harness, chat_id: int) -> list[SendMessage]:
    return [r for r in h.session.of(SendMessage) if int(r.chat_id) == chat_id
            and any(d.startswith("ba:") for _, d in buttons(r.reply_markup))]


async def test_first_seed_offers_nothing(harness: Harness) -> None:
    assert await harness.app.db.fetchval("SELECT COUNT(*) FROM announcements") == 0
    assert await harness.app.db.fetchval("SELECT COUNT(*) FROM kb_seen") > 0


@pytest.mark.parametrize("lang", LANGS)
async def test_reload_offers_and_confirm_sends_in_each_language(harness: Harness, tmp_path: Path, lang: str) -> None:
    h = harness
    await add_students(h, {1001: "tg", 1002: "ru", 1003: "en"}, topics=("news",))
    await add_students(h, {1004: "en"}, topics=("openings",))
    await h.choose_language(lang, user_id=ADMIN)
    t = h.app.locales[lang]
    broadcasts = service(h)
    broadcasts.bot = h.bot  # as after the start-up hook
    await h.app.kb.load_directory(changed_data(tmp_path))
    await broadcasts.announcer._pending_send  # noqa: SLF001 - offers go out in the background

    offers = offers_to(h, ADMIN)
    assert len(offers) == 2
    event_offer = next(o for o in offers if t("sub-topic-news") in o.text)
    opening_offer = next(o for o in offers if t("sub-topic-openings") in o.text)
    assert "&lt;2026&gt;" in event_offer.text  # the record's text is escaped
    assert t("bc-offer", topic=t("sub-topic-news"), count=3, preview="").split("\n")[0] in event_offer.text
    ok = next(d for _, d in buttons(event_offer.reply_markup) if d.startswith("ba:ok:"))
    skip = next(d for _, d in buttons(opening_offer.reply_markup) if d.startswith("ba:skip:"))

    # Another (non-staff) user cannot confirm.
    requests = await h.press(ok, user_id=1001)
    assert [a.text for a in requests if isinstance(a, AnswerCallbackQuery)] == [h.app.locales["tg"]("bc-staff-only")]

    requests = await h.press(ok, user_id=ADMIN)
    progress = [r for r in requests if isinstance(r, EditMessageText)][-1]
    assert "bj:cancel:1" in [d for _, d in buttons(progress.reply_markup)]
    await broadcasts.run_pending(h.bot)
    sent = {int(r.chat_id): r for r in h.session.of(SendMessage) if int(r.chat_id) in (1001, 1002, 1003, 1004)}
    assert set(sent) == {1001, 1002, 1003}
    for chat_id, student_lang in ((1001, "tg"), (1002, "ru"), (1003, "en")):
        tl = h.app.locales[student_lang]
        title = {"tg": "Ярмаркаи мубодилаи академӣ", "ru": "Ярмарка академической мобильности",
                 "en": "Academic mobility fair"}[student_lang]
        assert f"<b>{title} &lt;2026&gt;</b>" in sent[chat_id].text
        assert "20.11.2026" in sent[chat_id].text
        assert buttons(sent[chat_id].reply_markup) == [(tl("bc-unsubscribe", topic=tl("sub-topic-news")), "su:news")]

    requests = await h.press(ok, user_id=ADMIN)  # a second press does nothing
    assert [a.text for a in requests if isinstance(a, AnswerCallbackQuery)] == [t("bc-offer-decided")]
    requests = await h.press(skip, user_id=ADMIN)
    assert t("bc-offer-skipped") in [r.text for r in requests if isinstance(r, EditMessageText)]
    await broadcasts.run_pending(h.bot)
    assert 1004 not in {int(r.chat_id) for r in h.session.of(SendMessage)}

    # Reloading the same data offers nothing new.
    h.session.clear()
    await h.app.kb.load_directory(changed_data(tmp_path / "again"))
    assert not offers_to(h, ADMIN)


async def test_data_changed_while_down_is_offered_at_start(settings: Settings, tmp_path: Path) -> None:
    changed = make_settings(tmp_path, data_dir=changed_data(tmp_path))
    h = await Harness.create(changed)
    try:
        await add_students(h, {1004: "ru"}, topics=("openings",))
        await h.dp.emit_startup(bot=h.bot)
        offers = offers_to(h, ADMIN)
        assert len(offers) == 2
        opening = next(o for o in offers if h.app.locales["tg"]("sub-topic-openings") in o.text)
        ok = next(d for _, d in buttons(opening.reply_markup) if d.startswith("ba:ok:"))
        await h.press(ok, user_id=ADMIN)
        # The worker started by the start-up hook sends it; wait for it (bounded), then stop.
        for _ in range(500):
            if [r for r in h.session.of(SendMessage) if int(r.chat_id) == 1004]:
                break
            await asyncio.sleep(0.01)
        await service(h).stop(h.bot)
        (sent,) = [r for r in h.session.of(SendMessage) if int(r.chat_id) == 1004]
        assert "<b>Летняя школа</b>" in sent.text and "15.12.2026" in sent.text
        assert "su:openings" in [d for _, d in buttons(sent.reply_markup)]
    finally:
        await h.close()
