"""Found, saved and shared: filter pages, calendars, feeds, structured data, sitemap and related items.

Everything is read back from the built files with independent parsers: `ics` for calendars (the
build writes them with `icalendar`), feedparser for feeds, extruct for JSON-LD.
"""

from __future__ import annotations

import json
import re
from datetime import datetime

import extruct
import feedparser
import ics
import pytest
from bs4 import BeautifulSoup

from tests.support import LOCAL, REGISTRATION_OPEN, REPORT_PUBLISHED, SITE_URL, build, json_ld, of_type, production_build
from werkplaatsen.model.fields import TIMEZONE

SESSIONS = ["gewoon", "bijna-vol", "vol", "geannuleerd", "verplaatst"]


@pytest.fixture(scope="module")
def site(fixture_build):
    return fixture_build(REGISTRATION_OPEN)


@pytest.fixture(scope="module")
def production(tmp_path_factory):
    """Production while registration is open."""
    return production_build(tmp_path_factory, REGISTRATION_OPEN)


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """Production after the report of session 1 appeared (2030-10-20)."""
    return production_build(tmp_path_factory, REPORT_PUBLISHED)


def hrefs(soup, selector="main a[href]") -> list[str]:
    return [a["href"] for a in soup.select(selector)]


# --- Filters --------------------------------------------------------------------------------


def test_each_filter_value_in_use_is_a_page_linked_from_the_overview_with_its_count(site):
    overview = site.page("/casussen/")
    links = {a["href"]: a.get_text(" ", strip=True) for a in overview.select(".werkplaatsen-filters a")}
    assert links == {
        "/casussen/thema/klimaatadaptatie/": "Klimaatadaptatie (1)",
        "/casussen/domein/fysiek/": "Fysiek (1)",
        "/casussen/domein/klimaat-en-water/": "Klimaat en water (1)",
        "/casussen/fase/verkenning/": "Verkenning (1)",
        "/casussen/gemeente/voorbeeldstad/": "Voorbeeldstad (1)",
    }
    page = site.page("/casussen/thema/klimaatadaptatie/")
    assert page.h1.get_text() == "Casussen: thema Klimaatadaptatie"
    assert hrefs(page, "main .werkplaatsen-card__title a") == ["/casussen/plein/"]
    assert page.select_one('.werkplaatsen-filters a[aria-current="page"]')["href"] == "/casussen/thema/klimaatadaptatie/"
    assert not (site.output / "casussen" / "thema" / "participatie").exists(), "no empty filter pages"


@pytest.mark.parametrize(("url", "expected"), [
    ("/sessies/vorm/fysiek/", {f"/sessies/{slug}/" for slug in SESSIONS}),
    ("/sessies/vorm/online/", {"/sessies/concept/"}),  # the preview shows drafts
    ("/sessies/ronde/ronde-9/", {f"/sessies/{slug}/" for slug in [*SESSIONS, "concept"]}),
    ("/instrumenten/duur/twee-uur-of-langer/", {"/instrumenten/wijkschouw/"}),
    ("/instrumenten/groepsvorm/groep/", {"/instrumenten/wijkschouw/"}),
    ("/verslagen/jaar/2030/", {"/verslagen/verslag-sessie-1/"}),
    ("/verslagen/soort/verslag/", {"/verslagen/verslag-sessie-1/"}),
])
def test_filter_pages_list_exactly_their_items(site, url, expected):
    assert set(hrefs(site.page(url), "main .werkplaatsen-card__title a")) == expected


def test_filters_work_without_javascript_and_come_back_to_the_overview(site):
    page = site.page("/instrumenten/duur/twee-uur-of-langer/")
    assert page.select_one("details[open] summary").get_text() == "Duur"
    assert "/instrumenten/" in hrefs(page, ".werkplaatsen-filters a")
    assert [a["href"] for a in page.select("nav.utrecht-breadcrumb-nav a")] == [
        "/", "/instrumenten/", "/instrumenten/duur/twee-uur-of-langer/"]


# --- Calendars ------------------------------------------------------------------------------


def calendar(build, url: str) -> ics.Calendar:
    text = (build.output / url.lstrip("/")).read_text(encoding="utf-8")
    assert "BEGIN:VTIMEZONE" in text and f"TZID:{TIMEZONE.key}" in text
    assert f"DTSTART;TZID={TIMEZONE.key}:" in text
    return ics.Calendar(text)


@pytest.mark.parametrize("slug", SESSIONS)
def test_each_session_has_a_calendar_file_that_matches_its_page(site, slug):
    page = site.page(f"/sessies/{slug}/")
    link = page.select_one('main a[type="text/calendar"]')
    assert link.get_text() == "Zet in uw agenda" and link["href"] == f"/sessies/{slug}/agenda.ics"
    [event] = calendar(site, link["href"]).events
    block = page.select_one("main .werkplaatsen-registration")
    assert event.end.datetime == datetime.fromisoformat(block["data-ends"])
    assert event.name == page.h1.get_text()
    assert event.uid == f"{slug}@localhost"
    assert event.url == f"{LOCAL}/sessies/{slug}/"
    assert event.location == "Stadhuis, Plein 1, 1234 AB Utrecht"
    raw = (site.output / f"sessies/{slug}/agenda.ics").read_text()
    assert ("STATUS:CANCELLED" in raw) == (slug == "geannuleerd")
    assert re.search(r"SEQUENCE:(\d+)", raw).group(1) == {"verplaatst": "2", "geannuleerd": "1"}.get(slug, "0")


def test_the_calendar_offers_the_registration_link_while_open(site):
    [event] = calendar(site, "/sessies/gewoon/agenda.ics").events
    assert "Aanmelden: https://www.lpbagenda.nl/ronde-9" in event.description
    [closed] = calendar(site, "/sessies/geannuleerd/agenda.ics").events
    assert "https://" not in closed.description and "Geannuleerd" in closed.description


def test_a_uid_is_stable_across_rebuilds_and_sequence_follows_changes(fixture_build):
    before = (fixture_build(REGISTRATION_OPEN).output / "sessies/verplaatst/agenda.ics").read_text()
    after = (fixture_build("2030-10-09 10:00").output / "sessies/verplaatst/agenda.ics").read_text()
    assert re.search("UID:(.*)", before).group(1) == re.search("UID:(.*)", after).group(1)
    assert "SEQUENCE:2" in before and "SEQUENCE:2" in after


def test_round_and_programme_calendars_hold_their_sessions_and_can_be_subscribed_to(site):
    round_events = calendar(site, "/programma/ronde-9/agenda.ics").events
    assert sorted(event.uid.split("@")[0] for event in round_events) == sorted([*SESSIONS, "concept"])
    assert len(calendar(site, "/programma/agenda.ics").events) == len(SESSIONS) + 1  # the draft shows in the preview
    programme = site.page("/programma/")
    assert "/programma/agenda.ics" in hrefs(programme)
    assert f"{LOCAL}/programma/agenda.ics" in programme.select_one("main code").get_text()
    assert "Outlook" in programme.select_one("main details summary").get_text()
    assert "/programma/ronde-9/agenda.ics" in hrefs(site.page("/programma/ronde-9/"))


def test_production_calendars_leave_out_drafts(production):
    assert len(calendar(production, "/programma/agenda.ics").events) == len(SESSIONS)


# --- Feeds ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("url", "overview", "titles"), [
    ("/feeds/publicaties.atom", "/verslagen/", ["Verslag van sessie 1"]),
    ("/feeds/nieuws.atom", "/nieuws/", ["Aanmelden voor ronde negen is open"]),
    ("/feeds/lessen.atom", "/lessen/", ["Loop samen door de wijk", "Begin klein"]),
    # Newest change first: the move (2030-08-20), then the others from their registration opening.
    ("/feeds/programma.atom", "/programma/", ["Sessie verplaatst", "Sessie vol", "Sessie gewoon",
                                              "Geannuleerd: Sessie geannuleerd", "Sessie bijna-vol"]),
])
def test_atom_feeds_parse_cleanly_with_absolute_links(published, url, overview, titles):
    feed = feedparser.parse((published.output / url.lstrip("/")).read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.language == "nl"
    assert [entry.title.removeprefix("Verplaatst: ") for entry in feed.entries] == titles
    assert all(entry.link.startswith(SITE_URL + "/") for entry in feed.entries)
    assert [link.href for link in feed.feed.links] == [SITE_URL + overview, SITE_URL + url]


def test_a_moved_session_is_announced_as_moved_on_its_latest_change(production):
    feed = feedparser.parse((production.output / "feeds/programma.atom").read_bytes())
    moved = feed.entries[0]
    assert moved.title == "Verplaatst: Sessie verplaatst"
    assert moved.updated.startswith("2030-08-20")


def test_the_json_feed_lists_the_reports(published):
    document = json.loads((published.output / "feeds/publicaties.json").read_text())
    assert document["version"] == "https://jsonfeed.org/version/1.1"
    assert [item["url"] for item in document["items"]] == [SITE_URL + "/verslagen/verslag-sessie-1/"]
    assert document["home_page_url"] == SITE_URL + "/verslagen/"
    assert document["items"][0]["date_modified"].startswith("2030-10-25")


def test_every_page_announces_the_feeds(production):
    for html_file in production.html_files():
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        alternates = {link["href"] for link in soup.select('head link[rel="alternate"]')}
        assert alternates == {f"{SITE_URL}/feeds/{name}" for name in
                              ("publicaties.atom", "publicaties.json", "nieuws.atom", "nieuws.json", "lessen.atom",
                               "programma.atom")}, html_file


# --- Structured data, Open Graph, canonical --------------------------------------------------


def test_a_session_is_an_event_with_status_place_organizer_offer_and_series(production):
    event = of_type(json_ld(production, "/sessies/gewoon/"), "Event")
    assert event["name"] == "Sessie gewoon"
    assert event["startDate"] == "2030-10-08T13:30+02:00" and event["endDate"] == "2030-10-08T17:00+02:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"][0]["address"]["postalCode"] == "1234 AB"
    assert event["organizer"][0]["name"] == "Platform31"
    assert event["offers"]["url"] == "https://www.lpbagenda.nl/ronde-9"
    assert event["offers"]["availability"] == "https://schema.org/InStock"
    assert event["superEvent"]["@id"] == SITE_URL + "/programma/ronde-9/"


@pytest.mark.parametrize(("slug", "status", "availability"), [
    ("geannuleerd", "EventCancelled", None),
    ("verplaatst", "EventRescheduled", "InStock"),
    ("vol", "EventScheduled", "SoldOut"),
    ("bijna-vol", "EventScheduled", "LimitedAvailability"),
])
def test_the_event_follows_the_one_registration_status(production, slug, status, availability):
    event = of_type(json_ld(production, f"/sessies/{slug}/"), "Event")
    assert event["eventStatus"] == f"https://schema.org/{status}"
    assert (event.get("offers", {}).get("availability") or None) == (availability and f"https://schema.org/{availability}")
    if slug == "verplaatst":
        assert event["previousStartDate"] == "2030-10-01"


@pytest.mark.parametrize(("url", "kind", "required"), [
    ("/programma/ronde-9/", "EventSeries", {"name", "startDate", "endDate", "organizer", "subEvent"}),
    ("/verslagen/verslag-sessie-1/", "Report", {"name", "author", "publisher", "datePublished", "inLanguage", "encoding"}),
    ("/partners/platform31/", "Organization", {"name", "url"}),
    ("/personen/anna-de-vries/", "Person", {"name", "url"}),
    ("/instrumenten/wijkschouw/", "HowTo", {"name", "step", "totalTime"}),
    ("/casussen/plein/", "CreativeWork", {"name", "spatialCoverage", "dateModified"}),
    ("/over/", "WebPage", {"name", "url"}),
])
def test_each_type_has_its_schema_org_type_with_the_required_properties(published, url, kind, required):
    node = of_type(json_ld(published, url), kind)
    assert required <= set(node), required - set(node)


def test_the_report_names_its_authors_publisher_and_pdf(published):
    report = of_type(json_ld(published, "/verslagen/verslag-sessie-1/"), "Report")
    assert [author["name"] for author in report["author"]] == ["Anna de Vries"]
    assert report["author"][0]["@type"] == "Person" and report["publisher"][0]["@type"] == "Organization"
    assert report["inLanguage"] == "nl" and report["datePublished"] == "2030-10-20"
    assert report["encoding"][0]["contentUrl"] == SITE_URL + "/bestanden/verslag.pdf"
    assert report["encoding"][0]["encodingFormat"] == "application/pdf"


def test_every_page_has_breadcrumbs_canonical_and_open_graph(published):
    for html_file in published.html_files():
        relative = html_file.relative_to(published.output).as_posix()
        url = "/" + relative.removesuffix("index.html")
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        nodes = [node for document in extruct.extract(str(soup), syntaxes=["json-ld"])["json-ld"]
                 for node in document.get("@graph", [document])]
        if url != "/":  # the home page's trail would be one item, which says nothing
            crumbs = of_type(nodes, "BreadcrumbList")["itemListElement"]
            assert crumbs[0]["item"] == SITE_URL + "/" and crumbs[-1]["item"] == SITE_URL + url, url
        assert soup.select_one('link[rel="canonical"]')["href"] == SITE_URL + url
        og = {meta["property"]: meta["content"] for meta in soup.select("meta[property^='og:']")}
        assert og["og:url"] == SITE_URL + url and og["og:locale"] == "nl_NL"
        assert og["og:site_name"] == "Werkplaatsen wijkgericht werken" and og["og:title"] and og["og:description"]
        article = any(node.get("@type") in {"Report", "NewsArticle"} for node in nodes)
        assert og["og:type"] == ("article" if article else "website"), url


def test_structured_data_holds_nothing_unpublished_and_cannot_break_out_of_its_element(production):
    for html_file in production.html_files():
        text = html_file.read_text(encoding="utf-8")
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', text, re.S):
            assert "Een concept" not in block and "Nog niet klaar" not in block
            assert "<" not in block and ">" not in block


# --- Sitemap, citations, changes, related -----------------------------------------------------


def test_the_sitemap_lists_every_page_with_dates_from_the_content(production):
    sitemap = BeautifulSoup((production.output / "sitemap.xml").read_text(), "xml")
    locations = {url.loc.get_text(): url.lastmod.get_text() if url.lastmod else None for url in sitemap.select("url")}
    pages = {SITE_URL + "/" + p.relative_to(production.output).as_posix().removesuffix("index.html")
             for p in production.html_files()} - {SITE_URL + "/404.html"}
    assert set(locations) == pages
    assert locations[SITE_URL + "/casussen/plein/"] == "2030-10-09"
    assert locations[SITE_URL + "/instrumenten/wijkschouw/"] == "2030-06-01"
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in (production.output / "robots.txt").read_text()


def test_a_report_can_be_cited_and_shows_its_changes(published):
    page = published.page("/verslagen/verslag-sessie-1/")
    tags = [(meta["name"], meta["content"]) for meta in page.select("head meta[name^='citation_']")]
    assert tags == [("citation_title", "Verslag van sessie 1"), ("citation_author", "Anna de Vries"),
                    ("citation_publication_date", "2030/10/20"), ("citation_language", "nl"),
                    ("citation_publisher", "Platform31"), ("citation_pdf_url", SITE_URL + "/bestanden/verslag.pdf")]
    changes = page.select_one("section[aria-labelledby=wijzigingen-kop]")
    assert changes.select_one("li").get_text() == "25 oktober 2030: Een fout in les 2 verbeterd."


def test_a_session_shows_its_changes_newest_first(site):
    changes = [li.get_text() for li in site.page("/sessies/verplaatst/").select("section[aria-labelledby=wijzigingen-kop] li")]
    assert changes == ["20 augustus 2030: Begint een half uur later.", "15 augustus 2030: Verplaatst van 1 oktober naar 30 oktober."]


def test_related_items_are_of_other_types_never_linked_already_and_the_same_every_build(site, fixture_build):
    again = fixture_build("2030-09-02 10:00")
    for html_file in site.html_files():
        url = site.url_of(html_file)
        page = site.page(url)
        related = page.select_one("section[aria-labelledby=verwant-kop]")
        if related is None:
            continue
        suggested = hrefs(related, "a")
        assert 1 <= len(suggested) <= 3 and url not in suggested
        others = [a["href"] for a in page.select("main a[href]") if not related.find(attrs={"href": a["href"]})]
        assert not set(suggested) & set(others), (url, suggested)
        assert all(not link.startswith(url.rsplit("/", 2)[0] + "/") for link in suggested), "same type"
        assert hrefs(again.page(url).select_one("section[aria-labelledby=verwant-kop]"), "a") == suggested
