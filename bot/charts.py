"""The /stats chart: new users and inquiries per day as bars side by side, as PNG bytes.

matplotlib rather than Pillow: the title, axis labels and legend are in Tajik and Russian,
and matplotlib ships DejaVu Sans, which has ғ ӣ қ ӯ ҳ ҷ (Pillow's built-in font draws every
Cyrillic letter as an empty box, and python:3.11-slim has no system fonts), and it lays out
ticks, labels and legend itself. Importing it costs about half a second and tens of MB, so
it is imported on the first chart, never at start-up, and callers render in a worker thread.
Only the object API (Figure, no pyplot): it keeps no global state, so threads are safe.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence

from bot.i18n import Translator

# The caption's 🟦 / 🟧 squares name the series too, so the bars keep these two colours.
NEW_USERS_COLOR = "#3478f6"
INQUIRIES_COLOR = "#f58c28"
GRID_COLOR = "#e4e7ec"
SIZE_INCHES, DPI = (8.0, 4.0), 100  # 800 × 400 px: readable in a phone's photo viewer
MAX_DATE_TICKS = 10


def daily_chart(t: Translator, days: Sequence[dt.date], new_users: Sequence[int], inquiries: Sequence[int]) -> bytes:
    """PNG of the two daily series; labels in ``t``'s language."""
    if not days or len(new_users) != len(days) or len(inquiries) != len(days):
        raise ValueError("every series needs one value per day")
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    figure = Figure(figsize=SIZE_INCHES, dpi=DPI, layout="constrained")
    axes = figure.subplots()
    width = 0.4
    positions = range(len(days))
    # Fluent arguments are HTML-escaped (bot.i18n); only numbers go into chart texts.
    axes.bar([p - width / 2 for p in positions], new_users, width, label=t("stats-chart-new-users"),
             color=NEW_USERS_COLOR)
    axes.bar([p + width / 2 for p in positions], inquiries, width, label=t("stats-chart-inquiries"),
             color=INQUIRIES_COLOR)
    axes.set_title(t("stats-chart-title", days=len(days)))
    axes.set_xlabel(t("stats-chart-x"))
    axes.set_ylabel(t("stats-chart-y"))
    step = -(-len(days) // MAX_DATE_TICKS)
    axes.set_xticks(list(positions)[::step], [f"{day:%d.%m}" for day in days[::step]])
    axes.set_xlim(-0.6, len(days) - 0.4)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylim(0, max(1, *new_users, *inquiries) * 1.08)
    axes.grid(axis="y", color=GRID_COLOR)
    axes.set_axisbelow(True)
    axes.spines[["top", "right"]].set_visible(False)
    # Under the plot, where it never hides a bar.
    figure.legend(loc="outside lower center", ncols=2, frameon=False)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
