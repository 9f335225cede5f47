"""The /stats chart is a real picture: it decodes, has the promised size, the bars are
there in their colours where the data has them, with a title and a legend, and its
texts follow the staff member's language."""

from __future__ import annotations

import ast
import datetime as dt

import pytest

from bot.charts import INQUIRIES_COLOR, NEW_USERS_COLOR, daily_chart
from tests.support.charts import SIZE, bar_pixels, dark_pixels, decode, legend_pixels
from tests.support.harness import ROOT, shared_locales

DAYS = [dt.date(2026, 10, 29) + dt.timedelta(days=i) for i in range(30)]


def test_bars_follow_the_data_with_title_and_legend() -> None:
    t = shared_locales()["en"]
    new_users = [i % 4 for i in range(30)]
    image = decode(daily_chart(t, DAYS, new_users, [0] * 30))
    assert len(image.getcolors(SIZE[0] * SIZE[1]) or []) > 10  # not blank, not one colour
    assert bar_pixels(image, NEW_USERS_COLOR) > 1000
    assert bar_pixels(image, INQUIRIES_COLOR) == 0  # no inquiries, no orange bar ...
    assert legend_pixels(image, INQUIRIES_COLOR) > 0  # ... but the legend names the series
    assert legend_pixels(image, NEW_USERS_COLOR) > 0
    assert dark_pixels(image, 0.0, 0.07) > 100  # the title above the plot
    busier = decode(daily_chart(t, DAYS, [n * 2 for n in new_users], [1] * 30))
    assert bar_pixels(busier, INQUIRIES_COLOR) > 500


def test_texts_are_in_the_staff_members_language() -> None:
    locales = shared_locales()
    values = [1] * 30
    pictures = {lang: decode(daily_chart(locales[lang], DAYS, values, values)).tobytes() for lang in ("tg", "ru", "en")}
    assert len(set(pictures.values())) == 3


def test_series_must_match_the_days() -> None:
    t = shared_locales()["en"]
    with pytest.raises(ValueError):
        daily_chart(t, DAYS, [1] * 29, [1] * 30)
    with pytest.raises(ValueError):
        daily_chart(t, [], [], [])


def test_start_up_does_not_import_matplotlib() -> None:
    # Read, not run: a fresh interpreter importing the app takes seconds. Module-level
    # imports are what start-up runs; the chart imports matplotlib inside the function.
    heavy = []
    for path in [*(ROOT / "bot").rglob("*.py"), *(ROOT / "handlers").rglob("*.py")]:
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            heavy += [f"{path.relative_to(ROOT)}: {n}" for n in names if n.split(".")[0] in ("matplotlib", "numpy")]
    assert not heavy
