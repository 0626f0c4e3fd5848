"""Every date and time the site shows is in a <time datetime> whose value says what the Dutch text says.

Read back from real builds: the real content, and the fixture site before registration opens,
while it is open and after it (so the "opens on", "moved from" and "was on" texts are all shown).
What editors write themselves (the text of an item, its subtitle) is theirs and left as written.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

import pytest
from bs4 import BeautifulSoup

from tests.support import BEFORE_REGISTRATION, REGISTRATION_OPEN, SESSIONS_OVER
from werkplaatsen.model import dutch
from werkplaatsen.view import timetags

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
SHOWN_DATE = re.compile(rf"(?:(?P<weekday>{'|'.join(WEEKDAYS)}) )?(?P<day>\d{{1,2}}) (?P<month>{'|'.join(MONTHS)})"
                        r"(?: (?P<year>\d{4}))?")
SHOWN_TIME = re.compile(r"\b(?P<hour>\d{2})\.(?P<minute>\d{2})\b")
# Outside a <time>: a full date or a clock time, as the site writes them.
LOOSE = re.compile(rf"\b\d{{1,2}} (?:{'|'.join(MONTHS)}) \d{{4}}\b|\b\d{{2}}\.\d{{2}}\b")
EDITORS_OWN_WORDS = ["werkplaatsen-body", "werkplaatsen-subtitle"]


def machine_value(value: str) -> tuple[date | None, time | None]:
    if re.fullmatch(r"\d{2}:\d{2}", value):
        return None, time.fromisoformat(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return date.fromisoformat(value), None
    moment = datetime.fromisoformat(value)
    assert moment.utcoffset() is not None, f"{value}: a moment needs its offset"
    return moment.date(), moment.time()


def check_time(element, where: str) -> None:
    text, value = element.get_text(), element.get("datetime", "")
    day, clock = machine_value(value)
    shown_date, shown_time = SHOWN_DATE.search(text), SHOWN_TIME.search(text)
    assert shown_date or shown_time, f"{where}: <time> without a date or time: {text!r}"
    if shown_date:
        assert day, f"{where}: {text!r} shows a date, datetime={value!r} has none"
        assert (int(shown_date["day"]), MONTHS.index(shown_date["month"]) + 1) == (day.day, day.month), (where, text, value)
        assert shown_date["year"] is None or int(shown_date["year"]) == day.year, (where, text, value)
        assert shown_date["weekday"] is None or WEEKDAYS.index(shown_date["weekday"]) == day.weekday(), (where, text, value)
    if shown_time:
        assert clock == time(int(shown_time["hour"]), int(shown_time["minute"])), (where, text, value)


def check_pages(build) -> int:
    """Check every page; return how many <time> elements there were."""
    count = 0
    for html_file in build.html_files():
        where = html_file.relative_to(build.output).as_posix()
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        for element in soup.find_all("time"):
            check_time(element, where)
            count += 1
        for text in soup.body.find_all(string=LOOSE):
            if not text.find_parent(["time", "script", "style"]) and not text.find_parent(class_=EDITORS_OWN_WORDS):
                pytest.fail(f"{where}: a date or time outside <time>: {text.strip()!r}")
    return count


def test_every_date_on_the_real_site_is_a_time_element(site):
    assert check_pages(site) > 100


@pytest.mark.parametrize("now", [BEFORE_REGISTRATION, REGISTRATION_OPEN, SESSIONS_OVER])
def test_every_date_on_the_fixture_site_is_a_time_element(fixture_build, now):
    assert check_pages(fixture_build(now)) > 20


def test_the_dutch_text_is_unchanged():
    start, end = datetime(2030, 10, 8, 13, 30, tzinfo=dutch.TIMEZONE), datetime(2030, 10, 8, 17, tzinfo=dutch.TIMEZONE)
    overnight = datetime(2030, 10, 9, 9, 0, tzinfo=dutch.TIMEZONE)
    assert timetags.span(start, end) == dutch.span(start, end)
    assert timetags.span(start, overnight) == dutch.span(start, overnight)
    assert timetags.period(date(2030, 9, 1), date(2030, 12, 15)) == dutch.period(date(2030, 9, 1), date(2030, 12, 15))
    assert timetags.period(date(2030, 9, 1), date(2031, 1, 15)) == dutch.period(date(2030, 9, 1), date(2031, 1, 15))
    assert timetags.moment(start) == dutch.moment(start) and timetags.day(start, False) == dutch.day(start, False)
    assert str(timetags.span(start, end).__html__()) == (
        '<time datetime="2030-10-08T13:30+02:00">dinsdag 8 oktober 2030, 13.30</time>–'
        '<time datetime="2030-10-08T17:00+02:00">17.00</time> uur')
