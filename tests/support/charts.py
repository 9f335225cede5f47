"""Reading the /stats chart back: decode the PNG and count pixels of a colour by region."""

from __future__ import annotations

import io

from PIL import Image

from bot.charts import DPI, SIZE_INCHES

SIZE = (int(SIZE_INCHES[0] * DPI), int(SIZE_INCHES[1] * DPI))
# The legend sits under the plot (bot/charts.py), in the bars' colours.
PLOT_BOTTOM = 0.8


def decode(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.size == SIZE, (image.format, image.size)
    return image.convert("RGB")


def rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def pixels(image: Image.Image, color: str | tuple[int, int, int], top: float = 0.0, bottom: float = 1.0) -> int:
    """How many pixels of exactly ``color`` lie between the fractions ``top`` and ``bottom`` of the height."""
    wanted = rgb(color) if isinstance(color, str) else color
    region = image.crop((0, int(image.height * top), image.width, int(image.height * bottom)))
    colors = region.getcolors(region.width * region.height) or []
    return sum(count for count, pixel in colors if pixel == wanted)


def bar_pixels(image: Image.Image, color: str) -> int:
    return pixels(image, color, bottom=PLOT_BOTTOM)


def legend_pixels(image: Image.Image, color: str) -> int:
    return pixels(image, color, top=PLOT_BOTTOM)


def dark_pixels(image: Image.Image, top: float, bottom: float) -> int:
    region = image.crop((0, int(image.height * top), image.width, int(image.height * bottom))).convert("L")
    return sum(region.histogram()[:100])
