"""Search in Chromium under the production headers: /zoeken/ (js/zoeken.js on the Pagefind index of
the real site) finds Dutch words and their stems, shows type, date and excerpt, filters, lists
lessons as results of their own, runs ?q= on arrival, is reached from the header form on every
page, passes axe, and without JavaScript offers the overviews instead."""

from __future__ import annotations

import re

import pytest

from tests.browser.gates import axe_violations, horizontal_overflow, new_context
from tests.support import OVERVIEW_URLS, index_records
from werkplaatsen.model.routes import SEARCH_INDEX_URL, SEARCH_URL

pytestmark = pytest.mark.browser

RESULTS = """items => items.map(li => ({
    facts: li.querySelector('.utrecht-pre-heading').textContent,
    title: li.querySelector('h2 a').textContent,
    href: li.querySelector('h2 a').getAttribute('href'),
    excerpt: li.querySelector('p.utrecht-paragraph').innerHTML}))"""
CASUS = "/casussen/groene-bewonersinitiatieven-rietlanden/"
LESSON = "/verslagen/verslag-ronde-1-voorjaar-2019/#les-1"


def shown_results(tab) -> list[dict]:
    """Wait until a search is done (aria-busy gone, count announced), check the page had no
    problems, return the results."""
    tab.page.locator("#zoekstatus:not(:empty) + #zoekresultaten:not([aria-busy])").wait_for(state="attached")
    assert tab.current.problems() == []
    return tab.page.locator(".werkplaatsen-result").evaluate_all(RESULTS)


def search(tab, server, query: str) -> list[dict]:
    tab.visit(f"{server.url}/zoeken/?{query}")
    return shown_results(tab)


def status(tab) -> str:
    return tab.page.locator("#zoekstatus").text_content()


def test_a_word_from_one_casus_finds_that_casus(tab, served_site):
    results = search(tab, served_site, "q=buurtmoestuin")
    assert status(tab) == "1 resultaat voor “buurtmoestuin”."
    assert [(r["facts"], r["href"]) for r in results] == [("Casus", CASUS)]
    assert '<mark class="utrecht-mark">buurtmoestuin</mark>' in results[0]["excerpt"]
    assert tab.page.locator("#zoekterm").input_value() == "buurtmoestuin"
    assert not tab.page.locator("#bladeren").is_visible()  # the offer for browsers without JavaScript


def test_a_stemmed_form_finds_the_word(tab, served_site):
    results = search(tab, served_site, "q=wijken")
    assert any('<mark class="utrecht-mark">wijk</mark>' in r["excerpt"] for r in results), results


def test_results_show_type_date_and_excerpt(tab, served_site):
    results = search(tab, served_site, "q=wijkschouw&soort=Sessie")
    assert results and all(re.fullmatch(r"Sessie · \d{1,2} [a-z]+ 2019", r["facts"]) for r in results), results
    assert all("<mark" in r["excerpt"] for r in results)


def test_the_filters_narrow_the_results(tab, served_site, site):
    everything = search(tab, served_site, "q=wijk")
    total = int(status(tab).split()[0])
    assert status(tab) == f"{total} resultaten voor “wijk”." and len(everything) == min(total, 10)
    tab.page.locator("#filter-soort").select_option("Casus")  # by keyboard or mouse: the same change event
    casussen = shown_results(tab)
    assert tab.page.url.endswith("/zoeken/?q=wijk&soort=Casus")
    assert 0 < len(casussen) < total and {r["facts"] for r in casussen} == {"Casus"}

    themed = {url for url, record in index_records(site.output).items()
              if "Klimaatadaptatie" in record["filters"].get("thema", [])}
    climate = search(tab, served_site, "q=wijk&thema=Klimaatadaptatie")
    assert 0 < int(status(tab).split()[0]) < total and {r["href"] for r in climate} <= themed

    dated = search(tab, served_site, "q=wijk&jaar=2019")
    assert 0 < int(status(tab).split()[0]) < total and all(r["facts"].endswith(" 2019") for r in dated)


def test_a_lesson_is_a_result_of_type_les_that_opens_its_card(tab, served_site):
    results = search(tab, served_site, "q=bureau&soort=Les")
    assert [(r["facts"], r["title"], r["href"]) for r in results] == [
        ("Les · 9 juli 2019", "Begin in de wijk, niet aan het bureau.", LESSON)]
    tab.page.locator(".werkplaatsen-result a").click()
    tab.page.wait_for_url(f"**{LESSON}")
    assert tab.page.locator("#les-1").is_visible()


def test_the_header_form_searches_from_any_page(tab, served_site):
    tab.visit(served_site.url + "/instrumenten/")
    tab.page.locator("header input[name=q]").fill("buurtmoestuin")
    tab.page.keyboard.press("Enter")
    tab.page.wait_for_url(f"{served_site.url}/zoeken/?q=buurtmoestuin")
    assert [r["href"] for r in shown_results(tab)] == [CASUS]


def test_more_results_on_request_with_focus_on_the_first_new_one(tab, served_site):
    first = search(tab, served_site, "q=wijk")
    assert len(first) == 10 and int(status(tab).split()[0]) > 10
    tab.page.locator("#meer-resultaten").focus()
    tab.page.keyboard.press("Enter")
    tab.page.locator(".werkplaatsen-result:nth-child(11)").wait_for()
    assert tab.page.evaluate("document.activeElement.closest('.werkplaatsen-result:nth-child(11)') !== null")


def test_results_pass_axe_and_reflow_at_320_px(tab, served_site):
    tab.page.set_viewport_size({"width": 320, "height": 640})
    search(tab, served_site, "q=wijk&soort=Les")
    assert axe_violations(tab.page) == []
    assert horizontal_overflow(tab.page) is None


def test_without_javascript_the_page_offers_the_overviews(browser, served_site):
    context = new_context(browser, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served_site.url + "/zoeken/?q=wijk", wait_until="load")
        browse = page.locator("#bladeren")
        assert browse.is_visible() and "Zoeken werkt alleen als JavaScript aan staat" in browse.text_content()
        assert browse.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))") == OVERVIEW_URLS
        assert not page.locator("#zoeken").is_visible()  # a search form that cannot search is not offered
        assert page.locator("header form input[name=q]").is_visible()  # it leads here
    finally:
        context.close()


def test_the_search_engine_loads_at_the_first_search_not_with_the_page(tab, served_site):
    """Pagefind's code, WebAssembly and index are not part of the page's first view."""
    record = tab.visit(served_site.url + SEARCH_URL)
    tab.page.evaluate("0")
    assert not [url for url in record.requests if SEARCH_INDEX_URL in url], record.requests
    tab.page.fill("#zoekterm", "wijk")
    tab.page.press("#zoekterm", "Enter")
    shown_results(tab)
    assert any(SEARCH_INDEX_URL in url for url in tab.current.requests)
