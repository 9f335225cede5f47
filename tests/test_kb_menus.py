"""Issue 3: every fact of the page reachable through the menus, in three languages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml
from aiogram.methods import EditMessageText, SendMessage

from tests.conftest import LANGS
from tests.support.harness import Harness, button_data, buttons, texts

DATA = Path(__file__).resolve().parents[1] / "data"
KB_PREFIXES = ("pc:", "pi:", "n:", "e:", "go:", "o:")
KB_SECTIONS = ("m:about", "m:partners", "m:erasmus", "m:projects", "m:news", "m:contacts", "m:main")


def screen_of(requests):
    shown = [r for r in requests if isinstance(r, (EditMessageText, SendMessage))]
    assert shown, f"nothing shown: {[type(r).__name__ for r in requests]}"
    return shown[-1]


async def crawl(harness: Harness, lang: str) -> dict[str, object]:
    """Press every knowledge-base button reachable from the main menu once."""
    await harness.choose_language(lang)
    seen: dict[str, object] = {}
    queue = list(KB_SECTIONS)
    while queue:
        data = queue.pop(0)
        if data in seen:
            continue
        requests = await harness.press(data)
        screen = screen_of(requests)
        seen[data] = screen
        for _, target in buttons(screen.reply_markup):
            if target.startswith(KB_PREFIXES) or target in KB_SECTIONS:
                queue.append(target)
    return seen


@pytest.mark.parametrize("lang", LANGS)
async def test_crawl_every_screen(harness: Harness, lang: str) -> None:
    seen = await crawl(harness, lang)
    snap = harness.app.kb.snapshot
    for data, screen in seen.items():
        assert len(screen.text) <= 4096, data
        for text, target in buttons(screen.reply_markup):
            assert len(target.encode()) <= 64 or target.startswith("https://"), (data, target)
            assert text.strip(), data
        if data != "m:main":
            assert "m:main" in button_data(screen.reply_markup, "m:"), f"{data} has no Main menu"
    # Every record is reachable.
    assert {f"pi:{i}:0" for i in snap.institutions} <= {d.rsplit(":", 1)[0] + ":0" for d in seen if d.startswith("pi:")}
    assert {f"go:news-{e}" for e in snap.events} <= set(seen)
    assert {f"go:project-{p}" for p in snap.projects} <= set(seen)
    assert {f"go:opening-{o}" for o in snap.openings} <= set(seen)
    assert {f"go:mobility-{m}" for m in snap.mobility} <= set(seen)
    assert {f"pc:{c}" for c in snap.by_country} <= {d.rsplit(":", 1)[0] for d in seen if d.startswith("pc:")}


@pytest.mark.parametrize("lang", LANGS)
async def test_countries_sorted_by_count_with_file_counts(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    partners = yaml.safe_load((DATA / "partners.yaml").read_text(encoding="utf-8"))
    expected = Counter(p["country"] for p in partners)
    screen = screen_of(await harness.press("m:partners"))
    rows = [(text, data) for text, data in buttons(screen.reply_markup) if data.startswith("pc:")]
    counts = [int(text.rsplit("(", 1)[1].rstrip(")")) for text, _ in rows]
    assert counts == sorted(counts, reverse=True)
    assert {data.split(":")[1]: n for (_, data), n in zip(rows, counts)} == dict(expected)
    for code, count in expected.items():
        listed = []
        page = 0
        while True:
            screen = screen_of(await harness.press(f"pc:{code}:{page}"))
            listed += button_data(screen.reply_markup, "pi:")
            if not [d for d in button_data(screen.reply_markup, "pc:") if d == f"pc:{code}:{page + 1}"]:
                break
            page += 1
        assert len(listed) == count, code
        # A card of the first institution of each country renders in this language.
        card = screen_of(await harness.press(listed[0]))
        inst = harness.app.kb.snapshot.institutions[listed[0].split(":")[1]]
        country = harness.app.kb.snapshot.countries[code]
        assert country.name.get(lang) in card.text
        assert inst.name.get(lang).replace("&", "&amp;") in card.text


async def test_paging_forward_and_back(harness: Harness) -> None:
    await harness.choose_language("ru")
    first = screen_of(await harness.press("pc:ru:0"))
    second = screen_of(await harness.press("pc:ru:1"))
    back = screen_of(await harness.press("pc:ru:0"))
    first_ids, second_ids = button_data(first.reply_markup, "pi:"), button_data(second.reply_markup, "pi:")
    assert len(first_ids) == 8 and 0 < len(second_ids) <= 8
    assert not set(first_ids) & set(second_ids)
    assert button_data(back.reply_markup, "pi:") == first_ids
    assert "pc:ru:1" in button_data(first.reply_markup, "pc:")
    assert "pc:ru:0" in button_data(second.reply_markup, "pc:")
    assert "Страница 2 из 2" in second.text
    # A page past the end is clamped, not an error.
    clamped = screen_of(await harness.press("pc:ru:99"))
    assert button_data(clamped.reply_markup, "pi:") == second_ids


@pytest.mark.parametrize("lang", LANGS)
async def test_every_news_item_opens_newest_first(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    snap = harness.app.kb.snapshot
    assert len(snap.events) >= 15
    opened = []
    page = 0
    while True:
        screen = screen_of(await harness.press(f"n:{page}"))
        opened += button_data(screen.reply_markup, "go:news-")
        if f"n:{page + 1}" not in button_data(screen.reply_markup, "n:"):
            break
        page += 1
    ids = [d.removeprefix("go:news-") for d in opened]
    assert ids == [e.id for e in snap.events_newest]
    dates = [snap.events[i].date for i in ids]
    assert dates == sorted(dates, reverse=True)
    for event_id in ids:
        card = screen_of(await harness.press(f"go:news-{event_id}"))
        assert snap.events[event_id].title.get(lang).replace("&", "&amp;") in card.text


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("payload", ["partners", "erasmus", "projects", "news", "contacts"])
async def test_section_deep_links(harness: Harness, lang: str, payload: str) -> None:
    await harness.choose_language(lang)
    requests = await harness.send(f"/start {payload}")
    expected = {
        "partners": "partners-title", "erasmus": "erasmus-title", "projects": "projects-title",
        "news": "news-title", "contacts": "contacts-text",
    }[payload]
    t = harness.app.locales[lang]
    marker = t(expected, count=0, countries=0, people="", phone="", address="", email="", website="").split("\n")[0][:12]
    assert marker in texts(requests)[-1]


@pytest.mark.parametrize("lang", LANGS)
async def test_record_deep_links_and_share(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    snap = harness.app.kb.snapshot
    for inst_id in snap.institutions:
        requests = await harness.send(f"/start partner-{inst_id}")
        text = texts(requests)[-1]
        assert snap.institutions[inst_id].name.get(lang).replace("&", "&amp;") in text
        share = [url for label, url in buttons(requests[-1].reply_markup) if url.startswith("https://t.me/share")]
        assert share and f"start%3Dpartner-{inst_id}" in share[0]
        # A card that sends the student to the office ("no details") has the button for it.
        asks = "m:ask" in [data for _, data in buttons(requests[-1].reply_markup)]
        assert asks == (snap.institutions[inst_id].cooperation is None), inst_id
    for event_id in snap.events:
        requests = await harness.send(f"/start news-{event_id}")
        assert snap.events[event_id].title.get(lang).replace("&", "&amp;") in texts(requests)[-1]


async def test_deep_link_before_language_choice_opens_after_it(harness: Harness) -> None:
    requests = await harness.send("/start partner-kunming-ust", lang="ru")
    assert "l:ru" in button_data(requests[-1].reply_markup, "l:")
    requests = await harness.press("l:ru")
    assert "Куньмин" in texts(requests)[-1]


async def test_unknown_deep_link_falls_back_to_menu(harness: Harness) -> None:
    await harness.choose_language("en")
    requests = await harness.send("/start partner-nope")
    assert texts(requests)[-1].endswith(harness.app.locales["en"]("main-menu-text"))
    assert "m:partners" in button_data(requests[-1].reply_markup, "m:")


@pytest.mark.parametrize("lang", LANGS)
async def test_open_calls_show_days_left_or_no_deadline(harness: Harness, lang: str) -> None:
    await harness.choose_language(lang)
    screen = screen_of(await harness.press("e:calls"))
    t = harness.app.locales[lang]
    snap = harness.app.kb.snapshot
    assert len(button_data(screen.reply_markup, "go:opening-")) == len(snap.openings)
    assert t("call-no-deadline") in screen.text
    # Exchanges the page only describes are not presented as calls open now.
    assert all(o.deadline is None for o in snap.openings.values())
    assert t("calls-standing") in screen.text


async def test_section_commands(harness: Harness) -> None:
    await harness.choose_language("tg")
    t = harness.app.locales["tg"]
    for command, key in (("/partners", "partners-title"), ("/erasmus", "erasmus-title"),
                         ("/projects", "projects-title"), ("/news", "news-title")):
        requests = await harness.send(command)
        assert t(key, count=0, countries=0).split("\n")[0][:10] in texts(requests)[-1]


def test_long_text_is_split_under_limit() -> None:
    from bot.ui import split_text

    text = "\n".join(f"<b>line {i}</b> " + "слово " * 40 for i in range(100))
    chunks = split_text(text)
    assert len(chunks) > 1 and all(len(c) <= 4096 for c in chunks)
    assert "".join(c.replace("\n", "") for c in chunks) == text.replace("\n", "")
