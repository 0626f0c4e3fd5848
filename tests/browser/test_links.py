"""LinkChecker over http through the whole served real site: no broken links or anchors."""

from __future__ import annotations

import pytest

from tests.browser.gates import linkcheck
from werkplaatsen.serve import SiteServer

pytestmark = pytest.mark.browser


def test_no_broken_internal_links_or_anchors(site, tmp_path):
    # LinkChecker throttles to a few requests a second unless the server sends this header.
    with SiteServer(site.output, extra_headers=[("LinkChecker", "unthrottled")]) as server:
        report = linkcheck(server.url + "/", tmp_path / "linkchecker")
    assert report.clean, (f"LinkChecker: {report.warnings} warning(s), {report.errors} error(s) "
                          f"(exit {report.returncode}):\n{report.output}")
    assert report.checked >= 2 * len(site.html_files()), f"only {report.checked} links checked: recursion?"
