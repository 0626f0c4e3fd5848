"""A site that grows keeps light pages: overviews and filter pages are split into numbered pages
of PAGE_SIZE cards, and the programme page shows only the current rounds with their sessions."""

from __future__ import annotations

import pytest

from tests.support import REGISTRATION_OPEN, build, copy_fixture_content
from werkplaatsen.model.contenttypes import PAGE_SIZE
from werkplaatsen.view.indexes import LESSONS_PREVIEW, THEME_PAGE_CARDS
from werkplaatsen.view.pages import LESSONS_PAGE_SIZE

CASES = PAGE_SIZE + 3
REPORTS = LESSONS_PAGE_SIZE + 3  # each with a lesson on participatie


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The fixture site with PAGE_SIZE + 2 more cases on one theme and as many more sessions, all
    past, LESSONS_PAGE_SIZE + 2 more reports, and two rounds after ronde 9."""
    content = copy_fixture_content(tmp_path_factory.mktemp("lang"))
    plein = (content / "casussen" / "plein.md").read_text(encoding="utf-8")
    for number in range(1, CASES):
        (content / "casussen" / f"plein-{number}.md").write_text(
            plein.replace("titel: Een plein dat water bergt", f"titel: Plein {number}"), encoding="utf-8")
    gewoon = (content / "sessies" / "gewoon.md").read_text(encoding="utf-8")
    first_round = content / "rondes" / "ronde-9.md"  # starts in August here: the past sessions fall in it
    first_round.write_text(first_round.read_text(encoding="utf-8").replace("start: 2030-09-01", "start: 2030-08-01"),
                           encoding="utf-8")
    for number in range(1, CASES):
        (content / "sessies" / f"gewoon-{number}.md").write_text(
            gewoon.replace("titel: Sessie gewoon", f"titel: Sessie {number}").replace("2030-10-08", "2030-08-08"),
            encoding="utf-8")
    report = (content / "verslagen" / "verslag-sessie-1.md").read_text(encoding="utf-8")
    for number in range(1, REPORTS):
        (content / "verslagen" / f"verslag-{number}.md").write_text(
            report.replace("titel: Verslag van sessie 1", f"titel: Verslag {number}"), encoding="utf-8")
    ronde = (content / "rondes" / "ronde-9.md").read_text(encoding="utf-8")
    for number, year in ((10, 2031), (11, 2032)):
        (content / "rondes" / f"ronde-{number}.md").write_text(
            ronde.replace("titel: Ronde negen", f"titel: Ronde {number}").replace("nummer: 9", f"nummer: {number}")
            .replace("2030-", f"{year}-").replace("najaar 2030", f"najaar {year}"), encoding="utf-8")
    result = build(content, tmp_path_factory.mktemp("lang") / "output", now=REGISTRATION_OPEN)
    assert result.returncode == 0, result.stderr
    return result


def cards(page) -> list[str]:
    return [link["href"] for link in page.select("main .werkplaatsen-card__title a")]


@pytest.mark.parametrize("first", ["/casussen/", "/casussen/thema/klimaatadaptatie/"])
def test_a_long_list_is_split_into_numbered_pages_that_hold_every_card_once(site, first):
    second = f"{first}pagina/2/"
    pages = [site.page(first), site.page(second)]
    shown = cards(pages[0]) + cards(pages[1])
    assert len(cards(pages[0])) == PAGE_SIZE and len(shown) == len(set(shown)) == CASES
    for page, url in zip(pages, (first, second)):
        links = [a["href"] for a in page.select(".utrecht-pagination__page-link")]
        assert links == [first, second]
        assert page.select_one(".utrecht-pagination__page-link--current")["href"] == url
    assert pages[1].select_one("h1").get_text(strip=True).endswith(", pagina 2")
    assert pages[1].select(".utrecht-breadcrumb-nav a")[-2]["href"] == first  # back to the list's first page
    assert not (site.output / first.strip("/") / "pagina" / "3").exists()


def test_the_sessions_overview_keeps_upcoming_before_past_across_its_pages(site):
    pages = [site.page("/sessies/"), site.page("/sessies/pagina/2/")]
    headings = [[h.get_text(strip=True) for h in page.select("main h2")] for page in pages]
    assert headings == [["Filteren", "Komende sessies", "Geweest"], ["Filteren", "Geweest"]]
    shown = cards(pages[0]) + cards(pages[1])
    assert len(shown) == len(set(shown)) == len(list((site.output / "sessies").glob("*/index.html")))
    assert "/sessies/gewoon/" in cards(pages[0]) and "/sessies/gewoon-1/" in shown


def test_a_filter_page_counts_every_card_not_only_those_on_the_page(site):
    lead = site.page("/casussen/thema/klimaatadaptatie/pagina/2/").select("main .utrecht-paragraph--lead")[-1]
    assert lead.get_text(" ", strip=True) == f"{CASES} casussen met thema Klimaatadaptatie."


def test_the_programme_shows_the_current_round_with_sessions_and_names_later_ones(site):
    page = site.page("/programma/")
    assert page.select_one("main h2#ronde-9") is not None and cards(page)
    later = page.select_one("main #latere-rondes").find_parent("section")
    assert [a["href"] for a in later.select("a")] == ["/programma/ronde-11/"]
    assert page.select_one("main h2#ronde-10") is not None  # the next round to start is shown in full
    assert page.select_one("main #eerdere-rondes") is None


def test_a_theme_page_shows_the_first_cards_of_a_type_and_links_to_its_filter_page_for_all(site):
    section = site.page("/themas/klimaatadaptatie/").select_one("main #casus").find_parent("section")
    assert len(section.select(".werkplaatsen-card")) == THEME_PAGE_CARDS
    more = section.select("a")[-1]
    assert more.get_text(strip=True) == f"Alle {CASES} casussen over Klimaatadaptatie"
    assert more["href"] == "/casussen/thema/klimaatadaptatie/"


def test_the_lessons_page_shows_the_first_of_each_theme_and_links_to_the_theme_for_all(site):
    section = site.page("/lessen/").select_one("main #participatie").find_parent("section")
    assert len(section.select("article")) == LESSONS_PREVIEW
    more = section.select("p a")[-1]
    assert (more.get_text(strip=True), more["href"]) == (f"Alle {REPORTS} lessen over Participatie", "/lessen/participatie/")
    first, second = site.page("/lessen/participatie/"), site.page("/lessen/participatie/pagina/2/")
    assert first.select_one("main .utrecht-paragraph--lead").get_text().startswith(f"{REPORTS} lessen over Participatie uit")
    titles = [article.select_one("h2").get_text(strip=True) for page in (first, second) for article in page.select("main article")]
    assert len(titles) == REPORTS and set(titles) == {"Loop samen door de wijk"}
    links = [a["href"] for page in (first, second) for a in page.select("main article a") if a.get_text().startswith("Verslag")]
    assert len(set(links)) == REPORTS  # every report's lesson once
    assert len(first.select("main article")) == LESSONS_PAGE_SIZE
