"""Dates and times as the site shows them: the Dutch text of dutch.py, marked up as <time datetime>.

Each function returns a ``Shown``: a str that is the Dutch text (for titles, feeds and anything
joined as plain text) and that Jinja, through ``__html__``, writes as the same text with every date
and time in a ``<time datetime="…">`` element, so browsers, assistive tools and scrapers can read
it. The text itself always comes from dutch.py; this module only adds the machine-readable value.
"""

from __future__ import annotations

from datetime import date, datetime, time

from markupsafe import Markup, escape

from ..model import dutch

Part = tuple[str, str | None]  # a piece of text, with its machine-readable value if it is a date or time


class Shown(str):
    """Text that carries its dates as <time datetime> when written into HTML."""

    __slots__ = ("_html",)

    def __new__(cls, text: str, html: Markup) -> Shown:
        shown = super().__new__(cls, text)
        shown._html = html
        return shown

    @classmethod
    def of(cls, parts: list[Part]) -> Shown:
        return cls("".join(text for text, _ in parts), Markup("").join(
            Markup('<time datetime="{}">{}</time>').format(value, text) if value else escape(text)
            for text, value in parts))

    def __html__(self) -> Markup:
        return self._html

    def __reduce__(self):
        """Render processes send what pages read (statuses with their labels) back to the preview: keep the markup."""
        return Shown, (str(self), self._html)

    def __add__(self, other: str) -> Shown:
        return joined("", [self, other])

    def __radd__(self, other: str) -> Shown:
        return joined("", [other, self])


def machine(value: date | datetime | time) -> str:
    """The datetime attribute: a day, a time of day, or a moment with its offset (HTML's formats)."""
    if isinstance(value, datetime):
        return dutch.iso(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    return value.isoformat()


def day(value: date | datetime, weekday: bool = True) -> Shown:
    return Shown.of([(dutch.day(value, weekday), machine(_date(value)))])


def clock(value: time | datetime) -> Shown:
    return Shown.of([(dutch.clock(value), machine(value))])


def moment(value: datetime) -> Shown:
    return Shown.of([(dutch.moment(value), machine(value))])


def when(value: date | datetime) -> Shown:
    return moment(value) if isinstance(value, datetime) else day(value)


def span(start: datetime, end: datetime) -> Shown:
    """dutch.span's text, with the start and the end each in their own <time>."""
    text = dutch.span(start, end)
    if text.startswith(f"{dutch.day(start)}, "):  # one day: "dinsdag 8 oktober 2019, 13.30–17.00 uur"
        return Shown.of([(f"{dutch.day(start)}, {dutch.clock(start)}", machine(start)), ("–", None),
                      (dutch.clock(end), machine(end)), (" uur", None)])
    return Shown.of([(dutch.moment(start), machine(start)), (" tot ", None), (dutch.moment(end), machine(end))])


def period(start: date, end: date) -> Shown:
    """dutch.period's text, with the first and the last day each in their own <time>."""
    first, last = dutch.period(start, end).split(" – ")
    return Shown.of([(first, machine(start)), (" – ", None), (last, machine(end))])


def changed(change) -> Shown:
    """A recorded change: '1 oktober 2019: verplaatst naar 6 november'."""
    return Shown.of([(dutch.day(change.datum, weekday=False), machine(change.datum)), (f": {change.wat}", None)])


def joined(separator: str, parts: list[str]) -> Shown:
    """Texts joined as plain text, and in HTML with the dates of those that carry them."""
    return Shown(separator.join(parts), escape(separator).join(parts))


def _date(value: date | datetime) -> date:
    return value.astimezone(dutch.TIMEZONE).date() if isinstance(value, datetime) else value


# The Jinja filters templates use for dates: shown dates as <time> elements, and the ISO form for
# attributes (counts come ready from Python: a number with its noun).
FILTERS = {"day": day, "clock": clock, "moment": moment, "span": span, "period": period, "iso": dutch.iso}
