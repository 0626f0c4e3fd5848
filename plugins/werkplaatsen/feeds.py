"""Feeds for readers who want to know what is new: reports, lessons and programme changes.

Atom for feed readers (feedgen); a JSON Feed of the reports for tools that prefer JSON. Every URL
in a feed is absolute, from SITEURL. Entries are dated from the content, so a rebuild without
an edit gives the same feed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from feedgen.feed import FeedGenerator

from .catalog import Item
from .indexes import Site, midnight
from .present import Presenter
from .status import GEANNULEERD, VERPLAATST


@dataclass(frozen=True)
class Feed:
    url: str
    title: str
    media_type: str


REPORTS = Feed("/feeds/publicaties.atom", "Nieuwe verslagen en publicaties", "application/atom+xml")
LESSONS = Feed("/feeds/lessen.atom", "Nieuwe lessen", "application/atom+xml")
PROGRAMME = Feed("/feeds/programma.atom", "Wijzigingen in het programma", "application/atom+xml")
REPORTS_JSON = Feed("/feeds/publicaties.json", "Nieuwe verslagen en publicaties (JSON)", "application/feed+json")
FEEDS = (REPORTS, LESSONS, PROGRAMME, REPORTS_JSON)


@dataclass(frozen=True)
class Entry:
    url: str
    title: str
    summary: str
    published: datetime
    updated: datetime
    authors: tuple[str, ...] = ()


def feeds(site: Site, show: Presenter, site_url: str, site_name: str) -> dict[str, bytes]:
    """URL -> file for every feed."""
    reports = [_report_entry(report) for report in site.reports]
    lessons = [Entry(lesson.url, lesson.card.titel, lesson.card.tekst, midnight(lesson.report.datum),
                     midnight(lesson.report.datum), tuple(a.titel for a in lesson.report.auteurs))
               for lesson in site.lessons]
    programme = sorted((_session_entry(site, show, session) for session in site.sessions),
                       key=lambda entry: (entry.updated, entry.url), reverse=True)
    return {
        REPORTS.url: _atom(REPORTS, reports, site_url, site_name, site.now),
        LESSONS.url: _atom(LESSONS, lessons, site_url, site_name, site.now),
        PROGRAMME.url: _atom(PROGRAMME, programme, site_url, site_name, site.now),
        REPORTS_JSON.url: _json_feed(REPORTS_JSON, reports, site_url, site_name),
    }


def _report_entry(report: Item) -> Entry:
    changed = [change.datum for change in report.wijzigingen]
    return Entry(report.url, report.titel, report.samenvatting, midnight(report.datum),
                 midnight(max([report.datum, *changed])), tuple(author.titel for author in report.auteurs))


def announced(session: Item) -> datetime:
    """When a session last changed in a way the programme feed reports: its latest recorded change,
    else the moment registration opened, else the start of its round."""
    changes = [change.datum for change in session.wijzigingen]
    if changes:
        return midnight(max(changes))
    registration = session.aanmelding or session.ronde.aanmelding
    return registration.opent if registration and registration.opent else midnight(session.ronde.periode.start)


def _session_entry(site: Site, show: Presenter, session: Item) -> Entry:
    status = site.status(session)
    prefix = {GEANNULEERD: "Geannuleerd: ", VERPLAATST: "Verplaatst: "}.get(status.code, "")
    facts = " · ".join(show.card_facts(session))
    return Entry(session.url, prefix + session.titel, f"{facts}. {session.samenvatting}", announced(session),
                 announced(session))


def _atom(feed: Feed, entries: list[Entry], site_url: str, site_name: str, now: datetime) -> bytes:
    generator = FeedGenerator()
    generator.id(site_url + feed.url)
    generator.title(f"{feed.title} | {site_name}")
    generator.link(href=site_url + "/", rel="alternate")
    generator.link(href=site_url + feed.url, rel="self")
    generator.language("nl")
    generator.author({"name": site_name})
    generator.updated(max((entry.updated for entry in entries), default=midnight(now.date())))
    for entry in entries:
        item = generator.add_entry(order="append")
        item.id(site_url + entry.url)
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
        "home_page_url": site_url + "/",
        "feed_url": site_url + feed.url,
        "language": "nl",
        "items": [
            {"id": site_url + entry.url, "url": site_url + entry.url, "title": entry.title, "summary": entry.summary,
             "content_text": entry.summary, "date_published": entry.published.isoformat(),
             "date_modified": entry.updated.isoformat(), "authors": [{"name": name} for name in entry.authors]}
            for entry in entries
        ],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
