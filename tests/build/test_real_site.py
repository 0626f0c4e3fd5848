"""The real content, built as `make html` does: every item has its page, every link resolves."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from pelicanconf import WERKPLAATSEN_AANMELD_HOSTS, WERKPLAATSEN_LINK_HOSTS
from tests.conftest import ROOT
from tests.support import content_items
from werkplaatsen.model.contenttypes import TYPES

CONTENT = ROOT / "content"
SITE_PAGES = ["/", "/programma/", "/sessies/", "/casussen/", "/instrumenten/", "/verslagen/", "/lessen/",
              "/themas/", "/over/", "/aanmelden/", "/contact/", "/toegankelijkheid/", "/privacy/"]


@pytest.fixture(scope="module")
def pages(site) -> dict[str, BeautifulSoup]:
    parsed = {}
    for path in site.html_files():
        url = "/" + path.relative_to(site.output).as_posix().removesuffix("index.html")
        parsed[url] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return parsed


def test_every_content_file_has_its_page(pages):
    missing = [url for url in content_items() if url not in pages]
    assert not missing


def test_every_site_page_exists(pages):
    assert not [url for url in SITE_PAGES if url not in pages]


def test_the_content_set_is_complete_enough_to_browse():
    counts = {kind.name: len(list((CONTENT / kind.folder).rglob("*.md"))) for kind in TYPES}
    minimum = {"ronde": 2, "sessie": 4, "casus": 4, "instrument": 5, "verslag": 2, "pagina": 5}
    assert all(counts[kind] >= number for kind, number in minimum.items()), counts


def test_no_resource_comes_from_another_host(pages):
    offenders = [
        (url, tag["src"] if tag.has_attr("src") else tag["href"])
        for url, soup in pages.items()
        for tag in soup.select("[src], link[href]:not([rel~=canonical]):not([rel~=alternate])")
        if urlsplit(tag.get("src") or tag.get("href")).netloc
    ]
    assert not offenders


def test_links_leave_the_site_only_to_allowed_hosts_over_https(pages):
    allowed = set(WERKPLAATSEN_AANMELD_HOSTS) | set(WERKPLAATSEN_LINK_HOSTS)
    offenders = []
    for url, soup in pages.items():
        for link in soup.select("a[href]"):
            parts = urlsplit(link["href"])
            if parts.scheme in ("mailto", "tel"):
                continue
            if parts.netloc and (parts.scheme != "https" or parts.hostname not in allowed):
                offenders.append((url, link["href"]))
    assert not offenders


def test_registration_buttons_go_only_to_registration_hosts(pages):
    for url, soup in pages.items():
        for button in soup.select(".werkplaatsen-registration a"):
            assert urlsplit(button["href"]).hostname in WERKPLAATSEN_AANMELD_HOSTS, url


def test_no_internal_link_points_at_a_missing_page_or_anchor(site, pages):
    broken = []
    for url, soup in pages.items():
        for tag in soup.select("a[href], [src], link[href]"):
            target = tag.get("href") or tag.get("src")
            parts = urlsplit(target)
            if parts.scheme or parts.netloc:
                continue
            path, anchor = parts.path or url, parts.fragment
            file = site.output / path.lstrip("/")
            if path.endswith("/"):
                file = file / "index.html"
            if not file.is_file():
                broken.append((url, target))
            elif anchor and file.suffix == ".html":
                page = pages.get(path) or BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
                if page.find(id=anchor) is None:
                    broken.append((url, target))
    assert not broken


@pytest.mark.parametrize("processes", ["1", "3"])
def test_builds_are_byte_identical_whatever_the_number_of_processes(site, tmp_path, processes):
    """The session's site was built with one process per core; this one with 1 or 3."""
    from tests.conftest import build

    again = build(ROOT / "content", tmp_path / "again", extra_env={"WERKPLAATSEN_PROCESSEN": processes})
    assert again.returncode == 0, again.stderr
    first = {p.relative_to(site.output): p.read_bytes() for p in site.output.rglob("*") if p.is_file()}
    second = {p.relative_to(again.output): p.read_bytes() for p in again.output.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
