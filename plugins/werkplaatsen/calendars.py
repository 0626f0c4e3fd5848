"""Calendar files (RFC 5545): one per session, one per round and one for the whole programme.

A visitor adds a session to their own agenda, or subscribes to a round or the programme. Each
event keeps its UID across rebuilds, so agendas update it instead of adding a copy; SEQUENCE goes
up with every change the editor records under ``wijzigingen`` (and with a move), which is what
Outlook needs to apply an update; a cancelled session is STATUS:CANCELLED.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timezone
from functools import cache, partial
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone

from .catalog import Item
from .fields import TIMEZONE
from .indexes import Site
from .present import Presenter
from .status import GEANNULEERD, VERPLAATST

CALENDAR_NAME = "agenda.ics"
PROGRAMME_CALENDAR = f"/programma/{CALENDAR_NAME}"


def calendar_url(item: Item | None = None) -> str:
    """The .ics of a session or round, next to its page; without an item, the whole programme."""
    return f"{item.url}{CALENDAR_NAME}" if item else PROGRAMME_CALENDAR


def calendars(site: Site, show: Presenter, site_url: str, title: str) -> dict[str, Callable[[], bytes]]:
    """URL -> how to make its calendar file, for every session, every round and the programme."""
    files = {calendar_url(session): partial(_calendar, site, show, lambda s=session: [s], site_url, session.titel)
             for session in site.sessions}
    for round_item in site.rounds:
        files[calendar_url(round_item)] = partial(_calendar, site, show, lambda r=round_item: site.sessions_of(r),
                                                  site_url, f"{title}: {round_item.titel}")
    files[PROGRAMME_CALENDAR] = partial(_calendar, site, show, lambda: sorted(site.sessions, key=lambda s: s.start),
                                        site_url, title)
    return files


def _calendar(site: Site, show: Presenter, sessions: Callable[[], list[Item]], site_url: str, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Werkplaatsen wijkgericht werken//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TIMEZONE.key)
    events = sessions()
    for session in events:
        calendar.add_component(_event(site, show, session, site_url))
    if events:
        calendar.add_component(_timezone(min(s.start for s in events).year, max(s.eind for s in events).year))
    return calendar.to_ical()


@cache
def _timezone(first_year: int, last_year: int) -> Timezone:
    """Amsterdam's time zone rules from the year before the first event to the year after the last.

    Whole years, so calendars of the same years share one computed VTIMEZONE.
    """
    return Timezone.from_tzinfo(TIMEZONE, first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 2, 1, 1))


def _event(site: Site, show: Presenter, session: Item, site_url: str) -> Event:
    status = site.status(session)
    event = Event()
    event.add("uid", f"{session.slug}@{urlsplit(site_url).hostname or 'werkplaatsen'}")
    event.add("dtstamp", site.now.astimezone(timezone.utc))
    event.add("dtstart", session.start)
    event.add("dtend", session.eind)
    event.add("summary", session.titel)
    event.add("location", location(show, session))
    event.add("url", site_url + session.url)
    event.add("description", description(session, status))
    event.add("status", "CANCELLED" if status.code == GEANNULEERD else "CONFIRMED")
    event.add("sequence", sequence(session, status))
    return event


def location(show: Presenter, session: Item) -> str:
    address = show.address(session)
    if session.vorm == "online" or not address:
        return "Online"
    return f"{address} (of online)" if session.vorm == "hybride" else address


def description(session: Item, status) -> str:
    lines = [session.samenvatting, "", f"Aanmelden: {status.label}"]
    if status.can_register:
        lines.append(f"{status.action_label}: {status.action_url}")
    return "\n".join(lines)


def sequence(session: Item, status) -> int:
    """How many times time or place changed: the editor's list of changes, at least 1 after a move."""
    return max(len(session.wijzigingen), 1 if status.code == VERPLAATST else 0)
