"""`make serve`: the real preview answers this computer's own pages only (no DNS rebinding)."""

from __future__ import annotations

import http.client
from urllib.parse import urlsplit

from werkplaatsen.build import problems


def get(preview, path: str, host: str) -> tuple[int, str]:
    connection = http.client.HTTPConnection(urlsplit(preview.url).netloc, timeout=10)
    try:
        connection.putrequest("GET", path, skip_host=True)
        connection.putheader("Host", host)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace")
    finally:
        connection.close()


def test_a_page_of_another_website_that_points_its_name_here_reads_nothing(preview):
    """DNS rebinding: evil.example, now resolving to 127.0.0.1, asks for a draft in the visitor's browser."""
    port = urlsplit(preview.url).port
    assert "Een concept" in get(preview, "/sessies/concept/", f"localhost:{port}")[1], "the draft, for its own pages"
    for host in (f"evil.example:{port}", "evil.example", f"127.0.0.1.nip.io:{port}"):
        # The preview's own routes too: its problems name files, lines and what a draft says.
        for path in ("/sessies/concept/", "/", "/bestanden/werkblad.pdf", "/bestaat-niet/",
                     problems.JSON_URL, problems.STYLESHEET_URL):
            status, body = get(preview, path, host)
            assert status == 403 and "concept" not in body and "%PDF" not in body, (host, path)
