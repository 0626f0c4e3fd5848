"""Dutch dates, sizes and counts: dates via Babel, independent of the machine's locale settings."""

from __future__ import annotations

from datetime import date, datetime, time

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

from .fields import TIMEZONE

LOCALE = "nl_NL"


def _local(moment: datetime) -> datetime:
    return moment.astimezone(TIMEZONE)


def day(value: date | datetime, weekday: bool = True) -> str:
    """'dinsdag 8 oktober 2019' (or without the weekday)."""
    if isinstance(value, datetime):
        value = _local(value).date()
    return _babel_date(value, "EEEE d MMMM y" if weekday else "d MMMM y", locale=LOCALE)


def clock(value: time | datetime) -> str:
    """Dutch style '13.30'."""
    if isinstance(value, datetime):
        value = _local(value).time()
    return f"{value.hour:02d}.{value.minute:02d}"


def moment(value: datetime) -> str:
    """'dinsdag 1 augustus 2019 om 09.00 uur'."""
    return f"{day(value)} om {clock(value)} uur"


def when(value: date | datetime) -> str:
    """A day, or a day with its time when the value has one."""
    return moment(value) if isinstance(value, datetime) else day(value)


def span(start: datetime, end: datetime) -> str:
    """'dinsdag 8 oktober 2019, 13.30–17.00 uur', or two days when it runs overnight."""
    if _local(start).date() == _local(end).date():
        return f"{day(start)}, {clock(start)}–{clock(end)} uur"
    return f"{moment(start)} tot {moment(end)}"


def period(start: date, end: date) -> str:
    """'9 september – 16 december 2019'."""
    if start.year == end.year:
        return f"{_babel_date(start, 'd MMMM', locale=LOCALE)} – {day(end, weekday=False)}"
    return f"{day(start, weekday=False)} – {day(end, weekday=False)}"


def filesize(size: int) -> str:
    """'1,2 MB', '350 kB'."""
    if size < 1000:
        return f"{size} bytes"
    if size < 1_000_000:
        return f"{round(size / 1000)} kB"
    return f"{format_decimal(round(size / 1_000_000, 1), locale=LOCALE)} MB"


def count(number: int, one: str, many: str) -> str:
    """A number with its noun in the right form: '1 probleem', '0 problemen', '3 problemen'."""
    return f"{number} {one if number == 1 else many}"


def iso(value: datetime) -> str:
    return _local(value).isoformat(timespec="minutes")

