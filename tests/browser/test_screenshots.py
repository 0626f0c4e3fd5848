"""Screenshots of every page type at 375 px and 1280 px (full page), for people to look at.

They are written to test-artifacts/screenshots/ (git-ignored), named `<type>-<width>.png`.
"""

from __future__ import annotations

import struct

import pytest

from tests.browser.gates import ROOT, new_context
from tests.support import example_paths

pytestmark = pytest.mark.browser

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
WIDTHS = (375, 1280)


def png_size(path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_screenshots_of_every_page_type(browser, site, served_site, capsys):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    paths = example_paths(site)
    written = []
    for width in WIDTHS:
        context = new_context(browser, viewport={"width": width, "height": 800})
        page = context.new_page()
        try:
            for kind, path in paths.items():
                response = page.goto(served_site.url + path, wait_until="load")
                assert response.status == (404 if kind == "404" else 200), path
                target = SCREENSHOTS / f"{kind}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
        finally:
            context.close()
    for target in written:
        assert target.stat().st_size > 5_000, f"{target} is suspiciously small"
        image_width, image_height = png_size(target)
        assert image_width == int(target.stem.rsplit("-", 1)[1]) and image_height >= 300, (target, image_width,
                                                                                             image_height)
    with capsys.disabled():
        print(f"\n{len(written)} screenshots in {SCREENSHOTS}")
