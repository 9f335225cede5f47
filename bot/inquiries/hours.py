"""Office hours: ``OFFICE_HOURS`` such as ``Mon-Fri 08:00-17:00 Asia/Dushanbe``.

Grammar: one or more groups ``<days> <HH:MM>-<HH:MM>`` separated by ``,`` or ``;``, then
an optional IANA time zone (default ``Asia/Dushanbe``). ``<days>`` is a day (``Sat``) or a
range (``Mon-Fri``, ``Sat-Sun``). Example: ``Mon-Fri 08:00-17:00; Sat 09:00-13:00 Asia/Dushanbe``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_TZ = "Asia/Dushanbe"

_GROUP = re.compile(
    r"^(?P<first>[A-Za-z]{3})(?:\s*-\s*(?P<last>[A-Za-z]{3}))?\s+"
    r"(?P<start>\d{1,2}):(?P<start_m>\d{2})\s*-\s*(?P<end>\d{1,2}):(?P<end_m>\d{2})$"
)


class OfficeHoursError(ValueError):
    pass


@dataclass(frozen=True)
class Window:
    first: int  # weekday, Monday = 0
    last: int
    start: dt.time
    end: dt.time

    @property
    def weekdays(self) -> tuple[int, ...]:
        if self.first <= self.last:
            return tuple(range(self.first, self.last + 1))
        return tuple(range(self.first, 7)) + tuple(range(0, self.last + 1))


@dataclass(frozen=True)
class OfficeHours:
    windows: tuple[Window, ...]
    tz: ZoneInfo

    def local(self, timestamp: float) -> dt.datetime:
        return dt.datetime.fromtimestamp(timestamp, self.tz)

    def is_open(self, timestamp: float) -> bool:
        now = self.local(timestamp)
        return any(
            now.weekday() in w.weekdays and w.start <= now.time() < w.end for w in self.windows
        )

    def next_opening(self, timestamp: float) -> dt.datetime:
        """The next start of a window strictly after ``timestamp`` (local time)."""
        now = self.local(timestamp)
        best: dt.datetime | None = None
        for offset in range(0, 8):
            day = now.date() + dt.timedelta(days=offset)
            for w in self.windows:
                if day.weekday() not in w.weekdays:
                    continue
                start = dt.datetime.combine(day, w.start, self.tz)
                if start > now and (best is None or start < best):
                    best = start
            if best is not None:
                return best
        raise OfficeHoursError("office hours have no opening")  # unreachable: windows is not empty

    def utc_offset(self, timestamp: float) -> str:
        offset = self.local(timestamp).utcoffset() or dt.timedelta(0)
        minutes = int(offset.total_seconds() // 60)
        sign = "+" if minutes >= 0 else "-"
        hours, rest = divmod(abs(minutes), 60)
        return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def parse_office_hours(spec: str) -> OfficeHours:
    text = " ".join(spec.split())
    if not text:
        # No hours configured (the default: the office's page gives none): none are stated.
        return OfficeHours((), ZoneInfo(DEFAULT_TZ))
    tz_name = DEFAULT_TZ
    head, _, last = text.rpartition(" ")
    if "/" in last or last.upper() == "UTC":
        tz_name, text = last, head
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise OfficeHoursError(f"OFFICE_HOURS: unknown time zone {tz_name!r}") from None
    windows = []
    for part in re.split(r"[;,]", text):
        part = part.strip()
        match = _GROUP.match(part)
        if not match:
            raise OfficeHoursError(
                f"OFFICE_HOURS: cannot read {part!r}; expected e.g. 'Mon-Fri 08:00-17:00 Asia/Dushanbe'"
            )
        try:
            first = DAYS.index(match["first"].lower())
            last_day = DAYS.index((match["last"] or match["first"]).lower())
            start = dt.time(int(match["start"]), int(match["start_m"]))
            end = dt.time(int(match["end"]), int(match["end_m"]))
        except ValueError:
            raise OfficeHoursError(f"OFFICE_HOURS: bad day or time in {part!r}") from None
        if end <= start:
            raise OfficeHoursError(f"OFFICE_HOURS: {part!r} ends before it starts")
        windows.append(Window(first, last_day, start, end))
    return OfficeHours(tuple(windows), tz)
