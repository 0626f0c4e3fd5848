"""Every page under the production headers: no CSP violations, console errors or other hosts."""

from __future__ import annotations

import urllib.error
import urllib.request
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from tests.browser.gates import browser_problems
from werkplaatsen.hosting.serve import SiteServer

pytestmark = pytest.mark.browser


def test_every_page_is_clean_under_the_production_headers(tab, site, site_pages, served_site):
    # A server of its own: Chromium remembers a failed favicon per URL for the whole browser, so on
    # the shared server an earlier test would hide it from this one.
    failures = []
    requested = 0
    with SiteServer(site.output) as server:
        for path, url in site_pages:
            url = server.url + url[len(served_site.url):]
            failures += [f"{path}: {problem}" for problem in browser_problems(tab, url)]
            requested += len(tab.current.requests)
    assert not failures, "problems in the browser:\n" + "\n".join(failures)
    # The recorder really saw the pages load: each page requests at least itself and its CSS.
    assert requested >= 3 * len(site_pages)


def test_the_stylesheets_and_script_load_under_the_headers(tab, served_site):
    """nosniff and the CSP block mislabelled or inline assets: the real ones must all apply."""
    record = tab.visit(served_site.url + "/")
    sheets = tab.page.evaluate("Array.from(document.styleSheets, s => [s.href, s.cssRules.length])")
    assert len(sheets) == 1, sheets
    assert all(href.startswith(served_site.url + "/theme/site.") and rules > 100 for href, rules in sheets), sheets
    assert any(url.startswith(served_site.url + "/theme/js/status.") for url in record.requests), record.requests
    assert not record.failed, record.failed


def test_every_page_has_an_icon(site, served_site):
    """Without a declared icon, browsers request /favicon.ico: a 404 (console error) on every visit."""
    missing = []
    for html_file in site.html_files():
        soup = BeautifulSoup(html_file.read_text(encoding="utf-8"), "html.parser")
        icons = [link["href"] for link in soup.select("link[rel~=icon][href]")] or ["/favicon.ico"]
        for icon in icons:
            url = urljoin(served_site.page_url(html_file), icon)
            try:
                with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
                    status = response.status
            except urllib.error.HTTPError as error:
                status = error.code
            if status != 200:
                missing.append(f"{html_file.relative_to(site.output)}: icon {icon} gives HTTP {status}")
    assert not missing, "missing site icon:\n" + "\n".join(missing)
