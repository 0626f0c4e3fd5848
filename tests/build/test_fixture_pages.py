"""Every page type of the fixture site: URL, Dutch labels and values, links in both directions."""

import pytest

from tests.support import FIXTURE_CONTENT, REGISTRATION_OPEN, build


@pytest.fixture(scope="module")
def site(fixture_build):
    return fixture_build(REGISTRATION_OPEN)


def text(soup) -> str:
    return soup.select_one("main").get_text(" ", strip=True)


def links(soup) -> set[str]:
    return {a["href"] for a in soup.select("main a[href]")}


def facts(soup) -> dict[str, str]:
    return {
        item.select_one("dt").get_text(strip=True): " ".join(item.select_one("dd").get_text().split())
        for item in soup.select("main .utrecht-data-list__item")
    }


@pytest.mark.parametrize(
    "url",
    [
        "/", "/programma/", "/programma/ronde-9/", "/sessies/", "/sessies/gewoon/", "/casussen/",
        "/casussen/plein/", "/instrumenten/", "/instrumenten/wijkschouw/", "/verslagen/",
        "/verslagen/verslag-sessie-1/", "/lessen/", "/themas/", "/themas/participatie/",
        "/partners/platform31/", "/personen/anna-de-vries/", "/over/", "/aanmelden/", "/contact/",
        "/toegankelijkheid/", "/privacy/", "/404.html",
    ],
)
def test_page_exists_in_dutch_with_one_main_heading(site, url):
    soup = site.page(url)
    assert soup.html["lang"] == "nl"
    assert len(soup.select("h1")) == 1
    assert soup.title.get_text().endswith("| Werkplaatsen wijkgericht werken")


def test_session_page_shows_the_practical_block(site):
    page = site.page("/sessies/gewoon/")
    assert facts(page) == {
        "Wanneer": "dinsdag 8 oktober 2030, 13.30–17.00 uur",
        "Vorm": "Fysiek",
        "Locatie": "Stadhuis, Plein 1, 1234 AB Utrecht",
        "Voor wie": "Wijkambtenaren en hun collega's",
        "Kosten": "Gratis",
    }
    assert "Sessie 1 van" in page.select_one(".utrecht-pre-heading").get_text()
    agenda = [cell.get_text(strip=True) for cell in page.select("main table td")]
    assert agenda == ["13.30", "Welkom", "Anna de Vries"]
    assert "Neem uw casus mee." in text(page)


def test_round_page_lists_sessions_casussen_reports_and_partners(site):
    page = site.page("/programma/ronde-9/")
    assert {"/sessies/gewoon/", "/sessies/vol/", "/casussen/plein/", "/verslagen/verslag-sessie-1/",
            "/partners/platform31/"} <= links(page)
    assert facts(page)["Deelnemers"] == "6 tot 8 wijkambtenaren, elk met twee collega's"
    assert "Platform31: organisator" in page.select_one("main").get_text()


def test_programme_page_gives_each_round_an_anchor_named_after_it(site):
    """/programma/#ronde-9 leads to the round, and the round's section is named by its heading."""
    page = site.page("/programma/")
    heading = page.select_one("main #ronde-9")
    assert heading is not None and heading.get_text(strip=True) == "Ronde negen"
    assert heading.find_parent("section")["aria-labelledby"] == "ronde-9"


def test_programme_page_names_an_ended_round_and_leaves_its_sessions_to_the_round_page(site, fixture_build):
    """However many rounds the programme has had, /programma/ shows the sessions of current rounds only."""
    running = site.page("/programma/")
    assert running.select("main .werkplaatsen-card") and running.select_one("main #eerdere-rondes") is None
    ended = fixture_build("2030-12-16 00:00").page("/programma/")
    [entry] = ended.select_one("main #eerdere-rondes").find_parent("section").select("li")
    assert entry.get_text(" ", strip=True) == "Ronde negen najaar 2030 · 1 september – 15 december 2030"
    assert entry.select_one("a")["href"] == "/programma/ronde-9/"
    assert ended.select("main .werkplaatsen-card") == []
    assert "Er loopt nu geen ronde en er is nog geen nieuwe ronde gepland." in ended.select_one("main").get_text()


def test_casus_page_shows_its_fields_under_dutch_labels(site):
    shown = facts(site.page("/casussen/plein/"))
    assert shown["Gemeente"] == "Voorbeeldstad"
    assert shown["Domeinen"] == "Klimaat en water, Fysiek"
    assert shown["Fase"] == "Verkenning"
    assert shown["Trio"] == "Wijkambtenaar, Beleidsmedewerker klimaatadaptatie"
    assert shown["Bijgewerkt"] == "9 oktober 2030"


def test_instrument_page_shows_steps_and_owner(site):
    page = site.page("/instrumenten/wijkschouw/")
    steps = [li.get_text(strip=True) for li in page.select("main section[aria-labelledby=aanpak-kop] li")]
    assert steps == ["Kies een route.", "Loop de route."]
    assert facts(page)["Eigenaar"] == "Platform31"
    assert facts(page)["Duur"] == "2 uur"


def test_report_shows_files_with_format_size_pages_and_language(site):
    page = site.page("/verslagen/verslag-sessie-1/")
    item = page.select_one('a[href="/bestanden/verslag.pdf"]').parent
    assert "(PDF, 2 kB, 12 pagina's, Nederlands)" in item.get_text()
    assert "Anna de Vries (2030). Verslag van sessie 1. Platform31." in text(page)
    assert page.select_one("#les-1 h3").get_text() == "Loop samen door de wijk"


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("/sessies/gewoon/", "/instrumenten/wijkschouw/"),
        ("/sessies/gewoon/", "/casussen/plein/"),
        ("/casussen/plein/", "/instrumenten/wijkschouw/"),
        ("/verslagen/verslag-sessie-1/", "/sessies/gewoon/"),
        ("/verslagen/verslag-sessie-1/", "/casussen/plein/"),
        ("/sessies/gewoon/", "/personen/anna-de-vries/"),
        ("/verslagen/verslag-sessie-1/", "/programma/ronde-9/"),
    ],
)
def test_references_are_shown_in_both_directions(site, source, target):
    assert target in links(site.page(source)), f"{source} does not link to {target}"
    assert source in links(site.page(target)), f"{target} does not link back to {source}"


def test_lessons_link_to_report_casus_and_instrument(site):
    page = site.page("/lessen/")
    lesson = next(card for card in page.select(".werkplaatsen-lesson") if "Loop samen" in card.get_text())
    hrefs = {a["href"] for a in lesson.select("a")}
    assert hrefs == {"/verslagen/verslag-sessie-1/#les-1", "/casussen/plein/", "/instrumenten/wijkschouw/"}
    themes = [h2.get_text() for h2 in page.select("main section > h2")]
    assert themes == ["Klimaatadaptatie", "Participatie"]  # vocabulary order
    assert "Loop samen door de wijk" in text(site.page("/casussen/plein/"))


def test_theme_page_gathers_every_type(site):
    page = site.page("/themas/participatie/")
    assert {"/programma/ronde-9/", "/sessies/gewoon/", "/instrumenten/wijkschouw/"} <= links(page)


def test_example_items_carry_a_visible_label(site):
    assert "Voorbeeld" in site.page("/casussen/plein/").select_one(".werkplaatsen-example").get_text()
    assert site.page("/instrumenten/wijkschouw/").select_one(".werkplaatsen-example") is None


def test_drafts_show_in_the_preview_with_a_banner(site):
    banner = site.page("/sessies/concept/").select_one(".utrecht-alert")
    assert "Concept" in banner.get_text()


def test_production_refuses_example_content(tmp_path):
    result = build(FIXTURE_CONTENT, tmp_path / "out", now=REGISTRATION_OPEN, settings="publishconf.py")
    assert result.returncode == 1
    assert ("- Voorbeeldinhoud (voorbeeld: ja) gaat niet naar de echte site. Dit geldt voor 1 bestand:\n"
            "  - content/casussen/plein.md, regel 19\n") in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


def test_production_with_examples_allowed_leaves_out_drafts(tmp_path):
    result = build(FIXTURE_CONTENT, tmp_path / "out", now=REGISTRATION_OPEN, settings="publishconf.py",
                   extra_env={"WERKPLAATSEN_VOORBEELDEN_TOESTAAN": "ja"})
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / "out" / "sessies" / "concept").exists()
    listing = (tmp_path / "out" / "sessies" / "index.html").read_text()
    assert "/sessies/gewoon/" in listing and "concept" not in listing
