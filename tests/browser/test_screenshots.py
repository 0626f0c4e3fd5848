"""Every page type at 375 px and 1280 px wide (full page) looks as its committed baseline.

The pages are the fixture site's (tests/fixtures/site, built and viewed at the frozen moment
REGISTRATION_OPEN), so new content from editors never moves a baseline; a change to a template, a
stylesheet or a design token does. The tolerance is stated in tests/browser/pixels.py.

A mismatch writes the new screenshot and a picture of the difference (changed pixels in red) to
test-artifacts/screenshots/. After an intended change of the layout, `make screenshots` writes
new baselines to tests/browser/screenshots/; look at them (`git diff` names each changed one)
before you commit them. `chromium.txt` beside them names the Chromium that last confirmed them: a
new Chromium may draw the edges of text a little differently, and a failure then says so.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.gates import new_context
from tests.browser.pixels import compare, remove_stale, update
from tests.support import REGISTRATION_OPEN, example_paths
from werkplaatsen.system.places import ROOT

pytestmark = pytest.mark.browser

BASELINES = Path(__file__).parent / "screenshots"
ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = (375, 1280)
UPDATE = "make screenshots"
MADE_WITH = BASELINES / "chromium.txt"


def screenshots(browser, site, server, width: int) -> dict[str, bytes]:
    """Each page type's full-page screenshot at `width`, by baseline file name."""
    context = new_context(browser, now=REGISTRATION_OPEN, viewport={"width": width, "height": 800})
    page = context.new_page()
    taken = {}
    try:
        for kind, path in example_paths(site).items():
            response = page.goto(server.url + path, wait_until="load")
            assert response.status == (404 if kind == "404" else 200), path
            page.evaluate("document.fonts.ready")
            taken[f"{kind}-{width}.png"] = page.screenshot(full_page=True, animations="disabled", caret="hide")
    finally:
        context.close()
    return taken


@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_looks_as_its_baseline(browser, fixture_site, served_fixture_site, width, request):
    taken = screenshots(browser, fixture_site, served_fixture_site, width)
    if request.config.getoption("update_screenshots"):
        update(BASELINES, taken)
        MADE_WITH.write_text(browser.version + "\n", encoding="utf-8")
        return
    problems = []
    for name, png in taken.items():
        baseline = BASELINES / name
        if not baseline.exists():
            problems.append(f"{name}: no baseline yet")
            continue
        mismatch = compare(baseline.read_bytes(), png)
        if mismatch:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            (ARTIFACTS / name).write_bytes(png)
            if mismatch.difference:
                mismatch.difference.save(ARTIFACTS / name.replace(".png", "-verschil.png"))
            problems.append(f"{name}: {mismatch.reason}")
    made_with = MADE_WITH.read_text(encoding="utf-8").strip()
    other_browser = (f"The baselines were confirmed with Chromium {made_with}; this is Chromium {browser.version}. If the "
                     f"difference pictures show only the edges of text, {UPDATE}.\n" if made_with != browser.version else "")
    assert not problems, (f"{len(problems)} screenshots differ from their baseline; the new ones are in "
                          f"{ARTIFACTS.relative_to(ROOT)}. {other_browser}If the change was intended: {UPDATE}\n"
                          + "\n".join(problems))


def test_every_baseline_belongs_to_a_page_type_and_width(fixture_site, request):
    expected = {f"{kind}-{width}.png" for kind in example_paths(fixture_site) for width in WIDTHS}
    if request.config.getoption("update_screenshots"):
        remove_stale(BASELINES, expected)
    assert {path.name for path in BASELINES.glob("*.png")} == expected
