"""The trimmed stylesheet styles every page exactly as the full one would: same computed styles,
same pixels. The build removes rules for classes no page uses (assets.stylesheet); if it removed
one too many, an element somewhere would look different, and these tests say which."""

from __future__ import annotations

import re

import pytest

import pelicanconf
from tests.browser.gates import new_context
from tests.support import example_paths
from werkplaatsen.system.places import ROOT

pytestmark = pytest.mark.browser

# Every element's computed style (and that of its ::before and ::after), one string per element.
# Custom properties are left out: their computed value is their text (minifying writes .5rem for
# 0.5rem); what they do shows in the real properties that use them.
COMPUTED_STYLES = """() => Array.from(document.querySelectorAll('*'), el => {
    const parts = [];
    for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(el, pseudo);
        for (const name of style) if (!name.startsWith('--')) parts.push(name + ':' + style.getPropertyValue(name));
    }
    return el.tagName + (el.className && typeof el.className === 'string' ? '.' + el.className : '') + ' ' + parts.join(';');
})"""


def full_stylesheet() -> str:
    return "\n".join((ROOT / part).read_text(encoding="utf-8") for part in pelicanconf.WERKPLAATSEN_STYLESHEET)


def looks(page, url: str, stylesheet: str | None):
    """Computed styles and a full-page screenshot of `url`, with the full stylesheet if given."""
    page.unroute("**/theme/site.*.css")
    if stylesheet is not None:
        page.route("**/theme/site.*.css", lambda route: route.fulfill(status=200, body=stylesheet,
                                                                       content_type="text/css; charset=utf-8"))
    page.goto(url, wait_until="load")
    return page.evaluate(COMPUTED_STYLES), page.screenshot(full_page=True)


def test_the_stylesheet_is_trimmed_and_minified(site):
    [trimmed] = (site.output / "theme").glob("site.*.css")
    size = trimmed.stat().st_size
    assert size < len(full_stylesheet().encode()) / 2, size
    assert "\n" not in trimmed.read_text(encoding="utf-8").strip()
    # A class only status.js uses is kept: it is not on any page until the script adds it.
    assert ".utrecht-status-badge--inactive" in trimmed.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [375, 1280])
def test_every_page_type_looks_the_same_with_the_full_stylesheet(browser, site, served_site, width):
    full = full_stylesheet()
    context = new_context(browser, viewport={"width": width, "height": 800})
    page = context.new_page()
    try:
        for kind, path in example_paths(site).items():
            trimmed_styles, trimmed_pixels = looks(page, served_site.url + path, None)
            full_styles, full_pixels = looks(page, served_site.url + path, full)
            differing = [f"{full_style[:80]}..." for trimmed_style, full_style in zip(trimmed_styles, full_styles)
                         if trimmed_style != full_style]
            assert not differing, f"{kind} ({path}) looks different at {width} px:\n" + "\n".join(differing[:5])
            assert trimmed_pixels == full_pixels, f"{kind} ({path}) renders other pixels at {width} px"
    finally:
        context.close()


def test_a_rule_the_pages_need_would_be_missed(browser, site, served_site):
    """The comparison above notices a missing rule: drop one and a page must look different."""
    full = full_stylesheet()
    broken = re.sub(r"\.werkplaatsen-logo\s*\{[^}]*\}", "", full, count=1)
    assert broken != full
    context = new_context(browser, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    try:
        styles, _ = looks(page, served_site.url + "/", full)
        broken_styles, _ = looks(page, served_site.url + "/", broken)
        assert styles != broken_styles
    finally:
        context.close()
