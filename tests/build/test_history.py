"""A session's history across the clock: SEQUENCE and the event's status never go back.

The fixture's moved session loses its recorded changes here, so only the move itself counts: the
case where SEQUENCE used to drop from 1 to 0 and eventStatus from EventRescheduled to
EventScheduled once the session was over.
"""

from __future__ import annotations

import re

import feedparser
import pytest

from tests.support import (BEFORE_REGISTRATION, REGISTRATION_OPEN, SESSIONS_OVER, build, copy_fixture_content, json_ld,
                           of_type)

# Before registration opens, while it is open, after the moved session (2030-10-30) is over.
MOMENTS = [BEFORE_REGISTRATION, REGISTRATION_OPEN, SESSIONS_OVER]


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    content = copy_fixture_content(tmp_path_factory.mktemp("history"))
    moved = content / "sessies" / "verplaatst.md"
    text = moved.read_text(encoding="utf-8")
    moved.write_text(re.sub(r"wijzigingen:\n(  .*\n)+", "", text), encoding="utf-8")
    results = []
    for now in MOMENTS:
        result = build(content, tmp_path_factory.mktemp("history") / "output", now=now)
        assert result.returncode == 0, result.stderr
        results.append(result)
    return results


def sequence(site, slug: str) -> int:
    return int(re.search(r"SEQUENCE:(\d+)", (site.output / f"sessies/{slug}/agenda.ics").read_text()).group(1))


@pytest.mark.parametrize(("slug", "expected"), [("verplaatst", 1), ("geannuleerd", 1), ("gewoon", 0)])
def test_sequence_comes_from_the_history_and_never_decreases(builds, slug, expected):
    assert [sequence(site, slug) for site in builds] == [expected] * len(MOMENTS)


def test_a_moved_session_stays_rescheduled_with_its_previous_date_after_it_is_over(builds):
    for site in builds:
        event = of_type(json_ld(site, "/sessies/verplaatst/"), "Event")
        assert event["eventStatus"] == "https://schema.org/EventRescheduled"
        assert event["previousStartDate"] == "2030-10-01"
        cancelled = of_type(json_ld(site, "/sessies/geannuleerd/"), "Event")
        assert cancelled["eventStatus"] == "https://schema.org/EventCancelled"
        raw = (site.output / "sessies/geannuleerd/agenda.ics").read_text()
        assert "STATUS:CANCELLED" in raw


def test_the_programme_feed_keeps_calling_the_session_moved(builds):
    for site in builds:
        feed = feedparser.parse((site.output / "feeds/programma.atom").read_bytes())
        titles = [entry.title for entry in feed.entries]
        assert "Verplaatst: Sessie verplaatst" in titles and "Geannuleerd: Sessie geannuleerd" in titles
