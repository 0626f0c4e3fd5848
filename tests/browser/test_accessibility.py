"""axe-core (WCAG 2.1 A and AA) and reflow at 320 px on every page of the built real site."""

from __future__ import annotations

import pytest

from tests.browser.gates import axe_violations, horizontal_overflow

pytestmark = pytest.mark.browser


def test_every_page_passes_axe(tab, site_pages):
    failures = []
    for path, url in site_pages:
        tab.visit(url)
        failures += [f"{path}: {line}" for line in axe_violations(tab.page)]
    assert not failures, f"{len(failures)} axe violation(s) (WCAG 2.1 A/AA):\n" + "\n".join(failures)


def test_no_horizontal_scrolling_at_320_px(tab, site_pages):
    tab.page.set_viewport_size({"width": 320, "height": 640})
    failures = []
    for path, url in site_pages:
        tab.visit(url)
        problem = horizontal_overflow(tab.page)
        if problem:
            failures.append(f"{path}: {problem}")
    assert not failures, "pages scroll sideways at 320 px (WCAG 1.4.10 Reflow):\n" + "\n".join(failures)
