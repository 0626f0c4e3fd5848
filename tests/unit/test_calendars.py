"""The calendar's own name is text like any other: escaped, folded, and read back as written."""

from __future__ import annotations

from types import SimpleNamespace

import ics
from icalendar import Calendar

from tests.support import ical_text
from werkplaatsen.outputs.calendars import calendars

NAME = 'Werkplaatsen; "wijkgericht", werken \\ ' + "é" * 40


def test_the_calendar_name_is_escaped_and_folded_as_rfc_5545_text():
    """X-WR-CALNAME is a property icalendar does not know: it would write it as it stands, and a
    ; , \\ or line break would change what agenda programs read (or end the line)."""
    round_item = SimpleNamespace(url="/rondes/r/", titel="Ronde;\nmet twee regels")
    site = SimpleNamespace(sessions=[], rounds=[round_item], sessions_of=lambda _: [])
    files = calendars(site, None, "https://werkplaatsen.example", NAME)
    for url, expected in (("/programma/agenda.ics", NAME), ("/rondes/r/agenda.ics", f"{NAME}: Ronde;\nmet twee regels")):
        data = files[url]()
        assert all(len(line) <= 75 for line in data.split(b"\r\n")), "lines are folded at 75 octets"
        written = Calendar.from_ical(data)["X-WR-CALNAME"]
        assert ical_text(written.to_ical().decode("utf-8")) == expected
        assert [name for name, _ in Calendar.from_ical(data).property_items(recursive=False)] == \
            ["BEGIN", "VERSION", "PRODID", "X-WR-CALNAME", "X-WR-TIMEZONE", "END"]
        ics.Calendar(data.decode("utf-8"))
