"""The whole served real site: LinkChecker finds no broken link over http, the anchor check no broken anchor."""

from __future__ import annotations

import pytest

from tests.browser.gates import anchor_problems, linkcheck
from werkplaatsen.hosting.serve import SiteServer

pytestmark = pytest.mark.browser


def test_no_broken_internal_links(site, tmp_path):
    # LinkChecker throttles to a few requests a second unless the server sends this header.
    with SiteServer(site.output, extra_headers=[("LinkChecker", "unthrottled")]) as server:
        report = linkcheck(server.url + "/", tmp_path / "linkchecker")
    assert report.clean, (f"LinkChecker: {report.warnings} warning(s), {report.errors} error(s) "
                          f"(exit {report.returncode}):\n{report.output}")
    assert report.checked >= len(site.html_files()), f"only {report.checked} links checked: recursion?"


def test_no_broken_anchors(site):
    assert anchor_problems(site.output) == []
