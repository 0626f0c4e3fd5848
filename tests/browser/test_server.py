"""The test server (also the preview) behaves like the static host and sends exactly the headers of hosting/_headers."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from urllib.parse import urlsplit

import pytest

from werkplaatsen.hosting.headers import HEADERS_FILE, headers_for, meta_policy, parse_headers_file
from werkplaatsen.model.routes import ASSETS_URL, FILES_URL

pytestmark = pytest.mark.browser

REQUIRED = {
    "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy",
    "X-Frame-Options",
}


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback only
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


def csp_of(policy: str) -> dict[str, list[str]]:
    return {name: values for name, *values in (part.split() for part in policy.split(";") if part.strip())}


def test_headers_file_is_strict():
    rules = parse_headers_file(HEADERS_FILE)
    headers = dict(headers_for(rules, "/sessies/x/"))
    assert REQUIRED <= set(headers), REQUIRED - set(headers)
    csp = csp_of(headers["Content-Security-Policy"])
    assert "'unsafe-inline'" not in headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in headers["Content-Security-Policy"]
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'", "'wasm-unsafe-eval'"]  # Pagefind's WebAssembly (the search)
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["Cache-Control"] == "no-cache"
    assert headers["Referrer-Policy"] in ("strict-origin-when-cross-origin", "no-referrer")


def test_later_rules_replace_a_header_for_their_paths():
    rules = parse_headers_file(HEADERS_FILE)
    theme = dict(headers_for(rules, f"{ASSETS_URL}site.0123456789.css"))
    assert theme["Cache-Control"] == "public, max-age=31536000, immutable"
    assert theme["X-Content-Type-Options"] == "nosniff"
    download = dict(headers_for(rules, f"{FILES_URL}verslag.pdf"))
    assert download["Content-Security-Policy"] == "sandbox; default-src 'none'"
    assert download["Cache-Control"] == "no-cache"


def test_every_page_carries_the_policy_a_meta_element_can_hold(site):
    policy = meta_policy(parse_headers_file(HEADERS_FILE))
    assert "frame-ancestors" not in policy and csp_of(policy)["script-src"] == ["'self'", "'wasm-unsafe-eval'"]
    for html_file in site.html_files():
        assert f'<meta http-equiv="Content-Security-Policy" content="{policy.replace(chr(39), "&#39;")}">' in \
            html_file.read_text(encoding="utf-8"), html_file


def test_pages_assets_downloads_and_404_carry_exactly_the_headers(served_site):
    rules = parse_headers_file(HEADERS_FILE)
    stylesheet = next((served_site.directory / "theme").glob("site.*.css")).name
    download = next((served_site.directory / "bestanden").rglob("*.pdf")).relative_to(served_site.directory).as_posix()
    for path, status_wanted in [("/", 200), ("/sessies/", 200), (ASSETS_URL + stylesheet, 200), (f"/{download}", 200),
                                ("/bestaat-niet/", 404)]:
        status, headers, body = fetch(served_site.url + path)
        assert status == status_wanted, path
        for name, value in headers_for(rules, path):
            assert headers.get_all(name) == [value], (path, name)
    status, _, body = fetch(served_site.url + "/bestaat-niet/")
    assert body == (served_site.directory / "404.html").read_text(encoding="utf-8")


def test_directory_urls_serve_index_html(served_site):
    status, headers, body = fetch(served_site.url + "/sessies/")
    assert status == 200 and headers.get_content_type() == "text/html"
    assert body == (served_site.directory / "sessies" / "index.html").read_text(encoding="utf-8")
    status, _, body = fetch(served_site.url + ASSETS_URL)  # a folder without index.html
    assert status == 404


def test_a_missing_file_gets_the_headers_of_the_404_page(served_site):
    """Like nginx: a missing /theme/ file is the 404 page, never cached for a year."""
    status, headers, _ = fetch(served_site.url + f"{ASSETS_URL}bestaat-niet.0123456789.css")
    assert status == 404
    assert headers["Cache-Control"] == "no-cache"


def test_after_a_404_the_same_connection_sends_each_file_its_own_headers(served_site):
    """A browser reuses its connection: the 404 page's headers must not stick to the next file."""
    stylesheet = next((served_site.directory / "theme").glob("site.*.css")).name
    connection = http.client.HTTPConnection(urlsplit(served_site.url).netloc, timeout=10)
    try:
        for path, cache in [(ASSETS_URL + stylesheet, "immutable"), ("/bestaat-niet/", "no-cache"),
                            (ASSETS_URL + stylesheet, "immutable")]:
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            assert cache in response.headers["Cache-Control"], path
    finally:
        connection.close()
