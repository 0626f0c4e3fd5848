"""Feeds for readers who want to know what is new: each dated type, lessons and programme changes.

A content type whose descriptor names a feed (reports, news) gets an Atom feed (feedgen) and a
JSON Feed of its newest items; lessons and programme changes have a feed of their own. Every URL
is absolute, from SITEURL; each feed's alternate link is its own overview page. Entries are dated
from the content, so a rebuild without an edit gives the same feed, and each entry's id says what
the entry is (the item, or the report and the lesson's own key), never its position: a reader
shows an entry as new only when it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator

from ..model.clock import midnight
from ..model.contenttypes import BY_ROLE, TYPES, ContentType, Role
from ..model.routes import LESSONS_URL
from ..reading.catalog import Item
from ..view.history import history
from ..view.indexes import Site
from ..view.present import Presenter


@dataclass(frozen=True)
class Feed:
    url: str
    title: str
    media_type: str
    overview: str  # the page that lists what the feed holds


ATOM, JSON_FEED = "application/atom+xml", "application/feed+json"


def type_feeds(kind: ContentType) -> tuple[Feed, Feed]:
    return (Feed(f"/feeds/{kind.feed.name}.atom", kind.feed.title, ATOM, kind.list_url),
            Feed(f"/feeds/{kind.feed.name}.json", f"{kind.feed.title} (JSON)", JSON_FEED, kind.list_url))


LESSONS = Feed("/feeds/lessen.atom", "Nieuwe lessen", ATOM, LESSONS_URL)
PROGRAMME = Feed("/feeds/programma.atom", "Wijzigingen in het programma", ATOM, BY_ROLE[Role.ROUNDS].list_url)
FEEDS = (*(feed for kind in TYPES if kind.feed for feed in type_feeds(kind)), LESSONS, PROGRAMME)


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    summary: str
    published: datetime
    updated: datetime
    authors: tuple[str, ...] = ()
    key: str = ""  # what the entry is, when its URL does not say it alone (a lesson on a report's page)


def feeds(site: Site, show: Presenter, site_url: str, site_name: str) -> dict[str, Callable[[], bytes]]:
    """URL -> how to make the file, for every feed."""
    def dated(kind):
        return [_dated_entry(item, kind, show) for item in site.listed(kind.name)]

    def lessons():
        return [Entry(lesson.url, lesson.card.titel, lesson.card.tekst, midnight(lesson.report.datum),
                      midnight(lesson.report.datum), tuple(show.authors(lesson.report)),
                      f"{lesson.report.url}#{lesson.key}") for lesson in site.lessons]

    def programme():
        return sorted((_session_entry(show, session) for session in site.sessions),
                      key=lambda entry: (entry.updated, entry.url), reverse=True)

    files = {}
    for kind in TYPES:
        if kind.feed:
            atom, json_feed = type_feeds(kind)
            files[atom.url] = lambda feed=atom, kind=kind: _atom(feed, dated(kind), site_url, site_name, site.now)
            files[json_feed.url] = lambda feed=json_feed, kind=kind: _json_feed(feed, dated(kind), site_url, site_name)
    files[LESSONS.url] = lambda: _atom(LESSONS, lessons(), site_url, site_name, site.now)
    files[PROGRAMME.url] = lambda: _atom(PROGRAMME, programme(), site_url, site_name, site.now)
    return files


def _dated_entry(item: Item, kind: ContentType, show: Presenter) -> Entry:
    """An item of a type with a publication date (its embargo field), updated by its recorded changes."""
    published = getattr(item, kind.embargo)
    changed = [change.datum for change in getattr(item, "wijzigingen", [])]
    return Entry(item.url, item.titel, item.samenvatting, midnight(published), midnight(max([published, *changed])),
                 tuple(show.authors(item)))


def announced(session: Item) -> datetime:
    """When a session last changed in a way the programme feed reports: its latest recorded change,
    else the moment registration opened, else the start of its round."""
    changes = [change.datum for change in session.wijzigingen]
    if changes:
        return midnight(max(changes))
    registration = Site.registration(session)
    return registration.opent if registration and registration.opent else midnight(session.ronde.periode.start)


def _session_entry(show: Presenter, session: Item) -> Entry:
    past = history(session)
    prefix = "Geannuleerd: " if past.cancelled else "Verplaatst: " if past.moved else ""
    facts = " · ".join(show.card_facts(session))
    return Entry(session.url, prefix + session.titel, f"{facts}. {session.samenvatting}", announced(session),
                 announced(session))


def entry_id(entry: Entry, site_url: str) -> str:
    """The entry's id for as long as it exists: its own address, or what its key says it is."""
    return site_url + (entry.key or entry.url)


def _atom(feed: Feed, entries: list[Entry], site_url: str, site_name: str, now: datetime) -> bytes:
    generator = FeedGenerator()
    generator.id(site_url + feed.url)
    generator.title(f"{feed.title} | {site_name}")
    generator.link(href=site_url + feed.overview, rel="alternate")
    generator.link(href=site_url + feed.url, rel="self")
    generator.language("nl")
    generator.author({"name": site_name})
    generator.updated(max((entry.updated for entry in entries), default=midnight(now.date())))
    for entry in entries:
        item = generator.add_entry(order="append")
        item.id(entry_id(entry, site_url))
        item.title(entry.title)
        item.link(href=site_url + entry.url)
        item.published(entry.published)
        item.updated(entry.updated)
        item.summary(entry.summary)
        for author in entry.authors:
            item.author({"name": author})
    return generator.atom_str(pretty=True)


def _json_feed(feed: Feed, entries: list[Entry], site_url: str, site_name: str) -> bytes:
    document = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{feed.title} | {site_name}",
        "home_page_url": site_url + feed.overview,
        "feed_url": site_url + feed.url,
        "language": "nl",
        "items": [
            {"id": entry_id(entry, site_url), "url": site_url + entry.url, "title": entry.title, "summary": entry.summary,
             "content_text": entry.summary, "date_published": entry.published.isoformat(),
             "date_modified": entry.updated.isoformat(), "authors": [{"name": name} for name in entry.authors]}
            for entry in entries
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
