"""The real content, built as `make html` does: what a visitor finds on it, and proof that the build's
own checks guard it (a rule the build enforces is broken on purpose here, not checked a second time)."""

from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

import pelicanconf
from tests.support import BUILD_NOW, build, validation_context
from werkplaatsen.system.places import ROOT
from tests.support import content_items
from werkplaatsen.build.sitecheck import PageFacts, broken_links, facts
from werkplaatsen.model import routes, urls
from werkplaatsen.model.contenttypes import BY_NAME, TYPES
from werkplaatsen.reading import frontmatter
from werkplaatsen.reading.catalog import LoadOptions
from werkplaatsen.reading.validation import validate


@pytest.fixture(scope="module")
def pages(site) -> dict[str, PageFacts]:
    """Every built page's links and ids, read with the build's own reader."""
    return {site.url_of(path): facts(path.read_text(encoding="utf-8")) for path in site.html_files()}


def internal_links(page: PageFacts) -> set[str]:
    """The pages and files a page links to on this site, without anchors (the canonical and feed
    links name the site's full address, which is the visitor's own page or a feed)."""
    return {unquote(parts.path) for parts in map(urlsplit, page.links)
            if parts.path and not parts.scheme and not parts.netloc}


def test_every_content_file_has_its_page(pages):
    missing = [url for url in content_items() if url not in pages]
    assert not missing


def test_the_pages_the_site_makes_and_its_menu_and_footer_offer_are_built(pages):
    offered = {**routes.site_urls(), **dict(pelicanconf.MENU), **dict(pelicanconf.FOOTER_LINKS)}
    assert not [url for url in offered if url not in pages]


@pytest.mark.parametrize("kind", [kind for kind in TYPES if kind.list_url], ids=lambda kind: kind.name)
def test_every_overview_links_to_every_item_of_its_type(pages, kind):
    """Followed through its numbered pages (/nieuws/pagina/2/), should the list be split."""
    numbered = f"{kind.list_url}{routes.PAGES_SEGMENT}/"
    overview = [kind.list_url] + sorted(url for url in pages if url.startswith(numbered))
    listed = set().union(*(internal_links(pages[url]) for url in overview))
    items = [url for url, item_kind in content_items().items() if item_kind == kind]
    assert items, f"the real content has no {kind.name}"
    assert not [url for url in items if url not in listed]


def test_every_item_can_be_reached_from_the_home_page_by_following_links(pages):
    """Not only through search: a visitor who starts at the home page and clicks on finds every item."""
    reached, todo = set(), [routes.HOME_URL]
    while todo:
        url = todo.pop()
        if url in reached or url not in pages:
            continue
        reached.add(url)
        todo += internal_links(pages[url])
    assert [url for url in content_items() if url not in reached] == []


def test_the_home_page_shows_the_round_that_runs_at_the_build_moment(site):
    now = BUILD_NOW[:10]  # the front matter's dates as written: ISO dates sort as text
    rounds = BY_NAME["ronde"]
    running = []
    for path in sorted((ROOT / "content" / rounds.folder).rglob("*.md")):
        source, errors = frontmatter.read(str(path), path.read_bytes())
        assert source is not None, errors
        if str(source.data["periode"]["start"]) <= now <= str(source.data["periode"]["eind"]):
            running.append(rounds.url_for(path.stem))
    assert len(running) == 1, "the frozen clock of the build tests must fall in one round of the real content"
    section = site.page(routes.HOME_URL).select_one(".werkplaatsen-current-round")
    assert section is not None
    assert section.h2.get_text(" ", strip=True).startswith("Huidige ronde")
    assert [link["href"] for link in section.h2.select("a[href]")] == running


def test_the_builds_link_check_guards_the_real_pages(site, pages):
    """The build checks every page's links before it writes; on the written pages that check finds
    nothing, and a link planted on a real page to a missing page or anchor is named with its page."""
    files = {"/" + path.relative_to(site.output).as_posix() for path in site.output.rglob("*") if path.is_file()}
    assert broken_links(pages, files, {}, {}) == []
    session = next(url for url, kind in content_items().items() if kind.name == "sessie")
    html = (site.output / session.strip("/") / "index.html").read_text(encoding="utf-8")
    planted = facts(html.replace("</main>", '<a href="/bestaat-niet/">weg</a> <a href="/#nergens">weg</a></main>'))
    errors = [str(error) for error in broken_links({**pages, session: planted}, files, {}, {})]
    advice = "Pas de link aan of publiceer de pagina."
    assert errors == [
        f"de site: de link /#nergens (op {session}) wijst naar een plek die er niet is. {advice}",
        f"de site: de link /bestaat-niet/ (op {session}) wijst naar een pagina die niet bestaat. {advice}",
    ]


def test_a_registration_form_on_another_website_is_refused_in_the_real_content(site):
    """The registration buttons are written from fields the build only accepts on the registration
    hosts: the real round on the home page, its form moved to a host for plain links, is refused."""
    current = site.page(routes.HOME_URL).select_one(".werkplaatsen-current-round")
    form, shown = current.select_one(".werkplaatsen-registration a[href]")["href"], current.h2.a["href"]
    rounds = BY_NAME["ronde"]
    path = next(path for path in (ROOT / "content" / rounds.folder).rglob("*.md")
                if rounds.url_for(path.stem) == shown)
    other = form.replace(urls.resolve(form, allow_internal=False).host, pelicanconf.WERKPLAATSEN_LINK_HOSTS[0])
    text = path.read_text(encoding="utf-8")
    assert form in text
    source, _ = frontmatter.read(str(path), text.replace(form, other).encode("utf-8"))
    errors = [str(error) for error in validate(source, rounds.schema, validation_context())[1]]
    assert len(errors) == 1
    assert errors[0].startswith(f"{path}, regel ")
    assert f'"{other}" gaat naar {pelicanconf.WERKPLAATSEN_LINK_HOSTS[0]}' in errors[0]


def test_pages_keep_to_the_link_rules_the_build_applies_to_editors(site):
    """Editors' links and images are checked where they write them; the templates and settings add
    links too (menu, footer, buttons, the page head), which only this test checks: links leave the
    site over https to an allowed host (or are mailto:/tel:), and nothing is loaded from another host."""
    hosts = LoadOptions.from_settings(vars(pelicanconf)).hosts["links"]
    own = pelicanconf.SITEURL + "/"
    offenders = []
    for path in site.html_files():
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("a[href]"):
            try:
                urls.link(tag["href"], hosts)
            except urls.UrlProblem as problem:
                offenders.append(f"{site.url_of(path)}: {problem}")
        for tag in soup.select("link[rel~=canonical], link[rel~=alternate]"):
            if not tag["href"].startswith(own):
                offenders.append(f"{site.url_of(path)}: {tag['href']} is not this site's address")
        for tag in soup.select("[src], link[href]:not([rel~=canonical]):not([rel~=alternate])"):
            if not urls.resolve(tag.get("src") or tag["href"], allow_internal=True).internal:
                offenders.append(f"{site.url_of(path)}: {tag} loads from another host")
    assert not offenders


@pytest.mark.parametrize("processes", ["1", "3"])
def test_builds_are_byte_identical_whatever_the_number_of_processes(site, tmp_path, processes):
    """The session's site was built with one process per core; this one with 1 or 3."""
    again = build(ROOT / "content", tmp_path / "again", extra_env={"WERKPLAATSEN_PROCESSEN": processes})
    assert again.returncode == 0, again.stderr
    first = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*") if p.is_file()}
    second = {p.relative_to(again.output): p.read_bytes() for p in again.output.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
