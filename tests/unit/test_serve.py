"""The preview server answers only this computer's own pages, judges a request before its body, and
chooses each response's headers from the file it actually serves."""

from __future__ import annotations

import http.client
import socket
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from werkplaatsen.hosting.headers import HEADERS_FILE, headers_for, parse_headers_file
from werkplaatsen.hosting.serve import MAX_REQUEST_BYTES, Reply, SiteServer

RULES = parse_headers_file(HEADERS_FILE)
# A small built site: each file's bytes name it, so a response says which file was served.
FILES = {"404.html": b"<p>niet gevonden</p>", "index.html": b"<p>home</p>", "sessies/index.html": b"<p>sessies</p>",
         "sessies/concept/index.html": b"<p>concept</p>", "bestanden/x.pdf": b"%PDF-1.4 x",
         "bestanden/sessies/index.html": b"<p>een download die html is</p>", "theme/site.0123456789.css": b"p{}"}
# What nginx serves for each file: the URL path its headers are chosen from.
URL_OF = {"404.html": "/404.html", "index.html": "/", "sessies/index.html": "/sessies/",
          "sessies/concept/index.html": "/sessies/concept/", "bestanden/x.pdf": "/bestanden/x.pdf",
          "bestanden/sessies/index.html": "/bestanden/sessies/", "theme/site.0123456789.css": "/theme/site.0123456789.css"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The site above, with a route that records every request it gets."""
    root = tmp_path_factory.mktemp("site")
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    calls = []

    def route(method, headers, body):
        calls.append((method, body))
        return Reply(200, "application/json", b'{"ok": true}')

    with SiteServer(root, routes={"/api/v1": route}) as running:
        running.calls = calls
        yield running


def send(server, method: str, path: str, headers: dict[str, str], body: bytes | None = None):
    """One request with exactly these headers (Host included): (status, headers, body)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    try:
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for name, value in headers.items():
            connection.putheader(name, value)
        connection.endheaders(body)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def own(server, **extra) -> dict[str, str]:
    return {"Host": f"localhost:{server.port}", **extra}


FOREIGN_HOSTS = ["evil.example", "evil.example:{port}", "127.0.0.1", "localhost", "127.0.0.1:1",
                 "localhost.evil.example:{port}", "[::1]:{port}", "0.0.0.0:{port}", "127.0.0.2:{port}", ""]


@pytest.mark.parametrize("host", FOREIGN_HOSTS)
@pytest.mark.parametrize("method, path", [("GET", "/"), ("GET", "/sessies/concept/"), ("HEAD", "/bestanden/x.pdf"),
                                          ("GET", "/theme/site.0123456789.css"), ("GET", "/bestaat-niet/"),
                                          ("GET", "/api/v1"), ("POST", "/api/v1")])
def test_a_foreign_host_is_refused_on_every_route(server, host, method, path):
    """DNS rebinding: a page of evil.example, whose name now points to 127.0.0.1, reads nothing here."""
    calls = len(server.calls)
    status, _, body = send(server, method, path, {"Host": host.format(port=server.port), "Content-Length": "2"}
                           if method == "POST" else {"Host": host.format(port=server.port)}, b"{}" if method == "POST"
                           else None)
    assert status == 403
    assert not any(data in body for data in FILES.values())
    assert len(server.calls) == calls, "the route was not called"


def test_the_loopback_names_with_its_own_port_are_served(server):
    for host in (f"localhost:{server.port}", f"127.0.0.1:{server.port}", f"LocalHost:{server.port}"):
        assert send(server, "GET", "/sessies/", {"Host": host})[2] == FILES["sessies/index.html"], host
    two = head_only(server, ["GET / HTTP/1.1", f"Host: localhost:{server.port}", "Host: evil.example"])
    assert two.startswith(b"HTTP/1.1 403 "), "two Host headers"


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://localhost:1", "https://localhost:{port}",
                                    "http://127.0.0.1:{port}"])
@pytest.mark.parametrize("method, path", [("GET", "/sessies/concept/"), ("POST", "/api/v1")])
def test_another_origin_is_refused(server, origin, method, path):
    """A page of another origin (another local port included) may not call the API or read a page with CORS."""
    calls = len(server.calls)
    headers = own(server, Origin=origin.format(port=server.port))
    status, _, body = send(server, method, path, {**headers, "Content-Length": "2"} if method == "POST" else headers,
                           b"{}" if method == "POST" else None)
    assert status == 403 and FILES["sessies/concept/index.html"] not in body
    assert len(server.calls) == calls


def test_the_own_origin_reaches_the_route_with_its_body(server):
    calls = len(server.calls)
    status, _, _ = send(server, "POST", "/api/v1", own(server, Origin=f"http://localhost:{server.port}",
                                                       **{"Content-Length": "2"}), b"{}")
    assert status == 200 and server.calls[calls:] == [("POST", b"{}")]


def head_only(server, lines: list[str]) -> bytes:
    """Send only a request's head, announcing a body that never comes, and read what the server answers.

    A server that waited for the body would answer nothing and the read would time out.
    """
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as connection:
        connection.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))
        answer = b""
        while b"\r\n\r\n" not in answer:
            chunk = connection.recv(4096)
            assert chunk, "the server closed without an answer"
            answer += chunk
        return answer


@pytest.mark.parametrize("extra, status", [
    (["Origin: http://evil.example", "Content-Length: 1000"], 403),
    (["Content-Length: 1000", "Host: evil.example"], 403),
    ([f"Content-Length: {MAX_REQUEST_BYTES + 1}"], 413),
    (["Content-Length: 10000000000000"], 413),
    (["Content-Length: -1"], 400),
    (["Content-Length: veel"], 400),
    (["Content-Length: \u00b2"], 400),
    (["Content-Length: 10", "Content-Length: 10"], 411),
    (["Transfer-Encoding: chunked"], 411),
    ([], 411),
    (["Origin: http://evil.example", "Content-Length: 1000", "Expect: 100-continue"], 403),
])
def test_host_origin_and_length_are_judged_before_a_body_is_read(server, extra, status):
    calls = len(server.calls)
    hosts = [] if any(line.startswith("Host:") for line in extra) else [f"Host: localhost:{server.port}"]
    answer = head_only(server, ["POST /api/v1 HTTP/1.1", *hosts, "Content-Type: application/json", *extra])
    assert answer.startswith(f"HTTP/1.1 {status} ".encode()), answer[:40]
    assert b"Connection: close" in answer, "the unread body is never taken for a next request"
    assert len(server.calls) == calls


def test_only_a_post_to_a_route_has_a_body(server):
    port = server.port
    for method, path, status in [("POST", "/sessies/", 405), ("GET", "/api/v1", 400), ("GET", "/", 400),
                                 ("PUT", "/api/v1", 400)]:
        answer = head_only(server, [f"{method} {path} HTTP/1.1", f"Host: localhost:{port}", "Content-Length: 1000"])
        assert answer.startswith(f"HTTP/1.1 {status} ".encode()), (method, path, answer[:40])


def test_an_admitted_body_is_asked_for_with_100_continue(server):
    answer = head_only(server, ["POST /api/v1 HTTP/1.1", f"Host: localhost:{server.port}", "Content-Length: 2",
                                "Expect: 100-continue"])
    assert answer.startswith(b"HTTP/1.1 100 Continue")


def test_headers_come_from_the_path_it_serves_not_the_one_asked(server):
    """/sessies/..%2fbestanden/x.pdf is the download x.pdf: it gets the downloads' sandbox, as in nginx."""
    status, headers, body = send(server, "GET", "/sessies/..%2fbestanden/x.pdf", own(server))
    assert status == 200 and body == FILES["bestanden/x.pdf"]
    assert headers["Content-Security-Policy"] == "sandbox; default-src 'none'"
    status, headers, body = send(server, "GET", "/bestanden/..%2Fsessies/concept/", own(server))
    assert body == FILES["sessies/concept/index.html"]
    assert headers["Content-Security-Policy"] == dict(headers_for(RULES, "/"))["Content-Security-Policy"]


def test_a_name_the_file_system_cannot_open_is_not_found(server):
    for path in ("/%00", "/bestanden/x.pdf%00.html", "/%ed%a0%80", "/%ff"):
        status, _, body = send(server, "GET", path, own(server))
        assert status == 404 and body == FILES["404.html"], path


SEGMENTS = ["sessies", "bestanden", "theme", "concept", "x.pdf", "site.0123456789.css", "index.html", "..", ".", "",
            "%2e%2e", "%2E", "%2f", "..%2f", "%62estanden", "se%73sies", "x%2epdf", "%2fbestanden"]


@settings(derandomize=True, max_examples=300, deadline=None)
@given(parts=st.lists(st.sampled_from(SEGMENTS), min_size=1, max_size=6), trailing=st.booleans())
def test_every_spelling_of_a_path_gets_the_headers_of_the_file_it_serves(server, parts, trailing):
    path = "/" + "/".join(parts) + ("/" if trailing else "")
    status, headers, body = send(server, "GET", path, own(server))
    if status == 301:  # a folder without its slash: the next request gets it
        return
    served = next(name for name, data in FILES.items() if data == body)
    assert status == (404 if served == "404.html" else 200), path
    for name, value in headers_for(RULES, URL_OF[served]):
        assert headers.get_all(name) == [value], (path, served, name)


def test_the_served_file_is_one_of_the_site(server):
    """The property above reads the file from its bytes: every file of the site has bytes of its own."""
    assert len(set(FILES.values())) == len(FILES) and set(URL_OF) == set(FILES)
    assert all(Path(name).parts[0] != ".." for name in FILES)
