"""Each gate, shown to fail: a tiny deliberately broken site goes through the same gate functions
the real tests use, and every planted problem must be reported (and the clean page must not be)."""

from __future__ import annotations

import pytest

from tests.browser.gates import (
    anchor_problems,
    axe_violations,
    focus_indicator_problem,
    focus_style,
    horizontal_overflow,
    linkcheck,
    vnu_errors,
)
from tests.support import tiny_png
from werkplaatsen.hosting.serve import SiteServer

pytestmark = pytest.mark.browser


def html(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<title>{title}</title>\n<link rel="stylesheet" href="/s.css">\n</head>\n'
            f'<body>\n<main>\n<h1>{title}</h1>\n{body}\n</main>\n</body>\n</html>\n')


PAGES = {
    "contrast.html": html("Contrast", '<p class="low">Lichtgrijze tekst op wit.</p>'),
    "img.html": html("Afbeelding", '<p><img src="/pixel.png" width="10" height="10"></p>'),
    "invalid.html": html("Ongeldig", "<p><span><div>Blok in een zin.</div></span></p>\n</div>"),
    "broken-link.html": html("Link", '<p><a href="/bestaat-niet/">Weg</a> en '
                                     '<a href="/index.html#geen-anker">geen anker</a>.</p>'),
    "inline-script.html": html("Script", '<p>Tekst.</p>\n<script>document.title = "uitgevoerd";</script>'),
    "third-party.html": html("Extern", '<p><img src="http://example.invalid/x.png" alt="Extern plaatje"></p>'),
    "wide.html": html("Breed", '<div class="wide">Een blok van 1200 pixels breed.</div>'),
    "no-focus.html": html("Focus", '<p><a class="no-focus" href="/index.html">Zonder focusrand</a> en '
                                   '<a href="/index.html">met focusrand</a>.</p>'),
}
CSS = """body { color: #111; background: #fff; font: 16px/1.5 sans-serif; }
.low { color: #c8c8c8; }
.wide { width: 1200px; }
a:focus { outline: 3px solid #005; outline-offset: 2px; }
a.no-focus:focus { outline: none; }
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    root = tmp_path_factory.mktemp("broken-site")
    links = "".join(f'<li><a href="/{name}">{name}</a></li>' for name in PAGES)
    (root / "index.html").write_text(html("Kapotte site", f'<p id="top">Alle pagina\'s:</p><ul>{links}</ul>'))
    (root / "404.html").write_text(html("Niet gevonden", "<p>Deze pagina bestaat niet.</p>"))
    for name, text in PAGES.items():
        (root / name).write_text(text, encoding="utf-8")
    (root / "s.css").write_text(CSS, encoding="utf-8")
    (root / "pixel.png").write_bytes(tiny_png())
    (root / "favicon.ico").write_bytes(tiny_png())
    return root


@pytest.fixture(scope="module")
def server(broken):
    with SiteServer(broken) as running:  # the production headers from hosting/_headers
        yield running


def test_axe_reports_low_contrast_and_missing_alt(tab, server):
    tab.visit(server.url + "/index.html")
    assert axe_violations(tab.page) == []
    tab.visit(server.url + "/contrast.html")
    contrast = axe_violations(tab.page)
    assert any(line.startswith("color-contrast") and 'class="low"' in line and "#c8c8c8" in line for line in contrast), contrast
    tab.visit(server.url + "/img.html")
    alt = axe_violations(tab.page)
    assert any(line.startswith("image-alt") and "img" in line for line in alt), alt


def test_overflow_check_reports_a_page_wider_than_320_px(tab, server):
    tab.page.set_viewport_size({"width": 320, "height": 640})
    tab.visit(server.url + "/index.html")
    assert horizontal_overflow(tab.page) is None
    tab.visit(server.url + "/wide.html")
    problem = horizontal_overflow(tab.page)
    assert problem and "div.wide" in problem, problem


def test_focus_check_reports_a_link_without_focus_indicator(tab, server):
    page = tab.page
    tab.visit(server.url + "/no-focus.html")
    results = []
    for selector in ("a.no-focus", "a:not(.no-focus)"):
        link = page.locator(selector)
        unfocused = focus_style(link)
        while not link.evaluate("el => el === document.activeElement"):
            page.keyboard.press("Tab")
        results.append(focus_indicator_problem(unfocused, focus_style(link)))
    assert results[0] and results[0].startswith("no visible focus indicator"), results
    assert results[1] is None, results


def test_vnu_reports_invalid_html(broken):
    errors = vnu_errors(broken)
    assert any(line.startswith('"invalid.html"') for line in errors), errors
    assert not [line for line in errors if line.startswith('"index.html"')], errors


def test_linkchecker_reports_the_broken_link(broken, tmp_path):
    with SiteServer(broken, extra_headers=[("LinkChecker", "unthrottled")]) as running:
        report = linkcheck(running.url + "/index.html", tmp_path / "linkchecker")
    assert not report.clean
    assert report.errors >= 1 and "/bestaat-niet/" in report.output, report.output


def test_the_anchor_check_reports_the_broken_anchor_every_time(broken):
    for _ in range(3):
        problems = anchor_problems(broken)
        assert any("/index.html#geen-anker" in line for line in problems), problems
        assert any("/bestaat-niet/" in line for line in problems), problems


def test_console_recorder_reports_the_blocked_inline_script(tab, server):
    assert tab.visit(server.url + "/index.html").problems() == []
    record = tab.visit(server.url + "/inline-script.html")
    assert any(problem.startswith("CSP violation") for problem in record.problems()), record
    assert tab.page.title() == "Script"  # the CSP really blocked it


def test_third_party_image_is_blocked_by_csp_and_reported(tab, server):
    record = tab.visit(server.url + "/third-party.html")
    assert any(p.startswith("CSP violation") and "example.invalid" in p for p in record.problems()), record


def test_request_recorder_reports_other_hosts_even_without_csp(tab, broken):
    """Defence in depth: if the CSP were loosened, the request itself is still caught."""
    with SiteServer(broken, headers_file=None) as bare:
        record = tab.visit(bare.url + "/third-party.html")
    assert "http://example.invalid/x.png" in record.requests
    assert "request to another host: http://example.invalid/x.png" in record.problems(), record
