"""The preview's plain-language panel in real Chromium: axe and Nu find nothing, and it opens without JavaScript."""

from __future__ import annotations

import pytest

from tests.browser.gates import axe_violations, new_context, open_page, vnu_errors
from tests.build.preview_support import PANEL, language_preview
from tests.support import REGISTRATION_OPEN
from werkplaatsen.hosting.serve import SiteServer

pytestmark = pytest.mark.browser

WITH_FINDINGS = "/nieuws/taal/"  # one finding of every kind
WITHOUT_FINDINGS = "/casussen/plein/"


@pytest.fixture(scope="module")
def served_preview(tmp_path_factory):
    """The fixture site's preview, panels included, under the production headers."""
    with language_preview(tmp_path_factory.mktemp("panel-browser")) as preview, SiteServer(preview.output) as server:
        yield preview, server


@pytest.mark.parametrize("path", [WITH_FINDINGS, WITHOUT_FINDINGS])
def test_the_panel_passes_axe_closed_and_open(browser, served_preview, path):
    _, server = served_preview
    context = new_context(browser, now=REGISTRATION_OPEN)
    page, record = open_page(context, server.url + path)
    assert record.problems() == []
    panel = page.locator(f".{PANEL}")
    assert panel.count() == 1
    failures = axe_violations(page)
    summary = panel.locator("summary")
    if summary.count():
        summary.click()
        assert panel.locator("ol > li").first.is_visible()
        failures += [f"open: {line}" for line in axe_violations(page)]
    context.close()
    assert not failures, f"{len(failures)} axe violation(s) on {path}:\n" + "\n".join(failures)


def test_every_preview_page_with_a_panel_is_valid_html(served_preview):
    preview, _ = served_preview
    with_panel = [path for path in preview.output.rglob("*.html") if PANEL in path.read_text(encoding="utf-8")]
    assert len(with_panel) > 15  # every item page of the fixture site
    errors = vnu_errors(preview.output)
    assert not errors, f"{len(errors)} HTML error(s) (Nu HTML checker):\n" + "\n".join(errors)


def test_the_list_opens_and_closes_without_javascript(browser, served_preview):
    _, server = served_preview
    context = new_context(browser, now=REGISTRATION_OPEN, java_script_enabled=False)
    page, record = open_page(context, server.url + WITH_FINDINGS)
    assert record.problems() == []
    summary = page.locator(f".{PANEL} summary")
    first = page.locator(f".{PANEL} ol > li").first
    assert summary.is_visible() and not first.is_visible()
    summary.click()
    assert first.is_visible() and first.locator("mark").text_content() == "middels"
    summary.press("Enter")  # the keyboard closes it again
    assert not first.is_visible()
    context.close()
