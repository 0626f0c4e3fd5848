"""Calendar files (RFC 5545): one per session, one per round and one for the whole programme.

A visitor adds a session to their own agenda, or subscribes to a round or the programme. Each
event keeps its UID across rebuilds, so agendas update it instead of adding a copy; SEQUENCE goes
up with every change the editor records under ``wijzigingen``, with a move and with a cancellation,
which is what Outlook needs to apply an update; a cancelled session is STATUS:CANCELLED. Both come
from the session's history (history.py), never from today's status, so SEQUENCE never goes down.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timezone
from functools import cache, lru_cache, partial
from urllib.parse import urlsplit

from icalendar import Calendar, Event, Timezone, vText

from ..model.contenttypes import BY_ROLE, Role
from ..model.fields import TIMEZONE
from ..reading.catalog import Item
from ..view.history import history
from ..view.indexes import Site
from ..view.present import Presenter

CALENDAR_NAME = "agenda.ics"
PROGRAMME_CALENDAR = f"{BY_ROLE[Role.ROUNDS].list_url}{CALENDAR_NAME}"  # on the programme: the rounds' overview
CALENDAR_END = b"END:VCALENDAR\r\n"
EVENTS_KEPT = 16_384  # a few versions of every session of a large site, at most some megabytes


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
    """The calendar file: its own lines, then its events and time zone, each made once (see _event)."""
    calendar = Calendar()
    calendar.add("prodid", "-//Werkplaatsen wijkgericht werken//NL")
    calendar.add("version", "2.0")
    # icalendar writes a property it does not know (X-...) as it is; as TEXT it is escaped (RFC 5545, 3.3.11).
    calendar.add("x-wr-calname", vText(name))
    calendar.add("x-wr-timezone", vText(TIMEZONE.key))
    events = sessions()
    parts = [_event(*_event_fields(site, show, session, site_url)) for session in events]
    if events:
        parts.append(_timezone(min(s.start for s in events).year, max(s.eind for s in events).year))
    # A component is its own lines, then its subcomponents' (RFC 5545, 3.4 and 3.6), so the events
    # go right before the calendar's last line.
    lines = calendar.to_ical()
    return lines[:-len(CALENDAR_END)] + b"".join(parts) + CALENDAR_END


@cache
def _timezone(first_year: int, last_year: int) -> bytes:
    """Amsterdam's time zone rules from the year before the first event to the year after the last.

    Whole years, so calendars of the same years share one computed VTIMEZONE.
    """
    return Timezone.from_tzinfo(TIMEZONE, first_date=date(first_year - 1, 1, 1), last_date=date(last_year + 2, 1, 1)).to_ical()


def _event_fields(site: Site, show: Presenter, session: Item, site_url: str) -> tuple:
    status, past = site.status(session), history(session)
    return (f"{session.slug}@{urlsplit(site_url).hostname or 'werkplaatsen'}", site.now.astimezone(timezone.utc),
            session.start, session.eind, session.titel, location(show, session), site_url + session.url,
            description(session, status), "CANCELLED" if past.cancelled else "CONFIRMED", past.sequence)


@lru_cache(maxsize=EVENTS_KEPT)
def _event(uid, stamp, start, end, summary, place, url, text, status, changes) -> bytes:
    """A VEVENT, from its values only: a session is in three calendars (its own, its round's and the
    programme's), and in the preview most sessions stay as they were; each is made once."""
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary)
    event.add("location", place)
    event.add("url", url)
    event.add("description", text)
    event.add("status", status)
    event.add("sequence", changes)
    return event.to_ical()


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

