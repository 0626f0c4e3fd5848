"""The content-type descriptors drive the indexes: what only one type does is its role, and what a
type shows (related items, theme pages, share image, its line on the home page) is an attribute of
its descriptor. The indexes hand templates ready values: counts with their noun, which sections show.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import datetime

import pytest

import pelicanconf
from tests.support import FIXTURE_CONTENT
from werkplaatsen.model.contenttypes import BY_ROLE, TYPES, Role, TopTask
from werkplaatsen.model.fields import TIMEZONE
from werkplaatsen.model.routes import LESSONS_URL
from werkplaatsen.model.vocabulary import Vocabulary, vocabulary
from werkplaatsen.reading.catalog import LoadOptions, collect
from werkplaatsen.system.places import ROOT
from werkplaatsen.view.indexes import LESSONS_TASK, Site
from werkplaatsen.view.pages import Pagination
from werkplaatsen.view.shareimages import FOLDER, GENERAL, SECTIONS, section

TEMPLATES = ROOT / "theme" / "templates"
# The stages whose code the descriptors drive: none of them writes a type's name.
DRIVEN = ("reading", "view", "outputs", "build", "hosting")
# Words that are also a type's name: (file, the line's text).
WORDS = {("view/present.py", 'facts.append(dutch.count(entry.paginas, "pagina", "pagina\'s"))')}  # a PDF's pages
NOW = datetime(2030, 9, 1, 10, tzinfo=TIMEZONE)  # the fixture site's clock: its sessions are all to come
SESSIONS, ROUNDS, REPORTS = BY_ROLE[Role.SESSIONS], BY_ROLE[Role.ROUNDS], BY_ROLE[Role.REPORTS]


@pytest.fixture(scope="module")
def site() -> Site:
    terms = vocabulary()
    catalog, errors = collect(FIXTURE_CONTENT, terms, LoadOptions.from_settings(vars(pelicanconf), NOW))
    assert errors == []
    return Site(catalog, Vocabulary(terms), NOW)


def test_each_role_is_played_by_exactly_one_type():
    assert Counter(kind.role for kind in TYPES if kind.role) == {role: 1 for role in Role}


def test_each_share_section_has_its_image_and_alt_text_and_names_the_type_s_pages():
    for kind in TYPES:
        name = kind.share_section or GENERAL
        assert name in SECTIONS, kind.name
        assert (ROOT / "theme" / "static" / FOLDER / f"{name}.png").is_file(), kind.name
        if kind.list_url:
            assert section(f"{kind.list_url}pagina/2/") == name
    assert section(LESSONS_URL) == REPORTS.share_section  # the lessons come from the reports
    assert section("/zoeken/") == GENERAL


def test_only_rounds_and_sessions_have_a_registration_status(site):
    for item in site.catalog:
        assert (site.status(item) is not None) == (item.type in (ROUNDS, SESSIONS)), item


def test_a_session_without_its_own_registration_has_its_round_s(site):
    session = next(s for s in site.catalog.all(SESSIONS.name) if not s.aanmelding and s.ronde.aanmelding)
    assert site.registration(session) == session.ronde.aanmelding
    assert site.registration(session.ronde) == session.ronde.aanmelding


def test_related_suggestions_come_from_related_types_other_than_the_item_s_own(site):
    suggested = {item: site.related(item) for item in site.catalog}
    assert any(suggested.values())
    for item, others in suggested.items():
        assert all(other.type.related and other.type is not item.type for other in others), item
        if not item.type.related:
            assert others == [], item


def test_a_theme_page_lists_the_types_that_ask_for_it_in_the_order_of_the_descriptors(site):
    on_theme_pages = [kind.name for kind in TYPES if kind.theme_page]
    seen = set()
    for theme in site.themes:
        names = [excerpt.key for excerpt in site.theme_sections(theme)]
        assert names == [name for name in on_theme_pages if name in names]
        seen |= set(names)
    assert seen == set(on_theme_pages)  # the fixture site has every one of them on a theme


def test_the_lessons_naming_a_casus_or_instrument_are_the_lesson_cards_that_name_it(site):
    named = {item: [lesson for lesson in site.lessons if item in (*lesson.card.casussen, *lesson.card.instrumenten)]
             for type_name in ("casus", "instrument") for item in site.catalog.all(type_name)}
    assert any(named.values())
    assert all(site.lessons_naming(item) == lessons for item, lessons in named.items())


def test_a_top_task_counts_in_the_right_form_with_its_words_after_the_noun():
    task = TopTask("werkvorm", "werkvormen", "om morgen te gebruiken")
    assert task.text(1) == "1 werkvorm om morgen te gebruiken"
    assert task.text(0) == "0 werkvormen om morgen te gebruiken"
    assert TopTask("lokale opgave van een trio", "lokale opgaven van trio's").text(2) == \
        "2 lokale opgaven van trio's"


def test_the_home_page_s_top_tasks_are_the_types_that_ask_for_one_then_the_lessons(site):
    asking = [kind for kind in TYPES if kind.top_task]
    lines = site.top_tasks
    assert [(line.url, line.title) for line in lines] == [(kind.list_url, kind.plural) for kind in asking] + [
        (LESSONS_URL, LESSONS_TASK[0])]
    counts = [len(site.catalog.all(kind.name)) for kind in asking] + [len(site.lessons)]
    assert [line.text.split()[0] for line in lines] == [str(number) for number in counts]
    assert lines[-1].text == "2 lessen per thema"


def test_the_home_page_s_sessions_link_to_the_sessions_overview(site):
    sessions = site.home_sessions
    assert (sessions.key, sessions.label, sessions.kind) == (SESSIONS.folder, "Volgende sessies", SESSIONS)
    assert sessions.members == site.upcoming_sessions[:3]
    assert [(section.key, section.kind) for section in site.home_sections] == [
        (kind.name, kind) for kind in TYPES if kind.home and site.catalog.all(kind.name)]


def test_the_sessions_overview_shows_its_upcoming_section_on_the_first_page_and_where_sessions_are_to_come(site):
    upcoming = site.upcoming_sessions
    assert upcoming and not site.past_sessions
    pages = Pagination(2, ["/sessies/", "/sessies/pagina/2/"])
    assert site.sessions_page([], None).upcoming_section  # the only page: it says none are planned
    assert site.sessions_page([], Pagination(1, pages.urls)).upcoming_section
    assert not site.sessions_page([], pages).upcoming_section  # a later page with past sessions only
    split = site.sessions_page(upcoming, pages)
    assert split.upcoming_section and split.upcoming == upcoming and split.past == []


def test_a_filter_page_says_how_many_items_have_its_value_in_the_right_form(site):
    summaries = {value.summary for facets in site.facets.values() for _, values in facets for value in values}
    assert "1 instrument met thema Participatie." in summaries
    rounds = next(values for facet, values in site.facets[SESSIONS.name] if facet.name == "ronde")
    assert {value.summary for value in rounds} == {f"{len(value.items)} sessies met ronde {value.label}."
                                                   for value in rounds}
    assert all(len(value.items) > 1 for value in rounds)


def _type_names() -> re.Pattern:
    return re.compile(r"""["'](%s)["']""" % "|".join(kind.name for kind in TYPES))


def test_the_stages_that_the_descriptors_drive_write_no_type_name():
    package = ROOT / "plugins" / "werkplaatsen"
    found = [(f"{path.relative_to(package)}", line.strip()) for stage in DRIVEN
             for path in sorted((package / stage).rglob("*.py"))
             for line in path.read_text(encoding="utf-8").splitlines() if _type_names().search(line)]
    assert set(found) == WORDS


def test_templates_shared_by_the_types_name_none_of_them():
    list_templates = Counter(kind.list_template for kind in TYPES if kind.list_url)
    own = {kind.name for kind in TYPES} | {name for name, uses in list_templates.items() if uses == 1}
    naming = re.compile(_type_names().pattern + r"|backlinks\.\w|listed\(|\btypes\.\w")
    shared = [path for path in sorted(TEMPLATES.rglob("*.html")) if path.stem not in own]
    assert len(shared) > 10 and "home" in {path.stem for path in shared}
    found = [(path.name, line.strip()) for path in shared
             for line in path.read_text(encoding="utf-8").splitlines() if naming.search(line)]
    assert found == []
