"""The test server behaves like the static host and sends exactly the headers of hosting/_headers."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from werkplaatsen.serve import HEADERS_FILE, parse_headers_file

pytestmark = pytest.mark.browser

REQUIRED = {
    "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
    "X-Frame-Options",
}


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8")


def test_headers_file_is_strict():
    rules = parse_headers_file(HEADERS_FILE)
    assert [pattern for pattern, _ in rules] == ["/*"]
    headers = dict(rules[0][1])
    assert REQUIRED <= set(headers), REQUIRED - set(headers)
    csp = {name: values for name, *values in
           (directive.split() for directive in headers["Content-Security-Policy"].split(";") if directive.strip())}
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in headers["Content-Security-Policy"]
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] in ("strict-origin-when-cross-origin", "no-referrer")


def test_pages_assets_and_404_carry_exactly_the_headers(served_site):
    expected = parse_headers_file(HEADERS_FILE)[0][1]
    for path, status_wanted in [("/", 200), ("/sessies/", 200), ("/theme/css/site.css", 200),
                                ("/bestaat-niet/", 404)]:
        status, headers, body = fetch(served_site.url + path)
        assert status == status_wanted, path
        for name, value in expected:
            assert headers.get_all(name) == [value], (path, name)
    status, _, body = fetch(served_site.url + "/bestaat-niet/")
    assert body == (served_site.directory / "404.html").read_text(encoding="utf-8")


def test_directory_urls_serve_index_html(served_site):
    status, headers, body = fetch(served_site.url + "/sessies/")
    assert status == 200 and headers.get_content_type() == "text/html"
    assert body == (served_site.directory / "sessies" / "index.html").read_text(encoding="utf-8")
    status, _, body = fetch(served_site.url + "/theme/")  # a folder without index.html
    assert status == 404
