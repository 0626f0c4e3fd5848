"""Each theme component (one macro per file in theme/templates/components) with its examples.

Like GOV.UK Frontend: an example is a set of macro arguments; the test renders it and checks
the NL Design System markup that comes out.
"""

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from werkplaatsen.model.fields import TIMEZONE
from werkplaatsen.model.status import Status
from werkplaatsen.system.places import ROOT
from werkplaatsen.view import timetags
from werkplaatsen.view.search import SearchResult

FORM = "https://www.lpbagenda.nl/werkplaatsen"
MOMENTS = {
    "opens": datetime(2019, 8, 1, 9, 0, tzinfo=TIMEZONE),
    "closes": datetime(2019, 9, 20, 17, 0, tzinfo=TIMEZONE),
    "ends": datetime(2019, 10, 8, 17, 0, tzinfo=TIMEZONE),
}


@pytest.fixture(scope="module")
def render():
    env = Environment(loader=FileSystemLoader(ROOT / "theme" / "templates"), autoescape=True, undefined=StrictUndefined)
    env.filters.update(timetags.FILTERS, markdown=lambda text: text)

    def render_macro(component: str, macro: str, *args, **kwargs) -> BeautifulSoup:
        module = env.get_template(f"components/{component}.html").module
        return BeautifulSoup(str(getattr(module, macro)(*args, **kwargs)), "html.parser")

    return render_macro


REGISTRATION_EXAMPLES = {
    "open": (Status("open", "Aanmelden", action_url=FORM, action_label="Aanmelden", **MOMENTS), None, True),
    "bijna-vol": (Status("bijna-vol", "Nog enkele plaatsen", action_url=FORM, action_label="Aanmelden", **MOMENTS), "Nog enkele plaatsen", True),
    "vol": (Status("vol", "Vol: aanmelden voor de wachtlijst", action_url=FORM, action_label="Aanmelden voor de wachtlijst", **MOMENTS), "Vol", True),
    "gesloten": (Status("gesloten", "Aanmelding gesloten", **MOMENTS), "Aanmelding gesloten", False),
    "geannuleerd": (Status("geannuleerd", "Geannuleerd", **MOMENTS), "Geannuleerd", False),
}


@pytest.mark.parametrize("example", REGISTRATION_EXAMPLES)
def test_registration(render, example):
    status, badge, button = REGISTRATION_EXAMPLES[example]
    soup = render("registration", "registration", status)
    block = soup.select_one(".werkplaatsen-registration")
    assert block["data-status"] == status.code
    assert block["data-closes"] == "2019-09-20T17:00+02:00" and block["data-ends"] == "2019-10-08T17:00+02:00"
    shown = soup.select_one(".utrecht-status-badge")
    assert (shown.get_text() if shown else None) == badge
    link = soup.select_one("a.utrecht-button-link.utrecht-button-link--primary-action")
    assert bool(link) == button
    if button:
        assert link["href"] == FORM and link["rel"] == ["external", "noopener"]
        assert "(externe website)" in link.get_text()
        assert "vrijdag 20 september 2019 om 17.00 uur" in soup.get_text()


def test_registration_compact_leaves_out_the_deadline_text(render):
    soup = render("registration", "registration", REGISTRATION_EXAMPLES["open"][0], compact=True)
    assert "werkplaatsen-registration--compact" in soup.div["class"]
    assert soup.select_one(".werkplaatsen-registration__deadline") is None


def test_breadcrumb(render):
    soup = render("breadcrumb", "breadcrumb", [("/", "Home"), ("/sessies/", "Sessies"), ("/sessies/x/", "Sessie x")])
    assert soup.nav["aria-label"] == "Kruimelpad"
    links = soup.select("li.utrecht-breadcrumb-nav__item a.utrecht-breadcrumb-nav__link")
    assert [a["href"] for a in links] == ["/", "/sessies/", "/sessies/x/"]
    assert links[-1]["aria-current"] == "page" and "utrecht-breadcrumb-nav__link--current" in links[-1]["class"]


def test_data_list_leaves_out_empty_values_and_escapes(render):
    soup = render("data_list", "data_list", [("Wanneer", "dinsdag"), ("Kosten", None), ("Waar", "<b>Stadhuis</b>")])
    keys = [dt.get_text() for dt in soup.select("dt.utrecht-data-list__item-key")]
    assert keys == ["Wanneer", "Waar"]
    assert soup.select("dd b") == [] and "<b>Stadhuis</b>" in soup.get_text()


def test_link_list_with_descriptions(render):
    items = [SimpleNamespace(url="/instrumenten/a/", titel="A"), SimpleNamespace(url="/instrumenten/b/", titel="B")]
    soup = render("link_list", "link_list", "instrumenten-kop", "Instrumenten", items, lambda item: f"over {item.titel}")
    assert soup.section["aria-labelledby"] == soup.h2["id"] == "instrumenten-kop"
    assert [a["href"] for a in soup.select("a.utrecht-link-list__link")] == ["/instrumenten/a/", "/instrumenten/b/"]
    assert soup.select_one(".werkplaatsen-link-list__description").get_text() == "over A"


def test_link_list_renders_nothing_without_items(render):
    assert render("link_list", "link_list", "x", "Leeg", []).get_text().strip() == ""


def test_inline_links(render):
    items = [SimpleNamespace(url="/personen/a/", titel="Anna"), None, SimpleNamespace(url="/personen/b/", titel="Bram")]
    soup = render("link_list", "inline_links", items)
    assert soup.get_text() == "Anna, Bram"


@pytest.mark.parametrize(("status", "voorbeeld", "alert", "label"), [
    ("concept", False, True, False), ("gepubliceerd", True, False, True), ("gepubliceerd", False, False, False),
])
def test_item_flags(render, status, voorbeeld, alert, label):
    soup = render("notice", "item_flags", SimpleNamespace(status=status, voorbeeld=voorbeeld))
    assert bool(soup.select_one(".utrecht-alert.utrecht-alert--warning")) == alert
    assert bool(soup.select_one(".werkplaatsen-example .utrecht-data-badge")) == label


APPEARS = datetime(2030, 9, 5, 0, 0, tzinfo=TIMEZONE)


def test_item_flags_say_when_a_future_dated_item_appears_to_the_minute(render):
    soup = render("notice", "item_flags", SimpleNamespace(status="gepubliceerd", voorbeeld=False), APPEARS)
    assert " ".join(soup.select_one(".utrecht-alert--warning").get_text().split()) == (
        "Deze pagina staat nog niet op de echte site. Hij komt daar op donderdag 5 september 2030 om 00.00 uur, "
        "bij de eerste build vanaf dat moment (de site wordt elk uur opnieuw gemaakt). Tot dan ziet u hem alleen "
        "in de voorbeeldweergave.")


def test_appears_label_gives_day_and_time_on_a_card(render):
    soup = render("notice", "appears_label", APPEARS)
    assert soup.select_one(".werkplaatsen-card__flag .utrecht-data-badge").get_text() == (
        "Op de echte site vanaf 5 september 2030, 00.00 uur")


def test_lesson_card_links_report_casus_and_instrument(render):
    lesson = SimpleNamespace(
        anchor="les-2", url="/verslagen/v/#les-2", report=SimpleNamespace(titel="Verslag"),
        card=SimpleNamespace(titel="Begin klein", tekst="Een kleine stap.",
                             casussen=[SimpleNamespace(url="/casussen/c/", titel="Casus")],
                             instrumenten=[SimpleNamespace(url="/instrumenten/i/", titel="Instrument")]),
    )
    in_list = render("lesson", "lesson_card", lesson)
    assert [a["href"] for a in in_list.select("a")] == ["/verslagen/v/#les-2", "/casussen/c/", "/instrumenten/i/"]
    on_report = render("lesson", "lesson_card", lesson, show_report=False)
    assert on_report.article["id"] == "les-2" and len(on_report.select("a")) == 2


def test_text_list(render):
    soup = render("text_list", "text_list", "tips-kop", "Tips", ["Begin klein", "<b>Vet</b>"])
    assert soup.section["aria-labelledby"] == soup.h2["id"] == "tips-kop"
    assert [li.get_text() for li in soup.select("li.utrecht-unordered-list__item")] == ["Begin klein", "<b>Vet</b>"]
    assert render("text_list", "text_list", "x", "Leeg", []).get_text().strip() == ""


def test_search_facts_are_hidden_attributes_for_pagefind(render):
    record = SearchResult("/verslagen/v/#les-1", "Les", "8 oktober 2019", 2019, ("Wonen en zorg", "Participatie"))
    soup = render("search", "facts", record)
    assert soup.div.has_attr("hidden") and soup.get_text(strip=True) == ""
    assert [span["data-pagefind-meta"] for span in soup.select("[data-pagefind-meta]")] == [
        "url:/verslagen/v/#les-1", "soort:Les", "datum:8 oktober 2019"]
    assert [span["data-pagefind-filter"] for span in soup.select("[data-pagefind-filter]")] == [
        "soort:Les", "thema:Wonen en zorg", "thema:Participatie", "jaar:2019"]
    undated = render("search", "facts", SearchResult("/over/", "Pagina"))
    assert [span["data-pagefind-filter"] for span in undated.select("[data-pagefind-filter]")] == ["soort:Pagina"]
