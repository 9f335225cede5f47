"""Issue 14: who went to (or came from) one partner, named by the student: every record of
that partner, host and people, in the text of the first reply."""

from __future__ import annotations

import html

import pytest

from tests.support.harness import Harness
from tests.test_answers import TAG, ask


@pytest.mark.parametrize(("lang", "question", "host"), [
    ("ru", "кто учился в Уфе по обмену?", "ufa-petroleum"),  # a three-letter city, inflected
    ("en", "who studied at Ufa", "ufa-petroleum"),
    ("tg", "кӣ ба Тюмен рафт?", "tyumen-oil-gas"),
    ("en", "who went to Kunming", "kunming-ust"),
])
async def test_who_went_to_a_named_partner_gets_its_records_with_the_people(
    harness: Harness, lang: str, question: str, host: str
) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language(lang)
    text, data = await ask(harness, question)
    records = [r for r in snap.mobility.values() if r.host == host and r.participants]
    want = [r for r in records if r.kind.value != "visit"] or records  # who went, not who came
    assert want
    t = harness.app.locales[lang]
    head = html.unescape(TAG.sub("", t("answer-list-mobility-host", name="\x00", count=len(want)))).split("\x00")[0]
    assert text.startswith(head), text[:200]
    for record in want:
        assert f"go:mobility-{record.id}" in data
        for person in record.participants:
            assert person.get(lang).split(" — ")[0] in text, person.get(lang)


async def test_a_partner_named_with_another_question_is_no_record_list(harness: Harness) -> None:
    await harness.choose_language("ru")
    text, _ = await ask(harness, "где находится университет в Уфе")
    t = harness.app.locales["ru"]
    head = html.unescape(TAG.sub("", t("answer-list-mobility-host", name="\x00", count=2))).split("\x00")[0]
    assert not text.startswith(head), text[:200]


async def test_a_language_certificate_is_not_on_the_page(harness: Harness) -> None:
    await harness.choose_language("tg")
    text, data = await ask(harness, "барои Уфа сертификати забон лозим аст?")
    assert text.startswith("🤷") and "m:ask" in data, text[:200]


@pytest.mark.parametrize(("lang", "question", "country", "visits"), [
    ("en", "did MMIT students ever go to Norway? who went there in 2018?", "no", False),  # the year narrows
    ("ru", "кто ездил в Норвегию", "no", False),
    ("tg", "кӣ ба Норвегия рафт", "no", False),
    ("en", "who came from Greece", "gr", True),  # who came: the visit, not our trips there
])
async def test_who_went_to_a_country_gets_the_records_hosted_there(
    harness: Harness, lang: str, question: str, country: str, visits: bool
) -> None:
    snap = harness.app.kb.snapshot
    await harness.choose_language(lang)
    text, data = await ask(harness, question)
    years = {2018} if "2018" in question else None
    want = [r for r in snap.mobility.values() if r.participants and r.host in snap.institutions
            and snap.institutions[r.host].country == country and (r.kind.value == "visit") == visits
            and (years is None or r.year in years)]
    assert want
    shown = {d.removeprefix("go:") for d in data if d.startswith("go:mobility-")}
    assert shown == {f"mobility-{r.id}" for r in want}, (shown, text[:300])
    for record in want:
        for person in record.participants:
            assert person.get(lang).split(" — ")[0] in text


async def test_which_partners_in_a_country_is_still_the_partner_list(harness: Harness) -> None:
    await harness.choose_language("en")
    text, _ = await ask(harness, "which partners are in Greece")
    assert "West Attica" in text and "Umarova" not in text, text[:300]
