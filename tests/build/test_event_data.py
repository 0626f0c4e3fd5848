"""Event data (JSON-LD) under a frozen clock: the offer follows the one registration status, the
organizer and performers are linked, and the small schema.org rules hold on every page."""

from __future__ import annotations

import pytest

from tests.support import BEFORE_REGISTRATION, LOCAL, REGISTRATION_CLOSED, REGISTRATION_OPEN, SESSIONS_OVER, json_ld, of_type



def event(fixture_build, now: str, slug: str) -> dict:
    return of_type(json_ld(fixture_build(now), f"/sessies/{slug}/"), "Event")


@pytest.mark.parametrize(("now", "slug", "availability"), [
    (BEFORE_REGISTRATION, "gewoon", "PreOrder"), (BEFORE_REGISTRATION, "verplaatst", "PreOrder"),
    (REGISTRATION_OPEN, "gewoon", "InStock"), (REGISTRATION_OPEN, "verplaatst", "InStock"),
    (REGISTRATION_OPEN, "vol", "SoldOut"), (REGISTRATION_OPEN, "bijna-vol", "LimitedAvailability"),
    (REGISTRATION_CLOSED, "gewoon", "OutOfStock"), (REGISTRATION_CLOSED, "verplaatst", "OutOfStock"),
    (SESSIONS_OVER, "verplaatst", "OutOfStock"), (SESSIONS_OVER, "vol", "OutOfStock"),
])
def test_the_offer_follows_the_registration_status_shown_on_the_page(fixture_build, now, slug, availability):
    data = event(fixture_build, now, slug)
    assert data["offers"]["availability"] == f"https://schema.org/{availability}"
    state = fixture_build(now).page(f"/sessies/{slug}/").select_one("main .werkplaatsen-registration")["data-status"]
    assert availability in {"binnenkort": {"PreOrder"}, "open": {"InStock"}, "vol": {"SoldOut"},
                     "bijna-vol": {"LimitedAvailability"}, "gesloten": {"OutOfStock"}, "afgelopen": {"OutOfStock"},
                     "verplaatst": {"PreOrder", "InStock", "OutOfStock"}}[state], state


def test_the_offer_has_price_currency_url_and_opening(fixture_build):
    offer = event(fixture_build, REGISTRATION_OPEN, "gewoon")["offers"]
    assert offer == {"@type": "Offer", "url": "https://www.lpbagenda.nl/ronde-9",
                     "availability": "https://schema.org/InStock", "validFrom": "2030-08-01T09:00+02:00",
                     "price": 0, "priceCurrency": "EUR"}  # the round's costs: "Gratis"
    assert event(fixture_build, REGISTRATION_OPEN, "vol")["offers"]["url"] == "https://www.lpbagenda.nl/wachtlijst"
    assert "offers" not in event(fixture_build, REGISTRATION_OPEN, "geannuleerd")


def test_organizer_and_performers_are_linked(fixture_build):
    data = event(fixture_build, REGISTRATION_OPEN, "gewoon")
    assert data["organizer"] == [{"@type": "Organization", "@id": f"{LOCAL}/partners/platform31/",
                                  "url": f"{LOCAL}/partners/platform31/", "name": "Platform31"}]
    assert data["performer"] == [{"@type": "Person", "@id": f"{LOCAL}/personen/anna-de-vries/",
                                  "url": f"{LOCAL}/personen/anna-de-vries/", "name": "Anna de Vries"}]


@pytest.mark.parametrize(("url", "kind"), [("/personen/anna-de-vries/", "Person"),
                                           ("/partners/platform31/", "Organization")])
def test_people_and_organisations_have_no_language(fixture_build, url, kind):
    assert "inLanguage" not in of_type(json_ld(fixture_build(REGISTRATION_OPEN), url), kind)


def test_no_breadcrumb_list_of_one_item(fixture_build):
    site = fixture_build(REGISTRATION_OPEN)
    for html_file in site.html_files():
        url = site.url_of(html_file)
        for node in json_ld(site, url):
            if node.get("@type") == "BreadcrumbList":
                assert len(node["itemListElement"]) >= 2, url
    assert json_ld(site, "/") == []


def test_the_session_schedule_has_a_caption(fixture_build):
    table = fixture_build(REGISTRATION_OPEN).page("/sessies/gewoon/").select_one("main table")
    assert table.caption.get_text() == "Programma van Sessie gewoon: tijd, onderdeel en wie het verzorgt"
