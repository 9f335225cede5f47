"""A small bar chart as PNG bytes, drawn with the standard library only (zlib).

Two series per day (new users, inquiries) side by side, a light grid, the maximum on the
y axis and the day of the month under every fifth day. No text but digits: the legend is
the photo's caption, in the staff member's language.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

Color = tuple[int, int, int]
WHITE: Color = (255, 255, 255)
GRID: Color = (228, 231, 236)
AXIS: Color = (120, 126, 135)
SERIES_COLORS: tuple[Color, ...] = ((52, 120, 246), (245, 140, 40))

# 3x5 digits, one string of 15 pixels each, row by row.
_DIGITS = {
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111", "3": "111001111001111",
    "4": "101101111001001", "5": "111100111001111", "6": "111100111101111", "7": "111001001001001",
    "8": "111101111101111", "9": "111101111001111",
}


class Canvas:
    def __init__(self, width: int, height: int, background: Color = WHITE) -> None:
        self.width, self.height = width, height
        self.pixels = bytearray(bytes(background) * (width * height))

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: Color) -> None:
        """Fill [x0, x1) × [y0, y1), clipped to the canvas."""
        x0, x1 = max(0, x0), min(self.width, x1)
        y0, y1 = max(0, y0), min(self.height, y1)
        if x0 >= x1 or y0 >= y1:
            return
        row = bytes(color) * (x1 - x0)
        for y in range(y0, y1):
            start = (y * self.width + x0) * 3
            self.pixels[start : start + len(row)] = row

    def number(self, x: int, y: int, value: int, color: Color = AXIS, scale: int = 2) -> int:
        """Draw digits with their top-left corner at (x, y); return the width drawn."""
        cursor = x
        for char in str(value):
            glyph = _DIGITS[char]
            for i, bit in enumerate(glyph):
                if bit == "1":
                    gx, gy = i % 3, i // 3
                    self.rect(cursor + gx * scale, y + gy * scale, cursor + (gx + 1) * scale, y + (gy + 1) * scale, color)
            cursor += 4 * scale
        return cursor - x

    def png(self) -> bytes:
        raw = bytearray()
        stride = self.width * 3
        for y in range(self.height):
            raw.append(0)  # filter: none
            raw += self.pixels[y * stride : (y + 1) * stride]

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

        header = struct.pack(">IIBBBBB", self.width, self.height, 8, 2, 0, 0, 0)  # 8-bit RGB
        return PNG_SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b"")


def daily_bars(series: Sequence[Sequence[int]], day_numbers: Sequence[int], *, height: int = 220) -> bytes:
    """PNG of ``series`` (each a count per day, the same length as ``day_numbers``)."""
    days = len(day_numbers)
    if any(len(s) != days for s in series) or not series:
        raise ValueError("every series needs one value per day")
    left, right, top, bottom = 34, 8, 12, 24
    slot = 18
    width = left + right + slot * max(days, 1)
    canvas = Canvas(width, height)
    plot_h = height - top - bottom
    peak = max(1, *(max(s, default=0) for s in series))
    for step in range(5):
        y = top + plot_h - plot_h * step // 4
        canvas.rect(left, y, width - right, y + 1, GRID)
    canvas.number(2, top - 4, peak)
    canvas.number(2, top + plot_h - 10, 0)
    bar = max(2, (slot - 4) // len(series))
    for d in range(days):
        x = left + d * slot + 2
        for s, values in enumerate(series):
            value = values[d]
            if value <= 0:
                continue
            h = max(1, round(plot_h * value / peak))
            color = SERIES_COLORS[s % len(SERIES_COLORS)]
            canvas.rect(x + s * bar, top + plot_h - h, x + (s + 1) * bar - 1, top + plot_h, color)
        if d % 5 == 0 or d == days - 1:
            canvas.number(left + d * slot + 1, top + plot_h + 6, day_numbers[d])
    canvas.rect(left, top, left + 1, top + plot_h + 1, AXIS)
    canvas.rect(left, top + plot_h, width - right, top + plot_h + 1, AXIS)
    return canvas.png()
